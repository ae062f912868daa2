from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.cluster.minhash import estimated_jaccard, minhash_signature, shingles
from tests.cluster.helpers import load_stream


def _text(article_id: str) -> str:
    a = next(a for a in load_stream() if a["id"] == article_id)
    return a["title"] + "\n" + a["body"]


def test_a_wire_copy_with_small_edits_stays_close():
    original, copy = minhash_signature(_text("flood1-b")), minhash_signature(_text("flood1-wire"))
    assert estimated_jaccard(original, copy) > 0.6


def test_another_report_of_the_same_event_is_not_a_copy():
    one, other = minhash_signature(_text("flood1-a")), minhash_signature(_text("flood1-b"))
    assert estimated_jaccard(one, other) < 0.2


def test_signatures_are_deterministic():
    assert (minhash_signature("a b c d e f g") == minhash_signature("a b c d e f g")).all()


def test_short_texts_still_get_a_shingle():
    assert len(shingles("two words")) == 1
    assert shingles("") == set()


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_estimate_is_a_symmetric_share(a, b):
    sa, sb = minhash_signature(a), minhash_signature(b)
    j = estimated_jaccard(sa, sb)
    assert 0.0 <= j <= 1.0
    assert j == estimated_jaccard(sb, sa)
    assert estimated_jaccard(sa, sa) == 1.0


def _reference_shingles(text: str, size: int = 5) -> set[int]:
    """The shingles as first written: each one joined and encoded anew."""
    import re
    import zlib

    words = re.findall(r"\w+", text.lower())
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - 4)}


def _reference_signature(text: str) -> list[int]:
    """MinHash with numpy's integer modulo, as first written."""
    import numpy as np

    from newsprism.cluster.minhash import _A, _B, _MAX32, _PRIME

    hashed = np.fromiter(_reference_shingles(text), dtype=np.uint64)
    if hashed.size == 0:
        return [int(np.iinfo(np.uint32).max)] * len(_A)
    values = (np.outer(_A, hashed) + _B[:, None]) % _PRIME & _MAX32
    return [int(v) for v in values.min(axis=1).astype(np.uint32)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cd Éé ß 東京 ۱٢ 7 -'\n"), max_size=300))
def test_shingles_and_signatures_match_the_first_implementation(text: str) -> None:
    assert shingles(text) == _reference_shingles(text)
    assert minhash_signature(text).tolist() == _reference_signature(text)
