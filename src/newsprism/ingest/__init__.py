"""ingest stage: files, folders, URLs (guarded fetch), feeds, datasets and stdin -> RawDocument.

All reading I/O lives here; cleaning (``newsprism.clean``) is pure.
"""

from newsprism.ingest.decode import decode_bytes, looks_binary
from newsprism.ingest.fetch import FetchedPage, blocked_reason, check_url, fetch
from newsprism.ingest.options import Failed, Loaded, ReadOptions, Resolver, system_resolver
from newsprism.ingest.sources import folder_files, iter_documents

__all__ = [
    "Failed",
    "FetchedPage",
    "Loaded",
    "ReadOptions",
    "Resolver",
    "blocked_reason",
    "check_url",
    "decode_bytes",
    "fetch",
    "folder_files",
    "iter_documents",
    "looks_binary",
    "system_resolver",
]
