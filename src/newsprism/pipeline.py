"""Reading and cleaning chained: sources -> Articles, each failure reported and skipped."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from newsprism.clean import clean_document
from newsprism.errors import NewsprismError
from newsprism.ingest import Failed, ReadOptions, iter_documents
from newsprism.models import Article

Defaults = Mapping[str, str]


def read_articles(
    sources: Sequence[str | Path],
    *,
    options: ReadOptions,
    defaults_per_input: Sequence[Defaults] | Defaults | None = None,
) -> Iterator[Article | Failed]:
    """Every article of every source, in order; unreadable or uncleanable ones as Failed.

    ``defaults_per_input`` holds user values (outlet, published) for inputs that lack them:
    one mapping for all inputs, or one per source, by position.
    """
    for item in iter_documents(sources, options=options):
        if isinstance(item, Failed):
            yield item
            continue
        defaults = _defaults_for(defaults_per_input, item.input_index)
        try:
            yield clean_document(item.doc, defaults=defaults)
        except NewsprismError as exc:
            exc.location = exc.location or item.doc.location
            yield Failed(item.doc.location, exc, item.input_index)


def _defaults_for(defaults: Sequence[Defaults] | Defaults | None, index: int) -> Defaults | None:
    if defaults is None or isinstance(defaults, Mapping):
        return defaults
    return defaults[index] if index < len(defaults) else None
