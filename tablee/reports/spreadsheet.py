"""The plan as an Excel workbook (openpyxl): one sheet per level, French headers.

`export_plan` writes the workbook; `read_workbook` reads one back into
plain rows (JSON-friendly strings, so a preview can wait in the session)
for `reports.importing`. The sheets and their columns are declared once in
SHEETS, so what is written is exactly what is read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from tablee.core.errors import InvalidInput
from tablee.organizations.models import normalize_name

MAX_ROWS = 5000
# The spreadsheet always speaks French, whatever the reader's language.
SHEET_LANGUAGE = "fr-ca"


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the French header written by the export
    aliases: tuple[str, ...] = ()  # other spellings accepted on import (English…)
    width: int = 18
    kind: str = "text"  # "text", "date", "number"


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str  # the French sheet name written by the export
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    required: bool = False


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "objectives",
        "Objectifs",
        ("objectives", "objectif"),
        (
            Column("objective", "objectif", ("objective", "titre", "title"), 50),
            Column("description", "description", (), 60),
        ),
        required=True,
    ),
    Sheet(
        "actions",
        "Actions",
        ("action", "plan actions"),
        (
            Column("objective", "objectif", ("objective",), 40),
            Column("axis", "axe ou stratégie", ("axe", "stratégie", "axis", "strategy"), 30),
            Column("action", "action", ("titre", "title"), 50),
            Column("description", "description", (), 50),
            Column("starts_on", "date de début", ("début", "start", "start date"), 14, "date"),
            Column("ends_on", "date de fin", ("fin", "end", "end date"), 14, "date"),
            Column("status", "statut", ("status", "état"), 14),
            Column("origin", "origine", ("origin",), 30),
            Column(
                "organization",
                "organisme imputable",
                ("accountable organization", "organisme responsable"),
                32,
            ),
            Column(
                "person",
                "courriel de la personne imputable",
                (
                    "personne imputable",
                    "personne imputable (courriel)",
                    "accountable person",
                    "accountable person email",
                ),
                32,
            ),
            Column("partners", "partenaires", ("partners",), 50),
        ),
        required=True,
    ),
    Sheet(
        "indicators",
        "Indicateurs",
        ("indicators", "indicateur"),
        (
            Column("action", "action", (), 40),
            Column("indicator", "indicateur", ("indicator", "nom", "name"), 40),
            Column("kind", "question", ("kind", "type"), 28),
            Column("unit", "unité", ("unit",), 12),
            Column("baseline_value", "valeur de départ", ("baseline", "départ"), 14, "number"),
            Column("baseline_on", "date de départ", ("baseline date",), 14, "date"),
            Column("target_value", "cible", ("target", "valeur cible"), 12, "number"),
            Column("target_on", "date cible", ("target date",), 14, "date"),
            Column("source", "source", (), 30),
        ),
    ),
    Sheet(
        "values",
        "Valeurs",
        ("values", "valeurs mesurées", "measures", "mesures"),
        (
            Column("action", "action", (), 40),
            Column("indicator", "indicateur", ("indicator",), 40),
            Column("measured_on", "date", ("date de mesure", "measured on"), 14, "date"),
            Column("value", "valeur", ("value",), 12, "number"),
            Column("source", "source", (), 30),
            Column("note", "note", (), 40),
        ),
    ),
    Sheet(
        "resources",
        "Ressources",
        ("resources", "ressources engagées"),
        (
            Column("action", "action", (), 40),
            Column("organization", "organisme", ("organisation", "organization"), 32),
            Column("kind", "type de ressource", ("type", "kind", "kind of resource"), 20),
            Column("quantity", "quantité", ("quantity",), 12, "number"),
            Column("unit", "unité", ("unit",), 10),
            Column("amount", "valeur ($)", ("valeur", "montant", "value", "amount"), 14, "number"),
            Column("note", "note", (), 40),
        ),
    ),
)
SHEET_BY_KEY = {sheet.key: sheet for sheet in SHEETS}


def _sheet_lookup() -> dict[str, Sheet]:
    lookup = {}
    for sheet in SHEETS:
        for name in (sheet.title, *sheet.aliases):
            lookup[normalize_name(name)] = sheet
    return lookup


def _header_lookup(sheet: Sheet) -> dict[str, str]:
    lookup = {}
    for column in sheet.columns:
        for name in (column.header, *column.aliases):
            lookup.setdefault(normalize_name(name), column.key)
    return lookup


# ---------------------------------------------------------------- export


def _cell(value):
    if value is None:
        return None
    if isinstance(value, Decimal):
        # Whole numbers as integers, others as plain decimals Excel can sum.
        normalized = value.normalize()
        return int(normalized) if normalized == normalized.to_integral() else float(value)
    return value


def plan_rows(*, process) -> dict[str, list[list]]:
    """Return each sheet's rows (without the header), as the import reads them."""
    from tablee.reports import selectors
    from tablee.reports.importing import (
        KIND_EXPORT,
        ORIGIN_EXPORT,
        RESOURCE_EXPORT,
        STATUS_EXPORT,
        partners_cell,
    )

    with translation.override(SHEET_LANGUAGE):
        rows: dict[str, list[list]] = {sheet.key: [] for sheet in SHEETS}
        for objective in selectors.objective_list(process=process):
            rows["objectives"].append([objective.title, objective.description])
        for action in selectors.export_actions(process=process):
            rows["actions"].append(
                [
                    action.objective.title,
                    action.axis.title if action.axis else "",
                    action.title,
                    action.description,
                    action.starts_on,
                    action.ends_on,
                    str(STATUS_EXPORT[action.status]),
                    str(ORIGIN_EXPORT[action.origin]),
                    action.accountable_organization.name
                    if action.accountable_organization
                    else "",
                    action.accountable_person.email if action.accountable_person else "",
                    partners_cell(action.partners.all()),
                ]
            )
        for indicator in selectors.export_indicators(process=process):
            rows["indicators"].append(
                [
                    indicator.action.title,
                    indicator.name,
                    str(KIND_EXPORT[indicator.kind]),
                    indicator.unit,
                    _cell(indicator.baseline_value),
                    indicator.baseline_on,
                    _cell(indicator.target_value),
                    indicator.target_on,
                    indicator.source,
                ]
            )
            for measure in indicator.measures.all():
                rows["values"].append(
                    [
                        indicator.action.title,
                        indicator.name,
                        measure.measured_on,
                        _cell(measure.value),
                        measure.source,
                        measure.note,
                    ]
                )
        for commitment in selectors.export_resources(process=process):
            rows["resources"].append(
                [
                    commitment.action.title,
                    commitment.organization.name,
                    str(RESOURCE_EXPORT[commitment.kind]),
                    _cell(commitment.quantity),
                    commitment.unit,
                    _cell(commitment.amount),
                    commitment.note,
                ]
            )
    return rows


