"""Names that are one actor by the coreference stage's alias rules dispute nothing: an
abbreviation with and without dots, a partial name, metonymy, a spokesperson for a body."""

from __future__ import annotations

from tests.compare.test_checks import _compare, _high

TAIL = " Talks are due to resume in Varo next month, officials said."


def _types(a: str, b: str) -> set[str]:
    return _high(_compare(a + TAIL, b + TAIL))


def test_an_abbreviation_with_and_without_dots_is_one_actor() -> None:
    assert not _types(
        "The E.U. imposed new tariffs of 12 per cent on Veltrian steel on Monday.",
        "The EU imposed new tariffs of 12 per cent on Veltrian steel on Monday.",
    )


def test_a_seat_of_government_stands_for_the_government() -> None:
    words = "that the sanctions on Veltrian grain exporters would be lifted within a month"
    assert "attribution" not in _types(
        f"The Kremlin said {words}.", f"The Russian government said {words}."
    )


def test_a_spokeswoman_speaks_for_her_body() -> None:
    words = "no replacement labour had been used at any terminal of the port"
    assert "attribution" not in _types(
        f"A spokeswoman for the Kestrel Port Authority said {words}.",
        f"The Kestrel Port Authority said {words}.",
    )


def test_the_same_words_from_two_people_are_still_disputed() -> None:
    words = "every hour those cranes stand still, the whole country pays for it"
    c = _compare(
        f'"{words.capitalize()}," said Henrik Solvang, chief executive of the port.' + TAIL,
        f'"{words.capitalize()}," said Beatrix Hale, president of the chamber.' + TAIL,
    )
    assert "attribution" in _high(c)
