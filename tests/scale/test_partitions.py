"""Partitions read exactly what a single-process run reads: same articles, failures, locations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from newsprism.ingest import Failed, ReadOptions
from newsprism.pipeline import read_articles
from newsprism.scale import plan_partitions, read_partition, run_partition
from newsprism.scale.partitions import FILES_PER_PARTITION

OPTIONS = ReadOptions(max_bytes=2_000)


def record(i: int) -> str:
    return json.dumps(
        {
            "id": f"n{i}",
            "title": f"Lighthouse keeper {i} retires",
            "text": f"After {i + 20} years the keeper of the Gull Point light left. "
            "The town council thanked her at a small ceremony on the quay.",
        }
    )


def outcome(items: Any) -> list[Any]:
    """Articles as data and failures as (location, code, input index), in order."""
    return [
        (i.location, i.error.code, i.input_index) if isinstance(i, Failed) else i.to_dict()
        for i in items
    ]


def by_partitions(
    sources: list[Any],
    *,
    partition_bytes: int,
    options: ReadOptions = OPTIONS,
    defaults: list[dict[str, str]] | None = None,
) -> list[Any]:
    parts = plan_partitions(sources, options=options, partition_bytes=partition_bytes)
    assert [p.index for p in parts] == list(range(len(parts)))
    return outcome(
        item for p in parts for item in read_partition(p, options=options, defaults=defaults or [])
    )


def whole(
    sources: list[Any],
    *,
    options: ReadOptions = OPTIONS,
    defaults: list[dict[str, str]] | None = None,
) -> list[Any]:
    return outcome(read_articles(sources, options=options, defaults_per_input=defaults))


LINES = [
    record(1),
    "",
    record(2),
    "{not json",
    record(3),
    json.dumps({"id": "n4", "title": "no text field here"}),  # a bad record mid-file
    "   ",
    json.dumps({"id": "n5", "text": "x" * 3_000}),  # over max_bytes
    record(6),
    "[1, 2]",
    *[record(i) for i in range(7, 30)],
]


def test_a_jsonl_file_cut_anywhere_reads_like_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "keepers.jsonl"
    path.write_text("\n".join(LINES), encoding="utf-8")  # no newline at the end
    expected = whole([path])
    assert len([e for e in expected if isinstance(e, dict)]) == 27
    for size in (1, 50, 200, 333, 1000, 10**6):
        parts = plan_partitions([path], options=OPTIONS, partition_bytes=size)
        assert (len(parts) > 1) == (size < path.stat().st_size)
        assert by_partitions([path], partition_bytes=size) == expected


def test_crlf_and_a_bad_first_record_in_a_later_partition(tmp_path: Path) -> None:
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(
        "\r\n".join([record(1), json.dumps({"id": "x"}), record(2)]).encode() + b"\r\n"
    )
    assert by_partitions([path], partition_bytes=1) == whole([path])


def test_a_file_whose_first_record_has_no_text_stays_whole(tmp_path: Path) -> None:
    path = tmp_path / "notext.jsonl"
    path.write_text("\n".join([json.dumps({"id": "a"}), record(1), record(2)]) + "\n")
    parts = plan_partitions([path], options=OPTIONS, partition_bytes=1)
    assert [p.kind for p in parts] == ["whole"]
    assert by_partitions([path], partition_bytes=1) == whole([path])
    assert whole([path])[0][1] == "E107"  # one error stops the file, as in a single run


@given(
    st.lists(
        st.one_of(
            st.integers(0, 999).map(record),
            st.sampled_from(["", "  ", "{broken", "3", json.dumps({"id": "q"})]),
        ),
        min_size=1,
        max_size=25,
    ),
    st.integers(1, 3_000),
    st.booleans(),
)
def test_property_any_jsonl_any_cut(lines: list[str], size: int, trailing: bool) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.jsonl"
        path.write_text("\n".join(lines) + ("\n" if trailing else ""), encoding="utf-8")
        assert by_partitions([path], partition_bytes=size) == whole([path])


def test_folders_files_and_missing_inputs_with_defaults(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    (folder / "sub").mkdir(parents=True)
    for i in range(FILES_PER_PARTITION + 3):
        (folder / f"story{i:02d}.txt").write_text(
            f"Bridge {i} reopens\n\nThe Elm Street bridge number {i} reopened to traffic after "
            "three weeks of repairs, the city engineer said.\n",
            encoding="utf-8",
        )
    (folder / "sub" / "page.html").write_text(
        "<html><head><title>Market day moves</title></head><body><article><p>The Saturday "
        "market moves to the harbour square from next month, organisers said on Friday.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    lone = tmp_path / "lone.txt"
    lone.write_text("Library extends hours\n\nThe town library will open on Sundays.\n")
    sources: list[Any] = [folder, tmp_path / "missing.txt", lone]
    defaults = [{"outlet": "Desk Wire"}, {}, {"outlet": "Lone Post", "published": "2024-02-01"}]
    parts = plan_partitions(sources, options=OPTIONS)
    assert all(p.kind == "whole" for p in parts)
    assert sum(len(p.inputs) for p in parts) == FILES_PER_PARTITION + 3 + 2 + 2
    assert max(len(p.inputs) for p in parts) == FILES_PER_PARTITION
    got = by_partitions(sources, partition_bytes=1, defaults=defaults)
    assert got == whole(sources, defaults=defaults)
    outlets = {a["metadata"].get("outlet", {}).get("value") for a in got if isinstance(a, dict)}
    assert outlets == {"Desk Wire", "Lone Post"}
    assert any(isinstance(g, tuple) and g[2] == 1 for g in got)  # the missing input, index 1


def test_standard_input_is_read_locally() -> None:
    parts = plan_partitions(["-"], options=OPTIONS)
    assert [(p.kind, p.label) for p in parts] == [("local", "<stdin>")]


def test_run_partition_returns_report_entries_and_timings(tmp_path: Path) -> None:
    path = tmp_path / "k.jsonl"
    path.write_text("\n".join(LINES[:6]) + "\n", encoding="utf-8")
    (part,) = plan_partitions([path], options=OPTIONS)
    result = run_partition(part, options=OPTIONS)
    assert [a.title for a in result.articles][:1] == ["Lighthouse keeper 1 retires"]
    assert len(result.articles) == 3
    assert [f["code"] for f in result.failures] == ["E105", "E107"]
    assert result.failures[0]["input"].endswith("k.jsonl:4")
    assert result.seconds["read"] >= 0 and not result.vectors and result.worker.startswith("pid")
