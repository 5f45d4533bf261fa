"""The action-plan section of the annual report.

Progress of the actions per process, each indicator's latest value of the
year beside its baseline and target, the resources the partners committed
(per contributor and kind) and the funding programs covering the year. The
plan, results and funding apps read one process at a time; the report reads
the whole table, so each part is one query over every live process.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tablee.reports.annual import Section, year_bounds
from tablee.reports.building import format_date, format_money, format_number


def plan(section: Section, *, table, start: date, end: date) -> None:
    _plan_progress(section, table, start, end)
    _indicators(section, table, start, end)
    _resources(section, table, start, end)
    _funding(section, table, start, end)


def _live_processes(start: date, prefix: str = "process__") -> Q:
    """Processes still running when the year began (archived later ones count)."""
    first, _last = year_bounds(start, start)
    return Q(**{f"{prefix}archived_at__isnull": True}) | Q(**{f"{prefix}archived_at__gte": first})


def _actions_in_year(start: date, end: date, prefix: str = "") -> Q:
    """Actions whose dates meet the year; undated bounds are open."""
    return (Q(**{f"{prefix}starts_on__isnull": True}) | Q(**{f"{prefix}starts_on__lte": end})) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": start})
    )


def _plan_progress(section: Section, table, start: date, end: date) -> None:
    from tablee.plans.models import ActionStatus, PlanAction

    statuses = list(ActionStatus)
    aggregates = {
        f"s_{s.value}": Count("pk", distinct=True, filter=Q(status=s.value)) for s in statuses
    }
    rows = (
        PlanAction.objects.for_table(table)
        .filter(_live_processes(start))
        .filter(_actions_in_year(start, end))
        .values("process_id", "process__title")
        .annotate(
            total=Count("pk", distinct=True),
            indicators=Count("indicators", distinct=True),
            **aggregates,
        )
        .order_by("process__title", "process_id")
    )
    rows = list(rows)
    # Only the statuses some action is in: eight narrow columns would not read.
    statuses = [s for s in statuses if any(row[f"s_{s.value}"] for row in rows)]
    header = [_("Process"), _("Actions"), *[str(s.label) for s in statuses], _("Indicators")]
    body = [
        [
            row["process__title"],
            str(row["total"]),
            *[str(row[f"s_{s.value}"]) for s in statuses],
            str(row["indicators"]),
        ]
        for row in rows
    ]
    section.heading(_("Progress of the actions"))
    if not body:
        section.muted(_("No action plan covers this year."))
        return
    rest = 0.7 / (len(header) - 1)
    section.grid([header, *body], (0.3, *[rest] * (len(header) - 1)))


def _with_unit(value, unit: str) -> str:
    text = format_number(value)
    if not text:
        return "—"
    return f"{text} {unit}".strip() if unit else text


def _indicators(section: Section, table, start: date, end: date) -> None:
    from tablee.results.models import IndicatorMeasure, PlanIndicator
    from tablee.results.progress import progress_text

    in_year = IndicatorMeasure.objects.filter(
        indicator=OuterRef("pk"), measured_on__gte=start, measured_on__lte=end
    ).order_by("-measured_on", "-pk")
    indicators = (
        PlanIndicator.objects.for_table(table)
        .filter(_live_processes(start))
        .filter(_actions_in_year(start, end, "action__"))
        .annotate(
            year_value=Subquery(in_year.values("value")[:1]),
            year_on=Subquery(in_year.values("measured_on")[:1]),
        )
        .select_related("action", "process")
        .order_by(
            "process__title",
            "action__objective__position",
            "action__position",
            "action_id",
            "kind",
            "pk",
        )
    )
    section.heading(_("Indicators: the latest value of the year against baseline and target"))
    body = []
    for indicator in indicators:
        unit = indicator.unit
        if indicator.year_value is None:
            latest = _("no value this year")
        else:
            latest = _("%(value)s on %(date)s") % {
                "value": _with_unit(indicator.year_value, unit),
                "date": format_date(indicator.year_on),
            }
        progress = progress_text(
            baseline=indicator.baseline_value,
            target=indicator.target_value,
            latest=indicator.year_value,
        )
        body.append(
            [
                f"{indicator.action.title} ({indicator.process.title})",
                indicator.name,
                _with_unit(indicator.baseline_value, unit),
                _with_unit(indicator.target_value, unit),
                latest,
                progress or "—",
            ]
        )
    if not body:
        section.muted(_("No indicator is defined for the actions of this year."))
        return
    header = [
        _("Action (process)"),
        _("Indicator"),
        _("Baseline"),
        _("Target"),
        _("Latest value of the year"),
        pgettext("report column", "Progress"),
    ]
    section.grid([header, *body], (0.22, 0.22, 0.11, 0.11, 0.17, 0.17))


def _money_sum(field_name: str, kind: str | None = None):
    from tablee.funding.models import ResourceKind

    condition = Q(kind=ResourceKind(kind)) if kind else None
    return Coalesce(
        Sum(field_name, filter=condition),
        Value(Decimal(0)),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )


def _resources(section: Section, table, start: date, end: date) -> None:
    from tablee.funding.models import ResourceCommitment, ResourceKind

    rows = list(
        ResourceCommitment.objects.for_table(table)
        .filter(_live_processes(start, "action__process__"))
        .filter(_actions_in_year(start, end, "action__"))
        .values("organization__name", "organization__acronym")
        .annotate(
            hours=_money_sum("quantity", ResourceKind.STAFF_HOURS),
            hours_value=_money_sum("amount", ResourceKind.STAFF_HOURS),
            money=_money_sum("amount", ResourceKind.MONEY),
            material=_money_sum("amount", ResourceKind.MATERIAL),
            in_kind=_money_sum("amount", ResourceKind.IN_KIND),
            total=_money_sum("amount"),
        )
        .order_by()
    )
    section.heading(_("Resources committed by the partners to the actions of the year"))
    if not rows:
        section.muted(_("No resource is committed to the actions of this year."))
        return
    keys = ("hours", "hours_value", "money", "material", "in_kind", "total")
    totals = dict.fromkeys(keys, Decimal(0))
    rows.sort(key=lambda r: (-r["total"], -r["hours"], r["organization__name"].lower()))
    body = []
    for row in rows:
        name = row["organization__name"]
        if row["organization__acronym"]:
            name = f"{name} ({row['organization__acronym']})"
        for key in keys:
            totals[key] += row[key]
        body.append(
            [
                name,
                format_number(row["hours"]),
                format_money(row["hours_value"]),
                format_money(row["money"]),
                format_money(row["material"]),
                format_money(row["in_kind"]),
                format_money(row["total"]),
            ]
        )
    header = [
        _("Contributor"),
        _("Staff hours"),
        _("Staff hours (value)"),
        _("Money"),
        _("Material (value)"),
        _("In kind (value)"),
        _("Total value"),
    ]
    total = [
        _("Total"),
        format_number(totals["hours"]),
        *[format_money(totals[k]) for k in keys[1:]],
    ]
    section.grid([header, *body, total], (0.22, 0.1, 0.13, 0.13, 0.14, 0.14, 0.14), total_row=True)
    section.muted(
        _(
            "Commitments to actions whose dates meet the year (actions without dates count "
            "too), as recorded in the plan: what each partner puts in, in money and in kind."
        )
    )


def _funding(section: Section, table, start: date, end: date) -> None:
    from tablee.funding.models import FundingProgram

    programs = list(
        FundingProgram.objects.for_table(table)
        .filter(starts_on__lte=end, ends_on__gte=start)
        .select_related("funder")
        .order_by("funder__name", "starts_on", "name", "pk")
    )
    section.heading(_("Funding programs covering the year"))
    if not programs:
        section.muted(_("No funding program covers this year."))
        return
    body = [
        [
            p.funder.name,
            p.name,
            _("%(start)s – %(end)s")
            % {"start": format_date(p.starts_on), "end": format_date(p.ends_on)},
            format_money(p.amount),
        ]
        for p in programs
    ]
    total = [_("Total"), "", "", format_money(sum((p.amount for p in programs), Decimal(0)))]
    section.grid(
        [[_("Funder"), _("Program"), _("Period"), _("Amount")], *body, total],
        (0.28, 0.32, 0.22, 0.18),
        total_row=True,
    )
