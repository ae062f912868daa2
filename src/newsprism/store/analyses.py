"""What the store keeps of later stages, and under which kind and version.

An article's extraction is kept in the ``analyses`` table as kind ``extraction``; a kept
extraction of another version counts as absent (the stage is run again and the row replaced).
"""

from __future__ import annotations

#: The kind and version under which extractions are kept in the store's `analyses` table.
EXTRACTION_KIND = "extraction"
#: "2": a future weekday that is the publication's own is that day, not a week on
EXTRACTION_VERSION = "4"

__all__ = ["EXTRACTION_KIND", "EXTRACTION_VERSION"]
