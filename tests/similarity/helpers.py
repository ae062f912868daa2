"""Fakes for the similarity tests: a fast bag-of-words embedder and a tiny extractor."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsprism.models import Article
from newsprism.similarity import as_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "similarity"
_WORD = re.compile(r"[^\W\d_]{3,}")


#: Two fictional English reports of one event, in a wire voice and a columnist's.
WIRE_REPORT = (
    "Harbour board approves new ferry timetable\n"
    "The Kessel harbour board approved a new ferry timetable on Tuesday. Boats will leave "
    "every forty minutes from the north pier. The board said the change follows a review of "
    "passenger numbers. Services to the islands start at six in the morning."
)
OPINION_COLUMN = (
    "Why the new ferry timetable is a disgrace\n"
    "We have waited years for this, and you deserve better. Is forty minutes really the best "
    "the board can do? It reportedly ignored our letters, and it may well ignore this one too. "
    "Frankly, it is absurd, and I think it is very sad."
)


class BagOfWordsEmbedder:
    """Hashes words into 256 buckets: texts sharing words get high cosines (no model needed)."""

    dim = 256
    max_tokens = 512

    def __init__(self, model_id: str = "fake-bow") -> None:
        self.model_id = model_id
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                bucket = int(hashlib.md5(word.encode()).hexdigest()[:6], 16) % self.dim
                out[row, bucket] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


def fake_embedders() -> dict[str, BagOfWordsEmbedder]:
    return {"en": BagOfWordsEmbedder("fake-en"), "multi": BagOfWordsEmbedder("fake-multi")}


@dataclass(frozen=True)
class _Entity:
    key: str
    name: str
    type: str


@dataclass(frozen=True)
class _Time:
    value: str | None
    flagged: bool = False


@dataclass(frozen=True)
class FakeExtraction:
    entities: tuple[_Entity, ...]
    times: tuple[_Time, ...] = ()
    claims: tuple[object, ...] = field(default_factory=tuple)


#: A gazetteer of the fixtures' fictional names: surface form -> (key, type).
_KNOWN = {
    "Marrowby": ("place:marrowby", "place"),
    "River Tessel": ("place:tessel", "place"),
    "Alina Brandt": ("person:alina_brandt", "person"),
    "Northfold Environment Agency": ("org:nea", "org"),
    "Veltrona FC": ("org:veltrona_fc", "org"),
    "Jonas Pereira": ("person:jonas_pereira", "person"),
    "Port Saldana": ("place:port_saldana", "place"),
}


def fake_extractor(article: Article) -> FakeExtraction:
    found = tuple(
        _Entity(key, name, kind) for name, (key, kind) in _KNOWN.items() if name in article.text
    )
    years = tuple(_Time(y) for y in sorted(set(re.findall(r"\b(?:19|20)\d\d\b", article.text))))
    return FakeExtraction(entities=found, times=years, claims=(object(),) * 3)


def fixture_article(name: str) -> Article:
    return as_article((FIXTURES / name).read_text(encoding="utf-8"), location=name)
