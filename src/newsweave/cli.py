"""The ``newsweave`` command line (see ``shared/contract.md`` for the contract it keeps)."""

from __future__ import annotations

import atexit
import json
import re
import sys
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsweave.annotate.nlp import describe_models
from newsweave.ingest import ReadOptions
from newsweave.model import Rejection
from newsweave.pipeline import BATCH_SIZE, OUTCOMES, AnalyzeOptions, Summary, analyze_batch, ingest, read_documents
from newsweave.store import Store, StoreError

app = typer.Typer(
    help="Read news in many languages and turn it into stories that can be checked.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    # Plain click help: rich panels folded choices mid-word, showed "<bool>" beside flags and
    # read "[default: …]" in help texts as markup (leaving a stray " .").
    rich_markup_mode=None,
    context_settings={"show_default": True},
)
err = Console(stderr=True)
out = Console()

DbOption = Annotated[
    str | None,
    typer.Option("--db", metavar="URL", show_default=False, help="Database URL (postgresql://…) or SQLite file (default: newsweave.db)."),
]


class What(str, Enum):
    articles = "articles"
    entities = "entities"
    quotes = "quotes"
    events = "events"
    stories = "stories"
    rejections = "rejections"
    flags = "flags"
    feedback = "feedback"


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def fail(message: str, code: int = 1) -> None:
    _error_line(message)
    raise typer.Exit(code)


def _error_line(message: str) -> None:
    """One line on stderr, never wrapped at the terminal width (scripts grep for it)."""
    err.print(f"newsweave: error: {' '.join(message.split())}", highlight=False, markup=False, soft_wrap=True)


def open_store(db: str | None, *, create: bool = True) -> Store:
    """The store at ``db``; commands that only read pass ``create=False`` so that a mistyped
    path is an error, not a new empty store."""
    try:
        store = Store(db, create=create)
    except StoreError as error:
        fail(str(error))
        raise  # unreachable: fail() exits
    # The command owns the store until the process ends; closing it then writes the story index
    # snapshot that an ingest grew, so the next command loads it instead of rebuilding it.
    atexit.register(store.close)
    return store


def sample_corpus() -> Path:
    """The articles shipped with the package, processed when ``run`` gets no input."""
    return Path(str(resources.files("newsweave") / "samples"))


def _ingest_with_progress(inputs: list[str], store: Store, dask: str | None = None) -> Summary:
    _warn_if_stories_stale(store)
    files = [item for item in _count_files(inputs)]
    with Progress(
        SpinnerColumn(), TextColumn("[bold]{task.fields[stage]:<7}[/]"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
    ) as progress:
        reading = progress.add_task("", total=len(files) or None, stage="read")
        # Documents are counted as they are read and as they are stored: the analysis of a
        # batch (and the models' loading before the first) is where a run spends its time.
        analysing = progress.add_task("", total=None, stage="analyse")
        counts = {"read": 0, "done": 0}

        def on_file(name: str) -> None:
            progress.advance(reading)
            progress.update(reading, description=Path(name).name[:40])

        def on_read(documents: int) -> None:
            counts["read"] += documents
            progress.update(analysing, total=counts["read"], description="language models, entities, dates, quotes")

        def on_document(_source: str, _outcome: str) -> None:
            counts["done"] += 1
            progress.update(analysing, completed=counts["done"])

        if dask:
            return _ingest_on_dask(dask, inputs, store, on_file, on_document)
        return ingest(inputs, store, ReadOptions(), on_file=on_file, on_document=on_document, on_read=on_read)


def _ingest_on_dask(spec: str, inputs: list[str], store: Store, on_file, on_document) -> Summary:
    from newsweave.scale.dask_runner import Scheduler, dask_client, ingest_distributed

    with dask_client(Scheduler.parse(spec)) as client:
        return ingest_distributed(inputs, store, client, on_file=on_file, on_document=on_document)


def _count_files(inputs: list[str]) -> list[str]:
    from newsweave.ingest import expand_inputs

    return [str(item) for item in expand_inputs(inputs) if not isinstance(item, Rejection)]


def _print_summary(summary: Summary) -> None:
    table = Table(title="Ingest summary", show_header=True)
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    labels = {
        "new": "new articles",
        "near_duplicate": "near-duplicates (stored, linked to the first copy)",
        "exact_copy": "exact copies (counted on the first copy)",
        "already_stored": "already stored (unchanged input)",
        "rejected": "rejected (see `newsweave export --what rejections`)",
    }
    for outcome in OUTCOMES:
        table.add_row(labels[outcome], str(summary.outcomes[outcome]))
    table.add_row("[bold]files read[/]", str(summary.files))
    err.print(table)


@app.command("ingest")
def ingest_command(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="Files, folders, globs or file:// URLs; .gz is read transparently.")],
    db: DbOption = None,
) -> None:
    """Read articles into the store.

    \b
    Example: newsweave ingest crawl/*.warc.gz feeds/ --db news.db
    """
    store = open_store(db)
    summary = _ingest_with_progress(inputs, store)
    _print_summary(summary)


