"""A process killed (SIGKILL) mid-ingest loses at most its open batch; a rerun completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsprism.store import Store

N_ARTICLES = 60
BATCH = 10

# The child writes batches with add_many; the generator feeding a batch pauses in the middle of
# batch 3 and says so, so the parent's SIGKILL lands inside an open transaction.
CHILD = (
    textwrap.dedent(
        """
    import sys, time
    from newsprism.models import Article, InputKind, Meta, Provenance, article_id, content_hash
    from newsprism.store import Store

    def article(i):
        title, body = f"Harbour bulletin {i}", f"Tide report number {i} for the Velmar docks."
        meta = {"outlet": Meta("Harbour Gazette", Provenance.USER)}
        chash, identity = content_hash(title, body), f"bulletin:{i}"
        return Article(article_id(identity, chash), title, body, meta, f"gen:{i}",
                       InputKind.TEXT, identity, chash)

    def batch(start, stop, pause):
        for i in range(start, stop):
            if pause and i == start + __BATCH__ // 2:
                print("mid-batch", flush=True)
                time.sleep(60)
            yield article(i)

    db, pause_at = sys.argv[1], int(sys.argv[2])
    with Store(db) as store:
        for start in range(0, __N__, __BATCH__):
            store.add_many(batch(start, min(start + __BATCH__, __N__), start == pause_at))
            print("committed", start, flush=True)
    """
    )
    .replace("__N__", str(N_ARTICLES))
    .replace("__BATCH__", str(BATCH))
)


def _run_child(db: Path, pause_at: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(pause_at)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    child = _run_child(db, pause_at=2 * BATCH)
    assert child.stdout is not None
    lines = []
    for line in child.stdout:
        lines.append(line.strip())
        if line.startswith("mid-batch"):
            break
    else:
        pytest.fail(f"child ended early: {lines} {child.stderr.read() if child.stderr else ''}")
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert lines == ["committed 0", "committed 10", "mid-batch"]

    # Only the committed batches survive; the open one left no trace and the file is sound.
    with Store(db) as store:
        assert store.count() == 2 * BATCH
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    rerun = _run_child(db, pause_at=-1)
    _, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err

    with sqlite3.connect(db) as plain:
        ids = [r[0] for r in plain.execute("SELECT id FROM articles")]
        identities = {r[0] for r in plain.execute("SELECT identity FROM articles")}
        fts_rows = plain.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert len(ids) == len(set(ids)) == N_ARTICLES  # nothing duplicated
    assert identities == {f"bulletin:{i}" for i in range(N_ARTICLES)}  # nothing lost
    assert fts_rows == N_ARTICLES  # the full-text index kept in step
    with Store(db) as store:
        assert len(store.search("tide velmar", limit=100)) == N_ARTICLES
