from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest

from newsprism.embed import CachedEmbedder, get_embedder
from newsprism.errors import InputNotFound, MalformedInput
from newsprism.eval.ecbplus import evaluate_ecbplus, prediction_lines, read_ecbplus
from tests.cluster.helpers import BagOfWordsEmbedder, load_stream
from tests.conftest import ECBPLUS_DEV, ROOT, need_shared


@pytest.fixture
def mini_ecb(tmp_path: Path) -> Path:
    path = tmp_path / "mini.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for a in load_stream():
            topic = "sport" if a["event"] == "cup-final" else "flood"
            row = {"doc_id": a["id"], "topic": topic, "event": a["event"]}
            row["text"] = a["title"] + ". " + a["body"]
            handle.write(json.dumps(row) + "\n")
    return path


def test_report_has_online_scores_baselines_and_predictions(mini_ecb):
    result = evaluate_ecbplus(
        mini_ecb, embedder=BagOfWordsEmbedder(), reference=BagOfWordsEmbedder(), robustness=True
    )
    assert (result["documents"], result["topics"], result["events"]) == (9, 2, 3)
    online = result["online"]
    assert online["bcubed"]["f1"] == pytest.approx(1.0)
    assert online["ari"] == pytest.approx(1.0)
    assert online["duplicates"] == 1
    for name in ("tfidf_agglomerative", "minilm_agglomerative"):
        baseline = result["baselines"][name]
        assert 0.0 < baseline["threshold"] < 1.0
        assert 0.0 <= baseline["bcubed"]["f1"] <= 1.0
    assert set(result["predictions"]) == {a["id"] for a in load_stream()}
    assert result["predictions"]["flood1-wire"] == result["predictions"]["flood1-b"]
    assert len(result["robustness"]) == 2
    lines = [json.loads(line) for line in prediction_lines(result)]
    assert lines[0] == {"doc_id": "flood1-a", "story": result["predictions"]["flood1-a"]}


def test_missing_and_malformed_files_say_so(tmp_path):
    with pytest.raises(InputNotFound):
        read_ecbplus(tmp_path / "absent.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "x", "text": "no topic"}\n', encoding="utf-8")
    with pytest.raises(MalformedInput, match="line 1"):
        read_ecbplus(bad)


class DiskCache:
    """Embeddings of the dev file kept between test runs (under .pytest_cache)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, model_id: str) -> Path:
        return self.folder / (model_id.replace("/", "_") + ".npz")

    def get_vectors(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        path = self._file(model_id)
        if not path.exists():
            return {}
        with np.load(path) as stored:
            return {h: stored[h] for h in hashes if h in stored.files}

    def put_vectors(self, model_id: str, items: Mapping[str, np.ndarray]) -> None:
        path = self._file(model_id)
        known: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as stored:
                known = {k: stored[k] for k in stored.files}
        known.update(items)
        np.savez(path, **known)  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.shared
def test_ecbplus_dev_quality_gate(request):
    path = need_shared(ECBPLUS_DEV)
    floors = json.loads((ROOT / "tests" / "quality_floors.json").read_text())["ecbplus"]
    folder = Path(request.config.cache.mkdir("ecbplus-embeddings"))
    minilm = CachedEmbedder(get_embedder("minilm"), DiskCache(folder))
    result = evaluate_ecbplus(path, embedder=get_embedder("placing"), reference=minilm)
    online, baselines = result["online"], result["baselines"]
    # the static placing vector keeps the stories MiniLM's placing vector found (same run)
    assert online["bcubed"]["f1"] >= (
        baselines["minilm_online"]["bcubed"]["f1"] - floors["placing_margin_to_minilm"]
    )
    assert online["bcubed"]["f1"] >= floors["online_bcubed_f1"]
    assert online["pairwise"]["f1"] >= floors["online_pairwise_f1"]
    assert online["ari"] >= floors["online_ari"]
    # the online clusterer, reading once and untuned, must not fall behind the tuned baselines
    assert online["bcubed"]["f1"] >= baselines["minilm_agglomerative"]["bcubed"]["f1"]
    assert online["bcubed"]["f1"] >= (
        baselines["tfidf_agglomerative"]["bcubed"]["f1"] - floors["margin_to_tfidf"]
    )
