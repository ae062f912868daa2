"""Throughput and peak memory of the clustering step alone, at 1k, 10k and 100k articles.

    python bench/bench_cluster.py [--sizes 1000 10000 100000] [--data PATH]

Articles are variations of the ECB+ dev documents, already embedded (MiniLM, cached under
bench/results/) with their cluster features computed: copy ``g`` of document ``d`` gets a vector
moved towards a direction of its own for (g, d's event) plus noise, its terms re-hashed per copy
and a fresh MinHash signature, so every copy round brings new stories (as a real stream does)
rather than growing the same 54 without end. Each size runs in its own child process so its
peak RSS is its own. The table shows articles/s overall and in the first and last tenth of the
stream (wall clock; the JSON also has CPU time per tenth, steadier on a shared machine): flat
cost per article means they stay close. Writes JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"
RESULTS = ROOT / "bench" / "results"
VECTORS = RESULTS / "ecbplus_dev_vectors.npz"


def _load(data: Path) -> tuple[list[dict[str, str]], np.ndarray, list]:
    from newsprism.cluster import cluster_features
    from newsprism.eval.ecbplus import as_article, read_ecbplus

    docs = read_ecbplus(data)
    articles = [as_article(d) for d in docs]
    if VECTORS.exists():
        vectors = np.load(VECTORS)["vectors"]
    else:
        from newsprism.embed import embed_articles, get_embedder

        vectors = embed_articles(articles, get_embedder("minilm"))
        RESULTS.mkdir(parents=True, exist_ok=True)
        np.savez(VECTORS, vectors=vectors)
    features = [cluster_features(a.body, title=a.title) for a in articles]
    rows = [{"doc_id": d.doc_id, "event": d.event} for d in docs]
    return rows, vectors, features


def _variant(features, copy: int, rng: np.random.Generator):
    """The same signals under new names: term ids re-hashed per copy, a fresh signature."""
    from dataclasses import replace

    from newsprism.cluster.features import TERM_SPACE
    from newsprism.cluster.minhash import PERMUTATIONS

    if copy == 0:
        return features
    ids = (features.term_ids * 1_000_003 + copy * 7_919) % TERM_SPACE
    order = np.argsort(ids)
    _, first = np.unique(ids[order], return_index=True)
    keep = order[first]
    lead = np.unique((features.lead_ids.astype(np.int64) * 1_000_003 + copy * 7_919) % TERM_SPACE)
    return replace(
        features,
        term_ids=ids[keep],
        term_counts=features.term_counts[keep],
        signature=rng.integers(0, 2**32 - 1, PERMUTATIONS, dtype=np.uint32),
        lead_ids=lead.astype(np.int32),
    )


def run_one(size: int, data: Path) -> dict[str, float]:
    from newsprism.cluster import OnlineClusterer

    rows, vectors, features = _load(data)
    rng = np.random.default_rng(size)
    n, dim = vectors.shape
    events = sorted({r["event"] for r in rows})
    event_of = np.array([events.index(r["event"]) for r in rows])
    offsets: dict[tuple[int, int], np.ndarray] = {}

    def make(i: int) -> tuple[str, np.ndarray, object]:
        copy, d = divmod(i, n)
        v = vectors[d].astype(np.float32)
        if copy:
            key = (copy, int(event_of[d]))
            if key not in offsets:
                o = rng.normal(size=dim).astype(np.float32)
                offsets[key] = o / np.linalg.norm(o)
            noise = rng.normal(size=dim).astype(np.float32)
            v = v + 0.8 * offsets[key] + 0.15 * noise / np.linalg.norm(noise)
            v /= np.linalg.norm(v)
        return f"{rows[d]['doc_id']}#{copy}", v, _variant(features[d], copy, rng)

    clusterer = OnlineClusterer(dim=dim)
    tenth = max(1, size // 10)
    spent = []  # seconds per tenth: the stream is made chunk by chunk, outside the timing
    cpu = []  # CPU seconds per tenth: steadier than wall time when other work shares the cores
    for chunk in range(0, size, tenth):
        batch = [make(i) for i in range(chunk, min(size, chunk + tenth))]
        start, start_cpu = time.perf_counter(), time.process_time()
        for article_id, vector, feats in batch:
            clusterer.add(article_id, vector, feats)
        spent.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    total = sum(spent)
    first, last = tenth / spent[0], tenth / spent[-1]
    return {
        "articles": size,
        "seconds": total,
        "articles_per_s": size / total,
        "first_tenth_per_s": first,
        "last_tenth_per_s": last,
        "ms_per_article": 1000 * total / size,
        "per_tenth_per_s": [round(tenth / t) for t in spent],
        "cpu_articles_per_s": size / sum(cpu),
        "cpu_per_tenth_per_s": [round(tenth / t) for t in cpu],
        "stories": len(clusterer.stories()),
        "approximate_index": clusterer._index.approximate,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.data)))
        return
    if not args.data.exists():
        sys.exit(f"{args.data} is absent: pass --data with an ECB+ JSONL file")
    _load(args.data)  # embed once (cached) before the timed children start
    results = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--data", str(args.data)],
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    header = f"{'articles':>9} {'art/s':>8} {'cpu art/s':>9} {'first10%':>9} {'last10%':>8}"
    header += f" {'ms/art':>7}"
    print(header + f" {'stories':>8} {'index':>6} {'peak MB':>8}")
    for r in results:
        print(
            f"{r['articles']:>9} {r['articles_per_s']:>8.0f} {r['cpu_articles_per_s']:>9.0f} "
            f"{r['first_tenth_per_s']:>9.0f} "
            f"{r['last_tenth_per_s']:>8.0f} {r['ms_per_article']:>7.2f} {r['stories']:>8} "
            f"{'hnsw' if r['approximate_index'] else 'exact':>6} {r['peak_rss_mb']:>8.0f}"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    report = {"machine": platform.platform(), "cpus": _cpus(), "results": results}
    (RESULTS / f"cluster-{stamp}.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


if __name__ == "__main__":
    main()
