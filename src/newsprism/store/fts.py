"""Turning what a user types into a safe FTS5 query (pure).

Every word becomes a quoted FTS5 string, so operators, unbalanced quotes, ``*``, ``-``, ``:``
and column filters are plain text, never syntax. Balanced double quotes keep a phrase; a word
ending in ``*`` stays a prefix search. All words must match (AND).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fts_query"]

_PHRASE = re.compile(r'"([^"]*)"')


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for ``text``, or None when it holds nothing to search for."""
    # FTS5 reads a NUL as the end of the query: control characters become spaces
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    parts: list[str] = []
    last = 0
    for m in _PHRASE.finditer(text):
        parts.extend(_words(text[last : m.start()]))
        if _searchable(m.group(1)):
            parts.append(_quote(m.group(1)))
        last = m.end()
    parts.extend(_words(text[last:]))
    return " ".join(parts) or None


def _words(chunk: str) -> list[str]:
    out = []
    for word in chunk.replace('"', " ").split():
        prefix = word.endswith("*") and _searchable(word.rstrip("*"))
        word = word.rstrip("*")
        if _searchable(word):
            out.append(_quote(word) + ("*" if prefix else ""))
    return out


def _searchable(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
