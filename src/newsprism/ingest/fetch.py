"""Guarded HTTP fetching: no private addresses, manual redirects, a byte cap, a deadline.

Every hop of a redirect chain is resolved and checked before it is requested, so a public
URL cannot bounce the fetcher onto 127.0.0.1 or the cloud metadata service. The connection
itself goes through :class:`GuardedBackend`, which resolves the host once more, checks those
addresses too and connects to the checked address, so a DNS server that answers differently
the second time (DNS rebinding) cannot slip a private address in between check and connect.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from newsprism.errors import (
    BinaryInput,
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InputTooLarge,
)
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.options import ReadOptions, Resolver, system_resolver

MAX_REDIRECTS = 5
USER_AGENT = "newsprism/0.1 (+https://github.com/newsprism/newsprism)"
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata.goog", "metadata"})
METADATA_IPS = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
_BINARY_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")


@dataclass(frozen=True)
class FetchedPage:
    url: str
    final_url: str
    status: int
    content_type: str
    text: str
    #: the body as received (feeds are parsed from bytes so their XML declaration counts)
    raw: bytes = b""
    encoding: str = "utf-8"


def blocked_reason(address: str) -> str | None:
    """Why an IP address may not be fetched, or None when it is public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip in METADATA_IPS:
        return "a cloud metadata address"
    for attr, words in (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_unspecified", "an unspecified address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(ip, attr):
            return words
    return None


def check_url(url: str, *, options: ReadOptions) -> None:
    """Refuse non-HTTP schemes and hosts that resolve to non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(
            f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}",
            location=url,
        )
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise FetchError("the URL has no host", location=url)
    if options.allow_private:
        return
    if host in METADATA_HOSTS:
        raise BlockedAddress(f"{host} is a cloud metadata host", location=url)
    addresses = _resolve(host, resolver=options.resolver, location=url)
    _refuse_blocked(
        host, addresses, check=blocked_reason, said="{host} resolves to {address}", location=url
    )


def _resolve(host: str, *, resolver: Resolver | None, location: str) -> list[str]:
    """Every address of ``host`` (an IP literal is its own); a clear error when there is none."""
    bare = host.strip("[]")
    try:
        ipaddress.ip_address(bare)
        return [bare]
    except ValueError:
        pass
    try:
        addresses = (resolver or system_resolver)(bare)
    except OSError as exc:
        raise FetchError(f"cannot resolve {bare}: {exc}", location=location) from exc
    if not addresses:
        raise FetchError(f"cannot resolve {bare}: no addresses", location=location)
    return list(addresses)


def _refuse_blocked(
    host: str,
    addresses: Iterable[str],
    *,
    check: Callable[[str], str | None],
    said: str,
    location: str,
) -> None:
    """Raise BlockedAddress for the first address ``check`` refuses; ``said`` words the finding."""
    for address in addresses:
        reason = check(address)
        if reason:
            finding = said.format(host=host, address=address)
            raise BlockedAddress(f"{finding}, {reason}", location=location)


class GuardedBackend(httpcore.SyncBackend):
    """A network backend that connects only to addresses it has just resolved and checked.

    The check before a request and the connection are two DNS lookups; pinning the
    connection to the address checked here closes the gap between them. TLS still verifies
    the certificate against the host name, because httpcore passes it to ``start_tls``.
    """

    def __init__(
        self,
        *,
        resolver: Resolver | None = None,
        check: Callable[[str], str | None] = blocked_reason,
    ) -> None:
        self._resolver = resolver or system_resolver
        self._check = check

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = self.pick_address(host)
        return super().connect_tcp(
            address,
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )

    def pick_address(self, host: str) -> str:
        """The first address of ``host``, after checking every address it resolves to."""
        bare = host.strip("[]")
        addresses = _resolve(bare, resolver=self._resolver, location=bare)
        said = "{host} resolved to {address} when connecting"
        _refuse_blocked(bare, addresses, check=self._check, said=said, location=bare)
        return addresses[0]


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool on a :class:`GuardedBackend`."""

    def __init__(self, backend: GuardedBackend) -> None:
        super().__init__()
        # httpx builds its pool in __init__ with no way to pass a network backend, so the
        # pool is rebuilt here with the same TLS defaults and the guarded backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=backend
        )


def _transport(options: ReadOptions) -> httpx.BaseTransport | None:
    if options.transport is not None:
        return options.transport
    if options.allow_private:
        return None
    return GuardedTransport(GuardedBackend(resolver=options.resolver))


def fetch(url: str, *, options: ReadOptions) -> FetchedPage:
    """GET ``url`` with every guard on; return the decoded page."""
    deadline = time.monotonic() + options.timeout
    with httpx.Client(
        transport=_transport(options),
        timeout=options.timeout,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
    ) as client:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, options=options)
            try:
                with client.stream("GET", current) as response:
                    if not response.is_redirect:
                        return _page(response, url=url, options=options, deadline=deadline)
                    target = response.headers.get("location", "")
            except httpx.TimeoutException as exc:
                raise FetchTimeout(f"no answer within {options.timeout:g} s", location=url) from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"the request failed: {exc}", location=url) from exc
            if not target:
                raise FetchError("a redirect without a Location header", location=url)
            current = urljoin(current, target)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", location=url)


def _page(
    response: httpx.Response, *, url: str, options: ReadOptions, deadline: float
) -> FetchedPage:
    if response.status_code >= 400:
        raise HTTPStatusError(
            f"the server answered {response.status_code} {response.reason_phrase}".rstrip(),
            location=url,
        )
    content_type = response.headers.get("content-type", "")
    if content_type.lower().startswith(_BINARY_TYPES):
        raise BinaryInput(f"the page is {content_type.split(';')[0]}", location=url)
    raw = _read_capped(response, url=url, options=options, deadline=deadline)
    text, encoding = decode_bytes(raw, declared=response.charset_encoding, location=url)
    final = str(response.request.url)
    return FetchedPage(url, final, response.status_code, content_type, text, raw, encoding)


def _read_capped(
    response: httpx.Response, *, url: str, options: ReadOptions, deadline: float
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise InputTooLarge(
            f"the page is {int(declared):,} bytes, over the {options.max_bytes:,}-byte limit",
            location=url,
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            raise InputTooLarge(
                f"the page is over the {options.max_bytes:,}-byte limit", location=url
            )
        # a server that drips bytes forever would dodge the per-read timeout
        if time.monotonic() > deadline:
            raise FetchTimeout(f"the page took over {options.timeout:g} s", location=url)
        chunks.append(chunk)
    return b"".join(chunks)
