"""Serving the report stage's self-contained story page inside the app (pure).

The page is the very one ``newsprism compare --format html`` writes; the app adds its
navigation after ``<body>`` and its tools before ``</body>``. That page carries its own inline
``<style>`` (and maybe ``<script>``), which the app's strict policy forbids, so each of its
inline blocks is allowed by its SHA-256 hash: anything else inline, such as a script that
slipped in with article text, stays blocked.
"""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re
from pathlib import Path

from markupsafe import Markup

from newsprism.web.security import CSP

__all__ = ["story_csp", "wrap_story"]

_BLOCK = re.compile(r"<(style|script)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)
_BODY_CLOSE = re.compile(r"</body\s*>", re.I)
_HEAD_CLOSE = re.compile(r"</head\s*>", re.I)
#: the app's navigation styles, inline: the report page's own policy (a <meta> CSP) admits
#: inline styles but no stylesheet links
CHROME_CSS = (Path(__file__).parent / "static" / "chrome.css").read_text(encoding="utf-8")
CHROME_STYLE = f"<style>{CHROME_CSS}</style>"


def _sha(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def story_csp(page: str, *, extra_styles: tuple[str, ...] = ()) -> str:
    """The app's policy, widened by exactly the hashes of ``page``'s own inline blocks (and of
    ``extra_styles``, the app's own)."""
    scripts: list[str] = []
    styles: list[str] = [_sha(css) for css in extra_styles]
    for m in _BLOCK.finditer(page):
        tag, attrs, body = m.group(1).lower(), m.group(2), m.group(3)
        if tag == "script" and "src=" not in attrs.lower():
            scripts.append(_sha(body))
        elif tag == "style":
            styles.append(_sha(body))
    attrs = [htmllib.unescape(a or b) for a, b in _STYLE_ATTR.findall(_without_blocks(page))]
    if attrs:
        styles.append("'unsafe-hashes'")
        styles.extend(dict.fromkeys(_sha(a) for a in attrs))
    policy = CSP
    if scripts:
        policy = policy.replace("script-src 'self'", "script-src 'self' " + " ".join(scripts))
    if styles:
        policy = policy.replace("style-src 'self'", "style-src 'self' " + " ".join(styles))
    return policy


def _without_blocks(page: str) -> str:
    return _BLOCK.sub("", page)


def wrap_story(page: str, *, nav: Markup, tools: Markup) -> tuple[str, str]:
    """``page`` with the app's navigation and tools added; and the CSP to serve it with."""
    # hashes of the report's own blocks and of our stylesheet, never of anything else we add
    csp = story_csp(page, extra_styles=(CHROME_CSS,))
    out = page
    head = _HEAD_CLOSE.search(out)
    if head:
        out = out[: head.start()] + CHROME_STYLE + out[head.start() :]
    body = _BODY_OPEN.search(out)
    at = body.end() if body else 0
    out = out[:at] + (str(nav) if body else CHROME_STYLE + str(nav)) + out[at:]
    closes = list(_BODY_CLOSE.finditer(out))
    end = closes[-1].start() if closes else len(out)
    out = out[:end] + str(tools) + out[end:]
    return out, csp
