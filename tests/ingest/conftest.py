"""A fake network for ingest tests: httpx.MockTransport plus a fake DNS resolver."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from newsprism.ingest import ReadOptions

#: host -> addresses the fake resolver answers
HOSTS = {
    "harbourgazette.example": ["93.184.216.34"],
    "coastaltribune.example": ["93.184.216.35"],
    "intranet.example": ["10.0.0.7"],
    "home.example": ["127.0.0.1"],
    "metadata.example": ["169.254.169.254"],
    "v6meta.example": ["fd00:ec2::254"],
    "mixed.example": ["93.184.216.36", "192.168.1.20"],
}


def fake_resolver(host: str) -> list[str]:
    if host not in HOSTS:
        raise OSError(f"unknown host {host}")
    return HOSTS[host]


Handler = Callable[[httpx.Request], httpx.Response]


def site(pages: dict[str, httpx.Response | Callable[[], httpx.Response]]) -> Handler:
    """A handler serving fixed responses by URL; anything else is a 404."""

    def handle(request: httpx.Request) -> httpx.Response:
        page = pages.get(str(request.url))
        if page is None:
            return httpx.Response(404, text="not here")
        return page() if callable(page) else page

    return handle


@pytest.fixture
def net() -> Callable[..., ReadOptions]:
    """ReadOptions wired to a fake site: net({url: response}, **other options)."""

    def make(
        pages: dict[str, httpx.Response | Callable[[], httpx.Response]], **kw: object
    ) -> ReadOptions:
        return ReadOptions(
            transport=httpx.MockTransport(site(pages)),
            resolver=fake_resolver,
            **kw,  # type: ignore[arg-type]
        )

    return make
