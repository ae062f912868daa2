"""report stage: a Comparison as plain text, Markdown, JSON or one self-contained HTML page.

Every renderer is a pure function of the Comparison (the web app reuses ``render_html``).
"""

from newsprism.report.html import render_html
from newsprism.report.text import FORMATS, render, render_json, render_markdown, render_text

__all__ = ["FORMATS", "render", "render_html", "render_json", "render_markdown", "render_text"]
