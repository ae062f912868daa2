"""Claim alignment: which claims of different sources state the same fact.

Each claim of the extract stage becomes a Unit (compare/units.py), embedded as Vectors
(compare/vectors.py). Two units of different sources are scored by the
cosine of their embeddings (claim and sentence), the overlap of their canonical entities and
whether their predicates mean the same; pairs above a threshold (or mutual best matches above a
lower one) are linked, and linked units form groups (connected components), so alignment is
many-to-many: a source that splits one sentence of another into two claims links both.

The names of the first two phases that callers use beside scoring (Unit, build_units,
action_class, Vectors, embed_units ...) are re-exported here, so that compare/build.py,
compare/assemble.py and the tests read alignment as one namespace (``al.Unit``,
``al.build_units``, ``al.pair_scores``) as they did before the split.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from newsprism.compare.units import (
    LEXICON,
    LIGHT_VERBS,
    Unit,
    action_class,
    build_units,
    other_actors,
    slugs,
    written_name,
)
from newsprism.compare.vectors import (
    Prefetch,
    Vectors,
    embed_units,
    other_place_pairs,
    reported_pairs,
)

__all__ = [
    "FORCED",
    "GROUP_MEAN",
    "LIGHT_VERBS",
    "LINK_HIGH",
    "LINK_LOW",
    "SAME_ACT",
    "SAME_WORDS_SCORE",
    "Prefetch",
    "Unit",
    "Vectors",
    "action_class",
    "acts_by_source",
    "attach",
    "build_units",
    "embed_units",
    "groups",
    "link",
    "other_place_pairs",
    "pair_scores",
    "reported_pairs",
    "written_name",
]

#: Linked without further question.
LINK_HIGH = 0.72
#: Linked when the pair is a mutual best match (or one side's best within MARGIN of it).
LINK_LOW = 0.6
MARGIN = 0.04
#: Two groups merge only when their cross-source pairs score this much on average.
GROUP_MEAN = 0.66
#: Score given to links that slot evidence forces (the same counted thing in matching sentences).
FORCED = 1.0


def pair_scores(units: Sequence[Unit], vectors: Vectors) -> np.ndarray:
    """Score of every unit pair (0 within a source): embeddings, entities and predicates."""
    n = len(units)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    cos_c = vectors.claims @ vectors.claims.T
    if len(vectors.segments):
        # a claim's segment may state the whole of another source's claim
        all_vecs = np.vstack([vectors.claims, vectors.segments])
        owner = np.concatenate([np.arange(n), vectors.segment_units])
        sims = all_vecs @ all_vecs.T
        best = np.full((n, n), -1.0, dtype=np.float32)
        np.maximum.at(
            best, (owner[:, None].repeat(len(owner), 1), owner[None, :].repeat(len(owner), 0)), sims
        )
        cos_c = np.maximum(cos_c, best - 0.04)
    cos_s = vectors.sentences @ vectors.sentences.T
    scores = 0.85 * cos_c + 0.15 * np.maximum(cos_s, cos_c)
    src = np.array([u.source for u in units])
    classes = [action_class(u.claim.action) for u in units]
    cross = src[:, None] != src[None, :]
    scores[cross] += pair_bonus(units, classes)[cross].astype(np.float32)
    _same_act_other_actor(units, scores, classes, vectors.bare)
    _same_fact_other_place(units, scores, classes, vectors.placeless)
    _same_statement(units, scores, cos_c, vectors.reported)
    _negation_twins(units, scores, classes)
    scores[src[:, None] == src[None, :]] = 0.0
    return np.clip(scores, 0.0, 1.0)


def _shared(sets: Sequence[frozenset[str] | set[str] | tuple[str, ...]]) -> np.ndarray:
    """How many members each pair of ``sets`` has in common (an n x n matrix of counts)."""
    index: dict[str, int] = {}
    rows, cols = [], []
    for r, members in enumerate(sets):
        for m in set(members):
            rows.append(r)
            cols.append(index.setdefault(m, len(index)))
    incidence = np.zeros((len(sets), max(len(index), 1)), dtype=np.int64)
    incidence[rows, cols] = 1
    return incidence @ incidence.T


def pair_bonus(units: Sequence[Unit], classes: Sequence[str]) -> np.ndarray:
    """What entities and predicates add to (or take from) the cosine of every unit pair, as an
    n x n float64 matrix computed in the order (and so with the rounding) of one pair at a time:
    the shared canonical keys, the same predicate, the same speaker, two denials, fragments."""
    # who said it is no part of what is said: the speakers' names count apart
    keys = [u.keys - set(u.attribution) for u in units]
    size = np.array([len(k) for k in keys], dtype=np.int64)
    inter = _shared(keys)
    union = size[:, None] + size[None, :] - inter
    both = (size[:, None] > 0) & (size[None, :] > 0)
    jaccard = np.divide(inter, union, out=np.zeros(inter.shape), where=both)
    bonus = 0.12 * jaccard
    cls = np.array(classes, dtype=object)
    bonus = np.where(cls[:, None] == cls[None, :], bonus + 0.05, bonus)
    # the same source says both
    bonus = np.where(_shared([u.speakers for u in units]) > 0, bonus + 0.05, bonus)
    negated = np.array([u.negated for u in units])
    telling = np.array([c not in LIGHT_VERBS for c in classes])
    # two denials ("no damage", "not damaged") share their point
    bonus = np.where(
        negated[:, None] & negated[None, :],
        bonus + 0.04,
        np.where(telling[:, None] & telling[None, :], bonus - 0.03, bonus),
    )
    words = np.array([u.words for u in units], dtype=np.int64)
    short = np.minimum(words[:, None], words[None, :])
    return np.where(short < 6, bonus - 0.02 * (6 - short), bonus)  # fragments embed loosely


#: Score given to two claims that say the same thing of different named actors.
SAME_ACT = 0.7


#: Cosine of two claims' actor-less wordings (Unit.bare) that say they state one act.
BARE_MIN = 0.72


def _same_act_other_actor(
    units: Sequence[Unit],
    scores: np.ndarray,
    classes: list[str],
    bare: dict[int, np.ndarray] | None = None,
) -> None:
    """ "Greenlake opened the floodgates" / "Tavel Power opened the floodgates": new names move
    the embeddings apart, yet the claims state one act and dispute who did it. Claims with the
    same predicate, different named actors and the same words otherwise -- or the same meaning
    once the names are set aside, names the other report never mentions -- score SAME_ACT."""
    acts = acts_by_source(units, classes)
    _same_bare_act(units, scores, classes, bare or {}, acts)
    _same_words_other_actors(units, scores, classes, acts)


def _same_bare_act(
    units: Sequence[Unit],
    scores: np.ndarray,
    classes: list[str],
    bare: dict[int, np.ndarray],
    acts: dict[int, set[tuple[str, str]]],
) -> None:
    """Claims whose wordings without their actors' names (Unit.bare) match score SAME_ACT."""
    for i, j in _bare_pairs(units, bare):
        ui, uj = units[i], units[j]
        if scores[i, j] >= SAME_ACT or float(bare[i] @ bare[j]) < BARE_MIN:
            continue
        if _both_act(ui, uj, classes[i], acts):
            continue
        scores[i, j] = scores[j, i] = SAME_ACT


