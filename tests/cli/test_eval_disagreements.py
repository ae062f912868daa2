"""`newsprism eval disagreements` on the bundled five-outlet example (no ../shared needed)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsprism.cli import app
from tests.conftest import ROOT

KESTREL = ROOT / "examples" / "kestrel-strike"


def test_json_report_has_the_headline_figures() -> None:
    args = ["eval", "disagreements", str(KESTREL / "gold.jsonl"), "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("precision", "recall", "findings_per_story", "calibration", "unmatched", "missed"):
        assert key in data
    assert data["events"] == 1 and data["gold_sure"] == 5
    assert data["calibration"][0]["band"].startswith("0.9")


def test_table_output_and_bad_split() -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["eval", "disagreements", str(KESTREL / "gold.jsonl")])
    assert ok.exit_code == 0 and "calibration" in ok.stdout
    args = ["eval", "disagreements", str(KESTREL / "gold.jsonl"), "--split", "x y"]
    bad = runner.invoke(app, args)
    assert bad.exit_code == 2


def test_missing_reports_are_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"event": "e", "type": "number", "sides": [{"doc": "a", "span": "x"}]}) + "\n"
    )
    (tmp_path / "events.jsonl").write_text(json.dumps({"event": "e", "docs": ["a", "b"]}) + "\n")
    (tmp_path / "docs").mkdir()
    result = CliRunner().invoke(
        app, ["eval", "disagreements", str(gold), "--docs", str(tmp_path / "docs")]
    )
    assert result.exit_code != 0
    assert "not in the documents" in result.output
