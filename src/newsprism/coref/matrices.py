"""The pair features of engine.entity_pair / engine.event_pair for all pairs of a group at once.

Numpy over the whole group instead of a Python call per pair: a story of five 1,000-word
reports has a few hundred mentions, so tens of thousands of pairs. Only the alias rules, which
read two strings, run per pair, and those only for distinct pairs of names (cached).
tests/coref/test_matrices.py checks that both ways give the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from newsprism.coref.aliases import alias_link, identity
from newsprism.coref.docgroups import join_lone, nearest_larger
from newsprism.coref.lexicon import (
    Lexicon,
    norm,
    stem_match,
    time_anchors,
    times_clash,
    times_match,
)
from newsprism.coref.mentions import MentionInfo, Participants, Vectors

#: the number of entity features (engine.ENTITY_FEATURES)
_ENTITY_WIDTH = 30
#: the number of event features (engine.EVENT_FEATURES)
_EVENT_WIDTH = 19


def _same(values: Sequence[object]) -> np.ndarray:
    codes = {v: i for i, v in enumerate(dict.fromkeys(values))}
    arr = np.array([codes[v] for v in values])
    return arr[:, None] == arr[None, :]


def _flag(values: Sequence[bool]) -> np.ndarray:
    return np.asarray(values, dtype=bool)


def nearest_groups(groups: Sequence[int], documents: np.ndarray) -> list[int]:
    """For each document alone in its group, the group of two or more (or, when there is
    none, any other group) whose mean vector is nearest to it: the happening it would join,
    were it not left alone. -1 for every other document."""
    return [g for g, _ in nearest_larger(groups, documents, any_when_none=True)]


def _group_pairs(
    members: Sequence[MentionInfo], groups: Sequence[int] | None, documents: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(same group, different groups where one document is alone in its group and the other's
    group is the nearest to it)."""
    group = np.array([groups[m.doc] if groups is not None else 0 for m in members])
    nearest = nearest_groups(groups, documents) if groups is not None else None
    near = np.array([nearest[m.doc] if nearest is not None else -1 for m in members])
    same = group[:, None] == group[None, :]
    lone = (near[:, None] == group[None, :]) | (group[:, None] == near[None, :])
    return same, ~same & lone


@lru_cache(maxsize=1 << 16)
def _alias_kind(a: str, b: str) -> str:
    link = alias_link(a, b)
    return link.kind if link else ""


@lru_cache(maxsize=1 << 14)
def _identity_key(text: str, key: str | None) -> str:
    got = identity(text, key=key)
    return got.key if got else ""


