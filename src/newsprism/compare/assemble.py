"""The report views of a comparison: cited brief, fact-by-source matrix, timeline, actor graph."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from newsprism.compare import align as al
from newsprism.compare import languages
from newsprism.compare.slots import iso_range
from newsprism.compare.types import (
    ActorEdge,
    Addition,
    BriefSentence,
    Comparison,
    Contradiction,
    Fact,
    MatrixRow,
    Source,
    Span,
    TimelineItem,
)
from newsprism.extract.types import Extraction

#: How much of each kind the brief holds.
BRIEF_CONSENSUS = 8
BRIEF_ADDITIONS_PER_SOURCE = 4
_ACTOR_KINDS = ("person", "country", "org", "group")
MAX_EDGES = 60


def assemble(
    sources: tuple[Source, ...],
    facts: Sequence[Fact],
    contradictions: Sequence[Contradiction],
    additions: Sequence[Addition],
    *,
    units: Sequence[al.Unit],
    exs: Sequence[Extraction],
    similarity: Sequence[tuple[str, str, float]] = (),
) -> Comparison:
    """The report views; reports in a language the claim comparison does not read are set
    aside (one notice says so, with their multilingual ``similarity`` scores)."""
    skip = languages.unread(sources)
    note = languages.notice(sources, similarity)
    facts, contradictions, additions = languages.set_aside(skip, facts, contradictions, additions)
    if skip:
        ids = [s.id for s in sources]
        units = [u for u in units if ids[u.source] not in skip]
    contradictions = sorted(contradictions, key=lambda c: (not c.high, -c.confidence, c.id))
    return Comparison(
        sources=sources,
        facts=tuple(facts),
        contradictions=tuple(contradictions),
        additions=tuple(additions),
        brief=tuple(brief(sources, facts, contradictions, additions)),
        timeline=tuple(timeline(sources, facts, contradictions, units, exs)),
        actors=tuple(actor_edges(sources, units, exs)),
        matrix=tuple(matrix(sources, facts, contradictions, skip)),
        notices=(note,) if note else (),
    )


def _names(exs: Sequence[Extraction]) -> dict[str, str]:
    names: dict[str, str] = {}
    for ex in exs:
        for e in ex.entities:
            names.setdefault(e.key, e.name)
    return names


def brief(sources: Sequence[Source], facts: Sequence[Fact], contradictions: Sequence[Contradiction],
          additions: Sequence[Addition]) -> list[BriefSentence]:  # fmt: skip
    """Consensus first, then what each source adds, then the disputes; every sentence cited."""
    out: list[BriefSentence] = []
    shared = sorted((f for f in facts if len(f.sources) > 1), key=lambda f: -f.salience)
    # a disputed fact is told once, among the disputes; an agreed one never repeats it
    seen: set[str] = {f.summary for f in shared if f.contradictions}
    for f in shared:
        if f.summary in seen:
            continue
        seen.add(f.summary)
        out.append(BriefSentence(f.summary, "consensus", f.sources, (f.id,)))
        if sum(b.section == "consensus" for b in out) >= BRIEF_CONSENSUS:
            break
    for s in sources:
        mine = [a for a in additions if a.source == s.id and a.kind == "claim"]
        for a in mine[:BRIEF_ADDITIONS_PER_SOURCE]:
            text = a.text if a.text.endswith((".", "!", "?", "”", '"')) else a.text + "."
            text = text[0].upper() + text[1:]
            if text in seen:
                continue
            seen.add(text)
            out.append(
                BriefSentence(f"Only {s.name} reports: {text}", "addition", (s.id,), (a.id,))
            )
    for c in contradictions:
        text = c.summary + "." + (f" {c.note}" if c.note else "")
        if not c.high:
            text = "(low confidence) " + text
        out.append(BriefSentence(text, "dispute", c.sources, (c.id,)))
    return out


def timeline(
    sources: Sequence[Source],
    facts: Sequence[Fact],
    contradictions: Sequence[Contradiction],
    units: Sequence[al.Unit],
    exs: Sequence[Extraction],
) -> list[TimelineItem]:
    """Resolved dates, oldest first, each with who reported it."""
    disputed_spans = {
        (e.source, e.start) for c in contradictions if c.type == "date" for e in c.evidence
    }
    items: dict[tuple[str, str], dict[str, object]] = {}
    ids = [s.id for s in sources]
    # a time a claim holds as its own is that claim's entry, not also the one of the claim
    # whose words run around it ("The dam, built in 1978, holds back ...")
    owned = {(u.source, t.start) for u in units if u.claim.time for t in u.times}
    for u in units:
        for t in u.times:
            if not t.value or t.flagged or iso_range(t.value) is None:
                continue
            if not u.claim.time and (u.source, t.start) in owned:
                continue
            key = (t.value, " ".join(u.text.split()).lower())
            sid = ids[u.source]
            span = Span(sid, u.start, u.end, u.text, t.text, t.start, t.end)
            item = items.setdefault(
                key,
                {
                    "gran": t.granularity,
                    "text": " ".join(u.text.split()),
                    "spans": [],
                    "disputed": False,
                },
            )
            spans = item["spans"]
            assert isinstance(spans, list)
            if all(s.source != sid or s.start != u.start for s in spans):
                spans.append(span)
            if (sid, u.start) in disputed_spans:
                item["disputed"] = True
    out: list[TimelineItem] = []
    for (value, _), item in items.items():
        spans = item["spans"]
        assert isinstance(spans, list)
        out.append(
            TimelineItem(
                date=value,
                granularity=str(item["gran"]),
                text=str(item["text"]),
                sources=tuple(dict.fromkeys(s.source for s in spans)),
                spans=tuple(spans),
                disputed=bool(item["disputed"]),
            )
        )
    out.sort(key=_timeline_key)
    return out


def _timeline_key(t: TimelineItem) -> tuple[str, str, str]:
    r = iso_range(t.date)
    return (r[0].isoformat(), r[1].isoformat(), t.text) if r else ("", "", t.text)


def actor_edges(
    sources: Sequence[Source], units: Sequence[al.Unit], exs: Sequence[Extraction]
) -> list[ActorEdge]:
    """Who did what to whom, one edge per (actor, predicate, target), with the sources saying so."""
    names = _names(exs)
    ids = [s.id for s in sources]
    edges: dict[tuple[str, str, str, bool], list[tuple[str, Span, str]]] = defaultdict(list)
    for u in units:
        c = u.claim
        actors = [k for k in c.actors if k.split(":", 1)[0] in _ACTOR_KINDS]
        targets = [k for k in c.targets if k.split(":", 1)[0] in _ACTOR_KINDS and k not in actors]
        for a in actors:
            for t in targets:
                key = (a, al.action_class(c.action), t, c.negated)
                edges[key].append(
                    (ids[u.source], Span(ids[u.source], u.start, u.end, u.text), c.action)
                )
    out: list[ActorEdge] = []
    for (a, _, t, neg), hits in edges.items():
        actions = Counter(h[2] for h in hits)
        out.append(
            ActorEdge(
                actor=a,
                actor_name=names.get(a, a),
                action=actions.most_common(1)[0][0],
                target=t,
                target_name=names.get(t, t),
                sources=tuple(sorted({h[0] for h in hits}, key=lambda s: int(s[1:]))),
                spans=tuple(h[1] for h in hits),
                negated=neg,
            )
        )
    # shared edges first, then each source's edges in turn, so no source is crowded out
    rank: dict[str, int] = defaultdict(int)
    order: list[tuple[int, int, str, int]] = []
    for i, e in enumerate(sorted(out, key=lambda e: (e.spans[0].source, e.spans[0].start))):
        first = e.spans[0].source
        order.append((-len(e.sources), rank[first], first, i))
        rank[first] += 1
    ranked = sorted(out, key=lambda e: (e.spans[0].source, e.spans[0].start))
    return [ranked[i] for *_, i in sorted(order)][:MAX_EDGES]


def matrix(
    sources: Sequence[Source],
    facts: Sequence[Fact],
    contradictions: Sequence[Contradiction],
    unread: Sequence[str] = (),
) -> list[MatrixRow]:
    """Each fact against each source: agrees, adds, omits, contradicts (or unread: a report in
    a language the claim comparison does not read)."""
    dissent = _dissenters(contradictions)
    return [
        MatrixRow(
            fact=f.id,
            text=f.summary,
            cells=tuple((s.id, _cell(s.id, f, dissent.get(f.id, set()), unread)) for s in sources),
        )
        for f in sorted(facts, key=lambda f: -f.salience)
    ]


def _dissenters(contradictions: Sequence[Contradiction]) -> dict[str, set[str]]:
    """Per fact, the sources that hold a minority value in one of its contradictions (all of
    them on a tie)."""
    dissent: dict[str, set[str]] = defaultdict(set)
    for c in contradictions:
        if c.fact is None:
            continue
        values = Counter(e.value for e in c.evidence)
        top = values.most_common(1)[0][1]
        tied = list(values.values()).count(top) > 1
        for e in c.evidence:
            if tied or values[e.value] < top:
                dissent[c.fact].add(e.source)
    return dissent


def _cell(source: str, f: Fact, dissent: set[str], unread: Sequence[str]) -> str:
    """What one source does with one fact (``dissent``: the fact's dissenting sources)."""
    if source in unread:
        return "unread"
    if source not in f.sources:
        return "omits"
    if source in dissent:
        return "contradicts"
    if len(f.sources) == 1 or source in {d.source for d in f.details}:
        return "adds"
    return "agrees"
