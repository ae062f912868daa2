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
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from newsprism.coref.aliases import alias_link, identity
from newsprism.coref.lexicon import Lexicon, load, norm
from newsprism.coref.mentions import ENTITY, EVENT, MentionInfo
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


@dataclass(frozen=True)
class Vectors:
    """Unit vectors the features compare: per mention text, per mention context, per document."""

    text: np.ndarray
    context: np.ndarray
    document: np.ndarray


@dataclass(frozen=True)
class Participants:
    """Entity clusters around one event mention: all, and the times and places among them."""

    all: frozenset[str]
    time: frozenset[str]
    place: frozenset[str]


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


#: alias kinds that join two names without asking the scorer: each is evidence on its own
STRONG_ALIASES = frozenset(
    {"dots", "acronym", "metonymy", "spokesperson body", "party", "government", "name"}
)


def same_actor(a: MentionInfo, b: MentionInfo) -> bool:
    """Two names that are one actor whatever their contexts: one canonical key from the extract
    stage, or an alias with evidence (an acronym, a metonym, a party's committee ...)."""
    if a.pronoun or b.pronoun or (a.semantic and b.semantic and a.semantic != b.semantic):
        return False
    if a.key and b.key and a.key == b.key:
        return True
    if not (a.proper or b.proper):
        return False
    link = alias_link(a.text, b.text)
    if link is None:
        return False
    return link.kind in STRONG_ALIASES or (link.kind == "partial name" and a.proper and b.proper)


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
        float(_stem_match(a.lemma, b.lemma)),
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


def _stem_match(a: str, b: str) -> bool:
    """ "shoot"/"shooting", "injure"/"injury": a nominalisation shares a long start."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


def average_link(prob: np.ndarray, threshold: float) -> list[int]:
    """Clusters of average-linkage agglomeration on 1 - probability, cut at 1 - threshold."""
    n = prob.shape[0]
    if n == 1:
        return [0]
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


PairFeatures = Callable[[MentionInfo, MentionInfo], list[float]]


def score_matrix(
    members: Sequence[MentionInfo], pair: PairFeatures, model: PairModel
) -> tuple[np.ndarray, np.ndarray]:
    """(pair features stacked row by row over i < j, probability matrix)."""
    n = len(members)
    rows = [pair(members[i], members[j]) for i in range(n) for j in range(i + 1, n)]
    x = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(model.features))
    prob = np.eye(n)
    if rows:
        p = model.probabilities(x)
        iu = np.triu_indices(n, k=1)
        prob[iu] = p
        prob[(iu[1], iu[0])] = p
    return x, prob


MustLink = Callable[[MentionInfo, MentionInfo], bool]


def cluster_group(
    members: Sequence[MentionInfo],
    pair: PairFeatures,
    model: PairModel,
    must: MustLink | None = None,
    cannot: MustLink | None = None,
) -> list[int]:
    """Cluster labels (0..k-1, in order of first member) for one document group's mentions.
    Pairs ``must`` accepts are joined before the scorer is asked (probability 1); pairs
    ``cannot`` accepts get probability 0, which keeps their clusters apart in all but
    overwhelming company."""
    if not members:
        return []
    _, prob = score_matrix(members, pair, model)
    n = len(members)
    for rule, value in ((must, 1.0), (cannot, 0.0)):
        if rule is None:
            continue
        for i in range(n):
            for j in range(i + 1, n):
                if rule(members[i], members[j]):
                    prob[i, j] = prob[j, i] = value
    raw = average_link(prob, model.threshold)
    first: dict[int, int] = {}
    return [first.setdefault(r, len(first)) for r in raw]


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
    for g in sorted(set(groups[m.doc] for m in infos if m.kind == ENTITY)):
        members = [m for m in infos if m.kind == ENTITY and groups[m.doc] == g]
        named = [m for m in members if not pronoun_antecedent(m, members)]
        raw = cluster_group(
            named, lambda a, b: entity_pair(a, b, vec, lex)[0], model, must=same_actor
        )
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
    for g in sorted(set(groups[m.doc] for m in infos if m.kind == EVENT)):
        members = [m for m in infos if m.kind == EVENT and groups[m.doc] == g]

        def pair(a: MentionInfo, b: MentionInfo) -> list[float]:
            return event_pair(a, b, parts[a.index], parts[b.index], vec, lex)

        def clash(a: MentionInfo, b: MentionInfo) -> bool:
            return participants_clash(parts[a.index], parts[b.index])

        cannot = clash if strict_participants else None
        for m, r in zip(members, cluster_group(members, pair, model, cannot=cannot), strict=True):
            labels[m.index] = f"v{g}.{r}"
    return labels
