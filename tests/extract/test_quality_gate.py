"""Quality gate: precision and recall on a hand-written gold set must stay above kept floors.

The gold set (tests/fixtures/extract/gold.jsonl) is invented text: sentences with a publication
date, the time expressions and their resolved values, the canonical person/country/organisation
keys (and, for items with a "places" list, the place keys), the quantities and the quote
attributions. Items n01-n32, then h01-h12, were each written as a held-out check before the entity
typing was tuned on them; they stay in the gate. Floors live in tests/quality_floors.json under
"extract"; raise them when the extractor improves.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsprism.extract import Extraction, extract_many
from newsprism.extract.types import Quote

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "fixtures" / "extract" / "gold.jsonl"
FLOORS = ROOT / "quality_floors.json"
SCORED_TYPES = ("person", "country", "org")


def _load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def _match(preds: list[Any], golds: list[Any], same: Callable[[Any, Any], bool]) -> int:
    """Greedy one-to-one matching; returns the number of matched pairs."""
    free = list(range(len(preds)))
    hits = 0
    for g in golds:
        for k, i in enumerate(free):
            if same(preds[i], g):
                hits += 1
                del free[k]
                break
    return hits


def _same_time(p: tuple[str, str | None], g: list[Any]) -> bool:
    pt, gt = p[0].casefold(), str(g[0]).casefold()
    return (pt == gt or pt in gt or gt in pt) and p[1] == g[1]


def _same_quantity(p: tuple[float, str, str], g: list[Any]) -> bool:
    value, unit, counts = g
    return abs(p[0] - float(value)) < 1e-6 and p[1] == unit and (counts is None or p[2] == counts)


def _same_quote(q: Quote, g: list[str]) -> bool:
    text, speaker = g
    if text.casefold() not in q.text.casefold():
        return False
    if ":" in speaker:
        return speaker in q.attributed_to
    return speaker.casefold() in (q.speaker_name or "").casefold()


def score(
    items: list[dict[str, Any]], extractions: list[Extraction]
) -> dict[str, dict[str, float]]:
    counts = {
        c: [0, 0, 0] for c in ("dates", "entities", "quantities", "quotes")
    }  # hit, pred, gold

    def add(cat: str, hits: int, n_pred: int, n_gold: int) -> None:
        counts[cat][0] += hits
        counts[cat][1] += n_pred
        counts[cat][2] += n_gold

    for item, ex in zip(items, extractions, strict=True):
        times = [(t.text, t.value) for t in ex.times]
        add("dates", _match(times, item["times"], _same_time), len(times), len(item["times"]))
        # items that list their places ("places", maybe empty) score place keys too, so a town
        # typed as a person, or a person typed as a place, counts against both sides
        types = SCORED_TYPES + (("place",) if "places" in item else ())
        keys = {e.key for e in ex.entities if e.type in types}
        gold_keys = set(item["entities"]) | set(item.get("places", ()))
        add("entities", len(keys & gold_keys), len(keys), len(gold_keys))
        qs = [(q.value, q.unit, q.counts) for q in ex.quantities]
        gq = item["quantities"]
        add("quantities", _match(qs, gq, _same_quantity), len(qs), len(gq))
        quotes = list(ex.quotes)
        add("quotes", _match(quotes, item["quotes"], _same_quote), len(quotes), len(item["quotes"]))
    out = {}
    for cat, (hits, n_pred, n_gold) in counts.items():
        out[cat] = {
            "precision": hits / n_pred if n_pred else 1.0,
            "recall": hits / n_gold if n_gold else 1.0,
        }
    return out


def test_gold_set_is_big_enough() -> None:
    items = _load()
    assert len(items) >= 60
    assert len({i["id"] for i in items}) == len(items)


def test_quality_floors() -> None:
    items = _load()
    exs = []
    for item in items:
        # each item carries its own publication date (or none)
        exs += list(extract_many([item["text"]], published=item["published"]))
    metrics = score(items, exs)
    print("\nextract quality on the gold set")
    print(f"{'category':<12}{'precision':>10}{'recall':>10}")
    for cat, m in metrics.items():
        print(f"{cat:<12}{m['precision']:>10.3f}{m['recall']:>10.3f}")
    floors = json.loads(FLOORS.read_text("utf-8"))["extract"]
    failures = [
        f"{cat} {kind} {metrics[cat][kind]:.3f} < floor {floor}"
        for cat, per in floors.items()
        for kind, floor in per.items()
        if metrics[cat][kind] < floor
    ]
    assert not failures, "; ".join(failures)
