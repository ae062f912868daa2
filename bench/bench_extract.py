"""Throughput and peak memory of the extract stage beside bare spaCy, on the ECB+ dev texts.

    python bench/bench_extract.py [--limit N] [--repeat R] [--data PATH]

Both runs parse the same texts with the same model in the same invocation; each runs in its own
child process so its peak RSS is its own. Bare spaCy (``nlp.pipe``) is the floor the stage cannot
beat; the goal is a stage cost of at most 1.5x. Prints a table; writes JSON to bench/results/.
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

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"
RESULTS = ROOT / "bench" / "results"


def _texts(path: Path, limit: int | None) -> list[str]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    texts = [str(r["text"]) for r in rows if r.get("text")]
    return texts[:limit] if limit else texts


def _child(mode: str, path: Path, limit: int | None, repeat: int) -> dict[str, float]:
    import spacy

    from newsprism.extract import MODEL, extract_many, load_nlp

    texts = _texts(path, limit)
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(MODEL) if mode == "bare" else load_nlp()
    list(nlp.pipe(texts[:5]))  # warm up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        if mode == "bare":
            for _doc in nlp.pipe(texts, batch_size=32):
                pass
        else:
            for _ex in extract_many(texts, published="2020-01-02", nlp=nlp, batch_size=32):
                pass
        best = min(best, time.perf_counter() - t0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "docs": len(texts),
        "words": words,
        "seconds": best,
        "words_per_s": words / best,
        "peak_rss_mb": peak_mb,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--mode", choices=["bare", "stage"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(_child(args.mode, args.data, args.limit, args.repeat)))
        return
    if not args.data.exists():
        sys.exit(f"{args.data} is absent: the ECB+ dev texts sit in ../shared")
    runs = {}
    for mode in ("bare", "stage"):
        cmd = [
            sys.executable,
            __file__,
            "--mode",
            mode,
            "--data",
            str(args.data),
            "--repeat",
            str(args.repeat),
        ] + (["--limit", str(args.limit)] if args.limit else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        runs[mode] = json.loads(out.strip().splitlines()[-1])
    ratio = runs["stage"]["seconds"] / runs["bare"]["seconds"]
    result = {
        "benchmark": "extract",
        "data": str(args.data.name),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "runs": runs,
        "cost_vs_bare_spacy": ratio,
        "target_max_ratio": 1.5,
    }
    print(f"{'run':<14}{'docs':>6}{'words':>9}{'seconds':>9}{'words/s':>10}{'peak MB':>9}")
    for mode, r in runs.items():
        label = "bare spaCy" if mode == "bare" else "extract stage"
        print(
            f"{label:<14}{r['docs']:>6}{r['words']:>9}{r['seconds']:>9.2f}"
            f"{r['words_per_s']:>10.0f}{r['peak_rss_mb']:>9.0f}"
        )
    print(f"stage cost = {ratio:.2f}x bare spaCy (target <= 1.5x)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"extract-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
