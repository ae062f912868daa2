"""similarity stage: how alike two articles are on the seven SemEval-2022 Task 8 dimensions.

Scores run from 1 (very similar) to 4 (very dissimilar), as the task's annotators rated them:
geography, entities, time, narrative, overall, style and tone, each with a short explanation.
"""

from newsprism.similarity.language import SUPPORTED_LANGUAGES, detect_language
from newsprism.similarity.model import (
    DIMENSIONS,
    FEATURE_NAMES,
    SimilarityModel,
    fit_model,
    load_model,
)
from newsprism.similarity.scoring import (
    EMBEDDER_FOR_ROUTE,
    DimensionScore,
    SimilarityResult,
    as_article,
    clear_article_cache,
    pair_evidence,
    score_pairs,
    similarity,
)

__all__ = [
    "DIMENSIONS",
    "EMBEDDER_FOR_ROUTE",
    "FEATURE_NAMES",
    "SUPPORTED_LANGUAGES",
    "DimensionScore",
    "SimilarityModel",
    "SimilarityResult",
    "as_article",
    "clear_article_cache",
    "detect_language",
    "fit_model",
    "load_model",
    "pair_evidence",
    "score_pairs",
    "similarity",
]
