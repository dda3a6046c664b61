"""The `pantau` command. Data goes to stdout (or -o FILE); errors, warnings and the summary to stderr.

Exit codes: 0 when every input was extracted cleanly, 1 when any input or stage failed (the rest
of the batch is still processed and written), 2 for a usage error.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

import click

from . import __version__, store_cli
from .errors import InputError, PantauError
from .inputs import DEFAULT_MAX_BYTES, read_inputs
from .model import Document
from .pipeline import STAGE_HELP, build_pipeline
from .record import to_record

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE_RE.match(value):
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return value


class _JsonWriter:
    """Writes records as JSONL, or as one JSON array, as they come (nothing is held in memory)."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out, self.fmt, self.count = out, fmt, 0

    def write(self, rec: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            self.out.write(("[\n" if self.count == 0 else ",\n") + json.dumps(rec, ensure_ascii=False, indent=1))
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def _failure_rows(item: Document | InputError) -> Iterator[dict[str, Any]]:
    if isinstance(item, InputError):
        yield {"path": item.path, "line": item.line, "id": None, "stage": "input", "error": "InputError",
               "message": str(item)}
        return
    for f in item.failures:
        yield {"path": item.origin, "line": None, "id": item.id, "stage": f.stage, "error": f.error,
               "message": f.message}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="pantau")
def main() -> None:
    """pantau: who met whom, what they agreed and promised, with the sentence that says it."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="One record a line, or one JSON array.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write records here instead of stdout.")
@click.option("--published", callback=_check_date, default=None, metavar="DATE",
              help="Publication date for inputs that do not carry one in their record (ISO date).")
@click.option("--failures", "failures_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write one JSON line per failed input or stage here.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse a single page or record larger than this.")
@click.option("--debug", is_flag=True, help="Let a stage error raise with its traceback.")
@click.option("--explain", is_flag=True, help="Add to each event and commitment the trigger and rule that produced it.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr (errors are still printed).")
def extract(inputs: tuple[Path, ...], fmt: str, output: Path | None, published: str | None,
            failures_path: Path | None, max_bytes: int, debug: bool, explain: bool, quiet: bool) -> None:
    """Extract one record per document from files and directories.

    INPUT may be .txt, .html/.htm, .json, .jsonl, WARC, their .gz versions, or a directory of them.

    Example: pantau extract ../shared/corpus/seeds ../shared/corpus/dev.jsonl -o out.jsonl
    """
    try:
        pipeline = build_pipeline(on_error="raise" if debug else "record")
    except PantauError as exc:
        raise click.ClickException(str(exc)) from exc
    processed = failed = 0
    with ExitStack() as stack:
        out = stack.enter_context(output.open("w", encoding="utf-8")) if output else sys.stdout
        fail_out = stack.enter_context(failures_path.open("w", encoding="utf-8")) if failures_path else None
        writer = _JsonWriter(out, fmt)
        for item in read_inputs(inputs, max_bytes=max_bytes):
            if isinstance(item, Document):
                if published and not item.hints.published:
                    item.hints.published = published
                item = pipeline(item)
                for w in item.warnings:
                    click.echo(f"warning: {item.origin}: {w}", err=True)
                writer.write(to_record(item, explain=explain))
                processed += 1
            rows = list(_failure_rows(item))
            if rows:
                failed += 1
                for row in rows:
                    click.echo(f"error: {row['message']}", err=True)
                    if fail_out:
                        fail_out.write(json.dumps(row, ensure_ascii=False) + "\n")
        writer.close()
    if not quiet:
        where = f" (see {failures_path})" if failures_path and failed else ""
        click.echo(f"processed {processed}, failed {failed}{where}", err=True)
    if failed:
        sys.exit(1)


@main.command()
def stages() -> None:
    """List the pipeline stages in the order they run.

    Example: pantau stages
    """
    for name, help_text in STAGE_HELP.items():
        click.echo(f"{name:10s} {help_text}")


main.add_command(store_cli.ingest)
main.add_command(store_cli.events)
main.add_command(store_cli.entities)
main.add_command(store_cli.commitments)
main.add_command(store_cli.figures)
main.add_command(store_cli.show)
main.add_command(store_cli.mechanisms)
main.add_command(store_cli.export)
main.add_command(store_cli.demo)
