"""Running the web app with uvicorn: in the foreground (``newsprism serve``) or in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsprism.errors import WebError
from newsprism.web.app import create_app
from newsprism.web.state import Limits

__all__ = ["background_server", "serve"]


def serve(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    token: str | None = None,
    allow_private: bool = False,
    limits: Limits | None = None,
    log_level: str = "info",
) -> None:
    """Serve the app over ``db`` until interrupted.

    Listening on anything but loopback needs a ``token`` (writes must carry it).
    """
    import uvicorn

    app = create_app(
        db, token=token, allow_private=allow_private, host=host, limits=limits, embed_on_ingest=True
    )
    uvicorn.run(app, **_uvicorn_options(host, port, log_level))


def _uvicorn_options(host: str, port: int, log_level: str) -> dict[str, Any]:
    return {
        "host": host,
        "port": port,
        "log_level": log_level,
        "server_header": False,
        "proxy_headers": False,  # a local server: the peer address is the client
        "limit_concurrency": 512,
        "timeout_keep_alive": 5,
        "h11_max_incomplete_event_size": 64 * 1024,  # headers
    }


@contextmanager
def background_server(
    app: Any, *, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning"
) -> Iterator[str]:
    """Run ``app`` in a thread on a free port; yields its base URL ("http://127.0.0.1:PORT")."""
    import uvicorn

    config = uvicorn.Config(app, **_uvicorn_options(host, port, log_level))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="newsprism-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise WebError(f"the web server did not start on {host}:{port}")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
