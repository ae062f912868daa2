"""Boilerplate that survives extraction: menus, share buttons, credits, teasers, widgets.

Every rule is about the *shape* of page furniture (short lines, fixed phrases, separators),
never about a particular site or name, and each keeps a word cap so that a real sentence,
which is longer and ends in punctuation, is never taken for furniture. What is removed is
returned with its reason so a reader can check the cleaner's work.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsprism.models import Removed

Rule = Callable[[str], bool]

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")

# --- inline: related-link widgets glued into a sentence -------------------------------------
# "President SmithJane SmithHeadline one Headline two MORE said on Monday ..." : a name, its
# full form glued on without a space, then headlines, then "MORE". The name is kept.
_GLUED_WIDGET = re.compile(
    r"\b(?P<name>\w+)(?P<widget>(?:\w[\w'’.\-]*\s+){1,4}?(?P=name)\S.{0,800}?\s+MORE)\b"
)
# "(AP Photo/Jane Doe)", "(Photo: Reuters)": never part of a sentence
_INLINE_CREDIT = re.compile(
    r"\s*\((?:[A-Z][\w.&]*\s){0,3}(?:Photo|Foto|Image|Picture)s?\s*(?:/|:|by)\s*[^()]{1,80}\)"
)


def remove_inline(line: str) -> tuple[str, list[Removed]]:
    """Cut widgets and credits out of a line, keeping the sentence around them."""
    removed: list[Removed] = []
    if " MORE" in line:
        line = _GLUED_WIDGET.sub(lambda m: _unglue(m, removed), line)
    if "hoto" in line or "mage" in line or "icture" in line:
        for m in _INLINE_CREDIT.finditer(line):
            removed.append(Removed(m.group().strip(), "photo credit"))
        line = _INLINE_CREDIT.sub("", line)
    return line, removed


def _unglue(m: re.Match[str], removed: list[Removed]) -> str:
    name, widget = m.group("name"), m.group("widget")
    # the glued full name starts with a capital right after the name: "SmithJane Smith"
    if not (name[:1].isupper() and widget[:1].isupper()):
        return m.group()
    removed.append(Removed(widget, "related links"))
    return name


# --- whole lines ----------------------------------------------------------------------------

_ADVERT = re.compile(
    r"(?:advertisement|advertising|ad|sponsored(?: content)?|story continues below"
    r"(?: advertisement)?|continue reading below|scroll to continue(?: with content)?)\W*",
    re.I,
)
_SHARE_ANCHORS = frozenset(
    {
        "share",
        "shares",
        "tweet",
        "facebook",
        "twitter",
        "email",
        "e-mail",
        "linkedin",
        "whatsapp",
        "reddit",
        "pinterest",
        "telegram",
        "print",
        "messenger",
        "flipboard",
        "copy",
    }
)
_SHARE_WORDS = _SHARE_ANCHORS | frozenset(
    {
        "this",
        "article",
        "story",
        "page",
        "on",
        "via",
        "to",
        "with",
        "x",
        "copy",
        "link",
        "url",
        "save",
        "comment",
        "comments",
        "sms",
        "mail",
        "the",
        "by",
        "send",
        "icon",
        "opens",
        "in",
        "a",
        "new",
        "window",
        "post",
    }
)
_PHOTO = re.compile(
    r"(?:©|\(c\)|copyright\b|image copyright\b|image caption\b|image source\b|"
    r"(?:photo|photograph|picture|pic|image|foto|credit|photo credit|image credit)s?"
    r"\s*(?::|/|by\b|—|–|-))",
    re.I,
)
_AGENCY = re.compile(
    r"(?:getty images|reuters|afp|ap|epa|efe|dpa|ansa|shutterstock|istock|alamy|"
    r"pa(?: media| images)?|anadolu(?: agency)?|xinhua|bloomberg)"
    r"(?:\s*(?:/|via|-)\s*[\w .'’-]{1,40})?",
    re.I,
)
_PAREN_CREDIT = re.compile(r"\((?:[\w.&]+\s){0,3}(?:photo|image|picture)s?\s*[/:][^()]*\)", re.I)
_CALL_TO_ACTION = re.compile(
    r"(?:sign up|subscribe|register|join)\b.*\b(?:newsletter|inbox|alerts?|updates|"
    r"digest|briefing|subscription|subscribers?|free|now|today|here|access|offer|trial)\b.*",
    re.I,
)
_TEASER = re.compile(
    r"(?:read more|continue reading|read the full (?:story|article)|full story|see also|"
    r"also read|read also|click here|more:|related:|watch:|listen:|"
    r"follow (?:us|\w+(?: \w+)?) on (?:twitter|facebook|instagram|x|threads|bluesky)|"
    r"download (?:our|the) app|get the app)\b.*",
    re.I,
)
_RELATED_CUE = re.compile(
    r"(?:related|related (?:articles?|stories|coverage|content|links?|news|topics|reading)|"
    r"more on this(?: story| topic)?|more from [\w .'’&-]{1,40}|most (?:read|popular|viewed|"
    r"shared)|recommended(?: for you| stories)?|you (?:may|might) also like|trending(?: now)?|"
    r"what to read next|top stories|editor'?s picks|latest (?:news|stories)|read more|"
    r"more stories|further reading)\W*",
    re.I,
)
_UI = re.compile(
    r"(?:menu|search|skip to (?:main )?content|log ?in|sign ?in|log ?out|sign ?out|back to top|"
    r"toggle navigation|close|open menu|home|next|previous|prev|show more|load more|"
    r"cookies?(?: settings| policy)?|accept(?: all)?(?: cookies)?|listen to this article|"
    r"print this page|comments?|\d+ comments?|view comments|leave a comment)\W*",
    re.I,
)
_NAV_SEPARATORS = re.compile(r"\s+(?:>|›|»|/|\||•|·|→|::)\s+")
_NAV_WORDS = frozenset(
    {
        "home",
        "news",
        "world",
        "politics",
        "business",
        "sport",
        "sports",
        "weather",
        "culture",
        "opinion",
        "science",
        "tech",
        "technology",
        "health",
        "entertainment",
        "travel",
        "lifestyle",
        "video",
        "videos",
        "live",
        "local",
        "national",
        "economy",
        "markets",
        "media",
        "education",
        "environment",
        "climate",
        "arts",
        "books",
        "music",
        "film",
        "tv",
        "style",
        "food",
        "podcasts",
        "newsletters",
        "latest",
        "more",
        "menu",
        "search",
    }
)


def _words(line: str) -> list[str]:
    return line.split()


def _short(line: str, limit: int) -> bool:
    # split no further than needed: a long paragraph is not cut into all its words to say so
    return len(line.split(None, limit)) <= limit


def is_advert(line: str) -> bool:
    return bool(_ADVERT.fullmatch(line))


def is_share(line: str) -> bool:
    # 13 splits cut a line of 12 tokens (with separators before and after) whole; a longer line
    # keeps 13 or more pieces, too many either way
    tokens = [t.casefold() for t in _SHARE_SPLIT.split(line, maxsplit=13) if t]
    return (
        0 < len(tokens) <= 12
        and all(t.strip("!.") in _SHARE_WORDS for t in tokens)
        and any(t.strip("!.") in _SHARE_ANCHORS for t in tokens)
    )


_SHARE_SPLIT = re.compile(r"[\s|·•/,:]+")


def is_photo_credit(line: str) -> bool:
    if _short(line, 12) and _PHOTO.match(line):
        return not _SENTENCE_END.search(line) or _short(line, 8)
    return _short(line, 8) and bool(_AGENCY.fullmatch(line) or _PAREN_CREDIT.fullmatch(line))


def is_call_to_action(line: str) -> bool:
    return _short(line, 20) and bool(_CALL_TO_ACTION.match(line) or _TEASER.match(line))


def is_ui_text(line: str) -> bool:
    return bool(_UI.fullmatch(line))


def is_navigation(line: str) -> bool:
    if _SENTENCE_END.search(line) or not _short(line, 16):
        return False
    parts = [p for p in _NAV_SEPARATORS.split(line) if p]
    if len(parts) >= 2 and all(_short(p, 4) for p in parts):
        first = parts[0].casefold()
        if len(parts) >= 3 or first in ("home", "start", "front page", "homepage"):
            return True
    words = _words(line)
    nav = sum(w.casefold() in _NAV_WORDS for w in words)
    return (
        len(words) >= 3
        and nav >= 2
        and nav / len(words) >= 0.5
        and all(w[:1].isupper() for w in words)
    )


def is_related_cue(line: str) -> bool:
    return bool(_RELATED_CUE.fullmatch(line))


def is_headline_like(line: str) -> bool:
    """A linked headline: a short line that does not end like a sentence."""
    words = len(line.split())
    return 2 <= words <= 20 and not re.search(r"[.:;,]$", line)


LINE_RULES: tuple[tuple[str, Rule], ...] = (
    ("advertisement", is_advert),
    ("share buttons", is_share),
    ("photo credit", is_photo_credit),
    ("navigation", is_navigation),
    ("interface text", is_ui_text),
    ("read more / subscribe", is_call_to_action),
)


def _title_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).casefold().strip()


def remove_junk(lines: list[str], *, title: str = "") -> tuple[list[str], list[Removed]]:
    """Lines with furniture removed (as blank lines, so paragraphs stay apart) and what went."""
    removed: list[Removed] = []
    kept: list[str] = []
    title_key = _title_key(title) if title else ""
    in_related = False
    for raw in lines:
        line, inline = remove_inline(raw)
        removed.extend(inline)
        if not line:
            kept.append("")
            continue
        reason = "related links" if is_related_cue(line) else _line_reason(line, title_key)
        if reason is None and in_related and is_headline_like(line):
            reason = "related links"
        # a run of headlines goes on through other furniture and ends at the first real line
        in_related = reason == "related links" or (in_related and reason is not None)
        if reason:
            removed.append(Removed(line, reason))
            kept.append("")
        else:
            kept.append(line)
    return kept, removed


def _line_reason(line: str, title_key: str) -> str | None:
    if title_key and _title_key(line) == title_key:
        return "repeated title"
    for reason, rule in LINE_RULES:
        if rule(line):
            return reason
    return None
