"""Cross-document entity and event coreference: who is who and what happened, across reports.

``resolve(articles, extractions)`` gives the comparison stage its actor identities (with the
evidence for each alias) and its event clusters; ``newsprism eval coref`` measures the same
clustering on ECB+ gold mentions.
"""

from newsprism.coref.aliases import AliasLink, Identity, alias_link, identity
from newsprism.coref.metrics import bcubed, ceafe, conll, muc
from newsprism.coref.resolve import Coreference, EntityRef, Link, resolve

__all__ = [
    "AliasLink",
    "Coreference",
    "EntityRef",
    "Identity",
    "Link",
    "alias_link",
    "bcubed",
    "ceafe",
    "conll",
    "identity",
    "muc",
    "resolve",
]
