"""Frozen dataclasses produced by the extract stage.

Every span (``start``, ``end``) is a character offset into ``article.text`` (title + blank line +
body), end exclusive, so each item points back into the text it came from. Entities are referred to
by canonical keys ("person:recep_tayyip_erdogan", "country:TR", "org:libyan_national_army").
Cross-references between items use indices into the Extraction's tuples (``times``, ``quantities``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeVar

#: Version of the Extraction JSON layout; bump it when keys change meaning.
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One place where an entity is named, as written ("Ankara", "the Turkish President")."""

    text: str
    start: int
    end: int
    #: spaCy label (PERSON, ORG, GPE, NORP, ...) or ROLE / GAZETTEER for our own finds
    label: str
    entity_key: str


@dataclass(frozen=True)
class Entity:
    """One canonical identity in an article."""

    key: str
    name: str
    #: person, country, org, place, group, other
    type: str
    #: indices into Extraction.mentions
    mentions: tuple[int, ...]
    #: distinct surface forms, as written
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TimeExpr:
    """A time expression and what it resolves to.

    ``value`` is an ISO date ("2020-01-02"), month ("2019-11") or year ("2014"), or None when the
    expression is an interval (then ``start_value``/``end_value``) or cannot be resolved.
    """

    text: str
    start: int
    end: int
    value: str | None
    #: day, week, month, year, interval, time, unknown
    granularity: str
    relative: bool
    #: what it was resolved against: "published:2020-01-02", "text", "event" (another event), ""
    anchor: str
    confidence: float
    #: True when the expression could not be resolved (no publication date, or an event anchor)
    flagged: bool
    start_value: str | None = None
    end_value: str | None = None
    #: past, present, future or "" -- the tense used to resolve it
    tense: str = ""


@dataclass(frozen=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float
    #: currency code (USD, EUR, GBP ...), "%", a time unit (year, week ...), or "" for a count
    unit: str
    #: what is counted ("migrants", "deployment"), "" when unknown
    counts: str
    #: "250000 migrants", ">50 firefighters", "100000000000 USD", "1 year deployment"
    normalized: str
    #: count, money, percent, duration
    kind: str = "count"
    #: "", ">", ">=", "<", "<=", "~" (about)
    qualifier: str = ""
    #: True when the number is vague ("thousands of", "dozens")
    approximate: bool = False


@dataclass(frozen=True)
class Quote:
    """Direct (quoted words) or indirect ("X said that ...") speech and who it is attributed to."""

    text: str
    start: int
    end: int
    speaker_key: str | None
    speaker_name: str | None
    speaker_span: tuple[int, int] | None
    verb: str | None
    direct: bool
    #: the document or organisation behind it ("White House statement"), when the text says so
    source_key: str | None = None
    source_name: str | None = None
    #: True when the quote continues an attribution made earlier (no verb of its own)
    continued: bool = False

    @property
    def attributed_to(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for k in (self.speaker_key, self.source_key) if k))


@dataclass(frozen=True)
class Claim:
    """One predicate of a sentence with its slots; the unit the comparison stage aligns."""

    sentence: int
    start: int
    end: int
    text: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    #: lemma of the predicate, with its particle ("pull back") and "not" when negated
    action: str
    negated: bool
    #: modal verb lemma ("will", "could", "must") or ""
    modality: str
    #: indices into Extraction.times
    time: tuple[int, ...]
    #: canonical keys of places
    place: tuple[str, ...]
    #: indices into Extraction.quantities
    quantities: tuple[int, ...]
    #: canonical keys of who the claim is attributed to (speaker, source)
    attributed_to: tuple[str, ...]
    #: the subject as written when it is not a named entity ("the leaders"), else ""
    subject_text: str = ""
    #: (start, end) of the predicate word itself ("sued", "lawsuit"), for event coreference;
    #: None in extractions stored before it existed
    predicate: tuple[int, int] | None = None
    #: what the act was done to, as written up to its head noun ("its evacuation order"): the
    #: object of an active verb, the subject of a passive one; "" when none is written
    patient: str = ""


@dataclass(frozen=True)
class Extraction:
    article_id: str
    language: str
    #: publication day used for resolution (ISO date) or None
    published: str | None
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    times: tuple[TimeExpr, ...]
    quantities: tuple[Quantity, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    #: where the deep analysis stopped when the text was longer than the extract stage reads
    #: (``extract.chunks.DEEP_CHARS``): nothing at or after this offset was analysed; None: all
    analysed_chars: int | None = None

    def entity(self, key: str) -> Entity | None:
        for e in self.entities:
            if e.key == key:
                return e
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "article_id": self.article_id,
            "language": self.language,
            "published": self.published,
            "sentences": [_row(s) for s in self.sentences],
            "entities": [_row(e) for e in self.entities],
            "mentions": [_row(m) for m in self.mentions],
            "times": [_row(t) for t in self.times],
            "quantities": [_row(q) for q in self.quantities],
            "quotes": [_row(q) for q in self.quotes],
            "claims": [_row(c) for c in self.claims],
            "analysed_chars": self.analysed_chars,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            article_id=str(data["article_id"]),
            language=str(data.get("language", "en")),
            published=data.get("published"),
            sentences=tuple(_build(Sentence, r) for r in data.get("sentences", ())),
            entities=tuple(_build(Entity, r) for r in data.get("entities", ())),
            mentions=tuple(_build(Mention, r) for r in data.get("mentions", ())),
            times=tuple(_build(TimeExpr, r) for r in data.get("times", ())),
            quantities=tuple(_build(Quantity, r) for r in data.get("quantities", ())),
            quotes=tuple(_build(Quote, r) for r in data.get("quotes", ())),
            claims=tuple(_build(Claim, r) for r in data.get("claims", ())),
            analysed_chars=data.get("analysed_chars"),
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def _row(obj: Any) -> dict[str, Any]:
    return {f.name: _jsonable(getattr(obj, f.name)) for f in fields(obj)}


T = TypeVar("T")


def _build(cls: type[T], row: dict[str, Any]) -> T:
    # Lists come back as tuples so a round trip gives equal (and hashable) objects;
    # unknown keys are ignored so older readers survive newer rows.
    kwargs: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in row:
            v = row[f.name]
            kwargs[f.name] = tuple(v) if isinstance(v, list) else v
    return cls(**kwargs)
