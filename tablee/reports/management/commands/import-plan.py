"""`tablee import-plan TABLE_SLUG FILE --process SLUG [--dry-run]`: a plan from Excel."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tablee.core.errors import DomainError
from tablee.reports import selectors, services, spreadsheet
from tablee.reports.importing import LEVELS, build_plan
from tablee.tables.selectors import table_get_by_slug


def _summary(counts: dict[str, int]) -> str:
    parts = []
    for level in LEVELS:
        if level == "axes":
            parts.append(f"axes: {counts['axes_created']} created")
            continue
        parts.append(
            f"{level}: {counts[f'{level}_created']} created, "
            f"{counts[f'{level}_updated']} updated, {counts[f'{level}_unchanged']} unchanged"
        )
    return "; ".join(parts)


class Command(BaseCommand):
    help = (
        "Import a process's plan from an Excel workbook (sheets Objectifs, Actions, "
        "Indicateurs, Valeurs, Ressources, as written by export-plan). Matching rows are "
        "updated, others created, nothing deleted. All or nothing: any bad row stops it."
    )

    def add_arguments(self, parser):
        parser.add_argument("table_slug")
        parser.add_argument("file")
        parser.add_argument("--process", required=True, dest="process_slug")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; write nothing."
        )

    def handle(self, *args, table_slug, file, process_slug, dry_run, **options):
        table = table_get_by_slug(slug=table_slug)
        if table is None:
            raise CommandError(f"No table with the short name {table_slug!r}.")
        process = selectors.process_get(table=table, process_slug=process_slug)
        if process is None:
            raise CommandError(f"The table {table_slug!r} has no process {process_slug!r}.")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {file}.")
        try:
            sheets = spreadsheet.read_workbook(data=path.read_bytes())
        except DomainError as error:
            for problem in error.extra.get("problems", [error.message]):
                self.stderr.write(problem)
            raise CommandError("The workbook cannot be read; nothing was imported.") from error
        plan = build_plan(process=process, sheets=sheets)
        if plan.has_errors:
            self._errors(plan.errors)
            raise CommandError(f"{len(plan.errors)} error(s) in the file; nothing was imported.")
        counts = plan.counts
        if not dry_run:
            try:
                counts = services.plan_import(process=process, actor=None, sheets=sheets)
            except DomainError as error:
                self._errors(error.extra.get("rows", []))
                raise CommandError(error.message) from error
        verb = "would be written (dry run)" if dry_run else "written"
        self.stdout.write(f"{_summary(counts)} ({verb}).")

    def _errors(self, errors) -> None:
        for sheet, row, message in errors:
            self.stderr.write(f"{sheet}, row {row}: {message}")
