"""A page nested deeper than lxml reads still gives its text, read as a flat stream."""

from __future__ import annotations

import pytest

from newsprism.clean.html import extract_html, flat_text
from newsprism.errors import EmptyInput


def test_flat_text_reads_any_depth_and_skips_scripts() -> None:
    html = (
        "<html><head><title>Deep page</title><script>var x = 1;</script></head><body>"
        + "<div>" * 100_000
        + "<p>Officials said the dam held on Tuesday.</p><nav>Home | World</nav><p>Second.</p>"
        + "</div>" * 100_000
        + "</body></html>"
    )
    found = extract_html(html)
    assert found.method == "flat"
    assert found.title == "Deep page"
    assert found.text == "Officials said the dam held on Tuesday.\nSecond."
    assert "var x" not in flat_text(html)


def test_a_page_without_text_is_still_empty() -> None:
    with pytest.raises(EmptyInput):
        extract_html("<html><body>" + "<div>" * 5000 + "</div>" * 5000 + "</body></html>")
