"""newsprism: read many news reports of the same events and compare them claim by claim.

The public API::

    import newsprism
    articles = newsprism.read("report.html")                 # read + clean, nothing stored
    with newsprism.Store("newsprism.db") as store:
        report = newsprism.ingest(["reports/"], store, published="2020-01-02")
        for hit in store.search("floodgates"):
            print(hit.article.id, hit.snippet)
"""

from newsprism.api import IngestReport, ingest, iter_read, read
from newsprism.errors import NewsprismError
from newsprism.ingest import Failed, ReadOptions
from newsprism.models import Article, Meta, Provenance, StoredArticle
from newsprism.store import Store

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
    "ingest",
    "iter_read",
    "read",
]
