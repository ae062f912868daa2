"""The pipeline stages the web app calls, injectable, with caches in front of the slow ones.

Each stage is a plain function. ``Stages.default()`` wires newsprism's own (imported lazily,
so the app starts without loading spaCy); tests pass fakes. Results are cached by article id:
ids are content hashes, so an id's extraction never changes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.errors import StageUnavailable
from newsprism.models import Article
from newsprism.web.stories import StoryBackend, cluster_backend

__all__ = ["LRU", "Stages"]

#: Article -> Extraction.to_dict()
ExtractFn = Callable[[Article], dict[str, Any]]
#: articles and their extractions (as ExtractFn gives them) -> a Comparison (has ``to_dict()``)
CompareFn = Callable[[Sequence[Article], Sequence[dict[str, Any]]], Any]
#: Comparison -> one self-contained HTML page
RenderFn = Callable[[Any], str]


@dataclass(frozen=True)
class Stages:
    """The stage functions; None means the stage is not available in this build."""

    extract: ExtractFn | None = None
    compare: CompareFn | None = None
    render: RenderFn | None = None
    #: store path -> StoryBackend
    stories: Callable[[str], StoryBackend | None] | None = None
    #: the stages are newsprism's own: extractions are read from (and kept in) the store, and
    #: the comparison's MiniLM vectors are cached there (what ``newsprism analyze`` prepared)
    stored: bool = False

    @classmethod
    def default(cls) -> Stages:
        return cls(
            stored=True,
            extract=_default_extract,
            compare=_default_compare
            if _optional("newsprism.compare", "compare_articles")
            else None,
            render=_optional("newsprism.report", "render_html"),
            stories=cluster_backend,
        )

    def need_extract(self) -> ExtractFn:
        if self.extract is None:
            raise StageUnavailable("the extract stage is not available")
        return self.extract

    def need_compare(self) -> CompareFn:
        if self.compare is None:
            raise StageUnavailable("the compare stage is not available in this newsprism")
        return self.compare


def _default_extract(article: Article) -> dict[str, Any]:
    from newsprism.extract import extract

    return extract(article).to_dict()


def _default_compare(articles: Sequence[Article], extractions: Sequence[dict[str, Any]]) -> Any:
    from newsprism.compare import compare_articles
    from newsprism.extract import Extraction

    return compare_articles(articles, extractions=[Extraction.from_dict(x) for x in extractions])


def stored_compare(
    articles: Sequence[Article], extractions: Sequence[dict[str, Any]], cache: Any
) -> Any:
    """The default compare stage with its embedding vectors cached in ``cache`` (the store)."""
    from newsprism.compare import compare_articles
    from newsprism.embed import CachedEmbedder, get_embedder
    from newsprism.extract import Extraction

    return compare_articles(
        articles,
        embedder=CachedEmbedder(get_embedder(), cache),
        extractions=[Extraction.from_dict(x) for x in extractions],
    )


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    import importlib

    try:
        fn = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    return fn if callable(fn) else None


class LRU:
    """A small thread-safe least-recently-used cache that computes each missing key once."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._compute = threading.RLock()  # a value may be made of other cached values

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        # one computation at a time: the stages are CPU-bound and spaCy is not thread-safe
        with self._compute:
            with self._lock:
                if key in self._items:
                    return self._items[key]
            value = make()
            with self._lock:
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
