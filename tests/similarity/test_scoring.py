from __future__ import annotations

import pytest

from newsprism.models import Meta, Provenance
from newsprism.similarity import (
    DIMENSIONS,
    as_article,
    clear_article_cache,
    score_pairs,
    similarity,
)
from similarity.helpers import fake_embedders, fake_extractor, fixture_article


def _score(a, b, **kw):
    return score_pairs([(a, b)], embedders=fake_embedders(), extractor=fake_extractor, **kw)[0]


def test_same_event_scores_more_similar_than_different_events() -> None:
    a, b, other = (fixture_article(n) for n in ("flood_a.txt", "flood_b.txt", "transfer.txt"))
    same, different = score_pairs(
        [(a, b), (a, other)], embedders=fake_embedders(), extractor=fake_extractor
    )
    for dim in ("overall", "narrative", "entities", "geography"):
        assert same.score(dim) < different.score(dim), dim


@pytest.mark.slow
def test_with_the_real_models_same_event_is_close_and_different_event_far() -> None:
    a, b, other, de = (
        fixture_article(n) for n in ("flood_a.txt", "flood_b.txt", "transfer.txt", "flood_de.txt")
    )
    same, different, cross = score_pairs([(a, b), (a, other), (a, de)])
    assert same.overall <= 2.0, same.to_dict()
    assert different.overall >= 3.0, different.to_dict()
    assert cross.route == "multi" and cross.overall < different.overall
    assert "Alina Brandt" in same.to_dict()["explanations"]["entities"]


def test_scores_are_on_the_scale_with_explanations() -> None:
    result = _score(fixture_article("flood_a.txt"), fixture_article("transfer.txt"))
    assert [s.dimension for s in result.scores] == list(DIMENSIONS)
    for s in result.scores:
        assert 1.0 <= s.score <= 4.0
        assert s.explanation
    data = result.to_dict()
    assert set(data["scores"]) == set(DIMENSIONS) == set(data["explanations"])
    assert data["route"] == "en" and data["languages"] == ["en", "en"]


def test_explanations_quote_the_evidence() -> None:
    result = _score(fixture_article("flood_a.txt"), fixture_article("flood_b.txt"))
    text = result.to_dict()["explanations"]
    assert "Marrowby" in text["geography"] and "River Tessel" in text["geography"]
    assert "Alina Brandt" in text["entities"]
    assert "Years both mention: 2009" in text["time"]
    assert "sentences of A" in text["narrative"]
    assert "words" in text["style"]
    assert result.notes == ()


def test_cross_language_pair_uses_the_multilingual_route_and_says_so() -> None:
    result = _score(fixture_article("flood_a.txt"), fixture_article("flood_de.txt"))
    assert result.route == "multi"
    assert result.languages == ("en", "de")
    assert any("English-only" in note for note in result.notes)
    assert "English-only" in result.to_dict()["explanations"]["geography"]
    assert "Brandt" in result.to_dict()["explanations"]["entities"]


def test_publication_dates_far_apart_raise_the_time_score() -> None:
    a, b = fixture_article("flood_a.txt"), fixture_article("flood_b.txt")
    close = _score(a, b)
    far = score_pairs(
        [
            (
                a.with_metadata(published=Meta("2024-03-12", Provenance.USER)),
                b.with_metadata(published=Meta("2025-06-01", Provenance.USER)),
            )
        ],
        embedders=fake_embedders(),
        extractor=fake_extractor,
    )[0]
    assert far.score("time") >= 3.0 > close.score("time")
    assert "day(s) apart" in far.to_dict()["explanations"]["time"]


def test_similarity_accepts_plain_text_and_dates() -> None:
    a = fixture_article("flood_a.txt").title + "\n" + fixture_article("flood_a.txt").body
    b = fixture_article("flood_b.txt")
    result = similarity(
        a,
        b,
        published_a="2024-03-12",
        published_b="2024-03-13",
        embedders=fake_embedders(),
        use_extract=False,
    )
    assert result.a.startswith("River Tessel bursts")
    assert "1 day(s) apart" in result.to_dict()["explanations"]["time"]
    assert any("switched off" in n for n in result.notes)


def test_batch_profiles_and_embeds_each_article_once() -> None:
    embedders = fake_embedders()
    a, b, c = (fixture_article(n) for n in ("flood_a.txt", "flood_b.txt", "transfer.txt"))
    results = score_pairs([(a, b), (a, c), (b, c)], embedders=embedders, use_extract=False)
    assert len(results) == 3
    # one call for the sentences, one for the documents, for all three articles together
    assert embedders["en"].calls == 2  # one pass for the leads, by the multilingual model:
    assert embedders["multi"].calls == 1


def test_as_article() -> None:
    art = as_article("A title\n\nThe body.\nMore body.")
    assert art.title == "A title" and art.body == "The body.\nMore body."
    assert as_article("Just one line.").body == "Just one line."
    assert as_article(art) is art


