"""`newsprism cluster-all`: every stored article clustered by partitions, written as Parquet.

The store is built from our own fictional articles (the cluster stream fixture: two look-alike
floods months apart, a wire copy, a cup final; and the Valmora Dam example), ingested and
clustered by the ordinary single-process path first, so the agreement has something to match.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import UsageError
from newsprism.scale import cluster_store
from newsprism.scale.store_stories import OUTPUT_COLUMNS, arrival_order
from newsprism.store import Store
from newsprism.stories import arrival_key
from tests.conftest import ROOT

STREAM = ROOT / "tests" / "fixtures" / "cluster" / "stream.json"
VALMORA = ROOT / "examples" / "valmora-dam"
#: march flood (4 with the wire copy), september flood (3), cup final (2), Valmora Dam (3)
EVENTS = 4
ARTICLES = 12

runner = CliRunner()
#: these embed with the real MiniLM model (as tests/test_stories.py does)
SLOW = pytest.mark.slow


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def ingest(db: Path, tmp: Path, *flags: str) -> None:
    stream = tmp / "stream.jsonl"
    articles = json.loads(STREAM.read_text(encoding="utf-8"))["articles"]
    stream.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    code, stdout, stderr = run(
        "ingest", str(stream), str(VALMORA), "--published", "2031-10-14", "--db", str(db),
        "--json", *flags,
    )  # fmt: skip
    assert code == 0, stdout + stderr
    assert json.loads(stdout)["added"] == ARTICLES


@pytest.fixture(scope="module")
def clustered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose articles the single-process clusterer has placed (as `ingest` does)."""
    tmp = tmp_path_factory.mktemp("clustered")
    db = tmp / "news.db"
    ingest(db, tmp)
    return db


def copy_of(db: Path, tmp_path: Path) -> Path:
    target = tmp_path / db.name
    shutil.copy(db, target)
    return target


