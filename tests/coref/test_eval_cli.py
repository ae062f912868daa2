"""`newsprism eval coref` on a tiny corpus written for the test, with and without gold chains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.eval.coref import evaluate_coref

DOCS = [
    (
        "1_a",
        "1",
        "Harbour crane collapses in Brevik. A crane collapsed at Brevik harbour on Monday, "
        "injuring two workers. The collapse halted loading.",
    ),
    (
        "1_b",
        "1",
        "Two hurt as crane falls. The crane fell on Monday at the harbour in Brevik and "
        "two workers were injured.",
    ),
    (
        "2_a",
        "2",
        "Solberg Foods buys rival. Solberg Foods acquired Nordmel for 40 million crowns on "
        "Thursday. The acquisition makes Solberg the largest miller.",
    ),
    ("2_b", "2", "Nordmel sold. Solberg Foods bought Nordmel on Thursday, the company said."),
]

#: (doc, surface form, occurrence, kind, chain)
MENTIONS = [
    ("1_a", "crane", 1, "entity", "CRANE"),
    ("1_a", "collapsed", 0, "event", "FALL"),
    ("1_a", "Monday", 0, "entity", "MON"),
    ("1_a", "injuring", 0, "event", "HURT"),
    ("1_a", "collapse", 1, "event", "FALL"),
    ("1_b", "crane", 1, "entity", "CRANE"),
    ("1_b", "fell", 0, "event", "FALL"),
    ("1_b", "Monday", 0, "entity", "MON"),
    ("1_b", "injured", 0, "event", "HURT"),
    ("2_a", "Solberg Foods", 1, "entity", "SOLBERG"),
    ("2_a", "acquired", 0, "event", "BUY"),
    ("2_a", "Nordmel", 0, "entity", "NORDMEL"),
    ("2_a", "acquisition", 0, "event", "BUY"),
    ("2_b", "Solberg Foods", 0, "entity", "SOLBERG"),
    ("2_b", "bought", 0, "event", "BUY"),
    ("2_b", "Nordmel", 1, "entity", "NORDMEL"),
    ("2_b", "said", 0, "event", "SAY"),
]


def _write(tmp: Path, *, gold: bool) -> tuple[Path, Path]:
    docs = tmp / "docs.jsonl"
    texts = {d: t for d, _, t in DOCS}
    with docs.open("w", encoding="utf-8") as f:
        for doc_id, topic, text in DOCS:
            f.write(json.dumps({"doc_id": doc_id, "topic": topic, "text": text}) + "\n")
    mentions = tmp / "mentions.jsonl"
    with mentions.open("w", encoding="utf-8") as f:
        for doc_id, form, nth, kind, chain in MENTIONS:
            start = -1
            for _ in range(nth + 1):
                start = texts[doc_id].index(form, start + 1)
            row = {"doc_id": doc_id, "start": start, "end": start + len(form), "kind": kind}
            if gold:
                row["chain"] = chain
            f.write(json.dumps(row) + "\n")
    return docs, mentions


runner = CliRunner()


@pytest.mark.slow
def test_eval_coref_scores_beside_the_baseline(tmp_path: Path) -> None:
    docs, mentions = _write(tmp_path, gold=True)
    preds = tmp_path / "preds.jsonl"
    args = ["eval", "coref", str(docs), "--mentions", str(mentions), "--predictions", str(preds)]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["scored"] is True
    for name in ("system", "lemma", "lemma_groups"):
        for kind in ("entity", "event"):
            block = data["scores"][name][kind]
            assert set(block["overall"]) >= {"muc", "b3", "ceafe", "conll"}
            assert set(block["topics"]) == {"1", "2"}
    rows = [json.loads(line) for line in preds.read_text().splitlines()]
    assert len(rows) == len(MENTIONS)
    assert set(rows[0]) == {"doc_id", "start", "end", "kind", "cluster"}
    by = {(r["doc_id"], r["start"]): r["cluster"] for r in rows}
    texts = {d: t for d, _, t in DOCS}
    # "acquired" and "bought" (one purchase, same parties) share one cluster
    assert by[("2_a", texts["2_a"].index("acquired"))] == by[("2_b", texts["2_b"].index("bought"))]


@pytest.mark.slow
def test_eval_coref_without_chains_writes_predictions_and_no_scores(tmp_path: Path) -> None:
    docs, mentions = _write(tmp_path, gold=False)
    preds = tmp_path / "preds.jsonl"
    result = runner.invoke(
        app, ["eval", "coref", str(docs), "--mentions", str(mentions), "--predictions", str(preds)]
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "no gold chains" in result.stdout
    assert len(preds.read_text().splitlines()) == len(MENTIONS)


def test_eval_coref_help_has_an_example() -> None:
    result = runner.invoke(app, ["eval", "coref", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and "--json" in result.stdout


def test_a_mention_outside_its_document_is_a_clear_error(tmp_path: Path) -> None:
    docs, mentions = _write(tmp_path, gold=False)
    mentions.write_text(json.dumps({"doc_id": "1_a", "start": 5, "end": 9999, "kind": "entity"}))
    result = runner.invoke(app, ["eval", "coref", str(docs), "--mentions", str(mentions)])
    assert result.exit_code == 1
    assert "no span" in result.stderr


def test_library_call_returns_data(tmp_path: Path) -> None:
    docs, mentions = _write(tmp_path, gold=False)
    result = evaluate_coref(docs, mentions)
    assert result["scored"] is False and "scores" not in result
    assert len(result["predictions"]) == len(MENTIONS)
