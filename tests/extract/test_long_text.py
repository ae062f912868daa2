"""Texts of any length: chunked on sentence starts, offsets exact, never spaCy's max_length."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.extract import Extraction, extract, extract_many, get_nlp
from newsprism.extract.chunks import analysed_length, chunk_spans, limit_notice
from newsprism.text import split_sentences

SENTENCES = [
    "Kenyan President Amos Waweru met Prime Minister Lena Brandt in Nairobi on Tuesday.",
    "Waweru said the government would send 300 engineers to the port.",
    "\u201cWe have waited long enough,\u201d Brandt told reporters.",
    "The Northern Liberation Front rejected the plan on Wednesday.",
    "Berlin has pledged EUR 2 billion since 2019, according to the finance ministry.",
]


def long_text(n_chars: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < n_chars:
        p = " ".join(rng.choice(SENTENCES) for _ in range(4))
        paragraphs.append(p)
        size += len(p) + 2
    return "A long report\n\n" + "\n\n".join(paragraphs)


@given(st.text(alphabet="ab .?\n", max_size=400), st.integers(min_value=1, max_value=60))
def test_chunks_cover_the_text_exactly_and_stay_small(text: str, size: int) -> None:
    spans = chunk_spans(text, size)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(0 < b - a <= size for a, b in spans)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(spans))


def test_chunks_end_where_sentences_start() -> None:
    text = long_text(5_000)
    starts = {a for a, _ in split_sentences(text)}
    spans = chunk_spans(text, 700)
    assert len(spans) > 5
    assert all(b in starts for _, b in spans[:-1])


def test_analysed_length_stops_at_a_sentence_start() -> None:
    text = long_text(5_000)
    cut = analysed_length(text, 1_000)
    assert cut <= 1_000 and cut in {a for a, _ in split_sentences(text)}
    assert analysed_length(text, None) == len(text)
    assert analysed_length("x" * 50, 10) == 10  # no sentence, no space: a hard cut
    assert limit_notice(cut, len(text)).startswith(f"This article is {len(text):,} characters")
    assert limit_notice(None, len(text)) == ""


def _assert_offsets_exact(ex: Extraction, text: str) -> None:
    for item in (*ex.mentions, *ex.times, *ex.quantities, *ex.quotes, *ex.claims):
        assert text[item.start : item.end] == item.text, item
    for s in ex.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for e in ex.entities:
        assert all(ex.mentions[i].entity_key == e.key for i in e.mentions)
    for c in ex.claims:
        assert all(0 <= i < len(ex.times) for i in c.time)
        assert all(0 <= i < len(ex.quantities) for i in c.quantities)
        s = ex.sentences[c.sentence]
        assert s.start <= c.start and c.end <= s.end
        # the verb's own offsets too, in every chunk
        assert c.predicate is None or s.start <= c.predicate[0] < c.predicate[1] <= s.end


@pytest.mark.slow
def test_chunked_extraction_keeps_offsets_exact_beyond_spacys_limit() -> None:
    text = long_text(12_000)
    nlp = get_nlp()
    saved = nlp.max_length
    nlp.max_length = 5_000  # a text over the limit, without parsing a megabyte
    try:
        (ex,) = extract_many([text], deep_chars=None, whole_chars=4_000, chunk_chars=4_000)
    finally:
        nlp.max_length = saved
    assert ex.analysed_chars is None
    assert ex.sentences[-1].end > 11_000
    _assert_offsets_exact(ex, text)
    names = {e.key for e in ex.entities}
    assert any("waweru" in k for k in names)
    # one entity per canonical key, its mentions from every chunk
    assert len(names) == len(ex.entities)
    waweru = next(e for e in ex.entities if "waweru" in e.key)
    assert ex.mentions[waweru.mentions[-1]].start > 8_000
    assert Extraction.from_dict(ex.to_dict()) == ex


@pytest.mark.slow
def test_a_long_text_is_analysed_up_to_the_limit_and_says_so() -> None:
    text = long_text(30_000)
    ex = extract(text, deep_chars=8_000)
    assert ex.analysed_chars is not None and ex.analysed_chars <= 8_000
    assert all(item.end <= ex.analysed_chars for item in (*ex.mentions, *ex.claims))
    _assert_offsets_exact(ex, text)
    assert Extraction.from_dict(ex.to_dict()).analysed_chars == ex.analysed_chars
