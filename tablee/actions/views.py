"""Pages of follow-up actions, "my actions", e-mail preferences and unsubscribe."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tablee.actions import selectors, services
from tablee.actions.forms import ActionFilterForm, ActionForm, NotificationForm, StatusForm
from tablee.actions.notifications import user_id_from_token
from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.minutes.links import optional_url


def _action_or_404(request: TableRequest, action_id: int):
    action = selectors.action_get(table=request.table, action_id=action_id)
    if action is None:
        raise Http404
    return action


def _form_choices(table):
    return {
        "people": selectors.action_people(table=table),
        "organizations": selectors.action_organizations(table=table),
    }


def _origin_links(request: TableRequest, action) -> dict[str, str]:
    slug = request.table.slug
    links = {}
    if action.meeting_id:
        links["meeting"] = optional_url(
            "meetings:meeting-detail", table_slug=slug, meeting_id=action.meeting_id
        ) or optional_url("minutes:minutes-detail", table_slug=slug, meeting_id=action.meeting_id)
    if action.decision_id:
        links["decision"] = optional_url(
            "decisions:decision-detail", table_slug=slug, decision_id=action.decision_id
        )
    return links


@table_view
@require_http_methods(["GET"])
def action_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "actions.view_actions", table)
    people = list(selectors.action_people(table=table))
    organizations = list(selectors.action_organizations(table=table))
    filters = ActionFilterForm(request.GET, people=people, organizations=organizations)
    data = filters.cleaned_data if filters.is_valid() else {}
    page = paginate(
        request,
        selectors.action_list(
            table=table,
            status=data.get("status") or "",
            person_id=data.get("person"),
            organization_id=data.get("organization"),
            overdue=bool(data.get("overdue")),
        ),
        per_page=50,
    )
    query = request.GET.copy()
    query.pop("page", None)
    template = "actions/action_list.html"
    if request.htmx:
        template += "#action-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "filters": filters,
            "filtered": any(data.values()) if data else False,
            "filter_query": query.urlencode(),
            "can_manage": can(request.user, "actions.manage_actions", table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def action_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "actions.manage_actions", table)
    source = request.POST if request.method == "POST" else request.GET
    origin = {"meeting": None, "agenda_item": None, "decision": None}
    try:
        if source.get("item"):
            origin["agenda_item"] = selectors.origin_item_get(
                table=table, item_id=int(source["item"])
            )
        if source.get("meeting"):
            origin["meeting"] = selectors.origin_meeting_get(
                table=table, meeting_id=int(source["meeting"])
            )
        if source.get("decision"):
            origin["decision"] = selectors.origin_decision_get(
                table=table, decision_id=int(source["decision"])
            )
    except ValueError as exc:
        raise Http404 from exc
    if any(source.get(key) for key in ("item", "meeting", "decision")) and not any(
        origin.values()
    ):
        raise Http404
    form = ActionForm(posted(request), **_form_choices(table))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = services.action_create(
                table=table,
                actor=request.user,
                title=data["title"],
                description=data["description"],
                accountable_person=data["accountable_person"],
                accountable_organization=data["accountable_organization"],
                due_date=data["due_date"],
                **origin,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The action was recorded."))
            return redirect(action)
    return render(
        request,
        "actions/action_form.html",
        {"table": table, "form": form, "origin": origin, "action": None},
    )


@table_view
@require_http_methods(["GET"])
def action_detail(request: TableRequest, action_id: int) -> HttpResponse:
    action = _action_or_404(request, action_id)
    require(request.user, "actions.view_actions", action)
    return render(
        request,
        "actions/action_detail.html",
        {
            "table": request.table,
            "action": action,
            "links": _origin_links(request, action),
            "can_manage": can(request.user, "actions.manage_actions", action),
            "can_status": can(request.user, "actions.update_action_status", action),
            "status_form": StatusForm(
                initial={"status": action.status, "revision": action.revision}
            ),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def action_edit(request: TableRequest, action_id: int) -> HttpResponse:
    action = _action_or_404(request, action_id)
    require(request.user, "actions.manage_actions", action)
    form = ActionForm(
        posted(request),
        initial={
            "title": action.title,
            "description": action.description,
            "accountable_person": action.accountable_person_id,
            "accountable_organization": action.accountable_organization_id,
            "due_date": action.due_date,
            "revision": action.revision,
        },
        **_form_choices(request.table),
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        base = data["revision"] if data["revision"] is not None else -1
        try:
            services.action_update(
                action=action,
                actor=request.user,
                title=data["title"],
                description=data["description"],
                accountable_person=data["accountable_person"],
                accountable_organization=data["accountable_organization"],
                due_date=data["due_date"],
                base_revision=base,
            )
        except Conflict as error:
            # Keep the person's input, show the saved version, and take the
            # current revision so that saving again is a deliberate choice.
            action = _action_or_404(request, action_id)
            data = request.POST.copy()
            data["revision"] = str(action.revision)
            form = ActionForm(data, **_form_choices(request.table))
            form.is_valid()
            add_domain_error(form, error)
            conflict = True
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The action was saved."))
            return redirect(action)
    return render(
        request,
        "actions/action_form.html",
        {
            "table": request.table,
            "form": form,
            "action": action,
            "origin": None,
            "conflict": conflict,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def action_status(request: TableRequest, action_id: int) -> HttpResponse:
    action = _action_or_404(request, action_id)
    require(request.user, "actions.update_action_status", action)
    form = StatusForm(
        posted(request), initial={"status": action.status, "revision": action.revision}
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                action = services.action_set_status(
                    action=action,
                    actor=request.user,
                    status=form.cleaned_data["status"],
                    base_revision=form.cleaned_data["revision"],
                )
            except DomainError as error:
                add_domain_error(form, error)
                status = 422
            else:
                if not request.htmx:
                    messages.success(
                        request,
                        _("The action is now: %(status)s.") % {"status": action.status_label},
                    )
                    return redirect(action)
                form = StatusForm(initial={"status": action.status, "revision": action.revision})
        else:
            status = 422
    context = {"table": request.table, "action": action, "status_form": form, "can_status": True}
    template = "actions/action_status.html"
    if request.htmx:
        template = "actions/action_detail.html#action-status"
    return render(request, template, context, status=status)


@login_required
@require_http_methods(["GET"])
def my_actions(request: HttpRequest) -> HttpResponse:
    require(request.user, "actions.view_my_actions")
    page = paginate(request, selectors.my_actions(user=request.user), per_page=50)
    return render(request, "actions/my_actions.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    require(request.user, "actions.manage_notifications")
    preference = selectors.notification_preference_get(user=request.user)
    form = NotificationForm(posted(request), initial={"frequency": preference.frequency})
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_preference_set(
                user=request.user, actor=request.user, frequency=form.cleaned_data["frequency"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your e-mail preference was saved."))
            return redirect("actions_public:notifications")
    return render(request, "actions/notifications.html", {"form": form})


# RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to this address
# without any cookie or CSRF token; the signed token is the credential.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user_id = user_id_from_token(token)
    person = selectors.user_get(user_id=user_id) if user_id is not None else None
    if person is None:
        return render(request, "actions/unsubscribe_invalid.html", status=404)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.notifications_unsubscribe(user=person)
        return render(request, "actions/unsubscribe_done.html", {"person": person})
    return render(request, "actions/unsubscribe.html", {"person": person, "form": form})
