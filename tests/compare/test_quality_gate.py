"""Quality gate: the contradiction benchmark must stay above the floors in tests/quality_floors.json
(key "contradictions"). Raise the floors when the benchmark improves; never lower them silently.

Injection sites are chosen without the comparison, and every new high-confidence finding anywhere
in the edited pair is a false alarm (see newsprism.eval.contradictions). A type's recall is gated
only where the file gives a floor: a type with too few injections at this size is not measurable
here (the file's "_about" says which)."""

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
    # every type with a floor ("number_recall" ...): the file says which are gated, and a gated
    # type must still take enough injections for its recall to mean something
    for kind in CONTRADICTION_TYPES:
        if f"{kind}_recall" in floors:
            row = result["types"][kind]
            assert row["injected"] >= floors["min_injected_per_gated_type"], (kind, row)
            assert row["recall"] >= floors[f"{kind}_recall"], (kind, result)
    flagged = sum(c["flagged"] for c in result["controls"].values())
    assert flagged <= floors["max_controls_flagged"], result["controls"]
    # the unedited pairs report one story: their own high-confidence findings are false alarms
    # a user sees on real pairs too
    assert result["baseline"]["per_pair"] <= floors["max_baseline_per_pair"], result["baseline"]
