"""Fixtures for the embed tests: a fast fake embedder and fictional articles."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from newsprism.models import Article, InputKind, Meta, Provenance, article_id, content_hash


class FakeEmbedder:
    """Deterministic pseudo-random unit vectors per text; records every text it embeds."""

    model_id = "fake-8"
    dim = 8
    max_tokens = 64

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        rows = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "little")
            v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32).reshape(len(texts), self.dim)


def make_article(title: str, body: str, *, outlet: str = "Harbour Gazette") -> Article:
    meta = {"outlet": Meta(outlet, Provenance.USER)}
    chash = content_hash(title, body)
    identity = "title:" + outlet.casefold() + "|" + title.casefold()
    return Article(
        id=article_id(identity, chash),
        title=title,
        body=body,
        metadata=meta,
        location="fixture",
        kind=InputKind.TEXT,
        identity=identity,
        content_hash=chash,
    )


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()
