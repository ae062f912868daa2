"""report stage: a Comparison as plain text, Markdown, JSON or one self-contained HTML page.

Every renderer is a pure function of the Comparison (the web app reuses ``render_html``).
sections.py picks what every human-readable format shows; text.py renders text, Markdown and
JSON, html.py the page; formats.py names them all and ``render`` picks one.
"""

from newsprism.report.formats import FORMATS, render
from newsprism.report.html import render_html
from newsprism.report.text import render_json, render_markdown, render_text

__all__ = ["FORMATS", "render", "render_html", "render_json", "render_markdown", "render_text"]
