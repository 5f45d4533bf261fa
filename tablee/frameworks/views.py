"""Pages of the frameworks register and of the obstacles and favourable conditions.

Each view: resolve → authorize → validate → call a service → respond.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.frameworks import selectors, services
from tablee.frameworks.forms import (
    ConditionFilterForm,
    ConditionForm,
    FrameworkFilterForm,
    FrameworkForm,
)
from tablee.minutes.links import optional_url

# ---------------------------------------------------------------- frameworks


def _framework_or_404(request: TableRequest, framework_id: int):
    framework = selectors.framework_get(table=request.table, framework_id=framework_id)
    if framework is None:
        raise Http404
    return framework


@table_view
@require_http_methods(["GET"])
def framework_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "frameworks.view_registers", table)
    filters = FrameworkFilterForm(request.GET)
    kind = filters.values()["kind"]
    page = paginate(request, selectors.framework_list(table=table, kind=kind), per_page=30)
    template = "frameworks/framework_list.html"
    if request.htmx:
        template += "#framework-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "filters": filters,
            "kind": kind,
            "can_manage": can(request.user, "frameworks.manage_frameworks", table),
        },
    )


@table_view
@require_http_methods(["GET"])
def framework_detail(request: TableRequest, framework_id: int) -> HttpResponse:
    framework = _framework_or_404(request, framework_id)
    require(request.user, "frameworks.view_registers", framework)
    return render(
        request,
        "frameworks/framework_detail.html",
        {
            "table": request.table,
            "framework": framework,
            "objectives": list(framework.objectives.all()),
            "actions": list(framework.actions.all()),
            "can_manage": can(request.user, "frameworks.manage_frameworks", framework),
        },
    )


def _framework_form(request: TableRequest, initial: dict, has_document: bool) -> FrameworkForm:
    table = request.table
    return FrameworkForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        initial=initial,
        objectives=selectors.objective_choices(table=table),
        actions=selectors.action_choices(table=table),
        has_document=has_document,
    )


def _framework_input(request: TableRequest, data: dict) -> services.FrameworkInput:
    table = request.table
    return services.FrameworkInput(
        title=data["title"],
        kind=data["kind"],
        issuer=data["issuer"],
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        url=data["url"],
        note=data["note"],
        objectives=selectors.objectives_by_ids(table=table, ids=data["objectives"]),
        actions=selectors.actions_by_ids(table=table, ids=data["actions"]),
    )


@table_view
@require_http_methods(["GET", "POST"])
def framework_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "frameworks.manage_frameworks", table)
    form = _framework_form(request, {}, has_document=False)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            framework = services.framework_create(
                table=table,
                actor=request.user,
                data=_framework_input(request, data),
                document=data["document"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The framework was added to the register."))
            return redirect("frameworks:framework-detail", table.slug, framework.pk)
    return render(
        request,
        "frameworks/framework_form.html",
        {"table": table, "form": form, "framework": None},
    )


@table_view
@require_http_methods(["GET", "POST"])
def framework_edit(request: TableRequest, framework_id: int) -> HttpResponse:
    framework = _framework_or_404(request, framework_id)
    require(request.user, "frameworks.manage_frameworks", framework)
    initial = {
        "title": framework.title,
        "kind": framework.kind,
        "issuer": framework.issuer,
        "starts_on": framework.starts_on,
        "ends_on": framework.ends_on,
        "url": framework.url,
        "note": framework.note,
        "objectives": [o.pk for o in framework.objectives.all()],
        "actions": [a.pk for a in framework.actions.all()],
        "revision": framework.revision,
    }
    has_document = bool(framework.document)
    form = _framework_form(request, initial, has_document)
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        base = data["revision"] if data["revision"] is not None else -1
        try:
            services.framework_update(
                framework=framework,
                actor=request.user,
                data=_framework_input(request, data),
                base_revision=base,
                document=data["document"],
                remove_document=bool(data.get("remove_document")),
            )
        except Conflict as error:
            framework = _framework_or_404(request, framework_id)
            posted_data = request.POST.copy()
            posted_data["revision"] = str(framework.revision)
            form = FrameworkForm(
                posted_data,
                objectives=selectors.objective_choices(table=request.table),
                actions=selectors.action_choices(table=request.table),
                has_document=bool(framework.document),
            )
            form.is_valid()
            add_domain_error(form, error)
            conflict = True
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The framework was saved."))
            return redirect("frameworks:framework-detail", request.table.slug, framework.pk)
    return render(
        request,
        "frameworks/framework_form.html",
        {"table": request.table, "form": form, "framework": framework, "conflict": conflict},
    )


@table_view
@require_http_methods(["GET", "POST"])
def framework_delete(request: TableRequest, framework_id: int) -> HttpResponse:
    framework = _framework_or_404(request, framework_id)
    require(request.user, "frameworks.manage_frameworks", framework)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.framework_delete(framework=framework, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The framework was deleted from the register."))
            return redirect("frameworks:framework-list", request.table.slug)
    return render(
        request,
        "frameworks/framework_delete.html",
        {"table": request.table, "framework": framework, "form": form},
    )


@table_view
@require_http_methods(["GET"])
def framework_document(request: TableRequest, framework_id: int) -> HttpResponse:
    framework = _framework_or_404(request, framework_id)
    require(request.user, "frameworks.view_registers", framework)
    if not framework.document:
        raise Http404
    try:
        handle = default_storage.open(framework.document.name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=framework.document_name,
        content_type=framework.document_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# ---------------------------------------------------------------- conditions


def _condition_or_404(request: TableRequest, condition_id: int):
    condition = selectors.condition_get(table=request.table, condition_id=condition_id)
    if condition is None:
        raise Http404
    return condition


@table_view
@require_http_methods(["GET"])
def condition_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "frameworks.view_registers", table)
    filters = ConditionFilterForm(request.GET)
    values = filters.values()
    page = paginate(request, selectors.condition_list(table=table, **values), per_page=30)
    query = request.GET.copy()
    query.pop("page", None)
    template = "frameworks/condition_list.html"
    if request.htmx:
        template += "#condition-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "filters": filters,
            "filtered": any(values.values()),
            "filter_query": query.urlencode(),
            "can_manage": can(request.user, "frameworks.manage_conditions", table),
        },
    )


@table_view
@require_http_methods(["GET"])
def condition_detail(request: TableRequest, condition_id: int) -> HttpResponse:
    condition = _condition_or_404(request, condition_id)
    require(request.user, "frameworks.view_registers", condition)
    decision_url = ""
    if condition.decision_id:
        decision_url = optional_url(
            "decisions:decision-detail",
            table_slug=request.table.slug,
            decision_id=condition.decision_id,
        )
    return render(
        request,
        "frameworks/condition_detail.html",
        {
            "table": request.table,
            "condition": condition,
            "actions": list(condition.actions.all()),
            "stages": list(condition.stages.all()),
            "decision_url": decision_url,
            "can_manage": can(request.user, "frameworks.manage_conditions", condition),
        },
    )


def _condition_form(request: TableRequest, initial: dict, data=None, current_decision=None):
    table = request.table
    decisions = selectors.decision_choices(table=table)
    if current_decision is not None and all(d.pk != current_decision.pk for d in decisions):
        decisions.append(current_decision)
    return ConditionForm(
        data if data is not None else posted(request),
        initial=initial,
        actions=selectors.action_choices(table=table),
        stages=selectors.stage_choices(table=table),
        decisions=decisions,
    )


def _condition_input(request: TableRequest, form: ConditionForm):
    """Turn the valid form into the service's input; None when a choice vanished."""
    table = request.table
    data = form.cleaned_data
    decision = selectors.decision_get(table=table, decision_id=data["decision"])
    if data["decision"] is not None and decision is None:
        form.add_error("decision", _("Choose one of the listed values."))
        return None
    return services.ConditionInput(
        kind=data["kind"],
        category=data["category"],
        description=data["description"],
        noticed_on=data["noticed_on"],
        response=data["response"],
        status=data["status"],
        decision=decision,
        actions=selectors.actions_by_ids(table=table, ids=data["actions"]),
        stages=selectors.stages_by_ids(table=table, ids=data["stages"]),
    )


