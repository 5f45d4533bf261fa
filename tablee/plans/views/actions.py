"""Pages of the plan's actions and the meeting actions attached to them."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.plans import selectors, services
from tablee.plans.forms import (
    AttachForm,
    PartnerFormSet,
    PlanActionForm,
)
from tablee.plans.models import ActionStatus
from tablee.plans.views._common import (
    _action_or_404,
    _action_url,
    _base_context,
    _move,
    _plan_url,
    _process_or_404,
    _revision,
)

# ---------------------------------------------------------------- actions


class _Choices:
    """The choice lists of the action form, read once, and lookups by id."""

    def __init__(self, process, action=None) -> None:
        table = process.table
        self.objectives = list(selectors.objective_list(process=process))
        self.axes = list(selectors.axis_list(process=process))
        self.organizations = list(selectors.plan_organizations(table=table))
        self.people = list(selectors.plan_people(table=table))
        if action is not None:
            # Keep the current values selectable even if a seat closed since.
            known = {o.pk for o in self.organizations}
            extra = [action.accountable_organization] if action.accountable_organization else []
            extra += [p.organization for p in action.partners.all()]
            for organization in extra:
                if organization.pk not in known:
                    self.organizations.append(organization)
                    known.add(organization.pk)
            person = action.accountable_person
            if person is not None and all(p.pk != person.pk for p in self.people):
                self.people.append(person)
        self.by_id = {
            "objective": {o.pk: o for o in self.objectives},
            "axis": {a.pk: a for a in self.axes},
            "organization": {o.pk: o for o in self.organizations},
            "person": {p.pk: p for p in self.people},
        }

    def form(self, data=None, **kwargs) -> PlanActionForm:
        return PlanActionForm(
            data,
            objectives=self.objectives,
            axes=self.axes,
            organizations=self.organizations,
            people=self.people,
            **kwargs,
        )

    def partners(self, data=None, initial=None) -> PartnerFormSet:
        return PartnerFormSet(
            data,
            initial=initial,
            prefix="partners",
            form_kwargs={"organizations": self.organizations},
        )

    def action_input(self, form, formset) -> services.ActionInput:
        data = form.cleaned_data
        by_id = self.by_id
        partners = [
            services.PartnerInput(
                organization=by_id["organization"][row["organization"]],
                role=row["role"],
                role_detail=row.get("role_detail", ""),
            )
            for row in formset.cleaned_data
            if row and row.get("organization")
        ]
        return services.ActionInput(
            title=data["title"],
            description=data["description"],
            objective=by_id["objective"].get(data["objective"]),
            axis=by_id["axis"].get(data["axis"]) if data["axis"] else None,
            accountable_organization=(
                by_id["organization"][data["accountable_organization"]]
                if data["accountable_organization"]
                else None
            ),
            accountable_person=(
                by_id["person"][data["accountable_person"]] if data["accountable_person"] else None
            ),
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            status=data["status"],
            origin=data["origin"],
            partners=partners,
        )


def _partner_errors(formset, error: DomainError) -> bool:
    """Show a refusal about partners above the partner rows."""
    fields = error.extra.get("fields") or {}
    if "partners" in fields:
        formset.custom_errors = fields["partners"]
        return True
    return False


def _int_param(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@table_view
@require_http_methods(["GET", "POST"])
def action_create(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    require(request.user, "plans.manage_plan", process)
    choices = _Choices(process)
    initial = {"status": ActionStatus.PLANNED, "origin": "co_constructed"}
    axis_id = _int_param(request.GET.get("axis"))
    objective_id = _int_param(request.GET.get("objective"))
    if axis_id in choices.by_id["axis"]:
        initial["axis"] = axis_id
        initial["objective"] = choices.by_id["axis"][axis_id].objective_id
    elif objective_id in choices.by_id["objective"]:
        initial["objective"] = objective_id
    form = choices.form(posted(request), initial=initial)
    formset = choices.partners(posted(request))
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            action = services.plan_action_create(
                process=process, actor=request.user, data=choices.action_input(form, formset)
            )
        except DomainError as error:
            if not _partner_errors(formset, error):
                add_domain_error(form, error)
        else:
            messages.success(request, _("The action was added to the plan."))
            return redirect(_action_url(action))
    if not choices.objectives:
        messages.info(request, _("Add an objective first: every action serves an objective."))
        return redirect(_plan_url(process))
    return render(
        request,
        "plans/action_form.html",
        _base_context(request, process, form=form, formset=formset, action=None),
    )


@table_view
@require_http_methods(["GET"])
def action_detail(request: TableRequest, process_slug: str, action_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    action = _action_or_404(process, action_id)
    require(request.user, "plans.view_plan", action)
    can_manage = can(request.user, "plans.manage_plan", action)
    attach_form = None
    if can_manage:
        attach_form = AttachForm(items=list(selectors.open_meeting_actions(table=request.table)))
    return render(
        request,
        "plans/action_detail.html",
        _base_context(
            request,
            process,
            action=action,
            can_progress=can(request.user, "plans.record_progress", action),
            attach_form=attach_form,
        ),
    )


@table_view
@require_http_methods(["GET", "POST"])
def action_edit(request: TableRequest, process_slug: str, action_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    action = _action_or_404(process, action_id)
    require(request.user, "plans.manage_plan", action)
    choices = _Choices(process, action)
    initial = {
        "title": action.title,
        "description": action.description,
        "objective": action.objective_id,
        "axis": action.axis_id,
        "accountable_organization": action.accountable_organization_id,
        "accountable_person": action.accountable_person_id,
        "starts_on": action.starts_on,
        "ends_on": action.ends_on,
        "status": action.status,
        "origin": action.origin,
        "revision": action.revision,
    }
    partner_initial = [
        {"organization": p.organization_id, "role": p.role, "role_detail": p.role_detail}
        for p in action.partners.all()
    ]
    form = choices.form(posted(request), initial=initial)
    formset = choices.partners(posted(request), initial=partner_initial)
    conflict = False
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.plan_action_update(
                action=action,
                actor=request.user,
                data=choices.action_input(form, formset),
                base_revision=_revision(form.cleaned_data["revision"]),
            )
        except Conflict as error:
            # Keep the person's input, show the saved version, and take the
            # current revision so that saving again is a deliberate choice.
            action = _action_or_404(process, action_id)
            data = request.POST.copy()
            data["revision"] = str(action.revision)
            form = choices.form(data)
            form.is_valid()
            add_domain_error(form, error)
            conflict = True
        except DomainError as error:
            if not _partner_errors(formset, error):
                add_domain_error(form, error)
        else:
            messages.success(request, _("The action was saved."))
            return redirect(_action_url(action))
    return render(
        request,
        "plans/action_form.html",
        _base_context(
            request, process, form=form, formset=formset, action=action, conflict=conflict
        ),
    )


@table_view
@require_http_methods(["GET", "POST"])
def action_delete(request: TableRequest, process_slug: str, action_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    action = _action_or_404(process, action_id)
    require(request.user, "plans.manage_plan", action)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_action_delete(action=action, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The action was deleted from the plan."))
            return redirect(_plan_url(process, f"objective-{action.objective_id}"))
    return render(
        request,
        "plans/confirm_delete.html",
        _base_context(request, process, form=form, kind="action", target=action, blocked=False),
    )


@table_view
@require_http_methods(["POST"])
def action_move(request: TableRequest, process_slug: str, action_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    action = _action_or_404(process, action_id)
    require(request.user, "plans.manage_plan", action)
    return _move(
        request,
        process,
        service=services.plan_action_move,
        anchor=f"action-{action.pk}",
        action=action,
    )


# ---------------------------------------------------------------- meeting actions


@table_view
@require_http_methods(["GET", "POST"])
def meeting_action_attach(
    request: TableRequest, process_slug: str, action_id: int
) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    action = _action_or_404(process, action_id)
    require(request.user, "plans.manage_plan", action)
    items = list(selectors.open_meeting_actions(table=request.table))
    form = AttachForm(posted(request), items=items)
    if request.method == "POST" and form.is_valid():
        item = next(i for i in items if i.pk == form.cleaned_data["item"])
        try:
            services.meeting_action_attach(plan_action=action, item=item, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The meeting action is now attached to this action."))
            return redirect(_action_url(action) + "#meeting-actions")
    return render(
        request,
        "plans/meeting_action_attach.html",
        _base_context(request, process, form=form, action=action, items=items),
    )


@table_view
@require_http_methods(["GET", "POST"])
def meeting_action_detach(
    request: TableRequest, process_slug: str, action_id: int, item_id: int
) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    action = _action_or_404(process, action_id)
    require(request.user, "plans.manage_plan", action)
    item = selectors.meeting_action_get(table=request.table, item_id=item_id)
    if item is None or item.plan_action_id != action.pk:
        raise Http404
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_action_detach(plan_action=action, item=item, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The meeting action was detached; it is kept."))
            return redirect(_action_url(action) + "#meeting-actions")
    return render(
        request,
        "plans/meeting_action_detach.html",
        _base_context(request, process, form=form, action=action, item=item),
    )
