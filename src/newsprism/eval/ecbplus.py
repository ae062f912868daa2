"""ECB+ story clustering benchmark: the online clusterer beside two offline baselines.

Each ECB+ topic holds two look-alike real-world events (two earthquakes, two coach firings);
``event`` is the gold story. The online clusterer reads the documents in file order (the topics
interleave, as in a stream) with no labels and its default settings. The baselines see the
whole file and get their distance threshold tuned on it (the best they can do), so they are an
upper-bound-flavoured comparison, not a strawman.

A robustness check tunes the online threshold on half of the topics and scores it on the other
half (both ways), to show how much a tuned threshold would over-fit compared with the default.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.cluster.baselines import average_linkage, tfidf_matrix
from newsprism.cluster.features import ClusterFeatures, cluster_features
from newsprism.cluster.metrics import bcubed, scores
from newsprism.cluster.online import OnlineClusterer
from newsprism.cluster.settings import ClusterSettings
from newsprism.embed import Embedder, embed_articles, get_embedder
from newsprism.errors import InputNotFound, MalformedInput
from newsprism.models import Article, InputKind, Meta, Provenance, article_id, content_hash
from newsprism.text import split_sentences

#: Cosine-distance thresholds tried for the baselines, and score thresholds for the online check.
BASELINE_GRID = tuple(round(x, 2) for x in np.arange(0.05, 1.0, 0.01))
ONLINE_GRID = tuple(round(x, 3) for x in np.arange(0.15, 0.451, 0.025))


@dataclass(frozen=True)
class EcbDocument:
    doc_id: str
    topic: str
    event: str
    text: str


def read_ecbplus(path: str | Path) -> list[EcbDocument]:
    """Rows of an ECB+ JSONL file (fields doc_id, topic, event, text)."""
    path = Path(path)
    if not path.is_file():
        raise InputNotFound(f"no ECB+ file at {path}")
    docs: list[EcbDocument] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                docs.append(
                    EcbDocument(
                        str(row["doc_id"]), str(row["topic"]), str(row["event"]), str(row["text"])
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise MalformedInput(
                    f"line {number} is not an ECB+ row with doc_id, topic, event and text ({exc})",
                    location=f"{path}:{number}",
                ) from exc
    if not docs:
        raise MalformedInput(f"{path} holds no ECB+ rows", location=str(path))
    return docs


def as_article(doc: EcbDocument) -> Article:
    """An Article as ingest would make it: ECB+ has no titles, so the first sentence is one."""
    spans = split_sentences(doc.text)
    if len(spans) > 1:
        title, body = doc.text[spans[0][0] : spans[0][1]], doc.text[spans[1][0] :]
    else:
        title, body = "", doc.text
    chash = content_hash(title, body)
    identity = f"ecbplus:{doc.doc_id}"
    return Article(
        id=article_id(identity, chash),
        title=title,
        body=body,
        metadata={"doc_id": Meta(doc.doc_id, Provenance.DATASET)},
        location=doc.doc_id,
        kind=InputKind.DATASET_ROW,
        identity=identity,
        content_hash=chash,
    )


def run_online(
    ids: Sequence[str],
    vectors: np.ndarray,
    features: Sequence[ClusterFeatures],
    *,
    settings: ClusterSettings | None = None,
) -> tuple[list[str], OnlineClusterer]:
    """Feed the documents in order; the story id of each once all are placed (an automatic
    split may move an article after it was placed)."""
    clusterer = OnlineClusterer(settings=settings, dim=vectors.shape[1])
    for doc_id, vector, feature in zip(ids, vectors, features, strict=True):
        clusterer.add(doc_id, vector, feature)
    final = clusterer.assignments()
    return [final[i] for i in ids], clusterer


def _tuned_baseline(vectors: np.ndarray, gold: Sequence[str]) -> dict[str, Any]:
    dendrogram = average_linkage(vectors)
    best = max(BASELINE_GRID, key=lambda t: bcubed(dendrogram.cut(t), gold)["f1"])
    result = scores(dendrogram.cut(best), gold)
    result["threshold"] = best
    return result


def _robustness(
    docs: Sequence[EcbDocument],
    vectors: np.ndarray,
    features: Sequence[ClusterFeatures],
    settings: ClusterSettings,
) -> list[dict[str, Any]]:
    topics = sorted({d.topic for d in docs}, key=lambda t: (len(t), t))
    halves = {"even": set(topics[0::2]), "odd": set(topics[1::2])}

    def f1_on(half: set[str], threshold: float) -> float:
        rows = [i for i, d in enumerate(docs) if d.topic in half]
        predicted, _ = run_online(
            [docs[i].doc_id for i in rows],
            vectors[rows],
            [features[i] for i in rows],
            settings=replace(settings, threshold=threshold),
        )
        return bcubed(predicted, [docs[i].event for i in rows])["f1"]

    out = []
    for tune, test in (("even", "odd"), ("odd", "even")):
        tuned = max(ONLINE_GRID, key=lambda t: f1_on(halves[tune], t))
        out.append(
            {
                "tuned_on": f"{tune} topics",
                "tested_on": f"{test} topics",
                "tuned_threshold": tuned,
                "f1_tuned_threshold": f1_on(halves[test], tuned),
                "f1_default": f1_on(halves[test], settings.threshold),
            }
        )
    return out


def evaluate_ecbplus(
    path: str | Path,
    *,
    embedder: Embedder | None = None,
    reference: Embedder | None = None,
    settings: ClusterSettings | None = None,
    baselines: bool = True,
    robustness: bool = False,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, Any]:
    """Event-level B³, pairwise F1 and ARI of the online clusterer and the tuned baselines.

    The articles are placed by ``embedder``'s vectors (default: the static placing model, with
    its settings); with ``baselines``, the same clusterer placing them by ``reference``'s
    vectors (default: MiniLM, the placing vector before the static model) is scored beside it,
    in the same run, as ``baselines["minilm_online"]``, with each model's embedding seconds.
    ``predictions`` maps each doc_id to its predicted story id (for ``--predictions``).
    """
    docs = read_ecbplus(path)
    embedder = embedder or get_embedder("placing")
    settings = settings or ClusterSettings.for_model(embedder.model_id)
    articles = [as_article(d) for d in docs]
    gold = [d.event for d in docs]
    embedder.encode(["warm up"])  # load time is not encoding time
    start = clock()
    vectors = embed_articles(articles, embedder)
    embed_seconds = clock() - start
    start = clock()
    features = [cluster_features(a.body, title=a.title) for a in articles]
    feature_seconds = clock() - start
    start = clock()
    ids = [d.doc_id for d in docs]
    predicted, clusterer = run_online(ids, vectors, features, settings=settings)
    cluster_seconds = clock() - start
    online = scores(predicted, gold)
    online.update(
        model=embedder.model_id,
        settings=settings.to_dict(),
        duplicates=sum(len(s.duplicates) for s in clusterer.stories()),
        seconds={"embed": embed_seconds, "features": feature_seconds, "cluster": cluster_seconds},
    )
    result: dict[str, Any] = {
        "file": str(path),
        "documents": len(docs),
        "topics": len({d.topic for d in docs}),
        "events": len(set(gold)),
        "online": online,
    }
    if baselines:
        reference = reference or get_embedder("minilm")
        ref_vectors, ref_online = vectors, online
        if reference.model_id != embedder.model_id:
            reference.encode(["warm up"])
            start = clock()
            ref_vectors = embed_articles(articles, reference)
            ref_seconds = clock() - start
            ref_settings = ClusterSettings.for_model(reference.model_id)
            ref_predicted = run_online(ids, ref_vectors, features, settings=ref_settings)[0]
            ref_online = scores(ref_predicted, gold)
            ref_online.update(model=reference.model_id, seconds={"embed": ref_seconds})
        result["baselines"] = {
            "tfidf_agglomerative": _tuned_baseline(tfidf_matrix([d.text for d in docs]), gold),
            "minilm_agglomerative": _tuned_baseline(ref_vectors, gold),
            "minilm_online": ref_online,
        }
    if robustness:
        result["robustness"] = _robustness(docs, vectors, features, settings)
    result["predictions"] = dict(zip([d.doc_id for d in docs], predicted, strict=True))
    return result


def prediction_lines(result: dict[str, Any]) -> list[str]:
    """JSON lines for ``--predictions``: one ``{"doc_id": ..., "story": ...}`` per document."""
    return [
        json.dumps({"doc_id": doc_id, "story": story}, ensure_ascii=False)
        for doc_id, story in result["predictions"].items()
    ]
