"""Cross-document clustering of mentions: pair features, the learned scorer, average linkage.

The order of work, for one story (a topic split into its document groups, one per happening):
1. entity mentions: a pronoun joins its antecedent in its own document (the nearest earlier
   mention of a compatible kind, at most two sentences back); every other pair in the document
   group is scored, and clusters are merged by average linkage while their mean pair probability
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
from newsprism.coref.lexicon import Lexicon, load, norm, stem_match
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
)


def cosine_rows(v: np.ndarray, i: int, j: int) -> float:
    return float(v[i] @ v[j])


def entity_pair(
    a: MentionInfo, b: MentionInfo, vec: Vectors, lex: Lexicon
) -> tuple[list[float], str | None]:
    """Features of one entity pair, and the evidence for an alias when there is one."""
    link = None if a.pronoun or b.pronoun else alias_link(a.text, b.text, lex=lex)
    ia = identity(a.text, key=a.key, lex=lex) if not a.pronoun else None
    ib = identity(b.text, key=b.key, lex=lex) if not b.pronoun else None
    same_id = bool(ia and ib and ia.key == ib.key)
    union = a.words | b.words
    clash = bool(a.semantic and b.semantic and a.semantic != b.semantic)
    reason = link.reason if link else (f"both are {ia.key}" if same_id and ia else None)
    return [
        float(norm(a.text) == norm(b.text) and bool(a.words)),
        float(a.lemma == b.lemma),
        float(link is not None and link.kind != "same name"),
        float(same_id),
        len(a.words & b.words) / len(union) if union else 0.0,
        cosine_rows(vec.text, a.index, b.index),
        cosine_rows(vec.context, a.index, b.index),
        cosine_rows(vec.document, a.doc, b.doc),
        float(a.doc == b.doc),
        float(clash),
        float(a.semantic == b.semantic == "time"),
        float(a.proper and b.proper),
        float(bool(a.pronoun or b.pronoun)),
    ], reason


def event_pair(
    a: MentionInfo,
    b: MentionInfo,
    pa: Participants,
    pb: Participants,
    vec: Vectors,
    lex: Lexicon,
) -> list[float]:
    ga, gb = lex.event_groups.get(a.lemma, frozenset()), lex.event_groups.get(b.lemma, frozenset())
    shared = pa.all & pb.all
    union = pa.all | pb.all
    return [
        float(a.lemma == b.lemma),
        float(bool(ga & gb)),
        float(stem_match(a.lemma, b.lemma)),
        cosine_rows(vec.text, a.index, b.index),
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


def entity_groups(
    infos: Sequence[MentionInfo], groups: Sequence[int]
) -> list[tuple[int, list[MentionInfo], list[MentionInfo]]]:
    """Per document group: (group, all entity mentions, those the scorer clusters), where
    pronouns with an antecedent in their own document are left to follow it."""
    out = []
    for g in sorted(set(groups[m.doc] for m in infos if m.kind == ENTITY)):
        members = [m for m in infos if m.kind == ENTITY and groups[m.doc] == g]
        named = [m for m in members if not pronoun_antecedent(m, members)]
        out.append((g, members, named))
    return out


def cluster_entities(
    infos: Sequence[MentionInfo],
    groups: Sequence[int],
    vec: Vectors,
    model: PairModel,
    lex: Lexicon | None = None,
) -> dict[int, str]:
    """mention index -> entity cluster label ("e<group>.<n>"), for the entity mentions."""
    lex = lex or load()
    labels: dict[int, str] = {}
    for g, members, named in entity_groups(infos, groups):
        prob = probabilities(entity_features(named, vec, lex), model)
        raw = cluster_matrix(prob, model.threshold, must=must_link(named))
        for m, r in zip(named, raw, strict=True):
            labels[m.index] = f"e{g}.{r}"
        for m in members:
            if m.index not in labels:
                ante = pronoun_antecedent(m, members)
                labels[m.index] = labels[ante.index] if ante else f"e{g}.p{m.index}"
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
    """mention index -> event cluster label ("v<group>.<n>"), for the event mentions.

    ``strict_participants``: when the participants are read from claims (who did what to whom,
    when), two mentions whose participants or times are both known and share nothing are two
    happenings ("named as defendant" in two different suits)."""
    lex = lex or load()
    labels: dict[int, str] = {}
    clash_columns = [EVENT_FEATURES.index("participant_clash"), EVENT_FEATURES.index("time_clash")]
    for g in sorted(set(groups[m.doc] for m in infos if m.kind == EVENT)):
        members = [m for m in infos if m.kind == EVENT and groups[m.doc] == g]
        features = event_features(members, parts, vec, lex)
        cannot = features[:, :, clash_columns].max(axis=-1) > 0 if strict_participants else None
        raw = cluster_matrix(probabilities(features, model), model.threshold, cannot=cannot)
        for m, r in zip(members, raw, strict=True):
            labels[m.index] = f"v{g}.{r}"
    return labels
