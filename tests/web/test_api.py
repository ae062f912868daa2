"""The JSON API: listing, pagination, one error shape, tokens, limits and guarded fetching."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from newsprism import stories
from newsprism.ingest import ReadOptions
from newsprism.store import Store
from newsprism.web import Limits, Stages, create_app
from tests.web.conftest import FAKE_STAGES, FIXTURES, FakeStories, make_client

ERROR_KEYS = {"code", "message", "hint"}


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, str]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_health_says_what_the_server_can_do(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["articles"] == 3
    assert body["compare"] is True
    assert body["stories"] is False
    assert body["writes_need_token"] is False


def test_articles_are_paginated_with_a_total(client: TestClient, ids: dict[str, str]) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert first["total"] == 3 and first["limit"] == 2 and first["offset"] == 0
    # newest publication first
    assert [a["id"] for a in first["items"]] == [ids["hostile"], ids["harbour_tribune"]]
    rest = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in rest["items"]] == [ids["harbour_gazette"]]
    assert rest["total"] == 3


def test_articles_filter_by_search_outlet_dates_and_entity(
    client: TestClient, ids: dict[str, str]
) -> None:
    def found(**params: str) -> list[str]:
        body = client.get("/api/articles", params=params).json()
        assert body["total"] == len(body["items"])
        return sorted(a["id"] for a in body["items"])

    assert found(q="cranes") == sorted([ids["harbour_gazette"], ids["harbour_tribune"]])
    assert found(q="gale") == [ids["harbour_tribune"]]
    assert found(outlet="harbour gazette") == [ids["harbour_gazette"]]
    assert found(since="2031-03-03") == sorted([ids["harbour_tribune"], ids["hostile"]])
    assert found(until="2031-03-02") == [ids["harbour_gazette"]]
    assert found(since="2031-03-03", until="2031-03-03") == [ids["harbour_tribune"]]
    assert found(entity="Ada Pike") == [ids["hostile"]]
    assert found(entity="Ona Reilly", q="gale") == [ids["harbour_tribune"]]
    snippet = client.get("/api/articles", params={"q": "gale"}).json()["items"][0]["snippet"]
    assert "[gale]" in snippet


def test_search_text_is_never_query_syntax(client: TestClient) -> None:
    for q in ['"unbalanced', "NEAR(a b)", "title:x OR", "*", "a AND -b"]:
        assert client.get("/api/articles", params={"q": q}).status_code == 200


def test_outlets_are_counted(client: TestClient) -> None:
    items = client.get("/api/outlets").json()["items"]
    assert {"outlet": "Harbour Gazette", "articles": 1} in items
    assert {i["outlet"] for i in items} == {"Harbour Gazette", "Brindle Tribune", "Hostile Herald"}


def test_one_article_and_its_extraction(client: TestClient, ids: dict[str, str]) -> None:
    aid = ids["harbour_gazette"]
    body = client.get(f"/api/articles/{aid[:8]}").json()
    assert body["id"] == aid
    assert body["text"].startswith("Storm closes Brindle harbour")
    assert body["metadata"]["outlet"] == {
        "value": "Harbour Gazette",
        "source": "user",
        "confidence": 1.0,
    }
    ex = client.get(f"/api/articles/{aid}/extraction").json()
    assert ex["article_id"] == aid
    for m in ex["mentions"]:
        assert body["text"][m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/articles/0000000000000000", 404, "E301"),
        ("/api/articles/not-hex", 404, "E301"),
        ("/api/stories/abc", 404, "E601"),
        ("/api/no/such/route", 404, "E601"),
        ("/api/articles?limit=0", 422, "E605"),
        ("/api/articles?limit=abc", 422, "E605"),
        ("/api/articles?since=yesterday", 422, "E605"),
    ],
)
def test_every_error_has_one_shape(client: TestClient, path: str, status: int, code: str) -> None:
    assert_error(client.get(path), status, code)


def test_wrong_method_and_bad_json_have_the_shape_too(client: TestClient) -> None:
    assert_error(client.delete("/api/articles"), 405, "E606")
    r = client.post(
        "/api/compare", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error(r, 422, "E605")
    assert_error(client.post("/api/stories/merge", json={"story_ids": ["a"]}), 422, "E605")


def test_ambiguous_id_prefix_is_a_conflict(tmp_path: Path) -> None:
    from web.conftest import fill_store

    path = tmp_path / "x.db"
    fill_store(path)
    with make_client(create_app(path, stages=FAKE_STAGES)) as c:
        # every id starts with a hex digit: with three articles, some single digit may be shared
        ids = [a["id"] for a in c.get("/api/articles").json()["items"]]
        shared = {i[0] for i in ids if [j[0] for j in ids].count(i[0]) > 1}
        if shared:
            assert_error(c.get(f"/api/articles/{shared.pop()}"), 409, "E303")
        absent = next(ch for ch in "0123456789abcdef" if ch not in {i[0] for i in ids})
        assert_error(c.get(f"/api/articles/{absent}"), 404, "E301")


def test_compare_stored_and_pasted(client: TestClient, ids: dict[str, str]) -> None:
    text = (FIXTURES / "harbour_tribune.txt").read_text()
    r = client.post(
        "/api/compare",
        json={"ids": [ids["harbour_gazette"]], "texts": [{"text": text, "outlet": "Paste Post"}]},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert [a["outlet"] for a in body["articles"]] == ["Harbour Gazette", "Paste Post"]
    kinds = [c["type"] for c in body["comparison"]["contradictions"]]
    assert kinds == ["number", "date"]
    assert body["failed"] == []


def test_compare_needs_two_articles(client: TestClient, ids: dict[str, str]) -> None:
    r = client.post("/api/compare", json={"ids": [ids["hostile"]]})
    assert r.status_code == 200
    body = r.json()
    assert body["comparison"] is None
    assert body["problem"]["code"] == "E605" and "at least two" in body["problem"]["message"]
    assert [a["id"] for a in body["articles"]] == [ids["hostile"]]


def test_compare_upload(client: TestClient) -> None:
    files = [
        ("files", ("a.txt", (FIXTURES / "harbour_gazette.txt").read_bytes(), "text/plain")),
        ("files", ("b.txt", (FIXTURES / "harbour_tribune.txt").read_bytes(), "text/plain")),
    ]
    r = client.post("/api/compare/upload", files=files, data={"published": "2031-03-02"})
    assert r.status_code == 200, r.text
    assert [a["published"] for a in r.json()["articles"]] == ["2031-03-02", "2031-03-02"]


def test_compare_without_the_stage_is_unavailable(db: tuple[Path, dict[str, str]]) -> None:
    with make_client(create_app(db[0], stages=Stages(extract=None))) as c:
        assert_error(c.post("/api/compare", json={"ids": list(db[1].values())}), 503, "E607")
        assert c.get("/api/health").json()["compare"] is False


def test_ingest_on_loopback_needs_no_token(client: TestClient) -> None:
    r = client.post(
        "/api/ingest",
        json={"texts": [{"text": "Quay reopens\n\nThe quay reopened on Friday.", "outlet": "X"}]},
    )
    assert r.status_code == 200, r.text
    assert len(r.json()["added"]) == 1
    assert client.get("/api/health").json()["articles"] == 4
    again = client.post(
        "/api/ingest",
        json={"texts": [{"text": "Quay reopens\n\nThe quay reopened on Friday.", "outlet": "X"}]},
    )
    assert again.json()["unchanged"] == r.json()["added"]


def test_ingest_reports_bad_inputs_and_goes_on(client: TestClient) -> None:
    r = client.post(
        "/api/ingest",
        json={
            "texts": [
                {"text": "Fine\n\nA fine text.", "published": "not a date"},
                {"text": "Good\n\nAnother text."},
            ]
        },
    )
    body = r.json()
    assert len(body["added"]) == 1
    assert body["failed"][0]["code"] == "E500"
    assert body["failed"][0]["message"].startswith("pasted text 1")


def test_off_loopback_needs_a_token(db: tuple[Path, dict[str, str]]) -> None:
    from newsprism.errors import UsageError

    with pytest.raises(UsageError, match="token"):
        create_app(db[0], host="0.0.0.0", stages=FAKE_STAGES)
    app = create_app(db[0], host="0.0.0.0", token="s3cret", stages=FAKE_STAGES)
    with TestClient(app, base_url="http://newsroom.example:8000") as c:
        body = {"texts": [{"text": "Quay\n\nThe quay reopened."}]}
        r = c.post("/api/ingest", json=body)
        assert_error(r, 401, "E602")
        assert r.headers["www-authenticate"] == "Bearer"
        assert_error(
            c.post("/api/ingest", json=body, headers={"authorization": "Bearer nope"}), 401, "E602"
        )
        ok = c.post("/api/ingest", json=body, headers={"authorization": "Bearer s3cret"})
        assert ok.status_code == 200
        # reads stay open
        assert c.get("/api/articles").status_code == 200


def test_a_token_is_checked_on_loopback_too(db: tuple[Path, dict[str, str]]) -> None:
    with make_client(create_app(db[0], token="t", stages=FAKE_STAGES)) as c:
        assert_error(c.post("/api/ingest", json={"urls": []}), 401, "E602")


def test_loopback_server_refuses_foreign_host_names(client: TestClient) -> None:
    # DNS rebinding: evil.example resolving to 127.0.0.1 must not reach the app
    r = client.get("/api/health", headers={"host": "evil.example:8000"})
    assert_error(r, 403, "E603")
    assert client.get("/api/health", headers={"host": "localhost:8000"}).status_code == 200


def test_cross_site_writes_are_refused(client: TestClient) -> None:
    body = {"texts": [{"text": "Quay\n\nThe quay reopened."}]}
    r = client.post("/api/ingest", json=body, headers={"origin": "https://evil.example"})
    assert_error(r, 403, "E603")
    r = client.post("/api/ingest", json=body, headers={"sec-fetch-site": "cross-site"})
    assert_error(r, 403, "E603")
    same = client.post("/api/ingest", json=body, headers={"origin": BASE_ORIGIN})
    assert same.status_code == 200


BASE_ORIGIN = "http://127.0.0.1:8000"


def test_request_size_is_capped(db: tuple[Path, dict[str, str]]) -> None:
    app = create_app(
        db[0], stages=FAKE_STAGES, limits=Limits(max_request_bytes=2000, max_upload_bytes=1000)
    )
    with make_client(app) as c:
        big = {"texts": [{"text": "x" * 5000}]}
        assert_error(c.post("/api/ingest", json=big), 413, "E604")

        def chunks():  # no Content-Length: the cap holds while the body streams in
            for _ in range(10):
                yield b"x" * 500

        r = c.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"})
        assert_error(r, 413, "E604")
        files = [("files", ("a.txt", b"Title\n\n" + b"y" * 1500, "text/plain"))]
        assert_error(c.post("/api/ingest/upload", files=files), 413, "E604")
        small = [("files", ("a.txt", b"Title\n\n" + b"y words " * 50, "text/plain"))]
        assert c.post("/api/ingest/upload", files=small).status_code == 200


def test_url_fetching_refuses_loopback_and_metadata(client: TestClient) -> None:
    for url in (
        "http://127.0.0.1:8000/api/health",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
    ):
        r = client.post("/api/ingest", json={"urls": [url]})
        assert r.status_code == 200
        failed = r.json()["failed"]
        assert [f["code"] for f in failed] == ["E201"], failed
    r = client.post("/api/compare", json={"urls": ["http://10.0.0.1/", "http://localhost/"]})
    body = r.json()
    assert body["comparison"] is None and body["problem"]["code"] == "E605"
    assert [f["code"] for f in body["failed"]] == ["E201", "E201"]


def test_url_fetching_can_be_allowed(db: tuple[Path, dict[str, str]]) -> None:
    page = (
        b"<html><head><title>Local page</title></head><body><p>The local harbour page says "
        b"the quay reopened on Friday after repairs.</p></body></html>"
    )

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=page, headers={"content-type": "text/html"})

    options = ReadOptions(transport=httpx.MockTransport(handler))
    for allow, want in ((False, "failed"), (True, "added")):
        app = create_app(db[0], stages=FAKE_STAGES, allow_private=allow, read_options=options)
        with make_client(app) as c:
            body = c.post("/api/ingest", json={"urls": ["http://192.168.1.20/page"]}).json()
            assert len(body[want]) == 1, body


def test_stories_api_with_a_backend(db: tuple[Path, dict[str, str]]) -> None:
    path, ids = db
    stories = FakeStories(
        {"s1": [ids["harbour_gazette"], ids["harbour_tribune"]], "s2": [ids["hostile"]]}
    )
    stages = Stages(
        extract=FAKE_STAGES.extract,
        compare=FAKE_STAGES.compare,
        render=FAKE_STAGES.render,
        stories=lambda p: stories,
    )
    with make_client(create_app(path, stages=stages)) as c:
        page = c.get("/api/stories", params={"limit": 1}).json()
        assert page["total"] == 2 and len(page["items"]) == 1
        one = c.get("/api/stories/s1").json()
        assert [a["id"] for a in one["articles"]] == [
            ids["harbour_gazette"],
            ids["harbour_tribune"],
        ]
        assert len(one["comparison"]["contradictions"]) == 2
        assert c.get("/api/stories/s2").json()["comparison"] is None
        merged = c.post("/api/stories/merge", json={"story_ids": ["s1", "s2"]}).json()
        assert merged["id"] == "s1" and len(merged["article_ids"]) == 3
        assert_error(c.post("/api/stories/merge", json={"story_ids": ["s1", "zz"]}), 404, "E601")
        parts = c.post("/api/stories/s1/split", json={"article_ids": [ids["hostile"]]}).json()[
            "items"
        ]
        assert [len(p["article_ids"]) for p in parts] == [2, 1]


def test_merge_and_split_need_a_story_backend(client: TestClient) -> None:
    assert_error(client.post("/api/stories/merge", json={"story_ids": ["a", "b"]}), 404, "E601")
    assert_error(client.post("/api/stories/a/split", json={"article_ids": ["x"]}), 404, "E601")


def test_openapi_document_is_complete(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    expected = {
        ("/api/health", "get"),
        ("/api/articles", "get"),
        ("/api/outlets", "get"),
        ("/api/articles/{article_id}", "get"),
        ("/api/articles/{article_id}/extraction", "get"),
        ("/api/stories", "get"),
        ("/api/stories/{story_id}", "get"),
        ("/api/stories/merge", "post"),
        ("/api/stories/{story_id}/split", "post"),
        ("/api/compare", "post"),
        ("/api/compare/upload", "post"),
        ("/api/ingest", "post"),
        ("/api/ingest/upload", "post"),
    }
    found = {(p, m) for p, ops in paths.items() for m in ops}
    assert found == expected, "every API route is documented, and no page route is"
    # every route served under /api appears in the document
    from fastapi.routing import APIRoute

    from newsprism.web.api_routes import router

    served = {
        (r.path, m.lower()) for r in router.routes if isinstance(r, APIRoute) for m in r.methods
    }
    assert served == expected
    schemas = doc["components"]["schemas"]
    assert "HTTPValidationError" not in schemas, "422 is documented with our error shape"
    for path, method in expected:
        op = paths[path][method]
        ok = op["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok, f"{method} {path} documents its result"
        for status in ("404", "422", "500"):
            ref = op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/ErrorBody")
    writes = {
        ("/api/stories/merge", "post"),
        ("/api/stories/{story_id}/split", "post"),
        ("/api/ingest", "post"),
        ("/api/ingest/upload", "post"),
    }
    for path, method in writes:
        assert paths[path][method]["security"] == [{"HTTPBearer": []}]
    assert "security" not in paths["/api/compare"]["post"]
    page = paths["/api/articles"]["get"]
    names = {p["name"] for p in page["parameters"]}
    assert names == {"q", "outlet", "since", "until", "entity", "limit", "offset"}
    assert set(schemas["ArticlePage"]["required"]) >= {"items", "total", "limit", "offset"}


def test_security_headers_on_api_and_pages(client: TestClient) -> None:
    for path in ("/api/health", "/", "/api/missing", "/missing"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_urls_are_only_http(client: TestClient) -> None:
    """A "URL" that is a path must never read the server's own files."""
    for url in ("/", "/etc/passwd", "file:///etc/passwd", "", "ftp://example.org/x"):
        body = client.post("/api/ingest", json={"urls": [url]}).json()
        assert body["added"] == [], url
        assert [f["code"] for f in body["failed"]] == ["E200"], url


