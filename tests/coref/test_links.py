"""Within-document links from syntax, and time expressions on the calendar, on sentences written
for these tests."""

from __future__ import annotations

import pytest

from newsprism.coref.lexicon import load, time_anchors, times_clash, times_match
from newsprism.coref.mentions import ENTITY, MentionSpan, describe, sentence_index
from newsprism.coref.run import syntactic_links


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("Sunday", "on Sunday, February 22, 2009", False),
        ("Saturday", "late Friday", True),
        ("on Feb. 22", "February 22", False),
        ("in March 2030", "in April 2030", True),
        ("in 2029", "in 2030", True),
        ("today", "Friday", False),
        ("this morning", "this afternoon", True),
        ("late Friday night", "Friday", False),
        ("10:24 a.m. Friday", "Friday morning", False),
        ("three years", "485 years", True),
        ("three years", "three years ago", False),
        ("on March 11", "March 12", True),
    ],
)
def test_times_clash_only_on_different_days_months_or_years(a: str, b: str, want: bool) -> None:
    lex = load()
    assert times_clash(time_anchors(a, lex), time_anchors(b, lex)) is want


def test_time_anchors_read_one_form_per_name() -> None:
    lex = load()
    want = {"d:sunday", "m:february", "n:22", "y:2009"}
    assert time_anchors("on Sun., Feb. 22, 2009", lex) == want
    assert time_anchors("this morning", lex) == {"p:morning"}
    assert time_anchors("today", lex) == frozenset()


def test_one_part_of_the_day_alone_is_no_match() -> None:
    lex = load()
    assert not times_match(time_anchors("this morning", lex), time_anchors("Saturday morning", lex))
    assert times_match(time_anchors("Saturday morning", lex), time_anchors("on Saturday", lex))
    # nor is one number: three days are not three years
    assert not times_match(time_anchors("three days", lex), time_anchors("three years", lex))


def _links(text: str, words: list[str]) -> set[tuple[str, str]]:
    from newsprism.extract import get_nlp

    doc = get_nlp()(text)
    spans = [MentionSpan(0, text.index(w), text.index(w) + len(w), ENTITY) for w in words]
    sents = sentence_index(doc)
    infos = [describe(doc, s, i, sentence_of=sents) for i, s in enumerate(spans)]
    return {(infos[i].text, infos[j].text) for i, j in syntactic_links([doc], infos)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Lindsay Varga, the actress, checked into a clinic.", "Lindsay Varga", "actress"),
        ("Organizers unveiled Hugh Marlow as the host of the gala.", "Hugh Marlow", "host"),
        ("Marlow was announced on Friday as host of the awards.", "Marlow", "host"),
        ("Officials said Dana Brook will be this year's host.", "Dana Brook", "host"),
        ("The Hawks fired coach Maurice Tiller on Saturday.", "Maurice Tiller", "coach"),
    ],
)
def test_a_role_beside_a_name_is_one_referent(text: str, name: str, role: str) -> None:
    assert (name, role) in _links(text, [name, role])


@pytest.mark.slow
def test_subject_and_object_are_not_linked() -> None:
    text = "Hugh Marlow thanked the producers on Friday."
    assert _links(text, ["Hugh Marlow", "producers"]) == set()
