"""Cheap per-article signals for story clustering, computed at ingest speed (no NLP model).

Embeddings say what an article is *about*; they cannot tell two earthquakes in the same region
apart. What separates look-alike events are the specifics a report repeats: names, places,
numbers (a magnitude, a death toll, a score), the weekday and the date of the event. These are
read here with regular expressions, so a thousand articles cost milliseconds.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from newsprism.cluster.minhash import minhash_signature
from newsprism.text import split_sentences

#: Term ids live in a fixed hashed space so that the document-frequency table stays small at any
#: corpus size (collisions in 2**20 buckets are too rare to matter for a similarity score).
TERM_BITS = 20
TERM_SPACE = 1 << TERM_BITS

#: The first words of a news report (title and lead) name the event; the rest adds background
#: that look-alike events share. Terms of the lead count this many times over.
LEAD_WORDS = 60
LEAD_WEIGHT = 3

#: The "lead items" are the names and numbers of the title and the first sentences (at most this
#: many words): what a report says its event is. Two look-alike events differ there first.
LEAD_ITEM_SENTENCES = 2
LEAD_ITEM_WORDS = 50
#: only this much of the body is searched for the first sentences (keeps the cost flat)
_LEAD_CHARS = 1200


def _words(text: str) -> list[str]:
    return text.split()


_STOPWORDS = frozenset(
    _words(
        """a an the and or but if then so of in on at to for from by with as is are was were be been
    being it its this that these those he she they we you i his her their our your my me him them
    us who whom which what when where why how all any both each few more most other some such no
    nor not only own same than too very can will just should now after before while during over
    under again further once here there about against between into through above below up down
    out off also said says say told since until would could may might must has have had do does
    did however meanwhile yet still even though although because according new one two three
    four five six seven eight nine ten first last mr mrs ms dr yesterday today tomorrow week
    year years day days time"""
    )
)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    m[:3]: i + 1
    for i, m in enumerate(
        _words(
            "january february march april may june july august september october november december"
        )
    )
}

_TIME = re.compile(r"(\d{1,2})\s*:\s*(\d\d)")
_DECIMAL = re.compile(r"(\d)\s*\.\s*(\d)")
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_][\w'’\-]*")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_MONTH_DAY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b(?!\s*[:.]\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True, eq=False)
class ClusterFeatures:
    """What the clusterer knows of one article besides its embedding.

    ``term_ids``/``term_counts``: hashed content words, names and numbers (sorted ids, lead-weighted
    counts); ``weekdays``, ``dates`` ("MM-DD") and ``years`` mentioned; ``signature``: a MinHash of
    word 5-shingles for near-duplicate detection; ``lead_ids``: sorted ids of the names and numbers
    of the title and first sentences (see :func:`lead_items`).
    """

    term_ids: np.ndarray
    term_counts: np.ndarray
    weekdays: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    signature: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    lead_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))

    @classmethod
    def empty(cls) -> ClusterFeatures:
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))


def _normalise_numbers(text: str) -> str:
    # "2 : 09" and "4 . 6" come out of tokenised sources; make them "2:09" and "4.6".
    return _DECIMAL.sub(r"\1.\2", _TIME.sub(r"\1:\2", text))


def terms(text: str) -> list[str]:
    """Content words (lowercased), names as single words and as two-word runs, and numbers."""
    return _terms_of(_normalise_numbers(text))


def _terms_of(normalised: str) -> list[str]:
    out: list[str] = []
    previous_name = ""
    for token in _TOKEN.findall(normalised):
        if token[0].isdigit():
            out.append(token.replace(",", ""))
            previous_name = ""
            continue
        lower = token.lower().replace("’", "'")
        if lower in _STOPWORDS or len(lower) < 2:
            previous_name = ""
            continue
        out.append(lower)
        if token[0].isupper():
            # A capitalised word is (mostly) a name: count it again, and pair it with the name
            # before it so "Santa Rosa" and "Rosa Parks" differ.
            out.append("@" + lower)
            if previous_name:
                out.append("@" + previous_name + "_" + lower)
            previous_name = lower
        else:
            previous_name = ""
    return out


def term_id(term: str) -> int:
    """Stable hashed id of a term (the same across processes and runs)."""
    found = _TERM_IDS.get(term)
    if found is None:
        if len(_TERM_IDS) >= _TERM_IDS_KEPT:
            _TERM_IDS.clear()
        found = _TERM_IDS[term] = zlib.crc32(term.encode("utf-8")) & (TERM_SPACE - 1)
    return found


#: ids of the terms met so far: the words of news repeat, and a lookup costs a third of a hash
_TERM_IDS: dict[str, int] = {}
_TERM_IDS_KEPT = 1 << 18


def _lead(text: str) -> str:
    words = text.split(maxsplit=LEAD_WORDS)
    return " ".join(words[:LEAD_WORDS])


def lead_text(text: str, *, title: str = "") -> str:
    """The title and the first sentences of ``text``, at most ``LEAD_ITEM_WORDS`` words."""
    head = text[:_LEAD_CHARS]
    spans = split_sentences(head)
    if len(spans) > LEAD_ITEM_SENTENCES:
        head = head[: spans[LEAD_ITEM_SENTENCES - 1][1]]
    words = f"{title} . {head}".split() if title else head.split()
    return " ".join(words[:LEAD_ITEM_WORDS])


def lead_items(lead: str) -> np.ndarray:
    """Sorted ids of the names (single and paired) and numbers of a lead."""
    ids = {term_id(t) for t in terms(lead) if t[0] == "@" or t[0].isdigit()}
    return np.array(sorted(ids), dtype=np.int32)


def cluster_features(text: str, *, title: str = "") -> ClusterFeatures:
    """Signals of one article (title and body) for :class:`OnlineClusterer`."""
    full = f"{title}\n{text}" if title else text
    normalised = _normalise_numbers(full)
    counts = Counter(map(term_id, _terms_of(normalised)))
    for t in terms(_lead(full)):
        counts[term_id(t)] += LEAD_WEIGHT - 1
    keys = sorted(counts)
    ids = np.array(keys, dtype=np.int64)
    values = np.array([counts[k] for k in keys], dtype=np.float32)
    return ClusterFeatures(
        term_ids=ids,
        term_counts=values,
        weekdays=frozenset(m.lower() for m in _WEEKDAY.findall(normalised)),
        dates=frozenset(
            f"{_MONTHS[mon.lower()[:3]]:02d}-{int(day):02d}"
            for mon, day in _MONTH_DAY.findall(normalised)
            if 1 <= int(day) <= 31
        ),
        years=frozenset(_YEAR.findall(normalised)),
        signature=minhash_signature(full),
        lead_ids=lead_items(lead_text(text, title=title)),
    )