def test_one_job_gives_the_same_scores_as_two() -> None:
    pairs = [(fixture_article("flood_a.txt"), fixture_article("flood_b.txt"))]
    one = score_pairs(pairs, n_jobs=1, embedders=fake_embedders(), extractor=fake_extractor)
    two = score_pairs(pairs, n_jobs=2, embedders=fake_embedders(), extractor=fake_extractor)
    assert one[0].to_dict() == two[0].to_dict()


def test_fast_mode_skips_the_multilingual_lead_of_english_pairs() -> None:
    a, b, de = (fixture_article(n) for n in ("flood_a.txt", "flood_b.txt", "flood_de.txt"))
    embedders = fake_embedders()
    fast, cross = score_pairs(
        [(a, b), (a, de)], embedders=embedders, extractor=fake_extractor, fast=True
    )
    # English pairs: MiniLM only; the multilingual model reads only the cross-language pair
    # (sentences + documents: the fakes are not e5, whose document is the sentence centroid)
    assert embedders["en"].calls == 2 and embedders["multi"].calls == 2
    slow = fake_embedders()
    score_pairs([(a, b), (a, de)], embedders=slow, extractor=fake_extractor)
    assert slow["multi"].calls == 3  # plus the English leads
    assert fast.route == "en_fast" and cross.route == "multi"
    assert any("Fast mode" in n for n in fast.notes)
    assert "multilingual e5" not in fast.to_dict()["explanations"]["overall"]
    full = score_pairs([(a, b)], embedders=fake_embedders(), extractor=fake_extractor)[0]
    assert full.route == "en" and fast.overall < cross.overall
    assert similarity(a, b, embedders=fake_embedders(), fast=True).route == "en_fast"


def test_an_article_seen_before_is_not_extracted_or_embedded_again() -> None:
    from newsprism.similarity.profile import build_profile
    from newsprism.similarity.scoring import _VECTORS, _embed, _extract_all
    from similarity.helpers import BagOfWordsEmbedder

    clear_article_cache()
    a, b = (build_profile(fixture_article(n)) for n in ("flood_a.txt", "flood_b.txt"))
    runs = []

    def counting(article):
        runs.append(article.id)
        return fake_extractor(article)

    first = _extract_all([a, b], counting, remember=True)
    again = _extract_all([b], counting, remember=True)
    assert runs == [a.article.id, b.article.id]  # b was remembered
    assert again[b.article.id].entities == first[b.article.id].entities
    _extract_all([b], counting)  # without remember: extracted afresh
    assert len(runs) == 3

    embedder, lead = BagOfWordsEmbedder("fake-en"), BagOfWordsEmbedder("fake-multi")
    vectors = _embed([a], embedder, lead, remember=True)
    calls = embedder.calls + lead.calls
    both = _embed([a, b], embedder, lead, remember=True)
    assert both[a.article.id] is vectors[a.article.id]
    assert embedder.calls + lead.calls == calls + 3  # titles, documents and leads of b only
    # another lead model is another entry
    assert _embed([a], embedder, None, remember=True)[a.article.id].lead is None
    clear_article_cache()
    assert _VECTORS.get((a.article.id, "fake-en", "fake-multi")) is None


def test_the_recent_store_forgets_the_least_recently_used() -> None:
    from newsprism.similarity.scoring import _Recent

    recent = _Recent(2)
    recent.put("a", 1)
    recent.put("b", 2)
    assert recent.get("a") == 1  # "a" is now the most recent
    recent.put("c", 3)
    assert recent.get("b") is None and recent.get("a") == 1 and recent.get("c") == 3


def test_extraction_reads_the_opening_of_a_long_report() -> None:
    from newsprism.models import Meta, Provenance
    from newsprism.similarity.scoring import EXTRACT_WORDS, opening

    sentence = "The council of Marrowby met again on Monday to discuss the new ferry pier plans. "
    body = sentence * 60  # ~900 words
    article = as_article("Marrowby council meets\n" + body).with_metadata(
        published=Meta("2021-03-04", Provenance.USER)
    )
    cut = opening(article)
    words = len(cut.text.split())
    assert EXTRACT_WORDS <= words < EXTRACT_WORDS + len(sentence.split())
    assert cut.text.endswith("plans.")  # whole sentences only
    assert cut.title == article.title and cut.text.startswith(article.title)
    assert cut.published == "2021-03-04" and cut.id == article.id
    short = as_article("A title\nOne short body sentence.")
    assert opening(short) is short

    seen: list[int] = []

    def counting(a):  # type: ignore[no-untyped-def]
        seen.append(len(a.text.split()))
        return fake_extractor(a)

    other = as_article("Ferry pier plans approved\n" + sentence * 5)
    score_pairs([(article, other)], embedders=fake_embedders(), extractor=counting)
    assert max(seen) < len(article.text.split()) and len(seen) == 2
