"""One speaker's statement told in two ways: a report that splits it into pieces ("X said divers
had surveyed the pier and found no damage") aligns with a report that says it whole ("X said the
pier itself showed no signs of damage"). The sentences are invented for these tests."""

from __future__ import annotations

import pytest

from newsprism.compare import align as al
from newsprism.compare import compare_articles
from newsprism.embed import get_embedder
from tests.compare.test_checks import _article
from tests.compare.test_layers import _units

LEAD = "Heavy snow closed the coast road at Harlow on Monday. "
SPLIT = [
    "Harlow Ports, which manages the quay, said divers had surveyed the pier and found no damage.",
    "Tessa Grid, which owns the pylons, said engineers had inspected the towers and found no "
    "faults.",
]
WHOLE = [
    "Its operator, Harlow Ports, said the pier itself showed no signs of damage.",
    "Its owner, Tessa Grid, said the structures themselves showed no signs of damage.",
]


def _group_of_whole(split: str, whole: str) -> list[str]:
    us = _units(LEAD + split, LEAD + whole)
    vectors = al.embed_units(us, get_embedder())
    scores = al.pair_scores(us, vectors)
    grouped = al.attach(us, scores, al.groups(us, scores, al.link(us, scores)))
    last = us[-1].uid
    (group,) = [g for g in grouped if last in g]
    return [us[i].text for i in group]


@pytest.mark.parametrize(("split", "whole"), list(zip(SPLIT, WHOLE, strict=True)))
def test_pieces_of_one_statement_align_with_its_whole(split: str, whole: str) -> None:
    texts = _group_of_whole(split, whole)
    # both verbs of the split statement join the whole one ("surveyed" adds to it)
    assert any(t.startswith("found no") for t in texts), texts
    assert any(t.endswith(" and") for t in texts), texts
    assert len(texts) == 3, texts


def test_the_piece_carries_the_whole_statement() -> None:
    us = _units(LEAD + SPLIT[0], LEAD + WHOLE[0])
    pieces = [u for u in us if u.source == 0 and u.reported]
    assert {u.text for u in pieces} == {"divers had surveyed the pier and", "found no damage"}
    assert {u.reported for u in pieces} == {"divers had surveyed the pier and found no damage"}
    # a claim that is the whole of what was said carries no separate statement
    (whole,) = [u for u in us if u.source == 1 and u.speakers]
    assert whole.reported == ""


def test_other_speakers_statements_stay_apart() -> None:
    other = WHOLE[0].replace("Harlow Ports", "Mira Lund")
    texts = _group_of_whole(SPLIT[0], other)
    assert not any(t.startswith("divers") for t in texts), texts


def test_the_fact_is_one_shared_by_both_reports() -> None:
    c = compare_articles([_article(LEAD + SPLIT[0], "a"), _article(LEAD + WHOLE[0], "b")])
    (fact,) = [f for f in c.facts if any("pier itself" in s.text for s in f.claims)]
    assert fact.sources == ("S1", "S2")
    # neither piece of the statement is told apart as said by one report only (the relative
    # clause "which manages the quay" is)
    focus = [
        a.span.text[a.span.focus_start - a.span.start : a.span.focus_end - a.span.start]
        for a in c.additions
    ]
    assert not [f for f in focus if "divers" in f or "damage" in f], focus
    assert not [x for x in c.contradictions if x.high]
