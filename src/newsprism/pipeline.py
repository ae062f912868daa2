"""Reading and cleaning chained: sources -> Articles, each failure reported and skipped.

Cleaning (trafilatura reading the HTML) is most of the cost of reading. With ``workers`` > 1 the
documents are cleaned in a pool of processes while this process reads the next inputs and the
caller stores, embeds and places what is done: chunks of ``CHUNK`` documents, two per worker
and ``AHEAD`` more in flight (so the workers go on cleaning while the caller writes a batch of
hundreds of articles), results in input order. An input of one chunk or less is cleaned here, so
small runs start no processes.

Given a ``features`` dict, the workers also compute each article's cluster features (the
story-placing signals, pure and a third of a page's cleaning cost at 900 words), so the story
stage at the end of an ingest finds them done instead of computing them one after another.
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
from newsprism.cluster import ClusterFeatures, cluster_features
from newsprism.errors import NewsprismError
from newsprism.ingest import Failed, ReadOptions, iter_documents
from newsprism.ingest.options import Loaded
from newsprism.models import Article

Defaults = Mapping[str, str]
#: documents per task sent to a cleaning process
CHUNK = 32
#: chunks in flight beyond two per worker: about one store batch (api.ingest's 256 articles)
AHEAD = 8
#: cluster features computed in the workers for at most this many articles of one read (about
#: 7 KB each at 900 words); the story stage computes those of the articles beyond
FEATURES_KEPT = 20_000


def read_articles(
    sources: Sequence[str | Path],
    *,
    options: ReadOptions,
    defaults_per_input: Sequence[Defaults] | Defaults | None = None,
    workers: int = 1,
    features: dict[str, ClusterFeatures] | None = None,
) -> Iterator[Article | Failed]:
    """Every article of every source, in order; unreadable or uncleanable ones as Failed.

    ``defaults_per_input`` holds user values (outlet, published) for inputs that lack them:
    one mapping for all inputs, or one per source, by position. ``workers`` > 1 cleans in that
    many processes (see the module's docstring), which also fill ``features`` (article id ->
    cluster features) when it is given.
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
    yield from _pooled(itertools.chain(first, items), workers, features)


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


Cleaned = tuple[Article | Failed, ClusterFeatures | None]


def _clean_chunk(pairs: list[Pair], with_features: bool) -> list[Cleaned]:
    out: list[Cleaned] = []
    for pair in pairs:
        item = _clean(pair)
        found = None
        if with_features and isinstance(item, Article):
            found = cluster_features(item.body, title=item.title)
        out.append((item, found))
    return out


def pool_context() -> Any:
    """fork when this process runs one thread (the workers inherit the loaded modules, no
    re-import); else spawn: a fork taken while another thread holds a lock (a Dask client, a
    web server, ONNX) can leave the child waiting on that lock for ever."""
    if threading.active_count() == 1 and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _pooled(
    pairs: Iterable[Pair], workers: int, features: dict[str, ClusterFeatures] | None
) -> Iterator[Article | Failed]:
    context = pool_context()
    chunks = iter(lambda: list(itertools.islice(pairs, CHUNK)), [])
    pending: deque[Future[list[Cleaned]]] = deque()

    def done(future: Future[list[Cleaned]]) -> Iterator[Article | Failed]:
        for item, found in future.result():
            if found is not None and features is not None and isinstance(item, Article):
                features[item.id] = found
            yield item

    sent = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk in chunks:
            with_features = features is not None and sent < FEATURES_KEPT
            pending.append(pool.submit(_clean_chunk, chunk, with_features))
            sent += len(chunk)
            while len(pending) > 2 * workers + AHEAD:
                yield from done(pending.popleft())
        while pending:
            yield from done(pending.popleft())


def _defaults_for(defaults: Sequence[Defaults] | Defaults | None, index: int) -> Defaults | None:
    if defaults is None or isinstance(defaults, Mapping):
        return defaults
    return defaults[index] if index < len(defaults) else None
