"""Embedders by name, one instance per process (models are large; load them once)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from newsprism.embed.base import Embedder
from newsprism.embed.e5 import E5Embedder
from newsprism.embed.minilm import MiniLMEmbedder
from newsprism.embed.static import StaticEmbedder
from newsprism.errors import UsageError

__all__ = [
    "DEFAULT_EMBEDDER",
    "PLACING_EMBEDDER",
    "available_embedders",
    "get_embedder",
    "set_embedder",
]

DEFAULT_EMBEDDER = "minilm"
#: the near-free vector that places an article in its story at ingest (``embed.static``)
PLACING_EMBEDDER = "placing"

_FACTORIES: dict[str, Callable[[], Embedder]] = {
    "minilm": MiniLMEmbedder,
    "e5": E5Embedder,
    "placing": StaticEmbedder,
}
_ALIASES = {
    "minilm": "minilm",
    "all-minilm-l6-v2": "minilm",
    MiniLMEmbedder.model_id.lower(): "minilm",
    "e5": "e5",
    "multilingual": "e5",
    "multilingual-e5-small": "e5",
    E5Embedder.model_id.lower(): "e5",
    "placing": "placing",
    "static": "placing",
    StaticEmbedder.model_id.lower(): "placing",
}
_instances: dict[str, Embedder] = {}
_lock = threading.Lock()


def available_embedders() -> dict[str, str]:
    """Names ``get_embedder`` accepts, mapped to the model id each gives."""
    ids = {
        "minilm": MiniLMEmbedder.model_id,
        "e5": E5Embedder.model_id,
        "placing": StaticEmbedder.model_id,
    }
    return {alias: ids[name] for alias, name in _ALIASES.items()}


def get_embedder(name: str = DEFAULT_EMBEDDER) -> Embedder:
    """The process-wide embedder called ``name`` ("minilm", the default, or "e5"/"multilingual")."""
    key = _ALIASES.get(name.strip().lower())
    if key is None:
        raise UsageError(
            f"unknown embedding model {name!r}.",
            hint="Choose one of: minilm (default, English), e5 or multilingual (many languages), "
            "placing (the static model that places articles in stories).",
        )
    with _lock:
        if key not in _instances:
            _instances[key] = _FACTORIES[key]()
        return _instances[key]


def set_embedder(name: str, embedder: Embedder) -> None:
    """Make ``embedder`` the process-wide instance of ``name`` (a worker process that wants
    MiniLM on one thread, a test that wants a fake)."""
    key = _ALIASES.get(name.strip().lower())
    if key is None:
        raise UsageError(f"unknown embedding model {name!r}.")
    with _lock:
        _instances[key] = embedder
