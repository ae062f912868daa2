"""Long texts in pieces the extract stage can read, with every character offset kept exact (pure).

spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters), its parser needs about
1 GB of memory per 100,000 characters of one Doc, and the claim and quote finders slow down faster
than the text grows (measured: 20,000 characters 0.7 s, 50,000 characters 52 s). The extract stage
therefore reads a text longer than ``WHOLE_CHARS`` as consecutive chunks of at most
``CHUNK_CHARS``, extracts each, and merges the extractions with their offsets shifted by the
chunk's start (:func:`merge`), so every offset points into the whole text. What crosses a chunk
boundary is not linked: a partial name ("Kim") in one chunk is not resolved to the full name in
another, and no claim or quote spans two chunks.

Invariants of :func:`chunk_spans`:

- the spans are consecutive and cover ``text[:limit]`` exactly: the first starts at 0, each one
  starts where the one before ended, the last ends at ``limit`` (so joining the chunks gives the
  text back, and an offset into the joined Doc is an offset into the article);
- each span is at most ``size`` characters long;
- a span ends where a sentence starts (the whitespace before it stays with the earlier chunk);
  only a "sentence" longer than ``size`` is cut elsewhere: at its last whitespace inside the
  window, or, without any, at the window's end.

:func:`analysed_length` picks how much of a text is analysed deeply: all of it up to ``limit``
characters, else the text up to the last sentence start at or before ``limit``.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any

from newsprism.extract.types import Entity, Extraction, Sentence
from newsprism.text import split_sentences

__all__ = [
    "CHUNK_CHARS",
    "DEEP_CHARS",
    "WHOLE_CHARS",
    "analysed_length",
    "chunk_spans",
    "limit_notice",
    "merge",
]

#: A text up to this long is read in one piece (news articles are, up to ~3,000 words).
WHOLE_CHARS = 20_000
#: Characters per chunk of a longer text (about 0.5 s of one core each, parse and finders).
CHUNK_CHARS = 10_000

#: Characters of one article that the extract stage analyses deeply (entities, dates, quantities,
#: quotes, claims): about 16,000 words, several times the longest news features, read in about
#: 5 s on one core. Beyond it an article is still stored, searched, embedded and placed in a story
#: in full; its extraction says where the analysis stopped (``Extraction.analysed_chars``) and the
#: CLI and the web pages say so to the user.
DEEP_CHARS = 100_000


def _sentence_starts(text: str) -> list[int]:
    return [start for start, _ in split_sentences(text)]


def analysed_length(text: str, limit: int | None = DEEP_CHARS) -> int:
    """How many leading characters of ``text`` the deep analysis reads (to a sentence start)."""
    if limit is None or len(text) <= limit:
        return len(text)
    starts = _sentence_starts(text[: limit + 1])
    i = bisect.bisect_right(starts, limit) - 1
    cut = starts[i] if i >= 0 and starts[i] > 0 else 0
    if cut == 0:  # one "sentence" longer than the limit: cut at the last whitespace
        space = max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit))
        cut = space + 1 if space > 0 else limit
    return cut


def limit_notice(analysed_chars: int | None, total_chars: int) -> str:
    """One line telling the user that a long article was analysed only in part ("" when whole)."""
    if analysed_chars is None or analysed_chars >= total_chars:
        return ""
    return (
        f"This article is {total_chars:,} characters long: entities, dates, quantities, quotes and "
        f"claims were extracted from its first {analysed_chars:,} characters only (newsprism's "
        "deep-analysis limit); the whole text is stored, searchable and placed in its story."
    )


def chunk_spans(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` spans covering ``text``, each at most ``size`` characters,
    cut where sentences start (see the module's invariants)."""
    if size < 1:
        raise ValueError("size must be positive")
    n = len(text)
    if n <= size:
        return [(0, n)] if n else []
    starts = _sentence_starts(text)
    spans: list[tuple[int, int]] = []
    begin = 0
    while n - begin > size:
        window_end = begin + size
        i = bisect.bisect_right(starts, window_end) - 1
        cut = starts[i] if i >= 0 and starts[i] > begin else 0
        if not cut:
            space = max(text.rfind(" ", begin, window_end), text.rfind("\n", begin, window_end))
            cut = space + 1 if space > begin else window_end
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, n))
    return spans


def merge(parts: list[tuple[int, Extraction]]) -> Extraction:
    """Extractions of consecutive chunks, each with the offset its chunk starts at -> one
    Extraction of the whole text: offsets shifted, indices renumbered, entities of one canonical key
    merged (mentions and aliases in text order, name and type from the first chunk)."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    sentences: list[Sentence] = []
    mentions: list[Any] = []
    times: list[Any] = []
    quantities: list[Any] = []
    quotes: list[Any] = []
    claims: list[Any] = []
    entities: dict[str, Entity] = {}
    for offset, ex in parts:
        n_sent, n_ment, n_time, n_qty = len(sentences), len(mentions), len(times), len(quantities)
        sentences += [
            Sentence(n_sent + s.index, s.start + offset, s.end + offset) for s in ex.sentences
        ]
        mentions += [_shift(m, offset) for m in ex.mentions]
        times += [_shift(t, offset) for t in ex.times]
        quantities += [_shift(q, offset) for q in ex.quantities]
        quotes += [
            replace(
                _shift(q, offset),
                speaker_span=(
                    (q.speaker_span[0] + offset, q.speaker_span[1] + offset)
                    if q.speaker_span
                    else None
                ),
            )
            for q in ex.quotes
        ]
        claims += [
            replace(
                _shift(c, offset),
                sentence=c.sentence + n_sent,
                time=tuple(i + n_time for i in c.time),
                quantities=tuple(i + n_qty for i in c.quantities),
                predicate=(
                    (c.predicate[0] + offset, c.predicate[1] + offset) if c.predicate else None
                ),
            )
            for c in ex.claims
        ]
        for e in ex.entities:
            idx = tuple(i + n_ment for i in e.mentions)
            seen = entities.get(e.key)
            if seen is None:
                entities[e.key] = replace(e, mentions=idx)
            else:
                aliases = tuple(dict.fromkeys(seen.aliases + e.aliases))
                entities[e.key] = replace(seen, mentions=seen.mentions + idx, aliases=aliases)
    first = parts[0][1]
    return replace(
        first,
        sentences=tuple(sentences),
        entities=tuple(entities.values()),
        mentions=tuple(mentions),
        times=tuple(times),
        quantities=tuple(quantities),
        quotes=tuple(quotes),
        claims=tuple(claims),
    )


def _shift(item: Any, offset: int) -> Any:
    return replace(item, start=item.start + offset, end=item.end + offset)
