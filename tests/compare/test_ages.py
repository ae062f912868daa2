"""A person's age stated beside the name, compared across reports (compare/ages.py)."""

from __future__ import annotations

from newsprism.compare import ages
from newsprism.compare.ages import Age
from newsprism.extract import extract

A = "Rescuers said Ilse Marrow, 32, from Harlow, fell from the ridge on Sunday."
B = "Tributes were paid on Monday to 31-year-old Ilse Marrow, who died in the fall."
C = "Sixty-one-year-old Tomas Brede saw her fall. Brede, 61, called for help."
D = "Brede leaves a 16-year-old son and an 18-year-old daughter.\nTomas Brede spoke to reporters."


def _ages(text: str, source: int = 0) -> list[Age]:
    return ages.ages_in(source, text, extract(text))


def test_ages_after_and_before_a_name() -> None:
    assert [(x.name, x.age) for x in _ages(A)] == [("Ilse Marrow", 32)]
    assert [(x.name, x.age) for x in _ages(B)] == [("Ilse Marrow", 31)]
    # a number written as words, and the same age again under a short name
    assert {x.age for x in _ages(C)} == {61}


def test_an_age_in_an_apposition_after_the_name() -> None:
    # "Ilse Marrow, a 32-year-old nurse," gives her age as ", 32," would
    text = "Rescuers said Ilse Marrow, a 32-year-old nurse from Harlow, fell from the ridge."
    assert [(x.name, x.age) for x in _ages(text)] == [("Ilse Marrow", 32)]


def test_an_age_of_someone_else_is_not_bound_to_the_next_name() -> None:
    # "an 18-year-old daughter." ends a sentence: the age is the daughter's, not Brede's
    assert _ages(D) == []


def _same(x: Age, y: Age) -> bool:
    return x.key == y.key or x.name.split()[-1] == y.name.split()[-1]


def test_two_reports_giving_one_person_two_ages_disagree() -> None:
    found = _ages(A, 0) + _ages(B, 1) + _ages(C, 2)
    (d,) = ages.disputes(found, _same)
    assert d.name == "Ilse Marrow"
    assert sorted(x.age for x in d.ages) == [31, 32]


def test_a_report_giving_one_name_two_ages_is_not_read_for_it() -> None:
    found = [
        Age(0, "person:x", "Ann Lark", 30, 0, 2, 3),
        Age(0, "person:x", "Ann Lark", 40, 9, 11, 12),
        Age(1, "person:x", "Ann Lark", 35, 0, 2, 3),
    ]
    assert ages.disputes(found, _same) == []
