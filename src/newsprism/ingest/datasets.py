"""JSONL / JSON / CSV / TSV datasets, streamed record by record with a field mapping.

One bad record yields an error naming "file:line" and reading goes on; only a mapping
that cannot work for any record (no text field at all) stops the file.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from newsprism.errors import (
    EmptyInput,
    FieldMappingError,
    InputTooLarge,
    MalformedInput,
    NewsprismError,
)
from newsprism.ingest.decode import decode_bytes, decode_record
from newsprism.ingest.formats import has_utf16_bom
from newsprism.ingest.options import ReadOptions
from newsprism.models import InputKind, Meta, Provenance, RawDocument

#: role -> common field names, tried in order (case-insensitively)
GUESSES: dict[str, tuple[str, ...]] = {
    "doc_id": ("id", "doc_id", "docid", "document_id", "guid", "uuid"),
    "text": ("text", "body", "content", "article", "full_text", "maintext", "story"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "publisher", "sitename", "media"),
    "published": ("published", "date", "published_at", "pubdate", "publish_date", "datetime"),
    "url": ("url", "link"),
    "author": ("author", "authors", "byline"),
}
_OPTION = {
    "doc_id": "id_field",
    "text": "text_field",
    "title": "title_field",
    "outlet": "outlet_field",
    "published": "published_field",
    "url": "url_field",
    "author": "author_field",
}


class LineReader(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def resolve_fields(keys: Iterable[str], *, options: ReadOptions, location: str) -> dict[str, str]:
    """Map each role (text, title, ...) to a field name present in ``keys``."""
    present = list(keys)
    by_fold = {k.casefold(): k for k in present}
    mapping: dict[str, str] = {}
    for role, option in _OPTION.items():
        named = getattr(options, option)
        if named is not None:
            if named not in present:
                raise FieldMappingError(
                    f"no field {named!r} (--{option.replace('_', '-')}); "
                    f"the fields are: {', '.join(present) or 'none'}",
                    location=location,
                )
            mapping[role] = named
            continue
        found = next((by_fold[g] for g in GUESSES[role] if g in by_fold), None)
        if found is not None:
            mapping[role] = found
    if "text" not in mapping:
        raise FieldMappingError(
            f"no text field found; the fields are: {', '.join(present) or 'none'}",
            location=location,
        )
    return mapping


def row_document(
    row: Mapping[str, Any], mapping: Mapping[str, str], *, location: str, stem: str
) -> RawDocument:
    """One dataset record -> a RawDocument (metadata from its fields, Provenance.DATASET)."""
    text = _as_text(row.get(mapping["text"]))
    if not text.strip():
        raise EmptyInput(f"the record's {mapping['text']!r} field is empty", location=location)
    metadata: dict[str, Meta] = {}
    for role, name in mapping.items():
        if role == "text":
            continue
        value = _as_text(row.get(name)).strip()
        if value:
            metadata[role] = Meta(value, Provenance.DATASET)
    doc_id = metadata.get("doc_id")
    identity = f"dataset:{stem}:{doc_id.value}" if doc_id else ""
    return RawDocument(text, InputKind.DATASET_ROW, location, metadata, identity=identity)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_as_text(v) for v in value if v is not None)
    if isinstance(value, dict):
        # e.g. {"name": "Harbour Gazette", "id": ...} as an outlet
        return _as_text(value.get("name") or value.get("title") or "")
    return str(value)


def capped_lines(stream: LineReader, *, cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; a line over ``cap`` bytes comes as None and is skipped."""
    number = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(1 << 20)
            yield number, None
            continue
        yield number, line


def iter_jsonl(
    stream: LineReader, *, location: str, stem: str, options: ReadOptions
) -> Iterator[RawDocument | NewsprismError]:
    """One document per JSON object line; blank lines are skipped."""
    seen = False
    for number, line in capped_lines(stream, cap=options.max_bytes):
        where = f"{location}:{number}"
        if line is None:
            yield InputTooLarge(f"the line is over {options.max_bytes:,} bytes", location=where)
            continue
        if not line.strip():
            continue
        first, seen = not seen, True
        try:
            row = _json_object(line, location=where)
            # JSON lines differ in their keys, so the mapping is found per record
            mapping = resolve_fields(row.keys(), options=options, location=where)
            yield row_document(row, mapping, location=where, stem=stem)
        except FieldMappingError as exc:
            if first:  # a mapping that fails on the first record fails on all: stop the file
                exc.location = location
                raise
            yield exc
        except NewsprismError as exc:
            yield exc
    if not seen:
        raise EmptyInput("the dataset has no records", location=location)


def _mapped_row(
    row: dict[str, Any], mapping: dict[str, str], *, location: str, stem: str
) -> RawDocument:
    if mapping["text"] not in row:
        raise MalformedInput(
            f"the record has no {mapping['text']!r} field; its fields are: {', '.join(row)}",
            location=location,
        )
    present = {role: name for role, name in mapping.items() if name in row}
    return row_document(row, present, location=location, stem=stem)


