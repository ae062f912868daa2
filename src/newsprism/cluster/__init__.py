"""cluster stage: online story clustering, near-duplicates, merge/split decisions.

>>> from newsprism.cluster import OnlineClusterer, cluster_features
>>> clusterer = OnlineClusterer()
>>> placed = clusterer.add(article.id, vector, cluster_features(article.body, title=article.title))
"""

from newsprism.cluster.constraints import Constraints, Decision
from newsprism.cluster.features import ClusterFeatures, cluster_features
from newsprism.cluster.metrics import adjusted_rand, bcubed, pairwise, scores
from newsprism.cluster.minhash import estimated_jaccard, minhash_signature
from newsprism.cluster.online import (
    Assignment,
    OnlineClusterer,
    StoryView,
    TermPrior,
    story_id_for,
)
from newsprism.cluster.settings import ClusterSettings

__all__ = [
    "Assignment",
    "ClusterFeatures",
    "ClusterSettings",
    "Constraints",
    "Decision",
    "OnlineClusterer",
    "StoryView",
    "TermPrior",
    "adjusted_rand",
    "bcubed",
    "cluster_features",
    "estimated_jaccard",
    "minhash_signature",
    "pairwise",
    "scores",
    "story_id_for",
]
