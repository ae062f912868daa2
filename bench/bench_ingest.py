"""Ingest throughput and peak memory for N articles at two page sizes, where the seconds go,
the deep pass on one and two workers, and a story's comparison cold and warm.

Baseline in the same run: bare trafilatura extracting the same HTML pages (one process).

    python bench/bench_ingest.py [--n 1000] [--words 0 900] [--deep-n 60] [--minilm] [--year Y]

The HTML pages are built from the ECB+ dev texts in ../shared (read at run time, never copied
into the project) wrapped in a page with navigation, share buttons and a related-links box;
without ../shared, our own example articles are repeated with variations.
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing as mp
import os
import queue
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Bench Gazette</title>
<meta property="og:site_name" content="Bench Gazette">
<meta property="article:published_time" content="{year}-0{month}-{day:02d}T08:00:00+00:00">
<meta name="author" content="Staff {i}"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a></nav>
<article><h1>{title}</h1>{paras}
<div class="share">Share this article Tweet Email</div></article>
<aside><h3>Related</h3><ul><li><a href="/x">Markets rally on rate hopes</a></li></ul></aside>
<footer>Sign up for our newsletter.</footer></body></html>"""


def source_texts() -> list[str]:
    if ECB.exists():
        return [json.loads(line)["text"] for line in ECB.open(encoding="utf-8")]
    texts = []
    for p in sorted((ROOT / "examples").rglob("*.txt")):
        texts.append(p.read_text(encoding="utf-8"))
    return texts


def make_pages(
    n: int, folder: Path, *, words: int = 0, outlets: int = 1, year: int = 2031
) -> list[Path]:
    """``n`` pages; with ``outlets`` > 1, from that many outlets and all in one month, so that
    reports of one ECB+ event form a story with several sources."""
    texts = source_texts()
    paths = []
    for i in range(n):
        text = texts[i % len(texts)]
        k = 1
        while len(text.split()) < words:  # longer articles: append the next texts
            text += " " + texts[(i + k) % len(texts)]
            k += 1
        sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()]
        if words:  # the article cut at the sentence that brings it to ``words``
            count = 0
            for end, s in enumerate(sentences, 1):
                count += len(s.split())
                if count >= words:
                    sentences = sentences[:end]
                    break
        title = sentences[0][:120]
        # A variation per copy so that copies are distinct articles, not duplicates.
        body = sentences[1:] or sentences
        paras = "".join(f"<p>{html.escape(s)}.</p>" for s in body)
        paras += f"<p>Edition {i} of the bench gazette reported this on page {i % 40 + 1}.</p>"
        page = PAGE.format(
            title=html.escape(title), paras=paras, i=i, year=year, month=1 + i % 9, day=1 + i % 28
        )
        if outlets > 1:  # several outlets, so that a story has sources to compare
            page = page.replace("Bench Gazette", f"Bench Gazette {i % outlets}")
            page = page.replace(f"{year}-0{1 + i % 9}-", f"{year}-03-")
        p = folder / f"page_{i:05d}.html"
        p.write_text(page, encoding="utf-8")
        paths.append(p)
    return paths


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_children_mb() -> float:
    """The largest peak of any child process this one waited for (the cleaning pool)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cpu_s() -> float:
    """CPU seconds (user + system) of this process and of the children it waited for: the
    work done, which a machine shared with other jobs stretches less than the wall time."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_trafilatura(paths: list[str], q: mp.Queue) -> None:
    import trafilatura

    start, cpu = time.perf_counter(), cpu_s()
    for p in paths:
        trafilatura.extract(Path(p).read_text(encoding="utf-8"), with_metadata=True)
    q.put({"seconds": time.perf_counter() - start, "cpu_s": cpu_s() - cpu, "peak_mb": peak_mb()})


def run_newsprism(folder: str, db: str, embed: bool, embedder: str, q: mp.Queue) -> None:
    import newsprism

    start, cpu = time.perf_counter(), cpu_s()
    with newsprism.Store(db) as store:
        report = newsprism.ingest([folder], store, embed=embed, embedder_name=embedder)
    q.put(
        {
            "seconds": time.perf_counter() - start,
            "cpu_s": cpu_s() - cpu,
            "steps": report.seconds,
            "added": len(report.added),
            "failed": len(report.failed),
            "stories": report.stories,
            "peak_mb": peak_mb(),
            "peak_children_mb": peak_children_mb(),
        }
    )


