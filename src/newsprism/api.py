"""The library's front door: plain functions that return data and never print.

The CLI, the HTTP API and user code all call these.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.analyses import embed_and_store, extract_and_store, extraction_of
from newsprism.clean import normalize_published
from newsprism.errors import NewsprismError, UsageError
from newsprism.ingest import Failed, ReadOptions
from newsprism.models import Article, StoredArticle
from newsprism.pipeline import read_articles
from newsprism.store import AddResult, Store
from newsprism.store.analyses import EXTRACTION_KIND, EXTRACTION_VERSION
from newsprism.timing import StageClock

if TYPE_CHECKING:
    from newsprism.cluster import ClusterFeatures
    from newsprism.compare import Comparison, Timings

#: Metadata a user may supply for inputs that lack it.
USER_FIELDS = ("outlet", "published")


def user_defaults(
    n_inputs: int, *, outlet: Sequence[str] = (), published: Sequence[str] = ()
) -> list[dict[str, str]]:
    """Per-input defaults from repeatable options.

    Given once, a value applies to every input; given once per input, in input order.
    Any other count is a usage error. Dates are normalised (and checked) here.
    """
    per_input: list[dict[str, str]] = [{} for _ in range(n_inputs)]
    for name, values in (("outlet", outlet), ("published", published)):
        if not values:
            continue
        if name == "published":
            values = [_user_date(v) for v in values]
        if len(values) == 1:
            for d in per_input:
                d[name] = values[0]
        elif len(values) == n_inputs:
            for d, v in zip(per_input, values, strict=True):
                d[name] = v
        else:
            raise UsageError(
                f"--{name} was given {len(values)} times for {n_inputs} inputs.",
                hint=f"Give --{name} once (for every input) or once per input, in input order.",
            )
    return per_input


def _user_date(value: str) -> str:
    try:
        return normalize_published(value)
    except NewsprismError as e:
        raise UsageError(f"--published {value!r}: {e.message}", hint=e.hint) from None


def read(
    source: str | Path | Sequence[str | Path],
    *,
    published: str | Sequence[str] | None = None,
    outlet: str | Sequence[str] | None = None,
    options: ReadOptions | None = None,
) -> list[Article]:
    """Read and clean articles without storing them.

    Raises the first input error when nothing could be read; use :func:`iter_read` to see
    every failure of a batch.
    """
    articles: list[Article] = []
    failures: list[Failed] = []
    for item in iter_read(source, published=published, outlet=outlet, options=options):
        if isinstance(item, Failed):
            failures.append(item)
        else:
            articles.append(item)
    if failures and not articles:
        raise failures[0].error
    return articles


def iter_read(
    source: str | Path | Sequence[str | Path],
    *,
    published: str | Sequence[str] | None = None,
    outlet: str | Sequence[str] | None = None,
    options: ReadOptions | None = None,
    workers: int = 1,
    features: dict[str, ClusterFeatures] | None = None,
) -> Iterator[Article | Failed]:
    """Read and clean lazily, one Article or Failed per document, in input order.

    ``workers`` > 1 cleans the documents in that many processes (results still in input order),
    which also fill ``features`` with each article's cluster features when it is given.
    """
    sources = [source] if isinstance(source, str | Path) else list(source)
    defaults = user_defaults(len(sources), outlet=_as_list(outlet), published=_as_list(published))
    yield from read_articles(
        sources,
        options=options or ReadOptions(),
        defaults_per_input=defaults,
        workers=workers,
        features=features,
    )


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


@dataclass
class IngestReport:
    """What an ingest run did. ``failed`` lists (input, message) for each input that failed."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)
    #: (input, warning) for inputs read with something the user should know (mixed encodings)
    warnings: list[dict[str, str]] = field(default_factory=list)
    embedded: int = 0
    extracted: int = 0
    stories: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "unchanged": len(self.unchanged),
            "new_versions": len(self.new_versions),
            "failed": self.failed,
            "warnings": self.warnings,
            "embedded": self.embedded,
            "extracted": self.extracted,
            "stories": self.stories,
            "ids": {"added": self.added, "new_versions": self.new_versions},
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


