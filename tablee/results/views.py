"""Pages of plan indicators: list, chart, CRUD and recorded values.

Each view: resolve → authorize → validate → call a service → respond.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.charts import Point, Series, line_chart
from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.minutes.links import optional_url
from tablee.results import selectors, services
from tablee.results.forms import IndicatorFilterForm, IndicatorForm, MeasureForm
from tablee.results.progress import progress_text

PROCESS_TABS = "processes/includes/process_tabs.html"


def process_tabs() -> str:
    """Return the process tabs template once the processes app provides it, else ""."""
    try:
        get_template(PROCESS_TABS)
    except TemplateDoesNotExist:
        return ""
    return PROCESS_TABS


def _process_or_404(request: TableRequest, process_slug: str):
    process = selectors.process_get(table=request.table, process_slug=process_slug)
    if process is None:
        raise Http404
    return process


def _indicator_or_404(process, indicator_id: int):
    indicator = selectors.indicator_get(process=process, indicator_id=indicator_id)
    if indicator is None:
        raise Http404
    return indicator


def _context(request: TableRequest, process, **extra) -> dict:
    return {
        "table": request.table,
        "process": process,
        "process_tabs": process_tabs(),
        "active_tab": "indicators",
        "process_url": optional_url(
            "processes:process-detail", table_slug=request.table.slug, process_slug=process.slug
        ),
        **extra,
    }


def _to_detail(request: TableRequest, process, indicator_id: int) -> HttpResponse:
    return redirect("results:indicator-detail", request.table.slug, process.slug, indicator_id)


@table_view
@require_http_methods(["GET"])
def indicator_list(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    require(request.user, "results.view_indicators", process)
    filters = IndicatorFilterForm(request.GET)
    kind = filters.values()["kind"]
    page = paginate(request, selectors.indicator_list(process=process, kind=kind), per_page=50)
    for indicator in page.object_list:
        indicator.progress_text = progress_text(
            baseline=indicator.baseline_value,
            target=indicator.target_value,
            latest=indicator.latest_value,
        )
    template = "results/indicator_list.html"
    if request.htmx:
        template += "#indicator-results"
    return render(
        request,
        template,
        _context(
            request,
            process,
            page=page,
            filters=filters,
            kind=kind,
            can_manage=can(request.user, "results.manage_indicators", process),
        ),
    )


def _chart(indicator, measures):
    points = [Point(m.measured_on.isoformat(), m.value) for m in measures]
    return line_chart(
        [Series(indicator.name, points)],
        title=indicator.name,
        unit=indicator.unit,
        target=indicator.target_value,
        baseline=indicator.baseline_value,
    )


@table_view
@require_http_methods(["GET"])
def indicator_detail(request: TableRequest, process_slug: str, indicator_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    indicator = _indicator_or_404(process, indicator_id)
    require(request.user, "results.view_indicators", indicator)
    measures = selectors.indicator_measures(indicator=indicator)
    return render(
        request,
        "results/indicator_detail.html",
        _context(
            request,
            process,
            indicator=indicator,
            measures=measures,
            latest=measures[-1] if measures else None,
            chart=_chart(indicator, measures),
            action_url=optional_url(
                "plans:action-detail",
                table_slug=request.table.slug,
                process_slug=process.slug,
                action_id=indicator.action_id,
            ),
            can_manage=can(request.user, "results.manage_indicators", indicator),
            can_record=can(request.user, "results.record_value", indicator),
        ),
    )


def _input(data: dict) -> services.IndicatorInput:
    return services.IndicatorInput(
        name=data["name"],
        kind=data["kind"],
        unit=data["unit"],
        baseline_value=data["baseline_value"],
        baseline_on=data["baseline_on"],
        target_value=data["target_value"],
        target_on=data["target_on"],
        source=data["source"],
    )


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@table_view
@require_http_methods(["GET", "POST"])
def indicator_create(request: TableRequest, process_slug: str) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    require(request.user, "results.manage_indicators", process)
    actions = selectors.action_choices(process=process)
    initial = {"action": _int_or_none(request.GET.get("action"))}
    form = IndicatorForm(posted(request), initial=initial, actions=actions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = selectors.action_get(process=process, action_id=data["action"])
        if action is None:
            form.add_error("action", _("Choose one of the listed actions."))
        else:
            try:
                indicator = services.indicator_create(
                    action=action, actor=request.user, data=_input(data)
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The indicator was added."))
                return _to_detail(request, process, indicator.pk)
    return render(
        request,
        "results/indicator_form.html",
        _context(request, process, form=form, indicator=None, no_actions=not actions),
    )


def _initial(indicator) -> dict:
    return {
        "action": indicator.action_id,
        "name": indicator.name,
        "kind": indicator.kind,
        "unit": indicator.unit,
        "baseline_value": indicator.baseline_value,
        "baseline_on": indicator.baseline_on,
        "target_value": indicator.target_value,
        "target_on": indicator.target_on,
        "source": indicator.source,
        "revision": indicator.revision,
    }


@table_view
@require_http_methods(["GET", "POST"])
def indicator_edit(request: TableRequest, process_slug: str, indicator_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    indicator = _indicator_or_404(process, indicator_id)
    require(request.user, "results.manage_indicators", indicator)
    actions = selectors.action_choices(process=process)
    form = IndicatorForm(posted(request), initial=_initial(indicator), actions=actions)
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = selectors.action_get(process=process, action_id=data["action"])
        if action is None:
            form.add_error("action", _("Choose one of the listed actions."))
        else:
            base = data["revision"] if data["revision"] is not None else -1
            try:
                services.indicator_update(
                    indicator=indicator,
                    actor=request.user,
                    data=_input(data),
                    base_revision=base,
                    action=action,
                )
            except Conflict as error:
                # Keep the person's input, show the saved version, and take its
                # revision so that saving again is a deliberate choice.
                indicator = _indicator_or_404(process, indicator_id)
                data = request.POST.copy()
                data["revision"] = str(indicator.revision)
                form = IndicatorForm(data, actions=actions)
                form.is_valid()
                add_domain_error(form, error)
                conflict = True
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The indicator was saved."))
                return _to_detail(request, process, indicator.pk)
    return render(
        request,
        "results/indicator_form.html",
        _context(request, process, form=form, indicator=indicator, conflict=conflict),
    )


@table_view
@require_http_methods(["GET", "POST"])
def indicator_delete(request: TableRequest, process_slug: str, indicator_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    indicator = _indicator_or_404(process, indicator_id)
    require(request.user, "results.manage_indicators", indicator)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_delete(indicator=indicator, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The indicator and its values were deleted."))
            return redirect("results:indicator-list", request.table.slug, process.slug)
    return render(
        request,
        "results/indicator_delete.html",
        _context(request, process, form=form, indicator=indicator),
    )


@table_view
@require_http_methods(["GET", "POST"])
def measure_create(request: TableRequest, process_slug: str, indicator_id: int) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    indicator = _indicator_or_404(process, indicator_id)
    require(request.user, "results.record_value", indicator)
    form = MeasureForm(posted(request), initial={"measured_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.indicator_record_value(
                indicator=indicator,
                actor=request.user,
                measured_on=data["measured_on"],
                value=data["value"],
                source=data["source"],
                note=data["note"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The value was recorded."))
            return _to_detail(request, process, indicator.pk)
    return render(
        request,
        "results/measure_form.html",
        _context(request, process, form=form, indicator=indicator),
    )


@table_view
@require_http_methods(["GET", "POST"])
def measure_delete(
    request: TableRequest, process_slug: str, indicator_id: int, measure_id: int
) -> HttpResponse:
    process = _process_or_404(request, process_slug)
    indicator = _indicator_or_404(process, indicator_id)
    require(request.user, "results.record_value", indicator)
    measure = selectors.measure_get(indicator=indicator, measure_id=measure_id)
    if measure is None:
        raise Http404
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_remove_value(measure=measure, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The value was removed."))
            return _to_detail(request, process, indicator.pk)
    return render(
        request,
        "results/measure_delete.html",
        _context(request, process, form=form, indicator=indicator, measure=measure),
    )
