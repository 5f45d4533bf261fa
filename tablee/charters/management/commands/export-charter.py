"""`tablee export-charter SLUG --format pdf|docx [--version N] -o FILE`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tablee.charters import exports, selectors
from tablee.tables.selectors import table_get_by_slug


class Command(BaseCommand):
    help = (
        "Write a table's charter as PDF or Word (DOCX), in the table's language. "
        "Without --version: the latest adopted version, else the draft."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Django's own --version (the Django version) gives way to the
        # charter's version number, which is what this command is about.
        kwargs.setdefault("conflict_handler", "resolve")
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("table_slug", help="short name of the table (as in its address)")
        parser.add_argument(
            "--format", choices=exports.FORMATS, required=True, dest="fmt", help="file format"
        )
        parser.add_argument(
            "--version",
            type=int,
            dest="number",
            help="version number (default: latest adopted, else the draft)",
        )
        parser.add_argument("-o", "--output", required=True, help="file to write")

    def handle(self, *args, table_slug: str, fmt: str, number: int | None, output: str, **opts):
        table = table_get_by_slug(slug=table_slug)
        if table is None:
            raise CommandError(f"No table with the short name {table_slug!r}.")
        if number is None:
            version = selectors.charter_default_version(table=table)
            if version is None:
                raise CommandError(f"The table {table_slug!r} has no charter yet.")
        else:
            version = selectors.charter_version_get(table=table, number=number)
            if version is None:
                raise CommandError(f"The table {table_slug!r} has no charter version {number}.")
        content = exports.build(version=version, fmt=fmt)
        try:
            Path(output).write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror}.") from exc
        state = "adopted" if version.is_adopted else "draft"
        self.stdout.write(
            self.style.SUCCESS(f"Version {version.number} ({state}) written to {output}.")
        )
