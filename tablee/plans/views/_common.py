"""Helpers shared by the plan's pages."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from tablee.core.errors import DomainError
from tablee.core.permissions import can
from tablee.core.tenancy import TableRequest
from tablee.plans import selectors
from tablee.plans.forms import MoveForm

# ---------------------------------------------------------------- helpers


def _process_or_404(request: TableRequest, process_slug: str):
    process = selectors.process_get(table=request.table, process_slug=process_slug)
    if process is None:
        raise Http404
    return process


def _objective_or_404(process, objective_id: int):
    objective = selectors.objective_get(process=process, objective_id=objective_id)
    if objective is None:
        raise Http404
    return objective


def _axis_or_404(process, axis_id: int):
    axis = selectors.axis_get(process=process, axis_id=axis_id)
    if axis is None:
        raise Http404
    return axis


def _action_or_404(process, action_id: int):
    action = selectors.action_get(process=process, action_id=action_id)
    if action is None:
        raise Http404
    return action


def _plan_url(process, anchor: str = "") -> str:
    url = reverse(
        "plans:plan", kwargs={"table_slug": process.table.slug, "process_slug": process.slug}
    )
    return f"{url}#{anchor}" if anchor else url


def _action_url(action) -> str:
    return reverse(
        "plans:action-detail",
        kwargs={
            "table_slug": action.table.slug,
            "process_slug": action.process.slug,
            "action_id": action.pk,
        },
    )


# The processes app's sub-navigation, or an empty fallback when it is missing.
PROCESS_TABS = ["processes/includes/process_tabs.html", "plans/_no_process_tabs.html"]


def _base_context(request: TableRequest, process, **extra) -> dict:
    context = {
        "table": request.table,
        "process": process,
        "process_tabs_templates": PROCESS_TABS,
        "can_manage": can(request.user, "plans.manage_plan", process),
    }
    context.update(extra)
    return context


def _revision(value) -> int:
    return value if value is not None else -1


def _move(request, process, *, service, anchor: str, **kwargs) -> HttpResponse:
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            service(actor=request.user, direction=form.cleaned_data["direction"], **kwargs)
        except DomainError as error:
            messages.info(request, error.message)
    else:
        messages.error(request, _("Choose up or down."))
    return redirect(_plan_url(process, anchor))
