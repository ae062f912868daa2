"""Ingest throughput and peak memory for N articles, embedding timed separately.

Baseline in the same run: bare trafilatura extracting the same HTML pages.

    python bench/bench_ingest.py [--n 1000] [--json bench/results/ingest.json]

The HTML pages are built from the ECB+ dev texts in ../shared (read at run time, never copied
into the project) wrapped in a page with navigation, share buttons and a related-links box;
without ../shared, our own example articles are repeated with variations.
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Bench Gazette</title>
<meta property="og:site_name" content="Bench Gazette">
<meta property="article:published_time" content="2031-0{month}-{day:02d}T08:00:00+00:00">
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


def make_pages(n: int, folder: Path, *, words: int = 0) -> list[Path]:
    texts = source_texts()
    paths = []
    for i in range(n):
        text = texts[i % len(texts)]
        k = 1
        while len(text.split()) < words:  # longer articles: append the next texts
            text += " " + texts[(i + k) % len(texts)]
            k += 1
        sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()]
        title = sentences[0][:120]
        # A variation per copy so that copies are distinct articles, not duplicates.
        body = sentences[1:] or sentences
        paras = "".join(f"<p>{html.escape(s)}.</p>" for s in body)
        paras += f"<p>Edition {i} of the bench gazette reported this on page {i % 40 + 1}.</p>"
        page = PAGE.format(
            title=html.escape(title), paras=paras, i=i, month=1 + i % 9, day=1 + i % 28
        )
        p = folder / f"page_{i:05d}.html"
        p.write_text(page, encoding="utf-8")
        paths.append(p)
    return paths


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_trafilatura(paths: list[str], q: mp.Queue) -> None:
    import trafilatura

    start = time.perf_counter()
    for p in paths:
        trafilatura.extract(Path(p).read_text(encoding="utf-8"), with_metadata=True)
    q.put({"seconds": time.perf_counter() - start, "peak_mb": peak_mb()})


def run_newsprism(folder: str, db: str, embed: bool, q: mp.Queue) -> None:
    import newsprism

    start = time.perf_counter()
    with newsprism.Store(db) as store:
        report = newsprism.ingest([folder], store, embed=embed)
    q.put(
        {
            "seconds": time.perf_counter() - start,
            "steps": report.seconds,
            "added": len(report.added),
            "failed": len(report.failed),
            "peak_mb": peak_mb(),
        }
    )


def in_subprocess(target, *args) -> dict:  # type: ignore[no-untyped-def]
    """Each measurement in a fresh process, so peak memory is its own."""
    q: mp.Queue = mp.Queue()
    p = mp.get_context("fork").Process(target=target, args=(*args, q))
    p.start()
    result = q.get()
    p.join()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--words", type=int, default=0, help="Make each article at least this long.")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        paths = make_pages(args.n, folder, words=args.words)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths) / len(paths)
        base = in_subprocess(run_trafilatura, [str(p) for p in paths])
        noembed = in_subprocess(run_newsprism, str(folder), str(Path(tmp) / "a.db"), False)
        full = in_subprocess(run_newsprism, str(folder), str(Path(tmp) / "b.db"), True)
    n = args.n
    result = {
        "articles": n,
        "avg_words_per_page": round(words),
        "trafilatura_bare": {"articles_per_s": n / base["seconds"], **base},
        "newsprism_no_embed": {"articles_per_s": n / noembed["seconds"], **noembed},
        "newsprism_with_embed": {"articles_per_s": n / full["seconds"], **full},
    }
    emb = full["steps"].get("embed", 0.0)
    result["embedding_only"] = {"seconds": emb, "articles_per_s": n / emb if emb else None}
    result["ratio_vs_trafilatura_no_embed"] = noembed["seconds"] / base["seconds"]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    rows = [
        ("bare trafilatura (baseline)", base),
        ("newsprism ingest --no-embed", noembed),
        ("newsprism ingest (with embed)", full),
    ]
    print(f"{n} HTML articles, ~{round(words)} words per page")
    print(f"{'run':34} {'articles/s':>10} {'seconds':>8} {'peak MB':>8}")
    for name, r in rows:
        print(f"{name:34} {n / r['seconds']:10.1f} {r['seconds']:8.2f} {r['peak_mb']:8.0f}")
    steps = ", ".join(f"{k} {v:.2f}s" for k, v in full["steps"].items())
    print(f"steps (with embed): {steps}")
    print(
        "newsprism without embedding costs "
        f"{result['ratio_vs_trafilatura_no_embed']:.2f}x bare trafilatura"
    )
    print(f"written to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
