"""Pages of a meeting's minutes: read, draft, edit and merge, circulate, comment, adopt."""

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
from tablee.minutes import exports, selectors, services
from tablee.minutes.forms import AdoptForm, CommentForm, ErratumForm, MinutesEditForm
from tablee.minutes.links import optional_url
from tablee.minutes.merge import merge3, side_by_side


def _meeting_or_404(request: TableRequest, meeting_id: int):
    meeting = selectors.meeting_get(table=request.table, meeting_id=meeting_id)
    if meeting is None:
        raise Http404
    return meeting


def _minutes_or_404(request: TableRequest, meeting_id: int):
    meeting = _meeting_or_404(request, meeting_id)
    minutes = selectors.minutes_for_meeting(meeting=meeting)
    if minutes is None:
        raise Http404
    return meeting, minutes


def _meeting_url(request: TableRequest, meeting) -> str:
    return optional_url(
        "meetings:meeting-detail", table_slug=request.table.slug, meeting_id=meeting.pk
    )


def _detail(request: TableRequest, meeting_id: int):
    return redirect("minutes:minutes-detail", table_slug=request.table.slug, meeting_id=meeting_id)


@table_view
@require_http_methods(["GET"])
def minutes_detail(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "minutes.view_minutes", request.table)
    minutes = selectors.minutes_for_meeting(meeting=meeting)
    obj = minutes or request.table
    context = {
        "table": request.table,
        "meeting": meeting,
        "minutes": minutes,
        "meeting_url": _meeting_url(request, meeting),
        "can_change": can(request.user, "minutes.change_draft", obj),
        "can_comment": minutes is not None and can(request.user, "minutes.comment_draft", minutes),
        "can_erratum": minutes is not None
        and can(request.user, "minutes.record_erratum", minutes),
        "comment_form": CommentForm(),
        "revisions": list(selectors.revision_list(minutes=minutes)[:10]) if minutes else [],
        "adoption_decision": minutes.adopted_by_decision if minutes else None,
    }
    template = "minutes/minutes_detail.html"
    if request.htmx and minutes is not None:
        template += "#minutes-comments"
    return render(request, template, context)


@table_view
@require_http_methods(["GET", "POST"])
def minutes_generate(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_id)
    require(request.user, "minutes.change_draft", request.table)
    existing = selectors.minutes_for_meeting(meeting=meeting)
    if existing is not None:
        return _detail(request, meeting_id)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_generate_draft(meeting=meeting, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("A draft was written. Read it and complete it."))
            return redirect(
                "minutes:minutes-edit", table_slug=request.table.slug, meeting_id=meeting_id
            )
    return render(
        request,
        "minutes/minutes_generate.html",
        {"table": request.table, "meeting": meeting, "form": form},
    )


