"""Pages of the funder report, the plan's workbook and its import.

Each view: resolve → authorize → validate → call → respond.
"""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import add_domain_error
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.reports import (
    annual,
    annual_rendering,
    building,
    rendering,
    selectors,
    services,
    spreadsheet,
)
from tablee.reports.forms import (
    PREVIEW,
    AnnualReportForm,
    AnnualTextForm,
    ImportConfirmForm,
    PlanImportForm,
    ReportForm,
)
from tablee.reports.importing import build_plan

_IMPORT_SESSION_KEY = "reports-plan-import"
# The processes app's sub-navigation, or an empty fallback when it is missing.
PROCESS_TABS = ["processes/includes/process_tabs.html", "reports/_no_process_tabs.html"]


def _process_or_404(request: TableRequest, process_slug: str):
    process = selectors.process_get(table=request.table, process_slug=process_slug)
    if process is None:
        raise Http404
    return process


def _context(request: TableRequest, process, **extra) -> dict:
    return {
        "table": request.table,
        "process": process,
        "process_tabs_templates": PROCESS_TABS,
        "can_import": can(request.user, "reports.import_plan", process),
        **extra,
    }


def _download(content: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=rendering.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@table_view
@require_http_methods(["GET"])
def report(request: TableRequest, process_slug: str) -> HttpResponse:
    """The report form and its outline; with a format, the file itself."""
    process = _process_or_404(request, process_slug)
    require(request.user, "reports.view_report", process)
    form = ReportForm(request.GET if request.GET else None)
    start = end = None
    fmt = PREVIEW
    if form.is_bound:
        if not form.is_valid():
            return render(request, "reports/report.html", _context(request, process, form=form))
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        fmt = form.cleaned_data["format"] or PREVIEW
    if fmt == "xlsx":
        name = building.report_filename(process=process, start=None, end=None, fmt="xlsx")
        name = name.replace("-rapport", "-plan")
        return _download(spreadsheet.export_plan(process=process), name, fmt)
    language = translation.get_language() or building.DEFAULT_CLI_LANGUAGE
    document = building.build_report(process=process, start=start, end=end, language=language)
    if fmt in rendering.DOCUMENT_FORMATS:
        name = building.report_filename(process=process, start=start, end=end, fmt=fmt)
        return _download(rendering.render(document, fmt), name, fmt)
    return render(
        request,
        "reports/report.html",
        _context(request, process, form=form, report=document, downloads=_downloads(start, end)),
    )


def _downloads(start, end) -> list[tuple[str, str, str]]:
    """(format, label, query string) of each download of the current period."""
    period = QueryDict(mutable=True)
    if start:
        period["start"] = start.isoformat()
    if end:
        period["end"] = end.isoformat()
    result = []
    for fmt, label in (
        ("pdf", _("Download the report (PDF)")),
        ("docx", _("Download the report (Word)")),
        ("xlsx", _("Download the whole plan (Excel)")),
    ):
        query = period.copy()
        query["format"] = fmt
        result.append((fmt, label, query.urlencode()))
    return result


@table_view
@require_http_methods(["GET", "POST"])
def plan_import(request: TableRequest, process_slug: str) -> HttpResponse:
    """Upload → preview every row of every sheet → confirm.

    Between preview and confirm the parsed rows wait in the server-side
    session under a random token (never the file, never in the page); the
    confirmation checks them again against the current plan.
    """
    process = _process_or_404(request, process_slug)
    require(request.user, "reports.import_plan", process)
    context = _context(request, process, upload=PlanImportForm())
    if request.method == "POST" and "token" in request.POST:
        confirm = ImportConfirmForm(request.POST)
        stored = request.session.get(_IMPORT_SESSION_KEY) or {}
        if (
            not confirm.is_valid()
            or stored.get("token") != confirm.cleaned_data["token"]
            or stored.get("process_id") != process.pk
        ):
            messages.error(request, _("This preview has expired. Send the file again."))
            return redirect("reports:plan-import", table_slug=request.table.slug, **_slug(process))
        try:
            counts = services.plan_import(
                process=process, actor=request.user, sheets=stored["sheets"]
            )
        except DomainError as error:
            messages.error(request, error.message)
            plan = build_plan(process=process, sheets=stored["sheets"])
            context.update(plan=plan, confirm=confirm, filename=stored.get("filename", ""))
            return render(request, "reports/plan_import.html", context, status=422)
        request.session.pop(_IMPORT_SESSION_KEY, None)
        messages.success(request, _summary(counts))
        return redirect("reports:report", table_slug=request.table.slug, **_slug(process))
    if request.method == "POST":
        upload = PlanImportForm(request.POST, request.FILES)
        context["upload"] = upload
        if upload.is_valid():
            file = upload.cleaned_data["file"]
            try:
                sheets = spreadsheet.read_workbook(data=file.read())
            except DomainError as error:
                add_domain_error(upload, error)
            else:
                plan = build_plan(process=process, sheets=sheets)
                token = secrets.token_urlsafe(16)
                request.session[_IMPORT_SESSION_KEY] = {
                    "token": token,
                    "process_id": process.pk,
                    "sheets": sheets,
                    "filename": file.name,
                }
                context.update(
                    plan=plan,
                    confirm=ImportConfirmForm(initial={"token": token}),
                    filename=file.name,
                )
    return render(request, "reports/plan_import.html", context)


def _slug(process) -> dict[str, str]:
    return {"process_slug": process.slug}


def _summary(counts: dict[str, int]) -> str:
    return _(
        "Import done: %(objectives)s objectives, %(actions)s actions, %(indicators)s "
        "indicators, %(values)s values and %(resources)s resources created; %(updated)s "
        "rows updated."
    ) % {
        "objectives": counts["objectives_created"],
        "actions": counts["actions_created"],
        "indicators": counts["indicators_created"],
        "values": counts["values_created"],
        "resources": counts["resources_created"],
        "updated": sum(v for k, v in counts.items() if k.endswith("_updated")),
    }


@table_view
@require_http_methods(["GET"])
def annual_report(request: TableRequest) -> HttpResponse:
    """The annual report form; once filled in, the PDF or DOCX of the chosen year."""
    require(request.user, "reports.view_report", request.table)
    form = AnnualReportForm(
        request.GET if "year" in request.GET else None,
        initial={
            "year": annual.year_choices()[0] - 1,
            "format": "pdf",
            "audience": annual.AUDIENCE_OUTSIDE,
        },
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        language = translation.get_language() or building.DEFAULT_CLI_LANGUAGE
        text = selectors.annual_text_get(table=request.table, year=data["year"])
        document = annual.build_annual(
            table=request.table,
            year=data["year"],
            language=language,
            introduction=text.introduction if text else "",
            perspectives=text.outlook if text else "",
            audience=data["audience"],
        )
        name = annual.annual_filename(table=request.table, year=data["year"], fmt=data["format"])
        return _download(annual_rendering.render(document, data["format"]), name, data["format"])
    return render(
        request,
        "reports/annual_report.html",
        {
            "table": request.table,
            "form": form,
            "texts": selectors.annual_text_list(table=request.table),
            "can_edit": can(request.user, "reports.edit_annual_text", request.table),
            "years": annual.year_choices()[:6],
        },
        status=400 if form.is_bound else 200,
    )


@table_view
@require_http_methods(["GET", "POST"])
def annual_text(request: TableRequest, year: int) -> HttpResponse:
    """The coordination writes (and later corrects) its own sections for one year."""
    require(request.user, "reports.edit_annual_text", request.table)
    try:
        year = annual.check_year(year)
    except DomainError:
        raise Http404 from None
    text = selectors.annual_text_get(table=request.table, year=year)
    initial = {
        "introduction": text.introduction if text else "",
        "outlook": text.outlook if text else "",
        "revision": text.revision if text else 0,
    }
    form = AnnualTextForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.annual_text_save(
                    table=request.table,
                    actor=request.user,
                    year=year,
                    introduction=form.cleaned_data["introduction"],
                    outlook=form.cleaned_data["outlook"],
                    revision=form.cleaned_data["revision"],
                )
            except Conflict as error:
                # Show what the other person saved; keep this person's text in the form.
                form.add_error(None, error.message)
                text = selectors.annual_text_get(table=request.table, year=year)
                form.data = form.data.copy()
                form.data["revision"] = str(error.extra["revision"])
                status = 409
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(
                    request, _("Your sections of the %(year)s report were saved.") % {"year": year}
                )
                return redirect("reports:annual-report", table_slug=request.table.slug)
    return render(
        request,
        "reports/annual_text.html",
        {
            "table": request.table,
            "form": form,
            "year": year,
            "saved": text,
            "conflict": status == 409,
        },
        status=status,
    )
