"""The HTML page escapes every piece of article text and needs no network."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsprism.api import read
from newsprism.compare import Comparison, compare_articles
from newsprism.report import render_html, render_markdown

EVIL_A = """Mayor <script>alert('a')</script> opens the new bridge in Karsten

Mayor Lina Orrel opened the new bridge over the Tavel in Karsten on Monday, the council said.
<img src=x onerror="alert(1)"> About 2,000 residents attended, according to the council.
"The bridge joins our two halves," Orrel said. <a href="javascript:alert(2)">click</a>
"""
EVIL_B = """Karsten gets its bridge <b onmouseover=alert(3)>now</b>

Mayor Lina Orrel opened the new bridge over the Tavel in Karsten on Tuesday, the council said.
About 2,500 residents attended, according to the council. [x](javascript:alert(4))
"The bridge joins our two halves at last," Orrel said.
"""


@pytest.fixture(scope="module")
def evil(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    d: Path = tmp_path_factory.mktemp("evil")
    (d / "a.txt").write_text(EVIL_A, encoding="utf-8")
    (d / "b.txt").write_text(EVIL_B, encoding="utf-8")
    arts = [
        read(d / "a.txt", published="2031-05-07")[0],
        read(d / "b.txt", published="2031-05-07")[0],
    ]
    return compare_articles(arts)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attrs.add(name)
            self.values.append(value or "")


def test_no_active_content(evil: Comparison) -> None:
    page = render_html(evil)
    parser = _Tags()
    parser.feed(page)
    assert not parser.tags & {"script", "img", "a", "b", "iframe", "object", "embed", "link"}
    assert not any(a.startswith("on") for a in parser.attrs), parser.attrs
    assert not parser.attrs & {"href", "src", "srcset", "action", "formaction"}
    assert not any("javascript:" in v.lower() for v in parser.values)
    assert "&lt;script&gt;" in page  # the text is shown, escaped
    assert not re.search(r"<[^>]*\son\w+\s*=", page.lower()), "an event handler attribute survived"


def test_self_contained(evil: Comparison) -> None:
    page = render_html(evil)
    assert "<link" not in page and "@import" not in page
    urls = set(re.findall(r"https?://[^\s\"'<>]+", page))
    assert urls <= {"http://www.w3.org/2000/svg"}  # the SVG namespace, never fetched
    assert "Content-Security-Policy" in page


def test_story_page_sections(evil: Comparison) -> None:
    page = render_html(evil)
    for heading in ("Brief", "Disputed", "Agreed", "Reported by some", "Fact-by-source matrix",
                    "Timeline", "Actors"):  # fmt: skip
        assert f"<h2>{heading}</h2>" in page
    assert "<mark>" in page  # the disputed spans are highlighted
    assert page.count('<div class="side">') >= 2


def test_markdown_is_inert(evil: Comparison) -> None:
    md = render_markdown(evil)
    assert "<script>" not in md and "<img" not in md
    assert "](javascript:" not in md
