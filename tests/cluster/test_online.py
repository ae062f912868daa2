from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.cluster import (
    ClusterFeatures,
    ClusterSettings,
    Constraints,
    OnlineClusterer,
    TermPrior,
    cluster_features,
    story_id_for,
)
from newsprism.cluster.features import TERM_SPACE
from newsprism.errors import UsageError
from tests.cluster.helpers import load_stream, topic_vectors


def _stream(*, by_event: bool = False):
    """(article, vector, features); all flood reports share ONE embedding direction."""
    articles = load_stream()
    labels = [a["event"] if by_event else a["event"].split("-")[-1] for a in articles]
    vectors = topic_vectors(labels)
    features = [cluster_features(a["body"], title=a["title"]) for a in articles]
    return articles, vectors, features


def _feed(clusterer, articles, vectors, features, *, dated: bool = False):
    return {
        a["id"]: clusterer.add(a["id"], v, f, published=a["published"] if dated else None)
        for a, v, f in zip(articles, vectors, features, strict=True)
    }


def _groups(placed):
    out: dict[str, set[str]] = {}
    for article_id, assignment in placed.items():
        out.setdefault(assignment.story_id, set()).add(article_id)
    return sorted(sorted(g) for g in out.values())


EXPECTED = [
    ["flood1-a", "flood1-b", "flood1-c", "flood1-wire"],
    ["flood2-a", "flood2-b", "flood2-c"],
    ["match-a", "match-b"],
]


def test_look_alike_floods_in_one_town_stay_apart_on_their_specifics():
    # Embeddings cannot tell the two floods apart here; names, numbers and days must.
    articles, vectors, features = _stream()
    placed = _feed(OnlineClusterer(), articles, vectors, features)
    assert _groups(placed) == EXPECTED


def test_months_apart_means_different_stories_even_without_text_signals():
    articles, vectors, _ = _stream()
    empty = [ClusterFeatures.empty()] * len(articles)
    clusterer = OnlineClusterer(settings=ClusterSettings(threshold=0.1))
    placed = _feed(clusterer, articles, vectors, empty, dated=True)
    assert placed["flood2-a"].is_new_story
    assert placed["flood2-a"].story_id != placed["flood1-a"].story_id
    # without the dates the same settings fold the two floods together
    loose = OnlineClusterer(settings=ClusterSettings(threshold=0.1))
    undated = _feed(loose, articles, vectors, empty)
    assert undated["flood2-a"].story_id == undated["flood1-a"].story_id


def test_a_wire_copy_is_kept_linked_and_counted_once():
    articles, vectors, features = _stream(by_event=True)
    clusterer = OnlineClusterer()
    placed = _feed(clusterer, articles, vectors, features)
    wire = placed["flood1-wire"]
    assert wire.duplicate_of == "flood1-b"
    assert wire.story_id == placed["flood1-b"].story_id
    story = clusterer.story(wire.story_id)
    assert "flood1-wire" in story.duplicates and "flood1-wire" not in story.members
    assert story.size == 3


def test_a_copy_of_a_copy_points_to_the_first_original():
    articles, vectors, features = _stream(by_event=True)
    clusterer = OnlineClusterer()
    _feed(clusterer, articles, vectors, features)
    i = next(i for i, a in enumerate(articles) if a["id"] == "flood1-wire")
    again = clusterer.add("flood1-wire-2", vectors[i], features[i])
    assert again.duplicate_of == "flood1-b"


def test_story_ids_are_stable_as_articles_arrive():
    articles, vectors, features = _stream(by_event=True)
    clusterer = OnlineClusterer()
    seen: dict[str, str] = {}
    for a, v, f in zip(articles, vectors, features, strict=True):
        placed = clusterer.add(a["id"], v, f)
        if placed.is_new_story:
            assert placed.story_id == story_id_for(a["id"])
        seen[a["id"]] = placed.story_id
        # nobody placed earlier has moved
        assert all(clusterer.story_of(k) == s for k, s in seen.items())
    # adding an article again changes nothing
    again = clusterer.add(articles[0]["id"], vectors[0], features[0])
    assert again.story_id == seen[articles[0]["id"]] and not again.is_new_story
    assert len(clusterer) == len(articles)


