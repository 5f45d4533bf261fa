"""Pages of a table's meetings.

Each view: resolve → authorize → validate → call a service → respond.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.meetings import calendar, links, selectors, services
from tablee.meetings.forms import (
    AgendaItemForm,
    AnswerDatesForm,
    ChooseDateForm,
    DocumentForm,
    MeetingForm,
    MoveItemForm,
    NotesForm,
    ProposeDatesForm,
    ProposeItemForm,
    ReplyForm,
    RulesForm,
)
from tablee.meetings.models import MeetingStatus, Reply

# ---------------------------------------------------------------- helpers


def _meeting_or_404(request: TableRequest, meeting_id: int):
    meeting = selectors.meeting_get(table=request.table, meeting_id=meeting_id)
    if meeting is None:
        raise Http404
    return meeting


def _item_or_404(meeting, item_id: int):
    item = selectors.agenda_item_get(meeting=meeting, item_id=item_id)
    if item is None:
        raise Http404
    return item


def _to_meeting(meeting, anchor: str = ""):
    url = reverse(
        "meetings:meeting-detail",
        kwargs={"table_slug": meeting.table.slug, "meeting_id": meeting.pk},
    )
    return redirect(url + anchor)


def _optional_url(name: str, query: str = "", **kwargs) -> str | None:
    """Return the URL of another app's page, or None while that page does not exist."""
    try:
        return reverse(name, kwargs=kwargs) + query
    except NoReverseMatch:
        return None


def _related_links(meeting) -> list[tuple[str, str]]:
    slug = meeting.table.slug
    candidates = [
        (_("Minutes"), "minutes:minutes-detail", "", {"meeting_id": meeting.pk}),
        (_("Decisions"), "decisions:decision-list", f"?meeting={meeting.pk}", {}),
        (_("Actions"), "actions:action-list", f"?meeting={meeting.pk}", {}),
    ]
    found = []
    for label, name, query, kwargs in candidates:
        url = _optional_url(name, query, table_slug=slug, **kwargs)
        if url:
            found.append((label, url))
    return found


def _person_from(request: TableRequest, value):
    if value in (None, ""):
        return None
    person = selectors.person_at_table(table=request.table, person_id=value)
    if person is None:
        raise Http404
    return person


def _committee_from(request: TableRequest, value):
    if value in (None, ""):
        return None
    committee = selectors.committee_get(table=request.table, committee_id=value)
    if committee is None:
        raise Http404
    return committee


# ---------------------------------------------------------------- meetings


