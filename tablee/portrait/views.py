"""Pages of the portrait and diagnostic: indicators, needs, strengths."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.charts import Point, Series, line_chart
from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.portrait import importing, selectors, services
from tablee.portrait.forms import (
    DocumentForm,
    FindingForm,
    ImportConfirmForm,
    ImportUploadForm,
    IndicatorForm,
    NeedActionsForm,
    NeedFilterForm,
    NeedForm,
    ValueForm,
)
from tablee.portrait.models import Coverage

_IMPORT_SESSION_KEY = "portrait-import"
VIEW = "portrait.view_portrait"
MANAGE = "portrait.manage_portrait"
HOME_ITEMS = 10


def _home(table):
    return redirect("portrait:portrait-home", table_slug=table.slug)


def _indicator_or_404(request: TableRequest, indicator_id: int):
    indicator = selectors.indicator_get(table=request.table, indicator_id=indicator_id)
    if indicator is None:
        raise Http404
    return indicator


def _need_or_404(request: TableRequest, need_id: int):
    need = selectors.need_get(table=request.table, need_id=need_id)
    if need is None:
        raise Http404
    return need


def _strength_or_404(request: TableRequest, strength_id: int):
    strength = selectors.strength_get(table=request.table, strength_id=strength_id)
    if strength is None:
        raise Http404
    return strength


def _process_from_query(request: TableRequest):
    slug = request.GET.get("process") or ""
    return selectors.process_get(table=request.table, slug=slug) if slug else None


# -- portrait home ---------------------------------------------------------


@table_view
@require_http_methods(["GET"])
def portrait_home(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, VIEW, table)
    page = paginate(request, selectors.indicator_list(table=table), per_page=25)
    rows = [
        {
            "indicator": indicator,
            "series": selectors.indicator_series(indicator=indicator),
            "latest": selectors.latest_value(indicator),
        }
        for indicator in page.object_list
    ]
    for row in rows:
        row["missing"] = sum(
            1 for _year, value in row["series"] if value is None or value.value is None
        )
    counts = selectors.coverage_counts(table=table)
    coverage = [
        {"value": value, "label": label, "count": counts[value]}
        for value, label in Coverage.choices
    ]
    needs = list(selectors.need_list(table=table).prefetch_related(None)[:HOME_ITEMS])
    strengths_qs = selectors.strength_list(table=table).prefetch_related(None)
    strengths = list(strengths_qs[: HOME_ITEMS + 1])
    return render(
        request,
        "portrait/portrait_home.html",
        {
            "table": table,
            "page": page,
            "rows": rows,
            "coverage": coverage,
            "need_total": sum(counts.values()),
            "needs": needs,
            "strengths": strengths[:HOME_ITEMS],
            "more_strengths": len(strengths) > HOME_ITEMS,
            "can_manage": can(request.user, MANAGE, table),
        },
    )


# -- indicators ------------------------------------------------------------


def _chart(indicator, series):
    points = [Point(str(year), None if value is None else value.value) for year, value in series]
    return line_chart(
        [Series(indicator.name, points)],
        title=str(indicator),
        unit=indicator.unit,
    )


@table_view
@require_http_methods(["GET"])
def indicator_detail(request: TableRequest, indicator_id: int) -> HttpResponse:
    indicator = _indicator_or_404(request, indicator_id)
    require(request.user, VIEW, indicator)
    series = selectors.indicator_series(indicator=indicator)
    return render(
        request,
        "portrait/indicator_detail.html",
        {
            "table": request.table,
            "indicator": indicator,
            "series": series,
            "chart": _chart(indicator, series) if series else None,
            "can_manage": can(request.user, MANAGE, indicator),
            "value_form": ValueForm(),
        },
    )


def _indicator_form(request, *, initial=None, data=None):
    return IndicatorForm(
        data if data is not None else posted(request),
        initial=initial,
        processes=selectors.portrait_processes(table=request.table),
    )


@table_view
@require_http_methods(["GET", "POST"])
def indicator_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, MANAGE, table)
    process = _process_from_query(request)
    form = _indicator_form(request, initial={"process": process.pk if process else None})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            indicator = services.indicator_create(
                table=table,
                actor=request.user,
                name=data["name"],
                unit=data["unit"],
                source=data["source"],
                geography=data["geography"],
                description=data["description"],
                process=data["process"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The indicator was added. Now record its values."))
            return redirect(indicator)
    return render(
        request,
        "portrait/indicator_form.html",
        {"table": table, "form": form, "indicator": None},
    )


@table_view
@require_http_methods(["GET", "POST"])
def indicator_edit(request: TableRequest, indicator_id: int) -> HttpResponse:
    indicator = _indicator_or_404(request, indicator_id)
    require(request.user, MANAGE, indicator)
    form = _indicator_form(
        request,
        initial={
            "name": indicator.name,
            "unit": indicator.unit,
            "source": indicator.source,
            "geography": indicator.geography,
            "description": indicator.description,
            "process": indicator.process_id,
            "revision": indicator.revision,
        },
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.indicator_update(
                indicator=indicator,
                actor=request.user,
                name=data["name"],
                unit=data["unit"],
                source=data["source"],
                geography=data["geography"],
                description=data["description"],
                process=data["process"],
                base_revision=data["revision"] if data["revision"] is not None else -1,
            )
        except Conflict as error:
            indicator = _indicator_or_404(request, indicator_id)
            fresh = request.POST.copy()
            fresh["revision"] = str(indicator.revision)
            form = _indicator_form(request, data=fresh)
            form.is_valid()
            add_domain_error(form, error)
            conflict = True
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The indicator was saved."))
            return redirect(indicator)
    return render(
        request,
        "portrait/indicator_form.html",
        {"table": request.table, "form": form, "indicator": indicator, "conflict": conflict},
    )


@table_view
@require_http_methods(["GET", "POST"])
def indicator_delete(request: TableRequest, indicator_id: int) -> HttpResponse:
    indicator = _indicator_or_404(request, indicator_id)
    require(request.user, MANAGE, indicator)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.indicator_delete(indicator=indicator, actor=request.user)
        messages.success(request, _("The indicator and its values were deleted."))
        return _home(request.table)
    return render(
        request,
        "portrait/confirm_delete.html",
        {
            "table": request.table,
            "form": form,
            "title": _("Delete the indicator “%(name)s”?") % {"name": indicator},
            "explanation": _(
                "Its %(count)s recorded values are deleted with it, and the needs and "
                "strengths that cite it lose it as evidence. This cannot be undone."
            )
            % {"count": len(indicator.values.all())},
            "confirm_label": _("Yes, delete the indicator"),
            "cancel_url": indicator.get_absolute_url(),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def value_record(request: TableRequest, indicator_id: int) -> HttpResponse:
    """Record the value of a year (empty value: the data is missing)."""
    indicator = _indicator_or_404(request, indicator_id)
    require(request.user, MANAGE, indicator)
    initial = {}
    if request.GET.get("year", "").isdigit():
        year = int(request.GET["year"])
        current = next((v for v in indicator.values.all() if v.year == year), None)
        initial = {"year": year}
        if current is not None:
            initial.update(value=current.value, note=current.note)
    form = ValueForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.indicator_value_record(
                indicator=indicator,
                actor=request.user,
                year=data["year"],
                value=data["value"],
                note=data["note"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if data["value"] is None:
                messages.success(
                    request,
                    _("%(year)s is recorded as missing data.") % {"year": data["year"]},
                )
            else:
                messages.success(
                    request, _("The value of %(year)s was recorded.") % {"year": data["year"]}
                )
            return redirect(indicator)
    return render(
        request,
        "portrait/value_form.html",
        {"table": request.table, "indicator": indicator, "form": form},
    )


@table_view
@require_http_methods(["GET", "POST"])
def value_delete(request: TableRequest, indicator_id: int, year: int) -> HttpResponse:
    indicator = _indicator_or_404(request, indicator_id)
    require(request.user, MANAGE, indicator)
    value = next((v for v in indicator.values.all() if v.year == year), None)
    if value is None:
        raise Http404
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.indicator_value_remove(value=value, actor=request.user)
        messages.success(request, _("The value of %(year)s was removed.") % {"year": year})
        return redirect(indicator)
    return render(
        request,
        "portrait/confirm_delete.html",
        {
            "table": request.table,
            "form": form,
            "title": _("Remove the value of %(year)s?") % {"year": year},
            "explanation": _(
                "If other years come before and after it, %(year)s will be shown as missing data."
            )
            % {"year": year},
            "confirm_label": _("Yes, remove the value"),
            "cancel_url": indicator.get_absolute_url(),
        },
    )


# -- import ----------------------------------------------------------------


def _file_response(content: bytes, filename: str, fmt: str) -> HttpResponse:
    content_type = (
        "text/csv; charset=utf-8"
        if fmt == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@table_view
@require_http_methods(["GET"])
def indicator_import_template(request: TableRequest, fmt: str) -> HttpResponse:
    require(request.user, MANAGE, request.table)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    rows = importing.template_rows()
    content = importing.to_csv(rows) if fmt == "csv" else importing.to_xlsx(rows)
    return _file_response(content, "modele-indicateurs", fmt)


@table_view
@require_http_methods(["GET", "POST"])
def indicator_import(request: TableRequest) -> HttpResponse:
    """Upload → preview every row → confirm (the member import's flow).

    Between preview and confirm the parsed rows wait in the server-side
    session under a random token; the confirmation plans them again.
    """
    table = request.table
    require(request.user, MANAGE, table)
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
            return redirect("portrait:indicator-import", table_slug=table.slug)
        try:
            counts = services.indicators_import(
                table=table, actor=request.user, rows=stored["rows"]
            )
        except DomainError as error:
            plan = importing.build_plan(table=table, rows=stored["rows"])
            messages.error(request, error.message)
            context.update(plan=plan, confirm=confirm, filename=stored.get("filename", ""))
            return render(request, "portrait/indicator_import.html", context, status=422)
        request.session.pop(_IMPORT_SESSION_KEY, None)
        messages.success(
            request,
            _(
                "Import done: %(created)s indicators created, %(added)s values added, "
                "%(replaced)s values replaced, %(missing)s years recorded as missing."
            )
            % {
                "created": counts["indicators_created"],
                "added": counts["values_added"],
                "replaced": counts["values_replaced"],
                "missing": counts["missing"],
            },
        )
        return _home(table)
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
    return render(request, "portrait/indicator_import.html", context)


# -- needs and strengths ---------------------------------------------------


def _finding_choices(table) -> dict:
    return {
        "organizations": selectors.portrait_organizations(table=table),
        "sectors": selectors.portrait_sectors(),
        "indicators": selectors.indicator_choices(table=table),
        "processes": selectors.portrait_processes(table=table),
    }


def _finding_initial(finding) -> dict:
    initial = {
        "statement": finding.statement,
        "details": finding.details,
        "citizens": finding.citizens,
        "organizations": [o.pk for o in finding.organizations.all()],
        "sectors": [s.pk for s in finding.sectors.all()],
        "indicators": [i.pk for i in finding.indicators.all()],
        "process": finding.process_id,
        "revision": finding.revision,
    }
    if hasattr(finding, "coverage"):
        initial["coverage"] = finding.coverage
        initial["coverage_note"] = finding.coverage_note
    return initial


def _finding_fields(data) -> dict:
    return {
        "statement": data["statement"],
        "details": data["details"],
        "citizens": data["citizens"],
        "process": data["process"],
        "organizations": list(data["organizations"]),
        "sectors": list(data["sectors"]),
        "indicators": list(data["indicators"]),
    }


@table_view
@require_http_methods(["GET"])
def need_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, VIEW, table)
    processes = list(selectors.portrait_processes(table=table))
    filters = NeedFilterForm(request.GET, processes=processes)
    data = filters.cleaned_data if filters.is_valid() else {}
    page = paginate(
        request,
        selectors.need_list(
            table=table, coverage=data.get("coverage") or "", process_id=data.get("process")
        ),
        per_page=25,
    )
    query = request.GET.copy()
    query.pop("page", None)
    template = "portrait/need_list.html"
    if request.htmx:
        template += "#need-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "filters": filters,
            "filtered": any(data.values()) if data else False,
            "filter_query": query.urlencode(),
            "can_manage": can(request.user, MANAGE, table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def need_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, MANAGE, table)
    process = _process_from_query(request)
    form = NeedForm(
        posted(request),
        initial={"process": process.pk if process else None},
        **_finding_choices(table),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            need = services.need_create(
                table=table,
                actor=request.user,
                coverage=data["coverage"],
                coverage_note=data["coverage_note"],
                **_finding_fields(data),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The need was recorded."))
            return redirect(need)
    return render(
        request,
        "portrait/finding_form.html",
        {"table": table, "form": form, "finding": None, "kind": "need"},
    )


@table_view
@require_http_methods(["GET"])
def need_detail(request: TableRequest, need_id: int) -> HttpResponse:
    need = _need_or_404(request, need_id)
    require(request.user, VIEW, need)
    return render(
        request,
        "portrait/need_detail.html",
        {
            "table": request.table,
            "finding": need,
            "need": need,
            "kind": "need",
            "can_manage": can(request.user, MANAGE, need),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def need_edit(request: TableRequest, need_id: int) -> HttpResponse:
    need = _need_or_404(request, need_id)
    require(request.user, MANAGE, need)
    choices = _finding_choices(request.table)
    form = NeedForm(posted(request), initial=_finding_initial(need), **choices)
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.need_update(
                need=need,
                actor=request.user,
                coverage=data["coverage"],
                coverage_note=data["coverage_note"],
                base_revision=data["revision"] if data["revision"] is not None else -1,
                **_finding_fields(data),
            )
        except Conflict as error:
            need = _need_or_404(request, need_id)
            fresh = request.POST.copy()
            fresh["revision"] = str(need.revision)
            form = NeedForm(fresh, **choices)
            form.is_valid()
            add_domain_error(form, error)
            conflict = True
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The need was saved."))
            return redirect(need)
    return render(
        request,
        "portrait/finding_form.html",
        {
            "table": request.table,
            "form": form,
            "finding": need,
            "kind": "need",
            "conflict": conflict,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def need_actions(request: TableRequest, need_id: int) -> HttpResponse:
    """Choose, among the table's plan actions, those that answer the need."""
    need = _need_or_404(request, need_id)
    require(request.user, MANAGE, need)
    actions = selectors.plan_action_choices(table=request.table)
    form = NeedActionsForm(
        posted(request),
        initial={"actions": [a.pk for a in need.actions.all()], "revision": need.revision},
        actions=actions,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.need_set_actions(
                need=need,
                actor=request.user,
                actions=data["actions"],
                base_revision=data["revision"] if data["revision"] is not None else -1,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The actions answering this need were saved."))
            return redirect(need)
    return render(
        request,
        "portrait/need_actions.html",
        {"table": request.table, "need": need, "form": form, "has_actions": actions.exists()},
    )


@table_view
@require_http_methods(["GET", "POST"])
def need_delete(request: TableRequest, need_id: int) -> HttpResponse:
    need = _need_or_404(request, need_id)
    require(request.user, MANAGE, need)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.need_delete(need=need, actor=request.user)
        messages.success(request, _("The need was deleted."))
        return redirect("portrait:need-list", table_slug=request.table.slug)
    return render(
        request,
        "portrait/confirm_delete.html",
        {
            "table": request.table,
            "form": form,
            "title": _("Delete the need “%(statement)s”?") % {"statement": need.statement},
            "explanation": _(
                "Its evidence documents and its links to plan actions are deleted with it. "
                "This cannot be undone."
            ),
            "confirm_label": _("Yes, delete the need"),
            "cancel_url": need.get_absolute_url(),
        },
    )


@table_view
@require_http_methods(["GET"])
def strength_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, VIEW, table)
    page = paginate(request, selectors.strength_list(table=table), per_page=25)
    return render(
        request,
        "portrait/strength_list.html",
        {"table": table, "page": page, "can_manage": can(request.user, MANAGE, table)},
    )


@table_view
@require_http_methods(["GET", "POST"])
def strength_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, MANAGE, table)
    process = _process_from_query(request)
    form = FindingForm(
        posted(request),
        initial={"process": process.pk if process else None},
        **_finding_choices(table),
    )
    if request.method == "POST" and form.is_valid():
        try:
            strength = services.strength_create(
                table=table, actor=request.user, **_finding_fields(form.cleaned_data)
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The strength was recorded."))
            return redirect(strength)
    return render(
        request,
        "portrait/finding_form.html",
        {"table": table, "form": form, "finding": None, "kind": "strength"},
    )


@table_view
@require_http_methods(["GET"])
def strength_detail(request: TableRequest, strength_id: int) -> HttpResponse:
    strength = _strength_or_404(request, strength_id)
    require(request.user, VIEW, strength)
    return render(
        request,
        "portrait/strength_detail.html",
        {
            "table": request.table,
            "finding": strength,
            "kind": "strength",
            "can_manage": can(request.user, MANAGE, strength),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def strength_edit(request: TableRequest, strength_id: int) -> HttpResponse:
    strength = _strength_or_404(request, strength_id)
    require(request.user, MANAGE, strength)
    choices = _finding_choices(request.table)
    form = FindingForm(posted(request), initial=_finding_initial(strength), **choices)
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.strength_update(
                strength=strength,
                actor=request.user,
                base_revision=data["revision"] if data["revision"] is not None else -1,
                **_finding_fields(data),
            )
        except Conflict as error:
            strength = _strength_or_404(request, strength_id)
            fresh = request.POST.copy()
            fresh["revision"] = str(strength.revision)
            form = FindingForm(fresh, **choices)
            form.is_valid()
            add_domain_error(form, error)
            conflict = True
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The strength was saved."))
            return redirect(strength)
    return render(
        request,
        "portrait/finding_form.html",
        {
            "table": request.table,
            "form": form,
            "finding": strength,
            "kind": "strength",
            "conflict": conflict,
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def strength_delete(request: TableRequest, strength_id: int) -> HttpResponse:
    strength = _strength_or_404(request, strength_id)
    require(request.user, MANAGE, strength)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.strength_delete(strength=strength, actor=request.user)
        messages.success(request, _("The strength was deleted."))
        return redirect("portrait:strength-list", table_slug=request.table.slug)
    return render(
        request,
        "portrait/confirm_delete.html",
        {
            "table": request.table,
            "form": form,
            "title": _("Delete “%(statement)s”?") % {"statement": strength.statement},
            "explanation": _("Its evidence documents are deleted with it. This cannot be undone."),
            "confirm_label": _("Yes, delete it"),
            "cancel_url": strength.get_absolute_url(),
        },
    )


# -- evidence documents ----------------------------------------------------


def _document_upload(request: TableRequest, finding) -> HttpResponse:
    require(request.user, MANAGE, finding)
    form = DocumentForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_attach(
                finding=finding, actor=request.user, uploaded=form.cleaned_data["file"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The document was attached."))
            return redirect(finding)
    from django.conf import settings

    return render(
        request,
        "portrait/document_upload.html",
        {
            "table": request.table,
            "finding": finding,
            "form": form,
            "max_mb": round(settings.TABLEE_MAX_UPLOAD_BYTES / (1024 * 1024), 1),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def need_document_upload(request: TableRequest, need_id: int) -> HttpResponse:
    return _document_upload(request, _need_or_404(request, need_id))


@table_view
@require_http_methods(["GET", "POST"])
def strength_document_upload(request: TableRequest, strength_id: int) -> HttpResponse:
    return _document_upload(request, _strength_or_404(request, strength_id))


def _document_or_404(request: TableRequest, document_id: int):
    document = selectors.document_get(table=request.table, document_id=document_id)
    if document is None:
        raise Http404
    return document


@table_view
@require_http_methods(["GET"])
def document_download(request: TableRequest, document_id: int) -> HttpResponse:
    document = _document_or_404(request, document_id)
    require(request.user, VIEW, document)
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
def document_remove(request: TableRequest, document_id: int) -> HttpResponse:
    document = _document_or_404(request, document_id)
    require(request.user, MANAGE, document)
    finding = document.finding
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.document_remove(document=document, actor=request.user)
        messages.success(request, _("The document was removed."))
        return redirect(finding)
    return render(
        request,
        "portrait/confirm_delete.html",
        {
            "table": request.table,
            "form": form,
            "title": _("Remove the document “%(name)s”?") % {"name": document.original_name},
            "explanation": _("The file is deleted. This cannot be undone."),
            "confirm_label": _("Yes, remove the document"),
            "cancel_url": finding.get_absolute_url(),
        },
    )
