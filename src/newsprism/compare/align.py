"""Claim alignment: which claims of different sources state the same fact.

Each claim of the extract stage becomes a Unit. Two units of different sources are scored by the
cosine of their embeddings (claim and sentence), the overlap of their canonical entities and
whether their predicates mean the same; pairs above a threshold (or mutual best matches above a
lower one) are linked, and linked units form groups (connected components), so alignment is
many-to-many: a source that splits one sentence of another into two claims links both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.embed.base import Embedder
from newsprism.extract.types import Claim, Extraction, Quantity, TimeExpr

#: Linked without further question.
LINK_HIGH = 0.72
#: Linked when the pair is a mutual best match (or one side's best within MARGIN of it).
LINK_LOW = 0.6
MARGIN = 0.04
#: Two groups merge only when their cross-source pairs score this much on average.
GROUP_MEAN = 0.66
#: Score given to links that slot evidence forces (the same counted thing in matching sentences).
FORCED = 1.0

_WORD = re.compile(r"[\w'’-]+")
_REPORTING = frozenset(
    [
        "say",
        "said",
        "says",
        "tell",
        "told",
        "add",
        "added",
        "state",
        "stated",
        "report",
        "reported",
        "according",
    ]
)

#: Predicates that state the same relation (lemma -> class).
_ACTION_CLASSES = {
    **dict.fromkeys(("back", "support", "endorse", "fund", "arm", "ally", "sponsor"), "support"),
    **dict.fromkeys(("say", "tell", "state", "add", "announce", "declare", "report"), "say"),
    **dict.fromkeys(("speak", "talk", "call", "phone", "discuss", "meet", "hold"), "talk"),
    **dict.fromkeys(("kill", "slay", "shoot", "murder"), "kill"),
    **dict.fromkeys(("evacuate", "move", "flee", "leave", "relocate"), "evacuate"),
    **dict.fromkeys(("approve", "authorize", "authorise", "pass"), "approve"),
    **dict.fromkeys(("open", "release", "begin", "start"), "open"),
    **dict.fromkeys(("promise", "pledge", "announce", "commit"), "promise"),
    **dict.fromkeys(("send", "deploy", "dispatch"), "send"),
    **dict.fromkeys(("arrest", "detain", "apprehend"), "arrest"),
    **dict.fromkeys(("hit", "strike", "batter"), "hit"),
    **dict.fromkeys(("die", "perish"), "die"),
}


#: Predicates too light to tell facts apart.
_LIGHT = frozenset({"be", "have", "do", "make", "take", "get", "come", "go"})


def action_class(action: str) -> str:
    lemma = action.split()[0] if action else ""
    return _ACTION_CLASSES.get(lemma, lemma)


@dataclass(frozen=True)
class Unit:
    """One claim of one source, with what alignment and the slot checks need."""

    uid: int  # index into the list of all units
    source: int  # source index
    claim_index: int
    claim: Claim
    sentence: int
    start: int
    end: int
    text: str
    sentence_text: str
    sentence_start: int
    #: canonical keys named in the claim (its slots and the mentions inside its span)
    keys: frozenset[str]
    #: canonical keys named anywhere in its sentence
    sentence_keys: frozenset[str]
    times: tuple[TimeExpr, ...]
    quantities: tuple[Quantity, ...]
    negated: bool
    in_title: bool

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


_NEG_CUES = frozenset(
    [
        "not",
        "n't",
        "never",
        "no",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "cannot",
    ]
)


def negation_cues(text: str) -> int:
    """How many negation words a stretch of text holds ("not", "never", "no" ...)."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    n = sum(1 for w in words if w in _NEG_CUES or w.endswith("n't"))
    return n


