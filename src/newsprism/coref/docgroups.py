"""A story's documents split into the happenings they report, before any mention is compared.

ECB+ topics each hold two look-alike events (two earthquakes, two coach firings); event mentions
of one never corefer with those of the other, and common nouns and times seldom do (two coaches,
two Fridays), while names often do (one team fires two coaches). So the groups are a feature of
every pair (engine: same_group and its interactions), not a wall. The project's own story
clusterer (cluster.online) does the split, with its
default settings, fed the documents sorted by id so that the groups do not depend on the order
the documents came in.

Measured on ECB+ dev, per topic, B³ F1 of the groups against the gold events: the online
clusterer 0.892 (sorted by id; 0.883 in file order), average-link clustering of MiniLM vectors
at its best threshold 0.821, of MiniLM + TF-IDF 0.847 (scripts/train_coref.py prints it).

The clusterer leaves alone a report it cannot place with confidence (a late follow-up, a report
that leads with an aftermath): 28 of the 596 dev documents, 24 of them nearest to the group of
their own happening. For events, a lone report joins its nearest group of two or more when its
cosine to that group's mean vector reaches ``LONE_JOIN`` (``join_lone``; matrices.event_features
reads the groups so joined): its same-word events ("hurled", "died") then link with the group's
as within one happening. ``LONE_JOIN`` is the middle of the plateau of the groups' B³ F1 against
the gold events on dev (0.901 without joining; 0.919 at 0.7, 0.928 at 0.6, 0.931 from 0.45 to
0.55, 0.929 at 0.4). Held out by topic (scripts/train_coref.py), event CoNLL F1 0.773 -> 0.774.
Entities keep the clusterer's groups: one actor takes part in both happenings, a lone report is
already weighed against its nearest group (other_group_lone), and joining for entities too lost
0.003 entity CoNLL F1 held out. (Requiring the nearest group to beat the next by 0.05 of cosine
kept an ambiguous report alone, but put a topic behind the lemma baseline: dropped.)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.cluster.features import cluster_features
from newsprism.cluster.online import OnlineClusterer
from newsprism.text import split_sentences

#: cosine of a lone report to the mean vector of a group at which it joins the group (see above)
LONE_JOIN = 0.5


def title_and_body(text: str) -> tuple[str, str]:
    """The first sentence as a title, as ingest does for a dataset row without one."""
    spans = split_sentences(text)
    if len(spans) > 1:
        return text[spans[0][0] : spans[0][1]], text[spans[1][0] :]
    return "", text


def group_documents(texts: Sequence[str], doc_ids: Sequence[str], vectors: np.ndarray) -> list[int]:
    """A group label per document (same order as ``doc_ids``), numbered in id order."""
    n = len(doc_ids)
    if n == 0:
        return []
    order = sorted(range(n), key=lambda i: doc_ids[i])
    clusterer = OnlineClusterer(dim=int(np.asarray(vectors).shape[1]))
    for i in order:
        title, body = title_and_body(texts[i])
        clusterer.add(str(i), np.asarray(vectors[i]), cluster_features(body, title=title))
    stories = clusterer.assignments()
    first: dict[str, int] = {}
    numbered = {i: first.setdefault(stories[str(i)], len(first)) for i in order}
    return [numbered[i] for i in range(n)]


def group_centroids(groups: Sequence[int], documents: np.ndarray) -> dict[int, np.ndarray]:
    """group -> the unit-length mean vector of its documents."""
    out = {}
    for g in sorted(set(groups)):
        mean = documents[[d for d, x in enumerate(groups) if x == g]].mean(axis=0)
        out[g] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def nearest_larger(
    groups: Sequence[int], documents: np.ndarray, *, any_when_none: bool = False
) -> list[tuple[int, float]]:
    """For each document alone in its group, the group of two or more whose mean vector is
    nearest to it and the cosine to that mean -- or, with ``any_when_none`` and no group of
    two or more, the nearest of the other groups; (-1, -inf) for every other document, and
    when there is no group to look to."""
    sizes = {g: list(groups).count(g) for g in set(groups)}
    larger = [g for g in sorted(sizes) if sizes[g] > 1]
    centroids = group_centroids(groups, documents)
    out: list[tuple[int, float]] = []
    for d, g in enumerate(groups):
        others = larger or ([h for h in sorted(sizes) if h != g] if any_when_none else [])
        if sizes[g] != 1 or not others:
            out.append((-1, float("-inf")))
            continue
        sims = [float(centroids[h] @ documents[d]) for h in others]
        best = int(np.argmax(sims))
        out.append((others[best], sims[best]))
    return out


def join_lone(
    groups: Sequence[int], documents: np.ndarray, *, threshold: float = LONE_JOIN
) -> list[int]:
    """``groups`` with every lone document moved into its nearest group of two or more when
    their cosine reaches ``threshold``. All joins are decided on the groups given, so none
    depends on another (nor on the order of the documents)."""
    return [
        near if near >= 0 and sim >= threshold else g
        for g, (near, sim) in zip(groups, nearest_larger(groups, documents), strict=True)
    ]