@app.command("run")
def run_command(
    inputs: Annotated[list[str] | None, typer.Argument(metavar="INPUT", show_default=False, help="Inputs as for `ingest`; none: the shipped sample corpus.")] = None,
    db: DbOption = None,
    out_dir: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for the HTML report.")] = Path("newsweave-report"),
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="SCHEDULER", help="Extract and annotate on a Dask cluster: local, local:N (workers) or tcp://host:8786."),
    ] = None,
) -> None:
    """The main job: ingest, analyse, link, assess, and write the HTML report.

    \b
    Example: newsweave run ../shared/seeds --out report/ [--dask local:2]
    """
    if dask is not None:
        _check_dask_spec(dask)
    store = open_store(db)
    sources = inputs or [str(sample_corpus())]
    if not inputs:
        err.print(f"No input given: processing the sample corpus in {sources[0]}")
    summary = _ingest_with_progress(sources, store, dask)
    _print_summary(summary)
    index = _write_report(store, out_dir)
    out.print(f"Report written to {index.resolve()}", highlight=False)


def _write_report(store: Store, out_dir: Path) -> Path:
    from newsweave.report.html import write_report

    with Progress(TextColumn("[bold]report[/]"), BarColumn(), MofNCompleteColumn(), console=err) as progress:
        task = progress.add_task("", total=None)
        return write_report(store, out_dir, lambda done, total: progress.update(task, completed=done, total=total))


@app.command("report")
def report_command(
    out_dir: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for the HTML report.")],
    db: DbOption = None,
) -> None:
    """Write the static HTML report (index.html) of what the store holds.

    \b
    Example: newsweave report --db news.db --out report/
    """
    index = _write_report(open_store(db, create=False), out_dir)
    out.print(f"Report written to {index.resolve()}", highlight=False)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@app.command("analyze")