def _same_words_other_actors(
    units: Sequence[Unit],
    scores: np.ndarray,
    classes: list[str],
    acts: dict[int, set[tuple[str, str]]],
) -> None:
    """Claims with the same predicate, other actors and (nearly) the same words otherwise score
    as one act (see _same_words_score)."""
    for i, ui in enumerate(units):
        if not ui.actors or len(ui.gist) < 3:
            continue
        for j in range(i + 1, len(units)):
            uj = units[j]
            if uj.source == ui.source or classes[j] != classes[i] or not uj.actors:
                continue
            if not other_actors(ui, uj) or scores[i, j] >= SAME_ACT:
                continue
            if not _both_act(ui, uj, classes[i], acts):
                lifted = _same_words_score(ui, uj, classes[i] in LIGHT_VERBS)
                if lifted is not None:
                    scores[i, j] = scores[j, i] = lifted


def _same_words_score(ui: Unit, uj: Unit, light: bool) -> float | None:
    """The score of two claims with the same predicate and other actors that state one act in
    (nearly) the same words, or None."""
    overlap = len(ui.gist & uj.gist) / len(ui.gist | uj.gist)
    if not light and overlap >= 0.6:
        return SAME_ACT
    if overlap >= SAME_WORDS and len(ui.gist) >= 4:
        # a light predicate ("X had eight of the 11 assists") tells facts apart by its words
        # only: the very same words of another name state one fact
        return SAME_WORDS_SCORE
    return None


