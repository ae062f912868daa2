"""Benchmark `compare` cold (a new process: imports and model loads included) and warm (models
loaded), with a breakdown by stage. Aim: <= 4 s wall cold for five ~1,000-word reports on 2 cores.

Run: python bench/bench_compare.py [--runs 3] [--files A B ...] [--built]. Writes JSON to
bench/results/. Before/after in one run: add ``--baseline DIR/src``, the source tree of another
version (``git archive COMMIT src | tar -x -C DIR``: the directory holding ``newsprism/``, which
goes on PYTHONPATH), whose cold runs alternate with these.

By default the five reports of the fictional ``examples/kestrel-strike`` story (818 to 935
words each). ``--built`` compares two ~800-word articles built from ``examples/valmora-dam``
instead (its paragraphs repeated with other place names, people and numbers, so that every
sentence is new: a repeated sentence would be deduplicated and cost nothing).

The package is byte-compiled first, as an installed package is (``--no-bytecode`` leaves the
trees as an editable install has them under PYTHONDONTWRITEBYTECODE: sources only).

Three measurements, each in its own process:

* cold: ``compare_articles`` as the CLI runs it; the stages are its own (extract includes loading
  spaCy, the MiniLM model loads and embeds each report on a second thread meanwhile, and embed is
  what is left to wait for after the extraction), with the process's wall and CPU seconds;
* breakdown: the same work done one stage after another, so that each stage's own cost shows:
  import, spaCy load, MiniLM load, spaCy parse, extraction (from the parse), embedding (every
  distinct unit text, one pass), alignment, checks (labelling), report (assemble and render);
* warm: in this process, models loaded, the best of ``--runs``.
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "valmora-dam"
KESTREL = ROOT / "examples" / "kestrel-strike"
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


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def run_once(paths: list[str]) -> dict[str, float]:
    """One comparison as the CLI runs it, timed by its own stages."""
    t0, c0 = time.perf_counter(), _cpu()
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
    stages["cpu"] = round(_cpu() - c0, 3)
    return stages


def run_breakdown(paths: list[str]) -> dict[str, Any]:
    """The same work one stage after another (nothing overlaps), each stage timed alone; the
    CPU seconds of each stage under ``cpu`` (the load of a shared machine stretches them less)."""
    out: dict[str, Any] = {}
    cpu: dict[str, float] = {}
    t, c = time.perf_counter(), _cpu()

    def lap(name: str) -> None:
        nonlocal t, c
        now, now_cpu = time.perf_counter(), _cpu()
        out[name] = round(now - t, 3)
        cpu[name] = round(now_cpu - c, 3)
        t, c = now, now_cpu

    from newsprism.api import read
    from newsprism.compare import Timings, compare_articles
    from newsprism.embed import get_embedder
    from newsprism.extract.pipeline import from_doc, get_nlp
    from newsprism.extract.timex import parse_published
    from newsprism.report import render_html

    lap("import")
    articles = [read(p, published="2031-10-14")[0] for p in paths]
    lap("read")
    nlp = get_nlp()
    lap("load spaCy")
    embedder = get_embedder()
    embedder.encode(["warm up"])
    lap("load MiniLM")
    docs = [nlp(a.text) for a in articles]
    lap("spaCy parse")
    exs = [
        from_doc(d, published=parse_published(a.published), article_id=a.id)
        for d, a in zip(docs, articles, strict=True)
    ]
    lap("extraction")

    class CpuTimings(Timings):
        """Timings that also keep each stage's CPU seconds (the stages follow each other)."""

        def __init__(self) -> None:
            super().__init__()
            self.cpu: dict[str, float] = {}
            self.mark = _cpu()

        def add(self, stage: str, seconds: float) -> None:
            super().add(stage, seconds)
            now = _cpu()
            self.cpu[stage] = self.cpu.get(stage, 0.0) + now - self.mark
            self.mark = now

    timings = CpuTimings()
    comparison = compare_articles(articles, embedder=embedder, extractions=exs, timings=timings)
    t, c = time.perf_counter(), _cpu()
    render_html(comparison)
    lap("render")
    names = {"extract": "link across reports", "embed": "embedding", "align": "alignment"}
    names |= {"label": "checks", "assemble": "report"}
    for stage, name in names.items():
        out[name] = round(timings.stages.get(stage, 0.0), 3)
        cpu[name] = round(timings.cpu.get(stage, 0.0), 3)
    out["report"] = round(out["report"] + out.pop("render"), 3)
    cpu["report"] = round(cpu["report"] + cpu.pop("render"), 3)
    out["total"] = round(sum(out.values()), 3)
    cpu["total"] = round(sum(cpu.values()), 3)
    out["cpu"] = cpu
    return out