def run_analyze(db: str, workers: int, q: mp.Queue) -> None:
    import newsprism
    from newsprism import api

    with newsprism.Store(db) as store:
        report = api.analyze(store, workers=workers)
    q.put({**report.to_dict(), "peak_mb": peak_mb(), "peak_children_mb": peak_children_mb()})


def run_story(db: str, story_id: str, q: mp.Queue) -> None:
    """`newsprism story ID` as the CLI runs it (a fresh process: models load if needed)."""
    import newsprism
    from newsprism import api, stories
    from newsprism.compare import Timings

    start = time.perf_counter()
    with newsprism.Store(db) as store:
        sources = stories.pick_sources(stories.story_members(store, story_id))
        timings = Timings()
        api.compare([a.id for a in sources[:5]], store=store, timings=timings)
    q.put({"seconds": time.perf_counter() - start, "sources": len(sources[:5])})


def run_story_page(db: str, story_id: str, q: mp.Queue) -> None:
    """The web story page, first and second request, in a fresh process."""
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    with TestClient(create_app(Path(db)), base_url="http://127.0.0.1:8000") as client:
        times = []
        for _ in range(2):
            start = time.perf_counter()
            status = client.get(f"/stories/{story_id}").status_code
            times.append(time.perf_counter() - start)
    q.put({"first": times[0], "second": times[1], "status": status})


def biggest_story(db: str) -> str:
    import newsprism
    from newsprism import stories

    with newsprism.Store(db) as store:
        rows = stories.list_stories(store, limit=20)
        best = max(
            rows, key=lambda r: len(stories.pick_sources(stories.story_members(store, r.id)))
        )
        return str(best.id)


def in_subprocess(target, *args) -> dict:  # type: ignore[no-untyped-def]
    """Each measurement in a fresh process, so peak memory is its own."""
    q: mp.Queue = mp.Queue()
    p = mp.get_context("fork").Process(target=target, args=(*args, q))
    p.start()
    while True:
        try:
            result = q.get(timeout=5)
            break
        except queue.Empty:
            if not p.is_alive():
                raise RuntimeError(f"{target.__name__} died (exit code {p.exitcode})") from None
    p.join()
    return result


def one_size(n: int, words: int, tmp: Path, *, minilm: bool, year: int) -> dict:
    folder = tmp / f"pages-{words}"
    folder.mkdir()
    paths = make_pages(n, folder, words=words, year=year)
    avg = sum(len(p.read_text(encoding="utf-8").split()) for p in paths) / len(paths)
    base = in_subprocess(run_trafilatura, [str(p) for p in paths])
    noembed = in_subprocess(run_newsprism, str(folder), str(tmp / f"a{words}.db"), False, "placing")
    full = in_subprocess(run_newsprism, str(folder), str(tmp / f"b{words}.db"), True, "placing")
    result = {
        "articles": n,
        "avg_words_per_page": round(avg),
        "trafilatura_bare": {"articles_per_s": n / base["seconds"], **base},
        "newsprism_no_embed": {"articles_per_s": n / noembed["seconds"], **noembed},
        "newsprism_full": {"articles_per_s": n / full["seconds"], **full},
        "full_vs_trafilatura": base["seconds"] / full["seconds"],
        "cpu_per_page_vs_trafilatura": full["cpu_s"] / base["cpu_s"],
        "load_average": os.getloadavg()[0],
    }
    if minilm:  # the placing vector before issue 15: one MiniLM pass per article
        before = in_subprocess(
            run_newsprism, str(folder), str(tmp / f"m{words}.db"), True, "minilm"
        )
        result["newsprism_full_minilm_placing"] = {
            "articles_per_s": n / before["seconds"],
            **before,
        }
        result["minilm_full_vs_trafilatura"] = base["seconds"] / before["seconds"]
    return result


