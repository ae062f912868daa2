"""Stories for the web app, from the cluster stage (``newsprism.stories`` over the store)."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.errors import NewsprismError, NotFound
from newsprism.store import Store
from newsprism.web.stages import StoryBackend, StoryInfo

__all__ = ["StoreStories", "cluster_backend"]


def cluster_backend(store_path: str) -> StoryBackend | None:
    """The stories kept in the database at ``store_path``."""
    return StoreStories(store_path)


class StoreStories:
    """StoryBackend over the store's story tables; each call opens the database briefly."""

    def __init__(self, store_path: str) -> None:
        self.store_path = store_path

    def find(
        self, *, q: str, outlet: str, since: str, until: str, entity: str, limit: int, offset: int
    ) -> tuple[list[StoryInfo], int]:
        from newsprism import stories

        with Store(self.store_path) as store:
            infos = [self._info(store, row.id) for row in stories.list_stories(store, limit=10**9)]
            wanted = self._text_hits(store, q) if q else None
            named = self._text_hits(store, entity) if entity else None
        found = [
            s
            for s in infos
            if (wanted is None or q.casefold() in s.title.casefold() or wanted & set(s.article_ids))
            and (named is None or named & set(s.article_ids))
            and (not outlet or outlet.casefold() in {o.casefold() for o in s.outlets})
            and (not since or (s.last_published or "")[:10] >= since[:10])
            and (not until or (s.first_published or "9999")[:10] <= until[:10])
        ]
        return found[offset : offset + limit], len(found)

    def get(self, story_id: str) -> StoryInfo:
        with Store(self.store_path) as store:
            return self._info(store, story_id)

    def merge(self, story_ids: Sequence[str]) -> StoryInfo:
        from newsprism import stories

        if len(story_ids) < 2:
            raise NotFound("a merge needs two or more story ids")
        with Store(self.store_path) as store:
            keep = story_ids[0]
            for other in story_ids[1:]:
                keep = stories.merge_stories(store, keep, other)
            return self._info(store, keep)

    def split(self, story_id: str, article_ids: Sequence[str]) -> list[StoryInfo]:
        from newsprism import stories

        with Store(self.store_path) as store:
            return [self._info(store, s) for s in stories.split_story(store, story_id, article_ids)]

    @staticmethod
    def _info(store: Store, story_id: str) -> StoryInfo:
        from newsprism import stories

        try:
            sid = stories.resolve_story(store, story_id)
        except NewsprismError as exc:
            raise NotFound(f"no story {story_id!r}") from exc
        members = stories.story_members(store, sid)
        sources = stories.pick_sources(members)
        row = store.connection.execute(
            "SELECT title, first_published, last_published FROM stories WHERE id = ?", (sid,)
        ).fetchone()
        return StoryInfo(
            id=sid,
            title=row[0] if row else "",
            article_ids=tuple(a.id for a, _ in members),
            outlets=tuple(sorted({a.outlet for a, _ in members if a.outlet})),
            source_ids=tuple(a.id for a in sources),
            first_published=row[1] if row else None,
            last_published=row[2] if row else None,
        )

    @staticmethod
    def _text_hits(store: Store, query: str) -> set[str]:
        return {h.article.id for h in store.search(query, limit=1000)}
