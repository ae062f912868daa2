"""The SQLite store: articles (one row per version), full-text search, embeddings, analyses.

Plain tables that any SQLite tool can read (see ``schema.py``). One ``Store`` holds one
connection; ``add_many`` writes a whole batch in one transaction, so a process killed midway
loses at most that batch, and running the same ingest again adds exactly what is missing.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import numpy as np

from newsprism.errors import AmbiguousArticleId, ArticleNotFound, SchemaTooNew, StoreError
from newsprism.models import Article, InputKind, Meta, Removed, StoredArticle
from newsprism.store import stories as story_sql
from newsprism.store.analyses import EXTRACTION_KIND, EXTRACTION_VERSION
from newsprism.store.fts import fts_query
from newsprism.store.reader import Reader
from newsprism.store.schema import MIGRATIONS, SCHEMA_VERSION
from newsprism.store.stories import MemberRecord, StoryFilter, StoryRecord, StoryRow
from newsprism.store.where import article_where, casefold

__all__ = ["AddResult", "SearchHit", "Store"]

AddStatus = Literal["added", "unchanged", "new_version"]
_COLUMNS = (
    "id, identity, content_hash, title, body, outlet, published, author, url, language, location, "
    "kind, metadata_json, removed_json, word_count, previous_id, superseded_by, ingested_at"
)
_HEX = re.compile(r"[0-9a-f]+")
_CHUNK = 500  # host parameters per IN (...) query


@dataclass(frozen=True)
class AddResult:
    """What ``add`` did: ``id`` is the stored row (the existing one when unchanged)."""

    status: AddStatus
    id: str
    previous_id: str | None = None


@dataclass(frozen=True)
class SearchHit:
    """A full-text match. ``rank`` is the negated bm25 score: higher is more relevant."""

    article: StoredArticle
    snippet: str
    rank: float


class Store:
    """newsprism's SQLite database (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path = "newsprism.db", *, timeout: float = 10.0) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._conn = _connect(self.path, timeout=timeout)
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # --- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested calls join the outer one)."""
        with self._transaction():
            yield

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @property
    def journal_mode(self) -> str:
        return str(self._conn.execute("PRAGMA journal_mode").fetchone()[0])

    # --- articles -------------------------------------------------------------------------

    def add(self, article: Article) -> AddResult:
        """Store ``article``: unchanged if already there, a linked new version if edited."""
        return self.add_many([article])[0]

    def add_many(self, articles: Iterable[Article]) -> list[AddResult]:
        """Store a batch in one transaction (all or nothing)."""
        with self._transaction():
            return [self._add_one(a) for a in articles]

    def get(self, key: str) -> StoredArticle:
        """The article with this id (or unique id prefix)."""
        return self._get_article(key)

    def get_many(self, ids: Sequence[str]) -> list[StoredArticle]:
        """The articles with these full ids, in the order given, a few queries in all.

        For corpus-wide passes (stories, cluster-all) that would otherwise ask once per article.
        """
        found: dict[str, StoredArticle] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ",".join("?" * len(chunk))
            for row in self._query(f"SELECT {_COLUMNS} FROM articles WHERE id IN ({marks})", chunk):
                found[row[0]] = _stored(row)
        missing = [i for i in ids if i not in found]
        if missing:
            more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
            raise ArticleNotFound(f"no article with id {missing[0]!r}{more}.")
        return [found[i] for i in ids]

    def articles(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        include_superseded: bool = False,
    ) -> list[StoredArticle]:
        """Stored articles, newest publication first (undated last).

        ``since``/``until`` compare with the ISO publication date and are inclusive:
        ``until="2020-01-02"`` keeps everything published that day.
        """
        clauses, params = article_where(
            outlet=outlet, since=since, until=until, include_superseded=include_superseded
        )
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        sql = (
            f"SELECT {_COLUMNS} FROM articles{where} "
            "ORDER BY published IS NULL, published DESC, ingested_at DESC, id LIMIT ? OFFSET ?"
        )
        rows = self._query(sql, [*params, max(0, limit), max(0, offset)])
        return [_stored(r) for r in rows]

    def count(self, *, include_superseded: bool = False) -> int:
        where = "" if include_superseded else " WHERE superseded_by IS NULL"
        return int(self._query(f"SELECT count(*) FROM articles{where}")[0][0])

    def versions(self, article_id: str) -> list[StoredArticle]:
        """Every stored version of the article, oldest first."""
        identity = self._get_article(article_id).article.identity
        rows = self._query(
            f"SELECT {_COLUMNS} FROM articles WHERE identity = ? ORDER BY ingested_at, rowid",
            [identity],
        )
        return _chain([_stored(r) for r in rows])

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, include_superseded: bool = False
    ) -> list[SearchHit]:
        """Full-text search over titles and bodies; what users type is never FTS syntax."""
        match = fts_query(query)
        if match is None:
            return []
        current = "" if include_superseded else " AND a.superseded_by IS NULL"
        cols = ", ".join(f"a.{c.strip()}" for c in _COLUMNS.split(","))
        sql = (
            f"SELECT {cols}, snippet(articles_fts, -1, '[', ']', '…', 16), "
            "bm25(articles_fts, 0.0, 2.0, 1.0) AS score "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.id "
            f"WHERE articles_fts MATCH ?{current} ORDER BY score, a.id LIMIT ? OFFSET ?"
        )
        rows = self._query(sql, [match, max(0, limit), max(0, offset)])
        return [SearchHit(_stored(r[:-2]), str(r[-2] or ""), -float(r[-1])) for r in rows]

    # --- embeddings -----------------------------------------------------------------------

    def put_vectors(self, model_id: str, items: Mapping[str, np.ndarray]) -> None:
        """Cache vectors by text hash (EmbeddingCache); existing entries are kept."""
        rows = []
        for text_hash, vector in items.items():
            v = np.ascontiguousarray(vector, dtype=np.float32).reshape(-1)
            rows.append((model_id, text_hash, int(v.shape[0]), v.tobytes()))
        with self._transaction():
            self._conn.executemany(
                "INSERT OR IGNORE INTO embeddings (model, text_hash, dim, vector) VALUES (?,?,?,?)",
                rows,
            )

    def set_article_vector(self, article_id: str, model: str, text_hash: str) -> None:
        """Record that ``article_id``'s document vector under ``model`` is ``text_hash``'s."""
        self.set_article_vectors(model, {article_id: text_hash})

    def set_article_vectors(self, model: str, links: Mapping[str, str]) -> None:
        """``set_article_vector`` for many articles (article id -> text hash), one transaction."""
        try:
            with self._transaction():
                self._conn.executemany(
                    "INSERT OR REPLACE INTO article_vectors (article_id, model, text_hash) "
                    "VALUES (?, ?, ?)",
                    [(aid, model, h) for aid, h in links.items()],
                )
        except sqlite3.IntegrityError as exc:
            raise StoreError(
                f"cannot link {len(links)} article(s) to vectors of {model}: {exc}.",
                hint="Store the articles (add) and their vectors (put) first.",
            ) from exc

    def article_vectors(
        self, model: str, ids: Sequence[str] | None = None, *, include_superseded: bool = False
    ) -> tuple[list[str], np.ndarray]:
        """Document vectors under ``model``: (article ids, matrix with one row per id).

        With ``ids``, the rows follow their order and ids without a vector are left out.
        """
        sql = (
            "SELECT av.article_id, e.vector FROM article_vectors av "
            "JOIN embeddings e ON e.model = av.model AND e.text_hash = av.text_hash "
            "JOIN articles a ON a.id = av.article_id WHERE av.model = ?"
        )
        if ids is None:
            current = "" if include_superseded else " AND a.superseded_by IS NULL"
            found = self._query(sql + current + " ORDER BY a.rowid", [model])
        else:
            by_id: dict[str, bytes] = {}
            for chunk in _chunks(list(ids)):
                marks = ",".join("?" * len(chunk))
                for aid, blob in self._query(
                    sql + f" AND av.article_id IN ({marks})", [model, *chunk]
                ):
                    by_id[aid] = blob
            found = [(i, by_id[i]) for i in ids if i in by_id]
        if not found:
            return [], np.zeros((0, 0), dtype=np.float32)
        matrix = np.stack([np.frombuffer(blob, dtype=np.float32) for _, blob in found])
        return [str(aid) for aid, _ in found], matrix

    # --- analyses -------------------------------------------------------------------------

    def put_analysis(
        self, article_id: str, kind: str, data: dict[str, Any], *, version: str
    ) -> None:
        """Keep a later stage's result for an article (one per kind; replaced on re-run)."""
        try:
            with self._transaction():
                self._conn.execute(
                    "INSERT OR REPLACE INTO analyses (article_id, kind, version, data_json, "
                    "created_at) VALUES (?, ?, ?, ?, ?)",
                    (article_id, kind, version, json.dumps(data, ensure_ascii=False), _now()),
                )
        except sqlite3.IntegrityError as exc:
            raise ArticleNotFound(
                f"no article with id {article_id!r} to attach {kind!r} to."
            ) from exc

    def get_analysis(self, article_id: str, kind: str) -> dict[str, Any] | None:
        rows = self._query(
            "SELECT data_json FROM analyses WHERE article_id = ? AND kind = ?", [article_id, kind]
        )
        return json.loads(rows[0][0]) if rows else None

    def get_extraction(self, article_id: str) -> dict[str, Any] | None:
        """The article's kept extraction (``Extraction.to_dict()``), None when absent or stale."""
        cached = self.get_analysis(article_id, EXTRACTION_KIND)
        if cached is not None and cached.get("_version") == EXTRACTION_VERSION:
            data: dict[str, Any] = cached["data"]
            return data
        return None

    def put_extraction(self, article_id: str, data: dict[str, Any]) -> None:
        """Keep the article's extraction (``Extraction.to_dict()``) under the current version."""
        self.put_analysis(
            article_id,
            EXTRACTION_KIND,
            {"_version": EXTRACTION_VERSION, "data": data},
            version=EXTRACTION_VERSION,
        )

    # --- stories (their SQL is in stories.py) ---------------------------------------------

    def save_stories(
        self,
        stories: Sequence[StoryRecord],
        members: Sequence[MemberRecord],
        aliases: Mapping[str, str],
        *,
        now: str,
    ) -> None:
        """Write stories, their members and which stories were merged into which."""
        with self._transaction(), self._errors():
            story_sql.save(self._conn, stories, members, aliases, now=now)

    def cluster_state(self) -> tuple[str, bytes] | None:
        """The saved clusterer: (embedding model, serialised state), None before the first."""
        with self._lock, self._errors():
            return story_sql.load_state(self._conn)

    def save_cluster_state(self, *, model: str, articles: int, data: bytes, now: str) -> None:
        with self._transaction(), self._errors():
            story_sql.save_state(self._conn, model=model, articles=articles, data=data, now=now)

    def record_decision(
        self,
        *,
        kind: str,
        story_ids: Sequence[str],
        groups: Iterable[Sequence[str]],
        made_at: str,
        note: str,
    ) -> int:
        """Append a person's merge or split decision; returns its row id."""
        with self._transaction(), self._errors():
            return story_sql.record_decision(
                self._conn,
                kind=kind,
                story_ids=story_ids,
                groups=groups,
                made_at=made_at,
                note=note,
            )

    def decisions(self) -> list[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...], str, str]]:
        """All decisions as (kind, story ids, groups, made at, note), oldest first."""
        with self._lock, self._errors():
            return story_sql.load_decisions(self._conn)

    def stories(
        self, *, limit: int | None = 50, offset: int = 0, include_merged: bool = False
    ) -> list[StoryRow]:
        """Stories, biggest first (one page of them; ``limit=None`` for all)."""
        return self.find_stories(limit=limit, offset=offset, include_merged=include_merged)[0]

    def find_stories(
        self,
        where: StoryFilter | None = None,
        *,
        limit: int | None = 50,
        offset: int = 0,
        include_merged: bool = False,
    ) -> tuple[list[StoryRow], int]:
        """A page of the stories that pass ``where``, biggest first, and how many pass in all."""
        with self._lock, self._errors():
            return story_sql.stories(
                self._conn, limit=limit, offset=offset, include_merged=include_merged, where=where
            )

    def story(self, story_id: str) -> StoryRow | None:
        with self._lock, self._errors():
            return story_sql.story(self._conn, story_id)

    def story_ids_like(self, story_id: str) -> list[str]:
        """Up to three story ids equal to or starting with ``story_id``."""
        with self._lock, self._errors():
            return story_sql.ids_like(self._conn, story_id)

    def current_story(self, story_id: str) -> str:
        """The story ``story_id`` is now, following merges."""
        with self._lock, self._errors():
            return story_sql.current(self._conn, story_id)

    def story_members(self, story_id: str) -> list[tuple[str, str | None]]:
        """(article id, original it copies or None) of one story, in arrival order; a
        merged-away id is followed to the story it joined."""
        with self._lock, self._errors():
            current = story_sql.current(self._conn, story_id)
            return story_sql.members(self._conn, [current])[current]

    def members_of(self, story_ids: Sequence[str]) -> dict[str, list[tuple[str, str | None]]]:
        """``story_members`` of many current stories, a few queries in all."""
        with self._lock, self._errors():
            return story_sql.members(self._conn, list(dict.fromkeys(story_ids)))

    def story_order(self) -> list[str]:
        """Article ids in the order they were placed in stories."""
        with self._lock, self._errors():
            return story_sql.order(self._conn)

    def story_assignments(self) -> dict[str, str]:
        """Article id -> its current story (merged-away stories followed to their heir)."""
        with self._lock, self._errors():
            return story_sql.assignments(self._conn)

    def current_ids(self, *, unplaced: bool = False) -> list[str]:
        """Ids of the current articles in ingest order (``unplaced``: those in no story)."""
        sql = "SELECT id FROM articles WHERE superseded_by IS NULL"
        if unplaced:
            sql += " AND id NOT IN (SELECT article_id FROM story_members)"
        return [str(row[0]) for row in self._query(sql + " ORDER BY rowid")]

    def current_published(self) -> list[tuple[str, str | None]]:
        """(id, published) of the current articles in ingest order."""
        rows = self._query(
            "SELECT id, published FROM articles WHERE superseded_by IS NULL ORDER BY rowid"
        )
        return [(str(i), p) for i, p in rows]

    def reader(self) -> Reader:
        """Read-only queries over this database file on connections of their own."""
        return Reader(self.path)

    def unanalysed(self, kind: str, version: str) -> list[str]:
        """Ids of current articles without an analysis of ``kind`` at ``version``, oldest first."""
        rows = self._query(
            "SELECT id FROM articles WHERE superseded_by IS NULL AND id NOT IN "
            "(SELECT article_id FROM analyses WHERE kind = ? AND version = ?) ORDER BY rowid",
            [kind, version],
        )
        return [str(r[0]) for r in rows]

    # --- internals ------------------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from exc

    def _add_one(self, article: Article) -> AddResult:
        existing = self._conn.execute(
            "SELECT id, previous_id FROM articles WHERE id = ? "
            "OR (identity = ? AND content_hash = ?) LIMIT 1",
            (article.id, article.identity, article.content_hash),
        ).fetchone()
        if existing:
            return AddResult("unchanged", existing[0], existing[1])
        head = self._conn.execute(
            "SELECT id FROM articles WHERE identity = ? AND superseded_by IS NULL "
            "ORDER BY ingested_at DESC, rowid DESC LIMIT 1",
            (article.identity,),
        ).fetchone()
        previous = head[0] if head else None
        self._conn.execute(
            f"INSERT INTO articles ({_COLUMNS}) VALUES ({','.join('?' * 18)})",
            _row(article, previous),
        )
        if previous is None:
            return AddResult("added", article.id)
        self._conn.execute(
            "UPDATE articles SET superseded_by = ? WHERE id = ?", (article.id, previous)
        )
        return AddResult("new_version", article.id, previous)

    def _get_article(self, key: str) -> StoredArticle:
        prefix = key.strip().lower()
        if not _HEX.fullmatch(prefix):
            raise ArticleNotFound(f"{key!r} is not an article id (ids are hexadecimal).")
        rows = self._query(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", [prefix])
        if not rows:
            rows = self._query(
                f"SELECT {_COLUMNS} FROM articles WHERE id LIKE ? ORDER BY id LIMIT 6",
                [prefix + "%"],
            )
        if not rows:
            raise ArticleNotFound(f"no article with id {key!r}.")
        if len(rows) > 1:
            shown = ", ".join(r[0] for r in rows[:5]) + (", ..." if len(rows) > 5 else "")
            raise AmbiguousArticleId(f"{key!r} is the start of several article ids: {shown}.")
        return _stored(rows[0])

    def get_vectors(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors by text hash (EmbeddingCache); missing hashes are left out."""
        out: dict[str, np.ndarray] = {}
        for chunk in _chunks(list(dict.fromkeys(hashes))):
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT text_hash, vector FROM embeddings "
                f"WHERE model = ? AND text_hash IN ({marks})"
            )
            for text_hash, blob in self._query(sql, [model_id, *chunk]):
                out[text_hash] = np.frombuffer(blob, dtype=np.float32).copy()
        return out

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise _store_error(self.path, exc) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock:
            if self._conn.in_transaction:  # nested: the outer transaction commits
                yield
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _store_error(self.path, exc) from exc
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        found = self.schema_version
        if found > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{self.path} has schema version {found}; this newsprism knows up to "
                f"{SCHEMA_VERSION}.",
                hint="Upgrade newsprism, or point --db at another file.",
            )
        for version in range(found + 1, SCHEMA_VERSION + 1):
            with self._transaction():
                # another process may have migrated while we waited for the write lock
                if self.schema_version >= version:
                    continue
                self._conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
                for statement in MIGRATIONS[version - 1]:
                    self._conn.execute(statement)
                self._conn.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    (version, _now()),
                )
                self._conn.execute(f"PRAGMA user_version = {int(version)}")


# --- helpers ----------------------------------------------------------------------------------


def _connect(path: str, *, timeout: float) -> sqlite3.Connection:
    memory = path == ":memory:" or path.startswith("file::memory:")
    if not memory and not Path(path).parent.exists():
        raise StoreError(
            f"cannot create the database {path}: folder {Path(path).parent} does not exist.",
            hint="Create the folder or pass another --db path.",
        )
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.create_function("np_casefold", 1, casefold, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(
                "PRAGMA synchronous = NORMAL"
            )  # WAL: a killed process loses nothing committed
    except sqlite3.Error as exc:
        raise _store_error(path, exc) from exc
    return conn


def _store_error(path: str, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return StoreError(
            f"{path} is not a newsprism database ({text}).",
            hint="Pass another --db path; newsprism will create a new database there.",
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            f"{path} is busy ({text}).",
            hint="Another program is writing to it; wait for it to finish and try again.",
        )
    return StoreError(f"{path}: {text}.")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _row(article: Article, previous: str | None) -> tuple[Any, ...]:
    m = article.meta
    return (
        article.id,
        article.identity,
        article.content_hash,
        article.title,
        article.body,
        m("outlet"),
        m("published"),
        m("author"),
        m("url"),
        m("language"),
        article.location,
        str(article.kind),
        json.dumps(
            {k: v.to_dict() for k, v in sorted(article.metadata.items())}, ensure_ascii=False
        ),
        json.dumps(
            [{"text": r.text, "reason": r.reason} for r in article.removed], ensure_ascii=False
        ),
        len(article.body.split()),
        previous,
        None,
        _now(),
    )


def _stored(row: Sequence[Any]) -> StoredArticle:
    (aid, identity, chash, title, body, *_, location, kind, meta_json, removed_json) = row[:14]
    article = Article(
        id=aid,
        title=title,
        body=body,
        metadata={k: Meta.from_dict(v) for k, v in json.loads(meta_json).items()},
        location=location,
        kind=InputKind(kind),
        identity=identity,
        content_hash=chash,
        removed=tuple(Removed(r["text"], r["reason"]) for r in json.loads(removed_json)),
    )
    return StoredArticle(article, ingested_at=row[17], previous_id=row[15], superseded_by=row[16])


def _chain(rows: list[StoredArticle]) -> list[StoredArticle]:
    """Order versions along their previous/superseded links (ingest order as the fallback)."""
    by_id = {r.id: r for r in rows}
    ordered: list[StoredArticle] = []
    seen: set[str] = set()
    for start in rows:
        if start.id in seen or (start.previous_id in by_id and start.previous_id not in seen):
            continue
        node: StoredArticle | None = start
        while node is not None and node.id not in seen:
            ordered.append(node)
            seen.add(node.id)
            node = by_id.get(node.superseded_by or "")
    ordered.extend(r for r in rows if r.id not in seen)
    return ordered


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]