def _jaccard(sets: Sequence[frozenset[str]]) -> np.ndarray:
    vocab = {w: i for i, w in enumerate(sorted(set().union(*sets)))} if sets else {}
    m = np.zeros((len(sets), max(len(vocab), 1)))
    for r, s in enumerate(sets):
        for w in s:
            m[r, vocab[w]] = 1.0
    inter = m @ m.T
    sizes = m.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def _anchor_pairs(anchors: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """(shares a calendar anchor, names a clashing one) for every pair; only the few mentions
    with anchors are compared."""
    n = len(anchors)
    match = np.zeros((n, n), dtype=bool)
    clash = np.zeros((n, n), dtype=bool)
    timed = [i for i, a in enumerate(anchors) if a]
    for i in timed:
        for j in timed:
            match[i, j] = times_match(anchors[i], anchors[j])
            clash[i, j] = times_clash(anchors[i], anchors[j])
    return match, clash


def entity_features(
    members: Sequence[MentionInfo],
    vec: Vectors,
    lex: Lexicon,
    groups: Sequence[int] | None = None,
) -> np.ndarray:
    """(n, n, features) in the order of engine.ENTITY_FEATURES. ``groups``: the happening
    (document group) of each document, by document index; None when all are one."""
    n = len(members)
    if n == 0:
        return np.zeros((0, 0, _ENTITY_WIDTH))
    idx = np.array([m.index for m in members])
    docs = np.array([m.doc for m in members])
    same_group, other_lone = _group_pairs(members, groups, vec.document)
    pron = _flag([bool(m.pronoun) for m in members])
    norms = [norm(m.text) for m in members]
    has_words = _flag([bool(m.words) for m in members])
    alias = np.zeros((n, n), dtype=bool)
    for i in range(n):
        if pron[i]:
            continue
        for j in range(i + 1, n):
            if not pron[j]:
                kind = _alias_kind(*sorted((members[i].text, members[j].text)))
                alias[i, j] = alias[j, i] = bool(kind) and kind != "same name"
    # a pronoun has no identity: give each its own, so none match
    ids = [
        f"#{i}" if m.pronoun else (_identity_key(m.text, m.key) or f"#{i}")
        for i, m in enumerate(members)
    ]
    sem = [m.semantic for m in members]
    known = _flag([bool(s) for s in sem])
    time = _flag([s == "time" for s in sem])
    proper = _flag([m.proper for m in members])
    both_proper = proper[:, None] & proper[None, :]
    anchors = [time_anchors(m.text, lex) if m.semantic == "time" else frozenset() for m in members]
    anchor_match, anchor_clash = _anchor_pairs(anchors)
    head_equal = _same([m.lemma for m in members])
    both_time = time[:, None] & time[None, :]
    numbers = [m.number for m in members]
    known_number = _flag([bool(x) for x in numbers])
    common = ~proper & ~pron & ~time
    both_common = common[:, None] & common[None, :]
    text_cosine = vec.text[idx] @ vec.text[idx].T
    feats = [
        _same(norms) & has_words[:, None],
        head_equal,
        alias,
        _same(ids),
        _jaccard([m.words for m in members]),
        text_cosine,
        vec.context[idx] @ vec.context[idx].T,
        vec.document[docs] @ vec.document[docs].T,
        docs[:, None] == docs[None, :],
        known[:, None] & known[None, :] & ~_same(sem),
        both_time,
        both_proper,
        pron[:, None] | pron[None, :],
        same_group,
        ~same_group & ~both_proper,
        anchor_match,
        anchor_clash,
        head_equal & same_group,
        head_equal & both_common,
        text_cosine * same_group,
        text_cosine * both_proper,
        both_common,
        text_cosine * both_common,
        ~same_group & both_time,
        other_lone,
        text_cosine * ~head_equal,
        (proper[:, None] != proper[None, :]) & ~(pron[:, None] | pron[None, :]) & ~both_time,
        _nested(members, pron, head_equal),
        known_number[:, None] & known_number[None, :] & ~_same(numbers),
        _role_match(members, ~proper & ~pron),
    ]
    return np.stack([np.asarray(f, dtype=np.float64) for f in feats], axis=-1)


def _nested(members: Sequence[MentionInfo], pron: np.ndarray, head_equal: np.ndarray) -> np.ndarray:
    """engine.nested for every pair: one's head is a word of the other, not its head."""
    heads = [m.lemma for m in members]
    vocab = {w: i for i, w in enumerate(sorted(set(heads).union(*(m.words for m in members))))}
    words = np.zeros((len(members), len(vocab)), dtype=bool)
    for r, m in enumerate(members):
        words[r, [vocab[w] for w in m.words]] = True
    head_in = words[:, [vocab[h] for h in heads]].T  # [i, j]: i's head is a word of j
    out = (head_in | head_in.T) & ~head_equal & ~(pron[:, None] | pron[None, :])
    return np.asarray(out)


def _role_match(members: Sequence[MentionInfo], nominal: np.ndarray) -> np.ndarray:
    """engine.role_match for every pair: [i, j] when i is a common noun and its head is a role
    of j, or the other way round."""
    n = len(members)
    out = np.zeros((n, n), dtype=bool)
    named = [j for j, m in enumerate(members) if m.roles]
    for i, m in enumerate(members):
        if nominal[i]:
            for j in named:
                if m.lemma in members[j].roles:
                    out[i, j] = out[j, i] = True
    return out


def _membership(sets: Sequence[frozenset[str]]) -> np.ndarray:
    vocab = {w: i for i, w in enumerate(sorted(set().union(*sets)))} if sets else {}
    m = np.zeros((len(sets), max(len(vocab), 1)))
    for r, s in enumerate(sets):
        for w in s:
            m[r, vocab[w]] = 1.0
    return m


def event_features(
    members: Sequence[MentionInfo],
    parts: dict[int, Participants],
    vec: Vectors,
    lex: Lexicon,
    groups: Sequence[int] | None = None,
) -> np.ndarray:
    """(n, n, features) in the order of engine.EVENT_FEATURES (``groups`` as for entities, but
    with each lone report joined to its nearest group when near enough: docgroups.join_lone)."""
    if not members:
        return np.zeros((0, 0, _EVENT_WIDTH))
    if groups is not None:
        groups = join_lone(groups, vec.document)
    idx = np.array([m.index for m in members])
    docs = np.array([m.doc for m in members])
    same_group, other_lone = _group_pairs(members, groups, vec.document)
    lemmas = [m.lemma for m in members]
    kinds = _membership([frozenset(map(str, lex.event_groups.get(x, ()))) for x in lemmas])
    unique = sorted(set(lemmas))
    at = np.array([unique.index(x) for x in lemmas])
    stems = np.array([[stem_match(a, b) for b in unique] for a in unique])
    p_all = _membership([parts[m.index].all for m in members])
    p_time = _membership([parts[m.index].time for m in members])
    p_place = _membership([parts[m.index].place for m in members])
    shared = p_all @ p_all.T
    sizes = p_all.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    has = sizes > 0
    t_shared = p_time @ p_time.T
    t_has = p_time.sum(axis=1) > 0
    sents = np.array([m.sentence for m in members])
    same_doc = docs[:, None] == docs[None, :]
    reporting = _flag([x in lex.reporting for x in lemmas])
    head_equal = _same(lemmas)
    text_cosine = vec.text[idx] @ vec.text[idx].T
    feats = [
        head_equal,
        (kinds @ kinds.T) > 0,
        stems[at][:, at],
        text_cosine,
        vec.context[idx] @ vec.context[idx].T,
        vec.document[docs] @ vec.document[docs].T,
        np.minimum(shared, 3) / 3,
        np.divide(shared, union, out=np.zeros_like(shared), where=union > 0),
        has[:, None] & has[None, :] & (shared == 0),
        t_shared > 0,
        t_has[:, None] & t_has[None, :] & (t_shared == 0),
        (p_place @ p_place.T) > 0,
        same_doc,
        same_doc & (sents[:, None] == sents[None, :]),
        reporting[:, None] & reporting[None, :],
        same_group,
        head_equal & same_group,
        text_cosine * same_group,
        other_lone,
    ]
    return np.stack([np.asarray(f, dtype=np.float64) for f in feats], axis=-1)


#: alias kinds that join two names without asking the scorer: each is evidence on its own
STRONG_ALIASES = frozenset(
    {"dots", "acronym", "metonymy", "spokesperson body", "party", "government", "name"}
)


def must_link(members: Sequence[MentionInfo]) -> np.ndarray:
    """(n, n) True where two names are one actor whatever their contexts: one canonical key
    from the extract stage, or an alias with evidence (an acronym, a metonym, a party's
    committee, a partial name of two proper names). Never a pronoun, never across kinds."""
    n = len(members)
    out = np.zeros((n, n), dtype=bool)
    for i, a in enumerate(members):
        if a.pronoun:
            continue
        for j in range(i + 1, n):
            b = members[j]
            if b.pronoun or (a.semantic and b.semantic and a.semantic != b.semantic):
                continue
            if a.key and b.key and a.key == b.key:
                out[i, j] = out[j, i] = True
                continue
            if not (a.proper or b.proper):
                continue
            kind = _alias_kind(*sorted((a.text, b.text)))
            strong = kind in STRONG_ALIASES or (kind == "partial name" and a.proper and b.proper)
            out[i, j] = out[j, i] = strong
    return out
