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


def test_cleaning_in_a_pool_gives_the_same_articles_in_input_order(tmp_path: Path) -> None:
    from newsprism.ingest import Failed, ReadOptions
    from newsprism.pipeline import CHUNK, read_articles

    paths = []
    for i in range(CHUNK * 3 + 5):
        p = tmp_path / f"a{i:03d}.html"
        body = f"<p>Report {i}: the council met on Tuesday and voted {i} to 3 for the dam plan.</p>"
        p.write_text(
            "   " if i == 40 else f"<html><title>Vote {i}</title><body>{body}</body></html>"
        )
        paths.append(p)
    one = list(read_articles(paths, options=ReadOptions(), workers=1))
    two = list(read_articles(paths, options=ReadOptions(), workers=2))
    assert [type(x) for x in one] == [type(x) for x in two]
    assert isinstance(two[40], Failed) and two[40].location == str(paths[40])
    assert [x.id for x in two if not isinstance(x, Failed)] == [
        x.id for x in one if not isinstance(x, Failed)
    ]
    assert [x.location for x in two] == [str(p) for p in paths]


def test_pools_do_not_fork_a_process_that_runs_threads() -> None:
    import threading

    from newsprism.pipeline import pool_context

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert pool_context().get_start_method() == "spawn"
    finally:
        stop.set()
        thread.join()


def test_cleaning_processes_compute_the_cluster_features(tmp_path: Path) -> None:
    """With ``features``, the pool also returns each article's cluster features, the same as
    the story stage would compute from the article."""
    from newsprism.cluster import cluster_features
    from newsprism.pipeline import CHUNK

    paths = []
    for i in range(CHUNK * 2 + 3):
        p = tmp_path / f"f{i:03d}.html"
        body = f"<p>Report {i}: the council in Ostra met on Tuesday and voted {i} to 3.</p>"
        p.write_text(f"<html><title>Vote {i}</title><body>{body}</body></html>")
        paths.append(p)
    features: dict = {}
    items = list(read_articles(paths, options=ReadOptions(), workers=2, features=features))
    articles = [a for a in items if isinstance(a, Article)]
    assert len(articles) == len(paths) and set(features) == {a.id for a in articles}
    for a in articles:
        want, got = cluster_features(a.body, title=a.title), features[a.id]
        assert got.term_ids.tolist() == want.term_ids.tolist()
        assert got.term_counts.tolist() == want.term_counts.tolist()
        assert got.signature.tolist() == want.signature.tolist()
        assert (got.weekdays, got.dates, got.years) == (want.weekdays, want.dates, want.years)
        assert got.lead_ids.tolist() == want.lead_ids.tolist()
