"""A small language guesser for the SemEval languages, so each pair gets the right embedder.

Pure and dependency-free: counts function words (and a few letters only one language uses) per
language and picks the best; Arabic is told by its script. It only has to tell English from the
other languages reliably; "und" means it could not tell, and the multilingual route is used.
"""

from __future__ import annotations

import re

__all__ = ["SUPPORTED_LANGUAGES", "detect_language"]

#: Languages the guesser knows; the multilingual embedder covers all of them (and more).
SUPPORTED_LANGUAGES = ("en", "de", "es", "fr", "tr", "pl", "ar")

_FUNCTION_WORDS = {
    "en": """the and of to in is that for on with was as by it at from his said has have are be an
    this which were will not their they who been would""",
    "de": """der die und das ist nicht den mit sich des auf für ein eine dem im auch es von zu wird
    bei nach wie sie werden hat sind noch über""",
    "es": """el la de que y en los las del se por un una con para es al lo como más su fue pero
    sus ha este esta también""",
    "fr": """le la les de des et est un une du en que qui dans pour pas sur au avec il ce par sont
    aux été cette ont elle""",
    "tr": """ve bir bu da de için ile olarak çok daha olan gibi ama kadar sonra değil ise
    tarafından her ne mi ya ancak""",
    "pl": """i w na z się nie do że to jest o od jak po za ale przez dla jego co już roku tym czy
    oraz są być""",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
# Letters that point to one language; each is worth one function word.
_LETTERS = {
    "tr": "ğış",
    "pl": "ąęłśżźćń",
    "de": "ßäöü",
    "es": "ñ¿¡",
    "fr": "èêàùœ",
}
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_MIN_EVIDENCE = 3


def detect_language(text: str, *, max_chars: int = 4000) -> str:
    """ISO 639-1 code of the language ``text`` is most likely in, or "und" when unclear."""
    sample = text[:max_chars]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters and len(_ARABIC.findall(sample)) / letters > 0.3:
        return "ar"
    tokens = [t.lower() for t in _TOKEN.findall(sample)]
    scores = {lang: sum(1 for t in tokens if t in words) for lang, words in _WORDS.items()}
    lowered = sample.lower()
    for lang, chars in _LETTERS.items():
        scores[lang] += sum(lowered.count(ch) for ch in chars.lower())
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= _MIN_EVIDENCE else "und"
