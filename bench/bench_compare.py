"""Benchmark `compare` on two ~800-word articles: cold (a new process: imports and model loads
included) and warm (models loaded, new texts), with a breakdown by stage (import, read, extract,
embed, align, label, assemble, render). Aim: <= 3 s cold on 2 cores.

Run: python bench/bench_compare.py [--runs 3] [--files A B]. Writes JSON to bench/results/.

Without --files the articles are built from the fictional examples/valmora-dam texts: their
paragraphs repeated with other place names, people and numbers, so that every sentence is new (a
repeated sentence would be deduplicated and cost nothing) and the benchmark needs nothing outside
the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "valmora-dam"
RESULTS = ROOT / "bench" / "results"

#: (word in the example, replacements for the second, third ... repetition)
_SWAPS = (
    ("Valmora", ("Orsk", "Tarnel", "Bexa", "Quillon", "Marrow", "Estrel", "Varn")),
    ("Pellin", ("Dusk", "Harlow", "Ember", "Caddis", "Lorne", "Fenwick", "Oster")),
    ("Ostra", ("Wyle", "Brisk", "Calder", "Meon", "Tansy", "Rook", "Alder")),
    ("Marta Ilves", ("Jana Roos", "Ilse Marten", "Kaia Lind", "Vera Holm", "Rita Saar",
                     "Elin Voss", "Mari Kask")),
    ("Aurel Danek", ("Tomas Brede", "Ivo Halm", "Petr Lask", "Oren Valt", "Karl Mest",
                     "Anton Reis", "Luka Derm")),
    ("Tuesday", ("Monday", "Sunday", "Saturday", "Friday", "Thursday", "Monday", "Sunday")),
    ("3,000", ("1,200", "2,400", "850", "4,100", "600", "1,750", "2,900")),
    ("400", ("150", "250", "320", "500", "120", "90", "700")),
)  # fmt: skip


def _vary(paragraph: str, k: int) -> str:
    if k == 0:
        return paragraph
    for word, subs in _SWAPS:
        paragraph = paragraph.replace(word, subs[(k - 1) % len(subs)])
    return paragraph


def make_articles(tmp: Path, words: int = 800) -> list[Path]:
    """Two fictional ~800-word reports of one story (the example texts, varied per repetition)."""
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
            p = _vary(paras[k % len(paras)], k // len(paras))
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


def _cold(paths: list[str]) -> dict[str, float]:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", *paths], capture_output=True,
                         text=True, check=True)  # fmt: skip
    stages: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    stages["process_wall"] = round(time.perf_counter() - t, 3)
    return stages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--files", nargs=2, help="two articles to compare instead of the built ones")
    ap.add_argument("--child", nargs="*")
    ap.add_argument("--no-save", action="store_true", help="print only; write no results file")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_once(args.child)))
        return
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        paths = args.files or [str(p) for p in make_articles(Path(d))]
        words = [len(Path(p).read_text(encoding="utf-8").split()) for p in paths]
        colds = [_cold(paths) for _ in range(args.runs)]
        run_once(paths)  # load models in this process
        warm = [run_once(paths) for _ in range(args.runs)]
    result = {
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "files": "built from examples/valmora-dam" if not args.files else args.files,
        "words": words,
        "cold": min(colds, key=lambda s: s["process_wall"]),
        "warm": min(warm, key=lambda s: s["total"]),
    }
    print(json.dumps(result, indent=2))
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"compare-{time.strftime('%Y%m%d-%H%M%S')}.json"
        out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
