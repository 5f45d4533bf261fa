"""Progress updates: from the action page, or from a signed link without signing in."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import DomainError
from tablee.core.forms import add_domain_error, posted
from tablee.core.permissions import require
from tablee.core.tenancy import TableRequest, table_view
from tablee.plans import links, selectors, services
from tablee.plans.forms import (
    ProgressForm,
)
from tablee.plans.views._common import (
    _action_or_404,
    _action_url,
    _base_context,
    _process_or_404,
)

# ---------------------------------------------------------------- progress


def _max_mb() -> float:
    return round(settings.TABLEE_MAX_UPLOAD_BYTES / (1024 * 1024), 1)


@table_view
@require_http_methods(["GET", "POST"])
def progress_create(request: TableRequest, process_slug: str, action_id: int) -> HttpResponse:
    """Report progress: coordinators, or the action's accountable person."""
    process = _process_or_404(request, process_slug)
    action = _action_or_404(process, action_id)
    require(request.user, "plans.record_progress", action)
    form = ProgressForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        initial={"reported_on": timezone.localdate(), "status": action.status},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.progress_record(
                action=action,
                actor=request.user,
                reported_on=data["reported_on"],
                status=data["status"],
                note=data["note"],
                evidence=data["evidence"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your progress update was recorded."))
            return redirect(_action_url(action) + "#progress")
    return render(
        request,
        "plans/progress_form.html",
        _base_context(request, process, form=form, action=action, max_mb=_max_mb()),
    )


@table_view
@require_http_methods(["GET"])
def progress_evidence(
    request: TableRequest, process_slug: str, action_id: int, update_id: int
) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    action = _action_or_404(process, action_id)
    require(request.user, "plans.view_plan", action)
    update = selectors.progress_get(action=action, update_id=update_id)
    if update is None or not update.evidence:
        raise Http404
    try:
        handle = default_storage.open(update.evidence.name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=update.evidence_name,
        content_type=update.evidence_content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _link_error(request: HttpRequest, *, expired: bool) -> HttpResponse:
    return render(
        request, "plans/link_invalid.html", {"expired": expired}, status=410 if expired else 404
    )


@require_http_methods(["GET", "POST"])
def progress_link(
    request: HttpRequest, table_slug: str, process_slug: str, token: str
) -> HttpResponse:
    """Report progress from the signed link of a reminder, without signing in.

    The link only adds a progress update to its one action, and only while
    the person it names is still accountable for it and sits at the table.
    """
    try:
        payload = links.read_token(token)
    except links.LinkError as error:
        return _link_error(request, expired=error.expired)
    action = selectors.action_for_update(action_id=payload.action_id)
    if (
        action is None
        or action.table.slug != table_slug
        or action.process.slug != process_slug
        or action.accountable_person_id != payload.person_id
    ):
        return _link_error(request, expired=False)
    person = selectors.plan_person_get(table=action.table, user_id=payload.person_id)
    if person is None:
        return _link_error(request, expired=False)
    form = ProgressForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        initial={"reported_on": timezone.localdate(), "status": action.status},
    )
    saved = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.progress_record(
                action=action,
                actor=person,
                reported_on=data["reported_on"],
                status=data["status"],
                note=data["note"],
                evidence=data["evidence"],
                via_link=True,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            action.status = saved.status
    return render(
        request,
        "plans/progress_link.html",
        {
            "action": action,
            "link_table": action.table,
            "person": person,
            "form": form,
            "saved": saved,
            "max_mb": _max_mb(),
            "updates": list(selectors.progress_list(action=action)[:5]),
        },
    )
