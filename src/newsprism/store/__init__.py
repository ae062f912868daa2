"""store stage: the SQLite database (articles by version, full-text search, vectors, analyses).

>>> with Store("newsprism.db") as store:
...     result = store.add(article)          # AddResult("added" | "unchanged" | "new_version", ...)
...     hits = store.search("harbour flood")
"""

from newsprism.store.analyses import EXTRACTION_KIND, EXTRACTION_VERSION
from newsprism.store.fts import fts_query
from newsprism.store.reader import ArticleFilter, ArticleRow, Listing, Reader
from newsprism.store.schema import MIGRATIONS, SCHEMA_VERSION
from newsprism.store.sqlite import AddResult, AddStatus, SearchHit, Store
from newsprism.store.stories import MemberRecord, StoryFilter, StoryRecord, StoryRow

__all__ = [
    "EXTRACTION_KIND",
    "EXTRACTION_VERSION",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddResult",
    "AddStatus",
    "ArticleFilter",
    "ArticleRow",
    "Listing",
    "MemberRecord",
    "Reader",
    "SearchHit",
    "Store",
    "StoryFilter",
    "StoryRecord",
    "StoryRow",
    "fts_query",
]
