"""Pages of the winning conditions self-check."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.charts import Point, bar_chart
from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.selfcheck import selectors, services
from tablee.selfcheck.conditions import LEVEL_NAMES
from tablee.selfcheck.forms import CardForm, PlanStepForm, StartForm


def _check_or_404(request: TableRequest, check_id: int):
    check = selectors.selfcheck_get(table=request.table, check_id=check_id)
    if check is None:
        raise Http404
    return check


def _card_form(card, choices, data=None):
    initial = {
        "level": card.level,
        "note": card.note,
        "next_step": card.next_step,
        "onboarding": card.onboarding,
        "revision": card.revision,
    }
    if data is None:
        for kind in services.EVIDENCE_KINDS:
            initial[kind] = [obj.pk for obj in getattr(card, kind).all()]
    return CardForm(data, initial=initial, choices=choices, prefix=f"c{card.pk}")


@table_view
@require_http_methods(["GET"])
def selfcheck_list(request: TableRequest) -> HttpResponse:
    require(request.user, "selfcheck.view_selfcheck", request.table)
    page = paginate(request, selectors.selfcheck_list(table=request.table), per_page=20)
    for check in page.object_list:
        levels = [c.level for c in check.cards.all() if c.level is not None]
        check.average = round(sum(levels) / len(levels), 1) if levels else None
    return render(
        request,
        "selfcheck/selfcheck_list.html",
        {
            "table": request.table,
            "page": page,
            "can_start": can(request.user, "selfcheck.start_selfcheck", request.table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def selfcheck_start(request: TableRequest) -> HttpResponse:
    require(request.user, "selfcheck.start_selfcheck", request.table)
    form = StartForm(posted(request), initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            check = services.selfcheck_start(
                table=request.table, actor=request.user, held_on=form.cleaned_data["held_on"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("The self-check is started, with the levels of the previous one.")
            )
            return redirect(check.get_absolute_url())
    return render(
        request, "selfcheck/selfcheck_start.html", {"table": request.table, "form": form}
    )


def _detail_context(request, check, *, bound: dict | None = None, conflict_card=None):
    choices = {k: list(v) for k, v in selectors.evidence_choices(table=request.table).items()}
    objectives = list(selectors.objective_choices(table=request.table))
    cards = selectors.card_list(check=check)
    can_edit = can(request.user, "selfcheck.edit_selfcheck", check)
    rows = []
    for card in cards:
        form = (bound or {}).get(card.pk) or _card_form(card, choices)
        plan_form = PlanStepForm(
            initial={"revision": card.revision}, objectives=objectives, prefix=f"p{card.pk}"
        )
        rows.append(
            {
                "card": card,
                "form": form,
                "plan_form": plan_form,
                "conflict": card.pk == conflict_card,
            }
        )
    return {
        "table": request.table,
        "check": check,
        "rows": rows,
        "can_edit": can_edit,
        "has_objectives": bool(objectives),
        "onboarding_url": reverse("members:onboarding", kwargs={"table_slug": request.table.slug}),
    }


@table_view
@require_http_methods(["GET"])
def selfcheck_detail(request: TableRequest, check_id: int) -> HttpResponse:
    check = _check_or_404(request, check_id)
    require(request.user, "selfcheck.view_selfcheck", check)
    return render(request, "selfcheck/selfcheck_detail.html", _detail_context(request, check))


@table_view
@require_http_methods(["POST"])
def card_update(request: TableRequest, check_id: int, card_id: int) -> HttpResponse:
    check = _check_or_404(request, check_id)
    require(request.user, "selfcheck.edit_selfcheck", check)
    card = selectors.card_get(check=check, card_id=card_id)
    if card is None:
        raise Http404
    choices = {k: list(v) for k, v in selectors.evidence_choices(table=request.table).items()}
    form = _card_form(card, choices, data=request.POST)
    conflict = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.card_update(
                card=card,
                actor=request.user,
                base_revision=data["revision"],
                data=services.CardInput(
                    level=data["level"],
                    note=data["note"],
                    next_step=data["next_step"],
                    onboarding=data["onboarding"],
                    evidence={
                        kind: [obj for obj in choices[kind] if obj.pk in set(data[kind])]
                        for kind in services.EVIDENCE_KINDS
                    },
                ),
            )
        except Conflict as error:
            add_domain_error(form, error)
            conflict = card.pk
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The card is saved."))
            return redirect(f"{check.get_absolute_url()}#card-{card.code}")
    context = _detail_context(request, check, bound={card.pk: form}, conflict_card=conflict)
    return render(
        request,
        "selfcheck/selfcheck_detail.html",
        context,
        status=422 if conflict is None else 409,
    )


@table_view
@require_http_methods(["POST"])
def card_plan(request: TableRequest, check_id: int, card_id: int) -> HttpResponse:
    check = _check_or_404(request, check_id)
    require(request.user, "selfcheck.edit_selfcheck", check)
    require(request.user, "plans.manage_plan", request.table)
    card = selectors.card_get(check=check, card_id=card_id)
    if card is None:
        raise Http404
    objective = None
    raw = request.POST.get(f"p{card.pk}-objective", "")
    if raw.isdigit():
        objective = selectors.objective_get(table=request.table, objective_id=int(raw))
    revision = request.POST.get(f"p{card.pk}-revision", "")
    try:
        services.card_plan_next_step(
            card=card,
            actor=request.user,
            objective=objective,
            base_revision=int(revision) if revision.isdigit() else -1,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The next step is now an action of the plan."))
    return redirect(f"{check.get_absolute_url()}#card-{card.code}")


@table_view
@require_http_methods(["GET", "POST"])
def selfcheck_complete(request: TableRequest, check_id: int) -> HttpResponse:
    check = _check_or_404(request, check_id)
    require(request.user, "selfcheck.edit_selfcheck", check)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.selfcheck_complete(check=check, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The self-check is completed and frozen."))
            return redirect(
                reverse(
                    "selfcheck:selfcheck-profile",
                    kwargs={"table_slug": request.table.slug, "check_id": check.pk},
                )
            )
    return render(
        request,
        "selfcheck/selfcheck_complete.html",
        {"table": request.table, "check": check, "form": form},
    )


@table_view
@require_http_methods(["GET"])
def selfcheck_profile(request: TableRequest, check_id: int) -> HttpResponse:
    check = _check_or_404(request, check_id)
    require(request.user, "selfcheck.view_selfcheck", check)
    previous, rows = selectors.profile(check=check)
    chart = bar_chart(
        [Point(f"{r['condition'].number}. {r['condition'].title}", r["now"]) for r in rows],
        title=_("Level of each winning condition (1 to 4)"),
    )
    return render(
        request,
        "selfcheck/selfcheck_profile.html",
        {
            "table": request.table,
            "check": check,
            "previous": previous,
            "rows": rows,
            "chart": chart,
            "level_names": LEVEL_NAMES,
        },
    )
