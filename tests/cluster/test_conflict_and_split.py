"""The two guards against look-alike events: lead conflicts and the automatic split."""

from __future__ import annotations

import numpy as np

from newsprism.cluster import ClusterFeatures, ClusterSettings, OnlineClusterer, cluster_features
from newsprism.cluster.features import lead_items, lead_text, term_id

DIM = 16


def _vector(seed: int, base: np.ndarray) -> np.ndarray:
    noise = np.random.default_rng(seed).normal(size=DIM)
    v = base + 0.05 * noise / np.linalg.norm(noise)
    return (v / np.linalg.norm(v)).astype(np.float32)


def _features(words: list[str], lead: list[str]) -> ClusterFeatures:
    ids = np.array(sorted({term_id(w) for w in words}), dtype=np.int64)
    return ClusterFeatures(
        term_ids=ids,
        term_counts=np.ones(ids.size, dtype=np.float32),
        lead_ids=np.array(sorted({term_id(w) for w in lead}), dtype=np.int32),
    )


TOPIC = ["gala", "host", "awards", "ceremony", "producers", "announced", "stage"]


def _report(host: str, extra: str, index: int) -> ClusterFeatures:
    # Everything but the host (and a word of colour) is shared: a look-alike event.
    words = [*TOPIC, "@" + host, host, extra, f"colour{index}"]
    return _features(words, ["@" + host, "@gala"])


def test_lead_items_are_the_names_and_numbers_of_the_first_sentences():
    body = (
        "Mira Talvik will host the Orrin Gala on 14 May. The producers chose her on Friday. "
        "Later paragraphs name Pell Harcourt, who is not in the lead."
    )
    lead = lead_text(body, title="Talvik to host 2031 gala")
    assert "Pell" not in lead and lead.startswith("Talvik to host 2031 gala")
    ids = set(lead_items(lead).tolist())
    assert {term_id("@talvik"), term_id("@mira_talvik"), term_id("2031"), term_id("14")} <= ids
    assert term_id("producers") not in ids  # content words are not lead items
    assert term_id("@pell") not in ids
    assert set(cluster_features(body, title="Talvik to host 2031 gala").lead_ids.tolist()) == ids


def test_a_lead_that_names_another_host_lowers_the_score():
    base = np.ones(DIM) / np.sqrt(DIM)
    settings = ClusterSettings(split_max_size=0)
    scores = {}
    for weight in (0.0, 0.5):
        clusterer = OnlineClusterer(settings=settings.__class__(conflict_weight=weight), dim=DIM)
        for i in range(3):
            clusterer.add(f"talvik-{i}", _vector(i, base), _report("talvik", "returns", i))
        scores[weight] = clusterer.add(
            "harcourt", _vector(9, base), _report("harcourt", "debut", 9)
        ).score
        # a further report of the same host meets no conflict at all
        same = clusterer.add("talvik-9", _vector(10, base), _report("talvik", "returns", 10))
        assert not same.is_new_story
    assert scores[0.5] < scores[0.0]


def _two_events_in_one_story(settings: ClusterSettings):
    base = np.ones(DIM) / np.sqrt(DIM)
    clusterer = OnlineClusterer(settings=settings, dim=DIM)
    placed = []
    # the reports interleave, as in a stream; a loose threshold lets both hosts join one story
    for i in range(6):
        for host in ("talvik", "harcourt"):
            words = [*TOPIC[:3], "@" + host, host, f"{host}-detail", f"{host}-venue"]
            features = _features(words, ["@" + host])
            placed.append(clusterer.add(f"{host}-{i}", _vector(len(placed), base), features))
    return clusterer, placed


def test_a_story_holding_two_events_splits_and_the_founder_keeps_its_id():
    loose = ClusterSettings(threshold=0.05, embedding_weight=0.0, term_weight=1.0)
    kept, _ = _two_events_in_one_story(ClusterSettings(**{**loose.to_dict(), "split_max_size": 0}))
    assert len(kept.stories()) == 1  # without the split: one story of two events

    clusterer, placed = _two_events_in_one_story(loose)
    groups = {frozenset(s.members) for s in clusterer.stories()}
    assert groups == {
        frozenset(f"talvik-{i}" for i in range(6)),
        frozenset(f"harcourt-{i}" for i in range(6)),
    }
    founder_story = placed[0].story_id
    assert clusterer.story_of("talvik-0") == founder_story  # the founder's story keeps its id
    reshaped = [a for a in placed if a.reshaped]
    assert reshaped and founder_story in reshaped[0].reshaped
    assert clusterer.story_of("harcourt-0") in reshaped[0].reshaped
    # later reports of either host find their own story
    base = np.ones(DIM) / np.sqrt(DIM)
    late = clusterer.add(
        "harcourt-late",
        _vector(99, base),
        _features([*TOPIC[:3], "@harcourt", "harcourt", "harcourt-detail"], ["@harcourt"]),
    )
    assert late.story_id == clusterer.story_of("harcourt-0")
    # the split survives a round trip through the saved state
    again = OnlineClusterer.from_state(clusterer.to_state())
    assert again.assignments() == clusterer.assignments()


def test_a_persons_merge_is_not_undone_by_the_automatic_split():
    loose = ClusterSettings(threshold=0.05, embedding_weight=0.0, term_weight=1.0)
    clusterer, _ = _two_events_in_one_story(loose)
    first, second = (s.id for s in clusterer.stories())
    clusterer.merge(first, second)  # a person says the two hosts are one story
    base = np.ones(DIM) / np.sqrt(DIM)
    for i in range(12):
        host = ("talvik", "harcourt")[i % 2]
        words = [*TOPIC[:3], "@" + host, host, f"{host}-detail", f"{host}-venue"]
        placed = clusterer.add(f"more-{i}", _vector(200 + i, base), _features(words, ["@" + host]))
        assert not placed.reshaped
    assert len(clusterer.stories()) == 1
