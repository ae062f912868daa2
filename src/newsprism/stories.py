"""Stories over the store: the online clusterer kept in step with what was ingested.

The cluster stage is pure (``newsprism.cluster``); this module is its edge: it loads the saved
clusterer, places every stored article that has no story yet (in publication order), writes the
stories back, and applies a person's merge and split decisions so they hold through later ingests.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsprism.cluster import (
    Assignment,
    ClusterSettings,
    OnlineClusterer,
    StoryRow,
    cluster_features,
    load_members,
    load_stories,
    record_decision,
    save_stories,
)
from newsprism.cluster.state import dump_state, load_state
from newsprism.embed.registry import PLACING_EMBEDDER
from newsprism.errors import StoreError, UsageError
from newsprism.models import StoredArticle
from newsprism.store import Store

ProgressFn = Callable[[int, str], None]


@dataclass
class StoriesReport:
    """What one update did: articles placed, stories founded, copies linked."""

    placed: int = 0
    new_stories: list[str] = field(default_factory=list)
    duplicates: int = 0
    touched: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "placed": self.placed,
            "new_stories": len(self.new_stories),
            "duplicates": self.duplicates,
            "touched_stories": len(self.touched),
        }


def update_stories(
    store: Store,
    *,
    embedder_name: str = PLACING_EMBEDDER,
    batch_size: int = 256,
    progress: ProgressFn | None = None,
) -> StoriesReport:
    """Place every current article without a story. Safe to run any time, and to run again.

    Articles are placed by ``embedder_name``'s vector of their title and lead, beside the
    clusterer's term features: by default the static placing model (``embed.static``).
    """
    from newsprism.embed import get_embedder

    embedder = get_embedder(embedder_name)
    model = embedder.model_id
    clusterer = load_clusterer(store, model=model, dim=embedder.dim)
    waiting = _unplaced(store, clusterer)
    report = StoriesReport()
    for start in range(0, len(waiting), batch_size):
        chunk = waiting[start : start + batch_size]
        assignments = _place(store, clusterer, chunk, embedder_name=embedder_name)
        _save(store, clusterer, chunk, assignments, model=model)
        report.placed += len(assignments)
        report.new_stories += [a.story_id for a in assignments if a.is_new_story]
        report.duplicates += sum(1 for a in assignments if a.duplicate_of)
        touched = {a.story_id for a in assignments} | {s for a in assignments for s in a.reshaped}
        report.touched += sorted(touched - set(report.touched))
        if progress:
            progress(len(chunk), "stories")
    return report


def load_clusterer(store: Store, *, model: str, dim: int | None = None) -> OnlineClusterer:
    """The saved clusterer, or a new one (a model change starts the stories afresh)."""
    row = store.connection.execute("SELECT model, data FROM cluster_state WHERE id = 1").fetchone()
    if row is None or row[0] != model:
        if dim is None:
            from newsprism.embed import get_embedder

            dim = get_embedder(model).dim
        return OnlineClusterer(settings=ClusterSettings.for_model(model), dim=dim)
    return OnlineClusterer.from_state(load_state(row[1]))


def _unplaced(store: Store, clusterer: OnlineClusterer) -> list[StoredArticle]:
    """Current articles the clusterer has not seen, oldest publication first (undated last).

    Asks SQLite for articles without a story row, so the cost follows what is new, not the
    size of the store; a fresh clusterer (first run, or a new embedding model) takes them all.
    """
    sql = "SELECT id FROM articles WHERE superseded_by IS NULL"
    if len(clusterer):
        sql += " AND id NOT IN (SELECT article_id FROM story_members)"
    ids = [row[0] for row in store.connection.execute(sql + " ORDER BY rowid")]
    found = store.get_many([i for i in ids if i not in clusterer])
    return sorted(found, key=lambda a: arrival_key(a.published))


def arrival_key(published: str | None) -> tuple[bool, str]:
    """Sort key of the order stories are clustered in: oldest publication day first, undated last.

    Sort with it stably over the store's rowid order, so that among equal days the store's own
    (ingest) order stands. ``newsprism.scale`` orders its partitioned runs with it too.
    """
    return (published is None, (published or "")[:10])


def _place(
    store: Store,
    clusterer: OnlineClusterer,
    articles: Sequence[StoredArticle],
    *,
    embedder_name: str,
) -> list[Assignment]:
    from newsprism.api import embed_and_store
    from newsprism.embed import get_embedder

    model = get_embedder(embedder_name).model_id
    ids = [a.id for a in articles]
    have, _ = store.article_vectors(model, ids)
    missing = [a.article for a in articles if a.id not in set(have)]
    if missing:
        embed_and_store(missing, store, embedder_name=embedder_name)
    found, matrix = store.article_vectors(model, ids)
    row = {aid: i for i, aid in enumerate(found)}
    return [
        clusterer.add(
            a.id,
            matrix[row[a.id]],
            cluster_features(a.body, title=a.title),
            published=(a.published or "")[:10] or None,
        )
        for a in articles
    ]


def _save(
    store: Store,
    clusterer: OnlineClusterer,
    articles: Sequence[StoredArticle],
    assignments: Sequence[Assignment],
    *,
    model: str,
) -> None:
    # A story is titled after the article that founded it.
    titles = {
        a.story_id: art.title
        for a, art in zip(assignments, articles, strict=True)
        if a.is_new_story
    }
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    conn = store.connection
    try:
        # An automatic split may have moved articles placed earlier: save those stories too.
        touched = {a.story_id for a in assignments} | {s for a in assignments for s in a.reshaped}
        save_stories(
            conn,
            clusterer,
            touched,
            titles=titles,
            assignments=assignments,
            now=now,
        )
        _save_state(conn, clusterer, model=model, now=now)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot save stories: {exc}") from exc


def _save_state(
    conn: sqlite3.Connection, clusterer: OnlineClusterer, *, model: str, now: str
) -> None:
    with conn:
        conn.execute(
            "INSERT INTO cluster_state (id, model, articles, data, updated_at) VALUES (1,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET model = excluded.model, articles = excluded.articles, "
            "data = excluded.data, updated_at = excluded.updated_at",
            (model, len(clusterer), dump_state(clusterer.to_state()), now),
        )


# --- reading stories ------------------------------------------------------------------------


def list_stories(store: Store, *, limit: int = 50, offset: int = 0) -> list[StoryRow]:
    rows = load_stories(store.connection)
    return rows[offset : offset + limit]


def story_members(store: Store, story_id: str) -> list[tuple[StoredArticle, str | None]]:
    """A story's articles (and the original each copies, if any), in arrival order."""
    resolved = resolve_story(store, story_id)
    return [(store.get(aid), dup) for aid, dup in load_members(store.connection, resolved)]


