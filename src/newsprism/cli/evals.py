"""The `eval` sub-app: contradictions, ecbplus, coref, semeval, disagreements."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newsprism.cli.common import (
    JsonOpt,
    _print_scores,
    _progress,
    _spinner,
    app,
    emit_json,
    handle_errors,
    out,
)
from newsprism.errors import UsageError

eval_app = typer.Typer(
    help="Quality benchmarks on rated dev data, each beside its baseline.",
    epilog="Example: newsprism eval disagreements examples/kestrel-strike/gold.jsonl",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")


@eval_app.command(
    "contradictions",
    epilog="Example: newsprism eval contradictions --ecbplus ../shared/data/ecbplus/dev.jsonl "
    "--semeval ../shared/data/semeval2022-task8/dev.jsonl --pairs 24 --json",
)
@handle_errors
def eval_contradictions_cmd(
    ecbplus: Annotated[
        Path | None, typer.Option("--ecbplus", help="ECB+ JSONL (doc_id, event, text).")
    ] = None,
    semeval: Annotated[
        Path | None, typer.Option("--semeval", help="SemEval-2022 Task 8 pairs JSONL.")
    ] = None,
    pairs: Annotated[int, typer.Option("--pairs", help="How many article pairs to use.")] = 24,
    seed: Annotated[int, typer.Option("--seed", help="Random seed for the sample.")] = 0,
    per_pair: Annotated[
        int, typer.Option("--per-pair", min=1, help="Injection sites per article pair.")
    ] = 3,
    details: Annotated[
        bool,
        typer.Option(
            "--details",
            help="Also list every missed injection, every false alarm and the unedited pairs' "
            "own findings.",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Inject known contradictions (and harmless edits) into real article pairs; score them."""
    from newsprism.eval.contradictions import evaluate_contradictions

    if ecbplus is None and semeval is None:
        raise UsageError("give --ecbplus FILE and/or --semeval FILE.")
    for path in (ecbplus, semeval):
        if path is not None and not path.exists():
            raise UsageError(f"no such file: {path}")
    with _progress(as_json) as progress:
        task = progress.add_task("pairs", total=None)
        result = evaluate_contradictions(
            ecbplus=ecbplus,
            semeval=semeval,
            seed=seed,
            pairs=pairs,
            per_pair=per_pair,
            details=details,
            progress=lambda what: progress.update(task, advance=1, description=escape(what)),
        )
    if as_json:
        emit_json(result)
        return
    _print_scores(result)
    for key, heading in (
        ("misses", "missed injections"),
        ("false_alarms", "false alarms (new findings, at the edit or elsewhere)"),
        ("baseline_findings", "findings on the unedited pairs"),
    ):
        if result.get(key):
            _print_injections(result[key], heading)


def _print_injections(rows: list[dict[str, Any]], heading: str) -> None:
    """The benchmark's misses or false alarms: what was injected, what was flagged, where."""
    table = Table("pair", "injected", "mode", "flagged", "edited span", title=heading)
    for row in rows:
        table.add_row(
            escape(row["pair"]),
            escape(row["kind"]),
            escape(row["mode"]),
            escape(", ".join(row["flagged"]) or "-"),
            escape(row["b"][:120]),
        )
    out.print(table)


