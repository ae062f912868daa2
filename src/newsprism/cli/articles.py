"""Article commands: ingest, analyze, articles, show, read, compare, similarity."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newsprism import api
from newsprism.cli.common import (
    DEFAULT_DB,
    READ_DEFAULTS,
    DbOpt,
    ExtractOpt,
    JsonOpt,
    Reading,
    SchedulerOpt,
    WorkersOpt,
    _progress,
    _require_db,
    _short,
    _spinner,
    app,
    emit_json,
    err,
    handle_errors,
    out,
    reads_inputs,
)
from newsprism.cli.scale import _ingest_on_dask
from newsprism.errors import UsageError
from newsprism.models import Article, StoredArticle
from newsprism.store import Store

if TYPE_CHECKING:
    from newsprism.extract import Extraction


@app.command(
    epilog="Example: newsprism ingest examples/valmora-dam/ --published 2031-10-14  |  "
    "newsprism ingest data.jsonl --id-field doc_id --text-field text"
)
@handle_errors
@reads_inputs(files=True)
def ingest(  # noqa: PLR0913 (typer: one parameter per option, the reading ones shared)
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, URLs, feeds, JSONL/CSV datasets, or - for stdin."),
    ],
    db: DbOpt = Path(DEFAULT_DB),
    reading: Reading = READ_DEFAULTS,
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
    with Store(db) as store, _progress(as_json) as progress:
        task = progress.add_task("ingest", total=None)

        def tick(n: int, location: str) -> None:
            progress.update(task, advance=n, description=escape(_short(location)))

        if workers or scheduler:
            report = _ingest_on_dask(
                inputs, store, reading, embed=embed, extract=extract, cluster=cluster,
                workers=workers, scheduler=scheduler, tick=tick,
            )  # fmt: skip
        else:
            report = api.ingest(
                inputs,
                store,
                published=reading.published,
                outlet=reading.outlet,
                options=reading.options,
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
@reads_inputs(files=True)
def read_cmd(
    inputs: Annotated[list[str], typer.Argument(help="File, URL, feed, dataset or - for stdin.")],
    reading: Reading = READ_DEFAULTS,
    extract: ExtractOpt = True,
    as_json: JsonOpt = False,
) -> None:
    """Read and clean articles and show them with what they say, without storing anything."""
    articles: list[Article] = []
    failed: list[str] = []
    for item in api.iter_read(
        inputs, published=reading.published, outlet=reading.outlet, options=reading.options
    ):
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
@reads_inputs(files=False)
def compare_cmd(
    inputs: Annotated[
        list[str], typer.Argument(help="Two or more files, URLs or stored article ids.")
    ],
    db: DbOpt = Path(DEFAULT_DB),
    reading: Reading = READ_DEFAULTS,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, md, json or html.")] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
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
    store = Store(db) if db.exists() else None
    try:
        with _spinner(as_json, "comparing"):
            comparison = api.compare(
                inputs,
                store=store,
                published=reading.published,
                outlet=reading.outlet,
                options=reading.options,
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


@app.command(
    "similarity",
    epilog="Example: newsprism similarity a.txt b.html --json  |  newsprism similarity ID1 ID2",
)
@handle_errors
@reads_inputs(files=False)
def similarity_cmd(
    a: Annotated[str, typer.Argument(help="File, URL or stored article id.")],
    b: Annotated[str, typer.Argument(help="File, URL or stored article id.")],
    db: DbOpt = Path(DEFAULT_DB),
    reading: Reading = READ_DEFAULTS,
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

    store = Store(db) if db.exists() else None
    try:
        with _spinner(as_json, "scoring"):
            items = api.resolve(
                [a, b],
                store=store,
                published=reading.published,
                outlet=reading.outlet,
                options=reading.options,
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
