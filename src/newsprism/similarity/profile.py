"""What the similarity stage needs to know about one article, computed once per article.

A ``Profile`` holds the cheap, language-independent facts (sentences, proper names, numbers,
years, content words, style counts); ``Vectors`` holds one embedder's document and sentence
vectors; English articles may also carry the extract stage's entities and times.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from newsprism.embed import document_text
from newsprism.models import Article, published_day
from newsprism.similarity.language import detect_language
from newsprism.text import split_sentences

__all__ = [
    "CHAR_N",
    "LEAD_WORDS",
    "MAX_SENTENCES",
    "TITLE_WORDS",
    "Profile",
    "Vectors",
    "build_profile",
    "char_grams",
]

#: Sentences embedded per article: enough for the narrative of a long report, and a bound on
#: the time one pair takes (an 800-word article has about 40).
MAX_SENTENCES = 48
#: Words of the lead (title first) that the multilingual model reads in one pass, for every
#: pair (a shorter lead is cheaper but weaker: 60 words gave Overall 0.865 on the English dev
#: pairs against 0.875 for 100).
LEAD_WORDS = 100
#: Words at the start of a text that stand for its title (SemEval texts glue title and body).
TITLE_WORDS = 25
#: Character n-gram length of the language-agnostic overlap features: long enough to carry a
#: word stem, short enough to match inflected forms ("Regierung"/"Regierungen", Turkish suffixes).
CHAR_N = 4

_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,]\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\d])")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_QUOTES = re.compile(r"[\"“”„«»]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_POSSESSIVE = re.compile(r"['’]s$")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)

# The voice of an English report, from a few closed word lists (no sentiment lexicon): a
# report that speaks to or for its readers ("we", "you"), that hedges ("reportedly", "may") or
# that judges ("outrageous", "very") reads differently from a wire report of the same facts.
# Rates per word; other languages get 0 (the "multi" route does not use them).
PERSON_WORDS = frozenset(
    ["i", "we", "my", "our", "me", "us", "you", "your", "i'm", "we're", "i've", "you're"]
)
HEDGE_WORDS = frozenset(
    [
        "may",
        "might",
        "could",
        "reportedly",
        "allegedly",
        "possibly",
        "likely",
        "appears",
        "appear",
        "suggest",
        "suggests",
        "perhaps",
        "seems",
        "apparently",
        "unclear",
    ]
)
OPINION_WORDS = frozenset(
    [
        "should",
        "must",
        "shame",
        "disgrace",
        "terrible",
        "great",
        "outrageous",
        "ridiculous",
        "absurd",
        "best",
        "worst",
        "wonderful",
        "horrible",
        "amazing",
        "awful",
        "very",
        "really",
        "so",
        "too",
    ]
)


@dataclass(frozen=True)
class Vectors:
    """One embedder's view of an article: a document vector and one vector per sentence."""

    model_id: str
    document: np.ndarray
    sentences: np.ndarray
    #: the lead (first LEAD_WORDS words) as the multilingual model sees it
    lead: np.ndarray | None = None
    #: False when only the first sentence (the title) was embedded, as ``score_pairs`` does to
    #: keep a pair within a second; sentence alignment is then by shared words
    all_sentences: bool = True


@dataclass(frozen=True)
class Profile:
    """Facts about one article that the pair features are computed from."""

    article: Article
    language: str
    sentences: tuple[str, ...]
    #: proper names as written, keyed by their folded form (capitalised words not opening a
    #: sentence; every content word in scripts without case)
    names: dict[str, str]
    numbers: frozenset[str]
    years: frozenset[str]
    words: Counter[str]
    published: date | None
    host: str
    style: dict[str, float]
    #: canonical entity keys -> display name, from the extract stage (English only)
    entities: dict[str, str] = field(default_factory=dict)
    #: canonical place keys -> display name, from the extract stage (English only)
    places: dict[str, str] = field(default_factory=dict)
    #: resolved dates (ISO day/month/year strings) from the extract stage (English only)
    dates: frozenset[str] = frozenset()
    claims: int = 0
    extracted: bool = False
    #: the extract stage's output, kept so a pair can share canonical keys ("Trump" in one
    #: report is "Donald Trump" in the other)
    extraction: Any = None
    #: character n-gram counts of the whole text, its lead and its title words (casefolded,
    #: punctuation as spaces): word overlap for any script, without a tokenizer
    chars: Counter[str] = field(default_factory=Counter)
    chars_lead: Counter[str] = field(default_factory=Counter)
    chars_title: Counter[str] = field(default_factory=Counter)

    @property
    def document_text(self) -> str:
        return document_text(self.article)

    @property
    def lead_text(self) -> str:
        return " ".join(self.article.text.split()[:LEAD_WORDS])

    def lead_sentences(self) -> int:
        """How many of the first sentences make up the lead (at least one)."""
        words = 0
        for i, sentence in enumerate(self.sentences):
            words += len(sentence.split())
            if words >= LEAD_WORDS:
                return i + 1
        return max(1, len(self.sentences))


