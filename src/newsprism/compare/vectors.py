"""Vectors of claim alignment: the embeddings of the units (compare/units.py) that compare/align.py
scores.

Every distinct text is embedded once: each claim (without its attribution), its sentence, the
segments of a long claim, and -- for the few pairs that may state one fact in other words -- a
claim's wording without its actors' names, without its places, or its speaker's whole statement.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsprism.compare.units import (
    LIGHT_VERBS,
    WORD,
    Unit,
    action_class,
    build_units,
    other_actors,
    slugs,
)
from newsprism.embed.base import Embedder
from newsprism.embed.cache import CachedEmbedder, MemoryCache
from newsprism.extract import Extraction, extract
from newsprism.models import Article
from newsprism.text import sentences

_SEGMENT_BREAK = re.compile(
    r"\s*[,;:()]\s*|\s+(?=(?:despite|including|amid|after|while|because|although|as well as)\s)",
    re.IGNORECASE,
)


def segments(text: str) -> list[str]:
    """Stretches of a long claim that may state a fact of their own ("... despite tensions over
    Ankara's purchase of Russian missile systems"), four words or more each."""
    parts = [p.strip() for p in _SEGMENT_BREAK.split(text) if p and p.strip()]
    out = [p for p in parts if len(WORD.findall(p)) >= 4]
    return out if len(out) > 1 else []


#: Claims shorter than this are not split into segments.
SEGMENT_MIN_WORDS = 16
#: A claim this long relative to its sentence stands for the sentence.
SENTENCE_REUSE = 0.8


@dataclass(frozen=True)
class Vectors:
    claims: np.ndarray  # one row per unit
    sentences: np.ndarray  # the unit's sentence, one row per unit
    #: (unit index, vector) for every segment of every long claim
    segment_units: np.ndarray
    segments: np.ndarray
    #: unit index -> vector of its claim with its actors' names replaced (see Unit.bare), for
    #: claims that share their predicate with a claim of another source naming other actors
    bare: dict[int, np.ndarray] = field(default_factory=dict)
    #: unit index -> vector of Unit.placeless, for claims that may state one fact with a claim
    #: of another source set in another place
    placeless: dict[int, np.ndarray] = field(default_factory=dict)
    #: unit index -> vector of what its speaker said as a whole (Unit.reported, else its core or
    #: text), for claims of one speaker in two sources (see reported_pairs)
    reported: dict[int, np.ndarray] = field(default_factory=dict)


def embed_units(units: Sequence[Unit], embedder: Embedder) -> Vectors:
    """Claim, sentence and segment vectors; every distinct text is embedded once."""
    dim = int(getattr(embedder, "dim", 384))
    if not units:
        empty = np.zeros((0, dim), dtype=np.float32)
        return Vectors(empty, empty, np.zeros(0, dtype=int), empty)
    seg_owner, seg_texts, sentence_of = _own_texts(units)
    bare = _other_actor_candidates(units)
    placeless = sorted({i for pair in other_place_pairs(units) for i in pair})
    reported = sorted({i for pair in reported_pairs(units) for i in pair})
    texts = list(
        dict.fromkeys(
            [u.core or u.text for u in units]
            + list(sentence_of.values())
            + seg_texts
            + [units[i].bare for i in bare]
            + [units[i].placeless for i in placeless]
            + [_said(units[i]) for i in reported]
        )
    )
    index = {t: i for i, t in enumerate(texts)}
    vecs = np.asarray(embedder.encode(texts), dtype=np.float32)
    return Vectors(
        bare={i: vecs[index[units[i].bare]] for i in bare},
        placeless={i: vecs[index[units[i].placeless]] for i in placeless},
        reported={i: vecs[index[_said(units[i])]] for i in reported},
        claims=vecs[[index[u.core or u.text] for u in units]],
        sentences=vecs[[index[sentence_of[u.uid]] for u in units]],
        segment_units=np.array(seg_owner, dtype=int),
        segments=vecs[[index[t] for t in seg_texts]]
        if seg_texts
        else np.zeros((0, dim), np.float32),
    )


def _own_texts(units: Sequence[Unit]) -> tuple[list[int], list[str], dict[int, str]]:
    """What each unit embeds on its own, whatever the other sources say: the segments of its
    claim (with the unit that owns each) and the text that stands for its sentence."""
    seg_owner: list[int] = []
    seg_texts: list[str] = []
    for u in units:
        if u.words < SEGMENT_MIN_WORDS:
            continue  # a short claim is matched whole
        for s in segments(u.core or u.text):
            if len(s) >= SENTENCE_REUSE * len(u.core or u.text):
                continue  # nearly the whole claim: its vector adds nothing
            seg_owner.append(u.uid)
            seg_texts.append(s)
    # a sentence that its claim nearly fills embeds like the claim: reuse the claim's vector
    sentence_of = {
        u.uid: u.text if len(u.text) >= SENTENCE_REUSE * len(u.sentence_text) else u.sentence_text
        for u in units
    }
    return seg_owner, seg_texts, sentence_of


#: Each report's texts are embedded in this many parts, so that the two threads, once spaCy is
#: done, share the last report too instead of one waiting for the other (a part of a kestrel
#: report is ~0.15 CPU-s of embedding)
PREFETCH_PARTS = 2
#: (extraction, text, title of a report, which of its parts)
_Item = tuple[Extraction, str, str, int]


class Prefetch:
    """Embeds each report's claims, sentences and segments on a background thread while the next
    report is extracted, so that ``embed_units`` finds most of its texts done.

    The thread first loads the embedder (``get_embedder()`` when none is given), then embeds
    each report's units as its extraction comes. While no extraction waits (spaCy loads and
    parses), it embeds the sentences of the next report not yet extracted as the rule-based
    splitter (``newsprism.text``) cuts them: most are cut where spaCy cuts them too and are
    needed (on the kestrel story, 148 of 212 sentences, 41% of all the tokens the comparison
    embeds); the others are embedded in vain, so only the reports that spaCy has not reached are
    guessed at. spaCy and the extraction hold one core, onnxruntime (which lets go of the GIL)
    the other. Results stay exactly what
    they were: a text's vector does not depend on the batch it is encoded in (checked bitwise on
    the five kestrel reports), and a text the thread did not embed (linking across reports can
    change a claim's core) is embedded afterwards as before.
    """

    def __init__(self, embedder: Embedder | None, articles: Sequence[Article]) -> None:
        self._articles = list(articles)
        self._given = embedder
        self._cached: CachedEmbedder | None = None
        #: the same model and cache on one thread: spaCy has the other core (see _run)
        self._one: CachedEmbedder | None = None
        self._error: BaseException | None = None
        self._todo: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        #: how many reports are extracted (their sentences need no guessing)
        self._extracted = 0
        self._thread = threading.Thread(
            target=self._run, name="newsprism-embed-prefetch", daemon=True
        )
        self._thread.start()

    def extract_all(self) -> list[Extraction]:
        """``extract`` of each article, each handed to the thread as soon as it is done."""
        out: list[Extraction] = []
        try:
            for a in self._articles:
                out.append(extract(a))
                self._extracted = len(out)
                for part in range(PREFETCH_PARTS):
                    self._todo.put((out[-1], a.text, a.title, part))
        finally:
            self._todo.put(None)  # the thread ends even when an extraction raised
        return out

    def _run(self) -> None:
        try:
            embedder = self._given
            if embedder is None:
                from newsprism.embed import get_embedder

                embedder = get_embedder()
            embedder.encode(["warm up"])
            # While spaCy parses, this thread embeds on one core (a second embedding thread
            # would take the GIL and the core from spaCy); once the reports are extracted, the
            # calling thread embeds the reports left beside it (see result), and the
            # comparison's last texts are embedded on every core.
            single = getattr(embedder, "with_threads", None)
            cache = MemoryCache()
            self._cached = CachedEmbedder(embedder, cache)
            self._one = cached = CachedEmbedder(single(1) if single else embedder, cache)
            guess = 0  # the next report whose sentences may be embedded before its extraction
            while True:
                guess = max(guess, self._extracted)
                try:
                    item = self._todo.get(block=guess >= len(self._articles))
                except queue.Empty:
                    cached.encode(sentences(self._articles[guess].text))
                    guess += 1
                    continue
                if item is None:
                    break
                self._embed(cached, item)
        except BaseException as exc:  # raised again in the caller's thread
            self._error = exc

    @staticmethod
    def _embed(embedder: Embedder, item: _Item) -> None:
        """One part of a report's texts, the longest texts first: by length, so that a part pads
        no more than the whole, and cut where the characters are shared out evenly."""
        ex, text, title, part = item
        units = build_units([ex], [text], [title])
        _, seg_texts, sentence_of = _own_texts(units)
        claims = [u.core or u.text for u in units]
        texts = sorted(dict.fromkeys(claims + list(sentence_of.values()) + seg_texts), key=len)
        share = sum(map(len, texts)) / PREFETCH_PARTS
        done = 0
        parts: list[list[str]] = [[] for _ in range(PREFETCH_PARTS)]
        for t in reversed(texts):
            parts[min(int(done / share), PREFETCH_PARTS - 1)].append(t)
            done += len(t)
        embedder.encode(parts[part])

    def result(self) -> Embedder:
        """The embedder, with every text the thread embedded kept. The calling thread, done
        extracting, embeds the reports the thread has not begun (onnxruntime runs two batches
        at once on two cores better than one batch on two threads), then waits for the thread."""
        while self._one is not None and self._error is None:
            try:
                item = self._todo.get_nowait()
            except queue.Empty:
                break
            if item is None:
                self._todo.put(None)  # the thread's signal to end
                break
            self._embed(self._one, item)
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._cached is not None
        return self._cached


def _said(u: Unit) -> str:
    return u.reported or u.core or u.text


def reported_pairs(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Claim pairs of different sources that the same named speaker says, one of them a piece
    of a longer statement: the statements as wholes are worth comparing (few claims qualify)."""
    spoken = [u for u in units if u.speakers]
    out: list[tuple[int, int]] = []
    for x, a in enumerate(spoken):
        for b in spoken[x + 1 :]:
            if a.source == b.source or not (a.reported or b.reported):
                continue
            if slugs(a.speakers) & slugs(b.speakers):
                out.append((a.uid, b.uid))
    return out


def _other_actor_candidates(units: Sequence[Unit]) -> list[int]:
    """Units whose predicate (a telling one) another source states of other named actors: their
    actor-less wording is worth embedding (few claims, so the cost stays small)."""
    by_class: dict[str, list[Unit]] = {}
    for u in units:
        cls = action_class(u.claim.action)
        if u.bare and cls not in LIGHT_VERBS:
            by_class.setdefault(cls, []).append(u)
    out: set[int] = set()
    for us in by_class.values():
        for x in range(len(us)):
            for y in range(x + 1, len(us)):
                a, b = us[x], us[y]
                if a.source != b.source and other_actors(a, b):
                    out |= {a.uid, b.uid}
    return sorted(out)


#: Share of the shorter claim's words (Unit.gist) that two claims with different predicates
#: have in common when they may state one fact.
OTHER_PLACE_GIST = 0.4


def other_place_pairs(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Claim pairs of different sources that set a like statement in different places: the same
    telling predicate, or many words in common. Their place-less wordings are worth embedding
    (few claims name a place, so the cost stays small)."""
    placed = [u for u in units if u.placeless and u.places]
    out: list[tuple[int, int]] = []
    for x, a in enumerate(placed):
        for b in placed[x + 1 :]:
            if a.source == b.source or slugs(a.places) & slugs(b.places):
                continue
            ca, cb = action_class(a.claim.action), action_class(b.claim.action)
            same = ca == cb and ca not in LIGHT_VERBS
            if same or _overlap(a.gist, b.gist) >= OTHER_PLACE_GIST:
                out.append((a.uid, b.uid))
    return out


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
