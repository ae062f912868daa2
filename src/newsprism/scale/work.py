"""What a worker does with one partition: read, clean, and (when asked) embed and extract.

Plain functions with no Dask in them, so they run the same in a test, in this process and on a
worker. Models load once per worker process (module-level cache) and are reused by every
partition that worker gets.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.clean import clean_document
from newsprism.errors import EmptyInput, FieldMappingError, NewsprismError
from newsprism.ingest import Failed, ReadOptions
from newsprism.ingest.datasets import iter_jsonl
from newsprism.ingest.parquet import iter_parquet
from newsprism.models import Article, RawDocument
from newsprism.pipeline import read_articles
from newsprism.scale.partitions import Partition

__all__ = ["PartitionResult", "read_partition", "run_partition", "worker_embedder"]

Defaults = Mapping[str, str]


@dataclass
class PartitionResult:
    """A partition's articles (in input order) and everything the writer stores with them.

    ``failures`` are ready-made report entries (exceptions do not cross processes intact);
    ``vectors`` holds document vectors by text hash and ``links`` article id -> text hash.
    """

    index: int
    articles: list[Article] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)
    model_id: str = ""
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    extractions: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    worker: str = ""


def run_partition(
    part: Partition,
    *,
    options: ReadOptions,
    defaults: Sequence[Defaults] = (),
    embedder_name: str | None = None,
    extract: bool = False,
) -> PartitionResult:
    """Read and clean one partition; embed (``embedder_name``) and extract when asked."""
    result = PartitionResult(part.index, worker=_worker_name())
    start = time.perf_counter()
    for item in read_partition(part, options=options, defaults=defaults):
        if isinstance(item, Failed):
            result.failures.append({"input": item.location, **item.error.to_dict()})
        else:
            result.articles.append(item)
    result.seconds["read"] = time.perf_counter() - start
    if embedder_name and result.articles:
        start = time.perf_counter()
        _embed(result, embedder_name)
        result.seconds["embed"] = time.perf_counter() - start
    if extract and result.articles:
        start = time.perf_counter()
        _extract(result)
        result.seconds["extract"] = time.perf_counter() - start
    return result


def read_partition(
    part: Partition, *, options: ReadOptions, defaults: Sequence[Defaults] = ()
) -> Iterator[Article | Failed]:
    """The partition's articles and failures, exactly as a single-process run yields them."""
    if part.kind in ("whole", "local"):
        for source, input_index in part.inputs:
            fill = _defaults(defaults, input_index)
            for item in read_articles([source], options=options, defaults_per_input=fill):
                # read_articles numbers its one source 0; give back the source's real position
                yield replace(item, input_index=input_index) if isinstance(item, Failed) else item
        return
    docs = (
        _jsonl_range(part, options)
        if part.kind == "lines"
        else iter_parquet(
            part.path,
            location=part.location,
            stem=Path(part.path).stem,
            options=options,
            row_groups=part.row_groups or None,
        )
    )
    yield from _cleaned(docs, part, _defaults(defaults, part.input_index))


def _cleaned(
    docs: Iterator[RawDocument | NewsprismError], part: Partition, defaults: Defaults | None
) -> Iterator[Article | Failed]:
    try:
        for doc in docs:
            if isinstance(doc, NewsprismError):
                yield Failed(doc.location or part.location, doc, part.input_index)
                continue
            try:
                yield clean_document(doc, defaults=defaults)
            except NewsprismError as exc:
                exc.location = exc.location or doc.location
                yield Failed(exc.location, exc, part.input_index)
    except NewsprismError as exc:  # the whole file is unreadable
        yield Failed(exc.location or part.location, exc, part.input_index)


def _defaults(defaults: Sequence[Defaults], index: int) -> Defaults | None:
    return defaults[index] if index < len(defaults) else None


# --- JSONL line ranges ------------------------------------------------------------------------


