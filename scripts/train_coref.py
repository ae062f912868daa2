"""Fit the coreference pair scorers on ECB+ dev and report their held-out-topic scores.

    python scripts/train_coref.py [--shared ../shared] [--folds 5] [--write]

Every score printed is cross-validated grouped by topic: a topic's mentions are clustered by
models fitted (and thresholds chosen) on the other folds' topics only. ``--write`` then fits on
all topics and writes src/newsprism/data/coref_weights.json (with the held-out figures in its
``_about``). Gold chains are labels here; the documents' ``event`` field only scores the
document-group grid, which is printed, not fitted.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsprism.cluster.metrics import bcubed
from newsprism.coref.engine import ENTITY_FEATURES, EVENT_FEATURES, entity_scope, event_scopes
from newsprism.coref.lexicon import load
from newsprism.coref.matrices import entity_features, event_features
from newsprism.coref.mentions import ENTITY, EVENT
from newsprism.coref.model import PairModel, fit
from newsprism.coref.run import _participants
from newsprism.eval.coref import (
    GoldMention,
    TopicRun,
    lemma_baseline,
    predict,
    prepare_topics,
    read_docs,
    read_mentions,
    score,
)

THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)
WEIGHTS = Path(__file__).resolve().parents[1] / "src/newsprism/data/coref_weights.json"


def gold_of(run: TopicRun, mentions: Sequence[GoldMention]) -> dict[int, str]:
    """info index -> gold chain."""
    return {run.prepared.order[pos]: str(mentions[i].chain) for pos, i in enumerate(run.mentions)}


def entity_pairs(run: TopicRun, gold: dict[int, str]) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every pair the entity scorer sees (the whole topic)."""
    p = run.prepared
    _, named = entity_scope(p.infos)
    feats = entity_features(named, p.vectors, load(), p.groups)
    chains = np.array([gold[m.index] for m in named])
    upper = np.triu_indices(len(named), k=1)
    same = (chains[:, None] == chains[None, :])[upper]
    return feats[upper], same.astype(int)


