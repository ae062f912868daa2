"""Story commands: `stories`, and `story ID` / `story merge KEEP OTHER` /
`story split ID ARTICLE...`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newsprism.cli.common import (
    DEFAULT_DB,
    DbOpt,
    JsonOpt,
    _require_db,
    app,
    emit_json,
    err,
    handle_errors,
    out,
)
from newsprism.errors import UsageError
from newsprism.store import Store


@app.command("stories", epilog="Example: newsprism stories --limit 20 --json")
@handle_errors
def stories_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many to list.")] = 50,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many.")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """List stories, biggest first: title, size (copies counted once), outlets, time span."""
    from newsprism import stories

    _require_db(db)
    with Store(db) as store:
        page = stories.story_summaries(store, limit=limit, offset=offset)
    rows, total = page["stories"], page["total"]
    if as_json:
        emit_json(page)
        return
    table = Table()
    table.add_column("story", no_wrap=True)
    table.add_column("size", justify="right")
    table.add_column("outlets", max_width=30)
    table.add_column("span", no_wrap=True)
    table.add_column("title", ratio=3)
    for r in rows:
        span = " – ".join(dict.fromkeys(x for x in (r["first"], r["last"]) if x)) or ""
        table.add_row(
            r["id"], str(r["size"]), escape(", ".join(r["outlets"])), span, escape(r["title"])
        )
    out.print(table)
    out.print(f"{len(rows)} shown (offset {offset}) of {total} stories")


@app.command(
    "story",
    epilog="Examples: newsprism story s-3f9a2c71 --format html -o story.html  |  "
    "newsprism story merge s-aaaa s-bbbb  |  newsprism story split s-aaaa ARTICLE_ID ...",
)
@handle_errors
def story_cmd(
    args: Annotated[
        list[str],
        typer.Argument(
            help="STORY_ID to show it; `merge KEEP OTHER`; or `split STORY_ID ARTICLE_ID...`."
        ),
    ],
    db: DbOpt = Path(DEFAULT_DB),
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Report format: text, md, json or html.")
    ] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one story with its comparison report, or merge or split stories (decisions persist)."""
    from newsprism import stories

    _require_db(db)
    action, rest = args[0], args[1:]
    with Store(db) as store:
        if action == "merge":
            if len(rest) != 2:
                raise UsageError("merge takes two story ids: KEEP OTHER.")
            kept = stories.merge_stories(store, rest[0], rest[1])
            _done({"merged_into": kept}, as_json, f"merged into {kept}")
            return
        if action == "split":
            if len(rest) < 2:
                raise UsageError("split takes a story id and the article ids that leave it.")
            ids = stories.split_story(store, rest[0], rest[1:])
            _done({"stories": ids}, as_json, "split into " + ", ".join(ids))
            return
        if rest:
            raise UsageError("give one story id (or merge/split).")
        _show_story(store, action, fmt="json" if as_json else fmt, output=output)


def _done(data: dict[str, Any], as_json: bool, message: str) -> None:
    if as_json:
        emit_json(data)
    else:
        out.print(message)


def _show_story(store: Store, story_id: str, *, fmt: str, output: Path | None) -> None:
    from newsprism import stories
    from newsprism.report import render

    story = stories.compare_story(store, story_id)
    sid, members, sources, comparison = story.id, story.members, story.sources, story.comparison
    listing = [
        {"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published,
         "duplicate_of": dup}
        for a, dup in members
    ]  # fmt: skip
    if fmt == "json":
        data = {
            "id": sid,
            "articles": listing,
            "comparison": comparison.to_dict() if comparison else None,
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif comparison is not None:
        text = render(comparison, fmt)
    else:
        text = f"Story {sid}: {len(members)} article(s) from one source; nothing to compare.\n"
    if output is not None:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {escape(str(output))}")
        return
    if fmt == "text":
        out.rule(f"story {sid} · {len(members)} articles · {len(sources)} sources")
        for item in listing:
            copy = f" (copy of {item['duplicate_of']})" if item["duplicate_of"] else ""
            out.print(
                f"  {item['id']}  {escape(str(item['outlet'] or '-'))}  "
                f"{escape(str(item['title']))}{copy}"
            )
        out.print(escape(text), end="")
    else:
        sys.stdout.write(text)
