"""Every report format by name, and ``render``, which picks one: the one module that knows both
the text renderers (text.py) and the HTML page (html.py), so neither needs the other."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.compare.types import Comparison
from newsprism.errors import UsageError
from newsprism.report.html import render_html
from newsprism.report.text import render_json, render_markdown, render_text

#: Output formats by name (``render`` also takes "html").
FORMATS: dict[str, Callable[[Comparison], str]] = {
    "text": render_text,
    "md": render_markdown,
    "markdown": render_markdown,
    "json": render_json,
}


def render(c: Comparison, fmt: str = "text") -> str:
    """The comparison in format ``fmt`` (text, md, json or html)."""
    if fmt == "html":
        return render_html(c)
    try:
        return FORMATS[fmt](c)
    except KeyError:
        raise UsageError(
            f"unknown report format {fmt!r}", hint="Choose one of: text, md, json, html."
        ) from None
