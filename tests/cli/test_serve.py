"""`newsprism serve`: its options reach the web stage's ``serve``; a bad host is a usage error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "--allow-private", "--max-upload-mb"):
        assert option in result.output


def test_public_host_without_a_token_is_refused(tmp_path: Path) -> None:
    args = ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"]
    result = CliRunner().invoke(app, args, env={"NEWSPRISM_TOKEN": ""})
    assert result.exit_code == 2
    assert "E500" in result.output and "token" in result.output


def test_options_reach_serve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_serve(db: Path, host: str, port: int, **kw: object) -> None:
        seen.update(db=db, host=host, port=port, **kw)

    import newsprism.web.server as serve_module

    monkeypatch.setattr(serve_module, "serve", fake_serve)
    args = ["serve", "--db", str(tmp_path / "y.db"), "--port", "8123", "--max-upload-mb", "2"]
    result = CliRunner().invoke(app, args, env={"NEWSPRISM_TOKEN": "tok"})
    assert result.exit_code == 0, result.output
    assert seen["port"] == 8123 and seen["host"] == "127.0.0.1" and seen["token"] == "tok"
    assert seen["limits"].max_upload_bytes == 2_000_000  # type: ignore[attr-defined]
    assert seen["db"] == tmp_path / "y.db"


def test_the_environment_names_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}
    import newsprism.web.server as serve_module

    monkeypatch.setattr(serve_module, "serve", lambda db, *a, **kw: seen.update(db=db))
    env = {"NEWSPRISM_DB": str(tmp_path / "env.db"), "NEWSPRISM_TOKEN": ""}
    assert CliRunner().invoke(app, ["serve"], env=env).exit_code == 0
    assert seen["db"] == tmp_path / "env.db"
