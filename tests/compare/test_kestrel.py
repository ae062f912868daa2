"""Golden test on examples/kestrel-strike: five fictional outlets, five deliberate disagreements
of five types, and many traps (aliases, spokespeople, both sides of an allegation, different
quantities side by side, relative dates that land on one day). Every deliberate disagreement
is found with high confidence, and nothing else is."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare.types import Comparison
from newsprism.eval.disagreements import (
    _index,
    _summarise,
    load_documents,
    load_events,
    load_gold,
    match,
    score_events,
)

FOLDER = Path(__file__).parents[2] / "examples" / "kestrel-strike"


@pytest.fixture(scope="module")
def scored() -> list[dict]:
    gold, events = load_gold(FOLDER / "gold.jsonl"), load_events(FOLDER / "events.jsonl")
    return score_events(gold, events, load_documents([FOLDER]))


@pytest.fixture(scope="module")
def result(scored: list[dict]) -> dict:
    return _summarise(scored)


def test_every_deliberate_disagreement_is_found(result: dict) -> None:
    assert result["gold_sure"] == 5
    assert result["gold_found"] == 5, result["missed"]


def test_nothing_else_is_high_confidence(result: dict) -> None:
    assert result["unmatched"] == []
    assert result["precision"] == 1.0


def test_the_ballot_dispute_cites_every_report_giving_a_share(scored: list[dict]) -> None:
    # alignment links one of the reports saying 87 %; another is found by its figure
    (x,) = [f for ev in scored for f in ev["findings"] if f["type"] == "number"]
    docs = [e["doc"] for e in x["evidence"]]
    assert {"01_meridian_wire", "02_daily_clarion", "04_kestrel_evening_post"} <= set(docs)
    assert "S1, S2 say 87 %" in x["summary"]


def test_each_type_is_shown_once(result: dict) -> None:
    assert sorted(result["types"]) == ["attribution", "date", "entity_set", "number", "quote"]
    assert all(row["shown"] == row["correct"] == 1 for row in result["types"].values())


def test_matching_needs_two_reports_with_different_spans() -> None:
    # one report's span alone does not make a match: a finding must show two sides
    gold = load_gold(FOLDER / "gold.jsonl")
    docs = load_documents([FOLDER])
    ev = load_events(FOLDER / "events.jsonl")[0]
    from newsprism.compare.types import Contradiction, Span

    art = docs[ev.docs[0]]
    side = next(s for s in gold[0].sides if s.doc == ev.docs[0])
    at = art.text.find(side.span)
    one_side = Contradiction("C1", gold[0].type, 0.9,
                             (Span("S1", at, at + len(side.span), side.span),), "x")  # fmt: skip
    sources = {f"S{i + 1}": (d, docs[d]) for i, d in enumerate(ev.docs)}
    assert match(_index([g for g in gold if g.event == ev.event], sources), one_side) is None
    assert isinstance(Comparison, type)
