"""Distributed ingest throughput on 1 and 2 local Dask workers, and each worker's memory.

    python bench/bench_scale.py [--articles 2000] [--data PATH] [--no-single]

The corpus is the ECB+ dev documents repeated with a numbered closing sentence (each copy a new
article with its own id), written to a temporary JSONL file. Each run reads, cleans and embeds
(MiniLM) on the workers and stores into a fresh SQLite file in this process; the cluster is
started before the clock starts, so articles/s is the steady pipeline. Worker memory is the
resident set of each worker process after its run (model + tokenizer + Python + Dask).
A single-process ``api.ingest`` run of the same file is measured beside them.
Writes JSON to bench/results/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"
RESULTS = ROOT / "bench" / "results"


def make_corpus(data: Path, n: int, out: Path) -> Path:
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line]
    path = out / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            row = rows[i % len(rows)]
            copy = i // len(rows)
            text = row["text"] if not copy else f"{row['text']} (Copy {copy}.)"
            f.write(json.dumps({"doc_id": f"{row['doc_id']}#{copy}", "text": text}) + "\n")
    return path


def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def run_workers(corpus: Path, workers: int, tmp: Path, n: int) -> dict[str, Any]:
    from newsprism.ingest import ReadOptions
    from newsprism.scale.cluster_client import connect
    from newsprism.scale.ingest import ingest_distributed
    from newsprism.store import Store

    with connect(workers=workers) as client:
        client.wait_for_workers(workers, timeout=120)
        store = Store(tmp / f"w{workers}.db")
        start = time.perf_counter()
        report = ingest_distributed(
            [corpus],
            store,
            client=client,
            options=ReadOptions(id_field="doc_id", text_field="text"),
        )
        seconds = time.perf_counter() - start
        memory = client.run(_rss)
    assert report.ok and len(report.added) == n and report.embedded == n, report.to_dict()
    return {
        "workers": workers,
        "articles": n,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 2),
        "worker_seconds": {k: round(v, 2) for k, v in report.seconds.items()},
        "worker_rss_mb": sorted(round(v / 2**20) for v in memory.values()),
    }


def run_single(corpus: Path, tmp: Path, n: int) -> dict[str, Any]:
    from newsprism.api import ingest
    from newsprism.ingest import ReadOptions
    from newsprism.store import Store

    store = Store(tmp / "single.db")
    start = time.perf_counter()
    report = ingest(corpus, store, options=ReadOptions(id_field="doc_id", text_field="text"))
    seconds = time.perf_counter() - start
    assert len(report.added) == n
    return {
        "articles": n,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 2),
        "rss_mb": round(_rss() / 2**20),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-single", action="store_true")
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"{args.data} is absent: pass --data with an ECB+ JSONL file")
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = make_corpus(args.data, args.articles, tmp)
        runs = [run_workers(corpus, w, tmp, args.articles) for w in args.workers]
        single = None if args.no_single else run_single(corpus, tmp, args.articles)
    by = {r["workers"]: r["articles_per_s"] for r in runs}
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        # other jobs on the machine change every figure here: keep the load beside them
        "load_average_1m": {"start": round(load_before, 2), "end": round(os.getloadavg()[0], 2)},
        "corpus": f"{args.articles} variations of {args.data.name}",
        "runs": runs,
        "single_process": single,
        "speedup_2_vs_1": round(by[2] / by[1], 2) if 1 in by and 2 in by else None,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
