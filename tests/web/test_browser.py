"""End to end in headless Chromium: the seed-pair story with its contradictions highlighted,
an article page with its highlights, a screenshot that is not blank, hostile text inert.

Uses newsprism's real stages (extract, compare, report); skips without chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsprism
from newsprism.store import Store
from newsprism.web import create_app
from newsprism.web.server import background_server
from tests.conftest import ROOT, SEED_A, SEED_B
from tests.web.browser import chromium_page, luminance_variance, need_chromium

pytestmark = pytest.mark.slow
VALMORA = ROOT / "examples" / "valmora-dam"
HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "hostile.html"


def seed_store(path: Path) -> tuple[list[str], str]:
    """The seed pair (published 2020-01-02 and -03) where ../shared is here, else the Valmora
    example; plus the hostile fixture. Returns the story's article ids and the hostile id."""
    with Store(path) as store:
        if SEED_A.exists() and SEED_B.exists():
            report = newsprism.ingest(
                [SEED_A, SEED_B], store, published=["2020-01-02", "2020-01-03"], embed=False
            )
        else:
            report = newsprism.ingest(VALMORA, store, published="2031-10-14", embed=False)
        hostile = newsprism.ingest(HOSTILE, store, published="2019-01-01", embed=False)
    return report.added, hostile.added[0]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str], str]]:
    need_chromium()
    path = tmp_path_factory.mktemp("browser") / "story.db"
    story_ids, hostile = seed_store(path)
    app = create_app(path)
    if app.state.web.stages.compare is None:
        pytest.skip("this build has no compare stage")
    with background_server(app) as base:
        yield base, story_ids, hostile


def open_story(page: Any, base: str, story_ids: list[str]) -> None:
    """From the home page to the story: its link when stories exist, else tick and compare."""
    page.goto(base + "/")
    story_links = page.locator("a.story-link")
    if story_links.count():
        story_links.first.click()
        return
    for aid in story_ids:
        page.check(f'input[name="ids"][value="{aid}"]')
    page.click("text=Compare selected")


def assert_highlighted(section: Any) -> None:
    """A contradiction stands out: a thick coloured bar on its left."""
    width, colour = section.evaluate(
        "s => [parseFloat(getComputedStyle(s).borderLeftWidth), "
        "getComputedStyle(s).borderLeftColor]"
    )
    assert width >= 3, width
    r, g, b = (int(x) for x in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3])
    assert max(r, g, b) - min(r, g, b) > 60, f"{colour} is a colour, not grey"


def test_story_contradictions_are_highlighted_and_an_article_opens(
    server: tuple[str, list[str], str],
) -> None:
    base, story_ids, _ = server
    with chromium_page() as page:
        refused: list[str] = []
        page.on(
            "console", lambda m: refused.append(m.text) if "Content Security" in m.text else None
        )
        open_story(page, base, story_ids)
        page.wait_for_selector("section.contra")
        ids = [v for v in page.url.split("ids=")[1:]] if "ids=" in page.url else story_ids
        expected = page.request.post(
            base + "/api/compare", data={"ids": [i.split("&")[0] for i in ids]}
        ).json()["comparison"]["contradictions"]
        assert len(expected) >= 2
        contradictions = page.locator("section.contra")
        assert contradictions.count() == len(expected)
        marked = 0
        for i, want in enumerate(expected[:2]):
            section = contradictions.nth(i)
            assert section.is_visible()
            assert_highlighted(section)
            sides = section.locator(".side")
            assert sides.count() == len(want["evidence"]) >= 2, "the spans side by side"
            for j, evidence in enumerate(want["evidence"]):
                side = sides.nth(j)
                assert " ".join(evidence["text"].split()) in " ".join(side.inner_text().split())
                for k in range(side.locator("mark").count()):
                    mark = side.locator("mark").nth(k)
                    assert mark.is_visible()
                    colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
                    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour
                    marked += 1
        assert marked >= 2, "the differing words are marked"
        # the report's own stylesheet ran under the hashed CSP; nothing was refused
        body_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert body_bg == "rgb(247, 247, 249)"
        assert refused == []
        story_shot = page.screenshot(full_page=False)
        assert luminance_variance(story_shot) > 50.0

        page.locator("a.np-article-link").first.click()
        page.wait_for_selector("#article-text")
        assert page.url.startswith(base + "/articles/")
        assert page.locator("#article-text mark.hl.entity").count() > 0
        assert page.locator("#article-text mark.hl.time").count() > 0
        # unticking a kind in the legend un-marks it (the app's own script runs under the CSP)
        entity = page.locator("#article-text mark.hl.entity").first
        before = entity.evaluate("m => getComputedStyle(m).backgroundColor")
        page.uncheck('#legend input[data-kind="entity"]')
        after = entity.evaluate("m => getComputedStyle(m).backgroundColor")
        assert before != after
        shot = page.screenshot(full_page=False)
        assert luminance_variance(shot) > 50.0, "the screenshot is blank"
        assert refused == []


def test_hostile_article_runs_nothing(server: tuple[str, list[str], str]) -> None:
    base, _, hostile = server
    with chromium_page() as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{base}/articles/{hostile}")
        page.wait_for_selector("#article-text")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert "<script>window.__pwned = 1</script>" in page.inner_text("#article-text")
        assert page.locator("#article-text script, #article-text img, #article-text a").count() == 0
        page.goto(f"{base}/articles?q=petition")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []
