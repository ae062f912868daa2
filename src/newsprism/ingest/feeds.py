"""RSS and Atom feeds: each item becomes a document, optionally from the page it links to."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from newsprism.errors import EmptyInput, MalformedInput, NewsprismError, UnsafeInput
from newsprism.ingest.fetch import fetch
from newsprism.ingest.formats import html_document
from newsprism.ingest.options import ReadOptions
from newsprism.models import InputKind, Meta, Provenance, RawDocument


def check_safe_xml(data: bytes, *, location: str) -> None:
    """Refuse entity definitions and external references before any lenient parser sees them.

    feedparser's fallback parser is forgiving by design; defusedxml is strict, so it runs
    first and a feed that defines entities (the "billion laughs" bomb) never gets expanded.
    """
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeInput(
            f"the feed declares XML entities or external references ({type(exc).__name__})",
            location=location,
        ) from exc
    except (ParseError, ValueError) as exc:
        # malformed XML (or an encoding expat cannot take, such as UTF-16, which raises
        # ValueError) is left to feedparser's lenient parser, unless it smuggles entities
        # (entity declarations can only sit in the DTD, at the top of the document)
        head = data[:65536].replace(b"\x00", b"").upper()
        if b"<!ENTITY" in head or (b"<!DOCTYPE" in head and b"SYSTEM" in head):
            raise UnsafeInput(
                "the feed is malformed and declares XML entities", location=location
            ) from exc


def iter_feed(
    data: bytes, *, location: str, options: ReadOptions
) -> Iterator[RawDocument | NewsprismError]:
    """One RawDocument (or one error) per feed item."""
    check_safe_xml(data, location=location)
    import feedparser  # only for feeds: not at every command's start

    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise MalformedInput(
                f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}", location=location
            )
        raise EmptyInput("the feed has no items", location=location)
    outlet = str(parsed.get("feed", {}).get("title", "")).strip()
    for number, entry in enumerate(entries, start=1):
        try:
            yield _item(entry, outlet, number=number, location=location, options=options)
        except NewsprismError as exc:
            yield exc


def _item(
    entry: Any, outlet: str, *, number: int, location: str, options: ReadOptions
) -> RawDocument:
    link = str(entry.get("link", "")).strip()
    where = link or f"{location}#item{number}"
    metadata = _feed_metadata(entry, outlet, link)
    if options.follow_links and link:
        page = fetch(link, options=options)
        doc = html_document(page.text, location=link, encoding=page.encoding, url=page.final_url)
        # the page's own metadata wins in cleaning; the feed's values fill the gaps
        merged = dict(metadata)
        merged.update(doc.metadata)
        return RawDocument(doc.content, InputKind.HTML, link, merged, encoding=page.encoding)
    content = _content(entry)
    if not content.strip():
        hint = "Pass --follow-links to fetch the item's page." if link else None
        raise EmptyInput("the feed item has no text", location=where, hint=hint)
    return RawDocument(content, InputKind.FEED_ITEM, where, metadata)


def _content(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((str(c.get("value", "")) for c in contents), key=len, default="")
    summary = str(entry.get("summary", ""))
    return best if len(best) >= len(summary) else summary


def _feed_metadata(entry: Any, outlet: str, link: str) -> dict[str, Meta]:
    values = {
        "title": str(entry.get("title", "")),
        "url": link,
        "published": str(entry.get("published") or entry.get("updated") or ""),
        "author": str(entry.get("author", "")),
        "outlet": outlet,
    }
    return {k: Meta(v.strip(), Provenance.FEED) for k, v in values.items() if v.strip()}
