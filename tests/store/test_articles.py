"""Articles in the store: round trip, idempotency, versions, lookup, listing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import AmbiguousArticleId, ArticleNotFound, StoreError
from newsprism.models import Article, InputKind, Meta, Provenance, Removed, StoredArticle
from newsprism.store import Store

from .conftest import make_article

FLOOD = "The harbour of Velmar flooded on Monday. Boats drifted into the market square."
FLOOD_EDIT = FLOOD + " The mayor declared an emergency on Tuesday."


def test_add_then_get_round_trip(store: Store) -> None:
    article = make_article(
        "Velmar floods",
        FLOOD,
        url="https://gazette.example/velmar",
        removed=(Removed("© Photo Desk", "photo credit"),),
    )
    assert store.add(article).status == "added"
    stored = store.get(article.id)
    assert isinstance(stored, StoredArticle)
    assert stored.article == article
    assert stored.previous_id is None and stored.superseded_by is None
    assert stored.ingested_at.endswith("+00:00")


_meta_values = st.builds(
    Meta,
    st.text(min_size=1, max_size=30),
    st.sampled_from(list(Provenance)),
    st.floats(min_value=0, max_value=1, allow_nan=False),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.text(max_size=60),
    body=st.text(max_size=400),
    meta=st.dictionaries(
        st.sampled_from(["outlet", "published", "author", "url", "language", "doc_id"]),
        _meta_values,
    ),
    removed=st.lists(st.builds(Removed, st.text(max_size=40), st.text(max_size=20)), max_size=3),
    kind=st.sampled_from(list(InputKind)),
)
def test_any_article_round_trips(
    title: str,
    body: str,
    meta: dict[str, Meta],
    removed: list[Removed],
    kind: InputKind,
) -> None:
    base = make_article(title, body, outlet=None, published=None)
    article = base.with_metadata(**meta)
    article = replace(article, removed=tuple(removed), kind=kind)
    with Store(":memory:") as store:
        store.add(article)
        assert store.get(article.id).article == article


def test_same_article_twice_is_one_row(store: Store) -> None:
    article = make_article("Velmar floods", FLOOD)
    first, second = store.add(article), store.add(article)
    assert first.status == "added" and second.status == "unchanged"
    assert second.id == first.id
    assert store.count(include_superseded=True) == 1
    # whitespace-only changes hash the same, so they are the same article
    again = make_article("Velmar  floods", FLOOD.replace(" ", "\n", 1))
    assert store.add(again).status == "unchanged"


def test_edited_article_is_a_linked_new_version(store: Store) -> None:
    v1 = make_article("Velmar floods", FLOOD)
    v2 = make_article("Velmar floods", FLOOD_EDIT)
    v3 = make_article("Velmar floods", FLOOD_EDIT + " Schools closed.")
    assert v1.identity == v2.identity and v1.id != v2.id
    store.add(v1)
    r2 = store.add(v2)
    assert (r2.status, r2.id, r2.previous_id) == ("new_version", v2.id, v1.id)
    r3 = store.add(v3)
    assert r3.previous_id == v2.id
    assert store.get(v1.id).superseded_by == v2.id
    assert store.get(v2.id).superseded_by == v3.id
    assert [s.id for s in store.versions(v2.id)] == [v1.id, v2.id, v3.id]
    assert store.count() == 1 and store.count(include_superseded=True) == 3
    assert [s.id for s in store.articles()] == [v3.id]
    assert len(store.articles(include_superseded=True)) == 3
    # re-adding an old version changes nothing
    assert store.add(v1).status == "unchanged"
    assert store.count(include_superseded=True) == 3


def test_add_many_handles_repeats_and_versions_within_a_batch(store: Store) -> None:
    a = make_article("Velmar floods", FLOOD)
    b = make_article("Bridge reopens", "The Oster bridge reopened on Friday.")
    a2 = make_article("Velmar floods", FLOOD_EDIT)
    results = store.add_many([a, b, a, a2])
    assert [r.status for r in results] == ["added", "added", "unchanged", "new_version"]
    assert [r.status for r in store.add_many([a, b, a2])] == ["unchanged"] * 3
    assert store.count() == 2


def test_add_many_is_all_or_nothing(store: Store) -> None:
    good = make_article("Bridge reopens", "The Oster bridge reopened on Friday.")

    def batch() -> Iterator[Article]:
        yield good
        raise RuntimeError("reader crashed")

    with pytest.raises(RuntimeError):
        store.add_many(batch())
    assert store.count(include_superseded=True) == 0
    assert store.add(good).status == "added"


def test_get_by_unique_prefix(store: Store) -> None:
    article = make_article("Velmar floods", FLOOD)
    store.add(article)
    assert store.get(article.id[:6]).id == article.id
    assert store.get(article.id.upper()).id == article.id


def test_get_unknown_id_says_what_to_do(store: Store) -> None:
    with pytest.raises(ArticleNotFound) as err:
        store.get("abcdef")
    assert err.value.code == "E301" and "newsprism articles" in str(err.value)
    with pytest.raises(ArticleNotFound):
        store.get("not hex; DROP TABLE articles")


def test_ambiguous_prefix_is_a_clear_error(store: Store) -> None:
    articles = [make_article(f"Story {i}", f"Body number {i}.") for i in range(40)]
    store.add_many(articles)
    first = sorted(a.id for a in articles)[0][0]  # 40 hex ids: some share a first character
    shared = [a.id for a in articles if a.id.startswith(first)]
    if len(shared) < 2:
        pytest.skip("no shared first character in this sample")
    with pytest.raises(AmbiguousArticleId) as err:
        store.get(first)
    assert err.value.code == "E303" and shared[0] in str(err.value)


def test_listing_filters_and_pages(store: Store) -> None:
    store.add_many(
        [
            make_article("Old", "Old news.", published="2019-12-30"),
            make_article("Morning", "Morning news.", published="2020-01-02T08:00:00"),
            make_article(
                "Evening", "Evening news.", outlet="Coast Courier", published="2020-01-02T20:00:00"
            ),
            make_article("Later", "Later news.", published="2020-02-01"),
            make_article("Undated", "Undated news.", published=None),
        ]
    )
    titles = [s.article.title for s in store.articles()]
    assert titles == ["Later", "Evening", "Morning", "Old", "Undated"]
    assert [s.article.title for s in store.articles(limit=2, offset=1)] == ["Evening", "Morning"]
    assert [s.article.title for s in store.articles(outlet="coast courier")] == ["Evening"]
    assert [s.article.title for s in store.articles(since="2020-01-02", until="2020-01-02")] == [
        "Evening",
        "Morning",
    ]
    assert [s.article.title for s in store.articles(until="2019-12-31")] == ["Old"]
    assert store.count() == 5


def test_tables_are_plain_for_other_sqlite_tools(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add(make_article("Velmar floods", FLOOD, url="https://gazette.example/velmar"))
    with sqlite3.connect(db) as plain:
        row = plain.execute(
            "SELECT title, outlet, published, url, word_count, kind FROM articles"
        ).fetchone()
    assert row == (
        "Velmar floods",
        "Harbour Gazette",
        "2020-01-02",
        "https://gazette.example/velmar",
        len(FLOOD.split()),
        "text",
    )


def test_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "nope" / "news.db")
    assert "does not exist" in str(err.value)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all, just some bytes" * 100)
    with pytest.raises(StoreError) as err:
        Store(junk)
    assert "not a newsprism database" in str(err.value)


def test_get_many_keeps_the_order_given_across_query_chunks(store: Store) -> None:
    # 1,200 articles: more than one IN (...) chunk of 500 ids.
    articles = [
        make_article(f"Ferry {n} sails", f"Ferry number {n} left Valmer.") for n in range(1200)
    ]
    store.add_many(articles)
    wanted = [a.id for a in reversed(articles)] + [articles[3].id]
    got = store.get_many(wanted)
    assert [g.id for g in got] == wanted
    assert got[0].title == "Ferry 1199 sails" and got[-1].title == "Ferry 3 sails"


def test_get_many_names_the_missing_ids(store: Store) -> None:
    kept = make_article("Cranes idle", "Cranes stood idle at Valmer.")
    store.add(kept)
    assert store.get_many([]) == []
    with pytest.raises(ArticleNotFound, match="'0000aaaa' and 1 more"):
        store.get_many([kept.id, "0000aaaa", "0000bbbb"])