def analyze_command(
    files: Annotated[list[str], typer.Argument(metavar="FILE", help="Files to analyse (any format `ingest` reads).")],
    language: Annotated[str | None, typer.Option("--language", metavar="XX", help="ISO 639-1 code, skips detection.")] = None,
    published: Annotated[str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date.")] = None,
    url: Annotated[str | None, typer.Option("--url", metavar="URL", help="The article's URL.")] = None,
    as_json: Annotated[bool, typer.Option("--json", metavar="", show_default=False, help="Print the article JSON, one object per line.")] = False,
) -> None:
    """Analyse files without a store and print what was found.

    \b
    Example: newsweave analyze article.html --published 2024-02-28 --json
    """
    if published is not None and not _valid_day(published):
        fail(f"--published must be a date YYYY-MM-DD, got {published!r}", 2)
    if language is not None and not re.fullmatch(r"[a-z]{2}", language):
        fail(f"--language must be a two-letter ISO 639-1 code, got {language!r}", 2)
    options = AnalyzeOptions(language=language, published=published, url=url)
    batch: list = []
    for document in read_documents(files):
        batch.append(document)
        if len(batch) >= BATCH_SIZE:
            _print_results(analyze_batch(batch, options), as_json)
            batch.clear()
    _print_results(analyze_batch(batch, options), as_json)


def _print_results(results: list, as_json: bool) -> None:
    for result in results:
        if as_json:
            sys.stdout.write(json.dumps(_analysis_json(result), ensure_ascii=False) + "\n")
        else:
            _print_analysis(result)


def _valid_day(value: str) -> bool:
    from datetime import date

    if not _DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _analysis_json(result) -> dict:
    if isinstance(result, Rejection):
        return {"source": result.source, "rejected": True, "reason": result.reason}
    return result.to_json()


def _print_analysis(result) -> None:
    if isinstance(result, Rejection):
        out.print(f"[red]rejected[/] {result.source}: {result.reason}", highlight=False)
        return
    out.print(f"[bold]{result.title or result.source}[/]", highlight=False)
    out.print(
        f"language {result.language} · published {result.published} ({result.published_basis}) · "
        f"{len(result.text)} characters · {len(result.removed)} pieces removed",
        highlight=False,
    )
    for piece in result.removed:
        out.print(f"  removed [dim]{piece.reason}[/]: {piece.text[:80]}", highlight=False)


@app.command("export")
def export_command(
    what: Annotated[What, typer.Option("--what", help="Which rows to export.")],
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
    out_file: Annotated[Path | None, typer.Option("--out", metavar="FILE", show_default=False, help="Output file (default: standard output).")] = None,
    db: DbOption = None,
) -> None:
    """Export rows of the store.

    \b
    Example: newsweave export --what articles --format parquet --out articles.parquet
    """
    from newsweave.report.export import export_rows, write_export

    if fmt is Format.parquet and out_file is None:
        fail("parquet is a binary format: give a file with --out", 2)
    store = open_store(db, create=False)
    try:
        count = write_export(export_rows(store, what.value), fmt.value, out_file)
    except ValueError as error:
        fail(str(error), 2)
    if out_file is not None:
        err.print(f"{count} {what.value} rows written to {out_file}", highlight=False)


@app.command("stats")
def stats_command(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", metavar="", show_default=False, help="Print the figures as JSON.")] = False,
) -> None:
    """Figures about what the store holds.

    \b
    Example: newsweave stats --db news.db --json
    """
    store = open_store(db, create=False)
    figures = store.stats()
    # Which NER each stored language gets (a spaCy package, natasha, or none: gazetteer only).
    figures["models"] = describe_models(list(figures.get("languages", {})))
    figures["analysis"] = _analysis_figures(store)
    if as_json:
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
        return
    settings = figures["analysis"].pop("settings")
    table = Table(title="newsweave store", show_header=False)
    for key, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{name}: {count}" for name, count in value.items()) or "-"
        table.add_row(key.replace("_", " "), str(value))
    out.print(table)
    in_force = Table(title="settings in force", show_header=False)
    for stage, values in settings.items():
        in_force.add_row(stage, ", ".join(f"{name}={value}" for name, value in values.items()))
    out.print(in_force)


def _analysis_figures(store: Store) -> dict:
    """The provenance in force, and how many stored articles were analysed otherwise."""
    from newsweave import provenance

    running = provenance.stamp()
    counts = store.provenance_counts()
    return {**running, "stale_articles": sum(count for key, count in counts.items() if key != running["key"]),
            "settings": provenance.settings_in_force()}


def _warn_if_stories_stale(store: Store) -> None:
    """Before an ingest: say when stored stories or analyses were made by other code."""
    from rich.markup import escape

    from newsweave.pipeline import check_stale_analyses, check_story_space

    def warn(message: str) -> None:
        err.print(f"[bold yellow]warning:[/] {escape(message)}", highlight=False)

    check_story_space(store, warn)
    check_stale_analyses(store, warn)


@app.command("restory")
def restory_command(db: DbOption = None) -> None:
    """Rebuild every story from the stored articles (after an upgrade changed how articles are
    compared; ingest says when). Stop ingest, run and watch on this store first.

    \b
    Example: newsweave restory --db news.db
    """
    from newsweave.restory import restory

    store = open_store(db, create=False)
    with Progress(
        TextColumn("[bold]restory[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
    ) as progress:
        task = progress.add_task("", total=None)
        summary = restory(store, lambda done, total: progress.update(task, completed=done, total=total))
    err.print(f"{summary.articles} articles filed again: {summary.stories_before} stories before,"
              f" {summary.stories_after} now", highlight=False)


@app.command("reanalyze")
def reanalyze_command(
    db: DbOption = None,
    stale: Annotated[
        bool, typer.Option("--stale/--all", help="Only the articles analysed by other code, models or settings, or all.")
    ] = True,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="SCHEDULER", help="Extract and annotate on a Dask cluster: local, local:N (workers) or tcp://host:8786."),
    ] = None,
) -> None:
    """Analyse stored articles again with the running code, then rebuild the stories (after an
    upgrade; ingest and stats say how many articles are stale). Stop ingest, run and watch on
    this store first.

    \b
    Example: newsweave reanalyze --stale --db news.db [--dask local:2]
    """
    from newsweave.reanalyze import Analyser, ReanalyzeSummary, analyse_here, reanalyze

    if dask is not None:
        _check_dask_spec(dask)
    store = open_store(db, create=False)

    def run(analyse: Analyser) -> ReanalyzeSummary:
        with Progress(
            TextColumn("[bold]reanalyze[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
        ) as progress:
            task = progress.add_task("", total=None)
            return reanalyze(store, stale_only=stale, analyse=analyse,
                             on_progress=lambda done, total: progress.update(task, completed=done, total=total))

    if dask is None:
        summary = run(analyse_here)
    else:
        from newsweave.scale.dask_runner import Scheduler, analyse_on_cluster, dask_client

        with dask_client(Scheduler.parse(dask)) as client:
            summary = run(analyse_on_cluster(client))
    failed = f"; {summary.failed} could not be analysed and keep their old analysis" if summary.failed else ""
    err.print(f"{summary.articles} articles analysed again{failed}", highlight=False, markup=False)


def _check_dask_spec(spec: str) -> None:
    from newsweave.scale.dask_runner import Scheduler

    try:
        Scheduler.parse(spec)
    except ValueError as error:
        fail(str(error), 2)


@app.command("watch")
def watch_command(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="Folder to watch; files already there are ingested first.")],
    db: DbOption = None,
) -> None:
    """Ingest files as they arrive in FOLDER (write them as name.part, then rename), until Ctrl-C.

    \b
    Example: newsweave watch crawl/incoming --db news.db
    """
    from newsweave.scale.watch import watch_folder

    if not folder.is_dir():
        fail(f"{folder} is not a folder", 2)
    store = open_store(db)
    _warn_if_stories_stale(store)

    def on_batch(paths: list[str], summary: Summary) -> None:
        counts = ", ".join(f"{name}: {summary.outcomes[name]}" for name in OUTCOMES if summary.outcomes[name])
        err.print(f"{len(paths)} file(s) ingested ({counts or 'nothing new'})", highlight=False, markup=False)

    err.print(f"Watching {folder} (Ctrl-C to stop)", highlight=False, markup=False)
    watch_folder(folder, store, on_batch)


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", metavar="ADDRESS", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", metavar="N", min=1, max=64,
                                         help="Server processes, each with its own models (about 1 GB each).")] = 1,
) -> None:
    """Serve the HTTP API (/api, OpenAPI at /docs) and the web UI (/).

    \b
    Example: newsweave serve --db news.db --port 8000
    """
    import uvicorn

    from newsweave.api import create_app

    from newsweave.api.processes import serve_in_processes

    store = open_store(db)
    shown_host = f"[{host}]" if ":" in host else host
    err.print(f"newsweave: serving on http://{shown_host}:{port}/ (API docs at /docs; Ctrl-C to stop)",
              highlight=False, markup=False, soft_wrap=True)
    if workers == 1:
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
        return
    serve_in_processes(store.url, host, port, workers)


