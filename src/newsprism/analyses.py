"""Stored analyses: an article's extraction and document vector, kept in the store.

Each is read from the store when present and current, else computed by its stage and kept, so
ingest, stories, ``compare`` and ``compare-all`` share one cache. The store itself only keeps
the data (``Store.get_extraction`` / ``put_extraction``, vectors by text hash); computing them
is this module's job, so the store never imports a stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.models import Article, StoredArticle
from newsprism.store import Store

if TYPE_CHECKING:
    from newsprism.compare import Comparison, Timings
    from newsprism.extract import Extraction

__all__ = ["compare_stored", "embed_and_store", "extract_and_store", "extraction_of"]


def extraction_of(stored: StoredArticle, store: Store) -> Extraction:
    """The article's extraction: from the store when present and current, else computed and kept."""
    from newsprism.extract import Extraction, extract

    cached = store.get_extraction(stored.id)
    if cached is not None:
        return Extraction.from_dict(cached)
    ex = extract(stored.article)
    store.put_extraction(stored.id, ex.to_dict())
    return ex


def extract_and_store(articles: Sequence[Article], store: Store) -> int:
    """Extract many articles in one spaCy pass and keep the results in the store."""
    from newsprism.extract import extract_many

    for article, ex in zip(articles, extract_many(articles), strict=True):
        store.put_extraction(article.id, ex.to_dict())
    return len(articles)


def embed_and_store(articles: Sequence[Article], store: Store, *, embedder_name: str) -> int:
    """Document vectors for ``articles``, cached in the store by text hash."""
    from newsprism.embed import CachedEmbedder, document_text, get_embedder, text_hash

    embedder = CachedEmbedder(get_embedder(embedder_name), store)
    texts = [document_text(a) for a in articles]
    embedder.encode(texts)
    store.set_article_vectors(
        embedder.model_id,
        {a.id: text_hash(t) for a, t in zip(articles, texts, strict=True)},
    )
    return len(articles)


def compare_stored(
    articles: Sequence[StoredArticle], store: Store, *, timings: Timings | None = None
) -> Comparison:
    """Compare stored articles with their kept extractions and the store's cached embeddings."""
    from newsprism.compare import compare_articles
    from newsprism.embed import CachedEmbedder, get_embedder

    extractions = [extraction_of(a, store) for a in articles]
    embedder = CachedEmbedder(get_embedder(), store)
    return compare_articles(
        [a.article for a in articles], embedder=embedder, extractions=extractions, timings=timings
    )
