"""ECB+ cross-document coreference: the project's clusters beside the same-head-lemma baseline.

Documents are read per topic, as a story would be; a topic's documents are first labelled with
document groups (its happenings) by their vectors, which the pair scorers read as a feature,
then every gold mention gets a cluster from newsprism.coref. Gold chains (and the documents'
``event`` field) are read only for scoring, and may be absent: then the predictions are made
all the same and no score is given.

Scores (MUC, B³, CEAF-e, CoNLL F1) are over all mentions of a kind at once ("overall") and per
topic. Two baselines from the same run, on the same head words:
- ``lemma``: mentions of one topic with the same head lemma corefer (the standard ECB+
  baseline; the topic is given, as for the system);
- ``lemma_groups``: the same within the system's own document groups (a stronger baseline).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.coref.mentions import KINDS, MentionSpan
from newsprism.coref.metrics import conll
from newsprism.coref.model import PairModel, shipped
from newsprism.coref.run import Prepared, cluster, prepare, stable_labels
from newsprism.embed import Embedder, get_embedder
from newsprism.errors import InputNotFound, MalformedInput

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class CorefDoc:
    doc_id: str
    topic: str
    text: str


@dataclass(frozen=True)
class GoldMention:
    doc_id: str
    start: int
    end: int
    kind: str
    #: gold chain, or None when the file has none (a held-out run)
    chain: str | None


@dataclass(frozen=True)
class TopicRun:
    """One topic read and prepared: its mentions (in file order) and the prepared set."""

    topic: str
    mentions: tuple[int, ...]
    prepared: Prepared


def _rows(path: Path, what: str) -> list[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise InputNotFound(f"no {what} file at {path}")
    out = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    out.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise MalformedInput(
                        f"line {number} of {path} is not JSON ({exc})", location=f"{path}:{number}"
                    ) from exc
    return out


def read_docs(path: str | Path) -> list[CorefDoc]:
    """Documents in the ``ecbplus`` format (doc_id, topic, text; ``event`` is not needed)."""
    path = Path(path)
    try:
        return [
            CorefDoc(str(r["doc_id"]), str(r["topic"]), str(r["text"]))
            for _, r in _rows(path, "documents")
        ]
    except (KeyError, TypeError) as exc:
        raise MalformedInput(
            f"{path}: every document needs doc_id, topic and text ({exc})", location=str(path)
        ) from exc


def read_mentions(path: str | Path, docs: Sequence[CorefDoc]) -> list[GoldMention]:
    """Mentions (doc_id, start, end, kind; ``chain`` when scoring), checked against the docs."""
    path = Path(path)
    lengths = {d.doc_id: len(d.text) for d in docs}
    out = []
    for number, r in _rows(path, "mentions"):
        where = f"{path}:{number}"
        try:
            m = GoldMention(
                str(r["doc_id"]), int(r["start"]), int(r["end"]), str(r["kind"]), r.get("chain")
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedInput(
                f"line {number}: a mention needs doc_id, start, end and kind ({exc})",
                location=where,
            ) from exc
        if m.doc_id not in lengths or not 0 <= m.start < m.end <= lengths[m.doc_id]:
            raise MalformedInput(
                f"line {number}: no span {m.start}-{m.end} in a document {m.doc_id!r}",
                location=where,
            )
        if m.kind not in KINDS:
            raise MalformedInput(f"line {number}: kind must be entity or event", location=where)
        out.append(m)
    return out


def prepare_topics(
    docs: Sequence[CorefDoc],
    mentions: Sequence[GoldMention],
    *,
    nlp: Language | None = None,
    embedder: Embedder | None = None,
) -> list[TopicRun]:
    """Parse, describe and embed every topic's mentions (the expensive part, done once)."""
    from newsprism.extract import get_nlp

    nlp = nlp or get_nlp()
    embedder = embedder or get_embedder()
    parsed = dict(zip([d.doc_id for d in docs], nlp.pipe([d.text for d in docs]), strict=True))
    by_topic: dict[str, list[int]] = defaultdict(list)
    topic_of = {d.doc_id: d.topic for d in docs}
    for i, m in enumerate(mentions):
        by_topic[topic_of[m.doc_id]].append(i)
    runs = []
    for topic in sorted(by_topic, key=_topic_order):
        # every document of the topic helps to split it into happenings, not only the mentioned
        ids = sorted({d.doc_id for d in docs if d.topic == topic})
        at = {d: n for n, d in enumerate(ids)}
        spans = [
            MentionSpan(
                at[mentions[i].doc_id], mentions[i].start, mentions[i].end, mentions[i].kind
            )
            for i in by_topic[topic]
        ]
        prepared = prepare([parsed[d] for d in ids], ids, spans, embedder=embedder)
        runs.append(TopicRun(topic, tuple(by_topic[topic]), prepared))
    return runs


