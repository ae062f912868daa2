"""Benchmark `compare` on two ~800-word articles: cold (a new process: model loads included) and
warm (models loaded, new texts), with a breakdown by stage (read, extract, embed, align, label,
render). Run: python bench/bench_compare.py [--runs 3]. Aim: <= 3 s cold on 2 cores.

The articles are built from the fictional examples/valmora-dam texts repeated with varied
details, so the benchmark needs nothing outside the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "valmora-dam"


def make_articles(tmp: Path, words: int = 800) -> list[Path]:
    """Two fictional ~800-word reports of one story (the example texts with numbered variations)."""
    bodies = [
        (EXAMPLE / "01_northern_courier.txt").read_text(encoding="utf-8"),
        (EXAMPLE / "02_valley_post.txt").read_text(encoding="utf-8"),
    ]
    out = []
    for i, body in enumerate(bodies):
        title, _, rest = body.partition("\n\n")
        paras = [p for p in rest.split("\n\n") if p.strip() and len(p.split()) > 6]
        text, n, k = [title], 0, 0
        while n < words:
            p = paras[k % len(paras)].replace("Pellin", f"Pellin district {k}")
            text.append(p)
            n += len(p.split())
            k += 1
        path = tmp / f"bench_{i}.txt"
        path.write_text("\n\n".join(text), encoding="utf-8")
        out.append(path)
    return out


def run_once(paths: list[str]) -> dict[str, float]:
    t0 = time.perf_counter()
    from newsprism.api import read
    from newsprism.compare import Timings, compare_articles
    from newsprism.report import render_html

    t_import = time.perf_counter() - t0
    timings = Timings()
    t = time.perf_counter()
    articles = [read(p, published="2031-10-14")[0] for p in paths]
    timings.add("read", time.perf_counter() - t)
    c = compare_articles(articles, timings=timings)
    t = time.perf_counter()
    render_html(c)
    timings.add("render", time.perf_counter() - t)
    stages = {k: round(v, 3) for k, v in timings.stages.items()}
    stages["import"] = round(t_import, 3)
    stages["total"] = round(time.perf_counter() - t0, 3)
    return stages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", nargs="*")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_once(args.child)))
        return
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        paths = [str(p) for p in make_articles(Path(d))]
        words = [len(Path(p).read_text().split()) for p in paths]
        colds = []
        for _ in range(args.runs):
            t = time.perf_counter()
            out = subprocess.run([sys.executable, __file__, "--child", *paths], capture_output=True,
                                 text=True, check=True)  # fmt: skip
            stages = json.loads(out.stdout.strip().splitlines()[-1])
            stages["process_wall"] = round(time.perf_counter() - t, 3)
            colds.append(stages)
        run_once(paths)  # load models in this process
        warm = [run_once(paths) for _ in range(args.runs)]
    best_cold = min(colds, key=lambda s: s["process_wall"])
    best_warm = min(warm, key=lambda s: s["total"])
    print(json.dumps({"words": words, "cold": best_cold, "warm": best_warm}, indent=2))


if __name__ == "__main__":
    main()