def build_profile(article: Article, *, published: str | None = None) -> Profile:
    """The language-independent profile of ``article`` (no models are run)."""
    text = article.text
    spans = split_sentences(text)[:MAX_SENTENCES]
    sentences = tuple(text[s:e] for s, e in spans)
    language = article.meta("language") or detect_language(text)
    language = language.split("-")[0].lower()
    words = [w for w in _WORD.findall(text)]
    return Profile(
        article=article,
        language=language,
        sentences=sentences,
        names=_proper_names(sentences, caseless=bool(_ARABIC.search(text[:400]))),
        numbers=frozenset(_normalise_number(n) for n in _NUMBER.findall(text)) - _years(text),
        years=_years(text),
        words=Counter(w.casefold() for w in words if len(w) >= 4 and not w.isdigit()),
        published=published_day(published if published is not None else article.published),
        host=_host(article.url),
        style=_style(text, sentences, words, english=language == "en"),
        chars=char_grams(text),
        chars_lead=char_grams(" ".join(text.split()[:LEAD_WORDS])),
        chars_title=char_grams(" ".join(text.split()[:TITLE_WORDS])),
    )


def char_grams(text: str, n: int = CHAR_N) -> Counter[str]:
    """Counts of the character n-grams of ``text``, casefolded and NFKC-normalised."""
    folded = " " + _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()) + " "
    return Counter(folded[i : i + n] for i in range(len(folded) - n + 1))


def _years(text: str) -> frozenset[str]:
    return frozenset(_YEAR.findall(text))


def _normalise_number(raw: str) -> str:
    # "1,000" and "1.000" are the same count in different locales; "3,5" and "3.5" too.
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        return re.sub(r"[.,]", "", raw)
    return raw.replace(",", ".")


def _proper_names(sentences: tuple[str, ...], *, caseless: bool) -> dict[str, str]:
    names: dict[str, str] = {}
    for sentence in sentences:
        tokens = _WORD.findall(sentence)
        for i, token in enumerate(tokens):
            if token.isdigit() or len(token) < 3:
                continue
            if caseless:
                if len(token) >= 4:
                    names.setdefault(token, token)
                continue
            # A capital after the sentence's first word marks a name (in German every noun is
            # capitalised, so German names are noisier; the learned weights know the language).
            if (i > 0 and token[0].isupper()) or token.isupper():
                name = _POSSESSIVE.sub("", token)
                names.setdefault(name.casefold(), name)
    return names


def _host(url: str | None) -> str:
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _voice(words: list[str]) -> dict[str, float]:
    """Rates per word of the PERSON, HEDGE and OPINION word lists (English only)."""
    counts = Counter(w.casefold().replace("’", "'") for w in words)
    n_words = max(1, len(words))

    def rate(vocabulary: frozenset[str]) -> float:
        return sum(counts[w] for w in vocabulary) / n_words

    return {
        "person": rate(PERSON_WORDS),
        "hedges": rate(HEDGE_WORDS),
        "opinion": rate(OPINION_WORDS),
    }


def _style(
    text: str, sentences: tuple[str, ...], words: list[str], *, english: bool = False
) -> dict[str, float]:
    n_words = max(1, len(words))
    n_sentences = max(1, len(sentences))
    letters = [ch for ch in text if ch.isalpha()]
    voice = _voice(words) if english else dict.fromkeys(("person", "hedges", "opinion"), 0.0)
    return {
        **voice,
        "questions": text.count("?") / n_sentences,
        "words": float(len(words)),
        "sentence_length": len(words) / n_sentences,
        "quotes": len(_QUOTES.findall(text)) / n_sentences,
        "digits": sum(ch.isdigit() for ch in text) / max(1, len(text)),
        "capitals": sum(ch.isupper() for ch in letters) / max(1, len(letters)),
        "exclaims": (text.count("!") + text.count("?")) / n_sentences,
        "word_length": sum(len(w) for w in words) / n_words,
    }
