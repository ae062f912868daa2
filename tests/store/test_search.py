"""Full-text search: relevance, snippets, and user input that is never FTS syntax."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.store import Store, fts_query

from .conftest import make_article


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_many(
        [
            make_article(
                "Floodgates opened at Velmar",
                "Engineers opened the floodgates at dawn. The river fell by noon.",
            ),
            make_article(
                "Market day in Oster",
                "Traders said the floodgates story kept buyers away from the stalls.",
            ),
            make_article("Chess club news", "The club elected a treasurer. Café owners cheered."),
        ]
    )
    return store


def test_title_matches_rank_first_with_a_snippet(filled: Store) -> None:
    hits = filled.search("floodgates")
    assert [h.article.article.title for h in hits] == [
        "Floodgates opened at Velmar",
        "Market day in Oster",
    ]
    assert hits[0].rank > hits[1].rank
    assert "[floodgates]" in hits[1].snippet.lower()


def test_all_words_must_match_and_phrases_hold(filled: Store) -> None:
    assert [h.article.article.title for h in filled.search("floodgates buyers")] == [
        "Market day in Oster"
    ]
    assert filled.search('"river fell"')[0].article.article.title == "Floodgates opened at Velmar"
    assert filled.search('"fell river"') == []


def test_prefix_and_diacritics(filled: Store) -> None:
    assert len(filled.search("flood*")) == 2
    assert [h.article.article.title for h in filled.search("cafe")] == ["Chess club news"]


def test_paging(filled: Store) -> None:
    assert len(filled.search("floodgates", limit=1)) == 1
    assert filled.search("floodgates", limit=1, offset=1)[0].article.article.title == (
        "Market day in Oster"
    )


def test_superseded_versions_are_not_found_by_default(store: Store) -> None:
    store.add(make_article("Velmar", "The dam held."))
    store.add(make_article("Velmar", "The dam broke."))
    assert [h.article.article.body for h in store.search("dam")] == ["The dam broke."]
    assert len(store.search("dam", include_superseded=True)) == 2


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        'flood"gates',
        "AND",
        "floodgates AND",
        "OR OR NOT",
        "*",
        "-",
        "-floodgates",
        "floodgates -river",
        "NEAR(floodgates river)",
        "title:floodgates",
        "body : x",
        "(((",
        "^floodgates",
        "'; DROP TABLE articles; --",
        '""',
        "\x00",
        "   ",
        "",
        "flood*gates**",
        "{title body}: floodgates",
    ],
)
def test_hostile_queries_never_crash(filled: Store, query: str) -> None:
    hits = filled.search(query)
    assert isinstance(hits, list)
    assert filled.count() == 3


def test_hostile_words_are_searched_as_plain_text(filled: Store) -> None:
    assert len(filled.search("floodgates AND")) == 0  # "and" is a word, and no text has it
    assert len(filled.search("-floodgates")) == 2  # "-" is not a NOT operator
    assert (
        filled.search("title:floodgates") == []
    )  # no column filter: the phrase "title floodgates"
    assert len(filled.search("floodgates:opened")) == 1  # the phrase "floodgates opened"


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab \"*-():^{}+AND OR NOT NEAR'\\")), max_size=30))
def test_any_query_is_safe(filled: Store, query: str) -> None:
    filled.search(query)


@given(st.text(max_size=40))
def test_fts_query_quotes_every_word(text: str) -> None:
    q = fts_query(text)
    if q is None:
        return
    with Store(":memory:") as store:
        store.search(text)  # compiles
    assert q.startswith('"')


def test_fts_query_examples() -> None:
    assert fts_query("flood AND dam") == '"flood" "AND" "dam"'
    assert fts_query('"river fell" dam*') == '"river fell" "dam"*'
    assert fts_query('say "hi') == '"say" "hi"'
    assert fts_query("- * ()") is None
