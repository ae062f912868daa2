"""Quality gate: ECB+ dev cross-document coreference with gold mentions, against kept floors.

Floors live in tests/quality_floors.json under "coref": entity and event CoNLL F1 of the shipped
weights, and their margins over the same-head-lemma baselines of the same run, overall and in
every topic with enough mentions. The shipped weights were fitted on these topics, so the floors
guard against regressions; the honest (held-out topic) figures are printed by
scripts/train_coref.py and kept in the floors' "_about".
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsprism.eval.coref import evaluate_coref
from tests.conftest import ECBPLUS_DEV, need_shared

pytestmark = [pytest.mark.slow, pytest.mark.shared]

ROOT = Path(__file__).resolve().parents[1]
MENTIONS = ECBPLUS_DEV.parent / "mentions-dev.jsonl"


def floors() -> dict[str, Any]:
    return json.loads((ROOT / "quality_floors.json").read_text())["coref"]


@cache
def result() -> dict[str, Any]:
    return evaluate_coref(need_shared(ECBPLUS_DEV), need_shared(MENTIONS))


def _conll(kind: str, name: str = "system", topic: str | None = None) -> float:
    block = result()["scores"][name][kind]
    part = block["overall"] if topic is None else block["topics"][topic]
    return float(part["conll"]["f1"])


@pytest.mark.parametrize("kind", ["entity", "event"])
def test_conll_f1_above_floor_and_baselines(kind: str) -> None:
    f = floors()
    assert _conll(kind) >= f[f"{kind}_conll_f1"]
    best_baseline = max(_conll(kind, "lemma"), _conll(kind, "lemma_groups"))
    assert _conll(kind) - best_baseline >= f[f"{kind}_margin_over_lemma"]


@pytest.mark.parametrize("kind", ["entity", "event"])
def test_every_sizeable_topic_beats_the_lemma_baseline(kind: str) -> None:
    f = floors()
    topics = result()["scores"]["system"][kind]["topics"]
    sizeable = [t for t, s in topics.items() if s["mentions"] >= f["min_topic_mentions"]]
    assert sizeable
    behind = [
        t
        for t in sizeable
        if _conll(kind, topic=t) < _conll(kind, "lemma", topic=t) - f["topic_slack"]
    ]
    assert len(behind) <= f[f"{kind}_max_topics_behind"], behind


def test_predictions_cover_every_mention() -> None:
    r = result()
    assert len(r["predictions"]) == r["mentions"]
    assert all(p["cluster"] for p in r["predictions"])
