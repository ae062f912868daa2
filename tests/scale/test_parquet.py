"""Parquet in and out: the reader maps fields as the JSONL reader does; the export reads back."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsprism.errors import FieldMappingError, MalformedInput, NewsprismError
from newsprism.ingest import ReadOptions, iter_documents
from newsprism.ingest.parquet import is_parquet, iter_parquet, parquet_row_groups
from newsprism.models import RawDocument
from newsprism.pipeline import read_articles
from newsprism.scale import plan_partitions, read_partition
from newsprism.scale.parquet import export_parquet
from newsprism.store import Store

ROWS = [
    {
        "id": f"r{i}",
        "headline": f"Ferry service {i} resumes in Port Alder",
        "body": f"The ferry line {i} reopened on Monday after storm repairs to the pier. "
        f"Harbour officials said {i * 3} crossings a day would run through the winter.",
        "source": "Alder Courier" if i % 2 else "Coastline Daily",
        "date": f"2024-03-{(i % 27) + 1:02d}",
    }
    for i in range(1, 31)
]


def write_rows(path: Path, rows: list[dict[str, object]], *, group_rows: int = 8) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=group_rows)
    return path


def docs(items: object) -> list[RawDocument]:
    return [d for d in items if isinstance(d, RawDocument)]  # type: ignore[attr-defined]


def test_rows_become_documents_like_jsonl_records(tmp_path: Path) -> None:
    parquet = write_rows(tmp_path / "ferries.parquet", ROWS)
    jsonl = tmp_path / "ferries.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    from_parquet = docs(iter_parquet(parquet))
    from_jsonl = [item.doc for item in iter_documents([jsonl], options=ReadOptions())]
    assert len(from_parquet) == 30
    for p, j in zip(from_parquet, from_jsonl, strict=True):
        assert (p.content, p.metadata, p.identity, p.kind) == (
            j.content,
            j.metadata,
            j.identity,
            j.kind,
        )
        assert p.location.replace(".parquet", ".jsonl") == j.location  # same row numbers
    assert from_parquet[0].identity == "dataset:ferries:r1"
    assert from_parquet[0].metadata["outlet"].value == "Alder Courier"


def test_named_fields_and_row_groups(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "f.parquet", ROWS)
    assert parquet_row_groups(path) == [(8, 1), (8, 9), (8, 17), (6, 25)]
    some = docs(iter_parquet(path, row_groups=[1, 3]))
    assert [d.location.rsplit(":", 1)[1] for d in some] == [
        *map(str, range(9, 17)),
        *map(str, range(25, 31)),
    ]
    with pytest.raises(FieldMappingError):
        list(iter_parquet(path, options=ReadOptions(text_field="missing")))


def test_bad_rows_are_reported_and_reading_goes_on(tmp_path: Path) -> None:
    rows = [dict(ROWS[0]), {**ROWS[1], "body": ""}, {**ROWS[2], "body": None}, dict(ROWS[3])]
    items = list(iter_parquet(write_rows(tmp_path / "gaps.parquet", rows)))
    assert [type(i).__name__ for i in items] == [
        "RawDocument",
        "EmptyInput",
        "EmptyInput",
        "RawDocument",
    ]
    assert isinstance(items[1], NewsprismError) and items[1].location.endswith("gaps.parquet:2")


def test_not_parquet_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.parquet"
    fake.write_bytes(b"PAR1 this is not really parquet")
    assert (
        is_parquet("x.PARQUET", b"") and is_parquet("x", b"PAR1...") and not is_parquet("x", b"{")
    )
    with pytest.raises(MalformedInput, match="not a readable Parquet file"):
        list(iter_parquet(fake))


def test_partitions_of_a_parquet_file_read_every_row_once(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "many.parquet", ROWS, group_rows=4)
    parts = plan_partitions([path], options=ReadOptions(), partition_bytes=1)
    assert len(parts) == 8 and {p.kind for p in parts} == {"row_groups"}
    read = [a for p in parts for a in read_partition(p, options=ReadOptions())]
    whole = list(
        read_partition(plan_partitions([path], options=ReadOptions())[0], options=ReadOptions())
    )
    assert [a.to_dict() for a in read] == [a.to_dict() for a in whole]
    assert len(read) == 30


def test_export_reads_back_with_pyarrow_and_with_the_reader(tmp_path: Path) -> None:
    source = tmp_path / "src.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in ROWS[:12]), encoding="utf-8")
    store = Store(tmp_path / "n.db")
    articles = [
        a for a in read_articles([source], options=ReadOptions()) if not isinstance(a, Exception)
    ]
    store.add_many(articles)  # type: ignore[arg-type]
    import numpy as np

    vectors = {f"h{i}": np.full(4, i, dtype=np.float32) for i in range(3)}
    store.put_vectors("toy", vectors)
    store.set_article_vectors("toy", {articles[i].id: f"h{i}" for i in range(3)})  # type: ignore[union-attr]
    written = export_parquet(store, tmp_path / "out")
    assert written["files"]["articles"]["rows"] == 12
    table = pq.read_table(tmp_path / "out" / "articles.parquet")
    assert table.column("title").to_pylist() == [a.title for a in articles]  # type: ignore[union-attr]
    vec = pq.read_table(tmp_path / "out" / "vectors.parquet")
    assert vec.num_rows == 3 and vec.column("vector").to_pylist()[2] == [2.0] * 4
    back = docs(iter_parquet(tmp_path / "out" / "articles.parquet"))
    assert [d.metadata["title"].value for d in back] == [a.title for a in articles]  # type: ignore[union-attr]
    assert [d.content for d in back] == [a.body for a in articles]  # type: ignore[union-attr]


def test_export_needs_a_database_file(tmp_path: Path) -> None:
    from newsprism.errors import UsageError

    with pytest.raises(UsageError):
        export_parquet(Store(":memory:"), tmp_path)
