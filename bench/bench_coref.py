"""Throughput of cross-document coreference beside bare spaCy, on the ECB+ dev documents.

    python bench/bench_coref.py [--topics N] [--data DIR]

In one run, on the same texts: spaCy's ``nlp.pipe`` (the parse coreference needs, and the floor
it is compared with), then the coreference stages on the gold mentions: reading them (heads,
vectors of names and sentences, document groups), entity clustering, event clustering. Each is
reported as mentions per second and as a ratio to the spaCy time (no timed assertions: the
machine is shared). Prints a table; writes JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus"
RESULTS = ROOT / "bench" / "results"


def run(data: Path, topics: int | None) -> dict[str, object]:
    from newsprism.coref.engine import cluster_entities, cluster_events
    from newsprism.coref.lexicon import load
    from newsprism.coref.mentions import ENTITY, EVENT, MentionSpan
    from newsprism.coref.model import shipped
    from newsprism.coref.run import _participants, prepare
    from newsprism.embed import get_embedder
    from newsprism.eval.coref import read_docs, read_mentions
    from newsprism.extract import get_nlp

    docs = read_docs(data / "dev.jsonl")
    mentions = read_mentions(data / "mentions-dev.jsonl", docs)
    keep = sorted({d.topic for d in docs}, key=lambda t: (len(t), t))[:topics]
    docs = [d for d in docs if d.topic in keep]
    mentions = [m for m in mentions if any(m.doc_id == d.doc_id for d in docs)]
    nlp, embedder, models, lex = get_nlp(), get_embedder(), shipped(), load()
    list(nlp.pipe([d.text for d in docs[:5]]))
    embedder.encode(["warm up"])
    t0 = time.perf_counter()
    parsed = dict(zip([d.doc_id for d in docs], nlp.pipe([d.text for d in docs]), strict=True))
    spacy_s = time.perf_counter() - t0
    by_topic: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        by_topic[d.topic].append(d.doc_id)
    seconds = {"read": 0.0, "entities": 0.0, "events": 0.0}
    for ids in by_topic.values():
        ids = sorted(ids)
        at = {d: i for i, d in enumerate(ids)}
        spans = [
            MentionSpan(at[m.doc_id], m.start, m.end, m.kind) for m in mentions if m.doc_id in at
        ]
        t0 = time.perf_counter()
        p = prepare([parsed[d] for d in ids], ids, spans, embedder=embedder)
        t1 = time.perf_counter()
        ent = cluster_entities(p.infos, p.groups, p.vectors, models[ENTITY], lex, p.links)
        t2 = time.perf_counter()
        cluster_events(p.infos, p.groups, p.vectors, models[EVENT], _participants(p, ent), lex)
        t3 = time.perf_counter()
        seconds["read"] += t1 - t0
        seconds["entities"] += t2 - t1
        seconds["events"] += t3 - t2
    n = len(mentions)
    kinds = {"read": n, "entities": sum(m.kind == ENTITY for m in mentions)}
    kinds["events"] = sum(m.kind == EVENT for m in mentions)
    rows = {"spacy nlp.pipe": {"seconds": spacy_s, "mentions_per_s": n / spacy_s, "x_spacy": 1.0}}
    for stage, s in seconds.items():
        rows[stage] = {"seconds": s, "mentions_per_s": kinds[stage] / s, "x_spacy": s / spacy_s}
    return {
        "documents": len(docs),
        "mentions": n,
        "topics": len(by_topic),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "stages": rows,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topics", type=int, default=None, help="only the first N topics")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    result = run(args.data, args.topics)
    print(f"{result['mentions']} mentions, {result['documents']} documents")
    print(f"{'stage':<16}{'seconds':>10}{'mentions/s':>12}{'x spaCy':>10}")
    for stage, r in result["stages"].items():  # type: ignore[attr-defined]
        print(f"{stage:<16}{r['seconds']:>10.2f}{r['mentions_per_s']:>12.0f}{r['x_spacy']:>10.2f}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "coref.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