@table_view
@require_http_methods(["GET"])
def meeting_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "meetings.view_meetings", table)
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    committees = selectors.committee_choices(table=table)
    committee_id = request.GET.get("committee", "")
    committee_id = int(committee_id) if committee_id.isdigit() else None
    page = paginate(
        request,
        selectors.meeting_list(table=table, when=when, committee_id=committee_id),
        per_page=25,
    )
    template = "meetings/meeting_list.html"
    if request.htmx:
        template += "#meeting-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "when": when,
            "committees": committees,
            "committee_id": committee_id,
            "can_manage": can(request.user, "meetings.manage_meetings", table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def meeting_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "meetings.manage_meetings", table)
    committees = selectors.committee_choices(table=table)
    form = MeetingForm(posted(request), committees=committees)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_create(
                table=table,
                actor=request.user,
                title=data["title"],
                description=data["description"],
                committee=_committee_from(request, data["committee"]),
                starts_at=data["starts_at"],
                duration_minutes=data["duration_minutes"],
                location=data["location"],
                online_url=data["online_url"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The meeting was created."))
            return _to_meeting(meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        {"table": table, "form": form, "meeting": None},
    )


@table_view
@require_http_methods(["GET"])
def meeting_detail(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.view_meetings", meeting)
    summary = selectors.agenda_summary(meeting=meeting)
    attendances = selectors.attendance_list(meeting=meeting)
    quorum = selectors.meeting_quorum(meeting=meeting, attendances=attendances)
    counts = {
        "present": sum(1 for row in attendances if row.present),
        "absent": sum(1 for row in attendances if row.present is False),
        "replied_present": sum(1 for row in attendances if row.reply == Reply.PRESENT),
        "replied_absent": sum(1 for row in attendances if row.reply == Reply.ABSENT),
        "replied_alternate": sum(1 for row in attendances if row.reply == Reply.ALTERNATE),
        "no_reply": sum(1 for row in attendances if not row.reply),
    }
    mine = None
    if meeting.status in (MeetingStatus.CONVENED, MeetingStatus.SCHEDULED):
        mine = selectors.attendance_for_person(meeting=meeting, person=request.user)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "table": request.table,
            "meeting": meeting,
            "summary": summary,
            "attendances": attendances,
            "counts": counts,
            "quorum": quorum,
            "mine": mine,
            "reply_form": ReplyForm(initial={"reply": mine.reply if mine else ""}),
            "related": _related_links(meeting),
            "can_manage": can(request.user, "meetings.manage_meetings", meeting),
            "can_propose": can(request.user, "meetings.propose_item", meeting)
            and meeting.agenda_circulated_at is not None
            and meeting.status
            in (MeetingStatus.PLANNING, MeetingStatus.SCHEDULED, MeetingStatus.CONVENED),
            "is_open": meeting.status not in (MeetingStatus.HELD, MeetingStatus.CANCELLED),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def meeting_edit(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    committees = selectors.committee_choices(table=request.table)
    initial = {
        "title": meeting.title,
        "committee": meeting.committee_id,
        "starts_at": meeting.starts_at,
        "duration_minutes": meeting.duration_minutes,
        "location": meeting.location,
        "online_url": meeting.online_url,
        "description": meeting.description,
        "revision": meeting.revision,
    }
    form = MeetingForm(posted(request), initial=initial, committees=committees)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.meeting_update(
                meeting=meeting,
                actor=request.user,
                revision=data["revision"],
                title=data["title"],
                description=data["description"],
                committee=_committee_from(request, data["committee"]),
                starts_at=data["starts_at"],
                duration_minutes=data["duration_minutes"],
                location=data["location"],
                online_url=data["online_url"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The meeting was saved."))
            return _to_meeting(meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        {"table": request.table, "form": form, "meeting": meeting},
    )


def _confirm_page(request, meeting, *, perm, service, template, success, extra=None):
    require(request.user, perm, meeting)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            service(meeting=meeting, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, success)
            return _to_meeting(meeting)
    context = {"table": request.table, "meeting": meeting, "form": form}
    context.update(extra or {})
    return render(request, template, context)


@table_view
@require_http_methods(["GET", "POST"])
def meeting_cancel(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    return _confirm_page(
        request,
        meeting,
        perm="meetings.manage_meetings",
        service=services.meeting_cancel,
        template="meetings/meeting_cancel.html",
        success=_("The meeting was cancelled."),
    )


@table_view
@require_http_methods(["GET", "POST"])
def meeting_convene(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    summary = selectors.agenda_summary(meeting=meeting)
    return _confirm_page(
        request,
        meeting,
        perm="meetings.manage_meetings",
        service=services.meeting_convene,
        template="meetings/meeting_convene.html",
        success=_("The convocation is on its way."),
        extra={"summary": summary},
    )


@table_view
@require_http_methods(["GET", "POST"])
def meeting_circulate(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    return _confirm_page(
        request,
        meeting,
        perm="meetings.manage_meetings",
        service=services.meeting_circulate_agenda,
        template="meetings/meeting_circulate.html",
        success=_("The draft agenda was sent; members can now propose items."),
    )


@table_view
@require_http_methods(["GET"])
def meeting_ics(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.view_meetings", meeting)
    if meeting.starts_at is None:
        raise Http404
    method = "CANCEL" if meeting.status == MeetingStatus.CANCELLED else "REQUEST"
    response = HttpResponse(
        calendar.meeting_ics(meeting, method=method), content_type="text/calendar; charset=utf-8"
    )
    name = slugify(meeting.title) or "meeting"
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response


# ---------------------------------------------------------------- dates


def _dates_context(meeting, user, form=None, propose_form=None):
    grid = selectors.date_grid(meeting=meeting, viewer=user)
    if form is None:
        form = AnswerDatesForm(options=grid.options, initial_answers=grid.mine)
    return {
        "meeting": meeting,
        "table": meeting.table,
        "grid": grid,
        "form": form,
        "propose_form": propose_form,
        "is_planning": meeting.status == MeetingStatus.PLANNING,
    }


@table_view
@require_http_methods(["GET", "POST"])
def meeting_dates(request: TableRequest, meeting_id: int) -> HttpResponse:
    """The grid of availabilities; members answer, coordinators propose and choose."""
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.view_meetings", meeting)
    can_manage = can(request.user, "meetings.manage_meetings", meeting)
    can_answer = can(request.user, "meetings.answer_dates", meeting)
    propose_form = ProposeDatesForm() if can_manage else None
    form = None
    if request.method == "POST":
        action = request.POST.get("action", "answer")
        if action == "propose":
            require(request.user, "meetings.manage_meetings", meeting)
            propose_form = ProposeDatesForm(request.POST)
            if propose_form.is_valid():
                try:
                    services.meeting_propose_dates(
                        meeting=meeting, actor=request.user, starts_at=propose_form.slots()
                    )
                except DomainError as error:
                    add_domain_error(propose_form, error)
                else:
                    messages.success(request, _("The dates were proposed to the members."))
                    return redirect(request.path)
        elif action == "choose":
            require(request.user, "meetings.manage_meetings", meeting)
            choose = ChooseDateForm(request.POST)
            option = (
                selectors.date_option_get(meeting=meeting, option_id=choose.cleaned_data["option"])
                if choose.is_valid()
                else None
            )
            if option is None:
                raise Http404
            try:
                services.meeting_choose_date(meeting=meeting, actor=request.user, option=option)
            except DomainError as error:
                messages.error(request, error.message)
                return redirect(request.path)
            messages.success(request, _("The date was chosen. The meeting is scheduled."))
            return _to_meeting(meeting)
        else:
            require(request.user, "meetings.answer_dates", meeting)
            grid = selectors.date_grid(meeting=meeting, viewer=request.user)
            form = AnswerDatesForm(request.POST, options=grid.options)
            if form.is_valid():
                try:
                    services.meeting_answer_dates(
                        meeting=meeting, person=request.user, answers=form.answers()
                    )
                except DomainError as error:
                    add_domain_error(form, error)
                else:
                    messages.success(request, _("Your availability was saved. Thank you."))
                    return redirect(request.path)
    context = _dates_context(meeting, request.user, form=form, propose_form=propose_form)
    context.update({"can_manage": can_manage, "can_answer": can_answer})
    return render(request, "meetings/meeting_dates.html", context)


def _link_error_page(request: HttpRequest, error: links.LinkError) -> HttpResponse:
    return render(
        request,
        "meetings/link_invalid.html",
        {"expired": error.expired},
        status=410 if error.expired else 404,
    )


def _resolve_link(token: str, salt: str):
    """Return (meeting, person) named by a signed link, or raise LinkError."""
    payload = links.read_token(token, salt=salt)
    meeting = selectors.meeting_get_any(meeting_id=payload.meeting_id)
    if meeting is None:
        raise links.LinkError(expired=False)
    person = selectors.meeting_person_get(table=meeting.table, person_id=payload.person_id)
    if person is None:
        raise links.LinkError(expired=False)
    return meeting, person


@require_http_methods(["GET", "POST"])
def availability_public(request: HttpRequest, token: str) -> HttpResponse:
    """Answer the date poll from an e-mailed link, without signing in."""
    try:
        meeting, person = _resolve_link(token, links.AVAILABILITY_SALT)
    except links.LinkError as error:
        return _link_error_page(request, error)
    grid = selectors.date_grid(meeting=meeting, viewer=person)
    form = AnswerDatesForm(posted(request), options=grid.options, initial_answers=grid.mine)
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_answer_dates(meeting=meeting, person=person, answers=form.answers())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            saved = True
            grid = selectors.date_grid(meeting=meeting, viewer=person)
            form = AnswerDatesForm(options=grid.options, initial_answers=grid.mine)
    return render(
        request,
        "meetings/availability_public.html",
        {
            "meeting": meeting,
            "person": person,
            "grid": grid,
            "form": form,
            "saved": saved,
            "is_planning": meeting.status == MeetingStatus.PLANNING,
        },
    )


@require_http_methods(["GET", "POST"])
def reply_public(request: HttpRequest, token: str) -> HttpResponse:
    """Answer the convocation from an e-mailed link, without signing in."""
    try:
        meeting, person = _resolve_link(token, links.REPLY_SALT)
    except links.LinkError as error:
        return _link_error_page(request, error)
    row = selectors.attendance_for_person(meeting=meeting, person=person)
    form = ReplyForm(posted(request), initial={"reply": row.reply if row else ""})
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            row = services.attendance_reply(
                meeting=meeting, person=person, reply=form.cleaned_data["reply"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            saved = True
    return render(
        request,
        "meetings/reply_public.html",
        {"meeting": meeting, "person": person, "row": row, "form": form, "saved": saved},
    )


@table_view
@require_http_methods(["POST"])
def meeting_reply(request: TableRequest, meeting_id: int) -> HttpResponse:
    """Answer the convocation from the meeting page (signed in)."""
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.reply_attendance", meeting)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.attendance_reply(
                meeting=meeting, person=request.user, reply=form.cleaned_data["reply"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your answer was saved. Thank you."))
    else:
        messages.error(request, _("Choose an answer."))
    return _to_meeting(meeting, "#my-answer")


# ---------------------------------------------------------------- agenda


@table_view
@require_http_methods(["GET", "POST"])
def item_create(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    people = selectors.presenter_choices(table=request.table)
    form = AgendaItemForm(posted(request), people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agenda_item_add(
                meeting=meeting,
                actor=request.user,
                title=data["title"],
                kind=data["kind"],
                duration_minutes=data["duration_minutes"],
                presenter=_person_from(request, data["presenter"]),
                presenter_name=data["presenter_name"],
                description=data["description"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The item was added to the agenda."))
            return _to_meeting(meeting, "#agenda")
    return render(
        request,
        "meetings/item_form.html",
        {"table": request.table, "meeting": meeting, "form": form, "item": None},
    )


@table_view
@require_http_methods(["GET", "POST"])
def item_edit(request: TableRequest, meeting_id: int, item_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    item = _item_or_404(meeting, item_id)
    people = selectors.presenter_choices(table=request.table)
    initial = {
        "title": item.title,
        "kind": item.kind,
        "duration_minutes": item.duration_minutes,
        "presenter": item.presenter_id,
        "presenter_name": item.presenter_name,
        "description": item.description,
        "revision": item.revision,
    }
    form = AgendaItemForm(posted(request), initial=initial, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agenda_item_update(
                item=item,
                actor=request.user,
                revision=data["revision"],
                title=data["title"],
                kind=data["kind"],
                duration_minutes=data["duration_minutes"],
                presenter=_person_from(request, data["presenter"]),
                presenter_name=data["presenter_name"],
                description=data["description"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The item was saved."))
            return _to_meeting(meeting, "#agenda")
    documents = list(item.documents.all())
    return render(
        request,
        "meetings/item_form.html",
        {
            "table": request.table,
            "meeting": meeting,
            "form": form,
            "item": item,
            "documents": documents,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def item_remove(request: TableRequest, meeting_id: int, item_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    item = _item_or_404(meeting, item_id)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_remove(item=item, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The item was removed from the agenda."))
            return _to_meeting(meeting, "#agenda")
    return render(
        request,
        "meetings/item_remove.html",
        {"table": request.table, "meeting": meeting, "item": item, "form": form},
    )


@table_view
@require_http_methods(["POST"])
def item_move(request: TableRequest, meeting_id: int, item_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    item = _item_or_404(meeting, item_id)
    form = MoveItemForm(request.POST)
    if form.is_valid():
        try:
            services.agenda_item_move(
                item=item, actor=request.user, direction=form.cleaned_data["direction"]
            )
        except DomainError as error:
            messages.error(request, error.message)
    return _to_meeting(meeting, f"#item-{item.pk}")


@table_view
@require_http_methods(["POST"])
def item_accept(request: TableRequest, meeting_id: int, item_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    item = _item_or_404(meeting, item_id)
    try:
        services.agenda_item_accept(item=item, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The proposed item is now on the agenda."))
    return _to_meeting(meeting, "#agenda")


@table_view
@require_http_methods(["GET", "POST"])
def item_propose(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.propose_item", meeting)
    form = ProposeItemForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agenda_item_propose(
                meeting=meeting,
                actor=request.user,
                title=data["title"],
                kind=data["kind"],
                duration_minutes=data["duration_minutes"],
                description=data["description"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("Your item was proposed. The coordination will review it.")
            )
            return _to_meeting(meeting, "#agenda")
    return render(
        request,
        "meetings/item_propose.html",
        {"table": request.table, "meeting": meeting, "form": form},
    )


# ---------------------------------------------------------------- documents


@table_view
@require_http_methods(["GET", "POST"])
def document_upload(request: TableRequest, meeting_id: int, item_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    item = _item_or_404(meeting, item_id)
    form = DocumentForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_attach(
                item=item, actor=request.user, uploaded=form.cleaned_data["file"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The document was attached."))
            return _to_meeting(meeting, f"#item-{item.pk}")
    from django.conf import settings

    return render(
        request,
        "meetings/document_upload.html",
        {
            "table": request.table,
            "meeting": meeting,
            "item": item,
            "form": form,
            "max_mb": round(settings.TABLEE_MAX_UPLOAD_BYTES / (1024 * 1024), 1),
        },
    )


@table_view
@require_http_methods(["GET"])
def document_download(request: TableRequest, meeting_id: int, document_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.download_document", meeting)
    document = selectors.document_get(meeting=meeting, document_id=document_id)
    if document is None:
        raise Http404
    try:
        handle = default_storage.open(document.file.name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@table_view
@require_http_methods(["GET", "POST"])
def document_remove(request: TableRequest, meeting_id: int, document_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    document = selectors.document_get(meeting=meeting, document_id=document_id)
    if document is None:
        raise Http404
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.document_remove(document=document, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The document was removed."))
            return _to_meeting(meeting, "#agenda")
    return render(
        request,
        "meetings/document_remove.html",
        {"table": request.table, "meeting": meeting, "document": document, "form": form},
    )


# ---------------------------------------------------------------- attendance and rules

SEAT_CHOICES = ("", "absent", "representative", "alternate")


@table_view
@require_http_methods(["GET", "POST"])
def meeting_attendance(request: TableRequest, meeting_id: int) -> HttpResponse:
    """Take attendance by seat (and people without seat), all rows in one save."""
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    seats = [] if meeting.committee_id else selectors.open_seats(table=request.table)
    attendances = selectors.attendance_list(meeting=meeting)
    by_seat = {row.seat_id: row for row in attendances if row.seat_id}
    person_rows = [row for row in attendances if not row.seat_id]
    people = selectors.presenter_choices(table=request.table)
    error = None
    if request.method == "POST":
        rows = []
        for seat in seats:
            value = request.POST.get(f"seat_{seat.pk}", "")
            if value not in SEAT_CHOICES:
                value = ""
            if value == "":
                present = None
                by = None
            elif value == "absent":
                present, by = False, None
            else:
                present = True
                by = seat.representative if value == "representative" else seat.alternate
                if by is None:
                    error = _("%(seat)s has no %(position)s.") % {
                        "seat": seat,
                        "position": _("representative")
                        if value == "representative"
                        else _("alternate"),
                    }
            rows.append({"seat": seat, "present": present, "attended_by": by})
        seen = set()
        for row in person_rows:
            value = request.POST.get(f"person_{row.person_id}", "")
            present = {"present": True, "absent": False}.get(value)
            rows.append({"seat": None, "person": row.person, "present": present})
            seen.add(row.person_id)
        add = request.POST.get("add_person", "")
        if add.isdigit() and int(add) not in seen:
            person = _person_from(request, int(add))
            rows.append({"seat": None, "person": person, "present": True})
        if error is None:
            try:
                services.attendance_record(meeting=meeting, actor=request.user, rows=rows)
            except DomainError as exc:
                error = exc.message
            else:
                messages.success(request, _("The attendance was saved."))
                return redirect(request.get_full_path())
    for seat in seats:
        row = by_seat.get(seat.pk)
        seat.row = row
        seat.choice = ""
        if row is not None and row.present is not None:
            if not row.present:
                seat.choice = "absent"
            elif seat.alternate is not None and row.attended_by_id == seat.alternate.pk:
                seat.choice = "alternate"
            else:
                seat.choice = "representative"
    quorum = selectors.meeting_quorum(meeting=meeting, attendances=attendances)
    return render(
        request,
        "meetings/meeting_attendance.html",
        {
            "table": request.table,
            "meeting": meeting,
            "seats": seats,
            "person_rows": person_rows,
            "people": people,
            "quorum": quorum,
            "error": error,
        },
        status=422 if error else 200,
    )


@table_view
@require_http_methods(["GET", "POST"])
def meeting_rules(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "meetings.manage_meetings", table)
    rules = selectors.meeting_rules_get(table=table)
    initial = {
        "quorum_rule": rules.quorum_rule,
        "quorum_fixed": rules.quorum_fixed,
        "version": rules.updated_at.isoformat() if rules.pk else "",
    }
    form = RulesForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.meeting_rules_update(
                table=table,
                actor=request.user,
                quorum_rule=data["quorum_rule"],
                quorum_fixed=data["quorum_fixed"],
                revision=data["version"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The meeting rules were saved."))
            return redirect("meetings:meeting-rules", table_slug=table.slug)
    return render(request, "meetings/meeting_rules.html", {"table": table, "form": form})


# ---------------------------------------------------------------- during the meeting


def _run_context(request, meeting):
    summary = selectors.agenda_summary(meeting=meeting)
    attendances = selectors.attendance_list(meeting=meeting)
    quorum = selectors.meeting_quorum(meeting=meeting, attendances=attendances)
    current = next((i for i in summary.items if i.pk == meeting.current_item_id), None)
    next_item = None
    if summary.items:
        if current is None:
            next_item = next((i for i in summary.items if i.started_at is None), None)
        else:
            index = summary.items.index(current)
            next_item = summary.items[index + 1] if index + 1 < len(summary.items) else None
    capture = {}
    if current is not None:
        query = f"?meeting={meeting.pk}&item={current.pk}"
        capture = {
            "decision": _optional_url(
                "decisions:decision-create", query, table_slug=meeting.table.slug
            ),
            "action": _optional_url("actions:action-create", query, table_slug=meeting.table.slug),
        }
    return {
        "table": meeting.table,
        "meeting": meeting,
        "summary": summary,
        "current": current,
        "next_item": next_item,
        "quorum": quorum,
        "capture": capture,
        "projector": request.GET.get("projector") == "1",
    }


@table_view
@require_http_methods(["GET", "POST"])
def meeting_run(request: TableRequest, meeting_id: int) -> HttpResponse:
    """The coordinator's facilitation view: start, move on, notes, end."""
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    notes_form = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "start":
                services.meeting_start(meeting=meeting, actor=request.user)
            elif action == "end":
                services.meeting_end(meeting=meeting, actor=request.user)
            elif action == "current":
                value = request.POST.get("item", "")
                item = _item_or_404(meeting, int(value)) if value.isdigit() else None
                services.agenda_item_set_current(meeting=meeting, actor=request.user, item=item)
            elif action == "notes":
                value = request.POST.get("item", "")
                item = _item_or_404(meeting, int(value)) if value.isdigit() else None
                if item is None:
                    raise Http404
                notes_form = NotesForm(request.POST)
                if notes_form.is_valid():
                    services.agenda_item_save_notes(
                        item=item,
                        actor=request.user,
                        notes=notes_form.cleaned_data["notes"],
                        revision=notes_form.cleaned_data["revision"],
                    )
                    notes_form = None
                    messages.success(request, _("The notes were saved."))
            else:
                raise Http404
        except DomainError as error:
            if action == "notes" and notes_form is not None:
                add_domain_error(notes_form, error)
            else:
                messages.error(request, error.message)
                return redirect(request.get_full_path())
        if notes_form is None:
            return redirect(request.get_full_path())
        meeting = _meeting_or_404(request, meeting_id)
    context = _run_context(request, meeting)
    current = context["current"]
    if notes_form is None and current is not None:
        notes_form = NotesForm(initial={"notes": current.notes, "revision": current.revision})
    context["notes_form"] = notes_form
    return render(
        request,
        "meetings/meeting_run.html",
        context,
        status=422 if notes_form is not None and notes_form.errors else 200,
    )


@table_view
@require_http_methods(["GET"])
def meeting_live(request: TableRequest, meeting_id: int) -> HttpResponse:
    """What participants follow on their phone: refreshed every 10 s by HTMX."""
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "meetings.view_meetings", meeting)
    template = "meetings/meeting_live.html"
    if request.htmx:
        template += "#live-panel"
    return render(request, template, _run_context(request, meeting))


# ---------------------------------------------------------------- calendar feeds


def _feed_url(request: HttpRequest, raw: str) -> str:
    return request.build_absolute_uri(reverse("meetings_public:feed", kwargs={"token": raw}))


def _feeds_page(request, *, table, template):
    new_url = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "create":
            _feed, raw = services.calendar_feed_create(actor=request.user, table=table)
            new_url = _feed_url(request, raw)
            messages.success(
                request,
                _("Your calendar address was created. Copy it now: it is shown only once."),
            )
        elif action == "revoke":
            feed_id = request.POST.get("feed", "")
            feed = (
                selectors.calendar_feed_get(user=request.user, feed_id=int(feed_id), table=table)
                if feed_id.isdigit()
                else None
            )
            if feed is None:
                raise Http404
            services.calendar_feed_revoke(feed=feed, actor=request.user)
            messages.success(request, _("The calendar address was revoked; it no longer works."))
            return redirect(request.path)
        else:
            raise Http404
    feeds = list(selectors.calendar_feed_list(user=request.user, table=table))
    return render(request, template, {"table": table, "feeds": feeds, "new_url": new_url})


@table_view
@require_http_methods(["GET", "POST"])
def table_calendar(request: TableRequest) -> HttpResponse:
    require(request.user, "meetings.manage_table_calendar", request.table)
    return _feeds_page(request, table=request.table, template="meetings/calendar_table.html")


@login_required
@require_http_methods(["GET", "POST"])
def my_calendar(request: HttpRequest) -> HttpResponse:
    require(request.user, "meetings.manage_own_calendar")
    return _feeds_page(request, table=None, template="meetings/calendar_mine.html")


@require_http_methods(["GET"])
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribable .ics behind a secret address (no sign-in: calendar apps)."""
    feed = selectors.calendar_feed_by_token(raw_token=token)
    if feed is None:
        raise Http404
    meetings = selectors.feed_meetings(feed=feed)
    name = feed.table.name if feed.table_id else "Tablée"
    response = HttpResponse(
        calendar.feed_ics(meetings, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=300"
    return response
