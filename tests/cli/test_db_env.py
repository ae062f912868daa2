"""NEWSPRISM_DB names the database when --db does not (typer reads it when the command runs)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "valmora-dam" / "01_northern_courier.txt"


def test_the_environment_names_the_database(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    env = {"NEWSPRISM_DB": str(db)}
    runner = CliRunner()
    added = runner.invoke(app, ["ingest", "--no-embed", "--json", str(EXAMPLE)], env=env)
    assert added.exit_code == 0, added.output
    assert db.exists()
    listed = runner.invoke(app, ["articles", "--json"], env=env)
    assert len(json.loads(listed.stdout)["articles"]) == 1
    other = tmp_path / "other.db"
    runner.invoke(app, ["ingest", "--no-embed", "--db", str(other), str(EXAMPLE)], env=env)
    assert other.exists()  # --db wins over the environment
