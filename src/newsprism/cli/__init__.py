"""The `newsprism` command: parse -> call one library function -> render.

Exit codes: 0 all done, 1 some inputs failed (listed at the end), 2 usage error.

Where things are: common.py (the app, options, error handling, rendering helpers), articles.py
(ingest, analyze, articles, show, read, compare, similarity), stories.py (stories, story and its
merge/split), scale.py (compare-all, cluster-all, export, ingest --workers), evals.py (`eval`).
"""

from __future__ import annotations

from typer.models import CommandInfo

from newsprism.cli import articles, evals, scale, stories
from newsprism.cli.common import app

__all__ = ["app", "main"]

_ = (articles, evals, scale, stories)  # imported for their commands, which register on `app`

#: `newsprism --help` lists the commands in the order they are registered: keep the order they
#: had before the split into modules (a command not named here goes last).
_ORDER = [
    "ingest", "analyze", "articles", "show", "read", "compare", "stories", "story",
    "similarity", "compare-all", "export", "cluster-all", "serve",
]  # fmt: skip


def _register_serve() -> None:
    # The web stage owns its command (and imports FastAPI only when the command runs).
    from newsprism.web.cli import SERVE_EPILOG, serve_command

    app.command("serve", epilog=SERVE_EPILOG)(serve_command)


_register_serve()


def _place(command: CommandInfo) -> int:
    name = command.name or getattr(command.callback, "__name__", "")
    return _ORDER.index(name) if name in _ORDER else len(_ORDER)


app.registered_commands.sort(key=_place)


def main() -> None:
    app()
