"""The acceptance list of issue 5 on the seed pair (skips when ../shared is absent)."""

from __future__ import annotations

from newsprism.compare import Comparison


def _high(c: Comparison) -> list:
    return [x for x in c.contradictions if x.high]


def test_exactly_two_high_confidence_contradictions(seed: Comparison) -> None:
    assert sorted(x.type for x in _high(seed)) == ["date", "entity_set"]


def test_day_of_the_call_with_both_spans_and_time_zone_note(seed: Comparison) -> None:
    (date,) = [x for x in _high(seed) if x.type == "date"]
    by_source = {e.source: e for e in date.evidence}
    assert set(by_source) == {"S1", "S2"}
    assert "Thursday" in by_source["S1"].text and "2020-01-02" in by_source["S1"].value
    assert "Friday" in by_source["S2"].text and "2020-01-03" in by_source["S2"].value
    assert "time zone" in date.note and "one day" in date.note


def test_who_backs_haftar(seed: Comparison) -> None:
    (lists,) = [x for x in _high(seed) if x.type == "entity_set"]
    by_source = {e.source: e for e in lists.evidence}
    assert "Jordan" in by_source["S1"].value and "Saudi" not in by_source["S1"].value
    assert "Saudi Arabia" in by_source["S2"].value and "Jordan" not in by_source["S2"].value
    assert "Egypt" in by_source["S1"].text and "Egypt" in by_source["S2"].text


def test_evidence_offsets_point_into_each_article(seed: Comparison) -> None:
    from newsprism.api import read
    from tests.conftest import SEED_A, SEED_B

    texts = {"S1": read(SEED_A)[0].text, "S2": read(SEED_B)[0].text}
    for x in seed.contradictions:
        for e in x.evidence:
            assert texts[e.source][e.start : e.end] == e.text


def _agreed(seed: Comparison, *words: str) -> bool:
    for f in seed.agreements:
        blob = " ".join(c.text for c in f.claims).lower()
        if all(w.lower() in blob for w in words) and set(f.sources) == {"S1", "S2"}:
            return True
    return False


def test_agreements(seed: Comparison) -> None:
    assert _agreed(seed, "Thursday", "Friday")  # the phone call itself
    assert _agreed(seed, "foreign interference is complicating the situation")
    assert _agreed(seed, "de-escalation in Idlib")
    assert _agreed(seed, "Parliament approved")
    assert _agreed(seed, "Russian missile systems", "S-400")
    assert _agreed(seed, "visited the White House", "at the White House")
    assert _agreed(seed, "Kurdish forces", "offensive")


def _added(seed: Comparison, source: str, *words: str) -> bool:
    """``source`` alone says it: as an addition, or as a detail shown beside a shared fact
    whose sentence it is in (that sentence is told once, as the shared fact)."""
    for a in seed.additions:
        blob = (a.text + " " + a.span.text).lower()
        if a.source == source and all(w.lower() in blob for w in words):
            return True
    for f in seed.shared:
        for d in f.details:
            blob = (d.text + " " + d.span.text).lower()
            if d.source == source and all(w.lower() in blob for w in words):
                return True
    return False


def test_additions_of_the_first_report(seed: Comparison) -> None:
    assert _added(seed, "S1", "Hogan Gidley")
    assert _added(seed, "S1", "Russian mercenaries")
    assert _added(seed, "S1", "Mar-a-Lago")
    assert _added(seed, "S1", "NATO")
    # the sentence is the summary of a fact both report (its last clause is aligned with S2),
    # so it is told there, once, and is no addition
    told = [f for f in seed.shared if "250,000 migrants" in f.summary]
    assert told or _added(seed, "S1", "250,000 migrants")
    assert not (told and _added(seed, "S1", "250,000 migrants"))


def test_each_sentence_is_told_once(seed: Comparison) -> None:
    shown = [(a.source, a.span.start) for a in seed.additions]
    assert len(shown) == len(set(shown))
    summaries = {f.summary for f in seed.shared}
    assert not [a for a in seed.additions if a.text in summaries]


def test_additions_of_the_second_report(seed: Comparison) -> None:
    assert _added(seed, "S2", "one-year")
    assert _added(seed, "S2", "fool")
    assert _added(seed, "S2", "F-35")
    assert _added(seed, "S2", "sanctions")
    assert _added(seed, "S2", "steel tariffs", "100 billion")
    assert _added(seed, "S2", "2014")
    assert _added(seed, "S2", "Qatar")


def test_brief_cites_every_sentence_and_leads_with_consensus(seed: Comparison) -> None:
    sections = [b.section for b in seed.brief]
    assert sections == sorted(sections, key=["consensus", "addition", "dispute"].index)
    assert all(b.sources and b.refs for b in seed.brief)


def test_actor_graph_has_turkey_backing_the_gna_per_source_2(seed: Comparison) -> None:
    edges = [
        e
        for e in seed.actors
        if e.actor == "country:TR" and "government_of_national_accord" in e.target
    ]
    assert edges and all(e.sources == ("S2",) for e in edges)
