"""A light language guess: the script for non-Latin text, stopword counts for Latin text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for was on with as by at from it his her are were has "
        "have said this be an will not but they",
        "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch "
        "es an wurde sind nach bei wie",
        "es": "el la los las de que y en un una por con para se del al es su lo como más pero "
        "sus le fue según",
        "fr": "le la les de des et est un une du en que qui dans pour pas sur au avec il ne "
        "se sont par aux été selon",
        "it": "il lo la gli le di che e è un una per con non del della dei nel alla sono si "
        "da anche come ha",
        "pt": "o a os as de que e do da em um uma para com não no na por mais dos das foi "
        "ao pelo segundo",
        "nl": "de het een en van is dat op te in voor niet met zijn er aan ook als bij door "
        "werd maar",
        "tr": "ve bir bu da de için ile olarak çok daha gibi ama en ya olan sonra kadar "
        "değil ise göre",
        "pl": "i w na się z że do nie to jest jak o od po przez za ale czy tak oraz już "
        "który które",
    }.items()
}
_SCRIPTS = (
    ("ARABIC", "ar"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("HEBREW", "he"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("CJK", "zh"),
    ("DEVANAGARI", "hi"),
    ("THAI", "th"),
)
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for prefix, lang in _SCRIPTS:
        if name.startswith(prefix):
            return lang
    return ""


def guess_language(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, confidence) or None when the text gives too little to go on."""
    sample = text[:5000]
    script = _script(sample)
    if script:
        return script
    words = [w.casefold() for w in _WORD.findall(sample)]
    if len(words) < 3:
        return None
    freq = Counter(words)  # each language's stopwords looked up once, not every word nine times
    scores = {lang: sum(freq[w] for w in stop if w in freq) for lang, stop in _STOPWORDS.items()}
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 2:
        return None
    margin = (top - second) / top
    coverage = min(1.0, top / (0.25 * len(words)))
    return best, round(0.5 + 0.45 * margin * coverage, 2)


def _script(sample: str) -> tuple[str, float] | None:
    if sample.isascii():
        return None  # Latin letters only: no script to name
    counts: Counter[str] = Counter()
    for ch in _NON_ASCII.findall(sample):
        if ch.isalpha():
            lang = _script_of(ch)
            if lang:
                counts[lang] += 1
    if not counts:
        return None
    letters = sum(map(str.isalpha, sample))
    lang, n = counts.most_common(1)[0]
    if "ja" in counts and lang == "zh":
        lang = "ja"  # Japanese mixes kanji with kana; Chinese has no kana
    share = n / letters
    return (lang, round(min(0.95, share), 2)) if share > 0.5 else None
