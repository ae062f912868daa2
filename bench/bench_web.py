"""Load test of the web app on 127.0.0.1: the story page at a fixed request rate.

Baseline in the same run: a static file (/static/app.css) at the same rate, the server's floor.

    python bench/bench_web.py [--rate 200] [--seconds 10] [--json bench/results/web.json]

The server runs in its own process (uvicorn, one worker) over a database holding the seed pair
from ../shared (published 2020-01-02 and 2020-01-03), or our Valmora example without it. The
load is open-loop: request i is due at start + i/rate whatever happened before, and its latency
counts from when it was due, so a stalled server cannot hide its queue (no coordinated
omission). The run fails (exit 1) on any error, or when the server falls behind the schedule
by more than a second.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import socket
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "examples" / "seed-pair"
VALMORA = ROOT / "examples" / "valmora-dam"


def build_db(path: Path) -> tuple[list[str], str]:
    import newsprism
    from newsprism.store import Store

    with Store(path) as store:
        if SEED.exists():
            files = sorted(SEED.glob("*.txt"))[:2]
            report = newsprism.ingest(files, store, published=["2020-01-02", "2020-01-03"])
            return report.added, "seed-pair"
        report = newsprism.ingest(VALMORA, store, published="2031-10-14")
        return report.added, "valmora-dam"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_server(db: str, port: int) -> None:
    from newsprism.web.server import serve

    serve(db, "127.0.0.1", port, log_level="warning")


def wait_up(base: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server at {base} did not come up")


def story_url(base: str, ids: list[str]) -> str:
    """The story page: the cluster stage's story when it has one, else the pair compared."""
    stories = httpx.get(base + "/api/stories", timeout=10).json()["items"]
    for story in stories:
        if set(ids) <= set(story["article_ids"]):
            return f"{base}/stories/{story['id']}"
    return f"{base}/compare?" + "&".join(f"ids={i}" for i in ids)


def load(url: str, *, rate: float, seconds: float, workers: int) -> dict[str, Any]:
    """Send rate*seconds GETs at a fixed rate; latency (ms) counts from each request's due time."""
    n = int(rate * seconds)
    latencies: list[float] = []
    errors: list[str] = []
    sizes: set[int] = set()
    lock = threading.Lock()
    limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
    with (
        httpx.Client(limits=limits, timeout=10.0) as client,
        ThreadPoolExecutor(max_workers=workers) as pool,
    ):

        def one(due: float) -> None:
            try:
                response = client.get(url)
                ok = response.status_code == 200
                size = len(response.content)
            except httpx.HTTPError as exc:
                ok, size = False, 0
                detail = f"{type(exc).__name__}: {exc}"
            else:
                detail = f"HTTP {response.status_code}"
            took = (time.perf_counter() - due) * 1000
            with lock:
                if ok:
                    latencies.append(took)
                    sizes.add(size)
                else:
                    errors.append(detail)

        start = time.perf_counter() + 0.05
        for i in range(n):
            due = start + i / rate
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            pool.submit(one, due)
        pool.shutdown(wait=True)
        elapsed = time.perf_counter() - start
    return summary(latencies, errors, n=n, elapsed=elapsed, rate=rate, sizes=sizes)


def summary(
    latencies: list[float],
    errors: list[str],
    *,
    n: int,
    elapsed: float,
    rate: float,
    sizes: set[int],
) -> dict[str, Any]:
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        if not ordered:
            return float("nan")
        return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 2)

    return {
        "requests": n,
        "ok": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5],
        "target_rps": rate,
        "seconds": round(elapsed, 3),
        "achieved_rps": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        # kept up: every request was answered within a second of the schedule's end
        "kept_up": elapsed <= n / rate + 1.0,
        "p50_ms": pct(50),
        "p90_ms": pct(90),
        "p99_ms": pct(99),
        "max_ms": round(ordered[-1], 2) if ordered else float("nan"),
        "mean_ms": round(statistics.fmean(ordered), 2) if ordered else float("nan"),
        "response_bytes": sorted(sizes),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each run")
    parser.add_argument("--workers", type=int, default=32, help="client threads")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        ids, corpus = build_db(db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = mp.get_context("spawn").Process(target=run_server, args=(str(db), port))
        server.start()
        try:
            wait_up(base)
            url = story_url(base, ids)
            warm_start = time.perf_counter()
            first = httpx.get(url, timeout=300)
            first.raise_for_status()
            cold_ms = round((time.perf_counter() - warm_start) * 1000, 1)
            if "contra" not in first.text:
                raise SystemExit(f"{url} is not a story page with contradictions")
            load(url, rate=args.rate, seconds=1.0, workers=args.workers)  # warm connections
            baseline = load(
                base + "/static/app.css", rate=args.rate, seconds=args.seconds, workers=args.workers
            )
            story = load(url, rate=args.rate, seconds=args.seconds, workers=args.workers)
        finally:
            server.terminate()
            server.join(10)
    result = {
        "bench": "web",
        "corpus": corpus,
        "page": url.replace(base, ""),
        "server": "uvicorn, 1 worker, 127.0.0.1",
        "cold_first_request_ms": cold_ms,
        "story_page": story,
        "baseline_static_file": baseline,
        "passed": story["errors"] == 0 and story["kept_up"] and story["ok"] == story["requests"],
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
