"""Compare every story with two or more sources, in parallel, and keep the results in the store.

Workers run ``compare_articles`` (extraction when the store has none, embeddings, alignment,
contradictions) and return the JSON report; the writer stores it as the analysis kind
``"comparison"`` of the story's first article, with the story id and the articles compared.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsprism.errors import UsageError
from newsprism.models import Article, StoredArticle
from newsprism.scale.cluster_client import connect
from newsprism.store import Store
from newsprism.stories import MAX_SOURCES, pick_sources

__all__ = ["COMPARISON_KIND", "COMPARISON_VERSION", "compare_all", "compare_story"]

COMPARISON_KIND = "comparison"
COMPARISON_VERSION = "1"
#: Sources compared per story at most (the rule is ``stories.pick_sources``).
MAX_ARTICLES = MAX_SOURCES


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
    store's stories. Each story's sources are picked by ``stories.pick_sources`` (copies left
    out, one article per source, at most ``max_articles``), as the CLI and the web pick them.
    Returns counts, the stories compared and the ones that failed (with why).
    """
    started = time.perf_counter()
    members_of: dict[str, list[tuple[StoredArticle, str | None]]] = (
        {sid: [(a, None) for a in store.get_many(ids)] for sid, ids in stories.items()}
        if stories is not None
        else _stored_stories(store)
    )
    chosen: dict[str, list[Article]] = {}
    skipped = 0
    for story_id, members in members_of.items():
        picked = pick_sources(members, limit=max_articles)
        if len(picked) >= min_sources:
            chosen[story_id] = [a.article for a in picked]
        else:
            skipped += 1
    summary: dict[str, Any] = {
        "stories": len(members_of),
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
        extractions = [store.get_extraction(a.id) for a in articles]
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


def _stored_stories(store: Store) -> dict[str, list[tuple[StoredArticle, str | None]]]:
    if store.path == ":memory:" or not Path(store.path).exists():
        raise UsageError(
            "compare-all reads the stories of a database file.",
            hint="Cluster the stories first (they are kept in --db), or pass them in.",
        )
    from newsprism import stories

    return stories.members_of(store, [row.id for row in stories.list_stories(store, limit=None)])