def event_pairs(
    run: TopicRun, gold: dict[int, str], entity_model: PairModel
) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every event pair the scorer sees, with the participants' entity
    clusters from ``entity_model``."""
    p = run.prepared
    parts = _participants(p, _entities(p, entity_model))
    xs, ys = [], []
    for members in event_scopes(p.infos, p.groups):
        feats = event_features(members, parts, p.vectors, load(), p.groups)
        chains = np.array([gold[m.index] for m in members])
        upper = np.triu_indices(len(members), k=1)
        xs.append(feats[upper])
        ys.append((chains[:, None] == chains[None, :])[upper].astype(int))
    if not xs:
        return np.zeros((0, len(EVENT_FEATURES))), np.zeros(0, dtype=int)
    return np.concatenate(xs), np.concatenate(ys)


def _entities(p, model: PairModel) -> dict[int, str]:  # type: ignore[no-untyped-def]
    from newsprism.coref.engine import cluster_entities

    return cluster_entities(p.infos, p.groups, p.vectors, model, load(), p.links)


def fit_models(
    runs: Sequence[TopicRun], mentions: Sequence[GoldMention], n: int
) -> dict[str, PairModel]:
    golds = [gold_of(r, mentions) for r in runs]
    pairs = [entity_pairs(r, g) for r, g in zip(runs, golds, strict=True)]
    x = np.concatenate([a for a, _ in pairs]).reshape(-1, len(ENTITY_FEATURES))
    entity = fit(x, np.concatenate([b for _, b in pairs]), ENTITY_FEATURES)
    entity = _best_threshold(entity, ENTITY, runs, mentions, n, None)
    pairs = [event_pairs(r, g, entity) for r, g in zip(runs, golds, strict=True)]
    x = np.concatenate([a for a, _ in pairs]).reshape(-1, len(EVENT_FEATURES))
    event = fit(x, np.concatenate([b for _, b in pairs]), EVENT_FEATURES)
    event = _best_threshold(event, EVENT, runs, mentions, n, entity)
    return {ENTITY: entity, EVENT: event}


def _best_threshold(
    model: PairModel,
    kind: str,
    runs: Sequence[TopicRun],
    mentions: Sequence[GoldMention],
    n: int,
    entity: PairModel | None,
) -> PairModel:
    def conll_at(t: float) -> float:
        m = PairModel(model.features, model.weights, model.bias, t)
        models = {ENTITY: m} if kind == ENTITY else {ENTITY: entity, EVENT: m}
        predicted = predict(runs, models, n)  # type: ignore[arg-type]
        rows = [i for r in runs for i in r.mentions]
        sub = [mentions[i] for i in rows]
        return score(sub, [predicted[i] for i in rows], ["all"] * len(rows), kinds=[kind])[kind][
            "overall"
        ]["conll"]["f1"]

    # the curve is flat near its top and its peak moves by 0.1 with a fold's few topics: the
    # threshold chosen is the best of the curve smoothed over its neighbours
    got = [conll_at(t) for t in THRESHOLDS]
    smooth = [float(np.mean(got[max(k - 1, 0) : k + 2])) for k in range(len(got))]
    best = THRESHOLDS[int(np.argmax(smooth))]
    return PairModel(model.features, model.weights, model.bias, best)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cache", help="pickle of the prepared topics, to iterate quickly")
    args = ap.parse_args(argv)
    data = Path(args.shared) / "data/ecbplus"
    docs = read_docs(data / "dev.jsonl")
    mentions = read_mentions(data / "mentions-dev.jsonl", docs)
    if args.cache and Path(args.cache).is_file():
        runs = pickle.loads(Path(args.cache).read_bytes())
    else:
        runs = prepare_topics(docs, mentions)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(runs))
    _group_grid(data / "dev.jsonl", runs)
    n = len(mentions)
    topic_of = {d.doc_id: d.topic for d in docs}
    topics = [topic_of[m.doc_id] for m in mentions]
    # folds grouped by topic: topics sorted by size, dealt round-robin so folds are alike
    ordered = sorted(runs, key=lambda r: -len(r.mentions))
    folds = [ordered[k :: args.folds] for k in range(args.folds)]
    held_out = [""] * n
    for k, test in enumerate(folds):
        train = [r for j, f in enumerate(folds) if j != k for r in f]
        models = fit_models(train, mentions, n)
        got = predict(test, models, n)
        for r in test:
            for i in r.mentions:
                held_out[i] = got[i]
        chosen = f"entity {models[ENTITY].threshold}, event {models[EVENT].threshold}"
        print(f"fold {k}: thresholds {chosen}", file=sys.stderr)
    report = {
        "system_cv": score(mentions, held_out, topics),
        "lemma": score(mentions, lemma_baseline(runs, n, groups=False), topics),
        "lemma_groups": score(mentions, lemma_baseline(runs, n, groups=True), topics),
    }
    _print(report)
    if args.write:
        models = fit_models(runs, mentions, n)
        about = (
            "Pair scorers for newsprism.coref, fitted by scripts/train_coref.py on ECB+ dev "
            "(gold mentions). Held-out-topic CoNLL F1 ({}-fold CV grouped by topic): entity {:.3f} "
            "(lemma baseline {:.3f}), event {:.3f} (lemma baseline {:.3f})."
        ).format(
            args.folds,
            report["system_cv"][ENTITY]["overall"]["conll"]["f1"],
            report["lemma"][ENTITY]["overall"]["conll"]["f1"],
            report["system_cv"][EVENT]["overall"]["conll"]["f1"],
            report["lemma"][EVENT]["overall"]["conll"]["f1"],
        )
        WEIGHTS.write_text(
            json.dumps(
                {"_about": about, "models": {k: m.to_dict() for k, m in models.items()}}, indent=1
            )
            + "\n"
        )
        print(f"wrote {WEIGHTS}", file=sys.stderr)
    return 0


def _group_grid(path: Path, runs: Sequence[TopicRun]) -> None:
    """B³ F1 of the document groups against the gold events (printed only, never fitted)."""
    rows = {r["doc_id"]: r for r in map(json.loads, path.open(encoding="utf-8")) if r}
    pred, gold = [], []
    for run in runs:
        p = run.prepared
        pred += [f"{run.topic}/{g}" for g in p.groups]
        gold += [str(rows[d].get("event")) for d in p.doc_ids]
    print(
        f"document groups: B3 F1 {bcubed(pred, gold)['f1']:.3f} against the gold events",
        file=sys.stderr,
    )


def _cell(s: dict) -> str:  # type: ignore[type-arg]
    return (
        f"{s['conll']['f1']:.3f} ({s['muc']['f1']:.2f}/{s['b3']['f1']:.2f}/{s['ceafe']['f1']:.2f})"
    )


def _print(report: dict) -> None:  # type: ignore[type-arg]
    for kind in (ENTITY, EVENT):
        print(f"\n{kind}: CoNLL F1 (MUC / B3 / CEAF-e)")
        names = list(report)
        first = report[names[0]][kind]
        rows = {"overall": first["overall"], **first["topics"]}
        for t, row in rows.items():
            part = [report[n][kind] for n in names]
            got = [p["overall"] if t == "overall" else p["topics"][t] for p in part]
            cells = "  ".join(f"{n} {_cell(s)}" for n, s in zip(names, got, strict=True))
            print(f"  {t:>8} n={row['mentions']:>4}  {cells}")


if __name__ == "__main__":
    raise SystemExit(main())
