"""Pages of tables, their people, invitations and audit log.

Each view: resolve → authorize → validate → call a service → respond.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.actions.selectors import overdue_actions
from tablee.core.audit import event_labels
from tablee.core.errors import DomainError
from tablee.core.forms import ConfirmForm, SearchForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.meetings.selectors import upcoming_meetings
from tablee.tables import selectors, services
from tablee.tables.forms import (
    AcceptInvitationForm,
    InvitationForm,
    RoleForm,
    TableCreateForm,
    TableEditForm,
)
from tablee.tables.models import Role


@login_required
@require_http_methods(["GET"])
def table_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "tables.list_tables")
    search = SearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    page = paginate(request, selectors.table_list(user=request.user, search=query), per_page=30)
    page.object_list = selectors.with_people_counts(page.object_list)
    template = "tables/table_list.html"
    if request.htmx:
        template += "#table-results"
    return render(request, template, {"page": page, "search": search, "query": query})


@login_required
@require_http_methods(["GET", "POST"])
def table_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "tables.create_table")
    form = TableCreateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            table = services.table_create(
                actor=request.user,
                name=data["name"],
                slug=data["slug"],
                territory=data["territory"],
                description=data["description"],
                language=data["language"],
                invite_coordinator_email=data["coordinator_email"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("The table “%(name)s” was created.") % {"name": table.name}
            )
            return redirect(table)
    return render(request, "tables/table_create.html", {"form": form})


@table_view
@require_http_methods(["GET"])
def table_home(request: TableRequest) -> HttpResponse:
    require(request.user, "tables.view_table", request.table)
    summary = selectors.table_summary(table=request.table)
    recent = None
    if can(request.user, "tables.view_audit", request.table):
        recent = list(selectors.audit_list(table=request.table)[:5])
    overdue = (
        overdue_actions(table=request.table)
        if can(request.user, "actions.view_actions", request.table)
        else []
    )
    upcoming = (
        upcoming_meetings(table=request.table, limit=3)
        if can(request.user, "meetings.view_meetings", request.table)
        else []
    )
    return render(
        request,
        "tables/table_home.html",
        {
            "table": request.table,
            "summary": summary,
            "recent_activity": recent,
            "overdue_actions": overdue,
            "upcoming_meetings": upcoming,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def table_edit(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "tables.change_table", table)
    initial = {
        "name": table.name,
        "territory": table.territory,
        "description": table.description,
        "language": table.language,
        "version": table.updated_at.isoformat(),
    }
    form = TableEditForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        from django.utils.dateparse import parse_datetime

        try:
            services.table_update(
                table=table,
                actor=request.user,
                name=data["name"],
                territory=data["territory"],
                description=data["description"],
                language=data["language"],
                read_at_version=parse_datetime(data["version"]) if data["version"] else None,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The table's settings were saved."))
            return redirect("tables:table-home", table_slug=table.slug)
    return render(request, "tables/table_edit.html", {"table": table, "form": form})


@table_view
@require_http_methods(["GET", "POST"])
def table_delete(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "tables.delete_table", table)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.table_delete(table=table, actor=request.user)
        messages.success(
            request,
            _("The table “%(name)s” was deleted. A platform administrator can restore it.")
            % {"name": table.name},
        )
        return redirect("platform:table-list")
    return render(request, "tables/table_delete.html", {"table": table, "form": form})


@table_view
@require_http_methods(["GET"])
def people_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "tables.view_people", table)
    search = SearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    role = request.GET.get("role", "")
    if role not in Role.values:
        role = ""
    page = paginate(
        request, selectors.membership_list(table=table, search=query, role=role), per_page=50
    )
    can_manage = can(request.user, "tables.change_membership", table)
    invitations = (
        list(selectors.invitation_list_pending(table=table)[:100])
        if can(request.user, "tables.invite_person", table)
        else []
    )
    template = "tables/people_list.html"
    if request.htmx:
        template += "#people-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "search": search,
            "query": query,
            "role": role,
            "roles": Role.choices,
            "can_manage": can_manage,
            "invitations": invitations,
        },
    )


def _membership_or_404(request: TableRequest, membership_id: int):
    membership = selectors.membership_get(table=request.table, membership_id=membership_id)
    if membership is None:
        raise Http404
    return membership


@table_view
@require_http_methods(["GET", "POST"])
def membership_role(request: TableRequest, membership_id: int) -> HttpResponse:
    membership = _membership_or_404(request, membership_id)
    require(request.user, "tables.change_membership", membership)
    form = RoleForm(posted(request), initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_change_role(
                membership=membership, actor=request.user, role=form.cleaned_data["role"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("%(person)s's role was changed.") % {"person": membership.user}
            )
            return redirect("tables:people-list", table_slug=request.table.slug)
    return render(
        request,
        "tables/membership_role.html",
        {"table": request.table, "membership": membership, "form": form},
    )


@table_view
@require_http_methods(["GET", "POST"])
def membership_remove(request: TableRequest, membership_id: int) -> HttpResponse:
    membership = _membership_or_404(request, membership_id)
    require(request.user, "tables.change_membership", membership)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(membership=membership, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("%(person)s no longer sits at the table.") % {"person": membership.user},
            )
            return redirect("tables:people-list", table_slug=request.table.slug)
    return render(
        request,
        "tables/membership_remove.html",
        {"table": request.table, "membership": membership, "form": form},
    )


@table_view
@require_http_methods(["GET", "POST"])
def invitation_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "tables.invite_person", table)
    form = InvitationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation, _raw = services.invitation_send(
                table=table,
                actor=request.user,
                email=data["email"],
                role=data["role"],
                message=data["message"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("tables:people-list", table_slug=table.slug)
    return render(request, "tables/invitation_create.html", {"table": table, "form": form})


@table_view
@require_http_methods(["GET", "POST"])
def invitation_revoke(request: TableRequest, invitation_id: int) -> HttpResponse:
    invitation = selectors.invitation_get(table=request.table, invitation_id=invitation_id)
    if invitation is None:
        raise Http404
    require(request.user, "tables.revoke_invitation", invitation)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.invitation_revoke(invitation=invitation, actor=request.user)
        messages.success(
            request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email}
        )
        return redirect("tables:people-list", table_slug=request.table.slug)
    return render(
        request,
        "tables/invitation_revoke.html",
        {"table": request.table, "invitation": invitation, "form": form},
    )


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation from its e-mailed link, signed in or not."""
    invitation = selectors.invitation_get_by_token(raw_token=token)
    if invitation is None:
        return render(request, "tables/invitation_invalid.html", status=404)
    context = {"invitation": invitation}
    if invitation.status != "pending":
        return render(request, "tables/invitation_invalid.html", context, status=410)
    user = request.user if request.user.is_authenticated else None
    from tablee.accounts.selectors import user_get_by_email

    existing = user_get_by_email(email=invitation.email) if user is None else None
    # A passwordless account (named on a seat) is claimed by accepting.
    account_exists = existing is not None and existing.has_usable_password()
    form = AcceptInvitationForm(posted(request)) if user is None else ConfirmForm(posted(request))
    if request.method == "POST" and not account_exists and form.is_valid():
        try:
            invitation, person = services.invitation_accept(
                invitation=invitation,
                user=user,
                full_name=form.cleaned_data.get("full_name", ""),
                password=form.cleaned_data.get("password", ""),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if user is None:
                login(
                    request, person, backend="allauth.account.auth_backends.AuthenticationBackend"
                )
            messages.success(
                request, _("Welcome to %(table)s!") % {"table": invitation.table.name}
            )
            return redirect(invitation.table)
    context.update({"form": form, "account_exists": account_exists, "signed_in_user": user})
    return render(request, "tables/invitation_accept.html", context)


@table_view
@require_http_methods(["GET"])
def audit_log(request: TableRequest) -> HttpResponse:
    require(request.user, "tables.view_audit", request.table)
    event = request.GET.get("event", "")
    if event not in event_labels():
        event = ""
    page = paginate(request, selectors.audit_list(table=request.table, event=event), per_page=50)
    return render(
        request,
        "core/audit_log.html",
        {
            "table": request.table,
            "page": page,
            "event": event,
            "events": list(event_labels().items()),
        },
    )


@login_required
@require_http_methods(["GET"])
def platform_tables(request: HttpRequest) -> HttpResponse:
    require(request.user, "tables.manage_platform")
    page = paginate(request, selectors.table_list(user=request.user), per_page=50)
    page.object_list = selectors.with_people_counts(page.object_list)
    deleted = list(selectors.table_list_deleted()[:100])
    return render(request, "tables/platform_tables.html", {"page": page, "deleted": deleted})


@login_required
@require_http_methods(["GET", "POST"])
def table_restore(request: HttpRequest, table_id: int) -> HttpResponse:
    require(request.user, "tables.restore_table")
    table = selectors.table_list_deleted().filter(pk=table_id).first()
    if table is None:
        raise Http404
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.table_restore(table=table, actor=request.user)
        messages.success(request, _("The table “%(name)s” was restored.") % {"name": table.name})
        return redirect(table)
    return render(request, "tables/table_restore.html", {"table": table, "form": form})


@login_required
@require_http_methods(["GET"])
def platform_audit(request: HttpRequest) -> HttpResponse:
    require(request.user, "tables.manage_platform")
    event = request.GET.get("event", "")
    if event not in event_labels():
        event = ""
    page = paginate(request, selectors.audit_list(event=event), per_page=50)
    return render(
        request,
        "core/audit_log.html",
        {"table": None, "page": page, "event": event, "events": list(event_labels().items())},
    )
