"""Cross-document clustering of mentions: pair features, the learned scorer, average linkage.

The order of work, for one story (its documents labelled with document groups, one per
happening, which the features read: the groups are evidence, not walls -- a wall lost every
team and country that takes part in two happenings, and every mention of a document the grouping
put in the wrong happening):
1. entity mentions: a pronoun joins its antecedent in its own document (the nearest earlier
   mention of a compatible kind, at most two sentences back); names joined by an alias or by the
   syntax of their sentence ("Hugh Jackman, the host") are joined first; every other pair of the
   story is scored, and clusters are merged by average linkage while their mean pair probability
   stays above the model's threshold;
2. event mentions: the same, with features that use the entity clusters of each event's
   participants (which step 1 gave), so "sued" and "the lawsuit" corefer when their parties do,
   and "named as defendant" in two different suits does not.

Everything is sorted by (document id, offsets) before it starts, so the clusters are the same
whatever order the documents came in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from newsprism.coref.aliases import alias_link, identity
from newsprism.coref.lexicon import (
    Lexicon,
    load,
    norm,
    stem_match,
    time_anchors,
    times_clash,
    times_match,
)
from newsprism.coref.matrices import entity_features, event_features, must_link
from newsprism.coref.mentions import ENTITY, EVENT, MentionInfo, Participants, Vectors
from newsprism.coref.model import PairModel

ENTITY_FEATURES = (
    "text_equal",
    "head_equal",
    "alias",
    "same_identity",
    "word_overlap",
    "text_cosine",
    "context_cosine",
    "document_cosine",
    "same_document",
    "kind_clash",
    "both_time",
    "both_proper",
    "pronoun",
    "same_group",
    "other_group_common",
    "time_match",
    "time_clash",
    "head_equal_same_group",
    "head_equal_common",
    "text_cosine_same_group",
    "text_cosine_proper",
    "both_common",
    "text_cosine_common",
    "other_group_time",
    "other_group_lone",
    "text_cosine_other_head",
    "one_proper",
    "nested",
    "number_clash",
    "role_match",
)
EVENT_FEATURES = (
    "head_equal",
    "same_group",
    "stem_match",
    "text_cosine",
    "context_cosine",
    "document_cosine",
    "shared_participants",
    "participant_overlap",
    "participant_clash",
    "shared_time",
    "time_clash",
    "shared_place",
    "same_document",
    "same_sentence",
    "reporting",
    "same_group",
    "head_equal_same_group",
    "text_cosine_same_group",
    "other_group_lone",
)


def cosine_rows(v: np.ndarray, i: int, j: int) -> float:
    return float(v[i] @ v[j])


def entity_pair(
    a: MentionInfo,
    b: MentionInfo,
    vec: Vectors,
    lex: Lexicon,
    *,
    same_group: bool = True,
    lone: bool = False,
) -> tuple[list[float], str | None]:
    """Features of one entity pair, and the evidence for an alias when there is one.
    ``same_group``: whether the two documents report the same happening; ``lone``: whether
    one document is alone in its group and the other's group is the nearest to it
    (matrices.nearest_groups): a weaker sign of another happening, for the grouping leaves
    alone a report it cannot place."""
    link = None if a.pronoun or b.pronoun else alias_link(a.text, b.text, lex=lex)
    ia = identity(a.text, key=a.key, lex=lex) if not a.pronoun else None
    ib = identity(b.text, key=b.key, lex=lex) if not b.pronoun else None
    same_id = bool(ia and ib and ia.key == ib.key)
    union = a.words | b.words
    clash = bool(a.semantic and b.semantic and a.semantic != b.semantic)
    reason = link.reason if link else (f"both are {ia.key}" if same_id and ia else None)
    both_time = a.semantic == b.semantic == "time"
    ta = time_anchors(a.text, lex) if a.semantic == "time" else frozenset()
    tb = time_anchors(b.text, lex) if b.semantic == "time" else frozenset()
    head_equal = a.lemma == b.lemma
    text_cosine = cosine_rows(vec.text, a.index, b.index)
    common = not (
        a.proper or b.proper or a.pronoun or b.pronoun or "time" in (a.semantic, b.semantic)
    )
    return [
        float(norm(a.text) == norm(b.text) and bool(a.words)),
        float(head_equal),
        float(link is not None and link.kind != "same name"),
        float(same_id),
        len(a.words & b.words) / len(union) if union else 0.0,
        text_cosine,
        cosine_rows(vec.context, a.index, b.index),
        cosine_rows(vec.document, a.doc, b.doc),
        float(a.doc == b.doc),
        float(clash),
        float(both_time),
        float(a.proper and b.proper),
        float(bool(a.pronoun or b.pronoun)),
        float(same_group),
        float(not same_group and not (a.proper and b.proper)),
        float(times_match(ta, tb)),
        float(times_clash(ta, tb)),
        float(head_equal and same_group),
        float(head_equal and common),
        text_cosine * same_group,
        text_cosine * (a.proper and b.proper),
        float(common),
        text_cosine * common,
        float(not same_group and both_time),
        float(not same_group and lone),
        text_cosine * (not head_equal),
        float(a.proper != b.proper and not (a.pronoun or b.pronoun) and not both_time),
        float(nested(a, b)),
        float(bool(a.number and b.number and a.number != b.number)),
        float(role_match(a, b)),
    ], reason


def nested(a: MentionInfo, b: MentionInfo) -> bool:
    """One's head is a word of the other but not its head: "Huntsville" / "a unit in
    Huntsville", "prison" / "life in prison" (most often a thing and what it names or holds)."""
    if a.pronoun or b.pronoun or a.lemma == b.lemma:
        return False
    return a.lemma in b.words or b.lemma in a.words