def _json_object(line: bytes, *, location: str) -> dict[str, Any]:
    try:
        row = json.loads(decode_record(line, location=location))
    except json.JSONDecodeError as exc:
        raise MalformedInput(
            f"the line is not JSON ({exc.msg} at column {exc.colno})", location=location
        ) from exc
    if not isinstance(row, dict):
        raise MalformedInput(
            f"the line is JSON but not an object (it is {type(row).__name__})", location=location
        )
    return row


def iter_json(
    data: bytes, *, location: str, stem: str, options: ReadOptions
) -> Iterator[RawDocument | NewsprismError]:
    """A .json file: an array of records, one record, or (commonly mislabelled) JSON lines."""
    text, _ = decode_bytes(data, location=location)
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        yield from iter_jsonl(BytesLines(data), location=location, stem=stem, options=options)
        return
    rows = value if isinstance(value, list) else [value]
    mapping: dict[str, str] | None = None
    for number, row in enumerate(rows, start=1):
        where = f"{location}[{number}]"
        if not isinstance(row, dict):
            yield MalformedInput(f"record {number} is not an object", location=where)
            continue
        if mapping is None:
            mapping = resolve_fields(row.keys(), options=options, location=location)
        try:
            yield _mapped_row(row, mapping, location=where, stem=stem)
        except NewsprismError as exc:
            yield exc


class Utf16Lines:
    """readline() of UTF-8 bytes over a UTF-16 stream, so the dataset readers see UTF-8.

    A UTF-16 newline is two bytes and the raw ``readline`` splits at the 0x0A byte, which can
    leave half a character on either side; an incremental decoder joins the halves.
    """

    def __init__(self, stream: LineReader):
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
        self._text = ""
        self._done = False

    def readline(self, size: int = -1, /) -> bytes:
        while "\n" not in self._text and not self._done:
            if size >= 0 and len(self._text) > size:
                break
            chunk = self._stream.readline(size)
            self._text += self._decoder.decode(chunk, final=not chunk)
            self._done = not chunk
        cut = self._text.find("\n") + 1 or len(self._text)
        if size >= 0:
            cut = min(cut, size)
        line, self._text = self._text[:cut], self._text[cut:]
        return line.encode("utf-8")


def utf8_lines(stream: LineReader, head: bytes) -> LineReader:
    """The stream itself, or a UTF-8 view of it when ``head`` shows it is UTF-16."""
    return Utf16Lines(stream) if has_utf16_bom(head) else stream


class BytesLines:
    """readline() over bytes in memory."""

    def __init__(self, data: bytes):
        self._data = data
        self._pos = 0

    def readline(self, size: int = -1, /) -> bytes:
        end = self._data.find(b"\n", self._pos)
        end = len(self._data) if end < 0 else end + 1
        if size >= 0:
            end = min(end, self._pos + size)
        line = self._data[self._pos : end]
        self._pos = end
        return line


def iter_csv(
    stream: LineReader, *, location: str, stem: str, delimiter: str | None, options: ReadOptions
) -> Iterator[RawDocument | NewsprismError]:
    """One document per CSV/TSV row, the header naming the fields."""
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    problems: list[NewsprismError] = []
    lines = _decoded_lines(stream, location=location, cap=options.max_bytes, problems=problems)
    first = next(lines, None)
    if first is None or problems:
        raise problems[0] if problems else EmptyInput("the dataset is empty", location=location)
    reader = csv.reader(_chain(first, lines), delimiter=delimiter or _sniff_delimiter(first))
    header = [h.strip() for h in next(reader)]
    mapping = resolve_fields(header, options=options, location=location)
    for cells in _rows(reader, location=location):
        where = f"{location}:{reader.line_num}"
        yield from problems
        problems.clear()
        if isinstance(cells, NewsprismError):
            yield cells
        elif not any(c.strip() for c in cells):
            continue
        elif len(cells) != len(header):
            yield MalformedInput(
                f"the row has {len(cells)} cells, the header {len(header)}", location=where
            )
        else:
            try:
                row = dict(zip(header, cells, strict=True))
                yield row_document(row, mapping, location=where, stem=stem)
            except NewsprismError as exc:
                yield exc
    yield from problems


def _rows(reader: Any, *, location: str) -> Iterator[list[str] | NewsprismError]:
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield MalformedInput(f"unreadable CSV: {exc}", location=f"{location}:{reader.line_num}")


def _decoded_lines(
    stream: LineReader, *, location: str, cap: int, problems: list[NewsprismError]
) -> Iterator[str]:
    """Decoded lines; a bad line is reported in ``problems`` and read as a blank line."""
    for number, line in capped_lines(stream, cap=cap):
        where = f"{location}:{number}"
        if line is None:
            problems.append(InputTooLarge(f"the line is over {cap:,} bytes", location=where))
            yield "\n"
            continue
        try:
            yield decode_record(line, location=where)
        except NewsprismError as exc:
            problems.append(exc)
            yield "\n"


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