def build_units(
    extractions: Sequence[Extraction], texts: Sequence[str], titles: Sequence[str]
) -> list[Unit]:
    units: list[Unit] = []
    for si, (ex, text, title) in enumerate(zip(extractions, texts, titles, strict=True)):
        title_end = len(title) if title else 0
        seen: set[str] = set()
        for ci, c in enumerate(ex.claims):
            clean = c.text.strip().strip("“”\"'’‘").strip()
            words = _WORD.findall(clean)
            if len(words) < 3 or (
                all(w.lower() in _REPORTING for w in words[:2]) and len(words) < 4
            ):
                continue  # fragments ("said.") carry no fact of their own
            norm = " ".join(w.lower() for w in words)
            if norm in seen:
                continue  # a title repeated as the first sentence
            seen.add(norm)
            sent = ex.sentences[c.sentence]
            mention_keys = {
                m.entity_key for m in ex.mentions if c.start <= m.start and m.end <= c.end
            }
            sent_keys = {
                m.entity_key for m in ex.mentions if sent.start <= m.start and m.end <= sent.end
            }
            keys = frozenset(mention_keys | set(c.actors) | set(c.targets) | set(c.place))
            units.append(
                Unit(
                    uid=len(units),
                    source=si,
                    claim_index=ci,
                    claim=c,
                    sentence=c.sentence,
                    start=c.start,
                    end=c.start + len(c.text.rstrip()),
                    text=c.text.strip(),
                    sentence_text=text[sent.start : sent.end].strip(),
                    sentence_start=sent.start,
                    keys=keys,
                    sentence_keys=frozenset(sent_keys | keys),
                    times=tuple(ex.times[i] for i in c.time),
                    quantities=tuple(ex.quantities[i] for i in c.quantities),
                    negated=c.negated or negation_cues(c.text) % 2 == 1,
                    in_title=c.start < title_end,
                )
            )
    return units


_SEGMENT_BREAK = re.compile(
    r"\s*[,;:()]\s*|\s+(?=(?:despite|including|amid|after|while|because|although|as well as)\s)",
    re.IGNORECASE,
)


def segments(text: str) -> list[str]:
    """Stretches of a long claim that may state a fact of their own ("... despite tensions over
    Ankara's purchase of Russian missile systems"), four words or more each."""
    parts = [p.strip() for p in _SEGMENT_BREAK.split(text) if p and p.strip()]
    out = [p for p in parts if len(_WORD.findall(p)) >= 4]
    return out if len(out) > 1 else []


@dataclass(frozen=True)
class Vectors:
    claims: np.ndarray  # one row per unit
    sentences: np.ndarray  # the unit's sentence, one row per unit
    #: (unit index, vector) for every segment of every long claim
    segment_units: np.ndarray
    segments: np.ndarray


def embed_units(units: Sequence[Unit], embedder: Embedder) -> Vectors:
    """Claim, sentence and segment vectors; every distinct text is embedded once."""
    dim = int(getattr(embedder, "dim", 384))
    if not units:
        empty = np.zeros((0, dim), dtype=np.float32)
        return Vectors(empty, empty, np.zeros(0, dtype=int), empty)
    seg_owner: list[int] = []
    seg_texts: list[str] = []
    for u in units:
        for s in segments(u.text):
            seg_owner.append(u.uid)
            seg_texts.append(s)
    texts = list(
        dict.fromkeys([u.text for u in units] + [u.sentence_text for u in units] + seg_texts)
    )
    index = {t: i for i, t in enumerate(texts)}
    vecs = np.asarray(embedder.encode(texts), dtype=np.float32)
    return Vectors(
        claims=vecs[[index[u.text] for u in units]],
        sentences=vecs[[index[u.sentence_text] for u in units]],
        segment_units=np.array(seg_owner, dtype=int),
        segments=vecs[[index[t] for t in seg_texts]]
        if seg_texts
        else np.zeros((0, dim), np.float32),
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


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
    for i in range(n):
        for j in range(i + 1, n):
            if src[i] == src[j]:
                continue
            ui, uj = units[i], units[j]
            bonus = 0.12 * _jaccard(ui.keys, uj.keys)
            if classes[i] == classes[j]:
                bonus += 0.05
            elif classes[i] not in _LIGHT and classes[j] not in _LIGHT:
                bonus -= 0.03
            short = min(ui.words, uj.words)
            if short < 6:
                bonus -= 0.02 * (6 - short)  # fragments embed loosely
            scores[i, j] += bonus
            scores[j, i] += bonus
    scores[src[:, None] == src[None, :]] = 0.0
    return np.clip(scores, 0.0, 1.0)


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
        pairs = [
            float(scores[a, b])
            for a in sets[gi]
            for b in sets[gj]
            if units[a].source != units[b].source
        ]
        if not forced and pairs and sum(pairs) / len(pairs) < GROUP_MEAN:
            continue
        keep, drop = min(gi, gj), max(gi, gj)
        sets[keep].extend(sets.pop(drop))
        for x in sets[keep]:
            member[x] = keep
    return sorted((sorted(g) for g in sets.values()), key=lambda g: g[0])


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
