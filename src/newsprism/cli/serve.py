"""`newsprism serve`: the web app and JSON API over the database (FastAPI loads only when the
command runs, so `newsprism --help` stays quick)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsprism.cli.common import DEFAULT_DB, DbOpt, PrivateOpt, app, handle_errors


@app.command(
    "serve",
    epilog="Example: newsprism serve --db news.db, then open http://127.0.0.1:8000. "
    "The JSON API is described at /openapi.json.",
)
@handle_errors
def serve_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on. Anything but loopback needs --token."),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")
    ] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="NEWSPRISM_TOKEN",
            help="Writes (ingest, merge, split) must send `Authorization: Bearer TOKEN` "
            "(env NEWSPRISM_TOKEN).",
            show_default=False,
        ),
    ] = None,
    allow_private: PrivateOpt = False,
    max_request_mb: Annotated[
        float, typer.Option("--max-request-mb", min=0.001, help="Largest request body, in MB.")
    ] = 25.0,
    max_upload_mb: Annotated[
        float, typer.Option("--max-upload-mb", min=0.001, help="Largest uploaded file, in MB.")
    ] = 10.0,
) -> None:
    """Serve the web app and JSON API over the database: stories, articles, compare."""
    from newsprism.web.server import serve
    from newsprism.web.state import Limits

    limits = Limits(
        max_request_bytes=int(max_request_mb * 1_000_000),
        max_upload_bytes=int(max_upload_mb * 1_000_000),
    )
    serve(db, host, port, token=token, allow_private=allow_private, limits=limits)
