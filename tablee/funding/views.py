"""Pages of resources committed to a plan, funders, programs and budget lines."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.charts import Point, bar_chart
from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.funding import selectors, services
from tablee.funding.forms import (
    BudgetLineForm,
    FunderForm,
    ProgramForm,
    ReportingForm,
    ResourceForm,
)

PROCESS_TABS = "processes/includes/process_tabs.html"


def _process_tabs() -> str | None:
    """The processes app's tab bar, once it exists (it is written separately)."""
    try:
        get_template(PROCESS_TABS)
    except TemplateDoesNotExist:
        return None
    return PROCESS_TABS


def _or_404(obj):
    if obj is None:
        raise Http404
    return obj


def _process(request: TableRequest, process_slug: str):
    return _or_404(selectors.process_get(table=request.table, slug=process_slug))


def _edit(
    request: TableRequest,
    *,
    form_factory: Callable,
    initial: dict,
    save: Callable[[dict, int], object],
    reload: Callable[[], object],
):
    """Run an edit form with its optimistic revision check.

    Return (form, saved object or None, conflict flag). On a conflict the
    person's input is kept and the hidden revision moves to the saved one, so
    that saving again is a deliberate choice.
    """
    form = form_factory(posted(request), initial=initial)
    if request.method != "POST" or not form.is_valid():
        return form, None, False
    data = form.cleaned_data
    base = data["revision"] if data.get("revision") is not None else -1
    try:
        return form, save(data, base), False
    except Conflict as error:
        current = reload()
        posted_data = request.POST.copy()
        posted_data["revision"] = str(current.revision)
        form = form_factory(posted_data)
        form.is_valid()
        add_domain_error(form, error)
        return form, None, True
    except DomainError as error:
        add_domain_error(form, error)
        return form, None, False


def _confirm_delete(
    request: TableRequest,
    *,
    delete: Callable[[], None],
    done_message: str,
    done_url: str,
    context: dict,
) -> HttpResponse:
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            delete()
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, done_message)
            return redirect(done_url)
    return render(
        request,
        "funding/confirm_delete.html",
        {"table": request.table, "form": form, **context},
    )


# Resources committed to the plan of a process


def _resource_charts(by_organization: list[dict]):
    value = bar_chart(
        [Point(row["organization"], row["total_value"]) for row in by_organization],
        title=_("Value committed per organization"),
        unit="$",
    )
    hours = bar_chart(
        [Point(row["organization"], row["hours"]) for row in by_organization if row["hours"]],
        title=_("Staff hours committed per organization"),
        unit="h",
    )
    return [value, hours]


@table_view
@require_http_methods(["GET"])
def resources(request: TableRequest, process_slug: str) -> HttpResponse:
    table = request.table
    require(request.user, "funding.view_resources", table)
    process = _process(request, process_slug)
    by_organization = selectors.resources_by_organization(process)
    page = paginate(request, selectors.resource_list(process=process), per_page=50)
    return render(
        request,
        "funding/resources.html",
        {
            "table": table,
            "process": process,
            "process_tabs": _process_tabs(),
            "by_organization": by_organization,
            "by_objective": selectors.resources_by_objective(process),
            "totals": selectors.resource_totals(process),
            "charts": _resource_charts(by_organization),
            "page": page,
            "can_manage": can(request.user, "funding.manage_resources", table),
        },
    )


def _resource_form_choices(request: TableRequest, process) -> dict:
    return {
        "actions": selectors.plan_actions(process=process),
        "organizations": selectors.committing_organizations(table=request.table),
    }


def _resources_url(request: TableRequest, process) -> str:
    return reverse(
        "funding:resources",
        kwargs={"table_slug": request.table.slug, "process_slug": process.slug},
    )


