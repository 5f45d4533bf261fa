"""Pages of the plan's structure: the outline, objectives and strategies."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.permissions import require
from tablee.core.tenancy import TableRequest, table_view
from tablee.plans import selectors, services
from tablee.plans.forms import (
    AxisForm,
    MoveForm,
    ObjectiveForm,
)
from tablee.plans.views._common import (
    _axis_or_404,
    _base_context,
    _move,
    _objective_or_404,
    _plan_url,
    _process_or_404,
    _revision,
)

# ---------------------------------------------------------------- the plan


@table_view
@require_http_methods(["GET"])
def plan(request: TableRequest, process_slug: str) -> HttpResponse:
    """The whole plan as a nested outline: objectives → strategies → actions."""
    process = _process_or_404(request, process_slug)
    require(request.user, "plans.view_plan", process)
    outline = selectors.plan_outline(process=process)
    return render(
        request,
        "plans/plan.html",
        _base_context(
            request,
            process,
            outline=outline,
            counts=selectors.dashboard_counts(process=process),
            move_form=MoveForm(),
        ),
    )


def _simple_form_page(request, process, *, form, template, **extra):
    return render(request, template, _base_context(request, process, form=form, **extra))


@table_view
@require_http_methods(["GET", "POST"])
def objective_create(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    require(request.user, "plans.manage_plan", process)
    form = ObjectiveForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            objective = services.objective_create(
                process=process,
                actor=request.user,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The objective was added."))
            return redirect(_plan_url(process, f"objective-{objective.pk}"))
    return _simple_form_page(
        request, process, form=form, template="plans/objective_form.html", objective=None
    )


@table_view
@require_http_methods(["GET", "POST"])
def objective_edit(request: TableRequest, process_slug: str, objective_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    objective = _objective_or_404(process, objective_id)
    require(request.user, "plans.manage_plan", objective)
    form = ObjectiveForm(
        posted(request),
        initial={
            "title": objective.title,
            "description": objective.description,
            "revision": objective.revision,
        },
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.objective_update(
                objective=objective,
                actor=request.user,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                base_revision=_revision(form.cleaned_data["revision"]),
            )
        except Conflict as error:
            objective = _objective_or_404(process, objective_id)
            data = request.POST.copy()
            data["revision"] = str(objective.revision)
            form = ObjectiveForm(data)
            form.is_valid()
            add_domain_error(form, error)
            conflict = True
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The objective was saved."))
            return redirect(_plan_url(process, f"objective-{objective.pk}"))
    return _simple_form_page(
        request,
        process,
        form=form,
        template="plans/objective_form.html",
        objective=objective,
        conflict=conflict,
    )


@table_view
@require_http_methods(["GET", "POST"])
def objective_delete(request: TableRequest, process_slug: str, objective_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    objective = _objective_or_404(process, objective_id)
    require(request.user, "plans.manage_plan", objective)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.objective_delete(objective=objective, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The objective was deleted."))
            return redirect(_plan_url(process))
    return render(
        request,
        "plans/confirm_delete.html",
        _base_context(
            request,
            process,
            form=form,
            kind="objective",
            target=objective,
            blocked=objective.action_count > 0,
        ),
    )


@table_view
@require_http_methods(["POST"])
def objective_move(request: TableRequest, process_slug: str, objective_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    objective = _objective_or_404(process, objective_id)
    require(request.user, "plans.manage_plan", objective)
    return _move(
        request,
        process,
        service=services.objective_move,
        anchor=f"objective-{objective.pk}",
        objective=objective,
    )


# ---------------------------------------------------------------- axes


@table_view
@require_http_methods(["GET", "POST"])
def axis_create(request: TableRequest, process_slug: str, objective_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    objective = _objective_or_404(process, objective_id)
    require(request.user, "plans.manage_plan", objective)
    form = AxisForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            axis = services.axis_create(
                objective=objective,
                actor=request.user,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The strategy was added."))
            return redirect(_plan_url(process, f"axis-{axis.pk}"))
    return _simple_form_page(
        request,
        process,
        form=form,
        template="plans/axis_form.html",
        axis=None,
        objective=objective,
    )


@table_view
@require_http_methods(["GET", "POST"])
def axis_edit(request: TableRequest, process_slug: str, axis_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    axis = _axis_or_404(process, axis_id)
    require(request.user, "plans.manage_plan", axis)
    form = AxisForm(
        posted(request),
        initial={"title": axis.title, "description": axis.description, "revision": axis.revision},
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.axis_update(
                axis=axis,
                actor=request.user,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                base_revision=_revision(form.cleaned_data["revision"]),
            )
        except Conflict as error:
            axis = _axis_or_404(process, axis_id)
            data = request.POST.copy()
            data["revision"] = str(axis.revision)
            form = AxisForm(data)
            form.is_valid()
            add_domain_error(form, error)
            conflict = True
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The strategy was saved."))
            return redirect(_plan_url(process, f"axis-{axis.pk}"))
    return _simple_form_page(
        request,
        process,
        form=form,
        template="plans/axis_form.html",
        axis=axis,
        objective=axis.objective,
        conflict=conflict,
    )


@table_view
@require_http_methods(["GET", "POST"])
def axis_delete(request: TableRequest, process_slug: str, axis_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    axis = _axis_or_404(process, axis_id)
    require(request.user, "plans.manage_plan", axis)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.axis_delete(axis=axis, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The strategy was deleted; its actions stay in the plan."))
            return redirect(_plan_url(process, f"objective-{axis.objective_id}"))
    return render(
        request,
        "plans/confirm_delete.html",
        _base_context(request, process, form=form, kind="axis", target=axis, blocked=False),
    )


@table_view
@require_http_methods(["POST"])
def axis_move(request: TableRequest, process_slug: str, axis_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    axis = _axis_or_404(process, axis_id)
    require(request.user, "plans.manage_plan", axis)
    return _move(request, process, service=services.axis_move, anchor=f"axis-{axis.pk}", axis=axis)
