"""clean stage (pure): RawDocument -> Article, with junk removed and metadata provenance."""

from newsprism.clean.dates import normalize_published
from newsprism.clean.document import clean_document, first_sentence
from newsprism.clean.html import HtmlExtract, extract_html, fallback_text
from newsprism.clean.junk import remove_junk
from newsprism.clean.language import guess_language
from newsprism.clean.text import normalize_text

__all__ = [
    "HtmlExtract",
    "clean_document",
    "extract_html",
    "fallback_text",
    "first_sentence",
    "guess_language",
    "normalize_published",
    "normalize_text",
    "remove_junk",
]