def deep_pass(n: int, tmp: Path) -> dict:
    """The deep pass on ``n`` ingested pages, on one worker and on two; then a story's
    comparison cold (nothing analysed) and warm (analysed), and the web story page."""
    folder = tmp / "deep-pages"
    folder.mkdir()
    make_pages(n, folder, words=0, outlets=5)
    db = tmp / "deep.db"
    in_subprocess(run_newsprism, str(folder), str(db), True, "placing")
    copies = {w: tmp / f"deep{w}.db" for w in (1, 2)}
    for path in copies.values():
        shutil.copy(db, path)
    runs = {w: in_subprocess(run_analyze, str(path), w) for w, path in copies.items()}
    story = biggest_story(str(db))
    cold = in_subprocess(run_story, str(db), story)
    warm = in_subprocess(run_story, str(copies[1]), story)
    page = in_subprocess(run_story_page, str(copies[1]), story)
    return {
        "articles": n,
        "one_worker": runs[1],
        "two_workers": runs[2],
        "speed_up": runs[1]["seconds"]["total"] / runs[2]["seconds"]["total"],
        "story": story,
        "story_compare_cold_s": cold["seconds"],
        "story_compare_warm_s": warm["seconds"],
        "story_sources": warm["sources"],
        "story_page_analysed_first_s": page["first"],
        "story_page_analysed_second_s": page["second"],
        "story_page_status": page["status"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument(
        "--words",
        type=int,
        nargs="+",
        default=[0, 900],
        help="Page sizes: each article at least this long (0: as the texts are, ~350 words).",
    )
    ap.add_argument("--deep-n", type=int, default=60, help="Pages for the deep pass (0: skip).")
    ap.add_argument(
        "--year",
        type=int,
        default=2031,
        help="The year the pages are dated (2031, later than today: htmldate refuses the pages' "
        "own date and searches each whole page, which costs bare trafilatura ~1 ms a page and "
        "its first pages seconds; a past year, as real pages carry, spares it that).",
    )
    ap.add_argument(
        "--minilm", action="store_true", help="Also time ingest with MiniLM placing (before)."
    )
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = ap.parse_args()
    results: dict = {"year": args.year, "sizes": []}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for words in args.words:
            results["sizes"].append(
                one_size(args.n, words, Path(tmp), minilm=args.minilm, year=args.year)
            )
            args.json.write_text(json.dumps(results, indent=2))  # kept should a later step fail
        if args.deep_n:
            results["deep"] = deep_pass(args.deep_n, Path(tmp))
    args.json.write_text(json.dumps(results, indent=2))
    for r in results["sizes"]:
        n = r["articles"]
        print(f"\n{n} HTML articles, ~{r['avg_words_per_page']} words per page, dated {args.year}")
        print(
            f"{'run':36} {'articles/s':>10} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} "
            f"{'pool MB':>8}"
        )
        rows = [
            ("bare trafilatura (baseline)", r["trafilatura_bare"]),
            ("newsprism ingest --no-embed", r["newsprism_no_embed"]),
            ("newsprism ingest (stories placed)", r["newsprism_full"]),
        ]
        if "newsprism_full_minilm_placing" in r:
            rows.append(("  same, MiniLM placing (before)", r["newsprism_full_minilm_placing"]))
        for name, x in rows:
            pool = x.get("peak_children_mb")
            print(
                f"{name:36} {x['articles_per_s']:10.1f} {x['seconds']:8.2f} {x['cpu_s']:8.2f} "
                f"{x['peak_mb']:8.0f} "
                f"{round(pool) if pool is not None else '':>8}"
            )
        steps = ", ".join(f"{k} {v:.2f}s" for k, v in r["newsprism_full"]["steps"].items())
        print(f"where the seconds go (full ingest, wall): {steps}")
        print(
            f"full ingest runs at {r['full_vs_trafilatura']:.2f}x bare trafilatura's rate "
            f"({r['cpu_per_page_vs_trafilatura']:.2f}x its CPU per page, on "
            f"{os.cpu_count()} cores, load average {r['load_average']:.1f})"
        )
        if "minilm_full_vs_trafilatura" in r:
            print(f"  (with MiniLM placing: {r['minilm_full_vs_trafilatura']:.2f}x)")
    if "deep" in results:
        d = results["deep"]
        print(f"\ndeep pass (extraction + MiniLM vectors) on {d['articles']} articles:")
        for name in ("one_worker", "two_workers"):
            x = d[name]
            print(f"  {name:12} {x['articles_per_s']} articles/s ({x['seconds']['total']:.1f} s)")
        print(f"  speed-up from a second worker: {d['speed_up']:.2f}x")
        print(
            f"story {d['story']} ({d['story_sources']} sources): compare cold "
            f"{d['story_compare_cold_s']:.2f} s, warm (analysed) {d['story_compare_warm_s']:.2f} s;"
            f" web story page, analysed: first request {d['story_page_analysed_first_s']:.2f} s, "
            f"second {d['story_page_analysed_second_s']:.3f} s"
        )
    print(f"written to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
