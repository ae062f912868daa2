"""Article text with marked spans, as escaped HTML (pure).

Spans may overlap (an entity inside a quote inside a claim): the text is cut at every span
boundary and each piece carries the kinds of every span covering it, so the markup never has
to nest. Every character of the text is escaped; only our own ``<mark>`` tags are markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

__all__ = ["Span", "extraction_spans", "highlight"]

#: kinds, in the order their labels are listed in a tooltip
KINDS = ("entity", "time", "quantity", "quote", "claim")


@dataclass(frozen=True)
class Span:
    """A marked stretch of text: ``kind`` is one of KINDS, ``label`` its tooltip line."""

    start: int
    end: int
    kind: str
    label: str = ""
    #: an element id placed where the span starts, so the lists below the text can link to it
    anchor: str = ""


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` as HTML with each span wrapped in ``<mark class="hl KIND ...">``.

    Spans outside the text are clipped; empty ones are dropped.
    """
    n = len(text)
    clean = [
        Span(max(0, s.start), min(n, s.end), s.kind, s.label, s.anchor)
        for s in spans
        if min(n, s.end) > max(0, s.start)
    ]
    cuts = sorted({0, n, *(s.start for s in clean), *(s.end for s in clean)})
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in pairwise(cuts):
        piece = escape(text[a:b])
        active = [s for s in clean if s.start <= a and b <= s.end]
        if not active:
            out.append(piece)
            continue
        out.append(_open(active, a, anchored) + piece + Markup("</mark>"))
    return Markup("").join(out)


def _open(active: Sequence[Span], at: int, anchored: set[str]) -> Markup:
    kinds = sorted({s.kind for s in active}, key=_kind_order)
    labels = [s.label for s in sorted(active, key=lambda s: _kind_order(s.kind)) if s.label]
    # an empty element per span starting here, so links to any of them land on this piece
    anchors = Markup("")
    for s in active:
        if s.anchor and s.start == at and s.anchor not in anchored:
            anchored.add(s.anchor)
            anchors += Markup('<span class="anchor" id="{}"></span>').format(s.anchor)
    attrs = Markup(' class="hl {}"').format(" ".join(kinds))
    if labels:
        attrs += Markup(' title="{}"').format("\n".join(dict.fromkeys(labels)))
    return anchors + Markup("<mark{}>").format(attrs)


def _kind_order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def extraction_spans(extraction: dict[str, Any]) -> list[Span]:
    """The spans to mark for an Extraction (as its ``to_dict()``): who, when, how many, quotes,
    claims. Anchors are ``KIND-INDEX`` so the lists under the text can point at them."""
    spans: list[Span] = []
    names = {e["key"]: e for e in extraction.get("entities", [])}
    for i, m in enumerate(extraction.get("mentions", [])):
        ent = names.get(m.get("entity_key"), {})
        label = f"{ent.get('type', m.get('label', 'entity'))}: {ent.get('name', m['text'])}"
        spans.append(Span(m["start"], m["end"], "entity", label, f"mention-{i}"))
    for i, t in enumerate(extraction.get("times", [])):
        value = t.get("value") or _interval(t) or "unresolved"
        spans.append(Span(t["start"], t["end"], "time", f"date: {value}", f"time-{i}"))
    for i, q in enumerate(extraction.get("quantities", [])):
        label = f"quantity: {q.get('normalized') or q['text']}"
        spans.append(Span(q["start"], q["end"], "quantity", label, f"qty-{i}"))
    for i, q in enumerate(extraction.get("quotes", [])):
        who = q.get("speaker_name") or q.get("source_name") or "unattributed"
        kind = "direct" if q.get("direct") else "indirect"
        spans.append(Span(q["start"], q["end"], "quote", f"{kind} quote: {who}", f"quote-{i}"))
    for i, c in enumerate(extraction.get("claims", [])):
        action = c.get("action", "")
        spans.append(Span(c["start"], c["end"], "claim", f"claim: {action}", f"claim-{i}"))
    return spans


def _interval(t: dict[str, Any]) -> str:
    if t.get("start_value") or t.get("end_value"):
        return f"{t.get('start_value') or '?'} .. {t.get('end_value') or '?'}"
    return ""
