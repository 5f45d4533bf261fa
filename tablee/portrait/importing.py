"""Read a spreadsheet of territory indicators, and plan its import.

One row per value: `indicateur, unité, source, année, géographie, valeur`
(English headers accepted, an optional `note` column). An empty value cell
is missing data, recorded as missing (never 0). `read_rows` turns the file
into plain rows, `build_plan` checks every row and says what would happen;
nothing is written here. `services.indicators_import` writes a plan
without error, all or nothing.

The file-reading helpers (CSV sniffing and decoding, XLSX reading) are the
member import's, so both imports accept exactly the same files.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from tablee.core.errors import InvalidInput
from tablee.members.importing import _csv_rows, _xlsx_rows, to_csv  # noqa: F401
from tablee.organizations.models import normalize_name
from tablee.portrait.models import MAX_YEAR, MIN_YEAR, TerritoryIndicator

MAX_ROWS = 5000
COLUMNS = ("name", "unit", "source", "year", "geography", "value")
OPTIONAL_COLUMNS = ("note",)
FRENCH_HEADERS = ("indicateur", "unité", "source", "année", "géographie", "valeur")
# Header spellings accepted for each column, compared without case or accents.
_HEADER_ALIASES = {
    "name": ("indicateur", "indicator", "nom de l indicateur", "indicator name"),
    "unit": ("unite", "unit", "unite de mesure"),
    "source": ("source", "sources"),
    "year": ("annee", "year", "an"),
    "geography": ("geographie", "geography", "territoire", "territory", "area"),
    "value": ("valeur", "value"),
    "note": ("note", "notes", "remarque", "commentaire", "comment"),
}
HEADER_LOOKUP = {
    normalize_name(alias): column
    for column, aliases in _HEADER_ALIASES.items()
    for alias in aliases
}
# Cells that say "no data" in the usual ways (Statistics Canada writes "..",
# "x" for confidential); they are missing data, like an empty cell.
MISSING_SIGNS = frozenset({"", "..", "...", "-", "–", "—"})
MISSING_WORDS = frozenset({"n d", "nd", "na", "n a", "x", "nan"})
MAX_DIGITS_BEFORE_POINT = 12


# -- reading ---------------------------------------------------------------


def read_rows(*, data: bytes, filename: str) -> list[dict]:
    """Return the data rows of a CSV/XLSX file as dicts keyed by column.

    Each dict carries `row`, its line number in the file (the header is
    row 1). Fully empty rows are skipped but keep their numbering.
    """
    if len(data) > settings.TABLEE_MAX_UPLOAD_BYTES:
        raise InvalidInput(
            _("The file is too large (at most %(size)s MB).")
            % {"size": settings.TABLEE_MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    is_xlsx = filename.lower().endswith(".xlsx") or data[:2] == b"PK"
    raw = _xlsx_rows(data) if is_xlsx else _csv_rows(data)
    if not raw:
        raise InvalidInput(_("The file is empty."))
    positions: dict[str, int] = {}
    for index, cell in enumerate(raw[0]):
        column = HEADER_LOOKUP.get(normalize_name(cell))
        if column and column not in positions:
            positions[column] = index
    missing = [
        FRENCH_HEADERS[COLUMNS.index(column)] for column in COLUMNS if column not in positions
    ]
    if missing:
        raise InvalidInput(
            _("These columns are missing from the first row: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    rows = []
    for number, cells in enumerate(raw[1:], start=2):
        if not any((cell or "").strip() for cell in cells):
            continue
        row: dict = {"row": number}
        for column in COLUMNS + OPTIONAL_COLUMNS:
            index = positions.get(column)
            cell = cells[index] if index is not None and index < len(cells) else ""
            row[column] = (cell or "").strip()
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise InvalidInput(
                _("The file has more than %(max)s rows. Split it into smaller files.")
                % {"max": MAX_ROWS}
            )
    if not rows:
        raise InvalidInput(_("The file has a header but no rows."))
    return rows


def indicator_key(name: str, geography: str) -> str:
    """The comparison key of an indicator: its name and geography, normalized."""
    return f"{normalize_name(name)}|{normalize_name(geography)}"


def parse_year(text: str) -> int | None:
    """Return the year written in `text` ("2021", "2021.0" from Excel), or None."""
    text = (text or "").strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit():
        return None
    year = int(text)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def parse_value(text: str) -> tuple[Decimal | None, bool]:
    """Return (value, ok): an empty or "n/d" cell is (None, True), missing data.

    Accepts the French decimal comma, spaces between thousands and a
    trailing percent or dollar sign (the unit says what the number is).
    """
    cleaned = (text or "").strip()
    if cleaned in MISSING_SIGNS or normalize_name(cleaned) in MISSING_WORDS:
        return None, True
    for char in (" ", "\u00a0", "\u202f", "%", "$"):
        cleaned = cleaned.replace(char, "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, False
    if not value.is_finite():
        return None, False
    if abs(value) >= Decimal(10) ** MAX_DIGITS_BEFORE_POINT:
        return None, False
    return value.quantize(Decimal("0.0001")), True


# -- planning --------------------------------------------------------------


@dataclass
class PlannedRow:
    row: int
    values: dict
    errors: list[str] = field(default_factory=list)
    indicator: str = ""  # "new" or "found"
    value_action: str = ""  # "add", "replace" or "same"
    replaces: str = ""  # the value being replaced, for the preview
    # Resolved values used by the service.
    key: str = ""
    indicator_obj: TerritoryIndicator | None = None
    year: int | None = None
    value: Decimal | None = None

    @property
    def is_missing(self) -> bool:
        return self.value is None


@dataclass
class Plan:
    rows: list[PlannedRow]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def error_rows(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.errors]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "rows": len(self.rows),
            "indicators_created": len({r.key for r in self.rows if r.indicator == "new"}),
            "values_added": sum(1 for r in self.rows if r.value_action == "add"),
            "values_replaced": sum(1 for r in self.rows if r.value_action == "replace"),
            "missing": sum(1 for r in self.rows if not r.errors and r.value is None),
        }


def build_plan(*, table, rows: list[dict]) -> Plan:
    """Check each row and say what importing it would do; write nothing.

    Two queries: the table's indicators, and their values.
    """
    from tablee.portrait import selectors

    indicators = {i.key: i for i in selectors.indicators_for_import(table=table)}
    stored = selectors.values_by_indicator_year(table=table)

    planned: list[PlannedRow] = []
    seen: dict[tuple[str, int], int] = {}
    first_unit: dict[str, tuple[str, int]] = {}
    first_source: dict[str, tuple[str, int]] = {}
    for values in rows:
        line = PlannedRow(row=values["row"], values=values)
        planned.append(line)
        name = values.get("name", "")
        geography = values.get("geography", "")
        unit = values.get("unit", "")
        source = values.get("source", "")
        if not name:
            line.errors.append(_("Give the name of the indicator."))
        elif len(name) > 200:
            line.errors.append(_("Keep the indicator's name under 200 characters."))
        if len(unit) > 60:
            line.errors.append(_("Keep the unit under 60 characters."))
        if len(source) > 300:
            line.errors.append(_("Keep the source under 300 characters."))
        if len(geography) > 200:
            line.errors.append(_("Keep the geography under 200 characters."))
        if len(values.get("note", "")) > 200:
            line.errors.append(_("Keep the note under 200 characters."))
        line.year = parse_year(values.get("year", ""))
        if line.year is None:
            if values.get("year"):
                line.errors.append(
                    _("“%(value)s” is not a year between %(min)s and %(max)s.")
                    % {"value": values["year"], "min": MIN_YEAR, "max": MAX_YEAR}
                )
            else:
                line.errors.append(_("Give the year of the value."))
        value, ok = parse_value(values.get("value", ""))
        if not ok:
            line.errors.append(
                _(
                    "“%(value)s” is not a number. Write a number (12.5 or 12,5), "
                    "or leave the cell empty when the data is missing."
                )
                % {"value": values["value"]}
            )
        line.value = value
        if not name:
            continue
        line.key = indicator_key(name, geography)
        existing = indicators.get(line.key)
        line.indicator_obj = existing
        line.indicator = "found" if existing else "new"
        # One unit and one source per indicator: rows must agree with each
        # other, and the unit of a known indicator cannot change under its
        # recorded values.
        if existing is not None and unit and normalize_name(unit) != normalize_name(existing.unit):
            line.errors.append(
                _(
                    "This indicator is recorded in “%(unit)s”; write the same unit "
                    "or change the indicator first."
                )
                % {"unit": existing.unit or _("no unit")}
            )
        if unit:
            other = first_unit.setdefault(line.key, (unit, line.row))
            if normalize_name(other[0]) != normalize_name(unit):
                line.errors.append(
                    _("Row %(other)s gives another unit (“%(unit)s”) for this indicator.")
                    % {"other": other[1], "unit": other[0]}
                )
        if source:
            other = first_source.setdefault(line.key, (source, line.row))
            if normalize_name(other[0]) != normalize_name(source):
                line.errors.append(
                    _("Row %(other)s gives another source (“%(source)s”) for this indicator.")
                    % {"other": other[1], "source": other[0]}
                )
        if line.year is None:
            continue
        slot = (line.key, line.year)
        if slot in seen:
            line.errors.append(
                _("Row %(other)s already gives this indicator's value for %(year)s.")
                % {"other": seen[slot], "year": line.year}
            )
        else:
            seen[slot] = line.row
        if existing is not None and (existing.pk, line.year) in stored:
            previous = stored[(existing.pk, line.year)]
            if previous == value:
                line.value_action = "same"
            else:
                line.value_action = "replace"
                line.replaces = _("missing") if previous is None else f"{previous.normalize():f}"
        else:
            line.value_action = "add"
    return Plan(rows=planned)


def template_rows() -> list[list[str]]:
    """Example rows under the French header, for the downloadable template."""
    return [
        [*FRENCH_HEADERS, "note"],
        [
            "Ménages en situation d'insécurité alimentaire",
            "%",
            "Enquête régionale",
            "2022",
            "Saint-Exemple",
            "14,2",
            "",
        ],
        [
            "Ménages en situation d'insécurité alimentaire",
            "%",
            "Enquête régionale",
            "2023",
            "Saint-Exemple",
            "",
            "données partielles",
        ],
    ]


def to_xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Indicateurs"
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
