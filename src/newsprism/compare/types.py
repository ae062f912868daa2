"""Frozen dataclasses produced by the compare stage; ``Comparison.to_dict`` is the JSON report.

The layout of ``to_dict`` is documented in docs/report-schema.md and versioned by
``SCHEMA_VERSION``: add keys freely, bump the version when a key changes meaning or goes away.
Every span (``start``, ``end``) is a character offset into its source's ``article.text``
(title + blank line + body), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Version of the report JSON layout (docs/report-schema.md). 2: ``agreements`` holds only the
#: undisputed shared facts (``agreed``); disputed ones are in ``disputed``; ``notices`` added.
SCHEMA_VERSION = 2

#: Contradiction types, in the order reports list them.
CONTRADICTION_TYPES = (
    "date",
    "number",
    "place",
    "actor",
    "entity_set",
    "polarity",
    "attribution",
    "quote",
)

#: Confidence from which a contradiction counts as "high confidence" (reports lead with these).
HIGH_CONFIDENCE = 0.7


@dataclass(frozen=True)
class Source:
    """One compared article."""

    id: str  # "S1", "S2" ... in input order
    article_id: str
    name: str  # what reports call it: the outlet, else the title, else the location
    title: str
    outlet: str | None
    published: str | None
    location: str
    url: str | None
    #: the language the report is written in (ISO 639-1), None when the guess is unsure
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "name": self.name,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "location": self.location,
            "url": self.url,
            "language": self.language,
        }


@dataclass(frozen=True)
class Span:
    """A stretch of one source's text; ``focus`` marks the part that matters (a date, a number)."""

    source: str
    start: int
    end: int
    text: str
    #: what the span says about the disputed slot ("2020-01-02", "3000 people"), "" when none
    value: str = ""
    focus_start: int | None = None
    focus_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if self.value:
            out["value"] = self.value
        if self.focus_start is not None and self.focus_end is not None:
            out["focus"] = {"start": self.focus_start, "end": self.focus_end}
        return out


@dataclass(frozen=True)
class Detail:
    """Something one source says about a shared fact that the others do not (an elaboration)."""

    source: str
    kind: str  # quantity, time, entity, attribution
    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "text": self.text,
            "span": self.span.to_dict(),
        }


@dataclass(frozen=True)
class Fact:
    """One aligned group of claims: the same fact as told by one or more sources."""

    id: str  # "F1" ...
    #: agree, elaborates, contradicts (several sources) or single (one source only)
    label: str
    sources: tuple[str, ...]
    claims: tuple[Span, ...]
    summary: str  # a sentence that states the fact (from the clearest source)
    salience: float
    details: tuple[Detail, ...] = ()
    contradictions: tuple[str, ...] = ()
    #: how closely the claims of the group match (mean pair score, 0..1); 1.0 for single facts
    cohesion: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "sources": list(self.sources),
            "summary": self.summary,
            "salience": round(self.salience, 3),
            "cohesion": round(self.cohesion, 3),
            "claims": [c.to_dict() for c in self.claims],
            "details": [d.to_dict() for d in self.details],
            "contradictions": list(self.contradictions),
        }


@dataclass(frozen=True)
class Contradiction:
    id: str  # "C1" ...
    type: str  # one of CONTRADICTION_TYPES
    confidence: float
    #: one span per source that takes part, in source order
    evidence: tuple[Span, ...]
    summary: str  # one line: what differs
    fact: str | None = None  # the Fact id it was found in
    #: context that changes how to read it (time zones, publication order, vague numbers)
    note: str = ""
    #: True when the later publication most likely updates the earlier one (a new count)
    update: bool = False
    #: why the sides are taken to speak of one happening and one actor ("same event: the same
    #: act (offer), the same figure (7 per cent) ...; same actor: 'KDF' is the acronym of ...")
    basis: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.source for e in self.evidence))

    @property
    def high(self) -> bool:
        return self.confidence >= HIGH_CONFIDENCE and not self.update

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "confidence": round(self.confidence, 3),
            "high_confidence": self.high,
            "update": self.update,
            "summary": self.summary,
            "note": self.note,
            "basis": self.basis,
            "fact": self.fact,
            "sources": list(self.sources),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Addition:
    """A claim (or a detail of a shared fact) that one source has and the others leave out."""

    id: str  # "A1" ...
    source: str
    kind: str  # claim (no counterpart at all) or detail (an elaboration of a shared fact)
    text: str  # the statement that holds the addition (a whole sentence where a clause is not)
    span: Span
    salience: float
    omitted_by: tuple[str, ...]
    fact: str | None = None
    #: for a detail: what it adds, in a few words ("six floodgates", "Kesk"); "" for a claim
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "kind": self.kind,
            "text": self.text,
            "detail": self.detail,
            "salience": round(self.salience, 3),
            "omitted_by": list(self.omitted_by),
            "fact": self.fact,
            "span": self.span.to_dict(),
        }


