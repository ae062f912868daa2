"""newsprism: read many news reports of the same events and compare them claim by claim.

The public API::

    import newsprism
    articles = newsprism.read("report.html")                 # read + clean, nothing stored
    with newsprism.Store("newsprism.db") as store:
        report = newsprism.ingest(["reports/"], store, published="2020-01-02")
        for hit in store.search("floodgates"):
            print(hit.article.id, hit.snippet)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.api import IngestReport, compare, ingest, iter_read, read
from newsprism.errors import NewsprismError
from newsprism.ingest import Failed, ReadOptions
from newsprism.models import Article, Meta, Provenance, StoredArticle
from newsprism.store import Store

if TYPE_CHECKING:
    from newsprism.similarity import SimilarityResult

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Failed",
    "IngestReport",
    "Meta",
    "NewsprismError",
    "Provenance",
    "ReadOptions",
    "Store",
    "StoredArticle",
    "__version__",
    "compare",
    "ingest",
    "iter_read",
    "read",
    "similarity",
]


def similarity(
    a: Article | str,
    b: Article | str,
    *,
    published_a: str | None = None,
    published_b: str | None = None,
    fast: bool = False,
) -> SimilarityResult:
    """The seven SemEval-2022 Task 8 scores of two articles, 1 (very similar) to 4, explained.

    Loaded on first use: the similarity stage brings the multilingual model with it.
    """
    from newsprism.similarity import similarity as score

    return score(a, b, published_a=published_a, published_b=published_b, fast=fast)
