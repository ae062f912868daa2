"""What every command shares: the app, the consoles, the options, error handling, the read options
(built here once) and the rendering helpers."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from newsprism.errors import NewsprismError, UsageError
from newsprism.ingest import ReadOptions
from newsprism.ingest.options import FORMATS

if TYPE_CHECKING:
    from typer._click.core import Context as ClickContext  # typer's own click

#: `newsprism --help` lists the commands in this order (one not named here goes last).
COMMAND_ORDER = [
    "ingest", "analyze", "articles", "show", "read", "compare", "stories", "story",
    "similarity", "compare-all", "export", "cluster-all", "serve", "eval",
]  # fmt: skip


class _Listed(TyperGroup):
    def list_commands(self, ctx: ClickContext) -> list[str]:
        names = super().list_commands(ctx)
        last = len(COMMAND_ORDER)
        return sorted(names, key=lambda n: COMMAND_ORDER.index(n) if n in COMMAND_ORDER else last)


app = typer.Typer(
    cls=_Listed,
    name="newsprism",
    help="Read many news reports of the same events and compare them claim by claim.",
    epilog="Example: newsprism ingest examples/valmora-dam/ --published 2031-10-14, then "
    "newsprism stories and newsprism story ID. Every command has --help with an example.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DEFAULT_DB = "newsprism.db"

#: ``--db``, else the NEWSPRISM_DB environment variable (read when the command runs), else
#: DEFAULT_DB
DbOpt = Annotated[
    Path,
    typer.Option("--db", envvar="NEWSPRISM_DB", help="SQLite database file.", show_default=True),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
OutletOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--outlet",
        help="Outlet for inputs that have none: once for all inputs, or once per input in order.",
    ),
]
PublishedOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--published",
        help="Publication date (YYYY-MM-DD or ISO date-time) for inputs that have none: "
        "once for all inputs, or once per input in order.",
    ),
]

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(fn: F) -> F:
    """Translate library errors into one line on stderr and an exit code, once, at the edge."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except UsageError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(2) from None
        except NewsprismError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_options(
    *,
    follow_links: bool = False,
    allow_private: bool = False,
    timeout: float = 10.0,
    id_field: str | None = None,
    text_field: str | None = None,
    title_field: str | None = None,
    fmt: str | None = None,
    max_bytes: int = 10_000_000,
) -> ReadOptions:
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}.")
    if max_bytes <= 0 or timeout <= 0:
        raise UsageError("--max-bytes and --timeout must be positive.")
    return ReadOptions(
        max_bytes=max_bytes,
        follow_links=follow_links,
        allow_private=allow_private,
        timeout=timeout,
        id_field=id_field,
        text_field=text_field,
        title_field=title_field,
        fmt=fmt,
    )


ExtractOpt = Annotated[
    bool,
    typer.Option(
        "--extract/--no-extract",
        help="Show entities, resolved dates, quantities, quotes and claims (spaCy; slower).",
    ),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Largest single file or page to read, in bytes.")
]
FollowOpt = Annotated[
    bool, typer.Option("--follow-links", help="For feeds: fetch each item's page.")
]
PrivateOpt = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Allow URLs that resolve to loopback/private/metadata addresses."
    ),
]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds to wait for a URL.")]
IdFieldOpt = Annotated[str | None, typer.Option("--id-field", help="Dataset field holding the id.")]
TextFieldOpt = Annotated[
    str | None, typer.Option("--text-field", help="Dataset field holding the text.")
]
TitleFieldOpt = Annotated[
    str | None, typer.Option("--title-field", help="Dataset field holding the title.")
]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", help="Force the input format: " + ", ".join(FORMATS) + "."),
]


WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Run the per-article work on a local Dask cluster."),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", help="Run on an existing Dask cluster: tcp://HOST:PORT."),
]


# --- rendering helpers ---------------------------------------------------------------------------


def _print_scores(result: dict[str, Any]) -> None:
    """Nested dicts of figures as one flat table (the JSON holds everything)."""
    table = Table("measure", "value")
    for key, value in _flatten(result):
        table.add_row(
            escape(key), escape(f"{value:.3f}" if isinstance(value, float) else str(value))
        )
    out.print(table)


def _flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        rows: list[tuple[str, Any]] = []
        for k, v in data.items():
            rows += _flatten(v, f"{prefix}.{k}" if prefix else str(k))
        return rows
    if isinstance(data, list):
        return [(prefix, f"[{len(data)} items]")]
    return [(prefix, data)]


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def _progress(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        BarColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    )


def _spinner(quiet: bool, what: str) -> Any:
    """A status spinner on stderr for work with no count (silent for machines and pipes)."""
    import contextlib

    if quiet or not err.is_terminal:
        return contextlib.nullcontext()
    return err.status(what)


def _require_db(db: Path) -> None:
    if str(db) != ":memory:" and not db.exists():
        raise UsageError(
            f"no database at {db}.",
            hint="Ingest something first (`newsprism ingest FILE`) or pass --db.",
        )
