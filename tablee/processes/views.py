"""Pages of collective processes, their stages and the mobilisation view.

Each view: resolve → authorize → validate → call a service → respond.
"""

from django.conf import settings
from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.processes import selectors, services
from tablee.processes.forms import (
    ContributionForm,
    LeversForm,
    LinkForm,
    NeedForm,
    ProcessForm,
    StageDocumentForm,
    StageForm,
)
from tablee.processes.models import Lever, StageKind, StageStatus

LINK_KINDS = ("decision", "meeting", "poll")


def _process_or_404(request: TableRequest, process_slug: str):
    process = selectors.process_get(table=request.table, slug=process_slug)
    if process is None:
        raise Http404
    process.table = request.table
    return process


def _stage_or_404(request: TableRequest, process_slug: str, kind: str, *, full: bool = False):
    """Return (process, stage); `full` loads the stage's deliverables too."""
    process = _process_or_404(request, process_slug)
    require(request.user, "processes.view_process", process)
    getter = selectors.stage_get if full else selectors.stage_get_plain
    stage = getter(process=process, kind=kind)
    if stage is None:
        raise Http404
    return process, stage


def _stage_url(process, stage, anchor: str = "") -> str:
    url = reverse("processes:stage-detail", args=[process.table.slug, process.slug, stage.kind])
    return url + anchor


def _confirm(request: TableRequest, *, title, text, label, cancel_url, form, danger=True):
    return render(
        request,
        "processes/confirm.html",
        {
            "table": request.table,
            "title": title,
            "text": text,
            "label": label,
            "cancel_url": cancel_url,
            "form": form,
            "danger": danger,
        },
    )


# ---------------------------------------------------------------- processes


