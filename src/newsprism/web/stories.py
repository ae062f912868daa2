"""Stories for the web app: what it needs of them (``StoryInfo``, ``StoryBackend``) and the
backend over the store (``newsprism.stories``' tables); stages.py wires it in, tests pass fakes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from newsprism.errors import NewsprismError, NotFound
from newsprism.store import ArticleFilter, Store, StoryFilter, StoryRow

__all__ = ["StoreStories", "StoryBackend", "StoryInfo", "cluster_backend", "find_stories"]


@dataclass(frozen=True)
class StoryInfo:
    """A story as the web app shows it in lists: its id, a title and its articles."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    first_published: str | None = None
    last_published: str | None = None
    #: the articles its comparison takes (``stories.pick_sources``); empty means all of them
    source_ids: tuple[str, ...] = ()


class StoryBackend(Protocol):
    """What the web app needs from story clustering (the cluster stage)."""

    def find(
        self, *, q: str, outlet: str, since: str, until: str, entity: str, limit: int, offset: int
    ) -> tuple[list[StoryInfo], int]: ...

    def get(self, story_id: str) -> StoryInfo: ...

    def merge(self, story_ids: Sequence[str]) -> StoryInfo: ...

    def split(self, story_id: str, article_ids: Sequence[str]) -> list[StoryInfo]: ...


def cluster_backend(store_path: str) -> StoryBackend | None:
    """The stories kept in the database at ``store_path``."""
    return StoreStories(store_path)


def find_stories(
    backend: StoryBackend, flt: ArticleFilter, *, limit: int, offset: int
) -> tuple[list[StoryInfo], int]:
    """The stories that pass the filter (one page of them) and how many pass in all."""
    return backend.find(
        q=flt.q,
        outlet=flt.outlet,
        since=flt.since,
        until=flt.until,
        entity=flt.entity,
        limit=limit,
        offset=offset,
    )


class StoreStories:
    """StoryBackend over the store's story tables; each call opens the database briefly."""

    def __init__(self, store_path: str) -> None:
        self.store_path = store_path

    def find(
        self, *, q: str, outlet: str, since: str, until: str, entity: str, limit: int, offset: int
    ) -> tuple[list[StoryInfo], int]:
        """A page of the stories that pass, filtered and paginated in SQL, and their total."""
        where = StoryFilter(text=q, entity=entity, outlet=outlet, since=since, until=until)
        with Store(self.store_path) as store:
            rows, total = store.find_stories(where, limit=limit, offset=offset)
            return _infos(store, rows), total

    def get(self, story_id: str) -> StoryInfo:
        from newsprism import stories

        with Store(self.store_path) as store:
            try:
                sid = stories.resolve_story(store, story_id)
            except NewsprismError as exc:
                raise NotFound(f"no story {story_id!r}") from exc
            row = store.story(sid)
            if row is None:
                raise NotFound(f"no story {story_id!r}")
            return _infos(store, [row])[0]

    def merge(self, story_ids: Sequence[str]) -> StoryInfo:
        from newsprism import stories

        if len(story_ids) < 2:
            raise NotFound("a merge needs two or more story ids")
        with Store(self.store_path) as store:
            keep = story_ids[0]
            for other in story_ids[1:]:
                keep = stories.merge_stories(store, keep, other)
        return self.get(keep)

    def split(self, story_id: str, article_ids: Sequence[str]) -> list[StoryInfo]:
        from newsprism import stories

        with Store(self.store_path) as store:
            parts = stories.split_story(store, story_id, article_ids)
        return [self.get(s) for s in parts]


def _infos(store: Store, rows: Sequence[StoryRow]) -> list[StoryInfo]:
    """StoryInfo of stored stories, their members read in a few queries for all of them."""
    from newsprism import stories

    members = stories.members_of(store, [r.id for r in rows])
    infos = []
    for row in rows:
        found = members[row.id]
        infos.append(
            StoryInfo(
                id=row.id,
                title=row.title,
                article_ids=tuple(a.id for a, _ in found),
                outlets=tuple(sorted({a.outlet for a, _ in found if a.outlet})),
                first_published=row.first_published,
                last_published=row.last_published,
                source_ids=tuple(a.id for a in stories.pick_sources(found)),
            )
        )
    return infos
