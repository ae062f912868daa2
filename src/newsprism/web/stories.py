"""Stories for the web app, from the cluster stage when this build has it."""

from __future__ import annotations

from newsprism.web.stages import StoryBackend

__all__ = ["cluster_backend"]


def cluster_backend(store_path: str) -> StoryBackend | None:
    """The cluster stage's stories over the database at ``store_path``; None without it."""
    return None
