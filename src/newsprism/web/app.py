"""The FastAPI app factory: one store, the pages, the JSON API, and the guards around them.

Every error leaves as ``{"error": {"code", "message", "hint"}}`` (JSON under /api, an HTML
page elsewhere). The guard middleware checks the Host (no DNS rebinding onto a loopback
server), refuses cross-site writes, caps request bodies, and sets a strict
Content-Security-Policy: no inline script or style, nothing loaded from other origins.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism import __version__
from newsprism.errors import (
    AmbiguousArticleId,
    FetchError,
    FetchTimeout,
    Forbidden,
    InputError,
    InputTooLarge,
    InvalidRequest,
    MethodNotAllowed,
    ModelError,
    NewsprismError,
    NotFound,
    RequestTooLarge,
    StageUnavailable,
    StoreError,
    Unauthorized,
    UsageError,
    WebError,
)
from newsprism.ingest import ReadOptions
from newsprism.web.security import CSP, SECURITY_HEADERS
from newsprism.web.stages import Stages
from newsprism.web.state import LOOPBACK_NAMES, Limits, WebState, is_loopback

__all__ = ["CSP", "create_app", "error_status"]

STATIC = Path(__file__).parent / "static"

_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# most specific first: the first class an error is an instance of decides its status
_STATUS: tuple[tuple[type[NewsprismError], int], ...] = (
    (NotFound, 404),
    (Unauthorized, 401),
    (Forbidden, 403),
    (RequestTooLarge, 413),
    (InputTooLarge, 413),
    (MethodNotAllowed, 405),
    (StageUnavailable, 503),
    (InvalidRequest, 422),
    (AmbiguousArticleId, 409),
    (FetchTimeout, 504),
    (FetchError, 502),
    (InputError, 400),
    (UsageError, 400),
    (StoreError, 500),
    (ModelError, 503),
    (WebError, 400),
)


def error_status(exc: NewsprismError) -> int:
    """The HTTP status for a newsprism error."""
    from newsprism.errors import ArticleNotFound, BlockedAddress

    if isinstance(exc, ArticleNotFound) and not isinstance(exc, AmbiguousArticleId):
        return 404
    if isinstance(exc, BlockedAddress):
        return 403
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            return status
    return 500


def error_body(exc: NewsprismError) -> dict[str, Any]:
    message = f"{exc.location}: {exc.message}" if exc.location else exc.message
    return {"error": {"code": exc.code, "message": message, "hint": exc.hint or None}}


def create_app(
    store_path: str | Path,
    *,
    token: str | None = None,
    allow_private: bool = False,
    host: str = "127.0.0.1",
    limits: Limits | None = None,
    stages: Stages | None = None,
    read_options: ReadOptions | None = None,
    embed_on_ingest: bool = False,
) -> FastAPI:
    """The web app over the database at ``store_path``.

    ``host`` is the address the server listens on: anything but loopback needs a ``token``,
    which every write (ingest, merge, split) must then carry as ``Authorization: Bearer``.
    ``allow_private`` lets URL fetching reach loopback and private addresses.
    ``stages`` replaces the pipeline stages (tests pass fakes).
    """
    state = WebState.open(
        str(store_path),
        token=token,
        host=host,
        allow_private=allow_private,
        limits=limits or Limits(),
        stages=stages or Stages.default(),
        read_options=read_options,
        embed_on_ingest=embed_on_ingest,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description=(
            "Read many news reports of the same events and see, claim by claim, what sources "
            "agree on, add, omit and contradict. Every error is "
            '`{"error": {"code", "message", "hint"}}`; lists take `limit` and `offset` and '
            "return `total`. Writes need `Authorization: Bearer TOKEN` when the server has a "
            "token."
        ),
        docs_url=None,  # Swagger UI loads scripts from a CDN: not under our CSP, not offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = state
    _install_error_handlers(app)
    from newsprism.web.api_routes import router as api_router
    from newsprism.web.pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    guarded = Guard(state)
    app.add_middleware(_Wrap, guard=guarded)
    return app


# --- errors -----------------------------------------------------------------------------------


def _install_error_handlers(app: FastAPI) -> None:
    async def on_newsprism(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NewsprismError)
        return error_response(request, exc)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        err: NewsprismError
        if exc.status_code == 404:
            err = NotFound(f"nothing at {request.url.path}")
        elif exc.status_code == 413:
            err = _too_large(state_of(request).limits.max_request_bytes)
        elif exc.status_code == 405:
            err = MethodNotAllowed(f"{request.method} is not allowed on {request.url.path}")
        else:
            err = WebError(str(exc.detail))
        response = error_response(request, err, status=exc.status_code)
        response.headers.update(exc.headers or {})
        return response

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, InvalidRequest(_validation_message(exc)))

    async def on_crash(request: Request, exc: Exception) -> Response:
        err = WebError(
            f"the server failed: {type(exc).__name__}",
            hint="This is a bug in newsprism; please report it with the request that caused it.",
        )
        return error_response(request, err, status=500)

    app.add_exception_handler(NewsprismError, on_newsprism)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(Exception, on_crash)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors()[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x != "body") or "request"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    more = len(exc.errors()) - 5
    return "invalid request: " + "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def state_of(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def wants_json(path: str) -> bool:
    return path == "/api" or path.startswith(("/api/", "/openapi"))


def error_response(request: Request, exc: NewsprismError, *, status: int | None = None) -> Response:
    code = status or error_status(exc)
    headers = {"www-authenticate": "Bearer"} if code == 401 else None
    if wants_json(request.url.path):
        return JSONResponse(error_body(exc), status_code=code, headers=headers)
    from newsprism.web.pages import render_error

    return HTMLResponse(render_error(request, exc, code), status_code=code, headers=headers)


# --- the guard --------------------------------------------------------------------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _BodyTooLarge(StarletteHTTPException):
    """Raised while reading a body past the cap. An HTTPException, so that FastAPI's body
    parsing passes it on (it turns any other exception into a 400)."""

    def __init__(self) -> None:
        super().__init__(status_code=413)


class Guard:
    """Host and Origin checks, a body size cap, and security headers, around the whole app."""

    def __init__(self, state: WebState) -> None:
        self.state = state
        self.loopback = is_loopback(state.host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send, inner: ASGIApp) -> None:
        if scope["type"] != "http":
            await inner(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _send_error(scope, send, refusal)
            return
        limit = self.state.limits.max_request_bytes
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge
            return message

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = _with_security_headers(message.get("headers", []))
            await send(message)

        try:
            await inner(scope, counting_receive, secured_send)
        except _BodyTooLarge:
            if not started:
                await _send_error(scope, send, _too_large(limit))

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> NewsprismError | None:
        host = _host_name(headers.get("host", ""))
        if self.loopback and host not in LOOPBACK_NAMES:
            # a loopback server answers to loopback names only: a rebinding DNS name is refused
            return Forbidden(
                f"the server listens on loopback and does not answer to the host {host!r}",
                hint="Open the app at http://127.0.0.1 or http://localhost.",
            )
        if scope["method"] in _UNSAFE:
            origin = headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != headers.get("host"):
                return Forbidden(f"a write from another site ({origin}) was refused")
            if headers.get("sec-fetch-site") == "cross-site" or origin == "null":
                return Forbidden("a write from another site was refused")
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.state.limits.max_request_bytes:
            return _too_large(self.state.limits.max_request_bytes)
        return None


class _Wrap:
    """Starlette middleware shim: runs the Guard around the rest of the stack."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.guard(scope, receive, send, self.app)


def _too_large(limit: int) -> RequestTooLarge:
    return RequestTooLarge(f"the request body is over the {limit:,}-byte limit")


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _with_security_headers(raw: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    present = {k.lower() for k, _ in raw}
    out = list(raw)
    if b"content-security-policy" not in present:
        out.append((b"content-security-policy", CSP.encode()))
    for name, value in SECURITY_HEADERS.items():
        if name.encode() not in present:
            out.append((name.encode(), value.encode()))
    return out


async def _send_error(scope: Scope, send: Send, exc: NewsprismError) -> None:
    status = error_status(exc)
    path = str(scope.get("path", ""))
    if wants_json(path):
        body = json.dumps(error_body(exc)).encode()
        ctype = b"application/json"
    else:
        from html import escape

        body = (
            f"<!doctype html><title>{status} · newsprism</title>"
            f"<h1>{escape(exc.code)}</h1><p>{escape(exc.message)}</p><p>{escape(exc.hint)}</p>"
        ).encode()
        ctype = b"text/html; charset=utf-8"
    headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": _with_security_headers(headers),
        }
    )
    await send({"type": "http.response.body", "body": body})
