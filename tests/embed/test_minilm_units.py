"""MiniLM internals that need no model: batching by length, hashing once per process."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.embed import base
from newsprism.embed.minilm import RUN_TOKENS, MiniLMEmbedder, _run_parallel


def test_batches_respect_count_and_padded_token_budgets() -> None:
    embedder = MiniLMEmbedder(batch_size=3, batch_tokens=10)
    lengths = np.array([20, 1, 2, 3, 2, 3, 5])
    order = np.argsort(lengths, kind="stable")
    batches = [list(map(int, b)) for b in embedder._batches(order, lengths)]
    assert batches == [[1, 2, 4], [3, 5], [6], [0]]
    for b in batches:  # every batch fits its budget (a single over-long text still gets one)
        assert len(b) <= 3 and (len(b) * lengths[b].max() <= 10 or len(b) == 1)
    assert sorted(i for b in batches for i in b) == list(range(7))


def _padded(batches: list[np.ndarray], lengths: np.ndarray) -> int:
    return sum(len(b) * int(lengths[b].max()) for b in batches)


def test_batches_are_cut_where_they_pad_least() -> None:
    # a run of short texts, then long ones: cutting every 4 texts (as a greedy count would)
    # pads the short texts of the second run to the long ones' width
    lengths = np.array([5, 5, 5, 5, 5, 5, 40, 40, 40, 40])
    embedder = MiniLMEmbedder(batch_size=4, batch_tokens=1024)
    order = np.argsort(lengths, kind="stable")
    batches = embedder._batches(order, lengths)
    assert _padded(batches, lengths) == lengths.sum()  # no padding at all
    assert [len(b) for b in batches] == [2, 4, 4] or [len(b) for b in batches] == [4, 2, 4]
    # the cost each run adds keeps texts of near lengths together rather than one per run
    lengths = np.array([10, 11, 12, 13])
    batches = embedder._batches(np.argsort(lengths), lengths)
    assert len(batches) == 1 and _padded(batches, lengths) - lengths.sum() < RUN_TOKENS


def test_batches_are_spread_over_the_threads_longest_first() -> None:
    embedder = MiniLMEmbedder(threads=2)
    assert [list(b) for b in embedder._spread([np.arange(5)])] == [[3, 4], [0, 1, 2]]
    assert [list(b) for b in embedder._spread([np.arange(2), np.arange(2, 4)])] == [[2, 3], [0, 1]]
    assert [list(b) for b in embedder._spread([np.arange(1)])] == [[0]]
    assert [list(b) for b in MiniLMEmbedder(threads=1)._spread([np.arange(5)])] == [[0, 1, 2, 3, 4]]


def test_parallel_runs_do_every_batch_once_and_raise_the_first_error() -> None:
    done: list[int] = []
    batches = [np.array([i]) for i in range(9)]
    _run_parallel(lambda idx: done.append(int(idx[0])), batches, 3)
    assert sorted(done) == list(range(9))

    def fail(idx: np.ndarray) -> None:
        if int(idx[0]) == 4:
            raise ValueError("batch 4")

    with pytest.raises(ValueError, match="batch 4"):
        _run_parallel(fail, batches, 2)


def test_a_view_on_other_threads_shares_the_loaded_model(monkeypatch: pytest.MonkeyPatch) -> None:
    builds = []
    monkeypatch.setattr(
        MiniLMEmbedder, "_build", lambda self: builds.append(self) or ("session", "tokenizer")
    )
    embedder = MiniLMEmbedder(threads=2)
    one = embedder.with_threads(1)
    assert (one.threads, embedder.threads) == (1, 2)
    assert one._load() == embedder._load() == ("session", "tokenizer")
    assert builds == [embedder]  # loaded once, by the model's owner
    assert embedder.with_threads(0).threads == 1


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
