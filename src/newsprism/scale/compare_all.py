"""Compare every story with two or more sources, in parallel, and keep the results in the store.

Workers run ``compare_articles`` (extraction when the store has none, embeddings, alignment,
contradictions) and return the JSON report; the writer stores it as the analysis kind
``"comparison"`` of the story's first article, with the story id and the articles compared.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsprism.api import EXTRACTION_KIND, EXTRACTION_VERSION
from newsprism.errors import UsageError
from newsprism.models import Article
from newsprism.scale.cluster_client import connect
from newsprism.store import Store

__all__ = ["COMPARISON_KIND", "COMPARISON_VERSION", "compare_all", "compare_story"]

COMPARISON_KIND = "comparison"
COMPARISON_VERSION = "1"
#: Articles compared per story at most (one per source first): alignment grows with the square
#: of the sentences, and a brief of a dozen sources already says what the others would.
MAX_ARTICLES = 12


def compare_story(
    story_id: str, articles: Sequence[Article], extractions: Sequence[dict[str, Any] | None]
) -> dict[str, Any]:
    """One story's comparison as JSON data (runs on a worker)."""
    from newsprism.compare import compare_articles
    from newsprism.embed import CachedEmbedder, MemoryCache
    from newsprism.extract import Extraction, extract
    from newsprism.report.text import render_json
    from newsprism.scale.work import worker_embedder

    exs = [
        Extraction.from_dict(e) if e is not None else extract(a)
        for a, e in zip(articles, extractions, strict=True)
    ]
    embedder = CachedEmbedder(worker_embedder("minilm"), MemoryCache())
    comparison = compare_articles(list(articles), embedder=embedder, extractions=exs)
    return {"story_id": story_id, "report": json.loads(render_json(comparison))}


def compare_all(
    store: Store,
    *,
    stories: Mapping[str, Sequence[str]] | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    min_sources: int = 2,
    max_articles: int = MAX_ARTICLES,
) -> dict[str, Any]:
    """Compare and store every story with ``min_sources`` distinct sources or more.

    ``stories`` maps story id -> article ids (arrival order); by default they come from the
    store's ``stories`` / ``story_members`` tables. Returns counts, the stories compared and
    the ones that failed (with why).
    """
    started = time.perf_counter()
    stories = dict(stories) if stories is not None else _stored_stories(store)
    chosen: dict[str, list[Article]] = {}
    skipped = 0
    for story_id, ids in stories.items():
        picked = _one_per_source([store.get(i).article for i in ids], max_articles)
        if len({_source(a) for a in picked}) >= min_sources:
            chosen[story_id] = picked
        else:
            skipped += 1
    summary: dict[str, Any] = {
        "stories": len(stories),
        "compared": 0,
        "skipped_single_source": skipped,
        "failed": [],
        "story_ids": [],
    }
    if chosen:
        with connect(workers=workers, scheduler=scheduler, client=client) as dask:
            _run(dask, store, chosen, summary)
    summary["seconds"] = round(time.perf_counter() - started, 3)
    return summary


def _run(
    dask: Any, store: Store, chosen: dict[str, list[Article]], summary: dict[str, Any]
) -> None:
    from distributed import as_completed

    run = uuid.uuid4().hex[:8]
    futures: dict[str, str] = {}
    submitted = []
    for story_id, articles in chosen.items():
        extractions = [_extraction(store, a.id) for a in articles]
        future = dask.submit(
            compare_story,
            story_id,
            articles,
            extractions,
            key=f"newsprism-compare-{run}-{story_id}",
            retries=2,
        )
        futures[future.key] = story_id
        submitted.append(future)
    for future in as_completed(submitted):
        story_id = futures[future.key]
        articles = chosen[story_id]
        try:
            data = future.result()
        except Exception as exc:  # one story's failure never stops the others
            summary["failed"].append(
                {"story_id": story_id, "error": f"{type(exc).__name__}: {exc}"}
            )
            continue
        store.put_analysis(
            articles[0].id,
            COMPARISON_KIND,
            {
                "_version": COMPARISON_VERSION,
                "story_id": story_id,
                "articles": [a.id for a in articles],
                "data": data["report"],
            },
            version=COMPARISON_VERSION,
        )
        summary["compared"] += 1
        summary["story_ids"].append(story_id)


def _extraction(store: Store, article_id: str) -> dict[str, Any] | None:
    cached = store.get_analysis(article_id, EXTRACTION_KIND)
    if cached is not None and cached.get("_version") == EXTRACTION_VERSION:
        data: dict[str, Any] = cached["data"]
        return data
    return None


def _source(article: Article) -> str:
    """Who published it: the outlet, else the URL's host, else the article itself."""
    if article.outlet:
        return article.outlet.casefold()
    if article.url and "://" in article.url:
        return article.url.split("://", 1)[1].split("/", 1)[0].casefold()
    return article.id


def _one_per_source(articles: list[Article], limit: int) -> list[Article]:
    """The first article of each source, then the others, up to ``limit``, in arrival order."""
    seen: set[str] = set()
    first: list[Article] = []
    rest: list[Article] = []
    for a in articles:
        (rest if _source(a) in seen else first).append(a)
        seen.add(_source(a))
    keep = {a.id for a in (first + rest)[:limit]}
    return [a for a in articles if a.id in keep]


def _stored_stories(store: Store) -> dict[str, list[str]]:
    if store.path == ":memory:" or not Path(store.path).exists():
        raise UsageError(
            "compare-all reads the stories of a database file.",
            hint="Cluster the stories first (they are kept in --db), or pass them in.",
        )
    from newsprism.cluster import load_members, load_stories

    conn = sqlite3.connect(f"file:{Path(store.path).resolve()}?mode=ro", uri=True)
    try:
        has = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_members'"
        ).fetchone()
        if has is None:
            raise UsageError(
                "the database holds no stories yet.",
                hint="Cluster the articles into stories first.",
            )
        return {
            row.id: [a for a, duplicate in load_members(conn, row.id) if duplicate is None]
            for row in load_stories(conn)
        }
    finally:
        conn.close()