def test_same_input_same_ids_across_runs():
    articles, vectors, features = _stream(by_event=True)
    one = _feed(OnlineClusterer(), articles, vectors, features)
    two = _feed(OnlineClusterer(), articles, vectors, features)
    assert {k: v.story_id for k, v in one.items()} == {k: v.story_id for k, v in two.items()}


def test_merge_holds_for_later_articles_and_old_ids_resolve():
    articles, vectors, features = _stream(by_event=True)
    clusterer = OnlineClusterer()
    placed = _feed(clusterer, articles[:-1], vectors[:-1], features[:-1])
    march, september = placed["flood1-a"].story_id, placed["flood2-a"].story_id
    decision = clusterer.merge(march, september)
    assert decision.kind == "merge"
    assert clusterer.resolve(september) == march
    assert clusterer.story(september).id == march
    late = clusterer.add(articles[-1]["id"], vectors[-1], features[-1])  # a September report
    assert late.story_id == march
    assert {s.id for s in clusterer.stories()} == {march, placed["match-a"].story_id}


def test_split_moves_articles_and_keeps_the_founders_id():
    articles, vectors, features = _stream()  # floods share a direction: mix them up first
    clusterer = OnlineClusterer(
        settings=ClusterSettings(
            threshold=0.1, term_weight=0.0, conflict_weight=0.0, split_max_size=0
        )
    )
    placed = _feed(clusterer, articles, vectors, features)
    mixed = placed["flood1-a"].story_id
    assert placed["flood2-a"].story_id == mixed
    new_id, decision = clusterer.split(mixed, ["flood2-a", "flood2-b", "flood2-c"])
    assert clusterer.story(mixed).founder == "flood1-a"
    assert set(clusterer.story(new_id).members) == {"flood2-a", "flood2-b", "flood2-c"}
    assert decision.groups[1] == ("flood2-a", "flood2-b", "flood2-c")


def test_decisions_hold_when_the_stream_is_replayed():
    articles, vectors, features = _stream()
    loose = ClusterSettings(threshold=0.1, term_weight=0.0, conflict_weight=0.0, split_max_size=0)
    first = OnlineClusterer(settings=loose)
    placed = _feed(first, articles, vectors, features)
    first.split(placed["flood1-a"].story_id, ["flood2-a", "flood2-b", "flood2-c"])
    first.merge(placed["match-a"].story_id, placed["flood1-a"].story_id)  # odd, but theirs
    replay = OnlineClusterer(settings=loose, constraints=Constraints(first.constraints.decisions))
    _feed(replay, articles, vectors, features)
    assert sorted(map(sorted, _members(replay))) == sorted(map(sorted, _members(first)))


def _members(clusterer):
    return [[*s.members, *s.duplicates] for s in clusterer.stories()]


def test_bad_decisions_are_refused_with_a_hint():
    articles, vectors, features = _stream(by_event=True)
    clusterer = OnlineClusterer()
    placed = _feed(clusterer, articles, vectors, features)
    story = placed["match-a"].story_id
    with pytest.raises(UsageError):
        clusterer.merge(story, story)
    with pytest.raises(UsageError):
        clusterer.split(story, ["match-a", "match-b"])  # nothing would stay
    with pytest.raises(UsageError, match="no story"):
        clusterer.story("s-nope")


def test_wrong_vector_size_is_refused():
    with pytest.raises(UsageError, match="dimensions"):
        OnlineClusterer().add("x", np.ones(10, dtype=np.float32))


def test_state_round_trip_places_the_next_articles_identically():
    articles, vectors, features = _stream(by_event=True)
    whole = OnlineClusterer()
    _feed(whole, articles, vectors, features)
    part = OnlineClusterer()
    _feed(part, articles[:5], vectors[:5], features[:5])
    resumed = OnlineClusterer.from_state(part.to_state())
    _feed(resumed, articles[5:], vectors[5:], features[5:])
    assert resumed.assignments() == whole.assignments()