class _PlainHelpCommand(typer.core.TyperCommand):
    """Help that names an argument by its metavar only: typer writes its Python type beside
    it ("INPUT <list[str]>"), which a user cannot type and reads as noise."""

    def format_options(self, ctx, formatter) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                args.append((param.metavar or (param.name or "").upper(), record[1]))
            else:
                opts.append(record)
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


for _command in app.registered_commands:
    if _command.cls in (None, typer.core.TyperCommand):
        _command.cls = _PlainHelpCommand


def main() -> None:
    """Entry point: no Python traceback reaches a user."""
    # Not standalone: click would print usage errors as a multi-line panel; the contract
    # wants one line, so we catch them here and say where the help is.
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        err.print("newsweave: interrupted")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("newsweave: interrupted")
        sys.exit(130)
    except StoreError as error:
        _error_line(str(error))
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - last line of defence for the contract's promise
        if _is_usage_error(error):
            _usage_error(error)
        _error_line(f"{type(error).__name__}: {error}")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _is_usage_error(error: Exception) -> bool:
    # typer ships its own copy of click and does not export its exception classes, so a
    # click error is told by what it has: an exit code and a message meant for people.
    return hasattr(error, "format_message") and isinstance(getattr(error, "exit_code", None), int)


def _usage_error(error) -> None:
    if type(error).__name__ == "NoArgsIsHelpError":
        error.show()  # the help text, as `newsweave` alone has always shown
    else:
        ctx = getattr(error, "ctx", None)
        _error_line(f"{error.format_message()} (see: {ctx.command_path if ctx else 'newsweave'} --help)")
    sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