#: Share of their words (Unit.gist) two claims with a light predicate and different actors have
#: in common when they state one fact; and the score they then get (enough for check_actors).
SAME_WORDS = 0.85
SAME_WORDS_SCORE = 0.8


def acts_by_source(units: Sequence[Unit], classes: list[str]) -> dict[int, set[tuple[str, str]]]:
    """Per source, every (actor, predicate class) it states: who does what in that report."""
    out: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for u, cls in zip(units, classes, strict=True):
        out[u.source].update((s, cls) for s in slugs(u.actors))
    return out


def _both_act(ui: Unit, uj: Unit, cls: str, acts: dict[int, set[tuple[str, str]]]) -> bool:
    """Whether a report also states the act of the other report's actor: "Smith scored" /
    "Jones scored" where each report has both score are two acts of two actors, not one
    disputed. A report that names the other's actor doing something else (or nothing) still
    gives the act to someone else."""
    xi, xj = slugs(ui.actors), slugs(uj.actors)
    # an actor both claims name is no part of the dispute ("Unicef and Oxfam" / "Unicef and
    # Interpol": only Oxfam and Interpol are given the act by one report alone)
    return any((s, cls) in acts[uj.source] for s in xi - xj) or any(
        (s, cls) in acts[ui.source] for s in xj - xi
    )


#: Cosine of two claims' place-less wordings that says they state one fact: the same
#: predicate, or (a different or light one) a closer match.
PLACELESS_MIN = 0.7
PLACELESS_OTHER_MIN = 0.8


def _same_fact_other_place(
    units: Sequence[Unit],
    scores: np.ndarray,
    classes: list[str],
    placeless: dict[int, np.ndarray],
) -> None:
    """ "The patients were stable in Oslo" / "... stable in Bergen": the names move the
    embeddings apart, yet the claims state one fact and dispute where. Claims whose wordings
    without their places match score as if the places agreed (less a little)."""
    for i, j in other_place_pairs(units):
        if i not in placeless or j not in placeless:
            continue
        cos = float(placeless[i] @ placeless[j])
        same = classes[i] == classes[j] and classes[i] not in LIGHT_VERBS
        if cos < (PLACELESS_MIN if same else PLACELESS_OTHER_MIN):
            continue
        lifted = min(cos - 0.02, LINK_HIGH + 0.05)
        if lifted > scores[i, j]:
            scores[i, j] = scores[j, i] = lifted


#: Cosine of two claims' own wordings below which their speaker's whole statements are not
#: compared (claims that share nothing but their speaker).
REPORTED_CLAIM_MIN = 0.4
#: Score added to the cosine of two statements of one speaker (as the same speaker adds).
REPORTED_BONUS = 0.05


