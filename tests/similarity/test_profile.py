from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from newsprism.models import Meta, Provenance, published_day
from newsprism.similarity import as_article
from newsprism.similarity.profile import MAX_SENTENCES, build_profile
from similarity.helpers import OPINION_COLUMN, WIRE_REPORT, fixture_article


def test_profile_of_an_english_article() -> None:
    p = build_profile(fixture_article("flood_a.txt"))
    assert p.language == "en"
    assert p.article.title.startswith("River Tessel bursts")
    assert {"brandt", "marrowby", "tessel", "kestrel"} <= set(p.names)
    assert p.names["brandt"] == "Brandt"
    assert "300" in p.numbers and "40" in p.numbers
    assert p.years == frozenset({"2009"})
    assert "2009" not in p.numbers  # years are kept apart from counts
    assert p.style["words"] > 100
    assert p.style["quotes"] > 0
    assert not p.extracted


def test_language_metadata_wins_over_detection() -> None:
    article = fixture_article("flood_a.txt").with_metadata(language=Meta("de", Provenance.USER))
    assert build_profile(article).language == "de"


def test_published_date_and_host() -> None:
    article = fixture_article("flood_a.txt").with_metadata(
        published=Meta("2024-03-12T08:00:00+01:00", Provenance.USER),
        url=Meta("https://www.example-news.test/a/1", Provenance.USER),
    )
    p = build_profile(article)
    assert p.published == date(2024, 3, 12)
    assert p.host == "example-news.test"
    assert build_profile(article, published="2024-03-20").published == date(2024, 3, 20)


def test_locale_numbers_are_normalised() -> None:
    p = build_profile(as_article("Title\n\nThey counted 1,500 and 1.500 people and 3,5 percent."))
    assert p.numbers == frozenset({"1500", "3.5"})


def test_sentences_are_capped() -> None:
    text = "Title\n\n" + " ".join(f"Sentence number {i} is here." for i in range(200))
    assert len(build_profile(as_article(text)).sentences) == MAX_SENTENCES


def test_published_day() -> None:
    assert published_day("2020-01-02") == date(2020, 1, 2)
    assert published_day("2020-01-02T10:00:00Z") == date(2020, 1, 2)
    assert published_day("yesterday") is None
    assert published_day(None) is None


@given(st.text(max_size=400))
def test_any_text_profiles(text: str) -> None:
    p = build_profile(as_article(text or "x"))
    assert all(v >= 0 for v in p.style.values())
    assert len(p.sentences) <= MAX_SENTENCES


def test_the_voice_of_an_english_report() -> None:
    wire, column = build_profile(as_article(WIRE_REPORT)), build_profile(as_article(OPINION_COLUMN))
    assert wire.style["person"] == wire.style["hedges"] == wire.style["opinion"] == 0.0
    assert wire.style["questions"] == 0.0
    assert column.style["person"] > 0.05  # we, you, our, I
    assert column.style["hedges"] > 0.03  # reportedly, may
    assert column.style["opinion"] > 0.05  # disgrace, really, best, too, absurd, very
    assert column.style["questions"] > 0.0


def test_voice_word_lists_are_english_only() -> None:
    article = as_article(OPINION_COLUMN).with_metadata(language=Meta("de", Provenance.USER))
    p = build_profile(article)
    assert p.style["person"] == p.style["hedges"] == p.style["opinion"] == 0.0
    assert p.style["questions"] > 0.0  # punctuation reads the same in any language
