"""HTML -> main text and metadata, from the string alone (nothing is fetched)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import Any

from newsprism.errors import EmptyInput, MalformedInput

# lxml and trafilatura (with htmldate and courlan) are imported when a page is first read: plain
# text, the store and compare never need them (a tenth of a second of every command's start).
# trafilatura logs at WARNING for every page it finds thin; the library must stay quiet
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td")


@dataclass(frozen=True)
class HtmlExtract:
    """What an HTML page holds: its main text (paragraphs split by "\\n") and metadata."""

    text: str
    title: str = ""
    author: str = ""
    published: str = ""
    sitename: str = ""
    url: str = ""
    #: "trafilatura", "fallback" (plain block text, when trafilatura finds no article) or "flat"
    #: (the text between tags, read without building a tree, when the page nests too deep)
    method: str = "trafilatura"


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract:
    """The main text and metadata of an HTML page. Raises EmptyInput when it holds no text."""
    if not html.strip():
        raise EmptyInput("the HTML page is empty", location=url)
    # the page's own time stamp, when it has one, is the date kept (below): htmldate's search
    # for a date is then cut short (its extensive search costs more than the rest of a page)
    stamp = meta_published(html)
    found = _trafilatura(html, url=url, find_date=not stamp)
    if found is not None and stamp:
        found = replace(found, published=stamp)
    if found is not None and found.text.strip():
        return found
    text, method = fallback_text(html), "fallback"
    if not text.strip():
        # lxml stops at 256 levels of nesting: a page nested deeper loses its text to both
        # readers above, so it is read once more as a flat stream of tags and text
        text, method = flat_text(html), "flat"
    if not text.strip():
        raise EmptyInput("the HTML page holds no readable text", location=url)
    meta = found or HtmlExtract("", published=stamp)
    title = meta.title or (_flat_title(html) if method == "flat" else "")
    return HtmlExtract(text, title, meta.author, meta.published, meta.sitename, meta.url, method)


# Publication-time tags, most specific first. trafilatura (htmldate) keeps only the day and
# refuses dates later than today; a page's own time stamp keeps its time and zone.
_TIME_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "dc.date",
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def meta_published(html: str) -> str:
    """The page's own publication time stamp (meta, JSON-LD, <time>) as written, or ""."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip()
        value = (el.get("content") or "").strip()
        if key and value:
            found.setdefault(key.lower(), value)
    for key in _TIME_META:
        if key.lower() in found:
            return found[key.lower()]
    match = _JSONLD_DATE.search(html)
    if match:
        return match.group(1)
    for el in root.iter("time"):
        if el.get("datetime") and (el.get("pubdate") is not None or el.get("itemprop")):
            return str(el.get("datetime"))
    return ""


def _trafilatura(html: str, *, url: str | None, find_date: bool = True) -> HtmlExtract | None:
    import trafilatura
    from lxml import etree
    from trafilatura.settings import set_date_params

    try:
        doc: Any = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            date_extraction_params=None if find_date else set_date_params(extensive=False),
        )
    except (ValueError, TypeError, AttributeError, etree.LxmlError):
        # trafilatura parses arbitrary markup; a page it trips on falls back to plain text
        return None
    if not doc:
        return None
    doc = doc if isinstance(doc, dict) else doc.as_dict()
    return HtmlExtract(
        text=str(doc.get("text") or ""),
        title=str(doc.get("title") or ""),
        author=str(doc.get("author") or ""),
        published=str(doc.get("date") or ""),
        sitename=str(doc.get("sitename") or ""),
        url=str(doc.get("url") or ""),
    )


def fallback_text(html: str) -> str:
    """Text of the page's paragraph-like blocks, without scripts, menus and footers."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise MalformedInput(f"the HTML cannot be parsed: {exc}") from exc
    for bad in list(root.iter(*_DROP)):
        bad.drop_tree()
    # outermost blocks only, so a <p> inside an <li> is not read twice
    outer = [
        el for el in root.iter(*_BLOCKS) if not any(a.tag in _BLOCKS for a in el.iterancestors())
    ]
    blocks = [" ".join(el.text_content().split()) for el in outer]
    blocks = [b for b in blocks if b]
    if not blocks:
        body = root.find("body")
        blocks = [" ".join((body if body is not None else root).text_content().split())]
    return "\n".join(blocks)


#: tags whose start or end begins a new line of the flat text
_FLAT_BREAKS = frozenset(
    {*_BLOCKS, "div", "section", "article", "main", "br", "tr", "ul", "ol", "h5", "h6", "title"}
)


class _FlatText(HTMLParser):
    """Text between tags, block tags as line breaks, dropped elements skipped; no tree is built,
    so any depth of nesting costs the same (the standard library's tokenizer, linear time)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title: list[str] = []
        self._line: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        if tag in _FLAT_BREAKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in _FLAT_BREAKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self._line.append(data)

    def _break(self) -> None:
        line = " ".join("".join(self._line).split())
        if line:
            self.lines.append(line)
        self._line = []

    def text(self) -> str:
        self._break()
        return "\n".join(self.lines)


def flat_text(html: str) -> str:
    """The page's text read as a flat stream (for pages lxml cannot build a tree of)."""
    parser = _FlatText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _flat_title(html: str) -> str:
    parser = _FlatText()
    head = html[: html.lower().find("</title>") + 8] if "</title>" in html.lower() else ""
    if not head:
        return ""
    parser.feed(head)
    parser.close()
    return " ".join("".join(parser.title).split())
