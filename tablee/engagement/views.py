"""Pages of mobilisation health: the health page, needed versus engaged, settings."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.charts import Point, Series, bar_chart, line_chart
from tablee.core.errors import DomainError
from tablee.core.forms import add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.engagement import selectors, services
from tablee.engagement.forms import HealthSettingsForm, PeriodForm
from tablee.engagement.warnings import stage_alerts

SEATS_PER_PAGE = 50

VIEW = "engagement.view_health"
WARNINGS = "engagement.view_warnings"
MANAGE = "engagement.manage_settings"


def _charts(report):
    trend = line_chart(
        [
            Series(
                _("Attendance rate"),
                [
                    Point(label, value)
                    for label, value in zip(report.periods, report.overall, strict=True)
                ],
            )
        ],
        title=_("Attendance rate of the seats over time"),
        unit="%",
    )
    latest = report.periods[-1] if report.periods else ""
    sectors = bar_chart(
        [Point(row.label, row.cells[-1] if row.cells else None) for row in report.by_sector],
        title=_("Attendance rate by sector, %(period)s") % {"period": latest},
        unit="%",
    )
    return trend, sectors


@table_view
@require_http_methods(["GET"])
def health(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, VIEW, table)
    form = PeriodForm(request.GET or None)
    period = form.cleaned_data["period"] if form.is_valid() else "year"
    coordinator = can(request.user, WARNINGS, table)
    report = selectors.health_report(
        table=table,
        period=period or "year",
        warnings_visible=coordinator,
        viewer_is_coordinator=coordinator,
    )
    trend, sectors = _charts(report)
    # A large table has hundreds of seats: their rates go 50 to a page.
    seat_page = paginate(request, report.by_seat, SEATS_PER_PAGE, param="seats_page")
    return render(
        request,
        "engagement/health.html",
        {
            "table": table,
            "report": report,
            "seat_page": seat_page,
            "period": period or "year",
            "period_form": form,
            "trend_chart": trend,
            "sector_chart": sectors,
            "can_manage": can(request.user, MANAGE, table),
            "is_coordinator": coordinator,
        },
    )


@table_view
@require_http_methods(["GET"])
def mobilisation(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, VIEW, table)
    processes = selectors.current_processes(table=table)
    slug = request.GET.get("process") or ""
    process = next((p for p in processes if p.slug == slug), None)
    if slug and process is None:
        raise Http404
    process = process or (processes[0] if processes else None)
    picture = selectors.mobilisation(process=process) if process else []
    coordinator = can(request.user, WARNINGS, table)
    alerts = []
    if coordinator and process is not None:
        alerts = stage_alerts(selectors.stage_gaps(process=process, picture=picture))
    return render(
        request,
        "engagement/mobilisation.html",
        {
            "table": table,
            "processes": processes,
            "process": process,
            "picture": picture,
            "alerts": alerts,
            "is_coordinator": coordinator,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def health_settings(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, MANAGE, table)
    current = selectors.settings_get(table=table)
    initial = {"version": current.updated_at.isoformat() if current.pk else ""}
    form = HealthSettingsForm(posted(request), instance=current, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.health_settings_update(
                table=table,
                actor=request.user,
                show_names_to_members=data["show_names_to_members"],
                absence_streak=data["absence_streak"],
                sector_silence=data["sector_silence"],
                trend_drop_points=data["trend_drop_points"],
                reporting_days=data["reporting_days"],
                vacancy_days=data["vacancy_days"],
                revision=data["version"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The mobilisation health settings were saved."))
            return redirect("engagement:health", table_slug=table.slug)
    return render(request, "engagement/settings.html", {"table": table, "form": form})
