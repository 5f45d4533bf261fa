"""Follow-up pages: the dashboard and the timeline."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from tablee.core.pagination import paginate
from tablee.core.permissions import require
from tablee.core.tenancy import TableRequest, table_view
from tablee.plans import selectors
from tablee.plans.forms import (
    DashboardFilterForm,
)
from tablee.plans.timeline import build_timeline
from tablee.plans.views._common import (
    _base_context,
    _process_or_404,
)

# ---------------------------------------------------------------- dashboard and timeline


@table_view
@require_http_methods(["GET"])
def dashboard(request: TableRequest, process_slug: str) -> HttpResponse:
    """On track, late, blocked: counts, and the actions filtered by organization."""
    process = _process_or_404(request, process_slug)
    require(request.user, "plans.view_plan", process)
    filters = DashboardFilterForm(
        request.GET, organizations=list(selectors.process_organizations(process=process))
    )
    values = filters.values()
    page = paginate(
        request,
        selectors.action_list(
            process=process,
            health=values["health"],
            status=values["status"],
            organization_id=values["organization"],
        ),
        per_page=25,
    )
    query = request.GET.copy()
    query.pop("page", None)
    template = "plans/dashboard.html"
    if request.htmx:
        template += "#dashboard-results"
    return render(
        request,
        template,
        _base_context(
            request,
            process,
            counts=selectors.dashboard_counts(process=process),
            filters=filters,
            filtered=any(values.values()),
            filter_query=query.urlencode(),
            page=page,
        ),
    )


@table_view
@require_http_methods(["GET"])
def gantt(request: TableRequest, process_slug: str) -> HttpResponse:
    """The actions across months, grouped by objective, with a table alternative."""
    process = _process_or_404(request, process_slug)
    require(request.user, "plans.view_plan", process)
    actions = selectors.timeline_actions(process=process)
    timeline = build_timeline(actions=actions, process=process, today=timezone.localdate())
    return render(request, "plans/gantt.html", _base_context(request, process, timeline=timeline))