@table_view
@require_http_methods(["GET", "POST"])
def minutes_edit(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes = _minutes_or_404(request, meeting_id)
    require(request.user, "minutes.change_draft", minutes)
    form = MinutesEditForm(
        posted(request), initial={"body": minutes.body, "base_revision": minutes.revision}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.minutes_save(
                minutes=minutes,
                actor=request.user,
                body=data["body"],
                base_revision=data["base_revision"],
            )
        except Conflict as error:
            return _merge_page(request, meeting, minutes, error, data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The minutes were saved."))
            return _detail(request, meeting_id)
    return render(
        request,
        "minutes/minutes_edit.html",
        {"table": request.table, "meeting": meeting, "minutes": minutes, "form": form},
    )


def _merge_page(request: TableRequest, meeting, minutes, error: Conflict, data) -> HttpResponse:
    """Show both versions side by side and a proposed merge; nothing was saved."""
    current = selectors.minutes_for_meeting(meeting=meeting)
    base = selectors.revision_get(minutes=current, number=data["base_revision"])
    latest = selectors.revision_get(minutes=current, number=current.revision)
    mine = data["body"].replace("\r\n", "\n")
    merged = merge3(
        base.body if base else "",
        mine,
        current.body,
        mine_label=_("your version"),
        theirs_label=_("version saved by %(name)s")
        % {"name": latest.saved_by.display_name if latest and latest.saved_by else "?"},
    )
    form = MinutesEditForm(initial={"body": merged.text, "base_revision": current.revision})
    return render(
        request,
        "minutes/minutes_merge.html",
        {
            "table": request.table,
            "meeting": meeting,
            "minutes": current,
            "message": error.message,
            "rows": side_by_side(current.body, mine),
            "conflicts": merged.conflicts,
            "saved_by": latest.saved_by if latest else None,
            "form": form,
        },
        status=409,
    )


@table_view
@require_http_methods(["GET", "POST"])
def minutes_circulate(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes = _minutes_or_404(request, meeting_id)
    require(request.user, "minutes.change_draft", minutes)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_circulate(minutes=minutes, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The draft was sent to the table's people for comments."))
            return _detail(request, meeting_id)
    return render(
        request,
        "minutes/minutes_circulate.html",
        {"table": request.table, "meeting": meeting, "minutes": minutes, "form": form},
    )


@table_view
@require_http_methods(["GET", "POST"])
def minutes_comment(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes = _minutes_or_404(request, meeting_id)
    require(request.user, "minutes.comment_draft", minutes)
    form = CommentForm(posted(request))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.minutes_comment_add(
                    minutes=minutes, actor=request.user, body=form.cleaned_data["body"]
                )
            except DomainError as error:
                add_domain_error(form, error)
                status = 422
            else:
                if not request.htmx:
                    messages.success(request, _("Your comment was added."))
                    return _detail(request, meeting_id)
                minutes = selectors.minutes_for_meeting(meeting=meeting)
                form = CommentForm()
        else:
            status = 422
    context = {
        "table": request.table,
        "meeting": meeting,
        "minutes": minutes,
        "comment_form": form,
        "can_comment": True,
    }
    if request.htmx:
        return render(
            request, "minutes/minutes_detail.html#minutes-comments", context, status=status
        )
    return render(request, "minutes/minutes_comment.html", context, status=status)


@table_view
@require_http_methods(["GET", "POST"])
def minutes_adopt(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes = _minutes_or_404(request, meeting_id)
    require(request.user, "minutes.change_draft", minutes)
    decisions = selectors.adoption_decisions(minutes=minutes)
    form = AdoptForm(posted(request), decisions=decisions)
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_adopt(
                minutes=minutes, actor=request.user, decision=form.cleaned_data["decision"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The minutes are adopted. They can no longer change."))
            return _detail(request, meeting_id)
    record_url = optional_url(
        "decisions:decision-create", query=f"meeting={meeting.pk}", table_slug=request.table.slug
    )
    return render(
        request,
        "minutes/minutes_adopt.html",
        {
            "table": request.table,
            "meeting": meeting,
            "minutes": minutes,
            "form": form,
            "has_decisions": decisions.exists(),
            "record_decision_url": record_url,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def erratum_create(request: TableRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes = _minutes_or_404(request, meeting_id)
    require(request.user, "minutes.record_erratum", minutes)
    form = ErratumForm(posted(request), decisions=selectors.erratum_decisions(minutes=minutes))
    if request.method == "POST" and form.is_valid():
        try:
            services.erratum_record(
                minutes=minutes,
                actor=request.user,
                text=form.cleaned_data["text"],
                decision=form.cleaned_data["decision"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The erratum was recorded under the minutes."))
            return _detail(request, meeting_id)
    return render(
        request,
        "minutes/erratum_create.html",
        {"table": request.table, "meeting": meeting, "minutes": minutes, "form": form},
    )


def _export(request: TableRequest, meeting_id: int, fmt: str) -> HttpResponse:
    _meeting, minutes = _minutes_or_404(request, meeting_id)
    require(request.user, "minutes.view_minutes", minutes)
    content = exports.build(minutes=minutes, errata=minutes.errata.all(), fmt=fmt)
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.filename(minutes=minutes, fmt=fmt)}"'
    )
    return response


@table_view
@require_http_methods(["GET"])
def minutes_pdf(request: TableRequest, meeting_id: int) -> HttpResponse:
    return _export(request, meeting_id, "pdf")


@table_view
@require_http_methods(["GET"])
def minutes_docx(request: TableRequest, meeting_id: int) -> HttpResponse:
    return _export(request, meeting_id, "docx")
