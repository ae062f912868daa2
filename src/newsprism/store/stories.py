"""The story tables' SQL: stories, their members, a person's decisions, the saved clusterer.

The tables are created by the store's migrations (``schema.py``, step 2). These functions take
the store's open connection; ``Store`` calls them under its lock and in its transactions, and
the rest of newsprism reaches them through ``Store`` methods. The rows are plain data: the
clusterer that produced them (``newsprism.cluster``) is converted by ``newsprism.stories``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsprism.store.fts import fts_query

__all__ = ["MemberRecord", "StoryFilter", "StoryRecord", "StoryRow"]

_STORY_COLUMNS = "id, founder, title, size, copies, first_published, last_published, merged_into"


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


@dataclass(frozen=True)
class StoryRecord:
    """A story to write: ``title`` empty keeps the stored title."""

    id: str
    founder: str
    title: str
    size: int
    copies: int
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True)
class MemberRecord:
    """A story member to write; ``score`` None keeps the stored score."""

    article_id: str
    story_id: str
    duplicate_of: str | None
    score: float | None


@dataclass(frozen=True, kw_only=True)
class StoryFilter:
    """What stories may be filtered by (as the web lists them).

    ``text``: in the title (case-folded), or in one of the best 1,000 current articles a text
    search for it finds; ``entity``: in one of those articles; ``outlet``: a member's outlet
    (case-folded); ``since``/``until``: the story's last/first publication day.
    """

    text: str = ""
    entity: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""


#: Articles of a text search a story may be found by (the best ones by bm25).
TEXT_HITS = 1000


def save(
    conn: sqlite3.Connection,
    stories: Sequence[StoryRecord],
    members: Sequence[MemberRecord],
    aliases: Mapping[str, str],
    *,
    now: str,
) -> None:
    """Write stories and members (new members go to the end of the arrival order); stories
    merged away are kept as rows pointing to the story they joined, so old ids still resolve."""
    next_position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM story_members")
    position = int(next_position.fetchone()[0])
    for story in stories:
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
                story.title,
                story.size,
                story.copies,
                story.first_published,
                story.last_published,
                now,
            ),
        )
    for m in members:
        cursor = conn.execute(
            """UPDATE story_members SET story_id = ?, duplicate_of = ?,
                   score = COALESCE(?, score) WHERE article_id = ?""",
            (m.story_id, m.duplicate_of, m.score, m.article_id),
        )
        if cursor.rowcount == 0:
            conn.execute(
                """INSERT INTO story_members (article_id, story_id, duplicate_of, score,
                       position) VALUES (?, ?, ?, ?, ?)""",
                (m.article_id, m.story_id, m.duplicate_of, m.score or 0.0, position),
            )
            position += 1
    for old, new in aliases.items():
        conn.execute(
            "UPDATE stories SET merged_into = ?, size = 0, copies = 0 WHERE id = ?", (new, old)
        )


def save_state(
    conn: sqlite3.Connection, *, model: str, articles: int, data: bytes, now: str
) -> None:
    conn.execute(
        "INSERT INTO cluster_state (id, model, articles, data, updated_at) VALUES (1,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET model = excluded.model, articles = excluded.articles, "
        "data = excluded.data, updated_at = excluded.updated_at",
        (model, articles, data, now),
    )


def load_state(conn: sqlite3.Connection) -> tuple[str, bytes] | None:
    row = conn.execute("SELECT model, data FROM cluster_state WHERE id = 1").fetchone()
    return None if row is None else (str(row[0]), row[1])


def record_decision(
    conn: sqlite3.Connection,
    *,
    kind: str,
    story_ids: Sequence[str],
    groups: Iterable[Sequence[str]],
    made_at: str,
    note: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO story_decisions (kind, story_ids, groups, made_at, note) "
        "VALUES (?, ?, ?, ?, ?)",
        (kind, json.dumps(list(story_ids)), json.dumps([list(g) for g in groups]), made_at, note),
    )
    return int(cursor.lastrowid or 0)


def load_decisions(
    conn: sqlite3.Connection,
) -> list[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...], str, str]]:
    rows = conn.execute(
        "SELECT kind, story_ids, groups, made_at, note FROM story_decisions ORDER BY id"
    )
    return [
        (kind, tuple(json.loads(ids)), tuple(map(tuple, json.loads(groups))), at, note)
        for kind, ids, groups, at, note in rows
    ]


def stories(
    conn: sqlite3.Connection,
    *,
    limit: int | None,
    offset: int,
    include_merged: bool = False,
    where: StoryFilter | None = None,
) -> tuple[list[StoryRow], int]:
    """A page of stories, biggest first, and how many pass in all."""
    clauses, params = _story_where(where or StoryFilter(), include_merged)
    sql = f"FROM stories s{clauses}"
    total = int(conn.execute(f"SELECT count(*) {sql}", params).fetchone()[0])
    cols = ", ".join(f"s.{c.strip()}" for c in _STORY_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT {cols} {sql} ORDER BY s.size DESC, s.id LIMIT ? OFFSET ?",
        [*params, -1 if limit is None else max(0, limit), max(0, offset)],
    ).fetchall()
    return [StoryRow(*r) for r in rows], total


def _story_where(flt: StoryFilter, include_merged: bool) -> tuple[str, list[object]]:
    clauses: list[str] = [] if include_merged else ["s.merged_into IS NULL"]
    params: list[object] = []
    hits = (
        "EXISTS (SELECT 1 FROM story_members m WHERE m.story_id = s.id AND m.article_id IN "
        "(SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.id "
        "WHERE articles_fts MATCH ? AND a.superseded_by IS NULL "
        "ORDER BY bm25(articles_fts, 0.0, 2.0, 1.0), a.id LIMIT ?))"
    )
    if flt.text:
        title = "instr(np_casefold(s.title), ?) > 0"
        match = fts_query(flt.text)
        if match is None:
            clauses.append(title)
            params.append(flt.text.casefold())
        else:
            clauses.append(f"({title} OR {hits})")
            params.extend([flt.text.casefold(), match, TEXT_HITS])
    if flt.entity:
        match = fts_query(flt.entity)
        clauses.append("0" if match is None else hits)
        params.extend([] if match is None else [match, TEXT_HITS])
    if flt.outlet:
        clauses.append(
            "EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.id = m.article_id "
            "WHERE m.story_id = s.id AND np_casefold(a.outlet) = ?)"
        )
        params.append(flt.outlet.casefold())
    if flt.since:
        clauses.append("substr(COALESCE(s.last_published, ''), 1, 10) >= ?")
        params.append(flt.since[:10])
    if flt.until:
        clauses.append("substr(COALESCE(s.first_published, '9999'), 1, 10) <= ?")
        params.append(flt.until[:10])
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def story(conn: sqlite3.Connection, story_id: str) -> StoryRow | None:
    row = conn.execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,))
    found = row.fetchone()
    return StoryRow(*found) if found else None


def ids_like(conn: sqlite3.Connection, story_id: str) -> list[str]:
    """Up to three story ids equal to or starting with ``story_id``."""
    rows = conn.execute(
        "SELECT id FROM stories WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 3",
        (story_id, story_id.replace("_", "\\_").replace("%", "\\%") + "%"),
    ).fetchall()
    return [str(r[0]) for r in rows]


def current(conn: sqlite3.Connection, story_id: str) -> str:
    """The story ``story_id`` is now, following merges (itself when never merged)."""
    seen = set()
    while story_id not in seen:
        seen.add(story_id)
        row = conn.execute("SELECT merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None or row[0] is None:
            break
        story_id = row[0]
    return story_id


def members(
    conn: sqlite3.Connection, story_ids: Sequence[str]
) -> dict[str, list[tuple[str, str | None]]]:
    """(article id, original it copies or None) of each story, in arrival order."""
    found: dict[str, list[tuple[str, str | None]]] = {s: [] for s in story_ids}
    for start in range(0, len(story_ids), 500):
        chunk = list(story_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT story_id, article_id, duplicate_of FROM story_members "
            f"WHERE story_id IN ({marks}) ORDER BY position",
            chunk,
        )
        for sid, aid, dup in rows:
            found[sid].append((aid, dup))
    return found


def order(conn: sqlite3.Connection) -> list[str]:
    """Article ids in the order they were clustered (to rebuild a clusterer by replaying)."""
    return [a for (a,) in conn.execute("SELECT article_id FROM story_members ORDER BY position")]


def assignments(conn: sqlite3.Connection) -> dict[str, str]:
    """Article id -> its current story (merged-away stories followed to their heir)."""
    merged = dict(conn.execute("SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL"))

    def heir(story: str) -> str:
        seen = set()
        while story in merged and story not in seen:
            seen.add(story)
            story = merged[story]
        return story

    rows = conn.execute("SELECT article_id, story_id FROM story_members")
    return {a: heir(s) for a, s in rows}