@eval_app.command(
    "ecbplus",
    epilog="Example: newsprism eval ecbplus ../shared/data/ecbplus/dev.jsonl --json "
    "--predictions stories.jsonl",
)
@handle_errors
def eval_ecbplus_cmd(
    path: Annotated[Path, typer.Argument(help="ECB+ JSONL file (doc_id, topic, event, text).")],
    predictions: Annotated[
        Path | None,
        typer.Option("--predictions", help="Write one JSON line per document: doc_id, story."),
    ] = None,
    robustness: Annotated[
        bool, typer.Option("--robustness", help="Also tune on half the topics, test on the rest.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Story clustering on ECB+ (file order, no labels): B³ F1, pairwise F1, ARI, baselines."""
    from newsprism.eval.ecbplus import evaluate_ecbplus, prediction_lines

    with _spinner(as_json, "clustering and scoring"):
        result = evaluate_ecbplus(path, robustness=robustness)
    _eval_output(result, as_json=as_json, predictions=predictions, lines=prediction_lines(result))


@eval_app.command(
    "coref",
    epilog="Example: newsprism eval coref ../shared/data/ecbplus/dev.jsonl "
    "--mentions ../shared/data/ecbplus/mentions-dev.jsonl --predictions clusters.jsonl --json",
)
@handle_errors
def eval_coref_cmd(
    docs: Annotated[Path, typer.Argument(help="Documents (JSONL: doc_id, topic, text).")],
    mentions: Annotated[
        Path,
        typer.Option(
            "--mentions", help="Mentions (JSONL: doc_id, start, end, kind; chain to score)."
        ),
    ],
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            help="Write one JSON line per mention: doc_id, start, end, kind, cluster.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Cross-document entity and event coreference: MUC, B³, CEAF-e and CoNLL F1 per topic and
    overall, beside the same-head-lemma baseline (scores only when the mentions carry chains)."""
    from newsprism.eval.coref import evaluate_coref, prediction_lines

    with _spinner(as_json, "parsing, embedding and clustering the mentions"):
        result = evaluate_coref(docs, mentions)
    lines = prediction_lines(result)
    if predictions is not None:
        predictions.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    shown = {k: v for k, v in result.items() if k != "predictions"}
    if as_json:
        emit_json(shown)
    else:
        _print_coref(shown)


def _print_coref(result: dict[str, Any]) -> None:
    """One row per kind and topic: CoNLL F1 (MUC / B³ / CEAF-e) of the system and baselines."""
    out.print(
        f"{result['mentions']} mentions in {result['documents']} documents, "
        f"{result['topics']} topics"
    )
    if not result.get("scored"):
        out.print("no gold chains in the mentions: predictions only, no scores")
        return
    scores = result["scores"]
    names = list(scores)
    table = Table("kind", "topic", "n", *[f"{n} CoNLL (MUC/B³/CEAF-e)" for n in names])
    for kind in ("entity", "event"):
        rows = {"overall": scores[names[0]][kind]["overall"], **scores[names[0]][kind]["topics"]}
        for topic in rows:
            cells = []
            for name in names:
                part = scores[name][kind]
                s = part["overall"] if topic == "overall" else part["topics"][topic]
                cells.append(
                    f"{s['conll']['f1']:.3f} ({s['muc']['f1']:.2f}/{s['b3']['f1']:.2f}/"
                    f"{s['ceafe']['f1']:.2f})"
                )
            table.add_row(kind, escape(str(topic)), str(rows[topic]["mentions"]), *cells)
    out.print(table)


@eval_app.command(
    "semeval",
    epilog="Example: newsprism eval semeval ../shared/data/semeval2022-task8/dev.jsonl --json "
    "--predictions preds.jsonl",
)
@handle_errors
def eval_semeval_cmd(
    path: Annotated[Path, typer.Argument(help="SemEval-2022 Task 8 pairs (JSONL).")],
    predictions: Annotated[
        Path | None,
        typer.Option("--predictions", help="Write one JSON line per pair: pair_id + 7 scores."),
    ] = None,
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds.")] = 5,
    shipped: Annotated[
        bool,
        typer.Option("--shipped", help="Score with the shipped weights instead of k-fold CV."),
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option("--cache", help="Keep embeddings in this .npz file between runs."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Pearson and Spearman per dimension and language pair, beside the MiniLM-cosine baseline."""
    from newsprism.eval.semeval import NpzEmbeddingCache, evaluate_semeval, prediction_rows
    from newsprism.similarity import load_model

    if not path.exists():
        raise UsageError(f"no such file: {path}")
    store = NpzEmbeddingCache(cache) if cache else None
    with _spinner(as_json, "embedding and scoring (e5 is slow on a CPU: minutes)"):
        result = evaluate_semeval(
            path, folds=folds, cache=store, model=load_model() if shipped else None
        )
    if store is not None:
        store.save()
    lines = [json.dumps(r, ensure_ascii=False) for r in prediction_rows(result)]
    _eval_output(result, as_json=as_json, predictions=predictions, lines=lines)


@eval_app.command(
    "disagreements",
    epilog="Example: newsprism eval disagreements tests/gold/disagreements/gold.jsonl "
    "--docs ../shared/data/ecbplus/dev.jsonl --docs ../shared/data/semeval2022-task8/dev.jsonl "
    "--split test",
)
@handle_errors
def eval_disagreements_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold disagreements (JSONL, ANNOTATING.md format).")],
    events: Annotated[
        Path | None,
        typer.Option("--events", help="Manifest of events (default: events.jsonl beside GOLD)."),
    ] = None,
    docs: Annotated[
        list[Path] | None,
        typer.Option("--docs", help="ECB+ or SemEval JSONL, or a folder of reports (repeatable)."),
    ] = None,
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="A split of the events file (tune, test ...), several joined by commas, or all.",
        ),
    ] = "all",
    as_json: JsonOpt = False,
) -> None:
    """Compare every gold event's reports; precision over all high-confidence contradictions,
    recall of the gold disagreements, findings per story, a calibration table."""
    from newsprism.eval.disagreements import (
        evaluate_disagreements,
        load_documents,
        load_events,
        load_gold,
    )

    if not split.replace("-", "").replace(",", "").isalnum():
        raise UsageError(f"--split names a split of the events file (tune, test ...) or all, "
                         f"not {split!r}")  # fmt: skip
    manifest = events or gold.with_name("events.jsonl")
    items, evs = load_gold(gold), load_events(manifest)
    documents = load_documents(docs or [gold.parent])
    with _progress(as_json) as progress:
        task = progress.add_task("events", total=None)
        result = evaluate_disagreements(
            items, evs, documents, split=split,
            progress=lambda what: progress.update(task, advance=1, description=escape(what)),
        )  # fmt: skip
    if as_json:
        emit_json(result)
        return
    _print_disagreements(result)


def _print_disagreements(result: dict[str, Any]) -> None:
    head = {k: v for k, v in result.items() if not isinstance(v, list | dict)}
    _print_scores(head)
    table = Table("confidence", "findings", "correct", "precision", title="calibration")
    for row in result["calibration"]:
        table.add_row(row["band"], str(row["findings"]), str(row["correct"]),
                      f"{row['precision']:.3f}")  # fmt: skip
    out.print(table)
    types = Table("type", "shown (high)", "correct", "gold", title="by type")
    for t, row in result["types"].items():
        types.add_row(t, str(row["shown"]), str(row["correct"]), str(row["gold"]))
    out.print(types)
    unmatched = Table(
        "event", "type", "conf", "finding", title="unmatched high-confidence findings"
    )
    for f in result["unmatched"]:
        unmatched.add_row(escape(f["event"]), f["type"], f"{f['confidence']:.2f}",
                          escape(f["summary"][:140]))  # fmt: skip
    out.print(unmatched)
    missed = Table("event", "type", "sides", title="missed gold disagreements")
    for g in result["missed"]:
        missed.add_row(escape(g["event"]), g["type"],
                       escape(" | ".join(s["span"] for s in g["sides"])[:160]))  # fmt: skip
    out.print(missed)


def _eval_output(
    result: dict[str, Any], *, as_json: bool, predictions: Path | None, lines: list[str]
) -> None:
    """Write the per-item predictions (JSON lines) if asked; show the figures without them."""
    if predictions is not None:
        predictions.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    shown = {k: v for k, v in result.items() if k != "predictions"}
    if as_json:
        emit_json(shown)
    else:
        _print_scores(shown)
