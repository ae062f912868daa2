"""Quality gate: the contradiction benchmark must stay above the floors in tests/quality_floors.json
(key "contradictions"). Raise the floors when the benchmark improves; never lower them silently."""

from __future__ import annotations

import json

from newsprism.compare import CONTRADICTION_TYPES
from newsprism.eval.contradictions import evaluate_contradictions
from tests.conftest import ECBPLUS_DEV, ROOT, SEMEVAL_DEV, need_shared

FLOORS = ROOT / "tests" / "quality_floors.json"
GATE_PAIRS = 20


def test_contradiction_benchmark_above_floors() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["contradictions"]
    result = evaluate_contradictions(
        ecbplus=need_shared(ECBPLUS_DEV), semeval=need_shared(SEMEVAL_DEV), pairs=GATE_PAIRS, seed=0
    )
    overall = result["overall"]
    assert overall["precision"] >= floors["precision"], result
    assert overall["recall"] >= floors["recall"], result
    # every type with a floor ("place_recall" ...): the file says which are gated
    for kind in CONTRADICTION_TYPES:
        if f"{kind}_recall" in floors:
            assert result["types"][kind]["recall"] >= floors[f"{kind}_recall"], result
    flagged = sum(c["flagged"] for c in result["controls"].values())
    assert flagged <= floors["max_controls_flagged"], result["controls"]
