"""The one rule that picks the articles a story's comparison takes (CLI, web, compare-all)."""

from __future__ import annotations

from newsprism.models import Article, InputKind, Meta, Provenance, StoredArticle
from newsprism.stories import pick_sources, source_of


def _stored(aid: str, outlet: str | None = None, url: str | None = None) -> StoredArticle:
    meta = {k: Meta(v, Provenance.USER) for k, v in (("outlet", outlet), ("url", url)) if v}
    article = Article(
        id=aid, title=aid, body="Body.", metadata=meta, location=aid,
        kind=InputKind.TEXT, identity=aid, content_hash=aid,
    )  # fmt: skip
    return StoredArticle(article, ingested_at="2031-01-01")


def test_copies_are_left_out_and_each_source_counts_once() -> None:
    a, b, c = _stored("a1", "Gazette"), _stored("b2", "gazette"), _stored("c3", "Tribune")
    copy = _stored("d4", "Courier")
    hosted = _stored("e5", url="https://news.example/x")
    members = [(a, None), (b, None), (copy, "a1"), (c, None), (hosted, None)]
    assert [s.id for s in pick_sources(members)] == ["a1", "c3", "e5"]
    assert [s.id for s in pick_sources(members, limit=2)] == ["a1", "c3"]
    assert source_of(hosted) == "news.example"
    assert source_of(_stored("f6")) == "f6"