def test_switch_to_hnsw_keeps_the_answers():
    rng = np.random.default_rng(3)
    labels = [f"t{i % 40}" for i in range(400)]
    vectors = topic_vectors(labels, spread=0.5)
    exact = OnlineClusterer(settings=ClusterSettings(exact_limit=10_000))
    approx = OnlineClusterer(settings=ClusterSettings(exact_limit=100))
    order = rng.permutation(len(labels))
    for i in order:
        exact.add(f"a{i}", vectors[i])
        approx.add(f"a{i}", vectors[i])
    assert approx._index.approximate and not exact._index.approximate
    same = sum(exact.story_of(f"a{i}") == approx.story_of(f"a{i}") for i in range(len(labels)))
    assert same / len(labels) > 0.95


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=40))
def test_every_article_lands_in_exactly_one_story(labels):
    vectors = topic_vectors([str(x) for x in labels])
    clusterer = OnlineClusterer()
    placed = [clusterer.add(f"a{i}", v) for i, v in enumerate(vectors)]
    stories = clusterer.stories()
    everyone = [a for s in stories for a in (*s.members, *s.duplicates)]
    assert sorted(everyone) == sorted(f"a{i}" for i in range(len(labels)))
    for p in placed:
        assert p.story_id.startswith("s-") and len(p.story_id) == 14
    for s in stories:
        assert s.id == story_id_for(s.founder)
        assert s.founder == (s.members or s.duplicates)[0]


def test_a_copy_split_from_its_original_stays_split_on_replay():
    articles, vectors, features = _stream(by_event=True)
    first = OnlineClusterer()
    placed = _feed(first, articles, vectors, features)
    first.split(placed["flood1-b"].story_id, ["flood1-wire"])
    replay = OnlineClusterer(constraints=Constraints(first.constraints.decisions))
    again = _feed(replay, articles, vectors, features)
    assert again["flood1-wire"].story_id != again["flood1-b"].story_id
    assert again["flood1-wire"].duplicate_of is None


def test_a_term_prior_gives_a_partition_the_idf_of_the_whole_stream() -> None:
    """A partition told of the rest of the stream weighs terms as one run over all of it."""
    articles, vectors, features = _stream()
    whole = OnlineClusterer(dim=vectors.shape[1])
    _feed(whole, articles, vectors, features)
    mine = [i for i, a in enumerate(articles) if a["id"].startswith("flood")]
    rest = np.zeros(TERM_SPACE, dtype=np.int32)
    for i, f in enumerate(features):
        if i not in mine:
            rest[f.term_ids] += 1
    prior = TermPrior(df=rest, docs=len(articles) - len(mine), stream=len(articles))
    part = OnlineClusterer(dim=vectors.shape[1], term_prior=prior)
    for i in mine:
        part.add(articles[i]["id"], vectors[i], features[i], position=i)
    alone = OnlineClusterer(dim=vectors.shape[1])
    for i in mine:
        alone.add(articles[i]["id"], vectors[i], features[i])
    assert 0 in mine  # "last" copies article 0: a copy everywhere, its terms never counted
    part.add("last", vectors[0], features[0], position=len(articles))  # all the rest gone by
    whole.add("last", vectors[0], features[0])
    alone.add("last", vectors[0], features[0])
    ids = np.unique(np.concatenate([f.term_ids for f in features]))
    # a copy ("last") is not counted, so the whole stream's counts are complete here
    assert np.allclose(part._idf(ids), whole._idf(ids))
    assert not np.allclose(alone._idf(ids), whole._idf(ids))


def test_positions_change_nothing_without_a_prior() -> None:
    articles, vectors, features = _stream()
    plain, placed = OnlineClusterer(dim=vectors.shape[1]), OnlineClusterer(dim=vectors.shape[1])
    _feed(plain, articles, vectors, features)
    for i, (a, v, f) in enumerate(zip(articles, vectors, features, strict=True)):
        placed.add(a["id"], v, f, position=1000 + i)
    assert placed.assignments() == plain.assignments()