def test_a_reader_crash_is_an_input_failure(client: TestClient) -> None:
    feed = b'<?xml version="1.0" encoding="utf-16"?><rss><channel></channel></rss>'
    files = [("files", ("feed.xml", feed, "application/xml"))]
    body = client.post("/api/ingest/upload", files=files).json()
    assert body["added"] == []
    assert body["failed"][0]["code"].startswith("E1")


@pytest.mark.slow  # embeds with the real model
def test_an_article_posted_to_the_api_appears_in_a_story(tmp_path: Path) -> None:
    """HTTP ingest takes the library's one ingest path: stored, embedded and placed in a story."""
    path = tmp_path / "posted.db"
    app = create_app(path, stages=Stages(stories=Stages.default().stories), embed_on_ingest=True)
    text = "Quay reopens in Ostra\n\nThe harbour quay in Ostra reopened on Friday after repairs."
    with make_client(app) as c:
        r = c.post("/api/ingest", json={"texts": [{"text": text, "outlet": "Harbour Gazette"}]})
        assert r.status_code == 200, r.text
        [article_id] = r.json()["added"]
        listed = c.get("/api/stories").json()
    assert [s["article_ids"] for s in listed["items"]] == [[article_id]]
    with Store(path) as store:
        [story] = stories.list_stories(store)
        assert [a.id for a, _ in stories.story_members(store, story.id)] == [article_id]
