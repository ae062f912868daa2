"""End-to-end tests of the `newsprism` command (in process, through Typer's runner)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from tests.conftest import ECBPLUS_DEV, ROOT, SEED_A, SEED_PAIR, need_shared

EXAMPLES = ROOT / "examples" / "valmora-dam"
EXAMPLE_FILES = [
    str(EXAMPLES / "01_northern_courier.txt"),
    str(EXAMPLES / "02_valley_post.txt"),
    str(EXAMPLES / "03_wire_dispatch.html"),
]

runner = CliRunner()


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["ingest", "articles", "show", "read", "analyze"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, stdout, _ = run(command, "--help")
    assert code == 0
    assert "Example" in stdout
    assert "--json" in stdout


def test_ingest_examples_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    args = ["ingest", "--db", db, "--no-embed", "--json", *EXAMPLE_FILES]
    args += ["--outlet", "Northern Courier", "--outlet", "Valley Post", "--outlet", "Ignored"]
    args += ["--published", "2031-10-14"]
    code, stdout, _ = run(*args)
    assert code == 0, stdout
    first = json.loads(stdout)
    assert first["added"] == 3 and first["failed"] == []
    code, stdout, _ = run(*args)
    again = json.loads(stdout)
    assert code == 0
    assert again["added"] == 0 and again["unchanged"] == 3 and again["total_articles"] == 3

    code, stdout, _ = run("articles", "--db", db, "--json")
    rows = {r["title"]: r for r in json.loads(stdout)["articles"]}
    post = rows["Thousands flee as Valmora Dam releases water"]
    assert post["outlet"] == "Valley Post"  # per-input --outlet, in input order
    assert post["published"] == "2031-10-14"  # one --published applies to every input lacking it
    wire = next(r for r in rows.values() if r["title"].startswith("Valmora Dam opens"))
    # The HTML page carries its own outlet and date: user values only fill what is missing.
    assert wire["outlet"] == "Continental Wire"
    assert wire["published"].startswith("2031-10-14T18:20")


def test_articles_table_is_plain_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    code, _, _ = run("ingest", "--db", str(db), "--no-embed", str(EXAMPLES))
    assert code == 0
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 3


def test_search_show_and_provenance(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", "--db", db, "--no-embed", str(EXAMPLES), "--published", "2031-10-15")
    code, stdout, _ = run("articles", "--db", db, "--search", "maize", "--json")
    assert code == 0
    hits = json.loads(stdout)["articles"]
    assert [h["title"] for h in hits] == ["Thousands flee as Valmora Dam releases water"]
    code, stdout, _ = run("show", "--db", db, hits[0]["id"][:8], "--json")
    assert code == 0
    shown = json.loads(stdout)
    assert shown["metadata"]["published"] == {
        "value": "2031-10-15",
        "source": "user",
        "confidence": 1.0,
    }
    assert shown["metadata"]["title"]["source"] == "text"


def test_show_unknown_id_is_a_clear_error(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", "--db", db, "--no-embed", EXAMPLE_FILES[0])
    code, _, stderr = run("show", "--db", db, "ffffffffffff")
    assert code == 1
    assert "E301" in stderr and "newsprism articles" in stderr


def test_bad_inputs_fail_alone_and_are_listed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    broken = tmp_path / "rows.jsonl"
    broken.write_text(
        '{"id": "r1", "text": "A ferry ran aground near Pellin on Monday."}\nnot json\n'
    )
    db = str(tmp_path / "t.db")
    code, stdout, stderr = run(
        "ingest",
        "--db",
        db,
        "--no-embed",
        "--json",
        str(empty),
        str(binary),
        EXAMPLE_FILES[1],
        str(broken),
    )
    assert code == 1
    report = json.loads(stdout)
    assert report["added"] == 2  # the good text file and the good JSONL row
    failed_inputs = " ".join(f["input"] for f in report["failed"])
    assert (
        "empty.txt" in failed_inputs
        and "blob.txt" in failed_inputs
        and "rows.jsonl:2" in failed_inputs
    )
    assert "3 input(s) failed" in stderr


def test_published_count_mismatch_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run(
        "ingest",
        "--db",
        str(tmp_path / "t.db"),
        *EXAMPLE_FILES,
        "--published",
        "2031-10-14",
        "--published",
        "2031-10-15",
    )
    assert code == 2
    assert "--published" in stderr


def test_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run("read", EXAMPLE_FILES[0], "--published", "the day after tomorrow-ish")
    assert code != 0
    assert "published" in stderr.lower()


def test_read_stdin_json() -> None:
    text = "Ferry runs aground off Ostra\n\nA ferry ran aground off Ostra on Monday. All safe.\n"
    code, stdout, _ = run("read", "-", "--json", "--outlet", "Harbour Times", input=text)
    assert code == 0
    data = json.loads(stdout)
    assert data["title"] == "Ferry runs aground off Ostra"
    assert data["metadata"]["outlet"]["value"] == "Harbour Times"


def test_commands_on_a_missing_db_say_what_to_do(tmp_path: Path) -> None:
    code, _, stderr = run("articles", "--db", str(tmp_path / "none.db"))
    assert code == 2
    assert "newsprism ingest" in stderr


# --- on the shared dev data (skipped with a reason where ../shared is absent) ----------------


def test_read_seed_article_is_clean() -> None:
    need_shared(SEED_A)
    code, stdout, _ = run("read", str(SEED_A), "--json")
    assert code == 0
    data = json.loads(stdout)
    assert data["title"] == "Trump speaks with Erdoğan about Libya, Syria"
    body = data["body"]
    assert body.startswith(
        "President Trump spoke with Turkish President Recep Tayyip Erdoğan on Thursday"
    )
    for junk in ("© Getty Images", "MORE", "retired superhero", "Trump speaks with Erdoğan about"):
        assert junk not in body


@pytest.mark.slow
def test_seed_pair_and_ecbplus_store_598_articles_once(tmp_path: Path) -> None:
    need_shared(SEED_A)
    need_shared(ECBPLUS_DEV)
    db = str(tmp_path / "t.db")
    seed = ["ingest", "--db", db, "--json", str(SEED_PAIR), "--published", "2020-01-02"]
    ecb = [
        "ingest",
        "--db",
        db,
        "--json",
        str(ECBPLUS_DEV),
        "--id-field",
        "doc_id",
        "--text-field",
        "text",
    ]
    for args, added in ((seed, 2), (ecb, 596)):
        code, stdout, _ = run(*args)
        assert code == 0, stdout
        assert json.loads(stdout)["added"] == added
    for args in (seed, ecb):
        code, stdout, _ = run(*args)
        assert code == 0
        report = json.loads(stdout)
        assert report["added"] == 0 and report["new_versions"] == 0
        assert report["total_articles"] == 598
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 598
        # Every article was embedded once, cached by text hash.
        assert con.execute("select count(*) from article_vectors").fetchone()[0] == 598


def test_read_json_carries_the_extraction() -> None:
    need_shared(SEED_A)
    code, stdout, _ = run("read", str(SEED_A), "--json", "--published", "2020-01-02")
    assert code == 0
    ex = json.loads(stdout)["extraction"]
    assert {"2020-01-02"} <= {t["value"] for t in ex["times"] if t["text"] == "Thursday"}
    keys = {e["key"] for e in ex["entities"]}
    assert "person:recep_tayyip_erdogan" in keys


def test_show_extracts_once_and_keeps_it(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    run("ingest", "--db", str(db), "--no-embed", EXAMPLE_FILES[0], "--published", "2031-10-14")
    with sqlite3.connect(db) as con:
        [aid] = [r[0] for r in con.execute("select id from articles")]
    code, stdout, _ = run("show", "--db", str(db), aid, "--json")
    assert code == 0
    ex = json.loads(stdout)["extraction"]
    assert "person:aurel_danek" in {e["key"] for e in ex["entities"]}
    assert any(q["normalized"].startswith("3000") for q in ex["quantities"])
    with sqlite3.connect(db) as con:
        kinds = [r[0] for r in con.execute("select kind from analyses where article_id=?", (aid,))]
    assert kinds == ["extraction"]
    code, stdout, _ = run("show", "--db", str(db), aid, "--no-extract", "--json")
    assert "extraction" not in json.loads(stdout)


def test_compare_seed_pair_json_has_the_two_disputes(tmp_path: Path) -> None:
    need_shared(SEED_A)
    code, stdout, _ = run(
        "compare", str(SEED_A), str(SEED_PAIR / "001_50139ac039511f30.txt"),
        "--published", "2020-01-02", "--published", "2020-01-03", "--format", "json",
        "--db", str(tmp_path / "none.db"),
    )  # fmt: skip
    assert code == 0
    report = json.loads(stdout)
    for key in ("sources", "agreements", "additions", "contradictions", "brief", "timeline"):
        assert key in report
    high = [c for c in report["contradictions"] if c["high_confidence"]]
    assert sorted(c["type"] for c in high) == ["date", "entity_set"]
    for c in high:
        assert {e["source"] for e in c["evidence"]} == {s["id"] for s in report["sources"]}


def test_compare_stored_articles_to_a_self_contained_html_file(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    code, stdout, _ = run(
        "ingest", "--db", db, "--json", "--no-embed", *EXAMPLE_FILES,
        "--outlet", "Northern Courier", "--outlet", "Valley Post", "--outlet", "X",
        "--published", "2031-10-14", "--published", "2031-10-15", "--published", "2031-10-14",
    )  # fmt: skip
    assert code == 0
    ids = json.loads(stdout)["ids"]["added"]
    page = tmp_path / "story.html"
    code, _, stderr = run("compare", "--db", db, *ids, "--format", "html", "-o", str(page))
    assert code == 0, stderr
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "Wednesday" in html and "Tuesday" in html
    # One file that needs no network: nothing is loaded from anywhere, no script runs.
    assert "<script" not in html.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)


def test_compare_needs_two_inputs() -> None:
    code, _, stderr = run("compare", EXAMPLE_FILES[0])
    assert code == 2
    assert "at least two" in stderr


def test_export_parquet_then_ingest_it_back(tmp_path: Path) -> None:
    db, again = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    run("ingest", "--db", db, "--no-embed", str(EXAMPLES), "--published", "2031-10-14")
    code, stdout, _ = run("export", str(tmp_path / "pq"), "--db", db, "--json")
    assert code == 0
    written = json.loads(stdout)["files"]
    assert written["articles"]["rows"] == 3
    code, stdout, _ = run(
        "ingest", "--db", again, "--no-embed", "--json", written["articles"]["path"]
    )
    assert code == 0
    assert json.loads(stdout)["added"] == 3


def test_workers_and_scheduler_are_exclusive(tmp_path: Path) -> None:
    code, _, stderr = run(
        "ingest", "--db", str(tmp_path / "t.db"), str(EXAMPLES), "--workers", "1",
        "--scheduler", "tcp://127.0.0.1:1",
    )  # fmt: skip
    assert code == 2 and "not both" in stderr


@pytest.mark.slow
def test_similarity_json_has_seven_scored_and_explained_dimensions() -> None:
    code, stdout, _ = run("similarity", EXAMPLE_FILES[0], EXAMPLE_FILES[1], "--fast", "--json")
    assert code == 0
    data = json.loads(stdout)
    scores, why = data["scores"], data["explanations"]
    dims = ("geography", "entities", "time", "narrative", "overall", "style", "tone")
    assert set(scores) == set(dims) == set(why)
    for dim in dims:
        assert 1.0 <= scores[dim] <= 4.0
        assert why[dim]
    assert scores["overall"] <= 2.0  # two reports of one dam emergency


@pytest.mark.slow
def test_eval_ecbplus_writes_one_prediction_per_document(tmp_path: Path) -> None:
    path = ROOT / "tests" / "fixtures" / "cluster" / "stream.json"
    stream = json.loads(path.read_text())["articles"]
    data = tmp_path / "mini.jsonl"
    rows = [
        {"doc_id": a["id"], "topic": 1, "event": a["event"], "text": a["title"] + ". " + a["body"]}
        for a in stream
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    preds = tmp_path / "preds.jsonl"
    code, stdout, _ = run("eval", "ecbplus", str(data), "--json", "--predictions", str(preds))
    assert code == 0
    result = json.loads(stdout)
    assert "predictions" not in result
    assert set(result["baselines"]) == {
        "tfidf_agglomerative",
        "minilm_agglomerative",
        "minilm_online",
    }
    assert result["online"]["bcubed"]["f1"] >= 0.8
    lines = [json.loads(line) for line in preds.read_text().splitlines()]
    assert [p["doc_id"] for p in lines] == [r["doc_id"] for r in rows]
    assert all(p["story"].startswith("s-") for p in lines)


def test_eval_contradictions_details_lists_misses_and_alarms(tmp_path: Path) -> None:
    # Our own two reports of one invented event, in the ECB+ file shape.
    texts = [
        (ROOT / "examples" / "kestrel-strike" / name).read_text(encoding="utf-8").split("\n", 1)[1]
        for name in ("01_meridian_wire.txt", "05_tradewind_business.txt")
    ]
    data = tmp_path / "events.jsonl"
    data.write_text(
        "".join(
            json.dumps({"doc_id": f"v{i}", "topic": "1", "event": "dam", "text": text}) + "\n"
            for i, text in enumerate(texts)
        ),
        encoding="utf-8",
    )
    code, stdout, _ = run(
        "eval", "contradictions", "--ecbplus", str(data), "--pairs", "1", "--details", "--json"
    )
    assert code == 0
    result = json.loads(stdout)
    assert result["pairs"] == 1 and result["overall"]["injected"] > 0
    assert isinstance(result["misses"], list) and isinstance(result["false_alarms"], list)
    missed = result["overall"]["injected"] - result["overall"]["found"]
    assert len(result["misses"]) == missed
    for row in result["misses"] + result["false_alarms"]:
        assert {"pair", "kind", "mode", "flagged", "b"} <= set(row)
