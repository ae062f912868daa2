"""compare stage: align the claims of several reports of one story; label agreement, additions
and typed contradictions, each with the evidence from every side.

>>> from newsprism.compare import compare_articles
>>> comparison = compare_articles(newsprism.read(["a.txt", "b.html"]))
>>> comparison.to_dict()["contradictions"]
"""

from newsprism.compare.build import Timings, compare_articles
from newsprism.compare.types import (
    CONTRADICTION_TYPES,
    HIGH_CONFIDENCE,
    SCHEMA_VERSION,
    ActorEdge,
    Addition,
    BriefSentence,
    Comparison,
    Contradiction,
    Detail,
    Fact,
    MatrixRow,
    Notice,
    Source,
    Span,
    TimelineItem,
)

__all__ = [
    "CONTRADICTION_TYPES",
    "HIGH_CONFIDENCE",
    "SCHEMA_VERSION",
    "ActorEdge",
    "Addition",
    "BriefSentence",
    "Comparison",
    "Contradiction",
    "Detail",
    "Fact",
    "MatrixRow",
    "Notice",
    "Source",
    "Span",
    "TimelineItem",
    "Timings",
    "compare_articles",
]
