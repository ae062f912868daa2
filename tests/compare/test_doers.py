"""Who did one decisive act, read beside the act in each report and compared (compare/doers.py)."""

from __future__ import annotations

import pytest

from newsprism.compare import compare_articles, doers
from newsprism.extract import extract
from tests.compare.test_checks import _article


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(x.verb, x.thing, x.name) for x in doers.doers_in(0, text, extract(text))]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # the act, then its thing, after the doer's name
        ("Mayor John Webster ordered the evacuation of the town on Monday.",
         ("order", "evacuation", "John Webster")),
        # the thing's phrase ends where another begins ("the recall the same day")
        ("The Ministry of Health ordered the recall the same day.",
         ("order", "recall", "Ministry of Health")),
        # the thing, then the act, the doer after "by" (a title before the name is no doer)
        ("The strike, ordered by Defence Minister Helen Carter, began at dawn.",
         ("order", "strike", "Helen Carter")),
        ("The recall of nine cheeses and spreads was announced on Tuesday evening by Health "
         "Minister Thomas Wendt.", ("announce", "recall", "Thomas Wendt")),
        # a cleft sentence names the doer before "who"
        ("It was the defence minister, Helen Carter, who ordered the strike.",
         ("order", "strike", "Helen Carter")),
        # an order named as a noun and signed is the act of ordering it
        ("Families left under an evacuation order signed by the governor, Edward Falk.",
         ("order", "evacuation", "Edward Falk")),
        # the thing, then "which" and the doer before the act; the doer an acronym the
        # article spells out, which the tagger does not label there
        ("The Food Safety and Veterinary Agency (FSVA) closed the plant. The recall, which the "
         "FSVA ordered the same day, covers every pot.",
         ("order", "recall", "FSVA")),
        # "on the orders of" names who ordered the thing a passive tells done
        ("The line was closed on Thursday night on the orders of Hanno Greiff, the transport "
         "commissioner.", ("order", "line", "Hanno Greiff")),
        # the state a thing is ordered into is not the thing ordered
        ("Safety chief Ottilie Wendhaus ordered the line SHUT last night.",
         ("order", "line", "Ottilie Wendhaus")),
        ("Its chief inspector, Ottilie Wendhaus, ordered the line closed on Thursday night.",
         ("order", "line", "Ottilie Wendhaus")),
    ],
)  # fmt: skip
def test_the_doer_is_read_beside_the_act(text: str, reading: tuple[str, str, str]) -> None:
    assert reading in _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "The strike was not ordered by Defence Minister Helen Carter.",  # denied
        "It was ordered by Defence Minister Helen Carter.",  # no thing named
        "Helen Carter said the strike had been a mistake.",  # no act read
        "Helen Carter announced that the strike had ended.",  # a clause announced, no thing
        # an order denied
        "The line was not closed on the orders of Hanno Greiff, the transport commissioner.",
    ],
)
def test_no_doer_is_read_where_the_act_is_denied_or_its_thing_unnamed(text: str) -> None:
    assert _read(text) == []


def _doer(source: int, name: str, key: str = "") -> doers.Doer:
    key = key or "person:" + name.lower().replace(" ", "_")
    return doers.Doer(source, "order", "strike", key, name, 0, len(name))


def _same(x: doers.Doer, y: doers.Doer) -> bool:
    return x.key == y.key


def test_two_reports_against_one_make_a_backed_dispute() -> None:
    (d,) = doers.disputes(
        [_doer(0, "Anna Varo"), _doer(1, "Anna Varo"), _doer(2, "Lida Bren")], _same
    )
    assert d.backed and d.names == ("Anna Varo", "Anna Varo", "Lida Bren")
    assert d.past == "ordered"
    (one,) = doers.disputes([_doer(0, "Anna Varo"), _doer(1, "Lida Bren")], _same)
    assert not one.backed  # one report against one may tell of two acts


def test_a_report_naming_both_doers_or_doers_of_two_kinds_is_no_dispute() -> None:
    both = [_doer(0, "Anna Varo"), _doer(0, "Lida Bren"), _doer(1, "Lida Bren")]
    assert doers.disputes(both, _same) == []
    body = [_doer(0, "Anna Varo"), _doer(1, "Anna Varo"), _doer(2, "Defence Ministry", "org:dm")]
    assert doers.disputes(body, _same) == []  # a person against a body: its head, its spokesman


_REPORTS = [
    "Troops shelled the border town of Vellory on Tuesday. The strike was ordered by President "
    "Marcus Holt, his spokeswoman said. At least nine people were killed.",
    "President Marcus Holt ordered the strike on Vellory himself, officials said on Tuesday. "
    "Nine people died in the shelling.",
    "Nine people were killed in Vellory on Tuesday. It was the defence minister, Helen Carter, "
    "who ordered the strike, according to an official account.",
]


def test_a_doer_one_report_gives_against_two_is_a_high_actor_dispute() -> None:
    articles = [_article(t, f"r{n}") for n, t in enumerate(_REPORTS)]
    found = [c for c in compare_articles(articles).contradictions if c.type == "actor"]
    assert [c.summary for c in found] == [
        "Who ordered the strike: S1, S2 say Marcus Holt; S3 says Helen Carter"
    ]
    assert found[0].confidence >= 0.8


_CLOSED = [
    "A cable fault stopped the Aldermoor funicular on Thursday. Chief inspector Ottilie Wendhaus "
    "ordered the line closed until further notice.",
    "The Aldermoor funicular stopped halfway up on Thursday. Its chief inspector, Ottilie "
    "Wendhaus, ordered the line SHUT last night.",
    "The Aldermoor funicular stopped on Thursday. The line was closed on Thursday night on the "
    "orders of Hanno Greiff, the provincial transport commissioner.",
]


def test_who_ordered_a_thing_closed_is_asked_with_the_state_it_was_put_in() -> None:
    articles = [_article(t, f"r{n}") for n, t in enumerate(_CLOSED)]
    (found,) = [c for c in compare_articles(articles).contradictions if c.type == "actor"]
    assert found.high and found.summary == (
        "Who ordered the line closed: S1, S2 say Ottilie Wendhaus; S3 says Hanno Greiff"
    )
