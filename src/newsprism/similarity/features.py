"""Pair features: numbers that say how alike two profiles are, with the evidence behind them.

Every feature is in [0, 1] or a small non-negative difference, so a linear model over them stays
well-behaved. Embedding features come from one embedder per pair (MiniLM for English pairs, e5
otherwise); the learned weights keep them apart (see ``newsprism.similarity.model``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from newsprism.similarity.profile import Profile, Vectors

__all__ = [
    "EMBEDDING_FEATURES",
    "EXTRACT_FEATURES",
    "SHARED_FEATURES",
    "VOICE_FEATURES",
    "PairEvidence",
    "pair_features",
]

#: Features from the pair's embedder (weighted separately per route).
EMBEDDING_FEATURES = (
    "cos_doc",
    "cos_lead",
    "cos_title",
    "cos_centroid",
    "align",
    "align_frac",
    "title_lead",
    "first_pair_max",
    "cos_first3",
)
#: Features from the extract stage (English pairs only; 0 elsewhere).
EXTRACT_FEATURES = ("entity_jaccard", "place_jaccard", "date_jaccard")
#: How the two texts are written, whatever they say.
STYLE_FEATURES = (
    "length_ratio",
    "sentence_length_diff",
    "quotes_diff",
    "digits_diff",
    "capitals_diff",
    "exclaims_diff",
    "word_length_diff",
)
#: The voice of two English reports (word lists, see ``profile.PERSON_WORDS``): differences in
#: how much each speaks to its readers, asks, hedges and judges, and how much both hedge.
#: 0 unless both articles are English.
VOICE_FEATURES = (
    "person_diff",
    "questions_diff",
    "hedges_diff",
    "hedges_level",
    "opinion_diff",
)
#: Features every pair has, whatever its languages.
SHARED_FEATURES = (
    "names_jaccard",
    "names_overlap",
    "numbers_jaccard",
    "years_jaccard",
    "years_disjoint",
    "words_cosine",
    "chars_cosine",
    "chars_lead_cosine",
    "chars_title_cosine",
    *STYLE_FEATURES,
    "same_host",
    "same_language",
)

#: A sentence "aligns" with the other article when its best match is at least this similar;
#: the embedders spread cosines differently, so each has its own threshold.
ALIGN_THRESHOLD = {"all-MiniLM-L6-v2-onnx-int8": 0.6, "multilingual-e5-small-q4": 0.88}
_DEFAULT_THRESHOLD = 0.75


@dataclass(frozen=True)
class PairEvidence:
    """The features of one pair and the facts the explanations quote."""

    features: dict[str, float]
    shared_names: tuple[str, ...]
    only_a_names: tuple[str, ...]
    only_b_names: tuple[str, ...]
    shared_places: tuple[str, ...]
    only_a_places: tuple[str, ...]
    only_b_places: tuple[str, ...]
    shared_years: tuple[str, ...]
    aligned_a: int
    aligned_b: int
    days_apart: int | None
    #: True when sentences were aligned by shared words rather than by embeddings
    lexical_alignment: bool = False


def _jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _overlap(a: set[str], b: set[str]) -> float:
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def _log_cosine(a: Counter[str], b: Counter[str]) -> float:
    # Sublinear term frequencies, so one repeated word does not dominate.
    if not a or not b:
        return 0.0
    wa = {k: 1.0 + math.log(v) for k, v in a.items()}
    wb = {k: 1.0 + math.log(v) for k, v in b.items()}
    dot = sum(v * wb[k] for k, v in wa.items() if k in wb)
    na = math.sqrt(sum(v * v for v in wa.values()))
    nb = math.sqrt(sum(v * v for v in wb.values()))
    return dot / (na * nb)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


_CONTENT = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
#: Shared-word alignment: a sentence aligns when this share of its content words (Jaccard)
#: recurs in one sentence of the other article.
LEXICAL_THRESHOLD = 0.2


def _lexical_alignment(a: Profile, b: Profile) -> tuple[float, int, int]:
    """Mean best shared-word Jaccard and aligned sentence counts, without embeddings."""
    wa = [set(w.casefold() for w in _CONTENT.findall(s)) for s in a.sentences]
    wb = [set(w.casefold() for w in _CONTENT.findall(s)) for s in b.sentences]
    if not wa or not wb:
        return 0.0, 0, 0
    sims = np.array([[len(x & y) / len(x | y) if x | y else 0.0 for y in wb] for x in wa])
    best_a, best_b = sims.max(axis=1), sims.max(axis=0)
    mean = float((best_a.mean() + best_b.mean()) / 2)
    return (
        mean,
        int((best_a >= LEXICAL_THRESHOLD).sum()),
        int((best_b >= LEXICAL_THRESHOLD).sum()),
    )


def _embedding_features(va: Vectors, vb: Vectors) -> tuple[dict[str, float], int, int]:
    feats = {"cos_doc": float(np.dot(va.document, vb.document))}
    if va.lead is not None and vb.lead is not None:
        feats["cos_lead"] = float(np.dot(va.lead, vb.lead))
    else:
        feats["cos_lead"] = feats["cos_doc"]
    sa, sb = va.sentences, vb.sentences
    if len(sa) == 0 or len(sb) == 0:
        feats.update(cos_centroid=feats["cos_doc"], align=feats["cos_doc"], align_frac=0.0)
        feats.update(cos_title=feats["cos_doc"], title_lead=feats["cos_doc"])
        feats.update(first_pair_max=feats["cos_doc"], cos_first3=feats["cos_doc"])
        return feats, 0, 0
    sims = sa @ sb.T
    best_a, best_b = sims.max(axis=1), sims.max(axis=0)
    threshold = ALIGN_THRESHOLD.get(va.model_id, _DEFAULT_THRESHOLD)
    aligned_a, aligned_b = int((best_a >= threshold).sum()), int((best_b >= threshold).sum())
    feats["cos_centroid"] = float(np.dot(_unit(sa.mean(axis=0)), _unit(sb.mean(axis=0))))
    feats["align"] = float((best_a.mean() + best_b.mean()) / 2)
    feats["align_frac"] = (aligned_a + aligned_b) / (len(sa) + len(sb))
    feats["cos_title"] = float(sims[0, 0])
    feats.update(_opening_features(sa, sb, sims))
    return feats, aligned_a, aligned_b


#: Sentences that make up an article's opening (title and first sentences).
OPENING_SENTENCES = 3


def _opening_features(sa: np.ndarray, sb: np.ndarray, sims: np.ndarray) -> dict[str, float]:
    """How alike the two openings are: the title against the other's opening, the best match
    among the first two sentences (a glued title often splits into two), and the openings'
    centroids. Reporters put the story in the first lines, so these carry most of the signal."""
    n = OPENING_SENTENCES
    open_a, open_b = _unit(sa[:n].mean(axis=0)), _unit(sb[:n].mean(axis=0))
    return {
        "title_lead": float((np.dot(open_a, sb[0]) + np.dot(open_b, sa[0])) / 2),
        "first_pair_max": float(sims[:2, :2].max()),
        "cos_first3": float(np.dot(open_a, open_b)),
    }


def _style_features(a: Profile, b: Profile) -> dict[str, float]:
    sa, sb = a.style, b.style
    return {
        "length_ratio": abs(math.log((sa["words"] + 10) / (sb["words"] + 10))),
        "sentence_length_diff": abs(
            math.log((sa["sentence_length"] + 1) / (sb["sentence_length"] + 1))
        ),
        "quotes_diff": min(1.0, abs(sa["quotes"] - sb["quotes"])),
        "digits_diff": min(1.0, 10 * abs(sa["digits"] - sb["digits"])),
        "capitals_diff": min(1.0, 5 * abs(sa["capitals"] - sb["capitals"])),
        "exclaims_diff": min(1.0, abs(sa["exclaims"] - sb["exclaims"])),
        "word_length_diff": min(1.0, abs(sa["word_length"] - sb["word_length"]) / 3),
    }


def _voice_features(a: Profile, b: Profile) -> dict[str, float]:
    sa, sb = a.style, b.style
    english = a.language == b.language == "en"
    # Scaled so a marked difference nears 1 (rates per word are small numbers).
    return {
        "person_diff": min(1.0, 30 * abs(sa["person"] - sb["person"])) if english else 0.0,
        "questions_diff": min(1.0, abs(sa["questions"] - sb["questions"])),
        "hedges_diff": min(1.0, 50 * abs(sa["hedges"] - sb["hedges"])) if english else 0.0,
        "hedges_level": min(1.0, 25 * (sa["hedges"] + sb["hedges"])) if english else 0.0,
        "opinion_diff": min(1.0, 30 * abs(sa["opinion"] - sb["opinion"])) if english else 0.0,
    }


def _sorted_names(keys: set[str], source: dict[str, str]) -> tuple[str, ...]:
    # In the source's order: most mentioned first for entities, first named first for names.
    return tuple(name for key, name in source.items() if key in keys)


def pair_features(a: Profile, b: Profile, va: Vectors, vb: Vectors) -> PairEvidence:
    """Features of the pair (a, b), given each article's vectors from the same embedder."""
    emb, aligned_a, aligned_b = _embedding_features(va, vb)
    lexical = not (va.all_sentences and vb.all_sentences)
    if lexical:
        emb["align"], aligned_a, aligned_b = _lexical_alignment(a, b)
        emb["align_frac"] = (aligned_a + aligned_b) / max(1, len(a.sentences) + len(b.sentences))
        emb["cos_centroid"] = emb["cos_doc"]
    na, nb = set(a.names), set(b.names)
    feats: dict[str, float] = dict(emb)
    feats.update(
        names_jaccard=_jaccard(na, nb),
        names_overlap=_overlap(na, nb),
        numbers_jaccard=_jaccard(a.numbers, b.numbers),
        years_jaccard=_jaccard(a.years, b.years),
        years_disjoint=float(bool(a.years and b.years and not a.years & b.years)),
        words_cosine=_log_cosine(a.words, b.words),
        chars_cosine=_log_cosine(a.chars, b.chars),
        chars_lead_cosine=_log_cosine(a.chars_lead, b.chars_lead),
        chars_title_cosine=_log_cosine(a.chars_title, b.chars_title),
        same_host=float(bool(a.host) and a.host == b.host),
        same_language=float(a.language == b.language),
    )
    feats.update(_style_features(a, b))
    feats.update(_voice_features(a, b))
    ea, eb = set(a.entities), set(b.entities)
    pa, pb = set(a.places), set(b.places)
    extracted = a.extracted and b.extracted
    feats.update(
        entity_jaccard=_jaccard(ea, eb) if extracted else 0.0,
        place_jaccard=_jaccard(pa, pb) if extracted else 0.0,
        date_jaccard=_jaccard(a.dates, b.dates) if extracted else 0.0,
    )
    if extracted:
        shared_names = _sorted_names(ea & eb, a.entities)
        only_a, only_b = _sorted_names(ea - eb, a.entities), _sorted_names(eb - ea, b.entities)
    else:
        shared_names = _sorted_names(na & nb, a.names)
        only_a, only_b = _sorted_names(na - nb, a.names), _sorted_names(nb - na, b.names)
    days = abs((a.published - b.published).days) if a.published and b.published else None
    return PairEvidence(
        features=feats,
        shared_names=shared_names,
        only_a_names=only_a,
        only_b_names=only_b,
        shared_places=_sorted_names(pa & pb, a.places) if extracted else (),
        only_a_places=_sorted_names(pa - pb, a.places) if extracted else (),
        only_b_places=_sorted_names(pb - pa, b.places) if extracted else (),
        shared_years=tuple(sorted(a.years & b.years)),
        aligned_a=aligned_a,
        aligned_b=aligned_b,
        days_apart=days,
        lexical_alignment=lexical,
    )