def _same_statement(
    units: Sequence[Unit],
    scores: np.ndarray,
    cos_c: np.ndarray,
    reported: dict[int, np.ndarray],
) -> None:
    """ "Valmora Hydro said engineers inspected the wall and found no damage" / "Valmora Hydro
    said the structure showed no damage": extract splits the first into two claims, and the
    piece "found no damage" is too short to embed close to the other, yet one speaker says one
    thing in both. Claims said by the same speaker score as their whole statements match
    (capped as a lifted pair is elsewhere) -- only the piece of each statement most like the
    other claim, so that a statement of two things does not link both of them."""
    pieces: dict[tuple[int, str], list[int]] = defaultdict(list)
    for u in units:
        if u.reported:
            pieces[(u.source, u.reported)].append(u.uid)

    def likest(i: int, j: int) -> bool:
        mates = pieces.get((units[i].source, units[i].reported), [i])
        return all(cos_c[i, j] >= cos_c[k, j] for k in mates)

    for i, j in reported_pairs(units):
        if i not in reported or j not in reported or cos_c[i, j] < REPORTED_CLAIM_MIN:
            continue
        if not (likest(i, j) and likest(j, i)):
            continue
        cos = float(reported[i] @ reported[j])
        lifted = min(cos + REPORTED_BONUS, LINK_HIGH + 0.05)
        if lifted <= scores[i, j]:
            continue
        scores[i, j] = scores[j, i] = lifted
        if lifted >= LINK_HIGH:
            for a, b in ((i, j), (j, i)):
                _lift_pieces(scores, pieces.get((units[a].source, units[a].reported), []), a, b)


def _lift_pieces(scores: np.ndarray, pieces: list[int], a: int, b: int) -> None:
    """The other pieces of claim ``a``'s statement ("engineers had inspected the wall") tell
    more of the same statement as ``b``: enough to join its group beside their sentence-mate
    (see attach)."""
    for k in pieces:
        if k != a and scores[k, b] < LINK_LOW:
            scores[k, b] = scores[b, k] = LINK_LOW


def _bare_pairs(units: Sequence[Unit], bare: dict[int, np.ndarray]) -> list[tuple[int, int]]:
    ids = sorted(bare)
    return [
        (i, j)
        for x, i in enumerate(ids)
        for j in ids[x + 1 :]
        if units[i].source != units[j].source
        and action_class(units[i].claim.action) == action_class(units[j].claim.action)
        and other_actors(units[i], units[j])
    ]


#: Score given to two claims that say the same words, one of them negated.
TWINS = 0.72
_POLAR = frozenset(LEXICON["polar_words"])


def _negation_twins(units: Sequence[Unit], scores: np.ndarray, classes: list[str]) -> None:
    """ "Schiller unveiled the MacBook" / "Schiller did not unveil the MacBook": the negation
    moves the embeddings apart, yet the claims state one fact and dispute whether it holds."""
    for i, ui in enumerate(units):
        if classes[i] in LIGHT_VERBS or len(ui.gist) < 3:
            continue
        gi = ui.gist - _POLAR
        for j in range(i + 1, len(units)):
            uj = units[j]
            if uj.source == ui.source or uj.negated == ui.negated or classes[j] != classes[i]:
                continue
            if scores[i, j] >= TWINS:
                continue
            gj = uj.gist - _POLAR
            if gi and gj and len(gi & gj) / len(gi | gj) >= 0.6:
                scores[i, j] = scores[j, i] = TWINS


def link(units: Sequence[Unit], scores: np.ndarray) -> list[tuple[int, int, float]]:
    """Linked unit pairs (i < j, score)."""
    n = len(units)
    src = np.array([u.source for u in units]) if n else np.zeros(0, dtype=int)
    edges: dict[tuple[int, int], float] = {}
    for i in range(n):
        for other in sorted(set(src.tolist()) - {src[i]}):
            cols = np.flatnonzero(src == other)
            row = scores[i, cols]
            best = float(row.max())
            for j, s in zip(cols.tolist(), row.tolist(), strict=True):
                if s >= LINK_HIGH or (s >= LINK_LOW and s >= best - MARGIN):
                    key = (min(i, j), max(i, j))
                    edges[key] = max(edges.get(key, 0.0), float(s))
    # a low link must be (near) the best for both ends, or it chains unrelated facts
    out: list[tuple[int, int, float]] = []
    for (i, j), s in sorted(edges.items()):
        if s < LINK_HIGH:
            best_j = _best(scores, src, j, src[i])
            best_i = _best(scores, src, i, src[j])
            if s < best_i - MARGIN or s < best_j - MARGIN:
                continue
        out.append((i, j, s))
    return out