@dataclass(frozen=True)
class BriefSentence:
    text: str
    #: consensus, addition or dispute
    section: str
    sources: tuple[str, ...]
    refs: tuple[str, ...]  # ids of the facts, additions or contradictions it rests on

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "section": self.section,
            "sources": list(self.sources),
            "refs": list(self.refs),
        }


@dataclass(frozen=True)
class TimelineItem:
    date: str  # ISO date, month, year or interval "start/end"
    granularity: str
    text: str
    sources: tuple[str, ...]
    spans: tuple[Span, ...]
    disputed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "granularity": self.granularity,
            "text": self.text,
            "sources": list(self.sources),
            "disputed": self.disputed,
            "spans": [s.to_dict() for s in self.spans],
        }


@dataclass(frozen=True)
class ActorEdge:
    """Who did what to whom, and which sources say so."""

    actor: str  # canonical entity key
    actor_name: str
    action: str
    target: str
    target_name: str
    sources: tuple[str, ...]
    spans: tuple[Span, ...]
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "actor_name": self.actor_name,
            "action": self.action,
            "negated": self.negated,
            "target": self.target,
            "target_name": self.target_name,
            "sources": list(self.sources),
            "spans": [s.to_dict() for s in self.spans],
        }


#: Matrix cell values ("unread": a report in a language the claim comparison does not read).
CELLS = ("agrees", "adds", "omits", "contradicts", "unread")


@dataclass(frozen=True)
class Notice:
    """Something the reader must know before trusting the report, such as reports in a language
    the claim comparison does not read."""

    kind: str  # "language"
    text: str  # one plain sentence (or two), shown as is in every format
    sources: tuple[str, ...]
    #: for "language": {source id: language code}
    languages: tuple[tuple[str, str], ...] = ()
    #: for "language": the multilingual similarity of each pair of these reports
    #: (a, b, overall on 1 = very similar ... 4 = very dissimilar)
    similarity: tuple[tuple[str, str, float], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "sources": list(self.sources),
            "languages": dict(self.languages),
            "similarity": [{"a": a, "b": b, "overall": round(v, 2)} for a, b, v in self.similarity],
        }


@dataclass(frozen=True)
class MatrixRow:
    fact: str
    text: str
    #: source id -> one of CELLS
    cells: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"fact": self.fact, "text": self.text, "cells": dict(self.cells)}


@dataclass(frozen=True)
class Comparison:
    sources: tuple[Source, ...]
    facts: tuple[Fact, ...]
    contradictions: tuple[Contradiction, ...]
    additions: tuple[Addition, ...]
    brief: tuple[BriefSentence, ...]
    timeline: tuple[TimelineItem, ...]
    actors: tuple[ActorEdge, ...]
    matrix: tuple[MatrixRow, ...]
    notices: tuple[Notice, ...] = ()

    @property
    def shared(self) -> tuple[Fact, ...]:
        """Facts that two or more sources report, disputed or not, most salient first."""
        shared = (f for f in self.facts if len(f.sources) > 1)
        return tuple(sorted(shared, key=lambda f: -f.salience))

    @property
    def agreements(self) -> tuple[Fact, ...]:
        """Every shared fact, disputed or not (kept for callers of the Python API; the JSON
        ``agreements`` key holds ``agreed`` only since schema 2)."""
        return self.shared

    @property
    def agreed(self) -> tuple[Fact, ...]:
        """Shared facts that no contradiction touches, most salient first."""
        return tuple(f for f in self.shared if not f.contradictions)

    @property
    def disputed(self) -> tuple[Fact, ...]:
        """Shared facts the sources disagree on (each lists its contradictions)."""
        return tuple(f for f in self.shared if f.contradictions)

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def fact(self, fact_id: str) -> Fact:
        for f in self.facts:
            if f.id == fact_id:
                return f
        raise KeyError(fact_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "sources": [s.to_dict() for s in self.sources],
            "notices": [n.to_dict() for n in self.notices],
            "agreed": [f.to_dict() for f in self.agreed],
            "disputed": [f.to_dict() for f in self.disputed],
            # the schema 1 name, kept: since schema 2 it holds the undisputed facts only
            "agreements": [f.to_dict() for f in self.agreed],
            "additions": [a.to_dict() for a in self.additions],
            "contradictions": [c.to_dict() for c in self.contradictions],
            "brief": [b.to_dict() for b in self.brief],
            "timeline": [t.to_dict() for t in self.timeline],
            "actors": [e.to_dict() for e in self.actors],
            "matrix": [r.to_dict() for r in self.matrix],
            "facts": [f.to_dict() for f in self.facts],
        }
