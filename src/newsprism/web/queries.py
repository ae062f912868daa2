"""Read-only listing queries with totals, for pages and pagination.

The store's tables are a documented, plain schema (store/schema.py); the web app reads the
summary columns here, over its own read-only connections (one per thread: SQLite in WAL mode
lets them read while the store writes), so a page of 50 titles never loads 50 bodies and
every list can say how many items there are in all.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.errors import StoreError
from newsprism.store import fts_query
from newsprism.web.stages import StoryBackend, StoryInfo

__all__ = ["ArticleFilter", "ArticleRow", "Listing", "Reader"]

_SUMMARY = "a.id, a.title, a.outlet, a.published, a.author, a.url, a.word_count, a.ingested_at"


@dataclass(frozen=True, kw_only=True)
class ArticleFilter:
    """What a user may filter articles by. ``entity`` matches the name as a phrase."""

    q: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    entity: str = ""

    @property
    def match(self) -> str | None:
        """The FTS5 expression for the words and the entity, or None for no text filter."""
        words = self.q
        if self.entity.strip():
            words += ' "' + self.entity.replace('"', " ").strip() + '"'
        return fts_query(words)

    def is_empty(self) -> bool:
        return not (self.q.strip() or self.outlet or self.since or self.until or self.entity)


def find_stories(
    backend: StoryBackend, flt: ArticleFilter, *, limit: int, offset: int
) -> tuple[list[StoryInfo], int]:
    """The stories that pass the filter (one page of them) and how many pass in all."""
    return backend.find(
        q=flt.q,
        outlet=flt.outlet,
        since=flt.since,
        until=flt.until,
        entity=flt.entity,
        limit=limit,
        offset=offset,
    )


@dataclass(frozen=True)
class ArticleRow:
    id: str
    title: str
    outlet: str | None
    published: str | None
    author: str | None
    url: str | None
    word_count: int
    ingested_at: str
    snippet: str = ""


@dataclass(frozen=True)
class Listing:
    items: list[ArticleRow]
    total: int


class Reader:
    """Read-only queries over a newsprism database file (one connection per thread)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=10.0)
            self._local.conn = conn
        return conn

    def _rows(self, sql: str, params: list[Any]) -> list[Any]:
        try:
            return self._conn().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}.") from exc

    def articles(self, flt: ArticleFilter, *, limit: int, offset: int) -> Listing:
        """Current articles matching ``flt``: newest first, or best match first when searching."""
        where, params = _where(flt)
        match = flt.match
        if match is not None:
            base = (
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.id "
                "WHERE articles_fts MATCH ? AND " + where
            )
            params = [match, *params]
            select = (
                f"SELECT {_SUMMARY}, snippet(articles_fts, -1, '[', ']', '…', 16) {base} "
                "ORDER BY bm25(articles_fts, 0.0, 2.0, 1.0), a.id LIMIT ? OFFSET ?"
            )
        else:
            base = "FROM articles a WHERE " + where
            select = (
                f"SELECT {_SUMMARY}, '' {base} ORDER BY a.published IS NULL, a.published DESC, "
                "a.ingested_at DESC, a.id LIMIT ? OFFSET ?"
            )
        total = int(self._rows(f"SELECT count(*) {base}", params)[0][0])
        rows = self._rows(select, [*params, limit, offset])
        return Listing([ArticleRow(*r) for r in rows], total)

    def outlets(self) -> list[tuple[str, int]]:
        """Outlets of current articles with their article counts, most first."""
        rows = self._rows(
            "SELECT outlet, count(*) FROM articles WHERE superseded_by IS NULL "
            "AND outlet IS NOT NULL GROUP BY outlet COLLATE NOCASE ORDER BY count(*) DESC, outlet",
            [],
        )
        return [(str(o), int(n)) for o, n in rows]

    def summaries(self, ids: list[str]) -> list[ArticleRow]:
        """Summaries of the given articles, in the given order (unknown ids left out)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._rows(f"SELECT {_SUMMARY}, '' FROM articles a WHERE a.id IN ({marks})", ids)
        by_id = {r[0]: ArticleRow(*r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def _where(flt: ArticleFilter) -> tuple[str, list[Any]]:
    clauses = ["a.superseded_by IS NULL"]
    params: list[Any] = []
    if flt.outlet:
        clauses.append("a.outlet = ? COLLATE NOCASE")
        params.append(flt.outlet)
    if flt.since:
        clauses.append("a.published >= ?")
        params.append(flt.since)
    if flt.until:
        # compare as many characters as the bound has, so a day bound keeps that whole day
        clauses.append("substr(a.published, 1, ?) <= ?")
        params.extend([len(flt.until), flt.until])
    return " AND ".join(clauses), params