def _topic_order(topic: str) -> tuple[int, str]:
    return (int(topic), topic) if topic.isdigit() else (1 << 30, topic)


def predict(runs: Sequence[TopicRun], models: dict[str, PairModel], n: int) -> list[str]:
    """A cluster label per mention (file order)."""
    out = [""] * n
    for run in runs:
        entity, event = cluster(run.prepared, models)
        labels = stable_labels(run.prepared, entity, event)
        for pos, i in enumerate(run.mentions):
            out[i] = f"{run.topic}/{labels[run.prepared.order[pos]]}"
    return out


def lemma_baseline(runs: Sequence[TopicRun], n: int, *, groups: bool) -> list[str]:
    """Same head lemma (and kind) within a topic, or within one of its document groups."""
    out = [""] * n
    for run in runs:
        p = run.prepared
        for pos, i in enumerate(run.mentions):
            m = p.infos[p.order[pos]]
            group = p.groups[m.doc] if groups else 0
            out[i] = f"{run.topic}/{group}/{m.kind}/{m.lemma}"
    return out


def score(
    mentions: Sequence[GoldMention],
    predicted: Sequence[str],
    topics: Sequence[str],
    *,
    kinds: Sequence[str] = KINDS,
) -> dict[str, Any]:
    """{kind: {"overall": metrics, "topics": {topic: metrics}}} against the gold chains."""
    out: dict[str, Any] = {}
    for kind in kinds:
        rows = [i for i, m in enumerate(mentions) if m.kind == kind]
        by_topic: dict[str, list[int]] = defaultdict(list)
        for i in rows:
            by_topic[topics[i]].append(i)
        out[kind] = {
            "mentions": len(rows),
            "overall": _metrics(mentions, predicted, rows),
            "topics": {
                t: _metrics(mentions, predicted, ix)
                for t, ix in sorted(by_topic.items(), key=lambda kv: _topic_order(kv[0]))
            },
        }
    return out


def _metrics(
    mentions: Sequence[GoldMention], predicted: Sequence[str], rows: list[int]
) -> dict[str, Any]:
    key = {i: f"{mentions[i].kind}/{mentions[i].chain}" for i in rows}
    response = {i: predicted[i] for i in rows}
    result: dict[str, Any] = conll(key, response)
    result["mentions"] = len(rows)
    return result


def evaluate_coref(
    docs_path: str | Path,
    mentions_path: str | Path,
    *,
    models: dict[str, PairModel] | None = None,
    embedder: Embedder | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, Any]:
    """Predict a cluster for every mention and, when the gold chains are there, score it beside
    the baselines. ``predictions`` holds one row per mention, in the mentions file's order."""
    docs = read_docs(docs_path)
    mentions = read_mentions(mentions_path, docs)
    start = clock()
    runs = prepare_topics(docs, mentions, embedder=embedder)
    prepare_seconds = clock() - start
    start = clock()
    predicted = predict(runs, models or shipped(), len(mentions))
    cluster_seconds = clock() - start
    topic_of = {d.doc_id: d.topic for d in docs}
    topics = [topic_of[m.doc_id] for m in mentions]
    result: dict[str, Any] = {
        "documents": len(docs),
        "mentions": len(mentions),
        "topics": len(set(topics)),
        "seconds": {"prepare": prepare_seconds, "cluster": cluster_seconds},
        "scored": all(m.chain is not None for m in mentions) and bool(mentions),
    }
    if result["scored"]:
        result["scores"] = {
            "system": score(mentions, predicted, topics),
            "lemma": score(mentions, lemma_baseline(runs, len(mentions), groups=False), topics),
            "lemma_groups": score(
                mentions, lemma_baseline(runs, len(mentions), groups=True), topics
            ),
        }
    result["predictions"] = [
        {"doc_id": m.doc_id, "start": m.start, "end": m.end, "kind": m.kind, "cluster": c}
        for m, c in zip(mentions, predicted, strict=True)
    ]
    return result


def prediction_lines(result: dict[str, Any]) -> list[str]:
    """JSON lines for ``--predictions``: ``{"doc_id", "start", "end", "kind", "cluster"}``."""
    return [json.dumps(row, ensure_ascii=False) for row in result["predictions"]]
