"""Fixtures for the store tests: tiny fictional articles and an in-memory store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsprism.models import (
    Article,
    InputKind,
    Meta,
    Provenance,
    Removed,
    article_id,
    content_hash,
    identity_key,
)
from newsprism.store import Store


def make_article(
    title: str,
    body: str,
    *,
    outlet: str | None = "Harbour Gazette",
    published: str | None = "2020-01-02",
    url: str | None = None,
    removed: tuple[Removed, ...] = (),
) -> Article:
    meta: dict[str, Meta] = {}
    if outlet is not None:
        meta["outlet"] = Meta(outlet, Provenance.USER)
    if published is not None:
        meta["published"] = Meta(published, Provenance.USER)
    if url is not None:
        meta["url"] = Meta(url, Provenance.HTML_META, 0.9)
    chash = content_hash(title, body)
    identity = identity_key(title, meta)
    return Article(
        id=article_id(identity, chash),
        title=title,
        body=body,
        metadata=meta,
        location=f"fixture:{title}",
        kind=InputKind.TEXT,
        identity=identity,
        content_hash=chash,
        removed=removed,
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s
