"""The embedder registry and the article helpers."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.embed import (
    DOC_MAX_WORDS,
    E5Embedder,
    MiniLMEmbedder,
    available_embedders,
    document_text,
    embed_articles,
    embed_sentences,
    get_embedder,
)
from newsprism.errors import UsageError
from newsprism.text import split_sentences

from .conftest import FakeEmbedder, make_article


def test_registry_names_and_instances() -> None:
    assert isinstance(get_embedder(), MiniLMEmbedder)
    assert get_embedder("minilm") is get_embedder()
    assert get_embedder("e5") is get_embedder("multilingual")
    assert isinstance(get_embedder(" E5 "), E5Embedder)
    names = available_embedders()
    assert names["minilm"] == MiniLMEmbedder.model_id
    assert names["multilingual"] == E5Embedder.model_id


def test_unknown_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as err:
        get_embedder("word2vec")
    assert "word2vec" in str(err.value) and "minilm" in str(err.value)


def test_document_text_is_title_and_lead() -> None:
    body = " ".join(f"Sentence number {i} tells part of the story." for i in range(200))
    article = make_article("Velmar floods", body)
    text = document_text(article)
    assert text.startswith("Velmar floods\n\nSentence number 0 tells")
    lead = text.split("\n\n", 1)[1]
    assert len(lead.split()) <= DOC_MAX_WORDS
    assert lead.endswith(".")  # whole sentences
    assert "Sentence number 199" not in text


def test_document_text_cuts_a_run_without_sentence_ends() -> None:
    article = make_article("", "word " * 5000)
    assert len(document_text(article).split()) == DOC_MAX_WORDS


def test_document_text_of_a_short_article_is_all_of_it() -> None:
    article = make_article("Bridge reopens", "The bridge reopened. Traffic resumed.")
    assert document_text(article) == "Bridge reopens\n\nThe bridge reopened. Traffic resumed."


def test_embed_articles_one_row_each(fake_embedder: FakeEmbedder) -> None:
    articles = [make_article("A", "One. Two."), make_article("B", "Three.")]
    vectors = embed_articles(articles, fake_embedder)
    assert vectors.shape == (2, 8)
    assert fake_embedder.seen == [document_text(a) for a in articles]  # one pass per document


def test_embed_sentences_spans_and_rows(fake_embedder: FakeEmbedder) -> None:
    article = make_article(
        "Bridge reopens", "The bridge reopened on Friday. Mr. Ode cut the ribbon."
    )
    spans, vectors = embed_sentences(article, fake_embedder)
    assert spans == split_sentences(article.text)
    assert [article.text[s:e] for s, e in spans] == [
        "Bridge reopens",
        "The bridge reopened on Friday.",
        "Mr. Ode cut the ribbon.",
    ]
    assert vectors.shape == (3, 8)
    np.testing.assert_array_equal(vectors[2], fake_embedder.encode(["Mr. Ode cut the ribbon."])[0])


def test_embed_sentences_of_an_empty_article(fake_embedder: FakeEmbedder) -> None:
    spans, vectors = embed_sentences(make_article("", ""), fake_embedder)
    assert spans == [] and vectors.shape == (0, 8)
