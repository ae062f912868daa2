"""The `newsprism` command: parse -> call one library function -> render.

Exit codes: 0 all done, 1 some inputs failed (listed at the end), 2 usage error.
"""

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

from newsprism import api
from newsprism.errors import NewsprismError, UsageError
from newsprism.ingest import ReadOptions
from newsprism.ingest.options import FORMATS
from newsprism.models import Article, StoredArticle
from newsprism.store import Store

if TYPE_CHECKING:
    from newsprism.extract import Extraction

app = typer.Typer(
    name="newsprism",
    help="Read many news reports of the same events and compare them claim by claim.",
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


@app.command(
    epilog="Example: newsprism ingest examples/valmora-dam/ --published 2031-10-14  |  "
    "newsprism ingest data.jsonl --id-field doc_id --text-field text"
)
@handle_errors
def ingest(  # noqa: PLR0913 (typer: one parameter per option; an options object is the cli/ package's job)
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, URLs, feeds, JSONL/CSV datasets, or - for stdin."),
    ],
    db: DbOpt = Path(DEFAULT_DB),
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
    follow_links: FollowOpt = False,
    allow_private: PrivateOpt = False,
    timeout: TimeoutOpt = 10.0,
    id_field: IdFieldOpt = None,
    text_field: TextFieldOpt = None,
    title_field: TitleFieldOpt = None,
    fmt: FormatOpt = None,
    max_bytes: MaxBytesOpt = 10_000_000,
    embed: Annotated[
        bool, typer.Option("--embed/--no-embed", help="Compute document embeddings.")
    ] = True,
    extract: Annotated[
        bool,
        typer.Option(
            "--extract/--no-extract",
            help="Also run deep extraction now (else it runs when shown or compared).",
        ),
    ] = False,
    cluster: Annotated[
        bool,
        typer.Option("--cluster/--no-cluster", help="Group new articles into stories."),
    ] = True,
    deep: Annotated[
        bool,
        typer.Option(
            "--deep",
            help="Then run the deep pass (extraction and MiniLM vectors, as `analyze` does), "
            "so stories show and compare from the store.",
        ),
    ] = False,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Read, clean, store, embed and group articles into stories. Each is stored once."""
    options = read_options(
        follow_links=follow_links,
        allow_private=allow_private,
        timeout=timeout,
        id_field=id_field,
        text_field=text_field,
        title_field=title_field,
        fmt=fmt,
        max_bytes=max_bytes,
    )
    with Store(db) as store, _progress(as_json) as progress:
        task = progress.add_task("ingest", total=None)

        def tick(n: int, location: str) -> None:
            progress.update(task, advance=n, description=escape(_short(location)))

        if workers or scheduler:
            report = _ingest_on_dask(
                inputs, store, options, outlet, published, embed, extract, cluster,
                workers, scheduler, tick,
            )  # fmt: skip
        else:
            report = api.ingest(
                inputs,
                store,
                published=published or (),
                outlet=outlet or (),
                options=options,
                embed=embed,
                extract=extract,
                cluster=cluster,
                progress=tick,
            )
        deep_report = None
        if deep:
            progress.update(task, description="deep pass")
            deep_report = api.analyze(store, ids=report.added + report.new_versions, progress=tick)
        total = store.count()
    if as_json:
        extra = {"deep": deep_report.to_dict()} if deep_report else {}
        emit_json({**report.to_dict(), **extra, "total_articles": total})
    else:
        out.print(
            f"added {len(report.added)}, new versions {len(report.new_versions)}, "
            f"unchanged {len(report.unchanged)}, failed {len(report.failed)} "
            f"— {total} articles in {escape(str(db))}"
        )
        if report.stories:
            st = report.stories
            out.print(
                f"stories: {st['placed']} placed, {st['new_stories']} new, "
                f"{st['duplicates']} syndicated copies linked"
            )
    for w in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {escape(w['input'])}: {escape(w['warning'])}")
        if deep_report:
            d = deep_report.to_dict()
            out.print(f"deep pass: {d['articles']} analysed ({d['articles_per_s']} articles/s)")
    if report.failed:
        err.print(f"[red]{len(report.failed)} input(s) failed:[/red]")
        for line in api.errors_of(report):
            err.print(f"  {escape(line)}")
        raise typer.Exit(1)


@app.command(
    "analyze",
    epilog="Example: newsprism analyze --workers 2  (after: newsprism ingest news/ --db n.db)",
)
@handle_errors
def analyze_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes for the deep pass (one per core).")
    ] = 1,
    as_json: JsonOpt = False,
) -> None:
    """The deep pass ahead of time: extract every stored article not yet analysed and cache its
    MiniLM vectors, so `story`, `compare` and the web pages read them from the store."""
    _require_db(db)
    with Store(db) as store, _progress(as_json) as progress:
        task = progress.add_task("deep pass", total=None)

        def tick(n: int, location: str) -> None:
            progress.update(task, advance=n, description=escape(_short(location)))

        report = api.analyze(store, workers=workers, progress=tick)
    data = report.to_dict()
    if as_json:
        emit_json(data)
    else:
        out.print(
            f"analysed {data['articles']} article(s) on {workers} worker(s) "
            f"in {data['seconds'].get('total', 0):.1f} s ({data['articles_per_s']} articles/s), "
            f"{data['vectors']} MiniLM vectors cached"
        )


WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Run the per-article work on a local Dask cluster."),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", help="Run on an existing Dask cluster: tcp://HOST:PORT."),
]


def _ingest_on_dask(  # noqa: PLR0913 (typer: one parameter per option; an options object is the cli/ package's job)
    inputs: list[str],
    store: Store,
    options: ReadOptions,
    outlet: list[str] | None,
    published: list[str] | None,
    embed: bool,
    extract: bool,
    cluster: bool,
    workers: int | None,
    scheduler: str | None,
    tick: Callable[[int, str], None],
) -> api.IngestReport:
    # Dask loads only here: a plain ingest never pays for it.
    from newsprism import scale
    from newsprism.stories import update_stories

    scale.check_cluster_options(workers=workers, scheduler=scheduler)
    report = scale.ingest_distributed(
        inputs,
        store,
        workers=workers,
        scheduler=scheduler,
        options=options,
        defaults=api.user_defaults(len(inputs), outlet=outlet or (), published=published or ()),
        embed=embed,
        extract=extract,
        progress=tick,
    )
    if cluster and embed:
        report.stories = update_stories(store).to_dict()
    return report


@app.command(
    "articles",
    epilog="Example: newsprism articles --search 'floodgates' --outlet 'Valley Post' --json",
)
@handle_errors
def articles_cmd(  # noqa: PLR0913 (typer: one parameter per option; an options object is the cli/ package's job)
    db: DbOpt = Path(DEFAULT_DB),
    search: Annotated[str | None, typer.Option("--search", "-s", help="Full-text query.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published on/after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Published on/before (YYYY-MM-DD).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many to list.")] = 50,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many.")] = 0,
    all_versions: Annotated[
        bool, typer.Option("--all-versions", help="Include superseded versions.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """List stored articles, or search them."""
    _require_db(db)
    with Store(db) as store:
        if search:
            hits = store.search(search, limit=limit, offset=offset, include_superseded=all_versions)
            rows = [{**_summary(h.article), "snippet": h.snippet} for h in hits]
        else:
            found = store.articles(
                limit=limit,
                offset=offset,
                outlet=outlet,
                since=since,
                until=until,
                include_superseded=all_versions,
            )
            rows = [_summary(a) for a in found]
        total = store.count(include_superseded=all_versions)
    if as_json:
        emit_json({"total_articles": total, "offset": offset, "limit": limit, "articles": rows})
        return
    table = Table(show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", overflow="ellipsis", max_width=20)
    table.add_column("title", ratio=2)
    if search:
        table.add_column("snippet", ratio=3)
    for r in rows:
        cells = [r["id"], (r["published"] or "")[:10], r["outlet"] or "", r["title"]]
        if search:
            cells.append(r["snippet"])
        table.add_row(*(escape(str(c)) for c in cells))
    out.print(table)
    what = f"matching {search!r}" if search else "shown"
    out.print(f"{len(rows)} {what} (offset {offset}) of {total} articles")


@app.command("show", epilog="Example: newsprism show 3f9a2c71 --json")
@handle_errors
def show_cmd(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix).")],
    db: DbOpt = Path(DEFAULT_DB),
    extract: ExtractOpt = True,
    as_json: JsonOpt = False,
) -> None:
    """Show one stored article: metadata with provenance, entities, dates, quotes, claims."""
    _require_db(db)
    with Store(db) as store:
        stored = store.get(article_id)
        extraction = api.extraction_of(stored, store) if extract else None
    data = {
        **stored.article.to_dict(),
        "ingested_at": stored.ingested_at,
        "previous_id": stored.previous_id,
        "superseded_by": stored.superseded_by,
    }
    if extraction is not None:
        data["extraction"] = extraction.to_dict()
    if as_json:
        emit_json(data)
        return
    _print_article(stored.article)
    if extraction is not None:
        _print_extraction(extraction, len(stored.article.text))
    if stored.previous_id or stored.superseded_by:
        out.print(f"previous version: {stored.previous_id}  superseded by: {stored.superseded_by}")


@app.command(
    "read",
    epilog="Example: newsprism read article.html --json  |  "
    "newsprism read story.txt --published 2020-01-02",
)
@handle_errors
def read_cmd(  # noqa: PLR0913 (typer: one parameter per option; an options object is the cli/ package's job)
    inputs: Annotated[list[str], typer.Argument(help="File, URL, feed, dataset or - for stdin.")],
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
    follow_links: FollowOpt = False,
    allow_private: PrivateOpt = False,
    timeout: TimeoutOpt = 10.0,
    id_field: IdFieldOpt = None,
    text_field: TextFieldOpt = None,
    title_field: TitleFieldOpt = None,
    fmt: FormatOpt = None,
    max_bytes: MaxBytesOpt = 10_000_000,
    extract: ExtractOpt = True,
    as_json: JsonOpt = False,
) -> None:
    """Read and clean articles and show them with what they say, without storing anything."""
    options = read_options(
        follow_links=follow_links,
        allow_private=allow_private,
        timeout=timeout,
        id_field=id_field,
        text_field=text_field,
        title_field=title_field,
        fmt=fmt,
        max_bytes=max_bytes,
    )
    articles: list[Article] = []
    failed: list[str] = []
    for item in api.iter_read(inputs, published=published, outlet=outlet, options=options):
        if isinstance(item, Article):
            articles.append(item)
        else:
            failed.append(f"{item.location}: {item.error}")
    extractions = _extract_all(articles) if extract else [None] * len(articles)
    if as_json:
        data: Any = [
            {**a.to_dict(), **({"extraction": ex.to_dict()} if ex else {})}
            for a, ex in zip(articles, extractions, strict=True)
        ]
        emit_json(data[0] if len(data) == 1 and len(inputs) == 1 and not failed else data)
    else:
        for a, ex in zip(articles, extractions, strict=True):
            _print_article(a)
            if ex is not None:
                _print_extraction(ex, len(a.text))
    for a in articles:
        for w in a.warnings:
            err.print(f"[yellow]warning:[/yellow] {escape(a.location)}: {escape(w)}")
    for line in failed:
        err.print(f"[red]error:[/red] {escape(line)}")
    if failed:
        raise typer.Exit(1)


@app.command(
    "compare",
    epilog="Example: newsprism compare a.txt b.html --published 2020-01-02 --published 2020-01-03 "
    "--format html -o story.html",
)
@handle_errors
def compare_cmd(  # noqa: PLR0913 (typer: one parameter per option; an options object is the cli/ package's job)
    inputs: Annotated[
        list[str], typer.Argument(help="Two or more files, URLs or stored article ids.")
    ],
    db: DbOpt = Path(DEFAULT_DB),
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, md, json or html.")] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    allow_private: PrivateOpt = False,
    timeout: TimeoutOpt = 10.0,
    as_json: JsonOpt = False,
) -> None:
    """Compare reports of one story: agreements, additions, typed contradictions, a cited brief."""
    from newsprism.report import FORMATS, render

    if as_json:
        fmt = "json"
    formats = (*FORMATS, "html")
    if fmt not in formats:
        raise UsageError(f"--format {fmt!r} is not one of {', '.join(formats)}.")
    if len(inputs) < 2:
        raise UsageError("compare needs at least two inputs.", hint="Pass two or more reports.")
    options = read_options(allow_private=allow_private, timeout=timeout)
    store = Store(db) if db.exists() else None
    try:
        with _spinner(as_json, "comparing"):
            comparison = api.compare(
                inputs, store=store, published=published, outlet=outlet, options=options
            )
    finally:
        if store is not None:
            store.close()
    rendered = render(comparison, fmt)
    if output is not None:
        output.write_text(rendered, encoding="utf-8")
        err.print(f"wrote {escape(str(output))} ({fmt})")
    elif fmt == "text":
        out.print(escape(rendered), end="")
    else:
        sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")


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


@app.command(
    "similarity",
    epilog="Example: newsprism similarity a.txt b.html --json  |  newsprism similarity ID1 ID2",
)
@handle_errors
def similarity_cmd(
    a: Annotated[str, typer.Argument(help="File, URL or stored article id.")],
    b: Annotated[str, typer.Argument(help="File, URL or stored article id.")],
    db: DbOpt = Path(DEFAULT_DB),
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    allow_private: PrivateOpt = False,
    fast: Annotated[
        bool,
        typer.Option(
            "--fast",
            help="English pairs without the multilingual lead model: about 40% less CPU, "
            "slightly less accurate.",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """How alike two articles are on the seven SemEval-2022 Task 8 dimensions (1 = very similar)."""
    from newsprism.similarity import similarity

    options = read_options(allow_private=allow_private)
    store = Store(db) if db.exists() else None
    try:
        with _spinner(as_json, "scoring"):
            items = api.resolve(
                [a, b], store=store, published=published, outlet=outlet, options=options
            )
            first, second = (i.article if isinstance(i, StoredArticle) else i for i in items)
            result = similarity(first, second, fast=fast)
    finally:
        if store is not None:
            store.close()
    if as_json:
        emit_json(result.to_dict())
        return
    table = Table("dimension", "score", "why", title="1 = very similar … 4 = very dissimilar")
    for dim in result.scores:
        table.add_row(dim.dimension, f"{dim.score:.2f}", escape(dim.explanation))
    out.print(table)
    for note in result.notes:
        out.print(f"[dim]{escape(note)}[/dim]")


@app.command(
    "compare-all",
    epilog="Example: newsprism compare-all --workers 2  |  newsprism compare-all --scheduler "
    "tcp://10.0.0.5:8786",
)
@handle_errors
def compare_all_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Compare every story with two or more sources, in parallel, and store the reports."""
    from newsprism import scale

    _require_db(db)
    with Store(db) as store, _spinner(as_json, "comparing stories"):
        summary = scale.compare_all(store, workers=workers, scheduler=scheduler)
    if as_json:
        emit_json(summary)
        return
    _print_scores(summary)


@app.command(
    "export",
    epilog="Example: newsprism export out/ --format parquet  "
    "(then: duckdb -c \"select outlet, count(*) from 'out/articles.parquet' group by 1\")",
)
@handle_errors
def export_cmd(
    directory: Annotated[Path, typer.Argument(help="Folder to write the files into.")],
    db: DbOpt = Path(DEFAULT_DB),
    fmt: Annotated[str, typer.Option("--format", help="Only parquet for now.")] = "parquet",
    as_json: JsonOpt = False,
) -> None:
    """Export articles, vectors and stories as Parquet files for DuckDB, pandas or Spark."""
    from newsprism import scale

    if fmt != "parquet":
        raise UsageError(f"--format {fmt!r}: only parquet is supported.")
    _require_db(db)
    with Store(db) as store:
        written = scale.export_parquet(store, directory)
    if as_json:
        emit_json(written)
        return
    _print_scores(written)


@app.command(
    "cluster-all",
    epilog="Example: newsprism cluster-all --workers 4 -o stories.parquet  |  newsprism "
    'cluster-all --scheduler tcp://10.0.0.5:8786 --partitions 64  (then: duckdb -c "select '
    "story_id, count(*) from 'stories.parquet' group by 1 order by 2 desc\")",
)
@handle_errors
def cluster_all_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    partitions: Annotated[
        int | None,
        typer.Option(
            "--partitions", min=1, help="Partitions clustered in parallel (default: 2 per worker)."
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Parquet file to write: one row per article."),
    ] = Path("stories.parquet"),
    as_json: JsonOpt = False,
) -> None:
    """Cluster every stored article into stories on Dask, partition by partition; write Parquet.

    The store's own stories are left as they are; the agreement with them (B³ F1) is reported.
    """
    from newsprism import scale

    _require_db(db)
    with Store(db) as store, _progress(as_json) as progress:
        task = progress.add_task("reading", total=store.count())

        def tick(n: int, phase: str) -> None:
            progress.update(task, advance=n, description=phase)

        run = scale.cluster_store(
            store,
            output=output,
            partitions=partitions,
            workers=workers,
            scheduler=scheduler,
            progress=tick,
        )
    summary = run.to_dict()
    if as_json:
        emit_json(summary)
        return
    agreement = run.agreement
    _print_scores(summary)
    if agreement is None:
        out.print("[dim]the store has no stories for these articles: no agreement to report[/dim]")
    else:
        out.print(
            f"{summary['articles']} articles -> {summary['stories']} stories in "
            f"{escape(str(output))}; agreement with the store's stories: B³ F1 "
            f"{agreement['b3_f1']:.3f} over {agreement['articles']} articles"
        )


eval_app = typer.Typer(
    help="Quality benchmarks on rated dev data, each beside its baseline.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")


@eval_app.command(
    "contradictions",
    epilog="Example: newsprism eval contradictions --ecbplus ../shared/data/ecbplus/dev.jsonl "
    "--semeval ../shared/data/semeval2022-task8/dev.jsonl --pairs 24 --json",
)
@handle_errors
def eval_contradictions_cmd(
    ecbplus: Annotated[
        Path | None, typer.Option("--ecbplus", help="ECB+ JSONL (doc_id, event, text).")
    ] = None,
    semeval: Annotated[
        Path | None, typer.Option("--semeval", help="SemEval-2022 Task 8 pairs JSONL.")
    ] = None,
    pairs: Annotated[int, typer.Option("--pairs", help="How many article pairs to use.")] = 24,
    seed: Annotated[int, typer.Option("--seed", help="Random seed for the sample.")] = 0,
    per_pair: Annotated[
        int, typer.Option("--per-pair", min=1, help="Injection sites per article pair.")
    ] = 3,
    details: Annotated[
        bool,
        typer.Option(
            "--details",
            help="Also list every missed injection, every false alarm and the unedited pairs' "
            "own findings.",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Inject known contradictions (and harmless edits) into real article pairs; score them."""
    from newsprism.eval.contradictions import evaluate_contradictions

    if ecbplus is None and semeval is None:
        raise UsageError("give --ecbplus FILE and/or --semeval FILE.")
    for path in (ecbplus, semeval):
        if path is not None and not path.exists():
            raise UsageError(f"no such file: {path}")
    with _progress(as_json) as progress:
        task = progress.add_task("pairs", total=None)
        result = evaluate_contradictions(
            ecbplus=ecbplus,
            semeval=semeval,
            seed=seed,
            pairs=pairs,
            per_pair=per_pair,
            details=details,
            progress=lambda what: progress.update(task, advance=1, description=escape(what)),
        )
    if as_json:
        emit_json(result)
        return
    _print_scores(result)
    for key, heading in (
        ("misses", "missed injections"),
        ("false_alarms", "false alarms (new findings, at the edit or elsewhere)"),
        ("baseline_findings", "findings on the unedited pairs"),
    ):
        if result.get(key):
            _print_injections(result[key], heading)


def _print_injections(rows: list[dict[str, Any]], heading: str) -> None:
    """The benchmark's misses or false alarms: what was injected, what was flagged, where."""
    table = Table("pair", "injected", "mode", "flagged", "edited span", title=heading)
    for row in rows:
        table.add_row(
            escape(row["pair"]),
            escape(row["kind"]),
            escape(row["mode"]),
            escape(", ".join(row["flagged"]) or "-"),
            escape(row["b"][:120]),
        )
    out.print(table)


@eval_app.command(
    "ecbplus",
    epilog="Example: newsprism eval ecbplus ../shared/data/ecbplus/dev.jsonl --json "
    "--predictions stories.jsonl",
)
@handle_errors
def eval_ecbplus_cmd(
    path: Annotated[Path, typer.Argument(help="ECB+ JSONL file (doc_id, topic, event, text).")],
    predictions: Annotated[
        Path | None,
        typer.Option("--predictions", help="Write one JSON line per document: doc_id, story."),
    ] = None,
    robustness: Annotated[
        bool, typer.Option("--robustness", help="Also tune on half the topics, test on the rest.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Story clustering on ECB+ (file order, no labels): B³ F1, pairwise F1, ARI, baselines."""
    from newsprism.eval.ecbplus import evaluate_ecbplus, prediction_lines

    with _spinner(as_json, "clustering and scoring"):
        result = evaluate_ecbplus(path, robustness=robustness)
    _eval_output(result, as_json=as_json, predictions=predictions, lines=prediction_lines(result))


@eval_app.command(
    "coref",
    epilog="Example: newsprism eval coref ../shared/data/ecbplus/dev.jsonl "
    "--mentions ../shared/data/ecbplus/mentions-dev.jsonl --predictions clusters.jsonl --json",
)
@handle_errors
def eval_coref_cmd(
    docs: Annotated[Path, typer.Argument(help="Documents (JSONL: doc_id, topic, text).")],
    mentions: Annotated[
        Path,
        typer.Option(
            "--mentions", help="Mentions (JSONL: doc_id, start, end, kind; chain to score)."
        ),
    ],
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            help="Write one JSON line per mention: doc_id, start, end, kind, cluster.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Cross-document entity and event coreference: MUC, B³, CEAF-e and CoNLL F1 per topic and
    overall, beside the same-head-lemma baseline (scores only when the mentions carry chains)."""
    from newsprism.eval.coref import evaluate_coref, prediction_lines

    with _spinner(as_json, "parsing, embedding and clustering the mentions"):
        result = evaluate_coref(docs, mentions)
    lines = prediction_lines(result)
    if predictions is not None:
        predictions.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    shown = {k: v for k, v in result.items() if k != "predictions"}
    if as_json:
        emit_json(shown)
    else:
        _print_coref(shown)


def _print_coref(result: dict[str, Any]) -> None:
    """One row per kind and topic: CoNLL F1 (MUC / B³ / CEAF-e) of the system and baselines."""
    out.print(
        f"{result['mentions']} mentions in {result['documents']} documents, "
        f"{result['topics']} topics"
    )
    if not result.get("scored"):
        out.print("no gold chains in the mentions: predictions only, no scores")
        return
    scores = result["scores"]
    names = list(scores)
    table = Table("kind", "topic", "n", *[f"{n} CoNLL (MUC/B³/CEAF-e)" for n in names])
    for kind in ("entity", "event"):
        rows = {"overall": scores[names[0]][kind]["overall"], **scores[names[0]][kind]["topics"]}
        for topic in rows:
            cells = []
            for name in names:
                part = scores[name][kind]
                s = part["overall"] if topic == "overall" else part["topics"][topic]
                cells.append(
                    f"{s['conll']['f1']:.3f} ({s['muc']['f1']:.2f}/{s['b3']['f1']:.2f}/"
                    f"{s['ceafe']['f1']:.2f})"
                )
            table.add_row(kind, escape(str(topic)), str(rows[topic]["mentions"]), *cells)
    out.print(table)


@eval_app.command(
    "semeval",
    epilog="Example: newsprism eval semeval ../shared/data/semeval2022-task8/dev.jsonl --json "
    "--predictions preds.jsonl",
)
@handle_errors
def eval_semeval_cmd(
    path: Annotated[Path, typer.Argument(help="SemEval-2022 Task 8 pairs (JSONL).")],
    predictions: Annotated[
        Path | None,
        typer.Option("--predictions", help="Write one JSON line per pair: pair_id + 7 scores."),
    ] = None,
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds.")] = 5,
    shipped: Annotated[
        bool,
        typer.Option("--shipped", help="Score with the shipped weights instead of k-fold CV."),
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option("--cache", help="Keep embeddings in this .npz file between runs."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Pearson and Spearman per dimension and language pair, beside the MiniLM-cosine baseline."""
    from newsprism.eval.semeval import NpzEmbeddingCache, evaluate_semeval, prediction_rows
    from newsprism.similarity import load_model

    if not path.exists():
        raise UsageError(f"no such file: {path}")
    store = NpzEmbeddingCache(cache) if cache else None
    with _spinner(as_json, "embedding and scoring (e5 is slow on a CPU: minutes)"):
        result = evaluate_semeval(
            path, folds=folds, cache=store, model=load_model() if shipped else None
        )
    if store is not None:
        store.save()
    lines = [json.dumps(r, ensure_ascii=False) for r in prediction_rows(result)]
    _eval_output(result, as_json=as_json, predictions=predictions, lines=lines)


@eval_app.command(
    "disagreements",
    epilog="Example: newsprism eval disagreements tests/gold/disagreements/gold.jsonl "
    "--docs ../shared/data/ecbplus/dev.jsonl --docs ../shared/data/semeval2022-task8/dev.jsonl "
    "--split test",
)
@handle_errors
def eval_disagreements_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold disagreements (JSONL, ANNOTATING.md format).")],
    events: Annotated[
        Path | None,
        typer.Option("--events", help="Manifest of events (default: events.jsonl beside GOLD)."),
    ] = None,
    docs: Annotated[
        list[Path] | None,
        typer.Option("--docs", help="ECB+ or SemEval JSONL, or a folder of reports (repeatable)."),
    ] = None,
    split: Annotated[
        str, typer.Option("--split", help="A split of the events file (tune, test ...) or all.")
    ] = "all",
    as_json: JsonOpt = False,
) -> None:
    """Compare every gold event's reports; precision over all high-confidence contradictions,
    recall of the gold disagreements, findings per story, a calibration table."""
    from newsprism.eval.disagreements import (
        evaluate_disagreements,
        load_documents,
        load_events,
        load_gold,
    )

    if not split.replace("-", "").isalnum():
        raise UsageError(f"--split names a split of the events file (tune, test ...) or all, "
                         f"not {split!r}")  # fmt: skip
    manifest = events or gold.with_name("events.jsonl")
    items, evs = load_gold(gold), load_events(manifest)
    documents = load_documents(docs or [gold.parent])
    with _progress(as_json) as progress:
        task = progress.add_task("events", total=None)
        result = evaluate_disagreements(
            items, evs, documents, split=split,
            progress=lambda what: progress.update(task, advance=1, description=escape(what)),
        )  # fmt: skip
    if as_json:
        emit_json(result)
        return
    _print_disagreements(result)


def _print_disagreements(result: dict[str, Any]) -> None:
    head = {k: v for k, v in result.items() if not isinstance(v, list | dict)}
    _print_scores(head)
    table = Table("confidence", "findings", "correct", "precision", title="calibration")
    for row in result["calibration"]:
        table.add_row(row["band"], str(row["findings"]), str(row["correct"]),
                      f"{row['precision']:.3f}")  # fmt: skip
    out.print(table)
    types = Table("type", "shown (high)", "correct", "gold", title="by type")
    for t, row in result["types"].items():
        types.add_row(t, str(row["shown"]), str(row["correct"]), str(row["gold"]))
    out.print(types)
    unmatched = Table(
        "event", "type", "conf", "finding", title="unmatched high-confidence findings"
    )
    for f in result["unmatched"]:
        unmatched.add_row(escape(f["event"]), f["type"], f"{f['confidence']:.2f}",
                          escape(f["summary"][:140]))  # fmt: skip
    out.print(unmatched)
    missed = Table("event", "type", "sides", title="missed gold disagreements")
    for g in result["missed"]:
        missed.add_row(escape(g["event"]), g["type"],
                       escape(" | ".join(s["span"] for s in g["sides"])[:160]))  # fmt: skip
    out.print(missed)


def _eval_output(
    result: dict[str, Any], *, as_json: bool, predictions: Path | None, lines: list[str]
) -> None:
    """Write the per-item predictions (JSON lines) if asked; show the figures without them."""
    if predictions is not None:
        predictions.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    shown = {k: v for k, v in result.items() if k != "predictions"}
    if as_json:
        emit_json(shown)
    else:
        _print_scores(shown)


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


def _register_serve() -> None:
    # The web stage owns its command (and imports FastAPI only when the command runs).
    from newsprism.web.cli import SERVE_EPILOG, serve_command

    app.command("serve", epilog=SERVE_EPILOG)(serve_command)


_register_serve()


# --- rendering helpers ---------------------------------------------------------------------------


def _summary(stored: StoredArticle) -> dict[str, Any]:
    a = stored.article
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "url": a.url,
        "words": len(a.body.split()),
    }


def _print_article(a: Article) -> None:
    out.rule(escape(a.title or "(untitled)"))
    meta = Table.grid(padding=(0, 2))
    for key, m in sorted(a.metadata.items()):
        meta.add_row(key, escape(m.value), f"[dim]{m.source} ({m.confidence:.2f})[/dim]")
    meta.add_row("id", a.id, f"[dim]{escape(a.location)}[/dim]")
    out.print(meta)
    out.print()
    out.print(escape(a.body))
    if a.removed:
        out.print(
            f"\n[dim]removed {len(a.removed)} junk piece(s): "
            + "; ".join(escape(f"{r.reason}: {r.text[:40]}") for r in a.removed)
            + "[/dim]"
        )


def _extract_all(articles: list[Article]) -> list[Extraction | None]:
    from newsprism.extract import extract_many

    return list(extract_many(articles)) if articles else []


def _print_extraction(ex: Extraction, total_chars: int) -> None:
    from newsprism.extract.chunks import limit_notice

    names = {e.key: e.name for e in ex.entities}
    table = Table("entity", "type", "mentions", "key", title="Entities", title_justify="left")
    for e in sorted(ex.entities, key=lambda e: -len(e.mentions))[:25]:
        table.add_row(escape(e.name), e.type, str(len(e.mentions)), escape(e.key))
    out.print(table)
    if ex.times:
        out.print("[bold]Dates[/bold]")
        for t in ex.times:
            flag = " [yellow](relative, unresolved)[/yellow]" if t.flagged else ""
            out.print(f"  {escape(t.text)!s:30} → {escape(str(t.value))}{flag}")
    if ex.quantities:
        out.print("[bold]Quantities[/bold]")
        for q in ex.quantities:
            out.print(f"  {escape(q.text)!s:30} → {escape(q.normalized)}")
    if ex.quotes:
        out.print("[bold]Quotes[/bold]")
        for quote in ex.quotes:
            who = quote.speaker_name or names.get(quote.speaker_key or "", "?")
            out.print(f"  {escape(who)} ({quote.verb or '-'}): “{escape(quote.text[:90])}”")
    out.print(
        f"[dim]{len(ex.claims)} claims in {len(ex.sentences)} sentences "
        "(--json shows them with their slots)[/dim]"
    )
    notice = limit_notice(ex.analysed_chars, total_chars)
    if notice:
        err.print(f"[yellow]note:[/yellow] {escape(notice)}")


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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
