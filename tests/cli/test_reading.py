"""The options for reading inputs are declared once (cli.common.reads_inputs) and reach every
command that reads as one Reading; every command with --db takes the one shared option."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from newsprism.cli import app
from newsprism.cli.common import Reading
from newsprism.errors import UsageError

ROOT = typer.main.get_command(app)
FETCH = {"--outlet", "--published", "--allow-private", "--timeout"}
FILES = {"--follow-links", "--id-field", "--text-field", "--title-field", "--format", "--max-bytes"}


def _commands(group: Any = ROOT) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            found |= {f"{name} {k}": v for k, v in _commands(command).items()}
        else:
            found[name] = command
    return found


def _options(command: Any) -> dict[str, Any]:
    return {o: p for p in command.params for o in getattr(p, "opts", ()) if o.startswith("--")}


@pytest.mark.parametrize(
    ("name", "shared"),
    [("ingest", FETCH | FILES), ("read", FETCH | FILES), ("compare", FETCH),
     ("similarity", FETCH)],
)  # fmt: skip
def test_commands_that_read_share_the_reading_options(name: str, shared: set[str]) -> None:
    options = _options(ROOT.commands[name])  # type: ignore[attr-defined]
    assert shared <= set(options)
    first = _options(ROOT.commands["ingest"])  # type: ignore[attr-defined]
    for o in FETCH:
        assert options[o].help == first[o].help and options[o].default == first[o].default


def test_every_db_option_is_the_shared_one() -> None:
    with_db = {n: _options(c)["--db"] for n, c in _commands().items() if "--db" in _options(c)}
    assert {"ingest", "stories", "story show", "story merge", "serve", "export"} <= set(with_db)
    assert {o.envvar for o in with_db.values()} == {"NEWSPRISM_DB"}
    assert len({(o.help, str(o.default)) for o in with_db.values()}) == 1


def test_reading_is_built_once_and_checked() -> None:
    r = Reading.from_cli(outlet=["A"], published=None, fmt="csv", max_bytes=5, timeout=2.0)
    assert (r.outlet, r.published, r.options.fmt, r.options.max_bytes) == (("A",), (), "csv", 5)
    with pytest.raises(UsageError):
        Reading.from_cli(fmt="docx")
    with pytest.raises(UsageError):
        Reading.from_cli(timeout=0)