def role_match(a: MentionInfo, b: MentionInfo) -> bool:
    """A common noun names a role that a name's own sentence gives it ("the technician" /
    "William Hakim, a bomb squad technician")."""
    return any(x.lemma in y.roles and not (x.proper or x.pronoun) for x, y in ((a, b), (b, a)))


def event_pair(
    a: MentionInfo,
    b: MentionInfo,
    pa: Participants,
    pb: Participants,
    vec: Vectors,
    lex: Lexicon,
    *,
    same_group: bool = True,
    lone: bool = False,
) -> list[float]:
    ga, gb = lex.event_groups.get(a.lemma, frozenset()), lex.event_groups.get(b.lemma, frozenset())
    shared = pa.all & pb.all
    union = pa.all | pb.all
    text_cosine = cosine_rows(vec.text, a.index, b.index)
    return [
        float(a.lemma == b.lemma),
        float(bool(ga & gb)),
        float(stem_match(a.lemma, b.lemma)),
        text_cosine,
        cosine_rows(vec.context, a.index, b.index),
        cosine_rows(vec.document, a.doc, b.doc),
        min(len(shared), 3) / 3,
        len(shared) / len(union) if union else 0.0,
        float(bool(pa.all) and bool(pb.all) and not shared),
        float(bool(pa.time & pb.time)),
        float(bool(pa.time) and bool(pb.time) and not pa.time & pb.time),
        float(bool(pa.place & pb.place)),
        float(a.doc == b.doc),
        float(a.doc == b.doc and a.sentence == b.sentence),
        float(a.lemma in lex.reporting and b.lemma in lex.reporting),
        float(same_group),
        float(a.lemma == b.lemma and same_group),
        text_cosine * same_group,
        float(not same_group and lone),
    ]


def participants_clash(a: Participants, b: Participants) -> bool:
    """Both sides name who (or when), and no one (no time) is shared."""
    return bool(a.all and b.all and not a.all & b.all) or bool(
        a.time and b.time and not a.time & b.time
    )


def average_link(prob: np.ndarray, threshold: float) -> list[int]:
    """Clusters of average-linkage agglomeration on 1 - probability, cut at 1 - threshold."""
    n = prob.shape[0]
    if n == 1:
        return [0]
    # scipy's clustering costs ~0.45 s to import: only the coreference stage needs it
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    dist = 1.0 - prob
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    return [int(x) for x in labels]


def pronoun_antecedent(m: MentionInfo, candidates: Sequence[MentionInfo]) -> MentionInfo | None:
    """The nearest earlier mention in the same document, at most two sentences back, that a
    pronoun of this class can refer to ("he" -> a person, "it" -> not a person)."""
    if m.pronoun not in ("person", "plural", "thing"):
        return None
    best = None
    for c in candidates:
        if c.doc != m.doc or c.pronoun or c.start >= m.start or m.sentence - c.sentence > 2:
            continue
        if not _fits(m.pronoun, c):
            continue
        if best is None or c.start > best.start:
            best = c
    return best


def _fits(pronoun: str, c: MentionInfo) -> bool:
    if c.semantic == "time":
        return False
    if pronoun == "person":
        return c.semantic == "person"
    if pronoun == "thing":
        return c.semantic in ("thing", "group", "place", "")
    return c.semantic in ("group", "") or c.pos in ("NOUN",)


def probabilities(features: np.ndarray, model: PairModel) -> np.ndarray:
    """(n, n) pair probabilities from (n, n, features); 1 on the diagonal."""
    n = features.shape[0]
    if n == 0:
        return np.zeros((0, 0))
    prob = model.probabilities(features.reshape(n * n, -1)).reshape(n, n)
    np.fill_diagonal(prob, 1.0)
    return prob


