"""What one running web app holds: settings, the store, readers, stages and caches."""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from newsprism.errors import NewsprismError, NotFound, UsageError
from newsprism.ingest import ReadOptions
from newsprism.models import Article
from newsprism.store import Reader, Store
from newsprism.web.stages import LRU, Stages
from newsprism.web.stories import StoryBackend, StoryInfo

__all__ = ["Limits", "WebState", "is_loopback"]

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Size limits: a whole request body, one uploaded file, items per page."""

    max_request_bytes: int = 25_000_000
    max_upload_bytes: int = 10_000_000
    max_page: int = 200
    #: compared articles at once (each one is parsed by spaCy)
    max_compare: int = 50


def is_loopback(host: str) -> bool:
    """Whether the server address only accepts connections from this machine."""
    name = host.strip().lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class WebState:
    store: Store
    reader: Reader
    stages: Stages
    stories: StoryBackend | None
    token: str | None
    host: str
    limits: Limits
    read_options: ReadOptions
    embed_on_ingest: bool = False
    extractions: LRU = field(default_factory=lambda: LRU(512))
    comparisons: LRU = field(default_factory=lambda: LRU(128))
    #: bumped on every write, so cached story pages never outlive a merge or split
    generation: int = 0
    _gen_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(
        cls,
        store_path: str,
        *,
        token: str | None,
        host: str,
        allow_private: bool,
        limits: Limits,
        stages: Stages,
        read_options: ReadOptions | None,
        embed_on_ingest: bool,
    ) -> WebState:
        if not is_loopback(host) and not token:
            raise UsageError(
                f"listening on {host} lets other machines connect, so writes need a token.",
                hint="Pass --token (or set NEWSPRISM_TOKEN), or listen on 127.0.0.1.",
            )
        store = Store(store_path)
        base = read_options or ReadOptions()
        options = replace(
            base,
            allow_private=allow_private,
            max_bytes=min(base.max_bytes, limits.max_upload_bytes),
        )
        stories = stages.stories(store_path) if stages.stories else None
        return cls(
            store=store,
            reader=Reader(store_path),
            stages=stages,
            stories=stories,
            token=token,
            host=host,
            limits=limits,
            read_options=options,
            embed_on_ingest=embed_on_ingest,
        )

    @property
    def writes_need_token(self) -> bool:
        return bool(self.token)

    def bump(self) -> None:
        with self._gen_lock:
            self.generation += 1

    def close(self) -> None:
        self.reader.close()
        self.store.close()

    # --- stages, cached -------------------------------------------------------------------

    def extraction(self, article: Article) -> dict[str, Any]:
        extract = self.stages.need_extract()
        run = (lambda: self._stored_extraction(article)) if self.stages.stored else None
        return dict(self.extractions.get(("x", article.id), run or (lambda: extract(article))))

    def _stored_extraction(self, article: Article) -> dict[str, Any]:
        """The store's extraction of a stored article when current, else computed and kept."""
        from newsprism.api import EXTRACTION_KIND, EXTRACTION_VERSION

        cached = self.store.get_analysis(article.id, EXTRACTION_KIND)
        if cached is not None and cached.get("_version") == EXTRACTION_VERSION:
            return dict(cached["data"])
        data = self.stages.need_extract()(article)
        # an article that is not stored (a pasted text): its extraction is not kept
        with contextlib.suppress(NewsprismError):
            self.store.put_analysis(
                article.id,
                EXTRACTION_KIND,
                {"_version": EXTRACTION_VERSION, "data": data},
                version=EXTRACTION_VERSION,
            )
        return data

    def comparison(self, articles: Sequence[Article]) -> Any:
        """The Comparison of these articles (cached by their ids, which hash their text)."""
        compare = self.stages.need_compare()
        key = ("c", *(a.id for a in articles))

        def run() -> Any:
            extractions = [self.extraction(a) for a in articles]
            if self.stages.stored:
                from newsprism.web.stages import stored_compare

                return stored_compare(list(articles), extractions, self.store)
            return compare(list(articles), extractions)

        return self.comparisons.get(key, run)

    def story_html(self, articles: Sequence[Article]) -> str | None:
        """The report stage's self-contained page for these articles, None without it."""
        render = self.stages.render
        if render is None or self.stages.compare is None:
            return None
        key = ("h", *(a.id for a in articles))
        return str(self.comparisons.get(key, lambda: render(self.comparison(articles))))

    def story(self, story_id: str) -> StoryInfo:
        if self.stories is None:
            raise NotFound(
                f"no story {story_id!r}: this newsprism has no story clustering yet.",
                hint="Compare articles instead: pick them on the articles page.",
            )
        return self.stories.get(story_id)

    def story_articles(self, info: StoryInfo) -> list[Article]:
        return [self.store.get(aid).article for aid in info.article_ids]

    def story_sources(self, info: StoryInfo) -> list[Article]:
        """The articles a story's comparison takes (picked by ``stories.pick_sources``)."""
        return [self.store.get(aid).article for aid in info.source_ids or info.article_ids]


def etag(*parts: str) -> str:
    return '"' + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32] + '"'
