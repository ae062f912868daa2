"""SQLite tables for stories, their members and a person's decisions.

``STORY_SCHEMA`` is a list of statements for the store's migrations; the functions take an open
``sqlite3.Connection`` and never commit on their own beyond the ``with conn`` blocks they open,
so they compose with the store's transactions. The in-memory clusterer knows nothing of SQLite.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsprism.cluster.constraints import Decision
from newsprism.cluster.online import Assignment, OnlineClusterer
from newsprism.store.schema import STORY_TABLES

# The DDL lives in the store's migrations (append-only); the cluster stage reuses it.
STORY_SCHEMA: list[str] = list(STORY_TABLES)


@dataclass(frozen=True)
class StoryRow:
    """One row of ``stories``: size counts syndicated copies once; ``copies`` counts them."""

    id: str
    founder: str
    title: str
    size: int
    copies: int
    first_published: str | None
    last_published: str | None
    merged_into: str | None


def create_story_tables(conn: sqlite3.Connection) -> None:
    with conn:
        for statement in STORY_SCHEMA:
            conn.execute(statement)


def save_stories(
    conn: sqlite3.Connection,
    clusterer: OnlineClusterer,
    story_ids: Iterable[str] | None = None,
    *,
    titles: Mapping[str, str] | None = None,
    assignments: Iterable[Assignment] = (),
    now: str = "",
) -> None:
    """Write the named stories (all when None) and their members as the clusterer has them.

    ``assignments`` supply each member's score; stories merged away are kept as rows pointing to
    the story they joined, so old ids still resolve.
    """
    titles = titles or {}
    scores = {a.article_id: a.score for a in assignments}
    wanted = {clusterer.resolve(s) for s in story_ids} if story_ids is not None else None
    next_position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM story_members")
    position = int(next_position.fetchone()[0])
    with conn:
        for story in clusterer.stories():
            if wanted is not None and story.id not in wanted:
                continue
            conn.execute(
                """INSERT INTO stories (id, founder, title, size, copies, first_published,
                       last_published, merged_into, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
                   ON CONFLICT(id) DO UPDATE SET
                       title = CASE WHEN excluded.title = '' THEN stories.title
                                    ELSE excluded.title END,
                       size = excluded.size, copies = excluded.copies,
                       first_published = excluded.first_published,
                       last_published = excluded.last_published,
                       merged_into = NULL, updated_at = excluded.updated_at""",
                (
                    story.id,
                    story.founder,
                    titles.get(story.id, ""),
                    story.size,
                    len(story.duplicates),
                    story.first,
                    story.last,
                    now,
                ),
            )
            for article_id in (*story.members, *story.duplicates):
                duplicate_of = clusterer.duplicate_of(article_id)
                cursor = conn.execute(
                    """UPDATE story_members SET story_id = ?, duplicate_of = ?,
                           score = COALESCE(?, score) WHERE article_id = ?""",
                    (story.id, duplicate_of, scores.get(article_id), article_id),
                )
                if cursor.rowcount == 0:
                    conn.execute(
                        """INSERT INTO story_members (article_id, story_id, duplicate_of, score,
                               position) VALUES (?, ?, ?, ?, ?)""",
                        (article_id, story.id, duplicate_of, scores.get(article_id, 0.0), position),
                    )
                    position += 1
        for old, new in clusterer.aliases().items():
            conn.execute(
                "UPDATE stories SET merged_into = ?, size = 0, copies = 0 WHERE id = ?",
                (clusterer.resolve(new), old),
            )


def record_decision(conn: sqlite3.Connection, decision: Decision) -> int:
    """Append a person's decision; returns its row id."""
    with conn:
        cursor = conn.execute(
            "INSERT INTO story_decisions (kind, story_ids, groups, made_at, note) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                decision.kind,
                json.dumps(list(decision.story_ids)),
                json.dumps([list(g) for g in decision.groups]),
                decision.made_at,
                decision.note,
            ),
        )
    return int(cursor.lastrowid or 0)


def load_decisions(conn: sqlite3.Connection) -> list[Decision]:
    """All decisions, oldest first (feed them to ``Constraints``)."""
    rows = conn.execute(
        "SELECT kind, story_ids, groups, made_at, note FROM story_decisions ORDER BY id"
    )
    return [
        Decision(kind, tuple(json.loads(ids)), tuple(map(tuple, json.loads(groups))), at, note)
        for kind, ids, groups, at, note in rows
    ]


def load_stories(conn: sqlite3.Connection, *, include_merged: bool = False) -> list[StoryRow]:
    """Stories, biggest first."""
    where = "" if include_merged else "WHERE merged_into IS NULL"
    rows = conn.execute(
        "SELECT id, founder, title, size, copies, first_published, last_published, merged_into "
        f"FROM stories {where} ORDER BY size DESC, id"
    )
    return [StoryRow(*row) for row in rows]


def load_members(conn: sqlite3.Connection, story_id: str) -> list[tuple[str, str | None]]:
    """(article id, original it copies or None) of one story, in arrival order; a merged-away
    id is followed to the story it joined."""
    seen = set()
    while story_id not in seen:
        seen.add(story_id)
        row = conn.execute("SELECT merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None or row[0] is None:
            break
        story_id = row[0]
    rows = conn.execute(
        "SELECT article_id, duplicate_of FROM story_members WHERE story_id = ? ORDER BY position",
        (story_id,),
    )
    return [(a, d) for a, d in rows]


def load_order(conn: sqlite3.Connection) -> list[str]:
    """Article ids in the order they were clustered (to rebuild a clusterer by replaying)."""
    return [a for (a,) in conn.execute("SELECT article_id FROM story_members ORDER BY position")]
