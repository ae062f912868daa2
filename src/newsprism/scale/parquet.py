"""The store as Parquet files, for DuckDB, pandas, Spark and ``newsprism ingest`` itself.

``export_parquet(store, DIR)`` writes

* ``articles.parquet``: one row per stored version (id, identity, title, body, outlet, published,
  author, url, language, location, kind, word_count, previous_id, superseded_by, ingested_at,
  metadata_json); ``newsprism ingest DIR/articles.parquet`` reads it back (id, title, body ...
  are the field names the dataset reader guesses);
* ``vectors.parquet``: article_id, model, text_hash, vector (a fixed-size list of float32);
* ``stories.parquet`` and ``story_members.parquet`` when the database holds stories.

Rows are read from SQLite in chunks and written a row group per chunk, so memory stays flat
at any corpus size. The database is read through the store's ``Reader`` (read-only connections
of its own), never through the writer's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsprism.errors import UsageError
from newsprism.store import Reader, Store

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
    with store.reader() as reader:
        text = pa.string()
        article_schema = pa.schema(
            [(c, pa.int64() if c == "word_count" else text) for c in ARTICLE_COLUMNS]
        )
        written["files"]["articles"] = _write(
            out / "articles.parquet",
            article_schema,
            reader.article_chunks(ARTICLE_COLUMNS, chunk_rows),
        )
        written["files"]["vectors"] = _write_vectors(reader, out / "vectors.parquet", chunk_rows)
        for table in ("stories", "story_members"):
            if reader.has_table(table):
                written["files"][table] = _write_table(reader, table, out, chunk_rows)
    return written


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


def _write_vectors(reader: Reader, path: Path, chunk_rows: int) -> dict[str, Any]:
    import numpy as np
    import pyarrow as pa

    dim = reader.vector_dim()
    schema = pa.schema(
        [
            ("article_id", pa.string()),
            ("model", pa.string()),
            ("text_hash", pa.string()),
            ("vector", pa.list_(pa.float32(), dim) if dim else pa.list_(pa.float32())),
        ]
    )

    def decoded() -> Iterator[list[tuple[Any, ...]]]:
        for chunk in reader.vector_chunks(chunk_rows):
            yield [(a, m, h, np.frombuffer(v, dtype=np.float32).tolist()) for a, m, h, v in chunk]

    return _write(path, schema, decoded())


def _write_table(reader: Reader, table: str, out: Path, chunk_rows: int) -> dict[str, Any]:
    """A table copied as it is, SQLite column types mapped to Arrow ones."""
    import pyarrow as pa

    types = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    schema = pa.schema(
        [(name, types.get(kind.upper(), pa.string())) for name, kind in reader.table_columns(table)]
    )
    return _write(out / f"{table}.parquet", schema, reader.table_chunks(table, chunk_rows))
