"""The store as an embedding cache, article vectors, and analyses of later stages."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from newsprism.embed import CachedEmbedder, EmbeddingCache, document_text, text_hash
from newsprism.errors import ArticleNotFound, StoreError
from newsprism.store import Store

from .conftest import make_article


class CountingEmbedder:
    model_id = "counting-4"
    dim = 4
    max_tokens = 32

    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        rows = [
            np.frombuffer(hashlib.sha256(t.encode()).digest()[:16], dtype=np.float32) for t in texts
        ]
        m = np.nan_to_num(np.array(rows, dtype=np.float32).reshape(len(texts), 4), nan=1.0)
        m = np.clip(m, -1e3, 1e3) + 1e-3
        return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_the_store_is_an_embedding_cache(store: Store) -> None:
    assert isinstance(store, EmbeddingCache)
    v = np.array([0.6, 0.8, 0.0], dtype=np.float32)
    store.put_vectors("m", {"h1": v})
    got = store.get_vectors("m", ["h1", "h2", "h1"])
    assert list(got) == ["h1"]
    np.testing.assert_array_equal(got["h1"], v)
    assert got["h1"].dtype == np.float32
    assert store.get_vectors("other-model", ["h1"]) == {}
    store.put_vectors(
        "m", {"h1": np.zeros(3, dtype=np.float32)}
    )  # first vector wins: never re-embedded
    np.testing.assert_array_equal(store.get_vectors("m", ["h1"])["h1"], v)


def test_many_hashes_in_one_lookup(store: Store) -> None:
    items = {f"h{i}": np.full(2, i, dtype=np.float32) for i in range(1200)}
    store.put_vectors("m", items)
    got = store.get_vectors("m", list(items))
    assert len(got) == 1200 and got["h1199"][0] == 1199


def test_cached_embedder_over_the_store_embeds_each_text_once(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    texts = ["Velmar floods.", "Bridge reopens.", "Velmar floods."]
    inner = CountingEmbedder()
    with Store(db) as store:
        cached = CachedEmbedder(inner, store)
        first = cached.encode(texts)
        assert (cached.misses, cached.hits, inner.texts) == (2, 1, 2)
    with Store(db) as store:  # another process, another day: the vectors are on disk
        cached = CachedEmbedder(inner, store)
        again = cached.encode(texts)
        assert (cached.misses, cached.hits, inner.texts) == (0, 3, 2)
    np.testing.assert_array_equal(first, again)


def test_article_vectors(store: Store) -> None:
    a = make_article("Velmar floods", "The harbour flooded.")
    b = make_article("Bridge reopens", "The bridge reopened.")
    c = make_article("Chess", "The club met.")
    store.add_many([a, b, c])
    cached = CachedEmbedder(CountingEmbedder(), store)
    texts = [document_text(x) for x in (a, b)]
    vectors = cached.encode(texts)
    store.set_article_vector(a.id, cached.model_id, text_hash(texts[0]))
    store.set_article_vectors(cached.model_id, {b.id: text_hash(texts[1])})
    ids, matrix = store.article_vectors(cached.model_id)
    assert ids == [a.id, b.id]
    np.testing.assert_array_equal(matrix, vectors)
    ids, matrix = store.article_vectors(cached.model_id, [b.id, c.id, a.id])
    assert ids == [b.id, a.id]  # c has no vector
    np.testing.assert_array_equal(matrix, vectors[[1, 0]])
    assert store.article_vectors("no-such-model") == ([], pytest.approx(np.zeros((0, 0))))


def test_superseded_articles_leave_the_default_vector_set(store: Store) -> None:
    v1 = make_article("Velmar", "The dam held.")
    v2 = make_article("Velmar", "The dam broke.")
    store.add_many([v1, v2])
    store.put_vectors("m", {"x": np.ones(2, dtype=np.float32), "y": np.zeros(2, dtype=np.float32)})
    store.set_article_vector(v1.id, "m", "x")
    store.set_article_vector(v2.id, "m", "y")
    assert store.article_vectors("m")[0] == [v2.id]
    assert store.article_vectors("m", include_superseded=True)[0] == [v1.id, v2.id]


def test_a_vector_for_an_unknown_article_is_refused(store: Store) -> None:
    store.put_vectors("m", {"x": np.ones(2, dtype=np.float32)})
    with pytest.raises(StoreError):
        store.set_article_vector("0123456789abcdef", "m", "x")
    article = make_article("Velmar", "The dam held.")
    store.add(article)
    with pytest.raises(StoreError):  # the vector itself must be cached first
        store.set_article_vector(article.id, "m", "never-put")


def test_analyses(store: Store) -> None:
    article = make_article("Velmar floods", "The harbour flooded.")
    store.add(article)
    assert store.get_analysis(article.id, "entities") is None
    store.put_analysis(article.id, "entities", {"places": ["Velmar"], "n": 1}, version="1")
    assert store.get_analysis(article.id, "entities") == {"places": ["Velmar"], "n": 1}
    store.put_analysis(article.id, "entities", {"places": []}, version="2")  # a re-run replaces
    assert store.get_analysis(article.id, "entities") == {"places": []}
    row = store._conn.execute("SELECT version FROM analyses").fetchall()
    assert row == [("2",)]
    with pytest.raises(ArticleNotFound):
        store.put_analysis("0123456789abcdef", "entities", {}, version="1")