def export_plan(*, process) -> bytes:
    """Return the plan of `process` as an .xlsx workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    rows = plan_rows(process=process)
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E4F0EE")
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.title)
        worksheet.append([column.header for column in sheet.columns])
        for cell in worksheet[1]:
            cell.font = bold
            cell.fill = fill
        worksheet.freeze_panes = "A2"
        for index, column in enumerate(sheet.columns, start=1):
            letter = worksheet.cell(row=1, column=index).column_letter
            worksheet.column_dimensions[letter].width = column.width
        date_columns = [i for i, c in enumerate(sheet.columns) if c.kind == "date"]
        for values in rows[sheet.key]:
            worksheet.append(values)
            for index in date_columns:
                if values[index] is not None:
                    worksheet.cell(
                        row=worksheet.max_row, column=index + 1
                    ).number_format = "yyyy-mm-dd"
    workbook.properties.title = str(process.title)[:200]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- reading


def _text(value) -> str:
    """A cell as text: dates in ISO form, whole floats without `.0`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def read_workbook(*, data: bytes) -> dict[str, list[dict]]:
    """Return the rows of each known sheet: {sheet key: [{"row": n, column: text}]}.

    Raise InvalidInput when the file is not a workbook, a required sheet is
    missing or a sheet's first row lacks a column. Fully empty rows are
    skipped but keep their numbering (the header is row 1).
    """
    from openpyxl import load_workbook

    if len(data) > settings.TABLEE_MAX_UPLOAD_BYTES:
        raise InvalidInput(
            _("The file is too large (at most %(size)s MB).")
            % {"size": settings.TABLEE_MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InvalidInput(_("This file is not a readable Excel workbook (.xlsx).")) from exc
    try:
        return _read_sheets(workbook)
    finally:
        workbook.close()


def _read_sheets(workbook) -> dict[str, list[dict]]:
    lookup = _sheet_lookup()
    found: dict[str, object] = {}
    for worksheet in workbook.worksheets:
        sheet = lookup.get(normalize_name(worksheet.title))
        if sheet is not None and sheet.key not in found:
            found[sheet.key] = worksheet
    missing = [sheet.title for sheet in SHEETS if sheet.required and sheet.key not in found]
    if missing:
        raise InvalidInput(
            _("The workbook has no sheet named %(names)s. Start from an exported plan.")
            % {"names": ", ".join(f"« {name} »" for name in missing)}
        )
    result: dict[str, list[dict]] = {}
    problems: list[str] = []
    for sheet in SHEETS:
        worksheet = found.get(sheet.key)
        if worksheet is None:
            continue
        rows_iter = worksheet.iter_rows(values_only=True)
        header = next(rows_iter, None) or ()
        headers = _header_lookup(sheet)
        positions: dict[str, int] = {}
        for index, cell in enumerate(header):
            key = headers.get(normalize_name(_text(cell)))
            if key and key not in positions:
                positions[key] = index
        absent = [c.header for c in sheet.columns if c.key not in positions]
        if absent:
            problems.append(
                _(
                    "Sheet « %(sheet)s »: these columns are missing from the first row: "
                    "%(columns)s."
                )
                % {"sheet": sheet.title, "columns": ", ".join(absent)}
            )
            continue
        rows = []
        for number, cells in enumerate(rows_iter, start=2):
            values = {
                key: _text(cells[i]) if i < len(cells) else "" for key, i in positions.items()
            }
            if not any(values.values()):
                continue
            if len(rows) >= MAX_ROWS:
                problems.append(
                    _("Sheet « %(sheet)s » has more than %(max)s rows. Split the plan.")
                    % {"sheet": sheet.title, "max": MAX_ROWS}
                )
                break
            rows.append({"row": number, **values})
        result[sheet.key] = rows
    if problems:
        raise InvalidInput(" ".join(problems), extra={"problems": problems})
    return result
