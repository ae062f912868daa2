"""MinHash signatures of word shingles: near-duplicate (syndicated copy) detection in numpy.

A wire story reprinted with a new headline, a dropped paragraph or a changed byline keeps most of
its 5-word shingles, so the Jaccard similarity of the shingle sets stays high. A signature of
``PERMUTATIONS`` minimum hashes estimates that Jaccard similarity in constant space.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

PERMUTATIONS = 64
SHINGLE_WORDS = 5
_PRIME = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+")

# Fixed seeds: signatures must compare equal across processes and releases.
_rng = np.random.default_rng(20240611)
_A = _rng.integers(1, (1 << 31) - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, size=PERMUTATIONS, dtype=np.uint64)


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[int]:
    """Hashed word ``size``-grams of the lowercased text (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    # each shingle is a slice of the words joined once: the bytes " ".join(words[i:i+size])
    # would give, without joining and encoding every shingle anew
    joined = " ".join(words)
    data = joined.encode()
    lengths = (
        [len(w) for w in words] if len(data) == len(joined) else [len(w.encode()) for w in words]
    )
    starts = [0] * len(words)
    for i in range(1, len(words)):
        starts[i] = starts[i - 1] + lengths[i - 1] + 1
    crc = zlib.crc32
    last = size - 1
    return {
        crc(data[starts[i] : starts[i + last] + lengths[i + last]])
        for i in range(len(words) - last)
    }


def minhash_signature(text: str) -> np.ndarray:
    """``PERMUTATIONS`` uint32 minimum hashes of the text's shingles (all max for empty text)."""
    hashed = np.fromiter(shingles(text), dtype=np.uint64)
    if hashed.size == 0:
        return np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)
    # (a*x + b) mod p, truncated to 32 bits; products stay below 2**63 since a, x < 2**32.
    values = np.outer(_A, hashed) + _B[:, None]
    # mod the Mersenne prime 2**61 - 1 with shifts (numpy's integer % is slow): v = hi * 2**61 +
    # lo is congruent to hi + lo, which is below 2 * p, so one subtraction at most is left
    values = (values & _PRIME) + (values >> np.uint64(61))
    values = np.where(values >= _PRIME, values - _PRIME, values) & _MAX32
    return values.min(axis=1).astype(np.uint32)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Share of equal minimum hashes: an unbiased estimate of the shingle-set Jaccard similarity."""
    if a.size == 0 or a.size != b.size:
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size
