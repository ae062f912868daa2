"""`newsprism story`: a sub-app (show, merge, split) where `story ID` still means `story show ID`,
whatever side of the id the options are on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsprism import stories
from newsprism.cli import app
from newsprism.store import Store

STORY = typer.main.get_command(app).commands["story"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "routed"),
    [
        (["s-1"], ["show", "s-1"]),
        (["--db", "n.db", "s-1", "--json"], ["show", "--db", "n.db", "s-1", "--json"]),
        (["-f", "html", "s-1"], ["show", "-f", "html", "s-1"]),
        (["show", "s-1"], ["show", "s-1"]),
        (["merge", "s-1", "s-2"], ["merge", "s-1", "s-2"]),
        (["--db", "n.db", "merge", "s-1", "s-2"], ["merge", "--db", "n.db", "s-1", "s-2"]),
        (["--json", "split", "s-1", "a1"], ["split", "--json", "s-1", "a1"]),
        (["--help"], ["--help"]),
        ([], []),
    ],
)
def test_a_story_id_alone_means_show(args: list[str], routed: list[str]) -> None:
    assert STORY._command_first(args) == routed


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "s.db"
    Store(path).close()
    return str(path)


def test_merge_and_split_call_the_library(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(stories, "merge_stories", lambda _s, k, o: calls.append((k, o)) or k)
    monkeypatch.setattr(
        stories, "split_story", lambda _s, sid, ids: calls.append((sid, *ids)) or [sid, "s-new"]
    )
    runner = CliRunner()
    merged = runner.invoke(app, ["story", "--db", db, "merge", "s-a", "s-b", "--json"])
    assert merged.exit_code == 0, merged.output
    assert json.loads(merged.stdout) == {"merged_into": "s-a"}
    split = runner.invoke(app, ["story", "split", "s-a", "x1", "x2", "--db", db])
    assert split.exit_code == 0, split.output
    assert "split into s-a, s-new" in split.stdout
    assert calls == [("s-a", "s-b"), ("s-a", "x1", "x2")]


@pytest.mark.parametrize(
    "args",
    [["merge", "s-a"], ["split", "s-a"], ["s-a", "s-b"], ["show"], []],
    ids=["merge-one-id", "split-no-articles", "two-ids", "show-no-id", "nothing"],
)
def test_wrong_arguments_are_usage_errors(db: str, args: list[str]) -> None:
    result = CliRunner().invoke(app, ["story", "--db", db, *args] if args else ["story"])
    assert result.exit_code == 2, result.output


def test_an_unknown_story_is_a_usage_error_naming_what_to_do(db: str) -> None:
    result = CliRunner().invoke(app, ["story", "--db", db, "s-nope"])
    assert result.exit_code == 2
    assert "newsprism stories" in result.stderr
