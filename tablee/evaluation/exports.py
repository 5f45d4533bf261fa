"""Aggregated results as an Excel workbook, in the reader's language.

Built only from the selectors' aggregates (the same the results pages show),
so an export can never hold more than a page: no individual answer, nothing
below the anonymity threshold, groups only where the page shows them.
"""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from tablee.evaluation.models import Mode

BOLD = Font(bold=True)


def _share(value) -> float | None:
    return round(value * 100, 1) if value is not None else None


def _number(value, digits: int = 2) -> float | None:
    return round(value, digits) if value is not None else None


def _heading(sheet, campaign, rate) -> None:
    sheet.append([campaign.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([campaign.table.name])
    if campaign.mode == Mode.TOGETHER:
        sheet.append([_("People who took part in the group's answer"), rate.answered])
    else:
        sheet.append([_("Respondents"), rate.answered, _("Invited"), rate.invited])
        sheet.append([_("Anonymity threshold"), campaign.anonymity_threshold])
    sheet.append([_("Exported on"), timezone.localdate().isoformat()])
    sheet.append([])


def _header(sheet, labels: list[str], widths: list[int]) -> None:
    sheet.append(labels)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width


def diagnostic_workbook(results) -> bytes:
    campaign = results.campaign
    book = Workbook()
    sheet = book.active
    sheet.title = _("Results")[:31]
    _heading(sheet, campaign, results.rate)
    _header(
        sheet,
        [
            _("Code"),
            _("Dimension / statement"),
            _("Answers"),
            _("Don't know"),
            _("Mean (1 to 5)"),
            _("Spread (SD)"),
            _("Favourable %"),
            _("Neutral %"),
            _("Unfavourable %"),
            _("Reading"),
            _("Divergent perceptions"),
        ],
        [8, 60, 10, 10, 12, 12, 12, 12, 12, 14, 12],
    )
    for dimension in results.dimensions:
        for summary in (dimension, *dimension.children):
            sheet.append(
                [
                    summary.code,
                    str(summary.label),
                    summary.answered,
                    summary.dont_know,
                    _number(summary.mean),
                    _number(summary.sd),
                    _share(summary.favourable),
                    _share(summary.neutral),
                    _share(summary.unfavourable),
                    summary.band_label,
                    _("yes") if summary.divergent else _("no"),
                ]
            )
            if summary is dimension:
                for cell in sheet[sheet.max_row]:
                    cell.font = BOLD
    return _save(book)


def wheel_workbook(results) -> bytes:
    campaign = results.campaign
    book = Workbook()
    sheet = book.active
    sheet.title = _("Results")[:31]
    _heading(sheet, campaign, results.rate)
    _header(
        sheet,
        [
            _("Axis"),
            _("Definition"),
            _("Answers"),
            _("Median (0–10)"),
            _("First quartile"),
            _("Third quartile"),
            _("Median wished for"),
        ],
        [24, 60, 10, 12, 12, 12, 14],
    )
    for axis in results.axes:
        summary = results.overall.get(axis.key)
        sheet.append(
            [
                axis.name,
                axis.definition,
                summary.n if summary else 0,
                _number(summary.median) if summary else None,
                _number(summary.q1) if summary else None,
                _number(summary.q3) if summary else None,
                _number(summary.desired_median) if summary else None,
            ]
        )
    if results.groups:
        groups = book.create_sheet(_("By group")[:31])
        _header(
            groups,
            [_("Axis"), *[f"{g.label} (n = {g.n})" for g in results.groups]],
            [24, *[22] * len(results.groups)],
        )
        for axis in results.axes:
            groups.append([axis.name, *[_number(g.axes[axis.key].median) for g in results.groups]])
    return _save(book)


def _save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
