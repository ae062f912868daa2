"""What every command shares: the app, the consoles, the options, error handling, the read options
(built here once) and the rendering helpers."""

from __future__ import annotations

import functools
import inspect
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
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
    """The app's group: lists its commands in COMMAND_ORDER, not in the order modules load."""

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


# --- reading inputs: the options every command that reads inputs shares, built once -------------


@dataclass(frozen=True, kw_only=True)
class Reading:
    """How a command reads its inputs: the library's ReadOptions, and the outlet and publication
    date that fill in what an input lacks (once for all inputs, or once per input in order)."""

    options: ReadOptions = field(default_factory=ReadOptions)
    outlet: tuple[str, ...] = ()
    published: tuple[str, ...] = ()

    @classmethod
    def from_cli(
        cls,
        *,
        outlet: list[str] | None = None,
        published: list[str] | None = None,
        fmt: str | None = None,
        **options: Any,
    ) -> Reading:
        if fmt is not None and fmt not in FORMATS:
            raise UsageError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}.")
        if options.get("max_bytes", 1) <= 0 or options.get("timeout", 1) <= 0:
            raise UsageError("--max-bytes and --timeout must be positive.")
        return cls(
            options=ReadOptions(fmt=fmt, **options),
            outlet=tuple(outlet or ()),
            published=tuple(published or ()),
        )


#: what a command reads with when called from Python without options
READ_DEFAULTS = Reading()

#: the reading options of every command that reads inputs (files, URLs, feeds, stored ids) ...
_FETCH_OPTIONS: list[tuple[str, Any, Any]] = [
    ("outlet", OutletOpt, None),
    ("published", PublishedOpt, None),
    ("allow_private", PrivateOpt, False),
    ("timeout", TimeoutOpt, 10.0),
]
#: ... and of those that also read folders, feeds and datasets (ingest, read)
_FILE_OPTIONS: list[tuple[str, Any, Any]] = [
    ("follow_links", FollowOpt, False),
    ("id_field", IdFieldOpt, None),
    ("text_field", TextFieldOpt, None),
    ("title_field", TitleFieldOpt, None),
    ("fmt", FormatOpt, None),
    ("max_bytes", MaxBytesOpt, 10_000_000),
]


def reads_inputs(*, files: bool) -> Callable[[F], F]:
    """Give a command the shared reading options (with ``files``, the folder, feed and dataset
    ones too) in place of its ``reading: Reading`` parameter, and call it with them built into
    one Reading. Goes below ``handle_errors``, so a bad option is a usage error (exit 2)."""
    shared = _FETCH_OPTIONS + (_FILE_OPTIONS if files else [])

    def decorate(fn: F) -> F:
        signature = inspect.signature(fn, eval_str=True)
        params: list[inspect.Parameter] = []
        for p in signature.parameters.values():
            if p.name != "reading":
                params.append(p)
                continue
            params += [
                inspect.Parameter(name, p.kind, annotation=t, default=d) for name, t, d in shared
            ]
        if len(params) == len(signature.parameters):
            raise TypeError(f"{fn.__name__} takes no `reading: Reading` parameter")

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            given = {name: kwargs.pop(name) for name, _, _ in shared if name in kwargs}
            return fn(*args, reading=Reading.from_cli(**given), **kwargs)

        wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {
            **{p.name: p.annotation for p in params},
            "return": signature.return_annotation,
        }
        return wrapper  # type: ignore[return-value]

    return decorate


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
