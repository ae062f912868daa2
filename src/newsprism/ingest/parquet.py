"""Parquet datasets, read row by row with the same field mapping as JSONL and CSV.

Large corpora move between tools as Parquet (DuckDB, pandas, Spark write it); each row becomes
one RawDocument exactly as a JSONL record with the same fields would ("file.parquet:N" names
row N, counted from 1). Only the mapped columns are read, in batches, so memory stays flat.
``row_groups`` reads a slice of the file: a distributed ingest gives each worker some groups.

pyarrow is imported on first use: reading text files never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsprism.errors import (
    EmptyInput,
    InputError,
    InputNotFound,
    InputTooLarge,
    MalformedInput,
    NewsprismError,
)
from newsprism.ingest.datasets import resolve_fields, row_document
from newsprism.ingest.options import ReadOptions
from newsprism.models import RawDocument

__all__ = ["PARQUET_MAGIC", "is_parquet", "iter_parquet", "parquet_row_groups"]

#: The four bytes that open (and close) every Parquet file.
PARQUET_MAGIC = b"PAR1"
_BATCH_ROWS = 1024


def is_parquet(name: str, head: bytes) -> bool:
    """True for a ``.parquet`` name or a file that opens with the Parquet magic bytes."""
    return name.lower().endswith((".parquet", ".pq")) or head.startswith(PARQUET_MAGIC)


def parquet_row_groups(path: str | Path) -> list[tuple[int, int]]:
    """(number of rows, first row number) of each row group, in file order."""
    meta = _open(Path(path), location=str(path)).metadata
    groups: list[tuple[int, int]] = []
    first = 1
    for i in range(meta.num_row_groups):
        rows = int(meta.row_group(i).num_rows)
        groups.append((rows, first))
        first += rows
    return groups


def iter_parquet(
    path: str | Path,
    *,
    location: str | None = None,
    stem: str | None = None,
    options: ReadOptions | None = None,
    row_groups: Sequence[int] | None = None,
) -> Iterator[RawDocument | NewsprismError]:
    """One document per row; a bad row yields its error and reading goes on.

    A file without a text column (or unreadable as Parquet) raises: no row could be read.
    """
    path = Path(path)
    location = location or str(path)
    stem = stem or path.stem
    options = options or ReadOptions()
    pf = _open(path, location=location)
    names = [f.name for f in pf.schema_arrow]
    mapping = resolve_fields(names, options=options, location=location)
    groups = list(range(pf.metadata.num_row_groups)) if row_groups is None else list(row_groups)
    if row_groups is None and pf.metadata.num_rows == 0:
        raise EmptyInput("the Parquet file has no rows", location=location)
    columns = sorted(set(mapping.values()))
    starts = _group_starts(pf)
    for group in groups:
        number = starts[group]
        for row in _rows(pf, group, columns, location=location):
            where = f"{location}:{number}"
            number += 1
            try:
                yield _document(row, mapping, where=where, stem=stem, options=options)
            except NewsprismError as exc:
                yield exc


def _document(
    row: dict[str, Any], mapping: dict[str, str], *, where: str, stem: str, options: ReadOptions
) -> RawDocument:
    text = row.get(mapping["text"])
    if isinstance(text, bytes):
        raise MalformedInput(
            f"the {mapping['text']!r} column holds bytes, not text", location=where
        )
    if isinstance(text, str) and len(text.encode("utf-8")) > options.max_bytes:
        raise InputTooLarge(f"the row's text is over {options.max_bytes:,} bytes", location=where)
    return row_document(row, mapping, location=where, stem=stem)


def _rows(pf: Any, group: int, columns: list[str], *, location: str) -> Iterator[dict[str, Any]]:
    try:
        batches = pf.iter_batches(batch_size=_BATCH_ROWS, row_groups=[group], columns=columns)
        for batch in batches:
            yield from batch.to_pylist()
    except OSError as exc:  # pyarrow raises ArrowIOError/ArrowInvalid, both OSError or ValueError
        raise InputError(f"cannot read row group {group}: {exc}", location=location) from exc
    except ValueError as exc:
        raise MalformedInput(f"row group {group} is unreadable: {exc}", location=location) from exc


def _group_starts(pf: Any) -> list[int]:
    starts: list[int] = []
    first = 1
    for i in range(pf.metadata.num_row_groups):
        starts.append(first)
        first += int(pf.metadata.row_group(i).num_rows)
    return starts


def _open(path: Path, *, location: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a pinned dependency
        raise InputError(
            "reading Parquet needs pyarrow, which is not installed",
            hint="Install it with: pip install pyarrow",
            location=location,
        ) from exc
    if not path.is_file():
        raise InputNotFound("no such file", location=location)
    try:
        return pq.ParquetFile(path)
    except (OSError, ValueError) as exc:
        raise MalformedInput(
            f"not a readable Parquet file ({exc})",
            hint="Check that the file is Parquet, or name its format with --format.",
            location=location,
        ) from exc
