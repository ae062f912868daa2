"""Every fact in exactly one place, additions capped per source, notices in every format: on a
hand-built comparison (no models)."""

from __future__ import annotations

import json

import pytest

from newsprism.compare import (
    Addition,
    Comparison,
    Contradiction,
    Fact,
    Notice,
    Source,
    Span,
)
from newsprism.compare.languages import notice, set_aside
from newsprism.report import render_html, render_json, render_markdown, render_text
from newsprism.report.sections import ADDITIONS_PER_SOURCE, agreed, disputes


def _src(i: int, language: str | None = "en") -> Source:
    return Source(f"S{i}", f"a{i}", f"Outlet {i}", f"Title {i}", None, None, f"{i}.txt", None,
                  language)  # fmt: skip


def _span(sid: str, text: str, start: int = 0) -> Span:
    return Span(sid, start, start + len(text), text)


def _fact(fid: str, summary: str, contradictions: tuple[str, ...] = ()) -> Fact:
    return Fact(
        id=fid,
        label="contradicts" if contradictions else "agree",
        sources=("S1", "S2"),
        claims=(_span("S1", summary), _span("S2", summary)),
        summary=summary,
        salience=0.5,
        contradictions=contradictions,
    )


def _addition(i: int, sid: str, salience: float) -> Addition:
    text = f"Only {sid} says thing number {i}."
    return Addition(f"A{i}", sid, "claim", text, _span(sid, text, 100 * i), salience,
                    ("S2",) if sid == "S1" else ("S1",))  # fmt: skip


@pytest.fixture
def comparison() -> Comparison:
    facts = (
        _fact("F1", "The ferry sank on Monday.", ("C1",)),
        _fact("F2", "The ferry sank on Monday."),  # the same statement, undisputed part
        _fact("F3", "All forty passengers were rescued."),
        _fact("F4", "All forty passengers were rescued."),
        _fact("F5", "The captain was questioned."),
    )
    c1 = Contradiction(
        "C1", "date", 0.9,
        (_span("S1", "on Monday", 10), _span("S2", "on Tuesday", 10)),
        "Different dates: S1 says Monday; S2 says Tuesday", fact="F1",
    )  # fmt: skip
    adds = tuple(_addition(i, "S1", 1 - i / 100) for i in range(1, ADDITIONS_PER_SOURCE + 4))
    adds += (_addition(50, "S2", 0.4),)
    return Comparison((_src(1), _src(2)), facts, (c1,), adds, (), (), (), ())


def test_agreed_and_disputed_apart(comparison: Comparison) -> None:
    assert [f.id for f in comparison.disputed] == ["F1"]
    assert "F1" not in {f.id for f in comparison.agreed}
    d = comparison.to_dict()
    assert d["schema"] == 2
    assert [f["id"] for f in d["disputed"]] == ["F1"]
    assert all(f["label"] != "contradicts" for f in d["agreed"] + d["agreements"])


def test_each_statement_once(comparison: Comparison) -> None:
    rows = agreed(comparison)
    # F2 repeats a disputed statement, F4 repeats F3: shown once each, F2 not at all
    assert [r.fact.summary for r in rows] == [
        "All forty passengers were rescued.",
        "The captain was questioned.",
    ]
    (d,) = disputes(comparison)
    assert d.fact is not None and d.fact.id == "F1" and [x.id for x in d.contradictions] == ["C1"]
    text = render_text(comparison)
    assert text.count("The ferry sank on Monday.") == 1
    assert text.count("All forty passengers were rescued.") == 1
    agreed_part = text.split("AGREED", 1)[1].split("REPORTED BY SOME", 1)[0]
    assert "contradicts" not in agreed_part


def test_additions_capped_per_source(comparison: Comparison) -> None:
    hidden = 3
    for out in (render_text(comparison), render_markdown(comparison), render_html(comparison)):
        assert f"and {hidden} more" in out
        shown = [i for i in range(1, ADDITIONS_PER_SOURCE + 4) if f"thing number {i}." in out]
        assert shown == list(range(1, ADDITIONS_PER_SOURCE + 1))  # the most salient
        assert "thing number 50." in out
    d = json.loads(render_json(comparison))
    assert len(d["additions"]) == ADDITIONS_PER_SOURCE + 4  # the JSON has them all


def test_notice_for_unread_reports() -> None:
    sources = (_src(1), _src(2, "de"), _src(3, "de"), _src(4, "fr"))
    n = notice(sources, [("S1", "S2", 1.5), ("S2", "S3", 1.2)])
    assert isinstance(n, Notice) and n.sources == ("S2", "S3", "S4")
    assert n.text.startswith("S2 and S3 are in German and S4 is in French;")
    assert "S1–S2 1.5" in n.text and "S2–S3 1.2" in n.text
    assert notice((_src(1), _src(2))) is None
    assert "could not be computed" in (notice((_src(1), _src(2, "de"))) or Notice("", "", ())).text


def test_set_aside_drops_what_unread_reports_take_part_in(comparison: Comparison) -> None:
    facts, contras, adds = set_aside(
        ["S2"], comparison.facts, comparison.contradictions, comparison.additions
    )
    assert not contras
    assert all(f.sources == ("S1",) and f.label == "single" for f in facts)
    assert not adds  # with one read report left there is nothing to add to
