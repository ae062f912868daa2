"""extract stage: entities with canonical keys, resolved times, quantities, quotes and claims."""

from newsprism.extract.link import canonical_map, link_across, rekey
from newsprism.extract.pipeline import MODEL, extract, extract_many, from_doc, get_nlp, load_nlp
from newsprism.extract.timex import parse_published
from newsprism.extract.types import (
    Claim,
    Entity,
    Extraction,
    Mention,
    Quantity,
    Quote,
    Sentence,
    TimeExpr,
)

__all__ = [
    "MODEL",
    "Claim",
    "Entity",
    "Extraction",
    "Mention",
    "Quantity",
    "Quote",
    "Sentence",
    "TimeExpr",
    "canonical_map",
    "extract",
    "extract_many",
    "from_doc",
    "get_nlp",
    "link_across",
    "load_nlp",
    "parse_published",
    "rekey",
]
