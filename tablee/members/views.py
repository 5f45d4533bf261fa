"""Pages of seats, committees, the who's-who, coverage, welcome and turnover.

Each view: resolve → authorize → validate → call a service → respond.
"""

import secrets

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.members import importing, selectors, services
from tablee.members.forms import (
    CommitteeForm,
    CommitteeMemberForm,
    DirectoryFilterForm,
    EndHolderForm,
    HolderForm,
    ImportConfirmForm,
    ImportUploadForm,
    SeatCreateForm,
    SeatEditForm,
    SeatFilterForm,
)
from tablee.members.models import ActorType, Position

_IMPORT_SESSION_KEY = "members-import"


def _version(value: str):
    return parse_datetime(value) if value else None


def _seat_or_404(request: TableRequest, seat_id: int):
    seat = selectors.seat_get(table=request.table, seat_id=seat_id)
    if seat is None:
        raise Http404
    return seat


def _committee_or_404(request: TableRequest, committee_id: int):
    committee = selectors.committee_get(table=request.table, committee_id=committee_id)
    if committee is None:
        raise Http404
    return committee


def _seat_form_kwargs() -> dict:
    return {
        "organizations": selectors.organization_choices(),
        "sectors": selectors.sector_list(),
    }


def _seat_values(data: dict) -> dict:
    return {
        "organization": data["organization"],
        "label": data["label"],
        "sector": data["sector"],
        "actor_type": data["actor_type"],
        "expected_roles": data["expected_roles"],
        "powers": data["powers"],
        "contributions": data["contributions"],
        "contribution_note": data["contribution_note"],
        "mandate_start": data["mandate_start"],
        "mandate_end": data["mandate_end"],
    }


# -- seats -----------------------------------------------------------------


