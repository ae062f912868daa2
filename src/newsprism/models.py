"""Frozen dataclasses that flow between the pipeline stages.

ingest  -> RawDocument   (bytes decoded to text, where it came from, metadata it carried)
clean   -> Article       (title + clean body + metadata, every field with its provenance)
store   -> StoredArticle (an Article as remembered, with its version links)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Provenance(StrEnum):
    """Where a metadata value came from. Ordered roughly from most to least trusted."""

    USER = "user"  # given on the command line / API call
    DATASET = "dataset"  # a field of a JSONL/CSV row
    FEED = "feed"  # an RSS/Atom item
    HTML_META = "html_meta"  # <meta>, JSON-LD, <title> ...
    URL = "url"  # derived from the URL (host name, date in the path)
    TEXT = "text"  # derived from the text itself (first line, first sentence, byline)
    DEFAULT = "default"  # a fallback (file name, ...)


@dataclass(frozen=True)
class Meta:
    """One metadata value with where it came from and how sure we are (0..1)."""

    value: str
    source: Provenance
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "source": str(self.source), "confidence": self.confidence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meta:
        return cls(str(data["value"]), Provenance(data["source"]), float(data["confidence"]))


class InputKind(StrEnum):
    TEXT = "text"
    HTML = "html"
    FEED_ITEM = "feed_item"
    DATASET_ROW = "dataset_row"
    STDIN = "stdin"


#: Metadata keys an article may carry.
META_FIELDS = ("title", "outlet", "published", "author", "url", "language", "doc_id")


@dataclass(frozen=True)
class RawDocument:
    """One input as read, before cleaning.

    ``content`` is decoded text (plain text or HTML markup, per ``kind``);
    ``location`` names the input for messages ("dir/a.txt", "data.jsonl:12", a URL, "<stdin>").
    ``metadata`` maps META_FIELDS keys to values found in the input itself.
    """

    content: str
    kind: InputKind
    location: str
    metadata: dict[str, Meta] = field(default_factory=dict)
    encoding: str = "utf-8"
    #: a key that names this document across runs (URL, dataset id); "" when unknown
    identity: str = ""
    #: what the reader should know about how it was read (mixed encodings ...), one line each
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Removed:
    """A piece of the input that cleaning took out, and why (kept for transparency)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """A cleaned article: title, body and metadata with provenance."""

    id: str
    title: str
    body: str
    metadata: dict[str, Meta]
    location: str
    kind: InputKind
    identity: str
    content_hash: str
    removed: tuple[Removed, ...] = ()
    #: what the reader should know about how the input was read, one line each (not stored)
    warnings: tuple[str, ...] = ()

    def meta(self, key: str) -> str | None:
        m = self.metadata.get(key)
        return m.value if m else None

    @property
    def outlet(self) -> str | None:
        return self.meta("outlet")

    @property
    def published(self) -> str | None:
        return self.meta("published")

    @property
    def url(self) -> str | None:
        return self.meta("url")

    @property
    def text(self) -> str:
        """Title and body, as extracted and compared; offsets of later stages point into it.

        A title that is only the body's first sentence (a lede used as title) is not repeated.
        """
        if not self.title or self.body.startswith(self.title):
            return self.body
        return f"{self.title}\n\n{self.body}"

    def with_metadata(self, **values: Meta) -> Article:
        merged = dict(self.metadata)
        merged.update(values)
        return replace(self, metadata=merged)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "metadata": {k: v.to_dict() for k, v in sorted(self.metadata.items())},
            "location": self.location,
            "kind": str(self.kind),
            "identity": self.identity,
            "content_hash": self.content_hash,
            "removed": [{"text": r.text, "reason": r.reason} for r in self.removed],
            **({"warnings": list(self.warnings)} if self.warnings else {}),
        }


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store remembers it."""

    article: Article
    ingested_at: str
    previous_id: str | None = None
    superseded_by: str | None = None

    @property
    def id(self) -> str:
        return self.article.id

    # The article's own fields, so callers need not write stored.article.title.
    @property
    def title(self) -> str:
        return self.article.title

    @property
    def body(self) -> str:
        return self.article.body

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def metadata(self) -> dict[str, Meta]:
        return self.article.metadata

    @property
    def outlet(self) -> str | None:
        return self.article.outlet

    @property
    def published(self) -> str | None:
        return self.article.published

    @property
    def url(self) -> str | None:
        return self.article.url


# --- identity helpers -------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def normalize_for_hash(text: str) -> str:
    """Whitespace- and Unicode-normalised text, so trivial re-encodings hash the same."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(title: str, body: str) -> str:
    h = hashlib.sha256()
    h.update(normalize_for_hash(title).encode("utf-8"))
    h.update(b"\x00")
    h.update(normalize_for_hash(body).encode("utf-8"))
    return h.hexdigest()


def identity_key(title: str, metadata: dict[str, Meta], identity: str = "") -> str:
    """What names an article across versions: its URL, its dataset id, else outlet + title."""
    if identity:
        return identity
    url = metadata.get("url")
    if url:
        return "url:" + url.value
    outlet = metadata.get("outlet")
    return (
        "title:"
        + (outlet.value.casefold() if outlet else "")
        + "|"
        + normalize_for_hash(title).casefold()
    )


def article_id(identity: str, chash: str) -> str:
    """Stable id: the same input always gets the same id; an edited version gets a new one."""
    return hashlib.sha256(f"{identity}\x00{chash}".encode()).hexdigest()[:16]


def published_day(value: str | date | None) -> date | None:
    """The calendar day of an ISO date or date-time (``Article.published``), None when it is not
    one. The one reading of a publication day for similarity, stories and the partitioned run."""
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
