"""Reading and cleaning chained: sources -> Articles, each failure reported and skipped.

Cleaning (trafilatura reading the HTML) is most of the cost of reading. With ``workers`` > 1 the
documents are cleaned in a pool of processes while this process reads the next inputs and the
caller stores, embeds and places what is done: chunks of ``CHUNK`` documents, two per worker
and ``AHEAD`` more in flight (so the workers go on cleaning while the caller writes a batch of
hundreds of articles), results in input order. An input of one chunk or less is cleaned here, so
small runs start no processes.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from newsprism.clean import clean_document
from newsprism.errors import NewsprismError
from newsprism.ingest import Failed, ReadOptions, iter_documents
from newsprism.ingest.options import Loaded
from newsprism.models import Article

Defaults = Mapping[str, str]
#: documents per task sent to a cleaning process
CHUNK = 32
#: chunks in flight beyond two per worker: about one store batch (api.ingest's 256 articles)
AHEAD = 8


def read_articles(
    sources: Sequence[str | Path],
    *,
    options: ReadOptions,
    defaults_per_input: Sequence[Defaults] | Defaults | None = None,
    workers: int = 1,
) -> Iterator[Article | Failed]:
    """Every article of every source, in order; unreadable or uncleanable ones as Failed.

    ``defaults_per_input`` holds user values (outlet, published) for inputs that lack them:
    one mapping for all inputs, or one per source, by position. ``workers`` > 1 cleans in that
    many processes (see the module's docstring).
    """
    items = (
        (
            item,
            None
            if isinstance(item, Failed)
            else _defaults_for(defaults_per_input, item.input_index),
        )
        for item in iter_documents(sources, options=options)
    )
    if workers <= 1:
        for pair in items:
            yield _clean(pair)
        return
    first = list(itertools.islice(items, CHUNK + 1))
    if len(first) <= CHUNK:
        for pair in first:
            yield _clean(pair)
        return
    yield from _pooled(itertools.chain(first, items), workers)


Pair = tuple[Loaded | Failed, Defaults | None]


def _clean(pair: Pair) -> Article | Failed:
    item, defaults = pair
    if isinstance(item, Failed):
        return item
    try:
        return clean_document(item.doc, defaults=defaults)
    except NewsprismError as exc:
        exc.location = exc.location or item.doc.location
        return Failed(item.doc.location, exc, item.input_index)


def _clean_chunk(pairs: list[Pair]) -> list[Article | Failed]:
    return [_clean(p) for p in pairs]


def pool_context() -> Any:
    """fork when this process runs one thread (the workers inherit the loaded modules, no
    re-import); else spawn: a fork taken while another thread holds a lock (a Dask client, a
    web server, ONNX) can leave the child waiting on that lock for ever."""
    if threading.active_count() == 1 and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _pooled(pairs: Iterable[Pair], workers: int) -> Iterator[Article | Failed]:
    context = pool_context()
    chunks = iter(lambda: list(itertools.islice(pairs, CHUNK)), [])
    pending: deque[Future[list[Article | Failed]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk in chunks:
            pending.append(pool.submit(_clean_chunk, chunk))
            while len(pending) > 2 * workers + AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _defaults_for(defaults: Sequence[Defaults] | Defaults | None, index: int) -> Defaults | None:
    if defaults is None or isinstance(defaults, Mapping):
        return defaults
    return defaults[index] if index < len(defaults) else None
