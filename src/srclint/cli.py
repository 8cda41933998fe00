"""The command line: a thin click layer over ``srclint.lint`` and the report formats.

Imports are lazy: ``srclint --version`` and the pre-commit hook pay only for what they use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from srclint import __version__

if TYPE_CHECKING:
    from srclint.fetch.settings import FetchSettings
    from srclint.model import Run

EXIT_OK = 0  # no error-level finding
EXIT_FINDINGS = 1  # error-level findings (or warnings with --strict)
EXIT_USAGE = 2  # usage, config or internal error

FORMAT_NAMES = ("text", "json", "sarif", "github", "junit", "markdown")

F = TypeVar("F", bound=Callable[..., Any])


class UserError(click.ClickException):
    """An error the user can fix: printed as one line, exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"srclint: error: {self.format_message()}", err=True)


def _split_codes(values: Sequence[str]) -> list[str]:
    return [part for value in values for part in value.replace(",", " ").split() if part]


def fetch_options(function: F) -> F:
    """The options that tune fetching, shared by ``check`` and ``fetch``."""
    options = [
        click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                     help="Where to keep the HTTP cache (default: the user cache dir)."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the HTTP cache."),
        click.option("--refresh", is_flag=True,
                     help="Revalidate every cached response instead of trusting its freshness."),
        click.option("--offline", is_flag=True,
                     help="Answer from the cache only; report what could not be checked."),
        click.option("--record", type=click.Path(dir_okay=False, path_type=Path),
                     help="Save every HTTP exchange of the run to this cassette file."),
        click.option("--replay", type=click.Path(dir_okay=False, path_type=Path),
                     help="Answer only from this cassette file (no network)."),
        click.option("--jobs", "-j", type=click.IntRange(1, 256),
                     help="Requests in flight at once (default 16)."),
        click.option("--timeout", type=click.FloatRange(0.1, 600),
                     help="Connect and read timeout in seconds (default 10)."),
        click.option("--allow-private", is_flag=True, default=None,
                     help="Allow links to loopback, private and other non-public addresses."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def build_fetch_settings(
    kwargs: dict[str, Any], config_path: Path | None, start: Path
) -> FetchSettings:
    """Fetch settings from the CLI options, over the config found from ``start``."""
    from srclint.config import config_for, load
    from srclint.fetch.settings import FetchSettings

    config = load(config_path) if config_path else config_for(start)
    if kwargs.get("replay") and not Path(kwargs["replay"]).is_file():
        raise UserError(f"{kwargs['replay']}: no such recording (make one with --record)")
    return FetchSettings(
        cache_dir=kwargs.get("cache_dir") or config.cache_dir,
        use_cache=not kwargs.get("no_cache"),
        refresh=bool(kwargs.get("refresh")),
        offline=bool(kwargs.get("offline")),
        jobs=kwargs.get("jobs") or config.jobs or 16,
        timeout=kwargs.get("timeout") or config.timeout or 10.0,
        allow_private=bool(kwargs.get("allow_private") or config.allow_private),
        allow_networks=config.allow_networks,
        suggest_archive=config.suggest_archive,
        hosts=config.hosts,
        record=kwargs.get("record"),
        replay=kwargs.get("replay"),
    )


def _parse_also_outputs(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> list[tuple[str, Path]]:
    pairs = []
    for value in values:
        format_, _, file = value.partition("=")
        if format_ not in FORMAT_NAMES or not file:
            raise click.BadParameter(
                f"{value!r}: expected FORMAT=FILE with FORMAT one of {', '.join(FORMAT_NAMES)}"
            )
        pairs.append((format_, Path(file)))
    return pairs


def _open_output(output: Path | None) -> TextIO:
    if output is None:
        return sys.stdout
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        return output.open("w", encoding="utf-8", newline="\n")
    except OSError as error:
        raise UserError(f"{output}: cannot write: {error.strerror}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="srclint")
def cli() -> None:
    """srclint checks that what a Markdown draft quotes, and whom it credits,
    matches the sources it links to — and that its links are alive.

    \b
    Start with:  srclint check essay.md
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "-f", "format_", type=click.Choice(FORMAT_NAMES), default="text",
              show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of standard output.")
@click.option("--also-output", "also_outputs", multiple=True, metavar="FORMAT=FILE",
              callback=_parse_also_outputs,
              help="Also write the report in FORMAT to FILE (repeatable): sarif=results.sarif.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this config file instead of searching for one.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these rules (codes, names or prefixes like Q; comma separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Do not run these rules.")
@click.option("--min-quote-words", type=click.IntRange(1, 100),
              help="Shortest inline quotation, in words (default 5).")
@click.option("--no-fetch", is_flag=True,
              help="Check only what needs no network (unsourced quotes, suppressions).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are errors.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--no-progress", is_flag=True, help="Do not show a progress bar while fetching.")
@click.option("--color/--no-color", default=None, help="Colour text output (default: on a TTY).")
@fetch_options
def check(paths: tuple[Path, ...], format_: str, output: Path | None,
          also_outputs: list[tuple[str, Path]], config_path: Path | None,
          select: tuple[str, ...], ignore: tuple[str, ...],
          min_quote_words: int | None, no_fetch: bool, exit_zero: bool, strict: bool,
          no_progress: bool, color: bool | None, **fetch_kwargs: Any) -> None:
    """Check the quotes, attributions, titles and links of Markdown files.

    PATHS are files or folders (searched for .md and .markdown files); the
    default is the current folder. Example:

    \b
        srclint check essay.md drafts/ --format json -o report.json
    """
    from srclint import lint
    from srclint.config import ConfigError
    from srclint.report import renderer

    targets = list(paths) or [Path(".")]
    pre_commit = os.environ.get("PRE_COMMIT") == "1"
    try:
        settings = build_fetch_settings(fetch_kwargs, config_path, targets[0])
        show_progress = (not no_progress and format_ != "github" and sys.stderr.isatty()
                         and not pre_commit)
        progress = _ProgressBar() if show_progress else None
        options = lint.LintOptions(
            config_path=config_path,
            select=tuple(_split_codes(select)),
            ignore=tuple(_split_codes(ignore)),
            min_quote_words=min_quote_words,
            fetch=settings,
            no_fetch=no_fetch,
            progress=progress,
        )
        run = lint.run(targets, options)
        if progress:
            progress.close()
    except (ConfigError, lint.UsageError) as error:
        raise UserError(str(error)) from None
    for report in run.reports:
        if report.error:
            click.echo(f"srclint: warning: {report.path}: {report.error}", err=True)
    if not run.reports:
        click.echo(f"srclint: no Markdown files (.md, .markdown) in {', '.join(map(str, targets))}",
                   err=True)
    out = _open_output(output)
    try:
        use_color = color if color is not None else (output is None and sys.stdout.isatty()
                                                     and "NO_COLOR" not in os.environ)
        renderer(format_).render(run, out, color=use_color)
    finally:
        if out is not sys.stdout:
            out.close()
    for also_format, also_path in also_outputs:
        also = _open_output(also_path)
        try:
            renderer(also_format).render(run, also)
        finally:
            also.close()
    sys.exit(exit_code(run, strict=strict, exit_zero=exit_zero, pre_commit=pre_commit))


def exit_code(run: Run, *, strict: bool, exit_zero: bool, pre_commit: bool) -> int:
    """0, or 1 for error-level findings (warnings too with ``strict``)."""
    from srclint.model import Level

    if exit_zero:
        return EXIT_OK
    # Under pre-commit a flaky network must never block a commit.
    network = {"L002", "L004"} if pre_commit else set()
    failing = {Level.ERROR, Level.WARNING} if strict else {Level.ERROR}
    if any(f.level in failing and f.code not in network for f in run.findings):
        return EXIT_FINDINGS
    return EXIT_OK


class _ProgressBar:
    """A one-line progress bar on stderr: ``fetching [#####     ] 12/40``."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\rfetching [{'#' * filled}{' ' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "-f", "format_", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--min-quote-words", type=click.IntRange(1, 100),
              help="Shortest inline quotation, in words (default 5).")
def extract(paths: tuple[Path, ...], format_: str, min_quote_words: int | None) -> None:
    """Show each citation of Markdown files — quote, link, claims — and why they were bound.

    Fetches nothing: this is how a writer debugs what srclint will check.

    \b
        srclint extract essay.md
        srclint extract essay.md --format json
    """
    from srclint import lint
    from srclint.config import ConfigError
    from srclint.report.citations import render_json, render_text

    try:
        documents, errors = lint.extract_documents(list(paths), min_quote_words)
    except (ConfigError, lint.UsageError) as error:
        raise UserError(str(error)) from None
    for path, reason in errors:
        click.echo(f"srclint: warning: {path}: {reason}", err=True)
    if format_ == "json":
        render_json(documents, sys.stdout)
    else:
        render_text(documents, sys.stdout)


@cli.command()
@click.argument("url")
@click.option("--format", "-f", "format_", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@fetch_options
def fetch(url: str, format_: str, **fetch_kwargs: Any) -> None:
    """Show what srclint sees of one source: adapter, request, status, title,
    authors, date, completeness and the start of the text.

    \b
        srclint fetch https://arxiv.org/abs/1805.08522
    """
    from srclint.config import ConfigError
    from srclint.fetch import Fetcher
    from srclint.sources import describe, render_description

    try:
        settings = build_fetch_settings(fetch_kwargs, None, Path("."))
    except ConfigError as error:
        raise UserError(str(error)) from None
    with Fetcher(settings) as fetcher:
        description = describe(url, fetcher)
    if format_ == "json":
        import json

        click.echo(json.dumps(description.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_description(description), nl=False)


@cli.command()
@click.option("--format", "-f", "format_", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
def rules(format_: str) -> None:
    """List every rule: code, name, default level and what it reports."""
    import json

    from srclint.rules import RULES

    if format_ == "json":
        data = [{"code": r.CODE, "name": r.NAME, "level": str(r.LEVEL), "summary": r.SUMMARY}
                for r in RULES.values()]
        click.echo(json.dumps(data, indent=2))
        return
    for rule in RULES.values():
        click.echo(f"{rule.CODE}  {rule.NAME:<20} {rule.LEVEL!s:<8} {rule.SUMMARY}")


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule, with a passing and a failing example.

    CODE is a rule code or name: ``srclint explain Q002`` or ``srclint explain quote-altered``.
    """
    import inspect

    from srclint.rules import lookup

    rule = lookup(code)
    if rule is None:
        raise UserError(f"no rule {code!r} (see `srclint rules`)")
    click.echo(f"{rule.CODE} {rule.NAME} (default level: {rule.LEVEL})\n")
    click.echo(inspect.cleandoc(rule.__doc__ or ""))


@cli.group()
def cache() -> None:
    """Inspect or clear the HTTP cache."""


@cache.command("info")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="The cache folder (default: the user cache dir).")
def cache_info(cache_dir: Path | None) -> None:
    """Where the cache is, how many responses it holds and its size."""
    from srclint.fetch import cache_info as info

    settings = build_fetch_settings({"cache_dir": cache_dir}, None, Path("."))
    click.echo(info(settings))


@cache.command("clear")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="The cache folder (default: the user cache dir).")
def cache_clear(cache_dir: Path | None) -> None:
    """Delete every cached response."""
    from srclint.fetch import cache_clear as clear

    settings = build_fetch_settings({"cache_dir": cache_dir}, None, Path("."))
    click.echo(clear(settings))


def main(argv: Sequence[str] | None = None) -> int:
    """Run srclint; return the exit code (tests call this in-process)."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="srclint",
                 standalone_mode=False)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.Abort:
        click.echo("srclint: interrupted", err=True)
        return EXIT_USAGE
    except click.ClickException as error:
        error.show()
        return error.exit_code if error.exit_code != 1 else EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        click.echo(f"srclint: internal error: {type(error).__name__}: {error} "
                   "(please report this; run with SRCLINT_DEBUG=1 for details)", err=True)
        if os.environ.get("SRCLINT_DEBUG"):
            raise
        return EXIT_USAGE
    return EXIT_OK