def _compile(trees: list[Path]) -> None:
    """Compile the package's bytecode, as pip does when it installs newsprism: a cold process
    then reads it instead of compiling every module from source. (Python writes bytecode on
    the first import by itself, unless PYTHONDONTWRITEBYTECODE is set, as it is on the
    project's machines, where the editable install would otherwise never have any.)"""
    import compileall

    for tree in trees:
        compileall.compile_dir(str(tree / "newsprism"), quiet=1)


def _child(mode: str, paths: list[str], src: str | None) -> dict[str, Any]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    t, c = time.perf_counter(), os.times()
    out = subprocess.run([sys.executable, __file__, mode, *paths], capture_output=True,
                         text=True, check=True, env=env)  # fmt: skip
    after = os.times()
    stages: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    stages["process_wall"] = round(time.perf_counter() - t, 3)
    cpu = after.children_user + after.children_system - c.children_user - c.children_system
    stages["process_cpu"] = round(cpu, 3)
    return stages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--files", nargs="+", help="articles to compare instead of the kestrel five")
    ap.add_argument("--built", action="store_true", help="two ~800-word built articles")
    ap.add_argument(
        "--baseline", help="the src/ of another version (holding newsprism/), measured alternately"
    )
    ap.add_argument("--child", nargs="*")
    ap.add_argument("--child-breakdown", nargs="*")
    ap.add_argument("--no-save", action="store_true", help="print only; write no results file")
    ap.add_argument(
        "--no-bytecode",
        action="store_true",
        help="leave the source trees without compiled bytecode (an editable install under "
        "PYTHONDONTWRITEBYTECODE: every run compiles the package's ~190 modules, ~0.15 CPU-s)",
    )
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_once(args.child)))
        return
    if args.child_breakdown:
        print(json.dumps(run_breakdown(args.child_breakdown)))
        return
    import tempfile

    if not args.no_bytecode:
        _compile([ROOT / "src", *([Path(args.baseline)] if args.baseline else [])])
    with tempfile.TemporaryDirectory() as d:
        if args.files:
            paths = args.files
        elif args.built:
            paths = [str(p) for p in make_articles(Path(d))]
        else:
            paths = [str(p) for p in sorted(KESTREL.glob("0*.txt"))]
        words = [len(Path(p).read_text(encoding="utf-8").split()) for p in paths]
        versions = {"this": None, **({"baseline": args.baseline} if args.baseline else {})}
        colds: dict[str, list[dict[str, float]]] = {v: [] for v in versions}
        for _ in range(args.runs):  # alternate, so that both see the same machine
            for v, src in versions.items():
                colds[v].append(_child("--child", paths, src))
        breakdown = {v: _child("--child-breakdown", paths, src) for v, src in versions.items()}
        run_once(paths)  # load models in this process
        warm = [run_once(paths) for _ in range(args.runs)]
    result = {
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "files": [Path(p).name for p in paths] if not args.built else "built from valmora-dam",
        "bytecode": not args.no_bytecode,
        "words": words,
        "cold": min(colds["this"], key=lambda s: s["process_wall"]),
        "cold_runs_wall": [s["process_wall"] for s in colds["this"]],
        "cold_runs_cpu": [s["process_cpu"] for s in colds["this"]],
        "breakdown": breakdown["this"],
        "warm": min(warm, key=lambda s: s["total"]),
    }
    if args.baseline:
        result["baseline"] = {
            "source": args.baseline,
            "cold": min(colds["baseline"], key=lambda s: s["process_wall"]),
            "cold_runs_wall": [s["process_wall"] for s in colds["baseline"]],
            "cold_runs_cpu": [s["process_cpu"] for s in colds["baseline"]],
            "breakdown": breakdown["baseline"],
        }
    print(json.dumps(result, indent=2))
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"compare-{time.strftime('%Y%m%d-%H%M%S')}.json"
        out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
