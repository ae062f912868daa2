"""The story tables round-trip through the store: stories, members, merges and decisions."""

from __future__ import annotations

import sqlite3

import pytest

from newsprism.cluster import Constraints, OnlineClusterer, cluster_features
from newsprism.store import Store
from newsprism.store.schema import STORY_TABLES
from newsprism.stories import load_decisions, record_decision, save_stories
from tests.cluster.helpers import load_stream, topic_vectors


@pytest.fixture
def placed():
    articles = load_stream()
    vectors = topic_vectors([a["event"] for a in articles])
    clusterer = OnlineClusterer()
    assignments = [
        clusterer.add(
            a["id"], v, cluster_features(a["body"], title=a["title"]), published=a["published"]
        )
        for a, v in zip(articles, vectors, strict=True)
    ]
    return clusterer, assignments


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def test_schema_is_idempotent():
    conn = sqlite3.connect(":memory:")
    for _ in range(2):
        for statement in STORY_TABLES:
            conn.execute(statement)  # IF NOT EXISTS everywhere: a migration may run twice


def test_stories_and_members_round_trip(store, placed):
    clusterer, assignments = placed
    save_stories(store, clusterer, assignments=assignments, titles={}, now="2023-09-18T10:00:00")
    rows = {r.id: r for r in store.stories()}
    assert len(rows) == 3
    flood = rows[clusterer.story_of("flood1-a")]
    assert (flood.size, flood.copies) == (3, 1)
    assert (flood.first_published, flood.last_published) == ("2023-03-07", "2023-03-09")
    members = dict(store.story_members(flood.id))
    assert members["flood1-wire"] == "flood1-b" and members["flood1-a"] is None
    assert store.story_order()[0] == "flood1-a"
    assert (
        store.stories(limit=1, offset=1)
        == sorted(rows.values(), key=lambda r: (-r.size, r.id))[1:2]
    )


def test_a_merge_is_saved_and_old_ids_still_resolve(store, placed):
    clusterer, assignments = placed
    save_stories(store, clusterer, assignments=assignments)
    keep, gone = clusterer.story_of("flood1-a"), clusterer.story_of("flood2-a")
    decision = clusterer.merge(keep, gone, made_at="2023-09-19", note="same storm season")
    record_decision(store, decision)
    save_stories(store, clusterer, [keep])
    assert {r.id for r in store.stories()} == {keep, clusterer.story_of("match-a")}
    merged = {r.id: r for r in store.stories(include_merged=True)}[gone]
    assert merged.merged_into == keep
    assert {a for a, _ in store.story_members(gone)} >= {"flood1-a", "flood2-a"}
    assert store.story_assignments()["flood2-a"] == keep
    assert load_decisions(store) == [decision]


def test_saved_decisions_rebuild_the_same_constraints(store, placed):
    clusterer, _ = placed
    _, decision = clusterer.split(clusterer.story_of("flood1-a"), ["flood1-c"])
    record_decision(store, decision)
    constraints = Constraints(load_decisions(store))
    assert "flood1-a" in constraints.apart("flood1-c")
    assert constraints.together("flood1-a") == {"flood1-b", "flood1-wire"}