def cluster_matrix(
    prob: np.ndarray,
    threshold: float,
    must: np.ndarray | None = None,
    cannot: np.ndarray | None = None,
) -> list[int]:
    """Cluster labels (0..k-1, in order of first member). Pairs in ``must`` are joined before
    the scorer is asked (probability 1); pairs in ``cannot`` get probability 0, which keeps
    their clusters apart in all but overwhelming company."""
    if prob.shape[0] == 0:
        return []
    prob = prob.copy()
    if must is not None:
        prob[must] = 1.0
    if cannot is not None:
        prob[cannot] = 0.0
    raw = average_link(prob, threshold)
    first: dict[int, int] = {}
    return [first.setdefault(r, len(first)) for r in raw]


def entity_scope(infos: Sequence[MentionInfo]) -> tuple[list[MentionInfo], list[MentionInfo]]:
    """(all entity mentions, those the scorer clusters): pronouns with an antecedent in their
    own document are left to follow it."""
    members = [m for m in infos if m.kind == ENTITY]
    named = [m for m in members if not pronoun_antecedent(m, members)]
    return members, named


def cluster_entities(
    infos: Sequence[MentionInfo],
    groups: Sequence[int],
    vec: Vectors,
    model: PairModel,
    lex: Lexicon | None = None,
    links: Sequence[tuple[int, int]] = (),
) -> dict[int, str]:
    """mention index -> entity cluster label ("e.<n>"), for the entity mentions.

    Unlike events, entities are clustered across the whole story: one actor (a team, a
    country, a company) takes part in both of two look-alike happenings, so the document
    groups are a feature here ("same_group", and its clash with common nouns and times, which
    across two happenings are most often two referents: two coaches, two Fridays).

    ``links`` (pairs of mention indices) are within-document links from syntax ("Hugh
    Jackman, the host"): they join like an alias. (Comparing the chains so joined by their
    best pair was tried and lost 0.01 held-out CoNLL F1: the alias chains grow too big.)"""
    lex = lex or load()
    labels: dict[int, str] = {}
    members, named = entity_scope(infos)
    must = must_link(named)
    pos = {m.index: k for k, m in enumerate(named)}
    for i, j in links:
        if i in pos and j in pos:
            must[pos[i], pos[j]] = must[pos[j], pos[i]] = True
    prob = probabilities(entity_features(named, vec, lex, groups), model)
    raw = cluster_matrix(prob, model.threshold, must=must)
    for m, r in zip(named, raw, strict=True):
        labels[m.index] = f"e.{r}"
    for m in members:
        if m.index not in labels:
            ante = pronoun_antecedent(m, members)
            labels[m.index] = labels[ante.index] if ante else f"e.p{m.index}"
    return labels


def participants(
    event: MentionInfo,
    entities: Sequence[MentionInfo],
    labels: dict[int, str],
    near: Callable[[MentionInfo, MentionInfo], bool],
) -> Participants:
    """The entity clusters of the mentions that are arguments of an event mention."""
    args = [e for e in entities if e.doc == event.doc and near(event, e) and e.index in labels]
    return Participants(
        all=frozenset(labels[e.index] for e in args),
        time=frozenset(labels[e.index] for e in args if e.semantic == "time"),
        place=frozenset(labels[e.index] for e in args if e.semantic == "place"),
    )


def event_scopes(infos: Sequence[MentionInfo], groups: Sequence[int]) -> list[list[MentionInfo]]:
    """The sets of event mentions clustered together: the whole story. (One set per document
    group, a wall between happenings, scored 0.001 CoNLL F1 better held out but lost topic 40
    to the lemma baseline: a document put in the wrong group lost all its links.)"""
    del groups  # read by the features (same_group), not by the scope
    return [[m for m in infos if m.kind == EVENT]]


def cluster_events(
    infos: Sequence[MentionInfo],
    groups: Sequence[int],
    vec: Vectors,
    model: PairModel,
    parts: dict[int, Participants],
    lex: Lexicon | None = None,
    *,
    strict_participants: bool = False,
) -> dict[int, str]:
    """mention index -> event cluster label ("v<scope>.<n>"), for the event mentions.

    ``strict_participants``: when the participants are read from claims (who did what to whom,
    when), two mentions whose participants or times are both known and share nothing are two
    happenings ("named as defendant" in two different suits)."""
    lex = lex or load()
    labels: dict[int, str] = {}
    clash_columns = [EVENT_FEATURES.index("participant_clash"), EVENT_FEATURES.index("time_clash")]
    for g, members in enumerate(event_scopes(infos, groups)):
        features = event_features(members, parts, vec, lex, groups)
        cannot = features[:, :, clash_columns].max(axis=-1) > 0 if strict_participants else None
        raw = cluster_matrix(probabilities(features, model), model.threshold, cannot=cannot)
        for m, r in zip(members, raw, strict=True):
            labels[m.index] = f"v{g}.{r}"
    return labels
