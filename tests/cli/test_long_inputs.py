"""Hostile inputs through the command line and the web app: a 2 MB article, a page nested
100,000 deep, a file mixing UTF-8 and Latin-1. Each answers with its result or one clear line, and
the other inputs of the batch are still processed."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.extract.chunks import DEEP_CHARS
from newsprism.web import create_app
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SMALL = ROOT / "examples" / "valmora-dam" / "01_northern_courier.txt"
WORDS = [
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "rain",
    "had",
    "swelled",
    "the",
    "reservoir",
    "near",
    "the",
    "Valmora",
    "Dam",
    "and",
    "officials",
    "evacuated",
    "3,000",
    "people",
    "from",
    "villages",
    "while",
    "Mayor",
    "Ilse",
    "Brandt",
    "visited",
]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2 MB article: twice spaCy's max_length, well within the 10 MB --max-bytes."""
    rng = random.Random(0)
    paragraphs, size = [], 0
    while size < 2_000_000:
        p = " ".join(" ".join(rng.choices(WORDS, k=16)).capitalize() + "." for _ in range(5))
        paragraphs.append(p)
        size += len(p) + 2
    path = tmp_path_factory.mktemp("long") / "big.txt"
    path.write_text("A very long report\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_read_a_2mb_article_beside_others(big: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text(
        "<html><head><title>Deep page</title></head><body>"
        + "<div>" * 100_000
        + "<p>Officials said the Valmora Dam held on Tuesday.</p>"
        + "</div>" * 100_000
        + "</body></html>"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    code, stdout, stderr = run("read", str(big), str(empty), str(deep), str(SMALL), "--json")
    assert code == 1  # the empty file failed, and only it
    data = json.loads(stdout)
    assert [a["location"] for a in data] == [str(big), str(deep), str(SMALL)]
    long_one = data[0]
    assert len(long_one["body"]) > 1_900_000
    ex = long_one["extraction"]
    assert 0 < ex["analysed_chars"] <= DEEP_CHARS
    text = long_one["title"] + "\n\n" + long_one["body"]
    for m in ex["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    assert data[1]["extraction"]["claims"]
    assert stderr.count("error:") == 1 and "empty.txt" in stderr
    assert "Traceback" not in stderr


def test_ingest_show_and_the_web_pages_answer_for_a_2mb_article(big: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    code, stdout, stderr = run("ingest", str(big), str(SMALL), "--db", db, "--extract", "--json")
    assert code == 0, stderr
    report = json.loads(stdout)
    assert report["added"] == 2 and report["extracted"] == 2
    big_id = report["ids"]["added"][0]
    code, stdout, stderr = run("show", big_id, "--db", db)
    assert code == 0
    assert "deep-analysis limit" in stderr
    with TestClient(create_app(Path(db)), base_url="http://127.0.0.1:8000") as client:
        page = client.get(f"/articles/{big_id}")
        assert page.status_code == 200
        assert "deep-analysis limit" in page.text
        assert client.get(f"/api/articles/{big_id}/extraction").status_code == 200
