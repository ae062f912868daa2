"""The fictional three-outlet example shipped in examples/valmora-dam."""

from __future__ import annotations

from newsprism.compare import Comparison


def _by_type(c: Comparison, kind: str) -> list:
    return [x for x in c.contradictions if x.type == kind]


def _values(x) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.source: e.value for e in x.evidence}


def test_tuesday_vs_wednesday(valmora: Comparison) -> None:
    (d,) = _by_type(valmora, "date")
    v = _values(d)
    assert "Tuesday" in v["S1"] and "Wednesday" in v["S2"] and "Tuesday" in v["S3"]
    assert d.high


def test_evacuated_and_soldier_counts(valmora: Comparison) -> None:
    numbers = _by_type(valmora, "number")
    found = {frozenset(_values(x).items()) for x in numbers}
    evac = [x for x in numbers if any("3,500" in v for v in _values(x).values())]
    assert evac and _values(evac[0])["S1"].startswith("3,000")
    soldiers = [x for x in numbers if any("600" in v for v in _values(x).values())]
    assert soldiers and any(v.startswith("400") for v in _values(soldiers[0]).values())
    assert all(x.high for x in numbers), found


def test_altered_quote(valmora: Comparison) -> None:
    (q,) = _by_type(valmora, "quote")
    assert {e.source for e in q.evidence} == {"S1", "S2", "S3"}
    assert "anyone's life" in q.summary


def test_no_other_high_confidence_findings(valmora: Comparison) -> None:
    assert {x.type for x in valmora.contradictions if x.high} == {"date", "number", "quote"}


def test_additions_only_one_outlet_has(valmora: Comparison) -> None:
    blobs = {(a.source, a.text) for a in valmora.additions}
    assert any(s == "S2" and "Ines Varga" in t for s, t in blobs)
    assert any(s == "S2" and "maize" in t for s, t in blobs)
    assert any(s == "S2" and "Kesk" in t for s, t in blobs)
    assert not any(s != "S2" and "Varga" in t for s, t in blobs)


def test_matrix_marks_the_dissenting_outlet(valmora: Comparison) -> None:
    (d,) = _by_type(valmora, "date")
    row = next(r for r in valmora.matrix if r.fact == d.fact)
    cells = dict(row.cells)
    assert cells["S2"] == "contradicts"
    assert cells["S1"] in ("agrees", "adds") and cells["S3"] in ("agrees", "adds")


def test_timeline_is_sorted_and_flags_the_disputed_day(valmora: Comparison) -> None:
    days = [t.date for t in valmora.timeline]
    assert days == sorted(days)
    assert any(t.disputed for t in valmora.timeline)


def test_update_rather_than_disagreement() -> None:
    """A later report with a higher count reads as an update."""
    from newsprism.api import read
    from newsprism.compare import compare_articles
    from tests.compare.conftest import VALMORA

    a = read(VALMORA / "01_northern_courier.txt", published="2031-10-14")[0]
    b = read(VALMORA / "02_valley_post.txt", published="2031-10-16")[0]
    c = compare_articles([a, b])
    evac = [x for x in c.contradictions if x.type == "number" and "3,500" in x.summary]
    assert evac and evac[0].update and not evac[0].high
    assert "update" in evac[0].note


def test_json_top_level(valmora: Comparison) -> None:
    d = valmora.to_dict()
    for key in (
        "sources",
        "agreements",
        "additions",
        "contradictions",
        "brief",
        "timeline",
        "actors",
    ):
        assert key in d
    for x in d["contradictions"]:
        assert {"type", "confidence", "evidence"} <= set(x)
        for e in x["evidence"]:
            assert {"source", "text", "start", "end"} <= set(e)


def test_additions_read_as_statements(valmora: Comparison) -> None:
    """No headline fragments, no clause without its subject, no one-word details."""
    for a in valmora.additions:
        title = valmora.source(a.source).title
        assert a.span.start > len(title), a  # headlines condense the body: never an addition
        assert a.text[0].isupper() and a.text.rstrip("”\"'").endswith((".", "!", "?")), a
        first = a.text.split()[0].lower()
        assert first not in {"which", "who", "that", "and", "to", "as"}, a
        if a.kind == "detail":
            assert a.detail and all(w in a.text for w in a.detail.split()), a
        else:
            assert not a.detail


def test_brief_additions_are_whole_sentences(valmora: Comparison) -> None:
    for b in valmora.brief:
        if b.section == "addition":
            statement = b.text.split(": ", 1)[1]
            assert statement[0].isupper() and statement.endswith("."), b
            assert len(statement.split()) >= 5, b
