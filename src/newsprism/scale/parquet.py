"""The store as Parquet files, for DuckDB, pandas, Spark and ``newsprism ingest`` itself.

``export_parquet(store, DIR)`` writes

* ``articles.parquet``: one row per stored version (id, identity, title, body, outlet, published,
  author, url, language, location, kind, word_count, previous_id, superseded_by, ingested_at,
  metadata_json); ``newsprism ingest DIR/articles.parquet`` reads it back (id, title, body ...
  are the field names the dataset reader guesses);
* ``vectors.parquet``: article_id, model, text_hash, vector (a fixed-size list of float32);
* ``stories.parquet`` and ``story_members.parquet`` when the database holds stories.

Rows are read from SQLite in chunks and written a row group per chunk, so memory stays flat
at any corpus size. The database is read through its own read-only connection (the tables are
documented plain SQLite), never through the writer's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsprism.errors import StoreError, UsageError
from newsprism.store import Store

__all__ = ["ARTICLE_COLUMNS", "export_parquet"]

ARTICLE_COLUMNS = (
    "id",
    "identity",
    "content_hash",
    "title",
    "body",
    "outlet",
    "published",
    "author",
    "url",
    "language",
    "location",
    "kind",
    "word_count",
    "previous_id",
    "superseded_by",
    "ingested_at",
    "metadata_json",
)
#: Rows per chunk read from SQLite and per Parquet row group.
CHUNK_ROWS = 10_000


def export_parquet(
    store: Store, directory: str | Path, *, chunk_rows: int = CHUNK_ROWS
) -> dict[str, Any]:
    """Write the store's tables as Parquet files into ``directory``; returns what was written."""
    import pyarrow as pa

    if store.path == ":memory:" or store.path.startswith("file::memory:"):
        raise UsageError(
            "an in-memory store cannot be exported to Parquet.",
            hint="Ingest into a database file (--db PATH) and export that.",
        )
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Any] = {"directory": str(out), "files": {}}
    with _reader(store.path) as conn:
        text = pa.string()
        article_schema = pa.schema(
            [(c, pa.int64() if c == "word_count" else text) for c in ARTICLE_COLUMNS]
        )
        sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY rowid"
        written["files"]["articles"] = _write(
            out / "articles.parquet", article_schema, _chunks(conn, sql, chunk_rows)
        )
        written["files"]["vectors"] = _write_vectors(conn, out / "vectors.parquet", chunk_rows)
        for table in ("stories", "story_members"):
            if _has_table(conn, table):
                written["files"][table] = _write_table(conn, table, out, chunk_rows)
    return written


class _reader:
    """A read-only connection to the database file, closed on leaving."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.conn = sqlite3.connect(f"file:{Path(self.path).resolve()}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}.") from exc
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


def _chunks(conn: sqlite3.Connection, sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
    cursor = conn.execute(sql)
    while rows := cursor.fetchmany(size):
        yield rows


def _write(path: Path, schema: Any, chunks: Iterator[list[tuple[Any, ...]]]) -> dict[str, Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for chunk in chunks:
            columns = list(zip(*chunk, strict=True))
            writer.write_table(
                pa.Table.from_arrays(
                    [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)],
                    schema=schema,
                )
            )
            rows += len(chunk)
    return {"path": str(path), "rows": rows}


def _write_vectors(conn: sqlite3.Connection, path: Path, chunk_rows: int) -> dict[str, Any]:
    import numpy as np
    import pyarrow as pa

    first = conn.execute("SELECT dim FROM embeddings LIMIT 1").fetchone()
    dim = int(first[0]) if first else 0
    schema = pa.schema(
        [
            ("article_id", pa.string()),
            ("model", pa.string()),
            ("text_hash", pa.string()),
            ("vector", pa.list_(pa.float32(), dim) if dim else pa.list_(pa.float32())),
        ]
    )
    sql = (
        "SELECT av.article_id, av.model, av.text_hash, e.vector FROM article_vectors av "
        "JOIN embeddings e ON e.model = av.model AND e.text_hash = av.text_hash "
        "JOIN articles a ON a.id = av.article_id ORDER BY a.rowid, av.model"
    )

    def decoded() -> Iterator[list[tuple[Any, ...]]]:
        for chunk in _chunks(conn, sql, chunk_rows):
            yield [(a, m, h, np.frombuffer(v, dtype=np.float32).tolist()) for a, m, h, v in chunk]

    return _write(path, schema, decoded())


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
    return row.fetchone() is not None


def _write_table(
    conn: sqlite3.Connection, table: str, out: Path, chunk_rows: int
) -> dict[str, Any]:
    """A table copied as it is, SQLite column types mapped to Arrow ones."""
    import pyarrow as pa

    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    types = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    schema = pa.schema([(c[1], types.get(str(c[2]).upper(), pa.string())) for c in info])
    names = ", ".join(c[1] for c in info)
    chunks = _chunks(conn, f"SELECT {names} FROM {table} ORDER BY rowid", chunk_rows)
    return _write(out / f"{table}.parquet", schema, chunks)
