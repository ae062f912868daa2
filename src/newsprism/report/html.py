"""One self-contained HTML story page: no scripts, no network, every piece of article text escaped.

The page shows the cited brief, the fact-by-source matrix, each contradiction with the spans of
every side highlighted side by side, a timeline and an actor graph (inline SVG). It is a pure
function of the Comparison, so the web app serves the same page.
"""

from __future__ import annotations

import math
from html import escape

from newsprism.compare.types import ActorEdge, Comparison, Contradiction, Detail, Span
from newsprism.report import sections
from newsprism.report.sections import NO_ACTORS, addition_label

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;
background:#f7f7f9}
main{max-width:1100px;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem}h2{border-bottom:2px solid #dde;padding-bottom:.2rem;margin-top:2rem}
.src{display:inline-block;border-radius:4px;padding:0 .35rem;font-size:.8rem;font-weight:600;
background:#e3e8f4}
.cite{color:#556;font-size:.85rem}
.brief li{margin:.3rem 0}
table{border-collapse:collapse;width:100%;background:#fff}
td,th{border:1px solid #dde;padding:.3rem .5rem;vertical-align:top;font-size:.9rem}
td.agrees{background:#e5f5e9}td.adds{background:#e8effc}td.omits{background:#f3f3f3;color:#888}
td.contradicts{background:#fde4e1;font-weight:600}td.unread{background:#fff7e0;color:#886}
.contra{background:#fff;border:1px solid #e4c9c5;border-left:5px solid #c0392b;margin:1rem 0;
padding:.6rem 1rem}
.contra.low{border-left-color:#d4a017}.contra.update{border-left-color:#2c7be5}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:.8rem}
.side{background:#fafafa;border:1px solid #e5e5e5;padding:.5rem}
mark{background:#ffe08a;padding:0 .1rem}
.note{color:#555;font-style:italic}
.notice{background:#fff7e0;border:1px solid #e8c66a;border-left:5px solid #d4a017;
padding:.6rem 1rem;margin:1rem 0}
.fact{margin:1.2rem 0 .4rem}.more{color:#556;font-style:italic}
.timeline{list-style:none;padding-left:0;border-left:3px solid #99a;margin-left:.5rem}
.timeline li{padding:.2rem .8rem;position:relative}
.timeline li.disputed{color:#a02b1f}
.timeline time{font-weight:600;margin-right:.5rem}
svg text{font-size:11px;font-family:system-ui,sans-serif}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _cite(sources: tuple[str, ...] | list[str]) -> str:
    return " ".join(f'<span class="src">{_e(s)}</span>' for s in sources)


def _highlight(span: Span) -> str:
    """The span's text with its focus marked; every piece escaped."""
    text = span.text
    if span.focus_start is None or span.focus_end is None:
        return _e(text)
    a = max(span.focus_start - span.start, 0)
    b = min(span.focus_end - span.start, len(text))
    if a >= b:
        return _e(text)
    return f"{_e(text[:a])}<mark>{_e(text[a:b])}</mark>{_e(text[b:])}"


def _details(details: tuple[Detail, ...]) -> str:
    if not details:
        return ""
    return f'<br><span class="cite">{_e(sections.details_line(details))}</span>'


def _contradiction(c: Comparison, x: Contradiction) -> str:
    level = "update" if x.update else ("high" if x.high else "low")
    sides = "".join(
        f'<div class="side"><div>{_cite([e.source])} {_e(c.source(e.source).name)}</div>'
        f'<p>{_highlight(e)}</p><div class="cite">{_e(e.value)} · '
        f"chars {e.start}–{e.end}</div></div>"
        for e in x.evidence
    )
    note = f'<p class="note">{_e(x.note)}</p>' if x.note else ""
    if x.basis:
        note += f'<p class="note">Why one fact: {_e(x.basis)}</p>'

    return (
        f'<section class="contra {level}" id="{_e(x.id)}"><h3>{_e(x.id)} · {_e(x.type)} · '
        f"confidence {x.confidence:.2f} ({level})</h3><p>{_e(x.summary)}</p>"
        f'<div class="sides">{sides}</div>{note}</section>'
    )


def _actor_svg(edges: tuple[ActorEdge, ...]) -> str:
    """Actors on a circle, one arrow per (actor, action, target), labelled with its sources."""
    if not edges:
        return f"<p>{NO_ACTORS}</p>"
    names: dict[str, str] = {}
    for e in edges:
        names.setdefault(e.actor, e.actor_name)
        names.setdefault(e.target, e.target_name)
    keys = list(names)
    w, h, r = 900, 560, 220
    cx, cy = w / 2, h / 2
    pos = {
        k: (
            cx + r * math.cos(2 * math.pi * i / len(keys)),
            cy + r * math.sin(2 * math.pi * i / len(keys)),
        )
        for i, k in enumerate(keys)
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-label="Actor graph">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0L10,5L0,10z" fill="#667"/></marker></defs>',
    ]
    for e in edges:
        (x1, y1), (x2, y2) = pos[e.actor], pos[e.target]
        colour = "#c0392b" if e.negated else "#667"
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{1 + len(e.sources)}" marker-end="url(#arrow)" opacity=".6"/>'
        )
        label = ("not " if e.negated else "") + e.action + " [" + ", ".join(e.sources) + "]"
        parts.append(
            f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2:.1f}" fill="#334">{_e(label)}</text>'
        )
    for k, (x, y) in pos.items():
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#2c3e70"/>')
        anchor = "start" if x >= cx else "end"
        dx = 9 if x >= cx else -9
        parts.append(
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" font-weight="600">'
            f"{_e(names[k])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def render_html(c: Comparison, *, title: str | None = None) -> str:
    """The whole story page as one HTML document (UTF-8, no external resources, no scripts)."""
    page_title = title or (c.sources[0].title if c.sources else "newsprism comparison")
    ids = [s.id for s in c.sources]
    src_rows = "".join(
        f"<li>{_cite([s.id])} <strong>{_e(s.name)}</strong> — {_e(s.title)}"
        + (f" · published {_e(s.published)}" if s.published else "")
        + (f' · <span class="cite">{_e(s.url)}</span>' if s.url else "")
        + "</li>"
        for s in c.sources
    )
    brief_parts = []
    for key, heading in (
        ("consensus", "Agreed"),
        ("addition", "Reported by some"),
        ("dispute", "Disputed"),
    ):
        items = [b for b in c.brief if b.section == key]
        if items:
            lis = "".join(f"<li>{_e(b.text)} {_cite(b.sources)}</li>" for b in items)
            brief_parts.append(f'<h3>{heading}</h3><ul class="brief">{lis}</ul>')
    head = "".join(f"<th>{_e(i)}</th>" for i in ids)
    rows = "".join(
        f"<tr><td>{_e(r.fact)}: {_e(r.text)}</td>"
        + "".join(f'<td class="{_e(v)}">{_e(v)}</td>' for _, v in r.cells)
        + "</tr>"
        for r in c.matrix
    )
    disputes = []
    for d in sections.disputes(c):
        if d.fact is not None:
            disputes.append(
                f'<p class="fact" id="{_e(d.fact.id)}"><strong>{_e(d.fact.id)}</strong> '
                f"{_e(d.fact.summary)} {_cite(d.fact.sources)}{_details(d.details)}</p>"
            )
        disputes += [_contradiction(c, x) for x in d.contradictions]
    none = f"<p>{_e(sections.empty(c).capitalize())}.</p>"
    contras = "".join(disputes) or none
    agreed = (
        "".join(
            f'<li id="{_e(r.fact.id)}">{_e(r.fact.summary)} {_cite(r.sources)}'
            f"{_details(r.details)}</li>"
            for r in sections.agreed(c)
        )
        or f"<li>{_e(sections.empty(c).capitalize())}.</li>"
    )
    adds = []
    for g in sections.additions(c):
        lis = "".join(
            f'<li id="{_e(a.id)}"><em>{_e(addition_label(a))}</em>: {_e(a.text)}</li>'
            for a in g.shown
        )
        if g.more:
            lis += f'<li class="more">{_e(sections.more_line(g.more))}</li>'
        adds.append(f"<h3>{_cite([g.source])} {_e(g.name)}</h3><ul>{lis}</ul>")
    additions = "".join(adds) or none
    notices = "".join(
        f'<p class="notice" role="note"><strong>Note:</strong> {_e(n.text)}</p>' for n in c.notices
    )
    times = (
        "".join(
            f'<li class="{"disputed" if t.disputed else ""}"><time>{_e(t.date)}</time>'
            f"{_e(t.text)} {_cite(t.sources)}{' (disputed)' if t.disputed else ''}</li>"
            for t in c.timeline
        )
        or "<li>No resolved dates.</li>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{_e(page_title)} · newsprism</title><style>{_CSS}</style></head><body><main>"
        f"<h1>{_e(page_title)}</h1>{notices}<h2>Sources</h2><ul>{src_rows}</ul>"
        f"<h2>Brief</h2>{''.join(brief_parts)}"
        f"<h2>Disputed</h2>{contras}"
        f"<h2>Agreed</h2><ul>{agreed}</ul>"
        f"<h2>Reported by some</h2><p>The other sources are silent on these.</p>{additions}"
        f"<h2>Fact-by-source matrix</h2><table><thead><tr><th>fact</th>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f'<h2>Timeline</h2><ul class="timeline">{times}</ul>'
        f"<h2>Actors</h2>{_actor_svg(c.actors)}"
        "</main></body></html>\n"
    )
