"""Plain-text, Markdown and JSON renderings of a Comparison."""

from __future__ import annotations

import json

from newsprism.compare.types import Comparison, Contradiction, Span
from newsprism.report import sections
from newsprism.report.sections import NO_ACTORS, addition_label

_CELL_MARK = {"agrees": "=", "adds": "+", "omits": "·", "contradicts": "≠"}


def render_json(c: Comparison) -> str:
    """The documented JSON report (docs/report-schema.md), stable key order, UTF-8."""
    return json.dumps(c.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _cite(sources: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(sources) + "]"


def _oneline(text: str, limit: int = 0) -> str:
    t = " ".join(text.split())
    return t if not limit or len(t) <= limit else t[: limit - 1].rstrip() + "…"


def _source_line(c: Comparison, sid: str) -> str:
    s = c.source(sid)
    bits = [s.name]
    if s.published:
        bits.append(f"published {s.published}")
    return f"{sid}: " + ", ".join(bits)


def _evidence_line(e: Span) -> str:
    value = f" ({e.value})" if e.value else ""
    return f"{e.source} [{e.start}:{e.end}]{value}: “{_oneline(e.text, 200)}”"


def _contradiction_lines(x: Contradiction) -> list[str]:
    level = "high" if x.high else ("update" if x.update else "low")
    lines = [f"{x.id} {x.type} (confidence {x.confidence:.2f}, {level}): {x.summary}"]
    lines += ["    " + _evidence_line(e) for e in x.evidence]
    if x.note:
        lines.append("    note: " + x.note)
    if x.basis:
        lines.append("    why one fact: " + x.basis)
    return lines


def render_text(c: Comparison) -> str:
    """A terminal report: sources, notices, brief, disputed, agreed, reported by some,
    timeline, actors."""
    out: list[str] = ["SOURCES"]
    out += ["  " + _source_line(c, s.id) for s in c.sources]
    for n in c.notices:
        out += ["", "NOTICE", "  " + n.text]
    out += ["", "BRIEF"]
    out += [f"  - {_oneline(b.text)} {_cite(b.sources)}" for b in c.brief]
    out += _text_disputed(c) + _text_agreed(c) + _text_additions(c) + _text_timeline(c)
    return "\n".join(out) + "\n"


def _text_disputed(c: Comparison) -> list[str]:
    out = ["", "DISPUTED"]
    if not c.contradictions:
        out.append("  " + sections.empty(c))
    for d in sections.disputes(c):
        indent = "  "
        if d.fact is not None:
            out.append(f"  {d.fact.id} {_cite(d.fact.sources)}: {_oneline(d.fact.summary, 160)}")
            indent = "    "
        if d.details:
            out.append(f"{indent}({sections.details_line(d.details)})")
        for x in d.contradictions:
            out += [indent + line for line in _contradiction_lines(x)]
    return out


def _text_agreed(c: Comparison) -> list[str]:
    out = ["", "AGREED"]
    rows = sections.agreed(c)
    if not rows:
        out.append("  " + sections.empty(c))
    for r in rows:
        out.append(f"  {r.fact.id} {_cite(r.sources)}: {_oneline(r.fact.summary, 160)}")
        if r.details:
            out.append(f"    ({sections.details_line(r.details)})")
    return out


def _text_additions(c: Comparison) -> list[str]:
    out = ["", "REPORTED BY SOME (the other sources are silent)"]
    groups = sections.additions(c)
    if not groups:
        out.append("  " + sections.empty(c))
    for g in groups:
        out.append(f"  {g.source} ({g.name}):")
        out += [f"    {a.id} ({addition_label(a)}): {_oneline(a.text, 160)}" for a in g.shown]
        if g.more:
            out.append("    " + sections.more_line(g.more))
    return out


def _text_timeline(c: Comparison) -> list[str]:
    out = ["", "TIMELINE"]
    for t in c.timeline:
        flag = " (disputed)" if t.disputed else ""
        out.append(f"  {t.date}{flag} {_cite(t.sources)}: {_oneline(t.text, 120)}")
    out += ["", "ACTORS"]
    for e in c.actors:
        verb = ("not " if e.negated else "") + e.action
        out.append(f"  {e.actor_name} —{verb}→ {e.target_name} {_cite(e.sources)}")
    if not c.actors:
        out.append(f"  {NO_ACTORS}")
    return out


def _md(text: str) -> str:
    """Article text made inert in Markdown: no markup, links or HTML survive."""
    t = _oneline(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]|#!":
        t = t.replace(ch, "\\" + ch)
    return t


def render_markdown(c: Comparison) -> str:
    out: list[str] = ["# Comparison of " + str(len(c.sources)) + " reports", "", "## Sources", ""]
    for s in c.sources:
        pub = f", published {s.published}" if s.published else ""
        out.append(f"- **{s.id}**: {_md(s.name)}{pub} — {_md(s.title)}")
    for n in c.notices:
        out += ["", f"> **Note:** {_md(n.text)}"]
    out += _md_brief(c) + _md_disputed(c) + _md_agreed(c) + _md_additions(c)
    out += _md_matrix(c) + _md_timeline(c)
    return "\n".join(out) + "\n"


def _md_brief(c: Comparison) -> list[str]:
    parts = (("consensus", "What the sources agree on"), ("addition", "What only some report"),
             ("dispute", "Where they disagree"))  # fmt: skip
    out = ["", "## Brief"]
    for key, title in parts:
        items = [b for b in c.brief if b.section == key]
        if items:
            out += ["", f"### {title}", ""]
            out += [f"- {_md(b.text)} {_cite(b.sources)}" for b in items]
    return out


def _md_disputed(c: Comparison) -> list[str]:
    out = ["", "## Disputed", ""]
    if not c.contradictions:
        out += [sections.empty(c).capitalize() + ".", ""]
    for d in sections.disputes(c):
        head = (
            f"{d.fact.id} {_cite(d.fact.sources)}: {_md(_oneline(d.fact.summary, 200))}"
            if d.fact is not None
            else f"{d.contradictions[0].id} (no single shared fact)"
        )
        out += [f"### {head}", ""]
        if d.details:
            out += [f"*{_md(sections.details_line(d.details))}*", ""]
        for x in d.contradictions:
            out += _md_contradiction(x)
        out.append("")
    return out


def _md_contradiction(x: Contradiction) -> list[str]:
    level = "high confidence" if x.high else ("likely an update" if x.update else "low confidence")
    out = [f"- **{x.id} · {x.type} · {x.confidence:.2f} ({level})**: {_md(x.summary)}"]
    out += [f"  - {_md(_evidence_line(e))}" for e in x.evidence]
    if x.note:
        out.append(f"  - *note*: {_md(x.note)}")
    if x.basis:
        out.append(f"  - *why one fact*: {_md(x.basis)}")
    return out


def _md_agreed(c: Comparison) -> list[str]:
    out = ["## Agreed", ""]
    agreed = sections.agreed(c)
    if not agreed:
        out.append(sections.empty(c).capitalize() + ".")
    for row in agreed:
        out.append(f"- {row.fact.id} {_cite(row.sources)}: {_md(_oneline(row.fact.summary, 200))}")
        if row.details:
            out.append(f"  - *{_md(sections.details_line(row.details))}*")
    return out


def _md_additions(c: Comparison) -> list[str]:
    out = ["", "## Reported by some", "", "The other sources are silent on these.", ""]
    if not c.additions:
        out += [sections.empty(c).capitalize() + ".", ""]
    for g in sections.additions(c):
        out += [f"### {g.source}: {_md(g.name)}", ""]
        out += [f"- {a.id} ({_md(addition_label(a))}): {_md(_oneline(a.text, 200))}"
                for a in g.shown]  # fmt: skip
        if g.more:
            out.append(f"- *{sections.more_line(g.more)}*")
        out.append("")
    return out


def _md_matrix(c: Comparison) -> list[str]:
    ids = [s.id for s in c.sources]
    out = ["## Fact-by-source matrix", "", "| fact | " + " | ".join(ids) + " |",
           "| --- | " + " | ".join("---" for _ in ids) + " |"]  # fmt: skip
    for r in c.matrix:
        cells = dict(r.cells)
        out.append(
            f"| {r.fact}: {_md(_oneline(r.text, 90))} | " + " | ".join(cells[i] for i in ids) + " |"
        )
    return out


def _md_timeline(c: Comparison) -> list[str]:
    out = ["", "## Timeline", ""]
    for t in c.timeline:
        flag = " *(disputed)*" if t.disputed else ""
        out.append(f"- **{t.date}**{flag} {_cite(t.sources)}: {_md(_oneline(t.text, 160))}")
    out += ["", "## Actors", ""]
    for e in c.actors:
        verb = ("not " if e.negated else "") + e.action
        out.append(
            f"- {_md(e.actor_name)} → *{_md(verb)}* → {_md(e.target_name)} {_cite(e.sources)}"
        )
    if not c.actors:
        out.append(NO_ACTORS)
    return out