@table_view
@require_http_methods(["GET", "POST"])
def condition_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "frameworks.manage_conditions", table)
    initial = {
        "noticed_on": timezone.localdate(),
        "status": "open",
        "kind": request.GET.get("kind")
        if request.GET.get("kind") in ("obstacle", "favourable")
        else "obstacle",
    }
    form = _condition_form(request, initial)
    if request.method == "POST" and form.is_valid():
        data = _condition_input(request, form)
        if data is not None:
            try:
                condition = services.condition_record(table=table, actor=request.user, data=data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The entry was recorded."))
                return redirect("frameworks:condition-detail", table.slug, condition.pk)
    return render(
        request,
        "frameworks/condition_form.html",
        {"table": table, "form": form, "condition": None},
    )


@table_view
@require_http_methods(["GET", "POST"])
def condition_edit(request: TableRequest, condition_id: int) -> HttpResponse:
    condition = _condition_or_404(request, condition_id)
    require(request.user, "frameworks.manage_conditions", condition)
    initial = {
        "kind": condition.kind,
        "category": condition.category,
        "description": condition.description,
        "noticed_on": condition.noticed_on,
        "actions": [a.pk for a in condition.actions.all()],
        "stages": [s.pk for s in condition.stages.all()],
        "response": condition.response,
        "decision": condition.decision_id,
        "status": condition.status,
        "revision": condition.revision,
    }
    form = _condition_form(request, initial, current_decision=condition.decision)
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = _condition_input(request, form)
        base = form.cleaned_data["revision"]
        if data is not None:
            try:
                services.condition_update(
                    condition=condition,
                    actor=request.user,
                    data=data,
                    base_revision=base if base is not None else -1,
                )
            except Conflict as error:
                condition = _condition_or_404(request, condition_id)
                posted_data = request.POST.copy()
                posted_data["revision"] = str(condition.revision)
                form = _condition_form(
                    request, {}, data=posted_data, current_decision=condition.decision
                )
                form.is_valid()
                add_domain_error(form, error)
                conflict = True
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The entry was saved."))
                return redirect("frameworks:condition-detail", request.table.slug, condition.pk)
    return render(
        request,
        "frameworks/condition_form.html",
        {"table": request.table, "form": form, "condition": condition, "conflict": conflict},
    )


@table_view
@require_http_methods(["GET", "POST"])
def condition_delete(request: TableRequest, condition_id: int) -> HttpResponse:
    condition = _condition_or_404(request, condition_id)
    require(request.user, "frameworks.manage_conditions", condition)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.condition_delete(condition=condition, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The entry was deleted."))
            return redirect("frameworks:condition-list", request.table.slug)
    return render(
        request,
        "frameworks/condition_delete.html",
        {"table": request.table, "condition": condition, "form": form},
    )
