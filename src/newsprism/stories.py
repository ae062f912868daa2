"""Stories over the store: the online clusterer kept in step with what was ingested.

The cluster stage is pure (``newsprism.cluster``); this module is its edge: it loads the saved
clusterer, places every stored article that has no story yet (in publication order), writes the
stories back, and applies a person's merge and split decisions so they hold through later ingests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprism.cluster import (
    Assignment,
    ClusterFeatures,
    ClusterSettings,
    Decision,
    OnlineClusterer,
    cluster_features,
)
from newsprism.cluster.state import dump_state, load_state
from newsprism.embed.registry import PLACING_EMBEDDER
from newsprism.errors import UsageError
from newsprism.models import Article, StoredArticle
from newsprism.store import MemberRecord, Store, StoryRecord, StoryRow

if TYPE_CHECKING:
    from newsprism.compare import Comparison

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
    features: Mapping[str, ClusterFeatures] | None = None,
) -> StoriesReport:
    """Place every current article without a story. Safe to run any time, and to run again.

    Articles are placed by ``embedder_name``'s vector of their title and lead, beside the
    clusterer's term features: by default the static placing model (``embed.static``).
    ``features`` holds term features already computed (by ingest's cleaning processes), by
    article id; the others are computed here.
    """
    from newsprism.embed import get_embedder

    embedder = get_embedder(embedder_name)
    model = embedder.model_id
    clusterer = load_clusterer(store, model=model, dim=embedder.dim)
    waiting = _unplaced(store, clusterer)
    report = StoriesReport()
    for start in range(0, len(waiting), batch_size):
        chunk = waiting[start : start + batch_size]
        assignments = _place(
            store, clusterer, chunk, embedder_name=embedder_name, features=features or {}
        )
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
    row = store.cluster_state()
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
    ids = store.current_ids(unplaced=bool(len(clusterer)))
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
    features: Mapping[str, ClusterFeatures],
) -> list[Assignment]:
    from newsprism.analyses import embed_and_store
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
            features.get(a.id) or cluster_features(a.body, title=a.title),
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
    # An automatic split may have moved articles placed earlier: save those stories too.
    touched = {a.story_id for a in assignments} | {s for a in assignments for s in a.reshaped}
    with store.transaction():
        save_stories(store, clusterer, touched, titles=titles, assignments=assignments, now=now)
        _save_state(store, clusterer, model=model, now=now)


def save_stories(
    store: Store,
    clusterer: OnlineClusterer,
    story_ids: Iterable[str] | None = None,
    *,
    titles: Mapping[str, str] | None = None,
    assignments: Iterable[Assignment] = (),
    now: str = "",
) -> None:
    """Write the named stories (all when None) and their members as the clusterer has them.

    ``assignments`` supply each member's score; stories merged away are kept as rows pointing to
    the story they joined, so old ids still resolve.
    """
    titles = titles or {}
    scores = {a.article_id: a.score for a in assignments}
    wanted = {clusterer.resolve(s) for s in story_ids} if story_ids is not None else None
    stories, members = [], []
    for story in clusterer.stories():
        if wanted is not None and story.id not in wanted:
            continue
        stories.append(
            StoryRecord(
                story.id,
                story.founder,
                titles.get(story.id, ""),
                story.size,
                len(story.duplicates),
                story.first,
                story.last,
            )
        )
        members += [
            MemberRecord(aid, story.id, clusterer.duplicate_of(aid), scores.get(aid))
            for aid in (*story.members, *story.duplicates)
        ]
    aliases = {old: clusterer.resolve(new) for old, new in clusterer.aliases().items()}
    store.save_stories(stories, members, aliases, now=now)


def record_decision(store: Store, decision: Decision) -> int:
    """Append a person's decision; returns its row id."""
    return store.record_decision(
        kind=decision.kind,
        story_ids=decision.story_ids,
        groups=decision.groups,
        made_at=decision.made_at,
        note=decision.note,
    )


def load_decisions(store: Store) -> list[Decision]:
    """All decisions, oldest first (feed them to ``Constraints``)."""
    return [Decision(*row) for row in store.decisions()]


def _save_state(store: Store, clusterer: OnlineClusterer, *, model: str, now: str) -> None:
    store.save_cluster_state(
        model=model, articles=len(clusterer), data=dump_state(clusterer.to_state()), now=now
    )


# --- reading stories ------------------------------------------------------------------------


def list_stories(store: Store, *, limit: int | None = 50, offset: int = 0) -> list[StoryRow]:
    """Stories, biggest first (a page of them, paginated in SQL; ``limit=None`` for all)."""
    return store.stories(limit=limit, offset=offset)


def story_summaries(store: Store, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of stories, biggest first, each with its outlets and time span, and the total."""
    rows, total = store.find_stories(limit=limit, offset=offset)
    members = members_of(store, [r.id for r in rows])
    items = [
        {
            "id": r.id,
            "title": r.title,
            "size": r.size,
            "copies": r.copies,
            "outlets": sorted({a.outlet for a, _ in members[r.id] if a.outlet}),
            "first": r.first_published,
            "last": r.last_published,
        }
        for r in rows
    ]
    return {"total": total, "offset": offset, "limit": limit, "stories": items}


def story_members(store: Store, story_id: str) -> list[tuple[StoredArticle, str | None]]:
    """A story's articles (and the original each copies, if any), in arrival order."""
    resolved = resolve_story(store, story_id)
    return members_of(store, [resolved])[resolved]


def members_of(
    store: Store, story_ids: Sequence[str]
) -> dict[str, list[tuple[StoredArticle, str | None]]]:
    """``story_members`` of many current story ids, a few queries in all."""
    found = store.members_of(story_ids)
    articles = {a.id: a for a in store.get_many([a for m in found.values() for a, _ in m])}
    return {sid: [(articles[a], dup) for a, dup in m] for sid, m in found.items()}


def resolve_story(store: Store, story_id: str) -> str:
    """A story id or unique prefix -> the current story id (following merges)."""
    rows = store.story_ids_like(story_id)
    exact = [r for r in rows if r == story_id]
    if not rows:
        raise UsageError(f"no story {story_id!r}.", hint="List them with `newsprism stories`.")
    if not exact and len(rows) > 1:
        raise UsageError(f"{story_id!r} names more than one story.", hint="Give more of the id.")
    return store.current_story(exact[0] if exact else rows[0])


#: Most sources one story's comparison takes: alignment grows with the square of the sentences,
#: and a brief of a dozen sources already says what the others would.
MAX_SOURCES = 12


def source_of(article: StoredArticle | Article) -> str:
    """Who published it: the outlet, else the URL's host, else the article itself."""
    if article.outlet:
        return article.outlet.casefold()
    url = article.url
    if url and "://" in url:
        return url.split("://", 1)[1].split("/", 1)[0].casefold()
    return article.id


def pick_sources(
    members: Sequence[tuple[StoredArticle, str | None]], *, limit: int = MAX_SOURCES
) -> list[StoredArticle]:
    """The articles a story's comparison takes: the one rule for the CLI, the web and compare-all.

    Members are in arrival order. Syndicated copies and near-duplicates (members the clusterer
    linked to an original) are left out; of each source (:func:`source_of`) the first article
    stands for it; at most ``limit`` sources, the earliest.
    """
    chosen: dict[str, StoredArticle] = {}
    for article, duplicate_of in members:
        if duplicate_of:
            continue
        chosen.setdefault(source_of(article), article)
        if len(chosen) >= limit:
            break
    return list(chosen.values())


@dataclass(frozen=True)
class StoryComparison:
    """A story, the sources picked from it and their comparison (None under two sources)."""

    id: str
    members: list[tuple[StoredArticle, str | None]]
    sources: list[StoredArticle]
    comparison: Comparison | None


def compare_story(store: Store, story_id: str, *, limit: int = MAX_SOURCES) -> StoryComparison:
    """Pick a story's sources (:func:`pick_sources`) and compare them, with stored extractions."""
    from newsprism.analyses import compare_stored

    sid = resolve_story(store, story_id)
    members = story_members(store, sid)
    sources = pick_sources(members, limit=limit)
    comparison = compare_stored(sources, store) if len(sources) >= 2 else None
    return StoryComparison(sid, members, sources, comparison)


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
    decision: Decision,
    touched: list[str],
    *,
    model: str,
    titles: dict[str, str] | None = None,
) -> None:
    now = _now()
    with store.transaction():
        record_decision(store, decision)
        save_stories(store, clusterer, touched, titles=titles, now=now)
        _save_state(store, clusterer, model=model, now=now)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
