"""`--help` works for every command and sub-command and shows an example, found by walking the
app, sub-apps included (so a command added later is checked without touching this file)."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsprism.cli import app


def _paths(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The command's own path, then every sub-command's (typer's groups are click groups in
    all but name: they are told by their ``list_commands``)."""
    found = [path]
    if hasattr(command, "list_commands"):
        ctx = command.make_context(path[-1] if path else "newsprism", [], resilient_parsing=True)
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                found += _paths(sub, (*path, name))
    return found


COMMANDS = _paths(typer.main.get_command(app))


def test_the_walk_finds_the_commands() -> None:
    names = {" ".join(p) for p in COMMANDS}
    assert {"", "ingest", "compare", "story", "stories", "serve", "eval"} <= names
    assert {"story show", "story merge", "story split", "eval semeval"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "newsprism")
def test_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    assert " ".join(path) in result.stdout  # the usage line names the command
    assert "Example" in result.stdout, f"{' '.join(path) or 'newsprism'} --help shows no example"
