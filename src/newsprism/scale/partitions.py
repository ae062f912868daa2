"""Sources -> partitions: units of work that a worker reads, cleans and embeds on its own.

A partition is one of

* ``whole``: inputs read whole (files, URLs), exactly as a single-process run reads them; small
  files are grouped so that a partition is worth sending;
* ``lines``: a byte range of a JSONL file cut at line starts, with the number of its first
  line, so records keep the location ("file.jsonl:N") a single-process run gives them;
* ``row_groups``: some row groups of a Parquet file;
* ``local``: standard input, which only this process can read.

Partitions are numbered in input order; the writer stores their results in that order, so a
distributed run stores the same articles, in the same order, as a single-process one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.ingest import ReadOptions, folder_files
from newsprism.ingest.datasets import resolve_fields
from newsprism.ingest.decode import decode_record
from newsprism.ingest.formats import format_of
from newsprism.ingest.parquet import is_parquet, parquet_row_groups

__all__ = ["DEFAULT_PARTITION_BYTES", "Partition", "plan_partitions"]

#: Bytes of a JSONL file per partition (about a thousand news articles).
DEFAULT_PARTITION_BYTES = 4 << 20
#: Whole inputs (files, URLs) grouped into one partition, at most this many.
FILES_PER_PARTITION = 16
_HEAD = 64 * 1024
_CHUNK = 1 << 20
_STDIN = "-"


@dataclass(frozen=True)
class Partition:
    """One unit of work. ``input_index`` is the position of its source among the sources."""

    index: int
    kind: str  # "whole" | "lines" | "row_groups" | "local"
    input_index: int
    #: whole: (input, its source's position), read one after the other, as given
    inputs: tuple[tuple[str, int], ...] = ()
    #: lines / row_groups: the file, and the location its records are named after
    path: str = ""
    location: str = ""
    start: int = 0
    end: int = 0
    first_line: int = 1
    row_groups: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        """What the partition reads, for messages."""
        if self.kind == "whole":
            more = f" and {len(self.inputs) - 1} more" if len(self.inputs) > 1 else ""
            return f"{self.inputs[0][0]}{more}"
        if self.kind == "lines":
            return f"{self.location} (bytes {self.start}-{self.end}, from line {self.first_line})"
        if self.kind == "row_groups" and self.row_groups:
            return f"{self.location} (row groups {self.row_groups[0]}-{self.row_groups[-1]})"
        if self.kind == "row_groups":
            return self.location
        return "<stdin>"


def plan_partitions(
    sources: Sequence[str | Path],
    *,
    options: ReadOptions,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    files_per_partition: int = FILES_PER_PARTITION,
) -> list[Partition]:
    """Partitions of ``sources`` in input order. Reads only file heads and line ends."""
    partitions: list[Partition] = []
    for input_index, source in enumerate(sources):
        partitions.extend(_source_parts(source, input_index, options, max(1, partition_bytes)))
    return _grouped(partitions, max(1, files_per_partition))


def _source_parts(
    source: str | Path, input_index: int, options: ReadOptions, partition_bytes: int
) -> Iterator[Partition]:
    text = str(source)
    if isinstance(source, str) and text == _STDIN:
        yield Partition(0, "local", input_index, inputs=((text, input_index),))
        return
    if isinstance(source, str) and text.lower().startswith(("http://", "https://")):
        yield Partition(0, "whole", input_index, inputs=((text, input_index),))
        return
    path = Path(source)
    files = folder_files(path) if path.is_dir() else []
    if not files:
        # a file, a missing path or an empty folder: read as given, errors and all
        yield from _file_parts(path, text, input_index, options, partition_bytes)
        return
    for file in files:
        yield from _file_parts(file, str(file), input_index, options, partition_bytes)


def _file_parts(
    path: Path, location: str, input_index: int, options: ReadOptions, partition_bytes: int
) -> Iterator[Partition]:
    whole = Partition(0, "whole", input_index, inputs=((location, input_index),))
    try:
        size = path.stat().st_size if path.is_file() else 0
        head = _head(path) if size else b""
    except OSError:
        yield whole  # the reader reports why it cannot be read
        return
    if size and options.fmt is None and is_parquet(path.name, head):
        yield from _parquet_parts(path, location, input_index, partition_bytes)
        return
    fmt = format_of(path.name, head, forced=options.fmt) if size else "text"
    if fmt != "jsonl" or size <= partition_bytes or not _first_record_maps(head, options):
        yield whole
        return
    for start, end, first_line in _line_ranges(path, size, partition_bytes):
        yield Partition(
            0,
            "lines",
            input_index,
            path=str(path),
            location=location,
            start=start,
            end=end,
            first_line=first_line,
        )


def _head(path: Path) -> bytes:
    with path.open("rb") as stream:
        return stream.read(_HEAD)


def _first_record_maps(head: bytes, options: ReadOptions) -> bool:
    """Whether the file's first record has a text field.

    When it has none, a single-process run stops the whole file with one error; such a file
    stays one partition so that the distributed run says the same.
    """
    for line in head.split(b"\n")[:-1] or [head]:
        if not line.strip():
            continue
        try:
            row = json.loads(decode_record(line, location="head"))
            if not isinstance(row, dict):
                return False
            resolve_fields(row.keys(), options=options, location="head")
        except (ValueError, NewsprismError):
            return False
        return True
    return False


def _line_ranges(path: Path, size: int, partition_bytes: int) -> list[tuple[int, int, int]]:
    """(start, end, first line number) ranges of about ``partition_bytes``, cut at line starts."""
    cuts: list[tuple[int, int]] = [(0, 1)]  # (byte offset, number of the line starting there)
    target = partition_bytes
    lines_before = 0
    pos = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            while target < pos + len(chunk):
                newline = chunk.find(b"\n", max(target - pos, 0))
                if newline < 0:
                    break  # the line goes on in the next chunk
                cut = pos + newline + 1
                if cut < size:
                    cuts.append((cut, lines_before + chunk.count(b"\n", 0, newline + 1) + 1))
                target = cut + partition_bytes
            lines_before += chunk.count(b"\n")
            pos += len(chunk)
    ends = [c[0] for c in cuts[1:]] + [size]
    return [(start, end, line) for (start, line), end in zip(cuts, ends, strict=True)]


def _parquet_parts(
    path: Path, location: str, input_index: int, partition_bytes: int
) -> list[Partition]:
    """Row groups are the unit; about ``partition_bytes`` of the file per partition.

    ``row_groups=()`` means the whole file (also when its footer cannot be read: the reader
    then says why).
    """
    whole = Partition(0, "row_groups", input_index, path=str(path), location=location)
    try:
        groups = parquet_row_groups(path)
    except NewsprismError:
        return [whole]
    if len(groups) <= 1:
        return [whole]
    per_group = max(1, path.stat().st_size // len(groups))
    step = max(1, partition_bytes // per_group)
    return [
        replace(whole, row_groups=tuple(range(i, min(i + step, len(groups)))))
        for i in range(0, len(groups), step)
    ]


def _grouped(partitions: list[Partition], per_partition: int) -> list[Partition]:
    """Runs of whole inputs merged, up to ``per_partition`` inputs each; then numbered."""
    out: list[Partition] = []
    for part in partitions:
        last = out[-1] if out else None
        if (
            last is not None
            and part.kind == "whole"
            and last.kind == "whole"
            and len(last.inputs) < per_partition
        ):
            out[-1] = replace(last, inputs=last.inputs + part.inputs)
        else:
            out.append(replace(part, index=len(out)))
    return out
