"""`tablee export-report TABLE_SLUG --year YYYY --format pdf|docx -o FILE`: the annual report."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from tablee.core.errors import DomainError
from tablee.reports import annual, annual_rendering, building, rendering, selectors
from tablee.tables.selectors import table_get_by_slug


def _read(path: str | None, option: str) -> str:
    if not path:
        return ""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"Cannot read {option} {path}: {exc}.") from exc


class Command(BaseCommand):
    help = (
        "Write a table's annual report (bilan annuel) for a year as PDF or Word: composition, "
        "meetings and attendance, decisions, action plan progress, evaluation results and the "
        "coordination's own introduction and outlook."
    )

    def add_arguments(self, parser):
        parser.add_argument("table_slug", help="short name of the table (as in its address)")
        parser.add_argument("--year", required=True, help="the year, e.g. 2025")
        parser.add_argument(
            "--format", choices=rendering.DOCUMENT_FORMATS, required=True, dest="fmt"
        )
        parser.add_argument(
            "--intro-file",
            help="UTF-8 text file: the introduction (default: the one saved for that year)",
        )
        parser.add_argument(
            "--outlook-file",
            help="UTF-8 text file: the outlook (default: the one saved for that year)",
        )
        parser.add_argument(
            "--language",
            default=building.DEFAULT_CLI_LANGUAGE,
            choices=["fr-ca", "en"],
            help="language of the report (default: French)",
        )
        parser.add_argument(
            "--audience",
            choices=annual.AUDIENCES,
            default=annual.AUDIENCE_OUTSIDE,
            help=(
                "who the copy is for: 'outside' (partners and funders: only the evaluation "
                "results the table decided to share; the default) or 'table' (its members: "
                "every result)"
            ),
        )
        parser.add_argument("-o", "--output", required=True, help="file to write")

    def handle(
        self,
        *args,
        table_slug,
        year,
        fmt,
        intro_file,
        outlook_file,
        language,
        audience,
        output,
        **o,
    ):
        table = table_get_by_slug(slug=table_slug)
        if table is None:
            raise CommandError(f"No table with the short name {table_slug!r}.")
        try:
            with translation.override("en"):
                year = annual.check_year(year)
        except DomainError as error:
            raise CommandError(error.message) from None
        saved = selectors.annual_text_get(table=table, year=year)
        report = annual.build_annual(
            table=table,
            year=year,
            language=language,
            introduction=_read(intro_file, "--intro-file")
            if intro_file
            else (saved.introduction if saved else ""),
            perspectives=_read(outlook_file, "--outlook-file")
            if outlook_file
            else (saved.outlook if saved else ""),
            audience=audience,
        )
        content = annual_rendering.render(report, fmt)
        try:
            Path(output).write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror}.") from exc
        self.stderr.write(f"Annual report {year} of {table.name!r} written to {output}.")