def _best(scores: np.ndarray, src: np.ndarray, i: int, other: int) -> float:
    cols = np.flatnonzero(src == other)
    return float(scores[i, cols].max()) if len(cols) else 0.0


def groups(
    units: Sequence[Unit], scores: np.ndarray, edges: Sequence[tuple[int, int, float]]
) -> list[list[int]]:
    """Groups of linked units, merged strongest link first; two groups merge only when their
    units match on average (cross-source pairs), so one loose link cannot chain two facts."""
    n = len(units)
    member: list[int] = list(range(n))
    sets: dict[int, list[int]] = {i: [i] for i in range(n)}
    for i, j, _ in sorted(edges, key=lambda e: -e[2]):
        gi, gj = member[i], member[j]
        if gi == gj:
            continue
        forced = _ >= FORCED
        if not forced and not _fits(units, scores, sets[gi], sets[gj]):
            continue
        keep, drop = min(gi, gj), max(gi, gj)
        sets[keep].extend(sets.pop(drop))
        for x in sets[keep]:
            member[x] = keep
    return sorted((sorted(g) for g in sets.values()), key=lambda g: g[0])


#: ... and the larger group's claims match the smaller one this much on average (a sentence
#: split into several claims matches another source's claim with one of them only)
GROUP_OTHER_MEAN = 0.5


def _fits(units: Sequence[Unit], scores: np.ndarray, x: list[int], y: list[int]) -> bool:
    """Whether two groups state one fact: each claim's best match in the other group, averaged
    over the smaller group, reaches GROUP_MEAN (and GROUP_OTHER_MEAN over the larger)."""
    small, large = (x, y) if len(x) <= len(y) else (y, x)

    def mean_best(xs: list[int], ys: list[int]) -> float | None:
        bests = [
            max(float(scores[a, b]) for b in others)
            for a in xs
            for others in [[b for b in ys if units[b].source != units[a].source]]
            if others
        ]
        return sum(bests) / len(bests) if bests else None

    m_small, m_large = mean_best(small, large), mean_best(large, small)
    if m_small is None or m_large is None:
        return True
    return m_small >= GROUP_MEAN and m_large >= GROUP_OTHER_MEAN


def attach(units: Sequence[Unit], scores: np.ndarray, grouped: list[list[int]]) -> list[list[int]]:
    """A claim left alone whose best match (above LINK_LOW) sits in a group of other sources
    joins that group: it restates part of a shared fact that another claim already carries."""
    group_of = {u: gi for gi, g in enumerate(grouped) for u in g}
    moves: dict[int, int] = {}
    for _gi, g in enumerate(grouped):
        if len(g) != 1:
            continue
        i = g[0]
        row = scores[i]
        j = int(np.argmax(row)) if len(row) else -1
        if j < 0 or row[j] < LINK_LOW:
            continue
        target = group_of[j]
        mates = [x for x in grouped[target] if units[x].source == units[i].source]
        if len({units[x].source for x in grouped[target]}) > 1 and any(
            units[x].sentence == units[i].sentence for x in mates
        ):
            moves[i] = target  # only beside a sentence-mate: a split of the same statement
    out = [list(g) for g in grouped]
    for i, target in moves.items():
        out[group_of[i]].remove(i)
        out[target].append(i)
    return sorted((sorted(g) for g in out if g), key=lambda g: g[0])