class _RangeLines:
    """readline() over bytes [start, end) of a file, counting the lines handed out."""

    def __init__(self, stream: Any, start: int, end: int) -> None:
        stream.seek(start)
        self._stream = stream
        self._left = end - start
        self.lines = 0

    def readline(self, size: int = -1, /) -> bytes:
        if self._left <= 0:
            return b""
        limit = self._left if size < 0 else min(size, self._left)
        line: bytes = self._stream.readline(limit)
        self._left -= len(line)
        if line.endswith(b"\n") or self._left <= 0:
            self.lines += 1
        return line


def _jsonl_range(part: Partition, options: ReadOptions) -> Iterator[RawDocument | NewsprismError]:
    """Records of one line range, named "file:N" with N counted from the file's first line.

    ``iter_jsonl`` numbers lines from 1 and treats the first record as the file's: a first record
    without a text field stops it. Here that record is only one bad record (the planner kept
    whole any file whose real first record fails), so it is reported and reading goes on.
    """
    stem = Path(part.path).stem
    with open(part.path, "rb") as stream:
        reader = _RangeLines(stream, part.start, part.end)
        while True:
            base = part.first_line - 1 + reader.lines
            try:
                for item in iter_jsonl(reader, location=part.location, stem=stem, options=options):
                    yield _shifted(item, part.location, base)
                return
            except FieldMappingError as exc:
                exc.location = f"{part.location}:{part.first_line - 1 + reader.lines}"
                yield exc
            except EmptyInput:
                return  # no records left in this range: not an error of the file


def _shifted(
    item: RawDocument | NewsprismError, location: str, base: int
) -> RawDocument | NewsprismError:
    where = item.location or ""
    prefix = location + ":"
    if not base or not where.startswith(prefix) or not where[len(prefix) :].isdigit():
        return item
    moved = f"{prefix}{int(where[len(prefix) :]) + base}"
    if isinstance(item, NewsprismError):
        item.location = moved
        return item
    return replace(item, location=moved)


# --- models, once per worker process ----------------------------------------------------------

_embedders: dict[str, Any] = {}
_lock = threading.Lock()


def worker_embedder(name: str) -> Any:
    """The embedder ``name`` of this process, built once.

    On a Dask worker MiniLM gets as many threads as the worker has (not every core of the
    machine): several workers on one machine would otherwise fight over the cores.
    """
    with _lock:
        if name not in _embedders:
            from newsprism.embed import get_embedder
            from newsprism.embed.minilm import MiniLMEmbedder

            embedder = get_embedder(name)
            threads = _worker_threads()
            if isinstance(embedder, MiniLMEmbedder) and threads:
                embedder = MiniLMEmbedder(threads=threads)
            _embedders[name] = embedder
        return _embedders[name]


def _embed(result: PartitionResult, name: str) -> None:
    from newsprism.embed import document_text, text_hash

    embedder = worker_embedder(name)
    texts = [document_text(a) for a in result.articles]
    unique: dict[str, str] = {}
    for article, text in zip(result.articles, texts, strict=True):
        h = text_hash(text)
        result.links[article.id] = h
        unique.setdefault(h, text)
    vectors = embedder.encode(list(unique.values()))
    result.vectors = dict(zip(unique, vectors, strict=True))
    result.model_id = embedder.model_id


def _extract(result: PartitionResult) -> None:
    from newsprism.extract import extract_many

    for article, ex in zip(result.articles, extract_many(result.articles), strict=True):
        result.extractions[article.id] = ex.to_dict()


def _dask_worker() -> Any:
    """The Dask worker running this code, or None (outside Dask nothing is imported)."""
    distributed = sys.modules.get("distributed")
    if distributed is None:
        return None
    try:
        return distributed.get_worker()
    except ValueError:
        return None


def _worker_threads() -> int | None:
    worker = _dask_worker()
    return int(worker.state.nthreads) if worker is not None else None


def _worker_name() -> str:
    worker = _dask_worker()
    return str(worker.address) if worker is not None else f"pid {os.getpid()}"
