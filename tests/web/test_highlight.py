"""Marking spans in untrusted text: escaped, never nested, every character kept."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from newsprism.web.highlight import Span, extraction_spans, highlight

TAG = re.compile(r"</?mark[^>]*>|<span class=\"anchor\" id=\"[^\"]*\"></span>")


def plain(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


def test_overlapping_spans_are_cut_not_nested() -> None:
    text = 'Reilly said "Nobody goes out" today.'
    out = highlight(
        text,
        [
            Span(0, 36, "claim", "claim: say", "claim-0"),
            Span(0, 6, "entity", "person: Ona Reilly", "mention-0"),
            Span(12, 29, "quote", "direct quote: Ona Reilly"),
        ],
    )
    assert out.count("<mark") == out.count("</mark>") == 4
    assert out.startswith(
        '<span class="anchor" id="claim-0"></span><span class="anchor" id="mention-0"></span>'
        '<mark class="hl entity claim" title="person: Ona Reilly\nclaim: say">Reilly</mark>'
    )
    assert '<mark class="hl quote claim"' in out
    assert "&#34;Nobody goes out&#34;" in out
    assert plain(out) == text


def test_markup_in_the_text_is_escaped() -> None:
    text = (
        '<script>alert(1)</script> <img src=x onerror="alert(2)"> '
        '<a href="javascript:alert(3)">x</a>'
    )
    out = highlight(text, [Span(0, 8, "entity", '"><script>alert(4)</script>')])
    assert "<script" not in out and "<img" not in out and "<a " not in out
    assert "&lt;script&gt;" in out
    assert 'title="&#34;&gt;&lt;script&gt;alert(4)&lt;/script&gt;"' in out
    assert plain(out) == text


def test_spans_outside_the_text_are_clipped() -> None:
    out = highlight("abc", [Span(-5, 2, "time"), Span(2, 99, "entity"), Span(3, 3, "claim")])
    assert out == '<mark class="hl time">ab</mark><mark class="hl entity">c</mark>'


def test_an_anchor_goes_on_the_first_piece_only() -> None:
    out = highlight("abcdef", [Span(0, 6, "claim", "", "claim-0"), Span(2, 4, "entity")])
    assert out.count('id="claim-0"') == 1
    assert out.startswith(
        '<span class="anchor" id="claim-0"></span><mark class="hl claim">ab</mark>'
    )


@given(
    st.text(max_size=60),
    st.lists(
        st.tuples(
            st.integers(-5, 70),
            st.integers(-5, 70),
            st.sampled_from(["entity", "time", "quote", "claim"]),
            st.text(max_size=8),
        ),
        max_size=8,
    ),
)
def test_any_text_and_spans_round_trip(text: str, raw: list[tuple[int, int, str, str]]) -> None:
    out = highlight(
        text, [Span(a, b, kind, label, f"x-{i}") for i, (a, b, kind, label) in enumerate(raw)]
    )
    assert plain(out) == text
    without_tags = TAG.sub("", out)
    assert "<" not in without_tags and ">" not in without_tags
    assert out.count("<mark") == out.count("</mark>")


def test_extraction_spans_cover_every_kind() -> None:
    extraction = {
        "entities": [{"key": "person:ona_reilly", "name": "Ona Reilly", "type": "person"}],
        "mentions": [
            {
                "text": "Reilly",
                "start": 0,
                "end": 6,
                "label": "PERSON",
                "entity_key": "person:ona_reilly",
            }
        ],
        "times": [
            {
                "text": "Monday",
                "start": 10,
                "end": 16,
                "value": None,
                "start_value": "2031-03-01",
                "end_value": "2031-03-02",
            }
        ],
        "quantities": [{"text": "40 boats", "start": 20, "end": 28, "normalized": "40 boats"}],
        "quotes": [{"text": '"Go"', "start": 30, "end": 34, "speaker_name": None, "direct": False}],
        "claims": [{"text": "x", "start": 0, "end": 34, "action": "close"}],
    }
    spans = extraction_spans(extraction)
    assert [(s.kind, s.label, s.anchor) for s in spans] == [
        ("entity", "person: Ona Reilly", "mention-0"),
        ("time", "date: 2031-03-01 .. 2031-03-02", "time-0"),
        ("quantity", "quantity: 40 boats", "qty-0"),
        ("quote", "indirect quote: unattributed", "quote-0"),
        ("claim", "claim: close", "claim-0"),
    ]
