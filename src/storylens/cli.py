"""The ``storylens`` command line; each command is documented in the README under its name."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sized
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from storylens.errors import InputError, SetupError
from storylens.models import Article, Story, contract

if TYPE_CHECKING:
    from storylens.pipeline import RunReport  # the pipeline loads the stages: imported when run

app = typer.Typer(
    help="Turn many outlets' news articles into stories compared claim by claim.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

SAMPLE_DIR = Path(__file__).parent / "data" / "sample" / "articles"


def default_db() -> str:
    return os.environ.get("STORYLENS_DB", "storylens.db")


DbOption = Annotated[
    str, typer.Option("--db", help="Database file or URL (default: $STORYLENS_DB, else ./storylens.db).")
]
PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Files, directories (read recursively), globs or URLs.", show_default=False),
]
UrlsOption = Annotated[Path | None, typer.Option("--urls", help="A file of URLs to fetch, one a line.")]
SampleOption = Annotated[bool, typer.Option("--sample", help="Add the bundled sample corpus to the inputs.")]
AllowPrivateOption = Annotated[
    bool,
    typer.Option("--allow-private", help="Allow fetching from private, loopback and link-local addresses."),
]
NoFetchOption = Annotated[
    bool, typer.Option("--no-fetch", help="Never fetch over the network (feed items keep their summaries).")
]


JsonOption = Annotated[bool, typer.Option("--json", help="Print the story JSON contract.")]
MarkdownOption = Annotated[bool, typer.Option("--markdown", help="Print a Markdown report.")]
HtmlOption = Annotated[bool, typer.Option("--html", help="Print a standalone HTML report.")]
OutOption = Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")]


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


def _format(as_json: bool, markdown: bool = False, html: bool = False) -> Format:
    chosen = [f for f, on in ((Format.json, as_json), (Format.markdown, markdown), (Format.html, html)) if on]
    if len(chosen) > 1:
        raise typer.BadParameter("choose one of --json, --markdown, --html")
    return chosen[0] if chosen else Format.table


def _inputs(paths: list[str] | None, urls: Path | None, sample: bool) -> list[str]:
    inputs = list(paths or [])
    if urls is not None:
        try:
            lines = urls.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise typer.BadParameter(f"cannot read {urls}: {error.strerror}", param_hint="--urls") from error
        inputs += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if sample:
        inputs.append(str(SAMPLE_DIR))
    if not inputs:
        raise typer.BadParameter("give at least one PATH, --urls FILE or --sample")
    return inputs


def _options(allow_private: bool, no_fetch: bool):  # type: ignore[no-untyped-def]
    from storylens.ingest import IngestOptions

    return IngestOptions(allow_private=allow_private, allow_fetch=not no_fetch)


def _report_errors(errors: list[InputError]) -> None:
    """One line per failed input, unwrapped, so it can be read and grepped."""
    for error in errors:
        console.print(f"[red]error:[/red] {escape(error.source)}: {escape(error.reason)}", soft_wrap=True)


def _write(text: str, path: Path | None) -> None:
    if path is None:
        out.print(text, markup=False, highlight=False)
    else:
        path.write_text(text, encoding="utf-8")
        console.print(f"wrote {path}")


def _render(fmt: Format, stories: list[Story], articles: list[Article]) -> str:
    if fmt is Format.json:
        from storylens.schema import validate_contract

        document = contract(stories, articles)
        validate_contract(document)
        return json.dumps(document, ensure_ascii=False, indent=2)
    by_id = {a.id: a for a in articles}
    if fmt is Format.markdown:
        from storylens.present.markdown import render_markdown

        return "\n\n".join(
            render_markdown(s, [by_id[i] for i in s.article_ids if i in by_id]) for s in stories
        )
    from storylens.present.report_html import render_html

    return render_html(stories, articles)


@app.command()
def ingest(
    paths: PathsArgument = None,
    db: DbOption = "",
    urls: UrlsOption = None,
    sample: SampleOption = False,
    allow_private: AllowPrivateOption = False,
    no_fetch: NoFetchOption = False,
) -> None:
    """Add articles to the store and update the stories they join.

    Exit status: 0 when every input was stored (or was already there), 1 when some inputs
    failed (each is listed with the reason), 2 on a usage error.
    """
    from storylens.pipeline import Pipeline
    from storylens.store import Store

    inputs = _inputs(paths, urls, sample)
    store = Store(db or default_db())
    pipeline = Pipeline(store, _options(allow_private, no_fetch))
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=None)
        report = pipeline.ingest(
            inputs, progress=lambda source: bar.update(task, advance=1, description=source[-50:])
        )
    _report_errors(report.errors)
    for note in report.notes:
        console.print(note)
    console.print(
        run_summary(report)
        + f" ({store.count_articles()} articles, {store.count_stories()} stories in {store.display_url})"
    )
    store.close()
    raise typer.Exit(1 if report.errors else 0)


@app.command()
def extract(
    paths: PathsArgument = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the articles in the contract's article shape.")
    ] = False,
    urls: UrlsOption = None,
    allow_private: AllowPrivateOption = False,
    no_fetch: NoFetchOption = False,
) -> None:
    """Extraction only: clean text and metadata, no analysis (loads no NLP model)."""
    from storylens.extract import extract_all

    articles, errors = extract_all(_inputs(paths, urls, False), _options(allow_private, no_fetch))
    if as_json:
        _write(json.dumps([a.contract_dict() for a in articles], ensure_ascii=False, indent=2), None)
    else:
        from storylens.present.terminal import articles_table

        out.print(articles_table(articles))
    _report_errors(errors)
    raise typer.Exit(1 if errors else 0)


@app.command()
def analyze(
    paths: PathsArgument = None,
    as_json: JsonOption = False,
    markdown: MarkdownOption = False,
    html: HtmlOption = False,
    out_file: OutOption = None,
    urls: UrlsOption = None,
    sample: SampleOption = False,
    allow_private: AllowPrivateOption = False,
    no_fetch: NoFetchOption = False,
) -> None:
    """One shot: run the whole pipeline in a throwaway store and print the stories."""
    from storylens.pipeline import analyze_paths

    fmt = _format(as_json, markdown, html)
    articles, stories, errors = analyze_paths(_inputs(paths, urls, sample), _options(allow_private, no_fetch))
    if fmt is Format.table:
        from storylens.present.terminal import stories_table, story_rows

        out.print(stories_table(story_rows(stories)))
    else:
        _write(_render(fmt, stories, articles), out_file)
    _report_errors(errors)
    raise typer.Exit(1 if errors else 0)


def run_summary(report: RunReport) -> str:
    """What an ingest run did, in one line: a run of several batches is regrouped as a whole at
    its end, so articles may have moved between stories and stories merged after they were shown."""
    regrouped = [
        f"{_counted(report.moved, 'article')} moved" if report.moved else "",
        f"{_counted(report.merges, 'story', 'stories')} merged" if report.merges else "",
    ]
    return (
        f"{_counted(report.added, 'article')} added, {len(report.already_stored)} already stored, "
        f"{_counted(report.errors, 'input')} failed; {_counted(report.stories, 'story', 'stories')} updated"
        + "".join(f", {part}" for part in regrouped if part)
    )


def _counted(items: Sized, one: str, many: str = "") -> str:
    return f"{len(items)} {one if len(items) == 1 else many or one + 's'}"


@app.command()
def stories(
    db: DbOption = "",
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the story JSON contract of every story.")
    ] = False,
    limit: Annotated[int, typer.Option(help="How many stories at most.", min=1)] = 50,
    order: Annotated[str, typer.Option(help="latest or largest first.")] = "latest",
) -> None:
    """List the stored stories."""
    from storylens.present.terminal import stories_table
    from storylens.store import Store

    if order not in ("latest", "largest"):
        raise typer.BadParameter("latest or largest", param_hint="--order")
    store = Store(db or default_db())
    if as_json:
        articles, found = store.load_listed(limit, order)
        _write(_render(Format.json, found, articles), None)
    else:
        out.print(stories_table(store.list_stories(limit=limit, order=order)))
    store.close()


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="A story id (merged ids still resolve).")],
    db: DbOption = "",
    as_json: JsonOption = False,
    markdown: MarkdownOption = False,
    html: HtmlOption = False,
    out_file: OutOption = None,
) -> None:
    """Show one story: its claims, omissions, conflicts, framing, summary and timeline."""
    from storylens.store import Store

    fmt = _format(as_json, markdown, html)
    store = Store(db or default_db())
    found = store.load_story(story_id)
    if found is None:
        console.print(f"[red]no story {story_id!r} in {store.display_url}[/red]")
        raise typer.Exit(1)
    articles = store.load_articles(found.article_ids)
    store.close()
    _write(_render(Format.markdown if fmt is Format.table else fmt, [found], articles), out_file)


@app.command()
def serve(
    db: DbOption = "",
    host: Annotated[str, typer.Option(help="Address to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8080,
) -> None:
    """Serve the web UI and the JSON API."""
    from storylens.web.app import serve as run_server

    run_server(db or default_db(), host, port)


class EvalTask(StrEnum):
    extraction = "extraction"
    clustering = "clustering"
    quotes = "quotes"
    claims = "claims"
    entities = "entities"
    dates = "dates"
    all = "all"


@app.command(name="eval")
def evaluate(
    task: Annotated[EvalTask, typer.Argument(help="What to score.")],
    dataset: Annotated[
        str | None,
        typer.Option(help="A gold dataset: the sample corpus (default), ECB+ or fundus-eval folder."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the pipeline against gold annotations and print a table."""
    from storylens.eval import format_table, run_eval

    try:
        results = run_eval(task.value, dataset)
    except ValueError as error:  # a dataset that cannot be scored for this task
        raise typer.BadParameter(str(error), param_hint="--dataset") from error
    if as_json:
        _write(json.dumps(results, indent=2), None)
    else:
        out.print(format_table(results))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        console.print("interrupted")
        sys.exit(130)
    except SetupError as error:
        console.print(f"[red]setup: {error}[/red]")
        sys.exit(3)


if __name__ == "__main__":
    main()
