"""Read-only queries with totals (for pages and pagination) and chunked table reads (for export).

A ``Reader`` reads the database file over its own read-only connections (one per thread: SQLite
in WAL mode lets them read while the store writes), so a page of 50 titles never loads 50
bodies, every list can say how many items there are in all, and an export never holds the
writer's connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.errors import StoreError
from newsprism.store.fts import fts_query
from newsprism.store.where import article_where

__all__ = ["ArticleFilter", "ArticleRow", "Listing", "Reader"]

_SUMMARY = "a.id, a.title, a.outlet, a.published, a.author, a.url, a.word_count, a.ingested_at"
#: Tables an export may copy as they are.
EXPORTED_TABLES = ("stories", "story_members")


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
            try:
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=10.0)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot read {self.path}: {exc}.") from exc
            self._local.conn = conn
        return conn

    def _rows(self, sql: str, params: list[Any]) -> list[Any]:
        try:
            return self._conn().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}.") from exc

    def articles(self, flt: ArticleFilter, *, limit: int, offset: int) -> Listing:
        """Current articles matching ``flt``: newest first, or best match first when searching."""
        clauses, params = article_where(
            outlet=flt.outlet, since=flt.since, until=flt.until, table="a"
        )
        where = " AND ".join(clauses)
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

    # --- whole tables, a chunk at a time (export) -----------------------------------------

    def article_chunks(
        self, columns: tuple[str, ...], size: int
    ) -> Iterator[list[tuple[Any, ...]]]:
        """Every stored version's ``columns``, in ingest order."""
        return self._chunks(f"SELECT {', '.join(columns)} FROM articles ORDER BY rowid", size)

    def vector_dim(self) -> int:
        """The length of the stored vectors (0 when there are none)."""
        first = self._rows("SELECT dim FROM embeddings LIMIT 1", [])
        return int(first[0][0]) if first else 0

    def vector_chunks(self, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """(article id, model, text hash, vector bytes) of every article vector."""
        return self._chunks(
            "SELECT av.article_id, av.model, av.text_hash, e.vector FROM article_vectors av "
            "JOIN embeddings e ON e.model = av.model AND e.text_hash = av.text_hash "
            "JOIN articles a ON a.id = av.article_id ORDER BY a.rowid, av.model",
            size,
        )

    def has_table(self, name: str) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return bool(self._rows(sql, [name]))

    def table_columns(self, table: str) -> list[tuple[str, str]]:
        """(name, declared type) of an exported table's columns."""
        if table not in EXPORTED_TABLES:
            raise StoreError(f"{table!r} is not a table newsprism exports.")
        return [(str(c[1]), str(c[2])) for c in self._rows(f"PRAGMA table_info({table})", [])]

    def table_chunks(self, table: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """An exported table's rows as they are, in rowid order."""
        names = ", ".join(name for name, _ in self.table_columns(table))
        return self._chunks(f"SELECT {names} FROM {table} ORDER BY rowid", size)

    def _chunks(self, sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        try:
            cursor = self._conn().execute(sql)
            while rows := cursor.fetchmany(size):
                yield rows
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}.") from exc

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
