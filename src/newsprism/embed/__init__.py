"""embed stage: sentence and document embeddings, cached by text hash.

>>> from newsprism.embed import get_embedder, embed_articles
>>> vectors = embed_articles(articles, get_embedder())        # (n, 384), unit rows
"""

from newsprism.embed.base import Embedder, l2_normalize
from newsprism.embed.cache import CachedEmbedder, EmbeddingCache, MemoryCache, text_hash
from newsprism.embed.documents import (
    DOC_MAX_WORDS,
    document_text,
    embed_articles,
    embed_sentences,
)
from newsprism.embed.e5 import E5_MODEL_SHA256, E5Embedder
from newsprism.embed.minilm import MINILM_MODEL_SHA256, MINILM_TOKENIZER_SHA256, MiniLMEmbedder
from newsprism.embed.registry import (
    DEFAULT_EMBEDDER,
    PLACING_EMBEDDER,
    available_embedders,
    get_embedder,
)
from newsprism.embed.static import PLACING_SHA256, StaticEmbedder

__all__ = [
    "DEFAULT_EMBEDDER",
    "DOC_MAX_WORDS",
    "E5_MODEL_SHA256",
    "MINILM_MODEL_SHA256",
    "MINILM_TOKENIZER_SHA256",
    "PLACING_EMBEDDER",
    "PLACING_SHA256",
    "CachedEmbedder",
    "E5Embedder",
    "Embedder",
    "EmbeddingCache",
    "MemoryCache",
    "MiniLMEmbedder",
    "StaticEmbedder",
    "available_embedders",
    "document_text",
    "embed_articles",
    "embed_sentences",
    "get_embedder",
    "l2_normalize",
    "text_hash",
]
