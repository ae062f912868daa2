"""What every human-readable format shows, in the same order: each fact in exactly one place.

Disputed (each contradiction with every side's version and evidence, under the fact it is
about), agreed (undisputed shared facts, one line per statement), reported by some (each
source's additions, most salient first, capped with "and N more"; the JSON has them all).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.compare.types import Addition, Comparison, Contradiction, Detail, Fact

#: Additions shown per source in text, Markdown and HTML (the JSON report has all of them).
ADDITIONS_PER_SOURCE = 6

#: Said where the actor graph is empty, so an empty section is not read as a failure.
NO_ACTORS = "No named actor acts on another named actor in these reports."


def addition_label(a: Addition) -> str:
    """ "claim", or "detail: six floodgates" -- what a detail adds to the statement shown."""
    return f"{a.kind}: {a.detail}" if a.detail else a.kind


@dataclass(frozen=True)
class Agreed:
    fact: Fact
    sources: tuple[str, ...]  # every source of every fact told in these words
    #: what one source alone gives about it, where no addition shows it
    details: tuple[Detail, ...] = ()


@dataclass(frozen=True)
class Dispute:
    fact: Fact | None  # None for a disagreement found outside any shared fact
    contradictions: tuple[Contradiction, ...]
    details: tuple[Detail, ...] = ()


def own_details(c: Comparison, facts: list[Fact]) -> tuple[Detail, ...]:
    """The details of ``facts`` that no addition shows (its sentence tells the shared fact)."""
    shown = [(a.source, a.span.start, a.span.end) for a in c.additions]
    out: dict[tuple[str, str], Detail] = {}
    for f in facts:
        for d in f.details:
            at = d.span.focus_start if d.span.focus_start is not None else d.span.start
            if not any(s == d.source and a <= at < b for s, a, b in shown):
                out.setdefault((d.source, d.text.lower()), d)
    return tuple(sorted(out.values(), key=lambda d: _sid(d.source)))


def details_line(details: tuple[Detail, ...]) -> str:
    """ "only S1 gives: six floodgates; only S2 gives: Kesk" """
    by: dict[str, list[str]] = {}
    for d in details:
        by.setdefault(d.source, []).append(d.text)
    return "; ".join(f"only {s} gives: " + ", ".join(ts) for s, ts in by.items())


@dataclass(frozen=True)
class SourceAdditions:
    source: str
    name: str
    shown: tuple[Addition, ...]
    more: int  # how many are left out here


def _sid(s: str) -> int:
    return int(s[1:]) if s[1:].isdigit() else 0


def disputes(c: Comparison) -> list[Dispute]:
    """Contradictions grouped by the fact they are about, in the order of the first (high
    confidence first); disputed facts that no listed contradiction names come last."""
    facts = {f.id: f for f in c.disputed}
    groups: dict[str | None, list[Contradiction]] = {}
    loose: list[Dispute] = []
    for x in c.contradictions:
        if x.fact in facts:
            groups.setdefault(x.fact, []).append(x)
        else:
            loose.append(Dispute(None, (x,)))
    out = [
        Dispute(facts[fid], tuple(xs), own_details(c, [facts[fid]]))
        for fid, xs in groups.items()
        if fid is not None
    ]
    return out + loose


def agreed(c: Comparison) -> list[Agreed]:
    """The undisputed shared facts, each statement once (a statement also disputed is left to
    the disputes)."""
    told = {f.summary for f in c.disputed}
    rows: dict[str, list[Fact]] = {}
    for f in c.agreed:
        if f.summary not in told:
            rows.setdefault(f.summary, []).append(f)
    return [
        Agreed(
            fs[0],
            tuple(sorted({s for f in fs for s in f.sources}, key=_sid)),
            own_details(c, fs),
        )
        for fs in rows.values()
    ]


def additions(c: Comparison, cap: int = ADDITIONS_PER_SOURCE) -> list[SourceAdditions]:
    """Each source's additions, most salient first, ``cap`` of them shown."""
    out: list[SourceAdditions] = []
    for s in c.sources:
        mine = sorted(
            (a for a in c.additions if a.source == s.id), key=lambda a: (-a.salience, a.span.start)
        )
        if mine:
            out.append(SourceAdditions(s.id, s.name, tuple(mine[:cap]), max(len(mine) - cap, 0)))
    return out


def empty(c: Comparison) -> str:
    """What an empty section says: nothing found, or nothing compared (the notice says why)."""
    unread = {sid for n in c.notices if n.kind == "language" for sid in n.sources}
    if len([s for s in c.sources if s.id not in unread]) < 2:
        return "not compared (see the note above)"
    return "none found"


def more_line(n: int) -> str:
    return f"and {n} more (every one is in the JSON report)"
