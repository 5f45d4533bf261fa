"""`tablee export-members TABLE_SLUG --format csv|xlsx -o FILE`: seats and holders."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tablee.members import importing
from tablee.tables.selectors import table_get_by_slug


class Command(BaseCommand):
    help = (
        "Export a table's open seats and their holders with the import's French columns, "
        "so the file imports back as is. -o - writes to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("table_slug")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("-o", "--output", default="-")

    def handle(self, *args, table_slug: str, format: str, output: str, **options):
        table = table_get_by_slug(slug=table_slug)
        if table is None:
            raise CommandError(f"No table with the short name {table_slug!r}.")
        rows = importing.export_table(table=table)
        content = importing.to_csv(rows) if format == "csv" else importing.to_xlsx(rows)
        if output == "-":
            stream = getattr(self.stdout, "_out", sys.stdout)
            buffer = getattr(stream, "buffer", None)
            if buffer is not None:
                buffer.write(content)
                buffer.flush()
            else:
                stream.write(content.decode("utf-8-sig") if format == "csv" else repr(content))
            return
        Path(output).write_bytes(content)
        self.stderr.write(f"{len(rows) - 1} rows written to {output}.")
