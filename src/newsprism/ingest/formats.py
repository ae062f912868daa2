"""Which format an input is in, and the simple ones: plain text and HTML."""

from __future__ import annotations

import codecs
from pathlib import PurePath

from newsprism.models import InputKind, Meta, Provenance, RawDocument

#: file extension -> format; folders are read for exactly these
EXTENSIONS = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
}
DATASET_FORMATS = frozenset({"jsonl", "json", "csv", "tsv"})
_HTML_MARKS = ("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ")
#: a first line this long that ends with a full stop is a lede, not a headline
LEDE_WORDS = 20
_FEED_MARKS = ("<rss", "<feed", "<rdf:rdf")


def format_of(name: str, head: bytes, *, forced: str | None = None) -> str:
    """The format of an input: forced, else by extension, else by sniffing its first bytes."""
    suffix = PurePath(name).suffix.lower()
    if forced == "csv" and suffix == ".tsv":
        return "tsv"
    if forced:
        return forced
    by_ext = EXTENSIONS.get(suffix)
    if by_ext == "feed":
        # .xml is also used for XHTML pages and sitemaps; only RSS/Atom are feeds
        sniffed = sniff(head)
        return "html" if sniffed == "html" else "feed"
    return by_ext or sniff(head)


def has_utf16_bom(head: bytes) -> bool:
    """Whether the bytes open with a UTF-16 byte-order mark (Excel's "Unicode text" exports)."""
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def sniff(head: bytes) -> str:
    """Guess a format from the first bytes: feed, html, jsonl or text."""
    codec = "utf-16" if has_utf16_bom(head) else "utf-8"
    start = head[:4096].decode(codec, errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if start.startswith("{"):
        return "jsonl"
    if start.startswith("["):
        return "json"
    if start.startswith("<"):
        if any(mark in start for mark in _FEED_MARKS):
            return "feed"
        if any(mark in start for mark in _HTML_MARKS):
            return "html"
    return "text"


def text_document(text: str, *, location: str, kind: InputKind, encoding: str) -> RawDocument:
    """Plain text: the first non-empty line is the title, the rest is the body.

    A text whose first line is a sentence (a lede, not a headline) or that has a single line
    has no separate title; cleaning then takes its first sentence as the title and keeps the
    whole text as the body, so no sentence is lost.
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    rest = "\n".join(lines[first + 1 :])
    if not rest.strip() or _is_lede(lines[first]):
        return RawDocument(text, kind, location, encoding=encoding)
    title = Meta(lines[first].strip(), Provenance.TEXT, 0.9)
    return RawDocument(rest, kind, location, {"title": title}, encoding=encoding)


def _is_lede(line: str) -> bool:
    """A long line ending like a sentence is the article's first sentence, not its headline."""
    return len(line.split()) >= LEDE_WORDS and line.rstrip().endswith((".", "!", "?", '."', ".”"))


def html_document(
    text: str, *, location: str, encoding: str, url: str | None = None
) -> RawDocument:
    """HTML as read; cleaning extracts the text and metadata (pure, from the string)."""
    metadata = {"url": Meta(url, Provenance.URL)} if url else {}
    return RawDocument(text, InputKind.HTML, location, metadata, encoding=encoding)
