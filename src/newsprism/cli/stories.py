"""Story commands: `stories`, and the `story` sub-app: `story show ID` (also plain `story ID`),
`story merge KEEP OTHER`, `story split ID ARTICLE...`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

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
from newsprism.store import Store

if TYPE_CHECKING:
    from typer._click.core import Context as ClickContext  # typer's own click


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


class _ShowByDefault(TyperGroup):
    """`newsprism story ID ...` means `newsprism story show ID ...`, as it did before `story` had
    sub-commands; a sub-command's name is found wherever the options put it
    (`story --db n.db merge A B`)."""

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self._command_first(args))

    def _command_first(self, args: list[str]) -> list[str]:
        if not args or args[0] in ("-h", "--help"):
            return args
        at = _first_positional(args, self._options_with_values())
        if at is not None and args[at] in self.commands:
            return [args[at], *args[:at], *args[at + 1 :]]
        return ["show", *args]

    def _options_with_values(self) -> set[str]:
        names: set[str] = set()
        for command in self.commands.values():
            for param in command.params:
                if param.param_type_name == "option" and not getattr(param, "is_flag", False):
                    names.update(param.opts)
        return names


def _first_positional(args: list[str], with_values: set[str]) -> int | None:
    """Where the first argument that is not an option (nor an option's value) is, if any."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            return i + 1 if i + 1 < len(args) else None
        if not arg.startswith("-") or arg == "-":
            return i
        i += 2 if arg in with_values else 1
    return None


story_app = typer.Typer(
    cls=_ShowByDefault,
    help="One story: show it with its comparison report (`story ID` is `story show ID`), or "
    "merge or split stories (a person's decision, which holds through later ingests).",
    epilog="Examples: newsprism story s-3f9a2c71  |  newsprism story merge s-aaaa s-bbbb  |  "
    "newsprism story split s-aaaa ARTICLE_ID ...",
    no_args_is_help=True,
)
app.add_typer(story_app, name="story")

StoryIdArg = Annotated[str, typer.Argument(help="Story id (or a unique prefix).")]


@story_app.command(
    "show", epilog="Example: newsprism story show s-3f9a2c71 --format html -o story.html"
)
@handle_errors
def story_show_cmd(
    story_id: StoryIdArg,
    db: DbOpt = Path(DEFAULT_DB),
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Report format: text, md, json or html.")
    ] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one story with its comparison report (the default: `newsprism story ID`)."""
    _require_db(db)
    with Store(db) as store:
        _show_story(store, story_id, fmt="json" if as_json else fmt, output=output)


@story_app.command("merge", epilog="Example: newsprism story merge s-aaaa s-bbbb --json")
@handle_errors
def story_merge_cmd(
    keep: Annotated[str, typer.Argument(help="The story that stays.")],
    other: Annotated[str, typer.Argument(help="The story merged into it.")],
    db: DbOpt = Path(DEFAULT_DB),
    as_json: JsonOpt = False,
) -> None:
    """Merge story OTHER into story KEEP (the decision holds through later ingests)."""
    from newsprism import stories

    _require_db(db)
    with Store(db) as store:
        kept = stories.merge_stories(store, keep, other)
    _done({"merged_into": kept}, as_json, f"merged into {kept}")


@story_app.command("split", epilog="Example: newsprism story split s-aaaa 3f9a2c71 8be01d44 --json")
@handle_errors
def story_split_cmd(
    story_id: StoryIdArg,
    article_ids: Annotated[
        list[str], typer.Argument(help="The articles that leave the story, as a new one.")
    ],
    db: DbOpt = Path(DEFAULT_DB),
    as_json: JsonOpt = False,
) -> None:
    """Split articles out of a story into a new one (the decision holds through later ingests)."""
    from newsprism import stories

    _require_db(db)
    with Store(db) as store:
        ids = stories.split_story(store, story_id, article_ids)
    _done({"stories": ids}, as_json, "split into " + ", ".join(ids))


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
