"""`tablee export-plan TABLE_SLUG --process SLUG --format pdf|docx|xlsx [--from --to] -o FILE`."""

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tablee.reports import building, rendering, selectors, spreadsheet
from tablee.tables.selectors import table_get_by_slug


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value!r} is not a date: write it as 2025-03-31.") from exc


class Command(BaseCommand):
    help = (
        "Write a process's funder report (PDF or Word, for a period) or its whole plan as an "
        "Excel workbook that imports back with import-plan. -o - writes the file to standard "
        "output."
    )

    def add_arguments(self, parser):
        parser.add_argument("table_slug", help="short name of the table (as in its address)")
        parser.add_argument("--process", required=True, dest="process_slug")
        parser.add_argument("--format", choices=rendering.FORMATS, required=True, dest="fmt")
        parser.add_argument("--from", dest="start", help="first day of the period (YYYY-MM-DD)")
        parser.add_argument("--to", dest="end", help="last day of the period (YYYY-MM-DD)")
        parser.add_argument(
            "--language",
            default=building.DEFAULT_CLI_LANGUAGE,
            choices=["fr-ca", "en"],
            help="language of the report (default: French)",
        )
        parser.add_argument("-o", "--output", required=True, help="file to write, or -")

    def handle(self, *args, table_slug, process_slug, fmt, start, end, language, output, **opts):
        table = table_get_by_slug(slug=table_slug)
        if table is None:
            raise CommandError(f"No table with the short name {table_slug!r}.")
        process = selectors.process_get(table=table, process_slug=process_slug)
        if process is None:
            raise CommandError(f"The table {table_slug!r} has no process {process_slug!r}.")
        start = _date(start) if start else None
        end = _date(end) if end else None
        if start and end and end < start:
            raise CommandError("The end of the period (--to) comes before its start (--from).")
        if fmt == "xlsx":
            content = spreadsheet.export_plan(process=process)
        else:
            report = building.build_report(
                process=process, start=start, end=end, language=language
            )
            content = rendering.render(report, fmt)
        if output == "-":
            stream = getattr(self.stdout, "_out", sys.stdout)
            buffer = getattr(stream, "buffer", None)
            if buffer is None:
                raise CommandError("Standard output cannot take a binary file here; use -o FILE.")
            buffer.write(content)
            buffer.flush()
            return
        try:
            Path(output).write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror}.") from exc
        self.stderr.write(f"{fmt.upper()} of {process.title!r} written to {output}.")
