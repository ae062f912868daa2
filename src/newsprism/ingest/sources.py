"""From command-line sources (files, folders, URLs, "-") to documents, one failure at a time."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from newsprism.errors import (
    EmptyInput,
    InputError,
    InputNotFound,
    InputTooLarge,
    NewsprismError,
)
from newsprism.ingest.datasets import (
    BytesLines,
    LineReader,
    iter_csv,
    iter_json,
    iter_jsonl,
    utf8_lines,
)
from newsprism.ingest.decode import decode_lines
from newsprism.ingest.feeds import iter_feed
from newsprism.ingest.fetch import fetch
from newsprism.ingest.formats import (
    DATASET_FORMATS,
    EXTENSIONS,
    format_of,
    html_document,
    text_document,
)
from newsprism.ingest.options import Failed, Loaded, ReadOptions
from newsprism.ingest.parquet import is_parquet, iter_parquet
from newsprism.models import InputKind, RawDocument

STDIN = "-"
STDIN_LOCATION = "<stdin>"
_HEAD = 64 * 1024

Item = RawDocument | NewsprismError


def iter_documents(
    sources: Sequence[str | Path], *, options: ReadOptions
) -> Iterator[Loaded | Failed]:
    """Every document of every source, in order.

    A broken input or record yields a Failed naming it, and reading goes on.
    """
    for index, source in enumerate(sources):
        location = str(source)
        try:
            for item in _source_items(source, options=options):
                if isinstance(item, NewsprismError):
                    yield Failed(item.location or location, item, index)
                else:
                    yield Loaded(item, index)
        except NewsprismError as exc:
            yield Failed(exc.location or location, exc, index)


def _source_items(source: str | Path, *, options: ReadOptions) -> Iterator[Item]:
    text = str(source)
    if isinstance(source, str) and text == STDIN:
        yield from _stdin_items(options)
    elif isinstance(source, str) and text.lower().startswith(("http://", "https://")):
        yield from _url_items(text, options=options)
    else:
        path = Path(source)
        if path.is_dir():
            yield from _folder_items(path, options=options)
        elif path.exists():
            yield from _file_items(path, location=text, options=options)
        else:
            raise InputNotFound("no such file or folder", location=text)


def folder_files(folder: Path) -> list[Path]:
    """Readable files under ``folder``: known extensions, no hidden files or folders, sorted."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _folder_items(folder: Path, *, options: ReadOptions) -> Iterator[Item]:
    files = folder_files(folder)
    if not files:
        raise EmptyInput(
            f"the folder holds no readable files ({', '.join(sorted(EXTENSIONS))})",
            location=str(folder),
        )
    for path in files:
        try:
            yield from _file_items(path, location=str(path), options=options)
        except NewsprismError as exc:
            exc.location = exc.location or str(path)
            yield exc


def _file_items(path: Path, *, location: str, options: ReadOptions) -> Iterator[Item]:
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
            if options.fmt in (None, "parquet") and is_parquet(path.name, head):
                # columnar: read row by row, never whole (pyarrow loads only when needed)
                yield from iter_parquet(path, location=location, stem=path.stem, options=options)
                return
            fmt = format_of(path.name, head, forced=options.fmt)
            if fmt in ("jsonl", "csv", "tsv"):
                stream.seek(0)
                yield from _dataset_items(
                    utf8_lines(stream, head),
                    fmt,
                    location=location,
                    stem=path.stem,
                    options=options,
                )
                return
            # one document (or one feed): check the size before reading it whole
            size = path.stat().st_size
            if size > options.max_bytes:
                raise _too_large(size, options, location)
            data = head + stream.read(options.max_bytes + 1 - len(head))
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", location=location) from exc
    if len(data) > options.max_bytes:
        raise _too_large(len(data), options, location)
    yield from _bytes_items(data, fmt, location=location, stem=path.stem, options=options)


def _too_large(size: int, options: ReadOptions, location: str) -> InputTooLarge:
    return InputTooLarge(
        f"the input is {size:,} bytes, over the {options.max_bytes:,}-byte limit for one document",
        location=location,
    )


def _dataset_items(
    stream: LineReader, fmt: str, *, location: str, stem: str, options: ReadOptions
) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from iter_jsonl(stream, location=location, stem=stem, options=options)
    else:
        delimiter = "\t" if fmt == "tsv" else None
        yield from iter_csv(
            stream, location=location, stem=stem, delimiter=delimiter, options=options
        )


def _bytes_items(
    data: bytes,
    fmt: str,
    *,
    location: str,
    stem: str,
    options: ReadOptions,
    url: str | None = None,
    declared: str | None = None,
    kind: InputKind = InputKind.TEXT,
) -> Iterator[Item]:
    """Documents from one whole input held in memory."""
    if fmt == "feed":
        yield from iter_feed(data, location=location, options=options)
    elif fmt == "json":
        yield from iter_json(data, location=location, stem=stem, options=options)
    elif fmt in DATASET_FORMATS:
        yield from _dataset_items(
            utf8_lines(BytesLines(data), data), fmt, location=location, stem=stem, options=options
        )
    else:
        decoded = decode_lines(data, declared=declared, location=location)
        text, encoding = decoded.text, decoded.encoding
        if fmt == "html":
            doc = html_document(text, location=location, encoding=encoding, url=url)
        else:
            doc = text_document(text, location=location, kind=kind, encoding=encoding)
        warning = decoded.warning()
        yield replace(doc, warnings=(warning,)) if warning else doc


def _url_items(url: str, *, options: ReadOptions) -> Iterator[Item]:
    page = fetch(url, options=options)
    fmt = options.fmt or _format_of_page(page.content_type, page.raw)
    yield from _bytes_items(
        page.raw,
        fmt,
        location=url,
        stem=url.rstrip("/").rsplit("/", 1)[-1] or "url",
        options=options,
        url=page.final_url,
        declared=page.encoding,
    )


def _format_of_page(content_type: str, raw: bytes) -> str:
    mime = content_type.split(";")[0].strip().lower()
    if "rss" in mime or "atom" in mime:
        return "feed"
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime in ("application/x-ndjson", "application/jsonl", "application/json"):
        return "jsonl"
    if mime in ("text/csv",):
        return "csv"
    return format_of("", raw)


def _stdin_items(options: ReadOptions) -> Iterator[Item]:
    stream = options.stdin if options.stdin is not None else sys.stdin.buffer
    head = stream.read(_HEAD)
    fmt = format_of("", head, forced=options.fmt)
    if fmt in ("jsonl", "csv", "tsv"):
        reader = utf8_lines(_Prefixed(head, stream), head)
        yield from _dataset_items(
            reader, fmt, location=STDIN_LOCATION, stem="stdin", options=options
        )
        return
    data = head + stream.read(options.max_bytes + 1 - len(head))
    if len(data) > options.max_bytes:
        raise _too_large(len(data), options, STDIN_LOCATION)
    if not data:
        raise EmptyInput("nothing came on standard input", location=STDIN_LOCATION)
    yield from _bytes_items(
        data, fmt, location=STDIN_LOCATION, stem="stdin", options=options, kind=InputKind.STDIN
    )


class _Prefixed:
    """readline() over bytes already read, then the rest of a stream."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head = BytesLines(head)
        self._left = len(head)
        self._stream = stream

    def readline(self, size: int = -1, /) -> bytes:
        if self._left:
            line = self._head.readline(size)
            self._left -= len(line)
            if line.endswith(b"\n") or (size >= 0 and len(line) >= size) or self._left:
                return line
            more = size - len(line) if size >= 0 else -1
            return line + self._stream.readline(more)
        return self._stream.readline(size)