ProgressFn = Callable[[int, str], None]


def ingest(  # noqa: PLR0913 (the public keyword-only API; ReadOptions-style grouping is a later change)
    source: str | Path | Sequence[str | Path],
    store: Store,
    *,
    published: str | Sequence[str] | None = None,
    outlet: str | Sequence[str] | None = None,
    options: ReadOptions | None = None,
    embed: bool = True,
    extract: bool = False,
    cluster: bool = True,
    embedder_name: str = "placing",
    batch_size: int = 256,
    read_workers: int | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Read, clean, store and embed. One broken input never stops the run.

    Articles are committed in batches: a run killed midway loses at most one batch, and running it
    again adds exactly what is missing (the store is idempotent). Deep extraction (``extract``) is
    off by default: the compare stage runs it on demand, so ingest stays fast. With ``cluster``
    (and ``embed``), every new article then joins a story or founds one; articles a killed run left
    without a story are placed on the next run.

    HTML is cleaned in ``read_workers`` processes (default: one per core, up to four) while
    this process stores, embeds and places the articles already read; each batch of
    ``batch_size`` articles is one store transaction. ``report.seconds`` says where the time
    went: ``read`` is the time spent waiting for cleaned articles.
    """
    workers = read_workers if read_workers is not None else min(os.cpu_count() or 1, 4)
    # the cleaning processes also compute what places each article in its story
    features: dict[str, ClusterFeatures] | None = {} if cluster and embed else None
    items = iter_read(
        source,
        published=published,
        outlet=outlet,
        options=options,
        workers=workers,
        features=features,
    )
    return ingest_articles(
        items,
        store,
        embed=embed,
        extract=extract,
        cluster=cluster,
        embedder_name=embedder_name,
        batch_size=batch_size,
        progress=progress,
        features=features,
    )


def ingest_articles(  # noqa: PLR0913 (keyword-only options, as ingest)
    items: Iterable[Article | Failed],
    store: Store,
    *,
    embed: bool = True,
    extract: bool = False,
    cluster: bool = True,
    embedder_name: str = "placing",
    batch_size: int = 256,
    progress: ProgressFn | None = None,
    features: Mapping[str, ClusterFeatures] | None = None,
) -> IngestReport:
    """:func:`ingest` for articles already read (and inputs that failed): store, embed, place.

    The one ingest path: the CLI, the Python API and the HTTP API all end here, so an article
    gets the same embedder and the same story placement however it arrived. ``features`` holds
    cluster features already computed (by the cleaning processes), by article id.
    """
    report = IngestReport()
    clock = StageClock(report.seconds)
    batch: list[Article] = []
    for item in clock.timed_iter("read", items):
        if isinstance(item, Failed):
            report.failed.append({"input": item.location, **item.error.to_dict()})
            if progress:
                progress(1, item.location)
            continue
        report.warnings.extend({"input": item.location, "warning": w} for w in item.warnings)
        batch.append(item)
        if len(batch) >= batch_size:
            _flush(batch, store, report, clock, embed, extract, embedder_name)
            if progress:
                progress(len(batch), item.location)
            batch = []
    if batch:
        _flush(batch, store, report, clock, embed, extract, embedder_name)
        if progress:
            progress(len(batch), batch[-1].location)
    if cluster and embed:
        from newsprism.stories import update_stories

        with clock.timed("cluster"):
            report.stories = update_stories(
                store, embedder_name=embedder_name, features=features
            ).to_dict()
    return report


def _flush(
    batch: list[Article],
    store: Store,
    report: IngestReport,
    clock: StageClock,
    embed: bool,
    extract: bool,
    embedder_name: str,
) -> None:
    with clock.timed("store"):
        results: list[AddResult] = store.add_many(batch)
    for r in results:
        {"added": report.added, "unchanged": report.unchanged, "new_version": report.new_versions}[
            r.status
        ].append(r.id)
    fresh = [a for a, r in zip(batch, results, strict=True) if r.status != "unchanged"]
    if fresh and embed:
        with clock.timed("embed"):
            report.embedded += embed_and_store(fresh, store, embedder_name=embedder_name)
    if fresh and extract:
        with clock.timed("extract"):
            report.extracted += extract_and_store(fresh, store)


@dataclass
class AnalyzeReport:
    """What a deep pass did: articles extracted and MiniLM vectors cached, and its seconds."""

    articles: int = 0
    vectors: int = 0
    workers: int = 1
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.seconds.get("total", 0.0)
        return {
            "articles": self.articles,
            "vectors": self.vectors,
            "workers": self.workers,
            "articles_per_s": round(self.articles / total, 2) if total else None,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


def analyze(
    store: Store,
    *,
    ids: Sequence[str] | None = None,
    workers: int = 1,
    batch_size: int = 16,
    progress: ProgressFn | None = None,
) -> AnalyzeReport:
    """The deep pass, ahead of time: extraction (spaCy) and MiniLM vectors of each article's
    document text, claims and sentences, kept in the store, so that showing, comparing or
    exporting a story later reads them instead of computing them.

    Without ``ids``, every current article without a current extraction is analysed. With
    ``workers`` > 1, batches of ``batch_size`` articles are analysed in that many processes;
    this process alone writes to the store. Safe to stop and run again.
    """
    from newsprism.embed import get_embedder

    start = time.perf_counter()
    report = AnalyzeReport(workers=workers)
    todo = list(ids) if ids is not None else store.unanalysed(EXTRACTION_KIND, EXTRACTION_VERSION)
    batches = [todo[i : i + batch_size] for i in range(0, len(todo), batch_size)]
    minilm = get_embedder("minilm").model_id

    def keep(results: list[_Deep]) -> None:
        with store.transaction():
            for r in results:
                store.put_analysis(
                    r.article_id,
                    EXTRACTION_KIND,
                    {"_version": EXTRACTION_VERSION, "data": r.extraction},
                    version=EXTRACTION_VERSION,
                )
                store.put_vectors(minilm, r.vectors)
                store.set_article_vectors(minilm, {r.article_id: r.document_hash})
                report.vectors += len(r.vectors)
        report.articles += len(results)
        if progress:
            progress(len(results), results[-1].article_id if results else "")

    articles = ([a.article for a in store.get_many(b)] for b in batches)
    if workers <= 1 or len(batches) <= 1:
        for batch in articles:
            keep(_deep_batch(batch))
    else:
        from collections import deque
        from concurrent.futures import Future, ProcessPoolExecutor

        from newsprism.pipeline import pool_context

        context = pool_context()
        pending: deque[Future[list[_Deep]]] = deque()
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_one_thread_each
        ) as pool:
            for batch in articles:
                pending.append(pool.submit(_deep_batch, batch))
                while len(pending) > 2 * workers:
                    keep(pending.popleft().result())
            while pending:
                keep(pending.popleft().result())
    report.seconds["total"] = time.perf_counter() - start
    return report


@dataclass
class _Deep:
    article_id: str
    extraction: dict[str, Any]
    document_hash: str
    vectors: dict[str, Any]


class _Recorder:
    """An EmbeddingCache that remembers what was embedded, for the store to keep."""

    def __init__(self) -> None:
        self.vectors: dict[str, Any] = {}

    def get_vectors(self, model_id: str, hashes: Sequence[str]) -> dict[str, Any]:
        return {h: self.vectors[h] for h in hashes if h in self.vectors}

    def put_vectors(self, model_id: str, items: Any) -> None:
        self.vectors.update(items)


def _one_thread_each() -> None:
    """In a deep-pass worker: MiniLM on one thread, so N workers use N cores, not N x cores."""
    from newsprism.embed.minilm import MiniLMEmbedder
    from newsprism.embed.registry import set_embedder

    set_embedder("minilm", MiniLMEmbedder(threads=1))


def _deep_batch(articles: list[Article]) -> list[_Deep]:
    """Extraction and MiniLM vectors of each article (runs in a worker process, pure)."""
    from newsprism.compare import align
    from newsprism.embed import CachedEmbedder, document_text, get_embedder, text_hash
    from newsprism.extract import extract_many

    out: list[_Deep] = []
    for article, ex in zip(articles, extract_many(articles), strict=True):
        recorder = _Recorder()
        embedder = CachedEmbedder(get_embedder("minilm"), recorder)
        doc = document_text(article)
        embedder.encode([doc])
        # the claim, sentence and segment vectors the comparison asks for first
        align.embed_units(align.build_units([ex], [article.text], [article.title]), embedder)
        out.append(_Deep(article.id, ex.to_dict(), text_hash(doc), recorder.vectors))
    return out


def resolve(
    inputs: Sequence[str | Path],
    *,
    store: Store | None = None,
    published: str | Sequence[str] | None = None,
    outlet: str | Sequence[str] | None = None,
    options: ReadOptions | None = None,
) -> list[StoredArticle | Article]:
    """Files, URLs, ``-`` or stored article ids -> one article per input, in order.

    ``published``/``outlet`` fill what an input lacks (once for all, or once per input). Any
    input that cannot be read raises: a comparison needs every one of its sources.
    """
    defaults = user_defaults(len(inputs), outlet=_as_list(outlet), published=_as_list(published))
    found: list[StoredArticle | Article] = []
    for source, fill in zip(inputs, defaults, strict=True):
        stored = _stored(str(source), store)
        if stored is not None:
            missing = {k: v for k, v in fill.items() if not stored.article.meta(k)}
            found.append(stored if not missing else _filled(stored.article, missing))
            continue
        items = list(
            read_articles([source], options=options or ReadOptions(), defaults_per_input=[fill])
        )
        for item in items:
            if isinstance(item, Failed):
                raise item.error
        found.extend(a for a in items if isinstance(a, Article))
    return found


def _stored(source: str, store: Store | None) -> StoredArticle | None:
    """The stored article a source names, when it is an id rather than a path or a URL."""
    if store is None or source == "-" or "://" in source or Path(source).exists():
        return None
    from newsprism.errors import ArticleNotFound

    try:
        return store.get(source)
    except ArticleNotFound:
        return None


def _filled(article: Article, values: dict[str, str]) -> Article:
    from newsprism.models import Meta, Provenance

    return article.with_metadata(**{k: Meta(v, Provenance.USER) for k, v in values.items()})


def compare(
    inputs: Sequence[str | Path | Article],
    *,
    store: Store | None = None,
    published: str | Sequence[str] | None = None,
    outlet: str | Sequence[str] | None = None,
    options: ReadOptions | None = None,
    timings: Timings | None = None,
) -> Comparison:
    """Compare two or more reports of one story claim by claim.

    Inputs are Articles, files, URLs or (with ``store``) stored article ids. Stored articles
    reuse their kept extraction and cached embeddings.
    """
    from newsprism.compare import compare_articles
    from newsprism.embed import CachedEmbedder, MemoryCache, get_embedder

    given = [i for i in inputs if not isinstance(i, Article)]
    resolved = iter(
        resolve(given, store=store, published=published, outlet=outlet, options=options)
        if given
        else []
    )
    items = [i if isinstance(i, Article) else next(resolved) for i in inputs]
    articles = [i.article if isinstance(i, StoredArticle) else i for i in items]
    extractions = None
    if store is not None and any(isinstance(i, StoredArticle) for i in items):
        from newsprism.extract import extract

        extractions = [
            extraction_of(i, store) if isinstance(i, StoredArticle) else extract(i) for i in items
        ]
    cache = store if store is not None else MemoryCache()
    embedder = CachedEmbedder(get_embedder(), cache)
    return compare_articles(articles, embedder=embedder, extractions=extractions, timings=timings)


def errors_of(report: IngestReport) -> list[str]:
    """One line per failed input, as the CLI prints them."""
    return [
        f"{f['input']}: [{f['code']}] {f['message']} {f.get('hint') or ''}".strip()
        for f in report.failed
    ]


__all__ = [
    "AnalyzeReport",
    "IngestReport",
    "NewsprismError",
    "analyze",
    "compare",
    "extraction_of",
    "ingest",
    "ingest_articles",
    "iter_read",
    "read",
    "resolve",
    "user_defaults",
]
