"""The `newsprism` command: parse -> call one library function -> render.

Exit codes: 0 all done, 1 some inputs failed (listed at the end), 2 usage error.

Where things are: common.py (the app, options, error handling, rendering helpers), articles.py
(ingest, analyze, articles, show, read, compare, similarity), stories.py (stories, and the `story`
sub-app: show, merge, split), scale.py (compare-all, cluster-all, export, ingest --workers),
serve.py (serve: the web app), evals.py (the `eval` sub-app).
"""

from __future__ import annotations

from newsprism.cli import articles, evals, scale, serve, stories
from newsprism.cli.common import app

__all__ = ["app", "main"]

_ = (articles, evals, scale, serve, stories)  # imported for their commands: they register on `app`


def main() -> None:
    app()
