"""read_articles: ingest + clean chained, defaults per input, failures reported in order."""

from __future__ import annotations

from pathlib import Path

from newsprism.errors import EmptyInput, InputNotFound
from newsprism.ingest import Failed, ReadOptions
from newsprism.models import Article, Provenance
from newsprism.pipeline import read_articles
from tests.conftest import FIXTURES

IN = FIXTURES / "ingest"


def test_defaults_once_per_input_and_failures(tmp_path: Path) -> None:
    junk_only = tmp_path / "junk.txt"
    junk_only.write_text("Share this article\nAdvertisement\n")
    sources: list[str | Path] = [
        IN / "strike_note.txt",
        junk_only,
        tmp_path / "nope.txt",
        IN / "feed.atom",
    ]
    defaults = [
        {"outlet": "Valmer Post", "published": "2024-03-03"},
        {"outlet": "Other"},
        {},
        {"outlet": "Ignored, the feed names itself", "published": "2024-01-01"},
    ]
    items = list(read_articles(sources, options=ReadOptions(), defaults_per_input=defaults))
    note, junk, missing, atom = items
    assert isinstance(note, Article)
    assert note.metadata["outlet"].value == "Valmer Post"
    assert note.metadata["outlet"].source == Provenance.USER
    assert note.published == "2024-03-03"
    assert isinstance(junk, Failed) and isinstance(junk.error, EmptyInput)
    assert junk.location == str(junk_only) and junk.input_index == 1
    assert isinstance(missing, Failed) and isinstance(missing.error, InputNotFound)
    assert isinstance(atom, Article)
    assert atom.outlet == "Coastal Tribune"
    assert atom.published == "2024-03-04T11:30:00+00:00"


def test_one_mapping_applies_to_every_input() -> None:
    items = list(
        read_articles(
            [IN / "strike_note.txt", IN / "articles.tsv"],
            options=ReadOptions(),
            defaults_per_input={"published": "2024-03-08"},
        )
    )
    assert [a.published for a in items if isinstance(a, Article)] == ["2024-03-08", "2024-03-08"]