@table_view
@require_http_methods(["GET", "POST"])
def resource_create(request: TableRequest, process_slug: str) -> HttpResponse:
    require(request.user, "funding.manage_resources", request.table)
    process = _process(request, process_slug)
    initial = {}
    if request.GET.get("action", "").isdigit():
        initial["action"] = int(request.GET["action"])
    form = ResourceForm(
        posted(request), initial=initial, **_resource_form_choices(request, process)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.resource_commit(
                process=process,
                actor=request.user,
                action=data["action"],
                organization=data["organization"],
                kind=data["kind"],
                quantity=data["quantity"],
                unit=data["unit"],
                amount=data["amount"],
                note=data["note"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The commitment was recorded."))
            return redirect(_resources_url(request, process))
    return render(
        request,
        "funding/resource_form.html",
        {
            "table": request.table,
            "process": process,
            "process_tabs": _process_tabs(),
            "form": form,
            "commitment": None,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def resource_edit(request: TableRequest, process_slug: str, commitment_id: int) -> HttpResponse:
    require(request.user, "funding.manage_resources", request.table)
    process = _process(request, process_slug)
    commitment = _or_404(selectors.resource_get(process=process, commitment_id=commitment_id))
    choices = _resource_form_choices(request, process)

    def save(data, base):
        return services.resource_update(
            commitment=commitment,
            actor=request.user,
            action=data["action"],
            organization=data["organization"],
            kind=data["kind"],
            quantity=data["quantity"],
            unit=data["unit"],
            amount=data["amount"],
            note=data["note"],
            base_revision=base,
        )

    form, saved, conflict = _edit(
        request,
        form_factory=lambda *a, **k: ResourceForm(*a, **choices, **k),
        initial={
            "action": commitment.action_id,
            "organization": commitment.organization_id,
            "kind": commitment.kind,
            "quantity": commitment.quantity,
            "unit": commitment.unit,
            "amount": commitment.amount,
            "note": commitment.note,
            "revision": commitment.revision,
        },
        save=save,
        reload=lambda: selectors.resource_get(process=process, commitment_id=commitment_id),
    )
    if saved is not None:
        messages.success(request, _("The commitment was saved."))
        return redirect(_resources_url(request, process))
    return render(
        request,
        "funding/resource_form.html",
        {
            "table": request.table,
            "process": process,
            "process_tabs": _process_tabs(),
            "form": form,
            "commitment": commitment,
            "conflict": conflict,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def resource_delete(request: TableRequest, process_slug: str, commitment_id: int) -> HttpResponse:
    require(request.user, "funding.manage_resources", request.table)
    process = _process(request, process_slug)
    commitment = _or_404(selectors.resource_get(process=process, commitment_id=commitment_id))
    back = _resources_url(request, process)
    return _confirm_delete(
        request,
        delete=lambda: services.resource_delete(commitment=commitment, actor=request.user),
        done_message=_("The commitment was deleted."),
        done_url=back,
        context={
            "heading": _("Delete the commitment of %(organization)s to “%(action)s”?")
            % {"organization": commitment.organization, "action": commitment.action.title},
            "explanation": _("The totals of the plan will no longer count it."),
            "label": _("Yes, delete the commitment"),
            "back": back,
        },
    )


# Funders and programs


@table_view
@require_http_methods(["GET"])
def funder_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "funding.view_funding", table)
    page = paginate(request, selectors.funder_list(table=table), per_page=50)
    return render(
        request,
        "funding/funder_list.html",
        {
            "table": table,
            "page": page,
            "upcoming": selectors.upcoming_reporting_dates(
                table=table, today=timezone.localdate()
            ),
            "can_manage": can(request.user, "funding.manage_funding", table),
        },
    )


def _funder_form(request: TableRequest, data=None, **kwargs) -> FunderForm:
    return FunderForm(data, organizations=selectors.registry_organizations(), **kwargs)


@table_view
@require_http_methods(["GET", "POST"])
def funder_create(request: TableRequest) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    form = _funder_form(request, posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            funder = services.funder_create(
                table=request.table,
                actor=request.user,
                name=data["name"],
                organization=data["organization"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The funder was added."))
            return redirect(funder)
    return render(
        request, "funding/funder_form.html", {"table": request.table, "form": form, "funder": None}
    )


def _funder(request: TableRequest, funder_id: int):
    return _or_404(selectors.funder_get(table=request.table, funder_id=funder_id))


@table_view
@require_http_methods(["GET"])
def funder_detail(request: TableRequest, funder_id: int) -> HttpResponse:
    require(request.user, "funding.view_funding", request.table)
    funder = _funder(request, funder_id)
    programs = list(selectors.program_list(funder=funder))
    for program in programs:
        program.remaining = program.amount - program.used
        program.over = program.used > program.amount
    return render(
        request,
        "funding/funder_detail.html",
        {
            "table": request.table,
            "funder": funder,
            "programs": programs,
            "can_manage": can(request.user, "funding.manage_funding", request.table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def funder_edit(request: TableRequest, funder_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    funder = _funder(request, funder_id)

    def save(data, base):
        return services.funder_update(
            funder=funder,
            actor=request.user,
            name=data["name"],
            organization=data["organization"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            base_revision=base,
        )

    form, saved, conflict = _edit(
        request,
        form_factory=lambda *a, **k: _funder_form(request, *a, **k),
        initial={
            "name": funder.name,
            "organization": funder.organization_id,
            "contact_name": funder.contact_name,
            "contact_email": funder.contact_email,
            "contact_phone": funder.contact_phone,
            "revision": funder.revision,
        },
        save=save,
        reload=lambda: _funder(request, funder_id),
    )
    if saved is not None:
        messages.success(request, _("The funder was saved."))
        return redirect(saved)
    return render(
        request,
        "funding/funder_form.html",
        {"table": request.table, "form": form, "funder": funder, "conflict": conflict},
    )


@table_view
@require_http_methods(["GET", "POST"])
def funder_delete(request: TableRequest, funder_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    funder = _funder(request, funder_id)
    counts = selectors.funder_counts(funder=funder)
    return _confirm_delete(
        request,
        delete=lambda: services.funder_delete(funder=funder, actor=request.user),
        done_message=_("The funder was deleted."),
        done_url=reverse("funding:funder-list", kwargs={"table_slug": request.table.slug}),
        context={
            "heading": _("Delete the funder “%(name)s”?") % {"name": funder.name},
            "explanation": _(
                "Its %(programs)s program(s) are deleted with it, with their "
                "%(lines)s budget line(s) and %(dates)s reporting date(s)."
            )
            % {
                "programs": counts["programs"],
                "lines": counts["budget_lines"],
                "dates": counts["reporting_dates"],
            },
            "label": _("Yes, delete the funder"),
            "back": funder.get_absolute_url(),
        },
    )


def _program_form(request: TableRequest, data=None, **kwargs) -> ProgramForm:
    return ProgramForm(data, processes=selectors.process_list(table=request.table), **kwargs)


@table_view
@require_http_methods(["GET", "POST"])
def program_create(request: TableRequest, funder_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    funder = _funder(request, funder_id)
    form = _program_form(request, posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            program = services.program_create(
                funder=funder,
                actor=request.user,
                name=data["name"],
                amount=data["amount"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                conditions=data["conditions"],
                process=data["process"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The program was added."))
            return redirect(program)
    return render(
        request,
        "funding/program_form.html",
        {"table": request.table, "form": form, "funder": funder, "program": None},
    )


def _program(request: TableRequest, program_id: int):
    return _or_404(selectors.program_get(table=request.table, program_id=program_id))


@table_view
@require_http_methods(["GET"])
def program_detail(request: TableRequest, program_id: int) -> HttpResponse:
    require(request.user, "funding.view_funding", request.table)
    program = _program(request, program_id)
    today = timezone.localdate()
    dates = list(selectors.program_reporting_dates(program=program))
    for item in dates:
        item.days_left = (item.due_on - today).days
    return render(
        request,
        "funding/program_detail.html",
        {
            "table": request.table,
            "program": program,
            "funder": program.funder,
            "lines": selectors.program_budget_lines(program=program),
            "reporting_dates": dates,
            "remaining": program.amount - program.used,
            "over": program.used > program.amount,
            "overrun": program.used - program.amount,
            "can_manage": can(request.user, "funding.manage_funding", request.table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def program_edit(request: TableRequest, program_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    program = _program(request, program_id)

    def save(data, base):
        return services.program_update(
            program=program,
            actor=request.user,
            name=data["name"],
            amount=data["amount"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            conditions=data["conditions"],
            process=data["process"],
            base_revision=base,
        )

    form, saved, conflict = _edit(
        request,
        form_factory=lambda *a, **k: _program_form(request, *a, **k),
        initial={
            "name": program.name,
            "amount": program.amount,
            "starts_on": program.starts_on,
            "ends_on": program.ends_on,
            "conditions": program.conditions,
            "process": program.process_id,
            "revision": program.revision,
        },
        save=save,
        reload=lambda: _program(request, program_id),
    )
    if saved is not None:
        messages.success(request, _("The program was saved."))
        return redirect(saved)
    return render(
        request,
        "funding/program_form.html",
        {
            "table": request.table,
            "form": form,
            "funder": program.funder,
            "program": program,
            "conflict": conflict,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def program_delete(request: TableRequest, program_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    program = _program(request, program_id)
    counts = selectors.program_counts(program=program)
    return _confirm_delete(
        request,
        delete=lambda: services.program_delete(program=program, actor=request.user),
        done_message=_("The program was deleted."),
        done_url=program.funder.get_absolute_url(),
        context={
            "heading": _("Delete the program “%(name)s”?") % {"name": program.name},
            "explanation": _(
                "Its %(lines)s budget line(s) and %(dates)s reporting date(s) are deleted with it."
            )
            % {"lines": counts["budget_lines"], "dates": counts["reporting_dates"]},
            "label": _("Yes, delete the program"),
            "back": program.get_absolute_url(),
        },
    )


# Reporting dates


@table_view
@require_http_methods(["GET", "POST"])
def reporting_create(request: TableRequest, program_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    program = _program(request, program_id)
    form = ReportingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.reporting_date_add(
                program=program, actor=request.user, due_on=data["due_on"], what=data["what"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The reporting date was added."))
            return redirect(program.get_absolute_url() + "#reporting")
    return render(
        request,
        "funding/reporting_form.html",
        {"table": request.table, "form": form, "program": program, "reporting": None},
    )


def _reporting(request: TableRequest, reporting_id: int):
    return _or_404(selectors.reporting_date_get(table=request.table, reporting_id=reporting_id))


@table_view
@require_http_methods(["GET", "POST"])
def reporting_edit(request: TableRequest, reporting_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    reporting = _reporting(request, reporting_id)

    def save(data, base):
        return services.reporting_date_update(
            reporting=reporting,
            actor=request.user,
            due_on=data["due_on"],
            what=data["what"],
            is_done=data["is_done"],
            base_revision=base,
        )

    form, saved, conflict = _edit(
        request,
        form_factory=lambda *a, **k: ReportingForm(*a, editing=True, **k),
        initial={
            "due_on": reporting.due_on,
            "what": reporting.what,
            "is_done": reporting.is_done,
            "revision": reporting.revision,
        },
        save=save,
        reload=lambda: _reporting(request, reporting_id),
    )
    if saved is not None:
        messages.success(request, _("The reporting date was saved."))
        return redirect(reporting.program.get_absolute_url() + "#reporting")
    return render(
        request,
        "funding/reporting_form.html",
        {
            "table": request.table,
            "form": form,
            "program": reporting.program,
            "reporting": reporting,
            "conflict": conflict,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def reporting_done(request: TableRequest, reporting_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    reporting = _reporting(request, reporting_id)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.reporting_date_mark_done(reporting=reporting, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The report is marked as sent."))
        return redirect(reporting.program.get_absolute_url() + "#reporting")
    return render(
        request,
        "funding/reporting_done.html",
        {"table": request.table, "form": form, "reporting": reporting},
    )


@table_view
@require_http_methods(["GET", "POST"])
def reporting_delete(request: TableRequest, reporting_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    reporting = _reporting(request, reporting_id)
    back = reporting.program.get_absolute_url() + "#reporting"
    return _confirm_delete(
        request,
        delete=lambda: services.reporting_date_delete(reporting=reporting, actor=request.user),
        done_message=_("The reporting date was deleted."),
        done_url=back,
        context={
            "heading": _("Delete the reporting date “%(what)s”?") % {"what": reporting.what},
            "explanation": _("No reminder will be sent for it."),
            "label": _("Yes, delete the reporting date"),
            "back": back,
        },
    )


# Budget lines


def _line_actions(request: TableRequest, program):
    return selectors.table_plan_actions(table=request.table, process=program.process)


@table_view
@require_http_methods(["GET", "POST"])
def budget_line_create(request: TableRequest, program_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    program = _program(request, program_id)
    initial = {}
    if request.GET.get("action", "").isdigit():
        initial["action"] = int(request.GET["action"])
    form = BudgetLineForm(
        posted(request), initial=initial, actions=_line_actions(request, program)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.budget_line_add(
                program=program,
                actor=request.user,
                action=data["action"],
                amount=data["amount"],
                note=data["note"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The budget line was added."))
            return redirect(program.get_absolute_url() + "#budget")
    return render(
        request,
        "funding/budget_line_form.html",
        {
            "table": request.table,
            "form": form,
            "program": program,
            "line": None,
            "remaining": program.amount - program.used,
        },
    )


def _line(request: TableRequest, line_id: int):
    return _or_404(selectors.budget_line_get(table=request.table, line_id=line_id))


@table_view
@require_http_methods(["GET", "POST"])
def budget_line_edit(request: TableRequest, line_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    line = _line(request, line_id)
    program = line.program
    actions = _line_actions(request, program)

    def save(data, base):
        return services.budget_line_update(
            line=line,
            actor=request.user,
            action=data["action"],
            amount=data["amount"],
            note=data["note"],
            base_revision=base,
        )

    form, saved, conflict = _edit(
        request,
        form_factory=lambda *a, **k: BudgetLineForm(*a, actions=actions, **k),
        initial={
            "action": line.action_id,
            "amount": line.amount,
            "note": line.note,
            "revision": line.revision,
        },
        save=save,
        reload=lambda: _line(request, line_id),
    )
    if saved is not None:
        messages.success(request, _("The budget line was saved."))
        return redirect(program.get_absolute_url() + "#budget")
    return render(
        request,
        "funding/budget_line_form.html",
        {
            "table": request.table,
            "form": form,
            "program": program,
            "line": line,
            "conflict": conflict,
            "remaining": None,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def budget_line_delete(request: TableRequest, line_id: int) -> HttpResponse:
    require(request.user, "funding.manage_funding", request.table)
    line = _line(request, line_id)
    back = line.program.get_absolute_url() + "#budget"
    return _confirm_delete(
        request,
        delete=lambda: services.budget_line_delete(line=line, actor=request.user),
        done_message=_("The budget line was deleted."),
        done_url=back,
        context={
            "heading": _("Delete the budget line for “%(action)s”?")
            % {"action": line.action.title},
            "explanation": _("Its amount becomes available again in the program."),
            "label": _("Yes, delete the budget line"),
            "back": back,
        },
    )
