"""The curated public API: what `import newsprism` offers, and that it works as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsprism
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "valmora-dam"


def test_exported_members_exist_and_are_documented() -> None:
    for name in newsprism.__all__:
        member = getattr(newsprism, name)
        if callable(member):
            assert member.__doc__, f"newsprism.{name} has no docstring"


def test_read_returns_clean_articles_without_storing() -> None:
    [article] = newsprism.read(EXAMPLES / "02_valley_post.txt", outlet="Valley Post")
    assert article.title == "Thousands flee as Valmora Dam releases water"
    assert article.outlet == "Valley Post"
    assert article.metadata["outlet"].source == newsprism.Provenance.USER
    assert "maize" in article.body


def test_read_raises_the_input_error_when_nothing_is_readable(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    with pytest.raises(newsprism.NewsprismError) as info:
        newsprism.read(empty)
    assert info.value.code.startswith("E1")


def test_ingest_into_a_store_and_search() -> None:
    with newsprism.Store(":memory:") as store:
        report = newsprism.ingest([EXAMPLES], store, published="2031-10-14", embed=False)
        assert report.ok and len(report.added) == 3
        again = newsprism.ingest([EXAMPLES], store, published="2031-10-14", embed=False)
        assert again.added == [] and len(again.unchanged) == 3
        hits = store.search("soldiers embankments")
        assert {h.article.outlet for h in hits} >= {"Continental Wire"}


def test_edited_article_is_linked_to_its_earlier_version(tmp_path: Path) -> None:
    original = (EXAMPLES / "02_valley_post.txt").read_text(encoding="utf-8")
    path = tmp_path / "post.txt"
    path.write_text(original, encoding="utf-8")
    with newsprism.Store(tmp_path / "t.db") as store:
        first = newsprism.ingest([path], store, outlet="Valley Post", embed=False)
        path.write_text(original.replace("3,500", "3,800"), encoding="utf-8")
        second = newsprism.ingest([path], store, outlet="Valley Post", embed=False)
        assert len(second.new_versions) == 1
        latest = store.get(second.new_versions[0])
        assert latest.previous_id == first.added[0]
        assert store.get(first.added[0]).superseded_by == latest.id
        assert store.count() == 1 and store.count(include_superseded=True) == 2