@table_view
@require_http_methods(["GET"])
def seat_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "members.view_seats", table)
    filters = SeatFilterForm(request.GET)
    query, status = "", "open"
    if filters.is_valid():
        query = filters.cleaned_data["q"]
        status = filters.cleaned_data["status"] or "open"
    page = paginate(
        request, selectors.seat_list(table=table, search=query, status=status), per_page=50
    )
    for seat in page.object_list:
        seat.representative = selectors.holder_of(seat, Position.REPRESENTATIVE)
        seat.alternate = selectors.holder_of(seat, Position.ALTERNATE)
        seat.sector_shown = selectors.seat_sector(seat)
    template = "members/seat_list.html"
    if request.htmx:
        template += "#seat-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "filters": filters,
            "query": query,
            "status": status,
            "can_manage": can(request.user, "members.manage_seats", table),
            "can_import": can(request.user, "members.import_members", table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def seat_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "members.manage_seats", table)
    form = SeatCreateForm(posted(request), **_seat_form_kwargs())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            seat = services.seat_create(
                table=table,
                actor=request.user,
                representative_email=data["representative_email"],
                representative_name=data["representative_name"],
                alternate_email=data["alternate_email"],
                alternate_name=data["alternate_name"],
                **_seat_values(data),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The seat “%(seat)s” was created.") % {"seat": seat})
            return redirect("members:seat-detail", table_slug=table.slug, seat_id=seat.pk)
    return render(request, "members/seat_form.html", {"table": table, "form": form})


@table_view
@require_http_methods(["GET"])
def seat_detail(request: TableRequest, seat_id: int) -> HttpResponse:
    seat = _seat_or_404(request, seat_id)
    require(request.user, "members.view_seats", seat)
    return render(
        request,
        "members/seat_detail.html",
        {
            "table": request.table,
            "seat": seat,
            "sector": selectors.seat_sector(seat),
            "representative": selectors.holder_of(seat, Position.REPRESENTATIVE),
            "alternate": selectors.holder_of(seat, Position.ALTERNATE),
            "can_manage": can(request.user, "members.manage_seats", seat),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def seat_edit(request: TableRequest, seat_id: int) -> HttpResponse:
    seat = _seat_or_404(request, seat_id)
    require(request.user, "members.manage_seats", seat)
    initial = {
        "organization": seat.organization_id,
        "label": seat.label,
        "sector": seat.sector_id,
        "actor_type": seat.actor_type,
        "expected_roles": seat.expected_roles,
        "powers": seat.powers,
        "contributions": seat.contributions,
        "contribution_note": seat.contribution_note,
        "mandate_start": seat.mandate_start,
        "mandate_end": seat.mandate_end,
        "version": seat.updated_at.isoformat(),
    }
    form = SeatEditForm(posted(request), initial=initial, **_seat_form_kwargs())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.seat_update(
                seat=seat,
                actor=request.user,
                read_at_version=_version(data["version"]),
                **_seat_values(data),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The seat was saved."))
            return redirect("members:seat-detail", table_slug=request.table.slug, seat_id=seat.pk)
    return render(
        request, "members/seat_form.html", {"table": request.table, "form": form, "seat": seat}
    )


def _position_initial(request: TableRequest) -> str:
    position = request.GET.get("position", Position.REPRESENTATIVE)
    return position if position in Position.values else Position.REPRESENTATIVE


@table_view
@require_http_methods(["GET", "POST"])
def seat_assign(request: TableRequest, seat_id: int) -> HttpResponse:
    """Name someone in a vacant position."""
    seat = _seat_or_404(request, seat_id)
    require(request.user, "members.manage_seats", seat)
    form = HolderForm(posted(request), initial={"position": _position_initial(request)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.seat_assign_holder(
                seat=seat,
                actor=request.user,
                position=data["position"],
                email=data["email"],
                full_name=data["full_name"],
                started_on=data["on_date"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The holder was named."))
            return redirect("members:seat-detail", table_slug=request.table.slug, seat_id=seat.pk)
    return render(
        request,
        "members/seat_holder_form.html",
        {"table": request.table, "seat": seat, "form": form, "mode": "assign"},
    )


@table_view
@require_http_methods(["GET", "POST"])
def seat_handover(request: TableRequest, seat_id: int) -> HttpResponse:
    """End the current holder and name a successor, keeping the history."""
    seat = _seat_or_404(request, seat_id)
    require(request.user, "members.manage_seats", seat)
    form = HolderForm(posted(request), initial={"position": _position_initial(request)})
    form.fields["on_date"].label = _("Handover date")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.seat_hand_over(
                seat=seat,
                actor=request.user,
                position=data["position"],
                email=data["email"],
                full_name=data["full_name"],
                on_date=data["on_date"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The seat was handed over."))
            return redirect("members:seat-detail", table_slug=request.table.slug, seat_id=seat.pk)
    return render(
        request,
        "members/seat_holder_form.html",
        {"table": request.table, "seat": seat, "form": form, "mode": "handover"},
    )


@table_view
@require_http_methods(["GET", "POST"])
def seat_end_holder(request: TableRequest, seat_id: int) -> HttpResponse:
    seat = _seat_or_404(request, seat_id)
    require(request.user, "members.manage_seats", seat)
    form = EndHolderForm(posted(request), initial={"position": _position_initial(request)})
    if request.method == "POST" and form.is_valid():
        try:
            services.seat_end_holder(
                seat=seat,
                actor=request.user,
                position=form.cleaned_data["position"],
                on_date=form.cleaned_data["on_date"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The holder left the seat; the position is vacant."))
            return redirect("members:seat-detail", table_slug=request.table.slug, seat_id=seat.pk)
    return render(
        request,
        "members/seat_end_holder.html",
        {"table": request.table, "seat": seat, "form": form},
    )


@table_view
@require_http_methods(["GET", "POST"])
def seat_close(request: TableRequest, seat_id: int) -> HttpResponse:
    seat = _seat_or_404(request, seat_id)
    require(request.user, "members.manage_seats", seat)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.seat_close(seat=seat, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The seat “%(seat)s” was closed.") % {"seat": seat})
        return redirect("members:seat-detail", table_slug=request.table.slug, seat_id=seat.pk)
    return render(
        request, "members/seat_close.html", {"table": request.table, "seat": seat, "form": form}
    )


@table_view
@require_http_methods(["GET", "POST"])
def seat_reopen(request: TableRequest, seat_id: int) -> HttpResponse:
    seat = _seat_or_404(request, seat_id)
    require(request.user, "members.manage_seats", seat)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.seat_reopen(seat=seat, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The seat was reopened."))
        return redirect("members:seat-detail", table_slug=request.table.slug, seat_id=seat.pk)
    return render(
        request, "members/seat_reopen.html", {"table": request.table, "seat": seat, "form": form}
    )


# -- import / export -------------------------------------------------------


def _file_response(content: bytes, filename: str, fmt: str) -> HttpResponse:
    content_type = (
        "text/csv; charset=utf-8"
        if fmt == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _encode(rows, fmt: str) -> bytes:
    return importing.to_csv(rows) if fmt == "csv" else importing.to_xlsx(rows)


@table_view
@require_http_methods(["GET"])
def seat_import_template(request: TableRequest, fmt: str) -> HttpResponse:
    require(request.user, "members.import_members", request.table)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return _file_response(_encode(importing.template_rows(), fmt), "modele-sieges", fmt)


@table_view
@require_http_methods(["GET"])
def seat_export(request: TableRequest, fmt: str) -> HttpResponse:
    require(request.user, "members.export_members", request.table)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    rows = importing.export_table(table=request.table)
    return _file_response(_encode(rows, fmt), f"sieges-{request.table.slug}", fmt)


@table_view
@require_http_methods(["GET", "POST"])
def seat_import(request: TableRequest) -> HttpResponse:
    """Upload → preview every row → confirm.

    Between preview and confirm the parsed rows wait in the server-side
    session under a random token (never the file itself, never in the
    page): the client cannot alter them, they vanish with the session, and
    the confirmation plans them again against the current data.
    """
    table = request.table
    require(request.user, "members.import_members", table)
    upload = ImportUploadForm()
    context = {"table": table, "upload": upload}
    if request.method == "POST" and "token" in request.POST:
        confirm = ImportConfirmForm(request.POST)
        stored = request.session.get(_IMPORT_SESSION_KEY) or {}
        if (
            not confirm.is_valid()
            or stored.get("token") != confirm.cleaned_data["token"]
            or stored.get("table_id") != table.pk
        ):
            messages.error(request, _("This preview has expired. Send the file again."))
            return redirect("members:seat-import", table_slug=table.slug)
        try:
            counts = services.seats_import(table=table, actor=request.user, rows=stored["rows"])
        except DomainError as error:
            plan = importing.build_plan(table=table, rows=stored["rows"])
            messages.error(request, error.message)
            context.update(plan=plan, confirm=confirm, filename=stored.get("filename", ""))
            return render(request, "members/seat_import.html", context, status=422)
        request.session.pop(_IMPORT_SESSION_KEY, None)
        messages.success(
            request,
            _(
                "Import done: %(orgs)s organizations created, %(created)s seats created, "
                "%(updated)s seats updated, %(holders)s holders named."
            )
            % {
                "orgs": counts["organizations_created"],
                "created": counts["seats_created"],
                "updated": counts["seats_updated"],
                "holders": counts["holders_named"],
            },
        )
        return redirect("members:seat-list", table_slug=table.slug)
    if request.method == "POST":
        upload = ImportUploadForm(request.POST, request.FILES)
        context["upload"] = upload
        if upload.is_valid():
            file = upload.cleaned_data["file"]
            try:
                rows = importing.read_rows(data=file.read(), filename=file.name)
            except DomainError as error:
                add_domain_error(upload, error)
            else:
                plan = importing.build_plan(table=table, rows=rows)
                token = secrets.token_urlsafe(16)
                request.session[_IMPORT_SESSION_KEY] = {
                    "token": token,
                    "table_id": table.pk,
                    "rows": rows,
                    "filename": file.name,
                }
                context.update(
                    plan=plan,
                    confirm=ImportConfirmForm(initial={"token": token}),
                    filename=file.name,
                )
    return render(request, "members/seat_import.html", context)


# -- committees ------------------------------------------------------------


@table_view
@require_http_methods(["GET"])
def committee_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "members.view_committees", table)
    show_closed = request.GET.get("closed") == "1"
    page = paginate(
        request, selectors.committee_list(table=table, include_closed=show_closed), per_page=50
    )
    return render(
        request,
        "members/committee_list.html",
        {
            "table": table,
            "page": page,
            "show_closed": show_closed,
            "can_manage": can(request.user, "members.manage_committees", table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def committee_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "members.manage_committees", table)
    form = CommitteeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            committee = services.committee_create(
                table=table,
                actor=request.user,
                name=data["name"],
                kind=data["kind"],
                mandate=data["mandate"],
                end_date=data["end_date"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("“%(name)s” was created.") % {"name": committee.name})
            return redirect(
                "members:committee-detail", table_slug=table.slug, committee_id=committee.pk
            )
    return render(request, "members/committee_form.html", {"table": table, "form": form})


@table_view
@require_http_methods(["GET"])
def committee_detail(request: TableRequest, committee_id: int) -> HttpResponse:
    committee = _committee_or_404(request, committee_id)
    require(request.user, "members.view_committees", committee)
    can_manage = can(request.user, "members.manage_committees", committee)
    add_form = None
    if can_manage and committee.closed_at is None:
        add_form = CommitteeMemberForm(people=selectors.people_of_table(table=request.table))
    return render(
        request,
        "members/committee_detail.html",
        {
            "table": request.table,
            "committee": committee,
            "can_manage": can_manage,
            "add_form": add_form,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def committee_edit(request: TableRequest, committee_id: int) -> HttpResponse:
    committee = _committee_or_404(request, committee_id)
    require(request.user, "members.manage_committees", committee)
    initial = {
        "name": committee.name,
        "kind": committee.kind,
        "mandate": committee.mandate,
        "end_date": committee.end_date,
        "version": committee.updated_at.isoformat(),
    }
    form = CommitteeForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.committee_update(
                committee=committee,
                actor=request.user,
                name=data["name"],
                kind=data["kind"],
                mandate=data["mandate"],
                end_date=data["end_date"],
                read_at_version=_version(data["version"]),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The committee was saved."))
            return redirect(
                "members:committee-detail",
                table_slug=request.table.slug,
                committee_id=committee.pk,
            )
    return render(
        request,
        "members/committee_form.html",
        {"table": request.table, "form": form, "committee": committee},
    )


@table_view
@require_http_methods(["GET", "POST"])
def committee_close(request: TableRequest, committee_id: int) -> HttpResponse:
    committee = _committee_or_404(request, committee_id)
    require(request.user, "members.manage_committees", committee)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_close(committee=committee, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("“%(name)s” was closed.") % {"name": committee.name})
        return redirect(
            "members:committee-detail", table_slug=request.table.slug, committee_id=committee.pk
        )
    return render(
        request,
        "members/committee_close.html",
        {"table": request.table, "committee": committee, "form": form},
    )


@table_view
@require_http_methods(["GET", "POST"])
def committee_member_add(request: TableRequest, committee_id: int) -> HttpResponse:
    committee = _committee_or_404(request, committee_id)
    require(request.user, "members.manage_committees", committee)
    form = CommitteeMemberForm(
        posted(request), people=selectors.people_of_table(table=request.table)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_add_member(
                committee=committee,
                actor=request.user,
                person=form.cleaned_data["person"],
                role=form.cleaned_data["role"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("%(person)s joined “%(name)s”.")
                % {"person": form.cleaned_data["person"], "name": committee.name},
            )
            return redirect(
                "members:committee-detail",
                table_slug=request.table.slug,
                committee_id=committee.pk,
            )
    return render(
        request,
        "members/committee_member_add.html",
        {"table": request.table, "committee": committee, "form": form},
    )


@table_view
@require_http_methods(["GET", "POST"])
def committee_member_remove(
    request: TableRequest, committee_id: int, member_id: int
) -> HttpResponse:
    committee = _committee_or_404(request, committee_id)
    require(request.user, "members.manage_committees", committee)
    member = selectors.committee_member_get(committee=committee, member_id=member_id)
    if member is None:
        raise Http404
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_remove_member(member=member, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(person)s left “%(name)s”.")
                % {"person": member.person, "name": committee.name},
            )
        return redirect(
            "members:committee-detail", table_slug=request.table.slug, committee_id=committee.pk
        )
    return render(
        request,
        "members/committee_member_remove.html",
        {"table": request.table, "committee": committee, "member": member, "form": form},
    )


# -- directory, coverage, welcome, turnover --------------------------------


def directory_page(request: TableRequest, *, per_page: int = 30) -> dict:
    """The who's-who page data, shared by the page and its HTMX fragment."""
    table = request.table
    committees = list(selectors.committee_list(table=table))
    sectors = list(selectors.sector_list())
    filters = DirectoryFilterForm(request.GET, sectors=sectors, committees=committees)
    values = {"q": "", "sector": "", "actor_type": "", "committee": None}
    if filters.is_valid():
        values.update(filters.cleaned_data)
    people = selectors.directory_list(
        table=table,
        search=values["q"],
        sector=values["sector"],
        actor_type=values["actor_type"],
        committee_id=values["committee"],
    )
    page = paginate(request, people, per_page=per_page)
    page.object_list = selectors.directory_rows(
        page.object_list,
        table=table,
        show_contacts=can(request.user, "members.view_contact_details", table),
    )
    return {
        "table": table,
        "page": page,
        "filters": filters,
        "filtered": any(values.values()),
    }


@table_view
@require_http_methods(["GET"])
def directory(request: TableRequest) -> HttpResponse:
    require(request.user, "members.view_directory", request.table)
    context = directory_page(request)
    context["show_contacts"] = can(request.user, "members.view_contact_details", request.table)
    template = "members/directory.html"
    if request.htmx:
        template += "#directory-results"
    return render(request, template, context)


@table_view
@require_http_methods(["GET"])
def coverage(request: TableRequest) -> HttpResponse:
    require(request.user, "members.view_coverage", request.table)
    data = selectors.coverage(table=request.table)
    return render(
        request,
        "members/coverage.html",
        {"table": request.table, "c": data, "ActorType": ActorType},
    )


@table_view
@require_http_methods(["GET"])
def onboarding(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "members.view_onboarding", table)
    from django.urls import NoReverseMatch, reverse

    try:
        charter_url = reverse("charters:charter-home", kwargs={"table_slug": table.slug})
    except NoReverseMatch:
        charter_url = ""
    charter = selectors.latest_adopted_charter(table=table)
    roles = []
    if charter is not None:
        from tablee.charters.models import TableRole

        roles = [
            TableRole(value).label for value in charter.table_roles if value in TableRole.values
        ]
    context = directory_page(request, per_page=200)
    context.update(
        charter=charter,
        charter_roles=roles,
        charter_url=charter_url,
        committees=list(selectors.committee_list(table=table)),
        show_contacts=can(request.user, "members.view_contact_details", table),
    )
    return render(request, "members/onboarding.html", context)


@table_view
@require_http_methods(["GET"])
def turnover(request: TableRequest) -> HttpResponse:
    require(request.user, "members.view_turnover", request.table)
    return render(
        request,
        "members/turnover.html",
        {"table": request.table, "t": selectors.turnover(table=request.table)},
    )
