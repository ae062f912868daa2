"""The HTML pages: lists, the highlighted article, the story page, forms, and hostile text."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient
from markupsafe import Markup

from newsprism.models import Meta, Provenance
from newsprism.store import Store
from newsprism.web import Stages, create_app
from newsprism.web.story_page import CHROME_CSS, story_csp, wrap_story
from tests.web.conftest import FAKE_STAGES, FIXTURES, FakeStories, make_client


def test_home_lists_articles_until_stories_exist(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get("/").text
    assert "No stories yet" in page
    for aid in ids.values():
        assert f'href="/articles/{aid}"' in page
    assert 'name="ids"' in page  # tick to compare


def test_article_list_filters_and_marks_matches(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get("/articles", params={"q": "gale", "outlet": "Brindle Tribune"}).text
    assert f'href="/articles/{ids["harbour_tribune"]}"' in page
    assert ids["harbour_gazette"] not in page
    assert "<mark>gale</mark>" in page
    assert '<option value="Brindle Tribune" selected>' in page
    bad = client.get("/articles", params={"since": "soon"})
    assert (
        bad.status_code == 422
        and "E605" in bad.text
        and bad.headers["content-type"].startswith("text/html")
    )


def test_article_page_highlights_what_extract_found(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get(f"/articles/{ids['harbour_gazette']}").text
    assert '<mark class="hl entity' in page and "Ona Reilly" in page
    assert '<mark class="hl time' in page and 'title="date: 2031-03-02"' in page
    assert '<mark class="hl quote' in page
    assert 'id="claim-0"' in page
    assert '<a href="/articles?entity=Ona%20Reilly">Ona Reilly</a>' in page


def test_article_page_without_extract_still_shows_the_text(db: tuple[Path, dict[str, str]]) -> None:
    def broken(article: object) -> dict[str, object]:
        from newsprism.errors import ModelNotInstalled

        raise ModelNotInstalled("the spaCy model is not installed")

    with make_client(create_app(db[0], stages=Stages(extract=broken))) as c:
        page = c.get(f"/articles/{db[1]['harbour_gazette']}").text
        assert "Not highlighted: the spaCy model is not installed" in page
        assert "Nobody goes out until the wind drops" in page


def test_hostile_article_renders_inert(db: tuple[Path, dict[str, str]]) -> None:
    path, ids = db
    with Store(path) as store:
        hostile = store.get(ids["hostile"]).article
        evil = replace(
            hostile.with_metadata(
                url=Meta("javascript:alert('url')", Provenance.USER),
                author=Meta('"><script>alert(5)</script>', Provenance.USER),
            ),
            id="feedfacefeedface",
            identity="evil",
        )
        store.add(evil)
    with make_client(create_app(path, stages=FAKE_STAGES)) as c:
        for url in ("/articles/feedfacefeedface", "/articles", "/articles?q=petition"):
            page = c.get(url).text
            assert "<script>window" not in page and "<script>alert" not in page
            assert "<img" not in page
            assert not re.search(r"<[^>]+\son\w+\s*=", page), "no event-handler attribute"
            assert 'href="javascript:' not in page
        page = c.get("/articles/feedfacefeedface").text
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
        assert "javascript:alert(&#39;url&#39;)" in page  # shown as text, not a link
        only_script = re.findall(r"<script[^>]*>", page)
        assert only_script == ['<script src="/static/app.js" defer>']


def test_story_page_wraps_the_report_with_hashes(db: tuple[Path, dict[str, str]]) -> None:
    path, ids = db
    stories = FakeStories({"s1": [ids["harbour_gazette"], ids["harbour_tribune"]]})
    stages = replace(FAKE_STAGES, stories=lambda p: stories)
    with make_client(create_app(path, stages=stages)) as c:
        home = c.get("/").text
        assert 'href="/stories/s1"' in home
        r = c.get("/stories/s1")
        assert r.status_code == 200
        page = r.text
        assert page.count('class="contradiction-row"') == 2
        assert 'class="np-chrome np-nav"' in page
        assert f'href="/articles/{ids["harbour_gazette"]}"' in page
        csp = r.headers["content-security-policy"]
        assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/=]+'", csp)
        assert re.search(r"style-src 'self' 'sha256-[A-Za-z0-9+/=]+'", csp)
        assert "unsafe-inline" not in csp
        again = c.get("/stories/s1", headers={"if-none-match": r.headers["etag"]})
        assert again.status_code == 304


def test_merge_and_split_forms(db: tuple[Path, dict[str, str]]) -> None:
    path, ids = db
    stories = FakeStories({"s1": [ids["harbour_gazette"]], "s2": [ids["harbour_tribune"]]})
    stages = replace(FAKE_STAGES, stories=lambda p: stories)
    with make_client(create_app(path, stages=stages)) as c:
        before = c.get("/stories/s1").headers["etag"]
        r = c.post("/stories/merge", data={"story_ids": ["s1", "s2"]}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/stories/s1"
        assert stories.stories["s1"] == [ids["harbour_gazette"], ids["harbour_tribune"]]
        assert c.get("/stories/s1").headers["etag"] != before, "a write invalidates cached pages"
        r = c.post(
            "/stories/s1/split",
            data={"article_ids": [ids["harbour_tribune"]]},
            follow_redirects=False,
        )
        assert r.status_code == 303
        assert stories.stories["s1"] == [ids["harbour_gazette"]]
        bad = c.post("/stories/merge", data={"story_ids": ["s1"]})
        assert bad.status_code == 422 and "E605" in bad.text
        cross = c.post(
            "/stories/merge",
            data={"story_ids": ["s1", "s1x"]},
            headers={"origin": "http://evil.example"},
        )
        assert cross.status_code == 403


def test_forms_carry_the_token_when_the_server_has_one(db: tuple[Path, dict[str, str]]) -> None:
    path, ids = db
    stories = FakeStories({"s1": [ids["harbour_gazette"]], "s2": [ids["harbour_tribune"]]})
    stages = replace(FAKE_STAGES, stories=lambda p: stories)
    with make_client(create_app(path, token="tok", stages=stages)) as c:
        assert 'name="token"' in c.get("/stories/s1").text
        r = c.post("/stories/merge", data={"story_ids": ["s1", "s2"]})
        assert r.status_code == 401 and "E602" in r.text
        r = c.post(
            "/stories/merge",
            data={"story_ids": ["s1", "s2"], "token": "tok"},
            follow_redirects=False,
        )
        assert r.status_code == 303


def test_compare_page_form_and_results(client: TestClient, ids: dict[str, str]) -> None:
    form = client.get("/compare").text
    assert 'enctype="multipart/form-data"' in form and 'name="files"' in form
    r = client.post(
        "/compare",
        data={
            "text_1": (FIXTURES / "harbour_gazette.txt").read_text(),
            "outlet_1": "Harbour Gazette",
            "urls": "http://127.0.0.1:9/blocked\n",
        },
        files=[
            (
                "files",
                ("tribune.txt", (FIXTURES / "harbour_tribune.txt").read_bytes(), "text/plain"),
            )
        ],
    )
    assert r.status_code == 200, r.text
    assert r.text.count('class="contradiction-row"') == 2
    assert "E201" in r.text  # the loopback URL was refused, and said so
    picked = client.get("/compare", params={"ids": [ids["harbour_gazette"], ids["hostile"]]})
    assert picked.status_code == 200 and 'class="np-article-link"' in picked.text


def test_story_page_without_a_story_backend_is_a_404_page(client: TestClient) -> None:
    r = client.get("/stories/whatever")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert 'data-code="E601"' in r.text


def test_static_files_are_served(client: TestClient) -> None:
    assert "hide-" in client.get("/static/app.js").text
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")


def test_story_csp_hashes_only_the_reports_own_blocks() -> None:
    page = (
        "<html><head><style>p{}</style></head><body>"
        '<p style="color:red">x</p><script>1</script></body></html>'
    )
    csp = story_csp(page)
    assert "'sha256-" in csp and "'unsafe-hashes'" in csp
    assert "'unsafe-inline'" not in csp
    wrapped, csp2 = wrap_story(page, nav=Markup("<nav>n</nav>"), tools=Markup("<aside>t</aside>"))
    assert csp2 == story_csp(page, extra_styles=(CHROME_CSS,)) != csp
    assert (
        wrapped.index("<nav>n</nav>")
        < wrapped.index("<p style")
        < wrapped.index("<aside>t</aside>")
    )
    assert f"<style>{CHROME_CSS}</style></head>" in wrapped


def test_story_page_is_the_report_page_plus_the_apps_chrome(
    client: TestClient, ids: dict[str, str]
) -> None:
    """The page served is what `newsprism compare --format html` writes, with only our
    navigation, stylesheet and tools added: take those out and the report is left as it was."""
    from newsprism.store import Store
    from tests.web.conftest import fake_compare, fake_extract, fake_render

    pair = [ids["harbour_gazette"], ids["harbour_tribune"]]
    page = client.get("/compare", params={"ids": pair}).text
    with Store(client.app.state.web.store.path) as store:  # type: ignore[attr-defined]
        articles = [store.get(i).article for i in pair]
    report = fake_render(fake_compare(articles, [fake_extract(a) for a in articles]))
    stripped = re.sub(r'<nav class="np-chrome np-nav".*?</nav>', "", page, flags=re.S)
    stripped = re.sub(r'<aside class="np-chrome np-tools".*?</aside>', "", stripped, flags=re.S)
    stripped = stripped.replace(f"<style>{CHROME_CSS}</style>", "")
    assert stripped.strip() == report
