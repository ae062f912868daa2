"""MiniLM internals that need no model: batching by length, hashing once per process."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.embed import base
from newsprism.embed.minilm import MiniLMEmbedder


def test_batches_respect_count_and_padded_token_budgets() -> None:
    embedder = MiniLMEmbedder(batch_size=3, batch_tokens=10)
    lengths = np.array([20, 1, 2, 3, 2, 3, 5])
    order = np.argsort(lengths, kind="stable")
    batches = [list(map(int, b)) for b in embedder._batches(order, lengths)]
    assert batches == [[1, 2, 4], [3, 5], [6], [0]]
    for b in batches:  # every batch fits its budget (a single over-long text still gets one)
        assert len(b) <= 3 and (len(b) * lengths[b].max() <= 10 or len(b) == 1)
    assert sorted(i for b in batches for i in b) == list(range(7))


def test_threads_default_to_all_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert MiniLMEmbedder().threads == 6
    assert MiniLMEmbedder(threads=1).threads == 1


def test_a_file_is_hashed_once_per_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "weights.bin"
    f.write_bytes(b"weights")
    expected = base.sha256_file(f)
    calls = []
    real = base.sha256_file
    monkeypatch.setattr(base, "sha256_file", lambda p: calls.append(p) or real(p))
    base.verify_sha256(f, expected, package="pkg==1")
    base.verify_sha256(f, expected, package="pkg==1")
    assert calls == [f]