@table_view
@require_http_methods(["GET"])
def process_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "processes.view_process", table)
    archived = request.GET.get("archived") == "1"
    page = paginate(request, selectors.process_list(table=table, archived=archived), per_page=20)
    kinds = dict(StageKind.choices)
    for process in page.object_list:
        process.current_label = kinds.get(process.current_kind, "")
    return render(
        request,
        "processes/process_list.html",
        {
            "table": table,
            "page": page,
            "archived": archived,
            "can_create": can(request.user, "processes.create_process", table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def process_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "processes.create_process", table)
    form = ProcessForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            process = services.process_create(
                table=table,
                actor=request.user,
                data=services.ProcessInput(
                    title=data["title"],
                    slug=data["slug"],
                    purpose=data["purpose"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                ),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The process was created with its eight stages."))
            return redirect("processes:process-detail", table.slug, process.slug)
    return render(
        request, "processes/process_form.html", {"table": table, "form": form, "process": None}
    )


@table_view
@require_http_methods(["GET"])
def process_detail(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    require(request.user, "processes.view_process", process)
    stages = selectors.stage_list(process=process)
    for stage in stages:
        stage.process = process
    done = sum(1 for s in stages if s.status == StageStatus.DONE)
    current = next((s for s in stages if s.status == StageStatus.UNDER_WAY), None)
    return render(
        request,
        "processes/process_detail.html",
        {
            "table": request.table,
            "process": process,
            "stages": stages,
            "timeline": _timeline(stages),
            "done": done,
            "current": current,
            "can_change": can(request.user, "processes.change_process", process),
            "can_archive": can(request.user, "processes.archive_process", process),
            "can_unarchive": can(request.user, "processes.unarchive_process", process),
        },
    )


def _timeline(stages) -> list[dict]:
    """Positions of the stages on the SVG strip (its text alternative is the list)."""
    points = []
    step = 100
    for index, stage in enumerate(stages):
        x = 50 + index * step
        points.append(
            {
                "x": x,
                "next_x": x + step if index < len(stages) - 1 else None,
                "number": index + 1,
                "status": stage.status,
            }
        )
    return points


@table_view
@require_http_methods(["GET", "POST"])
def process_edit(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    require(request.user, "processes.change_process", process)
    form = ProcessForm(
        posted(request),
        editing=True,
        initial={
            "title": process.title,
            "purpose": process.purpose,
            "starts_on": process.starts_on,
            "ends_on": process.ends_on,
            "revision": process.revision,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.process_update(
                process=process,
                actor=request.user,
                data=services.ProcessInput(
                    title=data["title"],
                    purpose=data["purpose"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                ),
                revision=data["revision"] if data["revision"] is not None else -1,
            )
        except Conflict as error:
            # Keep the input, take the saved revision: saving again is deliberate.
            process = _process_or_404(request, process_slug)
            data = request.POST.copy()
            data["revision"] = str(process.revision)
            form = ProcessForm(data, editing=True)
            form.is_valid()
            add_domain_error(form, error)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The process was saved."))
            return redirect("processes:process-detail", request.table.slug, process.slug)
    return render(
        request,
        "processes/process_form.html",
        {"table": request.table, "form": form, "process": process},
    )


@table_view
@require_http_methods(["GET", "POST"])
def process_archive(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    require(request.user, "processes.archive_process", process)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.process_archive(process=process, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The process was archived."))
            return redirect("processes:process-list", request.table.slug)
    return _confirm(
        request,
        title=_("Archive “%(title)s”?") % {"title": process.title},
        text=_(
            "An archived process stays readable but nobody can change it any more. "
            "A coordinator can bring it back later."
        ),
        label=_("Yes, archive the process"),
        cancel_url=reverse("processes:process-detail", args=[request.table.slug, process.slug]),
        form=form,
    )


@table_view
@require_http_methods(["GET", "POST"])
def process_unarchive(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    require(request.user, "processes.unarchive_process", process)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.process_unarchive(process=process, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The process is current again."))
            return redirect("processes:process-detail", request.table.slug, process.slug)
    return _confirm(
        request,
        title=_("Bring back “%(title)s”?") % {"title": process.title},
        text=_("The process goes back among the current ones and can be changed again."),
        label=_("Yes, bring it back"),
        cancel_url=reverse("processes:process-detail", args=[request.table.slug, process.slug]),
        form=form,
        danger=False,
    )


# ---------------------------------------------------------------- mobilisation


@table_view
@require_http_methods(["GET"])
def mobilisation(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    require(request.user, "processes.view_process", process)
    stages = selectors.mobilisation_for_process(process)
    return render(
        request,
        "processes/mobilisation.html",
        {
            "table": request.table,
            "process": process,
            "stages": stages,
            "flagged": [s for s in stages if s.flagged],
            "unsupported": [s for s in stages if s.unsupported_levers],
            "has_needs": any(s.groups for s in stages),
            "can_change": can(request.user, "processes.change_process", process),
        },
    )


# ---------------------------------------------------------------- stages


@table_view
@require_http_methods(["GET"])
def stage_detail(request: TableRequest, process_slug: str, kind: str) -> HttpResponse:
    process, stage = _stage_or_404(request, process_slug, kind, full=True)
    return render(
        request,
        "processes/stage_detail.html",
        {
            "table": request.table,
            "process": process,
            "stage": stage,
            "levers": [
                (Lever(lever).label, means)
                for lever, means in selectors.stage_levers(stage=stage).items()
            ],
            "can_change": can(request.user, "processes.change_process", stage),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def stage_edit(request: TableRequest, process_slug: str, kind: str) -> HttpResponse:
    process, stage = _stage_or_404(request, process_slug, kind)
    require(request.user, "processes.change_process", stage)
    form = StageForm(
        posted(request),
        initial={
            "status": stage.status,
            "starts_on": stage.starts_on,
            "ends_on": stage.ends_on,
            "question": stage.question,
            "notes": stage.notes,
            "revision": stage.revision,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.stage_update(
                stage=stage,
                actor=request.user,
                data=services.StageInput(
                    status=data["status"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    question=data["question"],
                    notes=data["notes"],
                ),
                revision=data["revision"] if data["revision"] is not None else -1,
            )
        except Conflict as error:
            _process, stage = _stage_or_404(request, process_slug, kind)
            data = request.POST.copy()
            data["revision"] = str(stage.revision)
            form = StageForm(data)
            form.is_valid()
            add_domain_error(form, error)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The stage was saved."))
            return redirect(_stage_url(process, stage))
    return render(
        request,
        "processes/stage_form.html",
        {"table": request.table, "process": process, "stage": stage, "form": form},
    )


def _link_forms(request: TableRequest, stage, data=None, posted_kind: str = "") -> dict:
    table = request.table
    linked = {
        "decision": [d.pk for d in stage.decisions.all()],
        "meeting": [m.pk for m in stage.meetings.all()],
        "poll": [p.pk for p in stage.polls.all()],
    }
    getters = {
        "decision": selectors.decision_choices,
        "meeting": selectors.meeting_choices,
        "poll": selectors.poll_choices,
    }
    return {
        kind: LinkForm(
            data if kind == posted_kind else None,
            kind=kind,
            items=getters[kind](table=table, exclude=linked[kind]),
        )
        for kind in LINK_KINDS
    }


@table_view
@require_http_methods(["GET", "POST"])
def stage_links(request: TableRequest, process_slug: str, kind: str) -> HttpResponse:
    process, stage = _stage_or_404(request, process_slug, kind)
    require(request.user, "processes.change_process", stage)
    posted_kind = request.POST.get("kind", "") if request.method == "POST" else ""
    if request.method == "POST" and posted_kind not in LINK_KINDS:
        posted_kind = "decision"
    forms_ = _link_forms(request, stage, posted(request), posted_kind)
    if request.method == "POST":
        form = forms_[posted_kind]
        if form.is_valid():
            item = selectors.linkable_get(
                table=request.table, kind=posted_kind, item_id=form.cleaned_data["item"]
            )
            if item is None:
                form.add_error("item", _("Choose one of the listed values."))
            else:
                try:
                    services.stage_link(stage=stage, actor=request.user, item=item)
                except DomainError as error:
                    add_domain_error(form, error)
                else:
                    messages.success(request, _("The link was added to the stage."))
                    return redirect(_stage_url(process, stage, "#deliverables"))
    return render(
        request,
        "processes/stage_links.html",
        {"table": request.table, "process": process, "stage": stage, "forms": forms_},
    )


@table_view
@require_http_methods(["GET", "POST"])
def stage_unlink(
    request: TableRequest, process_slug: str, kind: str, item_kind: str, item_id: int
) -> HttpResponse:
    process, stage = _stage_or_404(request, process_slug, kind)
    require(request.user, "processes.change_process", stage)
    item = selectors.linkable_get(table=request.table, kind=item_kind, item_id=item_id)
    if item is None:
        raise Http404
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_unlink(stage=stage, actor=request.user, item=item)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The link was removed from the stage."))
            return redirect(_stage_url(process, stage, "#deliverables"))
    return _confirm(
        request,
        title=_("Remove the link to “%(item)s”?") % {"item": str(item)[:120]},
        text=_("Only the link to this stage is removed; the item itself stays where it is."),
        label=_("Yes, remove the link"),
        cancel_url=_stage_url(process, stage, "#deliverables"),
        form=form,
    )


# ---------------------------------------------------------------- documents


@table_view
@require_http_methods(["GET", "POST"])
def stage_document_upload(request: TableRequest, process_slug: str, kind: str) -> HttpResponse:
    process, stage = _stage_or_404(request, process_slug, kind)
    require(request.user, "processes.change_process", stage)
    form = StageDocumentForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_document_add(
                stage=stage,
                actor=request.user,
                uploaded=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The document was added to the stage."))
            return redirect(_stage_url(process, stage, "#documents"))
    return render(
        request,
        "processes/document_upload.html",
        {
            "table": request.table,
            "process": process,
            "stage": stage,
            "form": form,
            "max_mb": round(settings.TABLEE_MAX_UPLOAD_BYTES / (1024 * 1024), 1),
        },
    )


@table_view
@require_http_methods(["GET"])
def stage_document_download(
    request: TableRequest, process_slug: str, kind: str, document_id: int
) -> HttpResponse:
    _process, stage = _stage_or_404(request, process_slug, kind)
    document = selectors.stage_document_get(stage=stage, document_id=document_id)
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
def stage_document_remove(
    request: TableRequest, process_slug: str, kind: str, document_id: int
) -> HttpResponse:
    process, stage = _stage_or_404(request, process_slug, kind)
    require(request.user, "processes.change_process", stage)
    document = selectors.stage_document_get(stage=stage, document_id=document_id)
    if document is None:
        raise Http404
    document.stage = stage
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_document_remove(document=document, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The document was removed."))
            return redirect(_stage_url(process, stage, "#documents"))
    return _confirm(
        request,
        title=_("Remove “%(title)s”?") % {"title": document.title},
        text=_("The file is deleted; people will no longer be able to download it."),
        label=_("Yes, remove the document"),
        cancel_url=_stage_url(process, stage, "#documents"),
        form=form,
    )


# ---------------------------------------------------------------- needs, levers, contributions


def _need_form(request: TableRequest, data=None) -> NeedForm:
    table = request.table
    return NeedForm(
        data,
        sectors=selectors.sector_choices(),
        committees=selectors.committee_choices(table=table),
        seats=selectors.seat_choices(table=table),
    )


def _need_target(request: TableRequest, form: NeedForm) -> dict | None:
    """Resolve the chosen group within the table; None (with a form error) otherwise."""
    kind, value = form.target()
    found = None
    try:
        number = int(value)
    except ValueError:
        number = None
    if kind == "actor_type":
        return {"group_kind": kind, "actor_type": value}
    if number is not None:
        if kind == "sector":
            found = selectors.sector_get(sector_id=number)
        elif kind == "committee":
            found = selectors.committee_get(table=request.table, committee_id=number)
        elif kind == "seat":
            found = selectors.seat_get(table=request.table, seat_id=number)
    if found is None:
        form.add_error("group", _("Choose one of the listed values."))
        return None
    return {"group_kind": kind, kind: found}


@table_view
@require_http_methods(["GET", "POST"])
def stage_mobilisation(request: TableRequest, process_slug: str, kind: str) -> HttpResponse:
    """Needed groups and the four levers of one stage (coordinators)."""
    process, stage = _stage_or_404(request, process_slug, kind)
    require(request.user, "processes.change_process", stage)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    need_form = _need_form(request, posted(request) if action == "need" else None)
    levers_form = LeversForm(
        posted(request) if action == "levers" else None,
        initial=selectors.stage_levers(stage=stage),
    )
    if action == "need" and need_form.is_valid():
        target = _need_target(request, need_form)
        if target is not None:
            try:
                services.stage_need_add(
                    stage=stage,
                    actor=request.user,
                    level=need_form.cleaned_data["level"],
                    **target,
                )
            except DomainError as error:
                add_domain_error(need_form, error)
            else:
                messages.success(request, _("The group was added to the stage."))
                return redirect(
                    "processes:stage-mobilisation", request.table.slug, process.slug, stage.kind
                )
    if action == "levers" and levers_form.is_valid():
        try:
            services.stage_levers_save(
                stage=stage, actor=request.user, means=levers_form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(levers_form, error)
        else:
            messages.success(request, _("The levers were saved."))
            return redirect(
                "processes:stage-mobilisation", request.table.slug, process.slug, stage.kind
            )
    needs = selectors.stage_needs(stage=stage)
    for need in needs:
        need.label = selectors.need_label(need)
    return render(
        request,
        "processes/stage_mobilisation.html",
        {
            "table": request.table,
            "process": process,
            "stage": stage,
            "needs": needs,
            "need_form": need_form,
            "levers_form": levers_form,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def stage_need_remove(
    request: TableRequest, process_slug: str, kind: str, need_id: int
) -> HttpResponse:
    process, stage = _stage_or_404(request, process_slug, kind)
    require(request.user, "processes.change_process", stage)
    need = selectors.stage_need_get(stage=stage, need_id=need_id)
    if need is None:
        raise Http404
    form = ConfirmForm(posted(request))
    back = reverse(
        "processes:stage-mobilisation", args=[request.table.slug, process.slug, stage.kind]
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_need_remove(need=need, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The group was removed from the stage."))
            return redirect(back)
    return _confirm(
        request,
        title=_("Remove this group from the stage?"),
        text=_("The mobilisation view will no longer expect this group at this stage."),
        label=_("Yes, remove the group"),
        cancel_url=back,
        form=form,
    )


@table_view
@require_http_methods(["GET", "POST"])
def contribution_add(request: TableRequest, process_slug: str, kind: str) -> HttpResponse:
    process, stage = _stage_or_404(request, process_slug, kind)
    require(request.user, "processes.change_process", stage)
    table = request.table
    form = ContributionForm(
        posted(request),
        initial={"contributed_on": timezone.localdate()},
        seats=selectors.seat_choices(table=table),
        organizations=selectors.organization_choices(table=table),
    )
    if request.method == "POST" and form.is_valid():
        who, value = form.target()
        found = None
        if value.isdigit():
            if who == "seat":
                found = selectors.seat_get(table=table, seat_id=int(value))
            elif who == "organization":
                found = selectors.organization_get(table=table, organization_id=int(value))
        if found is None:
            form.add_error("contributor", _("Choose one of the listed values."))
        else:
            try:
                services.stage_contribution_record(
                    stage=stage,
                    actor=request.user,
                    contributed_on=form.cleaned_data["contributed_on"],
                    note=form.cleaned_data["note"],
                    **{who: found},
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The contribution was recorded."))
                return redirect(_stage_url(process, stage, "#contributions"))
    return render(
        request,
        "processes/contribution_form.html",
        {"table": table, "process": process, "stage": stage, "form": form},
    )


@table_view
@require_http_methods(["GET", "POST"])
def contribution_remove(
    request: TableRequest, process_slug: str, kind: str, contribution_id: int
) -> HttpResponse:
    process, stage = _stage_or_404(request, process_slug, kind)
    require(request.user, "processes.change_process", stage)
    contribution = selectors.stage_contribution_get(stage=stage, contribution_id=contribution_id)
    if contribution is None:
        raise Http404
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_contribution_remove(contribution=contribution, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The contribution was removed."))
            return redirect(_stage_url(process, stage, "#contributions"))
    return _confirm(
        request,
        title=_("Remove this contribution?"),
        text=contribution.note,
        label=_("Yes, remove the contribution"),
        cancel_url=_stage_url(process, stage, "#contributions"),
        form=form,
    )
