"""Similarity stage speed: warm and cold latency of one pair, batch pairs/s, peak memory.

    python bench/bench_similarity.py [--pairs 40] [--json bench/results/similarity.json]

One pair is two ~800-word English articles (the seed pair from ../shared, each made ~800 words
by adding the other's paragraphs in reverse order; our own test fixtures repeated without it).
Cold latency runs in a fresh process (imports and model loads included); warm latency is the
median of repeated calls in a process that has scored a pair before, with and without ``fast``
(English pairs without the e5 lead), beside the CPU seconds the call used, and with one
article seen before (its extraction and vectors are remembered). The batch uses dev pairs
from ../shared (English and multilingual routes apart), or fixture pairs without it. Baseline
in the same run: the MiniLM document cosine alone for the same pair.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "seed-pair"
DEV = SHARED / "data" / "semeval2022-task8" / "dev.jsonl"
FIXTURES = ROOT / "tests" / "fixtures" / "similarity"


def long_pair() -> tuple[str, str]:
    """Two ~800-word English articles as text (first line title)."""
    if SEED.is_dir():
        a, b = (p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))[:2])
    else:
        a, b = ((FIXTURES / n).read_text(encoding="utf-8") for n in ("flood_a.txt", "flood_b.txt"))

    def grow(main: str, other: str) -> str:
        words = len(main.split())
        paras = [p for p in other.split("\n\n")[1:] if p.strip()][::-1]
        out = [main]
        while words < 800 and paras:
            out.append(paras[len(out) % len(paras)])
            words += len(out[-1].split())
        return "\n\n".join(out)

    return grow(a, b), grow(b, a)


def batch_pairs(n: int) -> dict[str, list[tuple[str, str]]]:
    if not DEV.is_file():
        texts = [(FIXTURES / f).read_text(encoding="utf-8") for f in sorted(FIXTURES.glob("*.txt"))]
        pairs = [(texts[i % len(texts)], texts[(i + 1) % len(texts)]) for i in range(n)]
        return {"fixtures": pairs}
    rows = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    en = [r for r in rows if r["lang1"] == r["lang2"] == "en"][:n]
    multi = [r for r in rows if not r["lang1"] == r["lang2"] == "en"][:n]
    return {
        "en-en": [(r["text1"], r["text2"]) for r in en],
        "multilingual": [(r["text1"], r["text2"]) for r in multi],
    }


COLD = """
import time, json, sys
t = time.perf_counter()
from newsprism.similarity import similarity
a, b = json.load(sys.stdin)
similarity(a, b)
print(time.perf_counter() - t)
"""


def cold_latency(a: str, b: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", COLD],
        input=json.dumps([a, b]),
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "similarity.json")
    args = parser.parse_args(argv)

    from newsprism.embed import get_embedder
    from newsprism.similarity import as_article, clear_article_cache, score_pairs, similarity

    a, b = long_pair()
    load_at_start = os.getloadavg()[0]
    result: dict[str, object] = {
        "pair_words": [len(a.split()), len(b.split())],
        "cold_latency_s": round(cold_latency(a, b), 3),
    }
    similarity(a, b)  # warm up: models loaded, caches filled
    for fast in (False, True):
        wall, cpu = [], []
        for i in range(args.repeat):
            # A new ending each time, so nothing is answered from a cache.
            t, c = time.perf_counter(), time.process_time()
            mode = "fast" if fast else "full"
            similarity(a + f"\n\nEdition {i} {mode}.", b + f"\n\nUpdate {i} {mode}.", fast=fast)
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        key = "warm_latency_fast_s" if fast else "warm_latency_s"
        result[key] = round(statistics.median(wall), 3)
        # CPU seconds (all threads): on a busy machine the wall time says more about the others
        result[key.replace("latency", "cpu")] = round(statistics.median(cpu), 3)

    # One story against many: the known article's extraction and vectors are remembered.
    wall = []
    for i in range(args.repeat):
        t = time.perf_counter()
        similarity(a, b + f"\n\nCorrection {i}.")
        wall.append(time.perf_counter() - t)
    result["warm_latency_known_article_s"] = round(statistics.median(wall), 3)

    minilm = get_embedder("minilm")
    from newsprism.embed import document_text

    base = []
    for i in range(args.repeat):
        t = time.perf_counter()
        minilm.encode([document_text(as_article(a + f" {i}")), document_text(as_article(b))])
        base.append(time.perf_counter() - t)
    result["baseline_minilm_cosine_warm_latency_s"] = round(statistics.median(base), 3)

    batches = {}
    for name, pairs in batch_pairs(args.pairs).items():
        for fast in (False, True) if name == "en-en" else (False,):
            clear_article_cache()  # each batch pays for its own articles
            t = time.perf_counter()
            score_pairs(pairs, n_jobs=2, fast=fast)
            seconds = time.perf_counter() - t
            batches[name + (" fast" if fast else "")] = {
                "pairs": len(pairs),
                "seconds": round(seconds, 2),
                "pairs_per_s": round(len(pairs) / seconds, 2),
            }
    result["batch"] = batches
    result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    # Timings on a shared machine mean little without how busy it was.
    result["load_average_1m_start"] = round(load_at_start, 2)
    result["load_average_1m"] = round(os.getloadavg()[0], 2)
    result["cpus"] = os.cpu_count()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
