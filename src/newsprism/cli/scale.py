"""Commands over a whole store on Dask: compare-all, cluster-all, export; and ingest --workers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from newsprism import api
from newsprism.cli.common import (
    DEFAULT_DB,
    DbOpt,
    JsonOpt,
    Reading,
    SchedulerOpt,
    WorkersOpt,
    _print_scores,
    _progress,
    _require_db,
    _spinner,
    app,
    emit_json,
    handle_errors,
    out,
)
from newsprism.errors import UsageError
from newsprism.store import Store


def _ingest_on_dask(  # noqa: PLR0913 (what `ingest` was asked, passed on by name)
    inputs: list[str],
    store: Store,
    reading: Reading,
    *,
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
        options=reading.options,
        defaults=api.user_defaults(len(inputs), outlet=reading.outlet, published=reading.published),
        embed=embed,
        extract=extract,
        progress=tick,
    )
    if cluster and embed:
        report.stories = update_stories(store).to_dict()
    return report


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
