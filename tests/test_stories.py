"""Stories over the store: ingest groups articles, ids stay stable, decisions persist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism import Store, ingest, stories
from newsprism.cli import app
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "valmora-dam"
FERRY = """Ferry runs aground off Ostra, all passengers safe

The ferry Lindholm ran aground on a sandbank off the port of Ostra on Monday morning.
All 212 passengers were taken ashore by lifeboats, the harbour master Ivo Penn said.
Divers will inspect the hull before the ferry is towed to the Kesk shipyard.
"""

pytestmark = pytest.mark.slow  # embeds with the real model


def _ingest(db: Path, *paths: Path, **kw: object) -> dict[str, object]:
    with Store(db) as store:
        return ingest(list(paths), store, **kw).to_dict()  # type: ignore[arg-type]


def test_ingest_groups_one_event_and_keeps_another_apart(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    ferry = tmp_path / "ferry.txt"
    ferry.write_text(FERRY, encoding="utf-8")
    report = _ingest(db, EXAMPLES, published="2031-10-14")
    assert report["stories"] == {
        "placed": 3,
        "new_stories": 1,
        "duplicates": 0,
        "touched_stories": 1,
    }
    with Store(db) as store:
        [dam] = stories.list_stories(store)
    _ingest(db, ferry, published="2031-10-20")
    with Store(db) as store:
        rows = {r.id: r for r in stories.list_stories(store)}
        assert len(rows) == 2
        assert rows[dam.id].size == 3  # the dam story kept its id and its members
        again = _ingest(db, EXAMPLES, published="2031-10-14")
        assert again["stories"]["placed"] == 0  # type: ignore[index]


def test_merge_and_split_hold_through_later_ingests(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    ferry = tmp_path / "ferry.txt"
    ferry.write_text(FERRY, encoding="utf-8")
    _ingest(db, EXAMPLES, ferry, published="2031-10-14")
    with Store(db) as store:
        ids = sorted(r.id for r in stories.list_stories(store))
        assert len(ids) == 2
        kept = stories.merge_stories(store, ids[0], ids[1])
        assert [r.id for r in stories.list_stories(store)] == [kept]
        members = [a.id for a, _ in stories.story_members(store, kept)]
        assert len(members) == 4
        # the merged-away id still resolves to the story it joined
        gone = ids[1] if kept == ids[0] else ids[0]
        assert stories.resolve_story(store, gone) == kept
    edited = tmp_path / "ferry2.txt"
    edited.write_text(FERRY.replace("Monday morning", "Monday at dawn") + "\nTugs arrived.\n")
    _ingest(db, edited, published="2031-10-15")
    with Store(db) as store:
        assert len(stories.list_stories(store)) == 1  # the merge decision was kept
        dam_ids = [a.id for a, _ in stories.story_members(store, kept) if "Valmora" in a.text]
        split = stories.split_story(store, kept, dam_ids)
        assert len(split) == 2
    _ingest(db, EXAMPLES, published="2031-10-14")
    with Store(db) as store:
        rows = stories.list_stories(store)
        # the split held: the dam reports did not rejoin the ferry story
        assert sorted(len(stories.story_members(store, r.id)) for r in rows) == [2, 3]
        # the edited ferry report is a near-copy of the first: counted once
        assert sorted((r.size, r.copies) for r in rows) == [(1, 1), (3, 0)]


def test_cli_stories_and_story_report(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    files = sorted(str(p) for p in EXAMPLES.iterdir())
    result = runner.invoke(
        app,
        ["ingest", "--db", db, *files, "--published", "2031-10-14", "--outlet", "Northern Courier",
         "--outlet", "Valley Post", "--outlet", "X"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stdout
    listed = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    [story] = listed["stories"]
    assert story["size"] == 3
    assert story["outlets"] == ["Continental Wire", "Northern Courier", "Valley Post"]
    shown = runner.invoke(app, ["story", "--db", db, story["id"][:8], "--json"])
    assert shown.exit_code == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert len(data["articles"]) == 3
    types = {c["type"] for c in data["comparison"]["contradictions"] if c["high_confidence"]}
    assert {"number", "quote"} <= types
    bad = runner.invoke(app, ["story", "--db", db, "s-nope"])
    assert bad.exit_code == 2 and "newsprism stories" in bad.stderr
