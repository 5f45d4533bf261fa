"""The funder report of a process for a period, as plain translated data.

`build_report` gathers the plan from the other apps' selectors (plans,
results, funding) and returns a `Report` whose every string is already
translated and formatted in the report's language; `reports.rendering`
turns it into PDF or DOCX and the report page previews it. Nothing here
writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tablee.reports import selectors

# The benchmark's plan: the generated table and process with the most actions.
BENCH_TABLE_SLUG = "gen-table-001"
BENCH_PROCESS_SLUG = "plan-action"
DEFAULT_CLI_LANGUAGE = "fr-ca"


@dataclass
class NoteLine:
    on: str
    status: str
    note: str


@dataclass
class ActionLine:
    title: str
    status: str
    origin: str
    axis: str
    accountable: str
    dates: str
    partners: str
    notes: list[NoteLine] = field(default_factory=list)


@dataclass
class ObjectiveSection:
    title: str
    description: str
    actions: list[ActionLine] = field(default_factory=list)


@dataclass
class IndicatorLine:
    action: str
    name: str
    kind: str
    unit: str
    baseline: str
    target: str
    latest: str
    values: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ProgramLine:
    funder: str
    program: str
    amount: str
    period: str
    used: str
    remaining: str
    conditions: str
    budget_lines: list[tuple[str, str, str]] = field(default_factory=list)
    reporting_dates: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Report:
    """Everything the report says, translated and formatted."""

    language: str
    title: str
    table_name: str
    process_title: str
    purpose: str
    period: str
    generated: str
    start: date | None
    end: date | None
    labels: dict[str, str]
    cover_lines: list[str] = field(default_factory=list)
    objectives: list[ObjectiveSection] = field(default_factory=list)
    indicators: list[IndicatorLine] = field(default_factory=list)
    resource_header: list[str] = field(default_factory=list)
    resources: list[list[str]] = field(default_factory=list)
    resource_totals: list[str] = field(default_factory=list)
    programs: list[ProgramLine] = field(default_factory=list)
    funding_totals: str = ""
    action_count: int = 0
    note_count: int = 0
    value_count: int = 0

    @property
    def sections(self) -> list[tuple[str, str]]:
        """The outline of the document: (anchor, heading) of each section."""
        keys = ("objectives", "indicators", "resources", "funding")
        return [(key, self.labels[key]) for key in keys]


# ---------------------------------------------------------------- formatting


def format_date(value: date | None) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def format_number(value) -> str:
    """A number with its significant decimals only (20.5000 → 20,5 in French)."""
    if value is None:
        return ""
    number = Decimal(value).normalize()
    places = max(0, -number.as_tuple().exponent)
    return formats.number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)


def format_money(value) -> str:
    if value is None:
        return ""
    amount = formats.number_format(
        Decimal(value), decimal_pos=2, use_l10n=True, force_grouping=True
    )
    return _("%(amount)s $") % {"amount": amount}


def period_label(start: date | None, end: date | None) -> str:
    if start and end:
        return _("From %(start)s to %(end)s") % {
            "start": format_date(start),
            "end": format_date(end),
        }
    if start:
        return _("From %(start)s") % {"start": format_date(start)}
    if end:
        return _("Until %(end)s") % {"end": format_date(end)}
    return _("The whole plan (no period chosen)")


def _span(start: date | None, end: date | None) -> str:
    if start and end:
        return _("%(start)s – %(end)s") % {"start": format_date(start), "end": format_date(end)}
    if start:
        return _("from %(start)s") % {"start": format_date(start)}
    if end:
        return _("until %(end)s") % {"end": format_date(end)}
    return _("no dates")


def _with_unit(value, unit: str) -> str:
    text = format_number(value)
    if not text:
        return "—"
    return f"{text} {unit}".strip() if unit else text


def _labels() -> dict[str, str]:
    return {
        "cover": _("Report to funders"),
        "process": _("Collective process"),
        "period": _("Period"),
        "generated": _("Produced on"),
        "contents": _("Contents"),
        "objectives": _("Objectives and actions"),
        "indicators": _("Indicators and their values in the period"),
        "resources": _("Resources committed by organization"),
        "funding": _("Funding used"),
        "status": _("Status"),
        "origin": _("Origin"),
        "axis": _("Strategy or axis"),
        "accountable": _("Accountable"),
        "dates": _("Dates"),
        "partners": _("Partners"),
        "notes": _("Progress notes of the period"),
        "no_notes": _("No progress note in this period."),
        "no_actions": _("No action of this objective falls in the period."),
        "no_objectives": _("The plan has no objective yet."),
        "no_indicators": _("No indicator is defined for these actions."),
        "no_values": _("No value measured in this period."),
        "no_resources": _("No resource is committed to these actions."),
        "no_funding": _("No funding program covers this process in the period."),
        "action": _("Action"),
        "indicator": _("Indicator"),
        "question": _("Question"),
        "baseline": _("Baseline"),
        "target": _("Target"),
        "latest": _("Last value of the period"),
        "values": _("Values"),
        "date": _("Date"),
        "value": _("Value"),
        "organization": _("Organization"),
        "total": _("Total"),
        "funder": _("Funder"),
        "program": _("Program"),
        "amount": _("Amount"),
        "used": _("Allotted to this process"),
        "remaining": _("Left in the program"),
        "conditions": _("Conditions"),
        "budget_lines": _("Budget lines"),
        "reporting_dates": _("Reporting dates"),
        "what": _("What is due"),
        "done": _("Sent"),
        "not_done": _("To send"),
        "note": _("Note"),
        "page": _("Page"),
        "missing": _("missing data"),
    }


# ---------------------------------------------------------------- building


def _action_line(action, labels) -> ActionLine:
    accountable = [
        str(action.accountable_organization) if action.accountable_organization else "",
        (action.accountable_person.full_name or action.accountable_person.email)
        if action.accountable_person
        else "",
    ]
    partners = ", ".join(
        f"{p.organization.name} ({p.get_role_display()})" for p in action.partners.all()
    )
    return ActionLine(
        title=action.title,
        status=action.status_label,
        origin=action.origin_label,
        axis=action.axis.title if action.axis else "",
        accountable=" — ".join(part for part in accountable if part) or "—",
        dates=_span(action.starts_on, action.ends_on),
        partners=partners or "—",
        notes=[
            NoteLine(on=format_date(u.reported_on), status=u.status_label, note=u.note)
            for u in action.period_updates
        ],
    )


def build_report(
    *, process, start: date | None = None, end: date | None = None, language: str
) -> Report:
    """Gather the plan of `process` for the period, in `language`.

    A constant number of queries whatever the size of the plan.
    """
    from tablee.funding.selectors import funding_summary, resources_by_organization
    from tablee.results.selectors import indicators_with_values

    table = process.table
    with translation.override(language):
        labels = _labels()
        report = Report(
            language=language,
            title=_("Report to funders"),
            table_name=table.name,
            process_title=process.title,
            purpose=process.purpose,
            period=period_label(start, end),
            generated=format_date(timezone.localdate()),
            start=start,
            end=end,
            labels=labels,
        )
        report.cover_lines = [
            _("%(label)s: %(value)s") % {"label": label, "value": value}
            for label, value in (
                (labels["process"], process.title),
                (labels["period"], report.period),
                (labels["generated"], report.generated),
            )
        ]
        sections = {
            o.pk: ObjectiveSection(title=o.title, description=o.description)
            for o in selectors.objective_list(process=process)
        }
        kept_actions: set[int] = set()
        for action in selectors.report_actions(process=process, start=start, end=end):
            section = sections.get(action.objective_id)
            if section is None:
                continue
            line = _action_line(action, labels)
            section.actions.append(line)
            kept_actions.add(action.pk)
            report.note_count += len(line.notes)
        report.objectives = list(sections.values())
        report.action_count = len(kept_actions)

        for indicator in indicators_with_values(process, start, end):
            if indicator.action_id not in kept_actions:
                continue
            unit = indicator.unit
            report.indicators.append(
                IndicatorLine(
                    action=indicator.action.title,
                    name=indicator.name,
                    kind=indicator.kind_label,
                    unit=unit,
                    baseline=_with_unit(indicator.baseline_value, unit),
                    target=_with_unit(indicator.target_value, unit),
                    latest=(
                        _with_unit(indicator.latest.value, unit)
                        if indicator.latest
                        else labels["missing"]
                    ),
                    values=[
                        (format_date(m.measured_on), _with_unit(m.value, unit))
                        for m in indicator.values
                    ],
                )
            )
            report.value_count += len(indicator.values)

        report.resource_header = [
            labels["organization"],
            _("Staff hours"),
            _("Money"),
            _("Material (value)"),
            _("In kind (value)"),
            _("Total value"),
        ]
        rows = resources_by_organization(process, start, end)
        totals = dict.fromkeys(
            ("hours", "money", "material_value", "in_kind_value", "total_value"), Decimal(0)
        )
        for row in rows:
            for key in totals:
                totals[key] += row[key]
            report.resources.append(
                [
                    row["organization"],
                    format_number(row["hours"]),
                    format_money(row["money"]),
                    format_money(row["material_value"]),
                    format_money(row["in_kind_value"]),
                    format_money(row["total_value"]),
                ]
            )
        if rows:
            report.resource_totals = [
                labels["total"],
                format_number(totals["hours"]),
                format_money(totals["money"]),
                format_money(totals["material_value"]),
                format_money(totals["in_kind_value"]),
                format_money(totals["total_value"]),
            ]

        funding = funding_summary(process, start, end)
        for program in funding["programs"]:
            report.programs.append(
                ProgramLine(
                    funder=program["funder"],
                    program=program["program"],
                    amount=format_money(program["amount"]),
                    period=_span(program["starts_on"], program["ends_on"]),
                    used=format_money(program["used_for_process"]),
                    remaining=format_money(program["remaining"]),
                    conditions=program["conditions"],
                    budget_lines=[
                        (line["action"], format_money(line["amount"]), line["note"])
                        for line in program["budget_lines"]
                    ],
                    reporting_dates=[
                        (
                            format_date(item["due_on"]),
                            item["what"],
                            labels["done"] if item["is_done"] else labels["not_done"],
                        )
                        for item in program["reporting_dates"]
                    ],
                )
            )
        if funding["programs"]:
            report.funding_totals = pgettext(
                "funder report", "Programs: %(amount)s; allotted to this process: %(used)s."
            ) % {
                "amount": format_money(funding["total_amount"]),
                "used": format_money(funding["total_used"]),
            }
    return report


def report_filename(*, process, start: date | None, end: date | None, fmt: str) -> str:
    """A safe file name such as `quartier-demo-plan-rapport-2025-01-01_2025-12-31.pdf`."""
    from django.utils.text import slugify

    period = ""
    if start or end:
        period = f"-{start.isoformat() if start else ''}_{end.isoformat() if end else ''}"
    return f"{slugify(process.table.slug)}-{slugify(process.slug)}-rapport{period}.{fmt}"


def largest_process():
    """Return the generated benchmark process with the most actions (for `make bench`).

    The generators put the biggest plan in table `gen-table-001`, process
    `plan-action`; without it, the process with the most actions anywhere.
    """
    from django.db.models import Count

    from tablee.processes.models import Process

    process = (
        Process.objects.select_related("table")
        .filter(table__slug=BENCH_TABLE_SLUG, slug=BENCH_PROCESS_SLUG)
        .first()
    )
    if process is not None:
        return process
    return (
        Process.objects.select_related("table")
        .annotate(action_total=Count("plan_actions"))
        .order_by("-action_total", "id")
        .first()
    )
