"""The language of an article without one in its metadata, so each pair gets the right embedder.

newsprism has one language guesser, the clean stage's (``clean.language.guess_language``, which
also fills every cleaned article's ``language``); this names its answer among the languages the
similarity model was trained on. It only has to tell English from the other languages reliably;
"und" means it could not tell (or the language is none of these), and the multilingual route is
used.
"""

from __future__ import annotations

from newsprism.clean.language import guess_language

__all__ = ["SUPPORTED_LANGUAGES", "detect_language"]

#: The SemEval-2022 Task 8 languages; the multilingual embedder covers all of them (and more).
SUPPORTED_LANGUAGES = ("en", "de", "es", "fr", "tr", "pl", "ar")


def detect_language(text: str, *, max_chars: int = 4000) -> str:
    """ISO 639-1 code of the language ``text`` is most likely in, or "und" when unclear."""
    guess = guess_language(text[:max_chars])
    return guess[0] if guess and guess[0] in SUPPORTED_LANGUAGES else "und"
