from __future__ import annotations

import sqlite3

import pytest

from newsprism.cluster import (
    STORY_SCHEMA,
    Constraints,
    OnlineClusterer,
    cluster_features,
    create_story_tables,
    load_decisions,
    load_members,
    load_order,
    load_stories,
    record_decision,
    save_stories,
)
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
def conn():
    connection = sqlite3.connect(":memory:")
    create_story_tables(connection)
    yield connection
    connection.close()


def test_schema_is_idempotent(conn):
    for statement in STORY_SCHEMA:
        conn.execute(statement)  # IF NOT EXISTS everywhere: a migration may run twice


def test_stories_and_members_round_trip(conn, placed):
    clusterer, assignments = placed
    save_stories(conn, clusterer, assignments=assignments, titles={}, now="2023-09-18T10:00:00")
    rows = {r.id: r for r in load_stories(conn)}
    assert len(rows) == 3
    flood = rows[clusterer.story_of("flood1-a")]
    assert (flood.size, flood.copies) == (3, 1)
    assert (flood.first_published, flood.last_published) == ("2023-03-07", "2023-03-09")
    members = dict(load_members(conn, flood.id))
    assert members["flood1-wire"] == "flood1-b" and members["flood1-a"] is None
    assert load_order(conn)[0] == "flood1-a"


def test_a_merge_is_saved_and_old_ids_still_resolve(conn, placed):
    clusterer, assignments = placed
    save_stories(conn, clusterer, assignments=assignments)
    keep, gone = clusterer.story_of("flood1-a"), clusterer.story_of("flood2-a")
    decision = clusterer.merge(keep, gone, made_at="2023-09-19", note="same storm season")
    record_decision(conn, decision)
    save_stories(conn, clusterer, [keep])
    assert {r.id for r in load_stories(conn)} == {keep, clusterer.story_of("match-a")}
    merged = {r.id: r for r in load_stories(conn, include_merged=True)}[gone]
    assert merged.merged_into == keep
    assert {a for a, _ in load_members(conn, gone)} >= {"flood1-a", "flood2-a"}
    assert load_decisions(conn) == [decision]


def test_saved_decisions_rebuild_the_same_constraints(conn, placed):
    clusterer, _ = placed
    _, decision = clusterer.split(clusterer.story_of("flood1-a"), ["flood1-c"])
    record_decision(conn, decision)
    constraints = Constraints(load_decisions(conn))
    assert "flood1-a" in constraints.apart("flood1-c")
    assert constraints.together("flood1-a") == {"flood1-b", "flood1-wire"}
