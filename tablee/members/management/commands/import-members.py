"""`tablee import-members TABLE_SLUG FILE [--dry-run]`: seats from a spreadsheet."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tablee.core.errors import DomainError
from tablee.members import importing, services
from tablee.tables.selectors import table_get_by_slug


class Command(BaseCommand):
    help = (
        "Import organizations, seats and their holders into a table from a CSV or XLSX "
        "file (columns: organisation, secteur, prénom, nom, courriel, rôle, type d'acteur). "
        "All or nothing: any bad row stops the import."
    )

    def add_arguments(self, parser):
        parser.add_argument("table_slug")
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; write nothing."
        )

    def handle(self, *args, table_slug: str, file: str, dry_run: bool, **options):
        table = table_get_by_slug(slug=table_slug)
        if table is None:
            raise CommandError(f"No table with the short name {table_slug!r}.")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {file}.")
        try:
            rows = importing.read_rows(data=path.read_bytes(), filename=path.name)
        except DomainError as error:
            raise CommandError(error.message) from error
        plan = importing.build_plan(table=table, rows=rows)
        if plan.has_errors:
            for line in plan.error_rows:
                for message in line.errors:
                    self.stderr.write(f"row {line.row}: {message}")
            raise CommandError(f"{len(plan.error_rows)} row(s) with errors; nothing was imported.")
        counts = plan.counts
        if not dry_run:
            try:
                counts = services.seats_import(table=table, actor=None, rows=rows)
            except DomainError as error:
                for row, messages in error.extra.get("rows", {}).items():
                    for message in messages:
                        self.stderr.write(f"row {row}: {message}")
                raise CommandError(error.message) from error
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{counts['rows']} rows: {counts['organizations_created']} organizations created, "
            f"{counts['seats_created']} seats created, {counts['seats_updated']} seats updated, "
            f"{counts['holders_named']} holders named ({verb} written)."
        )
