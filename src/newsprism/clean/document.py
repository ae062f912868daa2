"""RawDocument -> Article: text extraction, junk removal, metadata with provenance (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from newsprism.clean.dates import normalize_published
from newsprism.clean.html import extract_html, fallback_text
from newsprism.clean.junk import remove_junk
from newsprism.clean.language import guess_language
from newsprism.clean.text import normalize_line, normalize_text, paragraphs, uses_blank_lines
from newsprism.errors import EmptyInput, InputError, UsageError
from newsprism.models import (
    META_FIELDS,
    Article,
    InputKind,
    Meta,
    Provenance,
    RawDocument,
    Removed,
    article_id,
    content_hash,
    identity_key,
)
from newsprism.text import sentences

#: a first sentence used as the title is cut to this many characters (at a word)
MAX_DERIVED_TITLE = 300
#: metadata an input states explicitly; HTML metadata does not override it
_EXPLICIT = (Provenance.USER, Provenance.DATASET)
_HTML_CONFIDENCE = {"title": 0.95, "author": 0.8, "published": 0.8, "outlet": 0.9, "url": 0.9}


def clean_document(raw: RawDocument, *, defaults: Mapping[str, str] | None = None) -> Article:
    """Clean one document into an Article.

    ``defaults`` are the user's values (outlet, published, ...) for fields the input lacks;
    they never override what the input says. Raises EmptyInput when no body text is left.
    """
    text, metadata = _text_and_metadata(raw)
    title_meta = metadata.get("title")
    title = normalize_line(title_meta.value) if title_meta else ""
    normalized = normalize_text(text).split("\n")
    lines, removed = remove_junk(normalized, title=title)
    body = paragraphs(lines, blank_separated=uses_blank_lines(normalized))
    if not body:
        raise EmptyInput("no article text is left after cleaning", location=raw.location)
    if not title:
        title = first_sentence(body)
        metadata["title"] = Meta(title, Provenance.TEXT, 0.6)
    else:
        metadata["title"] = Meta(title, title_meta.source, title_meta.confidence)  # type: ignore[union-attr]
    _normalize_metadata(metadata)
    _apply_defaults(metadata, defaults or {})
    if "outlet" not in metadata:
        host = _host(metadata.get("url"))
        if host:
            metadata["outlet"] = Meta(host, Provenance.URL, 0.5)
    if "language" not in metadata:
        guess = guess_language(f"{title}\n{body}")
        if guess:
            metadata["language"] = Meta(guess[0], Provenance.TEXT, guess[1])
    identity = identity_key(title, metadata, raw.identity)
    chash = content_hash(title, body)
    return Article(
        id=article_id(identity, chash),
        title=title,
        body=body,
        metadata=metadata,
        location=raw.location,
        kind=raw.kind,
        identity=identity,
        content_hash=chash,
        removed=tuple(removed),
        warnings=raw.warnings,
    )


def _text_and_metadata(raw: RawDocument) -> tuple[str, dict[str, Meta]]:
    metadata = dict(raw.metadata)
    if raw.kind == InputKind.HTML:
        url = metadata.get("url")
        found = extract_html(raw.content, url=url.value if url else None)
        html_values = {
            "title": found.title,
            "author": found.author,
            "published": found.published,
            "outlet": found.sitename,
            "url": found.url,
        }
        for key, value in html_values.items():
            current = metadata.get(key)
            if value.strip() and (current is None or current.source not in _EXPLICIT):
                metadata[key] = _html_meta(
                    key, value.strip(), found.url or (url.value if url else "")
                )
        return found.text, metadata
    if raw.kind == InputKind.FEED_ITEM and "<" in raw.content:
        return fallback_text(raw.content), metadata
    return raw.content, metadata


def _html_meta(key: str, value: str, url: str) -> Meta:
    # trafilatura names the site after its host when the page does not: that is a URL guess
    if key == "outlet" and value.casefold() == _host(Meta(url, Provenance.URL)):
        return Meta(value, Provenance.URL, 0.5)
    return Meta(value, Provenance.HTML_META, _HTML_CONFIDENCE[key])


def first_sentence(body: str) -> str:
    """The first sentence of the body, as a title for documents that have none."""
    first_paragraph = body.split("\n\n", 1)[0]
    found = sentences(first_paragraph)
    title = found[0] if found else first_paragraph
    if len(title) > MAX_DERIVED_TITLE:
        title = title[:MAX_DERIVED_TITLE].rsplit(" ", 1)[0] + "…"
    return title


def _normalize_metadata(metadata: dict[str, Meta]) -> None:
    for key, meta in list(metadata.items()):
        value = normalize_line(meta.value)
        if key == "published":
            try:
                value = normalize_published(value)
            except InputError:
                # an unreadable date in the input is dropped, not guessed
                del metadata[key]
                continue
        if not value:
            del metadata[key]
        elif value != meta.value:
            metadata[key] = Meta(value, meta.source, meta.confidence)


def _apply_defaults(metadata: dict[str, Meta], defaults: Mapping[str, str]) -> None:
    for key, value in defaults.items():
        if key not in META_FIELDS:
            raise UsageError(
                f"{key!r} cannot be set for an input; the fields are: {', '.join(META_FIELDS)}"
            )
        if key in metadata or not value.strip():
            continue
        text = normalize_published(value) if key == "published" else normalize_line(value)
        metadata[key] = Meta(text, Provenance.USER)


def _host(url: Meta | None) -> str:
    if url is None:
        return ""
    host = (urlsplit(url.value).hostname or "").lower()
    return host.removeprefix("www.")


__all__ = ["Removed", "clean_document", "first_sentence"]