def story_tables(db: Path) -> list[list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return [
            conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("stories", "story_members", "cluster_state")
        ]


def stored_stories(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT article_id, story_id FROM story_members"))


def rows_of(path: Path) -> list[dict[str, object]]:
    table = pq.read_table(path)
    assert tuple(table.column_names) == OUTPUT_COLUMNS
    return table.to_pylist()


@SLOW
def test_one_partition_matches_the_store_and_leaves_it_alone(
    clustered: Path, tmp_path: Path
) -> None:
    db = copy_of(clustered, tmp_path)
    before = story_tables(db)
    out = tmp_path / "stories.parquet"
    code, stdout, stderr = run(
        "cluster-all", "--db", str(db), "--partitions", "1", "-o", str(out), "--json"
    )
    assert code == 0, stdout + stderr
    summary = json.loads(stdout)
    assert summary["articles"] == ARTICLES and summary["stories"] == EVENTS
    assert summary["partitions"] == 1 and summary["embedded"] == 0
    assert summary["agreement"]["b3_f1"] == 1.0
    assert summary["agreement"]["articles"] == ARTICLES
    assert {"read", "partitions", "merge", "write", "total"} <= set(summary["seconds"])
    rows = rows_of(out)
    # one row per article, with the very story ids the store gave them
    store = stored_stories(db)
    assert len(rows) == ARTICLES and {r["article_id"]: r["story_id"] for r in rows} == store
    assert len({r["story_id"] for r in rows}) == EVENTS
    # arrival order: the 2023 stream (by day), then the 2031 dam
    days = [arrival_key(str(r["published"])) for r in rows]
    assert days == sorted(days)
    wire = next(r for r in rows if r["outlet"] == "Harbour Gazette")
    march = next(r for r in rows if str(r["title"]).startswith("River Ossel bursts"))
    assert wire["story_id"] == march["story_id"]  # the wire copy sits in its story
    assert story_tables(db) == before  # the store's own stories are not touched


@SLOW
def test_two_partitions_in_process_agree_with_the_store(clustered: Path, tmp_path: Path) -> None:
    from distributed import Client

    with Store(clustered) as store, Client(processes=False, n_workers=1, threads_per_worker=2) as c:
        run_ = cluster_store(store, partitions=2, client=c, output=tmp_path / "s.parquet")
    # with the static placing vector (issue 15) each partition already finds whole events here,
    # so the merge may have nothing left to join: at least one micro-cluster per event
    assert run_.result.partitions == 2 and run_.result.micro_clusters >= EVENTS
    assert len(run_.result.stories) == EVENTS and run_.articles == ARTICLES
    assert run_.agreement is not None and run_.agreement["b3_f1"] == 1.0
    assert len(rows_of(tmp_path / "s.parquet")) == ARTICLES


@SLOW
def test_workers_two_on_a_local_cluster(clustered: Path, tmp_path: Path) -> None:
    out = tmp_path / "w.parquet"
    code, stdout, stderr = run(
        "cluster-all", "--db", str(clustered), "--workers", "2", "--partitions", "2",
        "-o", str(out), "--json",
    )  # fmt: skip
    assert code == 0, stdout + stderr
    summary = json.loads(stdout)
    assert summary["partitions"] == 2 and summary["stories"] == EVENTS
    assert summary["agreement"]["b3_f1"] == 1.0
    assert {r["article_id"]: r["story_id"] for r in rows_of(out)} == stored_stories(clustered)


@SLOW
def test_text_output_names_the_agreement(clustered: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.parquet"
    code, stdout, _ = run(
        "cluster-all", "--db", str(clustered), "--partitions", "1", "-o", str(out)
    )
    assert code == 0
    assert "12 articles -> 4 stories" in stdout and "B³ F1 1.000" in stdout


@SLOW
def test_unembedded_unclustered_store_is_embedded_and_has_no_agreement(tmp_path: Path) -> None:
    db = tmp_path / "raw.db"
    ingest(db, tmp_path, "--no-embed", "--no-cluster")
    out = tmp_path / "raw.parquet"
    code, stdout, stderr = run(
        "cluster-all", "--db", str(db), "--partitions", "1", "-o", str(out), "--json"
    )
    assert code == 0, stdout + stderr
    summary = json.loads(stdout)
    assert summary["embedded"] == ARTICLES  # vectors computed as update_stories would
    assert summary["stories"] == EVENTS and summary["agreement"] is None
    code, stdout, _ = run("cluster-all", "--db", str(db), "--partitions", "1", "-o", str(out))
    assert code == 0 and "no agreement to report" in stdout
    with Store(db) as store:  # the vectors were stored, the stories were not
        assert store.story_order() == []


@SLOW
def test_arrival_order_is_the_update_stories_order(clustered: Path) -> None:
    from newsprism.cluster import OnlineClusterer
    from newsprism.stories import _unplaced

    with Store(clustered) as store:
        order = arrival_order(store)
        placed = _unplaced(store, OnlineClusterer())  # what a fresh clusterer would take
    assert [i for i, _ in order] == [a.id for a in placed]
    assert [p for _, p in order] == [a.published for a in placed]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "both given"),
        (["-o", "{tmp}"], "is a folder"),
        (["-o", "{tmp}/missing/s.parquet"], "does not exist"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    db = tmp_path / "raw.db"
    ingest(db, tmp_path, "--no-embed", "--no-cluster")  # refused before any vector is needed
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, _, stderr = run("cluster-all", "--db", str(db), *argv)
    assert code == 2 and message in stderr


def test_no_database_and_no_articles(tmp_path: Path) -> None:
    code, _, stderr = run("cluster-all", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no database" in stderr
    empty = tmp_path / "empty.db"
    Store(empty).close()
    code, _, stderr = run("cluster-all", "--db", str(empty), "-o", str(tmp_path / "e.parquet"))
    assert code == 2 and "no articles to cluster" in stderr
    assert not (tmp_path / "e.parquet").exists()


def test_library_checks_options_before_reading() -> None:
    with Store(":memory:") as store:
        with pytest.raises(UsageError, match="at least 1"):
            cluster_store(store, partitions=0)
        with pytest.raises(UsageError, match="no articles"):
            cluster_store(store, partitions=1)


def test_help_has_an_example() -> None:
    code, stdout, _ = run("cluster-all", "--help")
    assert code == 0 and "Example" in stdout and "--json" in stdout and "--partitions" in stdout
