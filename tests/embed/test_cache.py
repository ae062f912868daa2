"""The text-hash cache: nothing is embedded twice."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest

from newsprism.embed import CachedEmbedder, Embedder, EmbeddingCache, MemoryCache, text_hash

from .conftest import FakeEmbedder


def test_text_hash_is_sha256_of_nfc() -> None:
    composed = "Café"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert text_hash(composed) == text_hash(decomposed)
    assert len(text_hash("x")) == 64 and text_hash("x") != text_hash("y")


def test_protocols_are_met(fake_embedder: FakeEmbedder) -> None:
    cache = MemoryCache()
    assert isinstance(cache, EmbeddingCache)
    assert isinstance(fake_embedder, Embedder)
    assert isinstance(CachedEmbedder(fake_embedder, cache), Embedder)


def test_hits_and_misses(fake_embedder: FakeEmbedder) -> None:
    cached = CachedEmbedder(fake_embedder, MemoryCache())
    first = cached.encode(["alpha", "beta", "alpha"])
    assert (cached.misses, cached.hits) == (2, 1)  # the repeat within the batch is a hit
    assert fake_embedder.seen == ["alpha", "beta"]
    second = cached.encode(["beta", "gamma", "alpha"])
    assert (cached.misses, cached.hits) == (3, 3)
    assert fake_embedder.seen == ["alpha", "beta", "gamma"]  # each text embedded once, ever
    np.testing.assert_array_equal(first[0], first[2])
    np.testing.assert_array_equal(second[2], first[0])
    np.testing.assert_array_equal(second[0], first[1])
    cached.reset_stats()
    cached.encode(["alpha"])
    assert (cached.misses, cached.hits) == (0, 1)


def test_results_match_the_uncached_embedder(fake_embedder: FakeEmbedder) -> None:
    texts = ["one", "two", "one", "three", ""]
    cached = CachedEmbedder(FakeEmbedder(), MemoryCache())
    cached.encode(["two"])
    np.testing.assert_array_equal(cached.encode(texts), fake_embedder.encode(texts))


def test_empty_input(fake_embedder: FakeEmbedder) -> None:
    cached = CachedEmbedder(fake_embedder, MemoryCache())
    out = cached.encode([])
    assert out.shape == (0, 8) and out.dtype == np.float32
    assert fake_embedder.seen == []


def test_cache_is_per_model(fake_embedder: FakeEmbedder) -> None:
    cache = MemoryCache()
    CachedEmbedder(fake_embedder, cache).encode(["same text"])

    class Other(FakeEmbedder):
        model_id = "other-8"

    other = Other()
    CachedEmbedder(other, cache).encode(["same text"])
    assert other.seen == ["same text"]
    assert len(cache) == 2


@pytest.mark.slow
def test_with_the_real_model() -> None:
    from newsprism.embed import get_embedder

    cached = CachedEmbedder(get_embedder("minilm"), MemoryCache())
    a = cached.encode(["The bridge reopened on Friday.", "The bridge reopened on Friday."])
    b = cached.encode(["The bridge reopened on Friday."])
    assert (cached.misses, cached.hits) == (1, 2)
    np.testing.assert_array_equal(a[0], b[0])


def test_a_cached_embedder_on_one_thread_keeps_its_cache(fake_embedder: FakeEmbedder) -> None:
    from newsprism.embed import MiniLMEmbedder

    model = MiniLMEmbedder(threads=2)
    cache = MemoryCache()
    one = CachedEmbedder(model, cache).with_threads(1)
    assert one.cache is cache and isinstance(one.embedder, MiniLMEmbedder)
    assert one.embedder.threads == 1 and one.embedder._owner is model
    plain = CachedEmbedder(fake_embedder, cache)
    assert plain.with_threads(1) is plain  # a model that cannot be asked: itself
