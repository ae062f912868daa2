"""The guarded fetcher: address checks on every hop, timeouts, status codes, size caps."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable

import httpx
import pytest

from newsprism.errors import (
    BinaryInput,
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InputTooLarge,
)
from newsprism.ingest import ReadOptions, blocked_reason, fetch
from newsprism.ingest.fetch import GuardedBackend, GuardedTransport

PAGE = "https://harbourgazette.example/news/valmer-strike"
HTML = "<html><body><p>Dockworkers walk out at Valmer.</p></body></html>"

Net = Callable[..., ReadOptions]


def test_fetches_and_decodes_by_header_charset(net: Net) -> None:
    body = "<p>Grève à Valmer</p>".encode("latin-1")
    opts = net(
        {
            PAGE: httpx.Response(
                200, content=body, headers={"content-type": "text/html; charset=iso-8859-1"}
            )
        }
    )
    page = fetch(PAGE, options=opts)
    assert page.status == 200
    assert page.text == "<p>Grève à Valmer</p>"
    assert page.final_url == PAGE
    assert page.content_type.startswith("text/html")


def test_sniffs_when_the_header_charset_is_wrong(net: Net) -> None:
    body = "<p>Grève à Valmer</p>".encode()
    opts = net(
        {
            PAGE: httpx.Response(
                200, content=body, headers={"content-type": "text/html; charset=ascii"}
            )
        }
    )
    assert fetch(PAGE, options=opts).text == "<p>Grève à Valmer</p>"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://home.example/", "loopback"),
        ("http://intranet.example/wiki", "private"),
        ("http://metadata.example/latest/meta-data/", "cloud metadata"),
        ("http://v6meta.example/", "cloud metadata"),
        ("http://mixed.example/", "private"),
        ("http://127.0.0.1:8080/admin", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://169.254.169.254/latest/", "cloud metadata"),
        ("http://metadata.google.internal/computeMetadata/v1/", "metadata host"),
        ("http://0.0.0.0/", "unspecified"),
    ],
)
def test_refuses_non_public_addresses(net: Net, url: str, words: str) -> None:
    opts = net({url: httpx.Response(200, text=HTML)})
    with pytest.raises(BlockedAddress, match=words) as caught:
        fetch(url, options=opts)
    assert caught.value.location == url
    assert "--allow-private" in str(caught.value)


def test_allow_private_lets_them_through(net: Net) -> None:
    url = "http://intranet.example/wiki"
    opts = net(
        {url: httpx.Response(200, text=HTML, headers={"content-type": "text/html"})},
        allow_private=True,
    )
    assert "Valmer" in fetch(url, options=opts).text


def test_every_redirect_hop_is_checked(net: Net) -> None:
    opts = net(
        {
            PAGE: httpx.Response(302, headers={"location": "http://metadata.example/latest/"}),
            "http://metadata.example/latest/": httpx.Response(200, text="secret"),
        }
    )
    with pytest.raises(BlockedAddress, match=r"169\.254\.169\.254"):
        fetch(PAGE, options=opts)


def test_follows_public_redirects_and_reports_the_final_url(net: Net) -> None:
    final = "https://coastaltribune.example/strike"
    opts = net(
        {
            PAGE: httpx.Response(301, headers={"location": "/moved"}),
            "https://harbourgazette.example/moved": httpx.Response(
                302, headers={"location": final}
            ),
            final: httpx.Response(200, text=HTML, headers={"content-type": "text/html"}),
        }
    )
    page = fetch(PAGE, options=opts)
    assert page.final_url == final
    assert page.url == PAGE


def test_redirect_loops_stop(net: Net) -> None:
    opts = net({PAGE: httpx.Response(302, headers={"location": PAGE})})
    with pytest.raises(FetchError, match="redirects"):
        fetch(PAGE, options=opts)


def test_timeout(net: Net) -> None:
    def slow() -> httpx.Response:
        raise httpx.ReadTimeout("timed out")

    with pytest.raises(FetchTimeout, match="no answer within 2 s") as caught:
        fetch(PAGE, options=net({PAGE: slow}, timeout=2.0))
    assert "--timeout" in str(caught.value)


def test_404_and_500(net: Net) -> None:
    with pytest.raises(HTTPStatusError, match="404") as caught:
        fetch(PAGE + "/gone", options=net({}))
    assert caught.value.location == PAGE + "/gone"
    with pytest.raises(HTTPStatusError, match="503"):
        fetch(PAGE, options=net({PAGE: httpx.Response(503)}))


def test_size_cap_from_header_and_from_stream(net: Net) -> None:
    big = b"<p>" + b"x" * 5000 + b"</p>"
    with pytest.raises(InputTooLarge, match="1,000-byte limit"):
        fetch(PAGE, options=net({PAGE: httpx.Response(200, content=big)}, max_bytes=1000))

    def chunks() -> httpx.Response:
        # no content-length: the cap must stop the stream itself
        return httpx.Response(200, content=iter([b"<p>" + b"y" * 600] * 10))

    with pytest.raises(InputTooLarge):
        fetch(PAGE, options=net({PAGE: chunks}, max_bytes=1000))


def test_binary_content_type_and_other_schemes(net: Net) -> None:
    png = httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"})
    with pytest.raises(BinaryInput, match="image/png"):
        fetch(PAGE, options=net({PAGE: png}))
    with pytest.raises(FetchError, match="only http and https"):
        fetch("file:///etc/passwd", options=net({}))
    with pytest.raises(FetchError, match="cannot resolve"):
        fetch("https://nowhere.example/", options=net({}))


def test_blocked_reason() -> None:
    assert blocked_reason("93.184.216.34") is None
    assert blocked_reason("2606:4700::1111") is None
    assert blocked_reason("::ffff:127.0.0.1") == "a loopback address"
    assert blocked_reason("fe80::1%eth0") == "a link-local address"
    assert blocked_reason("224.0.0.1") == "a multicast address"
    assert blocked_reason("172.16.5.4") == "a private address"


def test_dns_rebinding_between_check_and_connect_is_refused() -> None:
    # The first lookup (the check) answers a public address, the second (the connection)
    # a loopback one: the connection must be refused, with no socket opened.
    answers = [["93.184.216.34"], ["127.0.0.1"]]
    calls: list[str] = []

    def flipping(host: str) -> list[str]:
        calls.append(host)
        return answers[min(len(calls), 2) - 1]

    with pytest.raises(BlockedAddress, match="when connecting, a loopback address"):
        fetch("http://rebind.example/news", options=ReadOptions(resolver=flipping, timeout=2))
    assert calls == ["rebind.example", "rebind.example"]


def test_guarded_transport_connects_to_the_checked_address() -> None:
    seen: dict[str, str] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen["host"] = self.headers.get("Host", "")
            body = b"<p>Ferry service resumes at Valmer.</p>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        # Only the check is relaxed here, so the test can use loopback; the pinning is real.
        backend = GuardedBackend(resolver=lambda host: ["127.0.0.1"], check=lambda a: None)
        port = server.server_address[1]
        with httpx.Client(transport=GuardedTransport(backend)) as client:
            response = client.get(f"http://harbour.example:{port}/news")
    finally:
        server.shutdown()
        server.server_close()
    assert response.status_code == 200
    assert "Ferry service" in response.text
    assert seen["host"] == f"harbour.example:{port}"


def test_guarded_backend_checks_every_resolved_address() -> None:
    backend = GuardedBackend(resolver=lambda host: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(BlockedAddress, match=r"10\.0\.0\.7"):
        backend.pick_address("mixed.example")
    assert GuardedBackend(resolver=lambda h: ["93.184.216.34"]).pick_address("a.example") == (
        "93.184.216.34"
    )
    with pytest.raises(FetchError, match="no addresses"):
        GuardedBackend(resolver=lambda h: []).pick_address("empty.example")