def resolve_story(store: Store, story_id: str) -> str:
    """A story id or unique prefix -> the current story id (following merges)."""
    rows = store.connection.execute(
        "SELECT id FROM stories WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 3",
        (story_id, story_id.replace("_", "\\_").replace("%", "\\%") + "%"),
    ).fetchall()
    exact = [r[0] for r in rows if r[0] == story_id]
    if not rows:
        raise UsageError(f"no story {story_id!r}.", hint="List them with `newsprism stories`.")
    if not exact and len(rows) > 1:
        raise UsageError(f"{story_id!r} names more than one story.", hint="Give more of the id.")
    current = exact[0] if exact else rows[0][0]
    while True:
        row = store.connection.execute(
            "SELECT merged_into FROM stories WHERE id = ?", (current,)
        ).fetchone()
        if row is None or row[0] is None:
            return str(current)
        current = row[0]


def distinct_sources(members: Sequence[tuple[StoredArticle, str | None]]) -> list[StoredArticle]:
    """One article per outlet (syndicated copies and repeats of an outlet count once)."""
    chosen: dict[str, StoredArticle] = {}
    for article, duplicate_of in members:
        if duplicate_of:
            continue
        key = (article.outlet or article.id).casefold()
        chosen.setdefault(key, article)
    return list(chosen.values())


# --- a person's decisions ---------------------------------------------------------------------


def merge_stories(store: Store, keep: str, other: str, *, model: str | None = None) -> str:
    """Merge ``other`` into ``keep``; the decision holds through later ingests."""
    from newsprism.embed import get_embedder

    model = model or get_embedder(PLACING_EMBEDDER).model_id
    keep, other = resolve_story(store, keep), resolve_story(store, other)
    if keep == other:
        raise UsageError("both ids name the same story.")
    clusterer = load_clusterer(store, model=model)
    decision = clusterer.merge(keep, other, made_at=_now())
    _persist_decision(store, clusterer, decision, [keep, other], model=model)
    return clusterer.resolve(keep)


def split_story(
    store: Store, story_id: str, article_ids: Sequence[str], *, model: str | None = None
) -> list[str]:
    """Move ``article_ids`` out of a story into a story of their own; returns both story ids."""
    from newsprism.embed import get_embedder

    model = model or get_embedder(PLACING_EMBEDDER).model_id
    story = resolve_story(store, story_id)
    clusterer = load_clusterer(store, model=model)
    full = [store.get(a).id for a in article_ids]
    new_id, decision = clusterer.split(story, full, made_at=_now())
    touched = [clusterer.resolve(story), new_id]
    titles = {new_id: store.get(clusterer.story(new_id).founder).title}
    _persist_decision(store, clusterer, decision, touched, model=model, titles=titles)
    return touched


def _persist_decision(
    store: Store,
    clusterer: OnlineClusterer,
    decision: Any,
    touched: list[str],
    *,
    model: str,
    titles: dict[str, str] | None = None,
) -> None:
    now = _now()
    conn = store.connection
    record_decision(conn, decision)
    save_stories(conn, clusterer, touched, titles=titles, now=now)
    _save_state(conn, clusterer, model=model, now=now)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
