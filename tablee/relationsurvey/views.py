"""Pages of the relations survey (« Carte des liens »).

Each view: resolve → authorize → validate → call a service → respond.
Results pages show aggregates only; trust and value never per rater.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.charts import Point, bar_chart
from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.core.views import confirm_delete
from tablee.relationsurvey import selectors, services
from tablee.relationsurvey.forms import AnswerForm, ReadingForm, WaveForm
from tablee.relationsurvey.models import DEFAULT_THRESHOLD, DEFAULT_TIE_LEVEL, JointWork, TieRule


def _wave(request: TableRequest, wave_id: int, perm: str):
    wave = selectors.wave_get(table=request.table, wave_id=wave_id)
    if wave is None:
        raise Http404
    require(request.user, perm, wave)
    return wave


@table_view
@require_http_methods(["GET"])
def wave_list(request: TableRequest) -> HttpResponse:
    require(request.user, "relationsurvey.view_wave", request.table)
    page = paginate(request, selectors.wave_list(table=request.table), per_page=20)
    represents = bool(
        selectors.represented_organization_ids(table=request.table, user=request.user)
    )
    return render(
        request,
        "relationsurvey/wave_list.html",
        {
            "table": request.table,
            "page": page,
            "represents": represents,
            "can_manage": can(request.user, "relationsurvey.manage_wave", request.table),
        },
    )


def _input(data: dict) -> services.WaveInput:
    return services.WaveInput(
        title=data["title"],
        opens_at=data["opens_at"],
        closes_at=data["closes_at"],
        tie_level=data["tie_level"],
        tie_rule=data["tie_rule"],
        ask_trust_value=data["ask_trust_value"],
        anonymity_threshold=data["anonymity_threshold"],
    )


@table_view
@require_http_methods(["GET", "POST"])
def wave_create(request: TableRequest) -> HttpResponse:
    require(request.user, "relationsurvey.manage_wave", request.table)
    now = timezone.localtime().replace(second=0, microsecond=0)
    form = WaveForm(
        posted(request),
        initial={
            "opens_at": now,
            "closes_at": now + timedelta(days=21),
            "tie_level": DEFAULT_TIE_LEVEL,
            "tie_rule": TieRule.EITHER,
            "anonymity_threshold": DEFAULT_THRESHOLD,
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                wave = services.wave_create(
                    table=request.table, actor=request.user, data=_input(form.cleaned_data)
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The wave was created."))
                return redirect(wave.get_absolute_url())
    return render(
        request,
        "relationsurvey/wave_form.html",
        {"table": request.table, "form": form, "wave": None},
        status=status,
    )


@table_view
@require_http_methods(["GET", "POST"])
def wave_delete(request: TableRequest, wave_id: int) -> HttpResponse:
    """Confirm, then delete a wave no organization has answered yet."""
    wave = _wave(request, wave_id, "relationsurvey.manage_wave")
    return confirm_delete(
        request,
        template="relationsurvey/wave_delete.html",
        context={"table": request.table, "wave": wave, "back_url": wave.get_absolute_url()},
        blocked=bool(selectors.answered_ids(wave=wave)),
        delete=lambda: services.wave_delete(wave=wave, actor=request.user),
        done_message=_("The wave was deleted."),
        done_url=reverse("relationsurvey:wave-list", kwargs={"table_slug": request.table.slug}),
    )


@table_view
@require_http_methods(["GET", "POST"])
def wave_edit(request: TableRequest, wave_id: int) -> HttpResponse:
    wave = _wave(request, wave_id, "relationsurvey.manage_wave")
    form = WaveForm(
        posted(request),
        initial={
            "title": wave.title,
            "opens_at": timezone.localtime(wave.opens_at),
            "closes_at": timezone.localtime(wave.closes_at),
            "tie_level": wave.tie_level,
            "tie_rule": wave.tie_rule,
            "ask_trust_value": wave.ask_trust_value,
            "anonymity_threshold": wave.anonymity_threshold,
            "revision": wave.revision,
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.wave_update(
                    wave=wave,
                    actor=request.user,
                    data=_input(form.cleaned_data),
                    revision=form.cleaned_data["revision"] or 0,
                )
            except Conflict as error:
                form.add_error(None, error.message)
                status = 409
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The wave was saved."))
                return redirect(wave.get_absolute_url())
    return render(
        request,
        "relationsurvey/wave_form.html",
        {"table": request.table, "form": form, "wave": wave},
        status=status,
    )


@table_view
@require_http_methods(["GET"])
def wave_detail(request: TableRequest, wave_id: int) -> HttpResponse:
    """The wave, its response rate and, for the coordination, who has answered."""
    wave = _wave(request, wave_id, "relationsurvey.view_wave")
    participants = selectors.participant_list(wave=wave)
    answered = selectors.answered_ids(wave=wave)
    represented = selectors.represented_organization_ids(table=request.table, user=request.user)
    mine = [p.organization for p in participants if p.organization_id in represented]
    can_follow = can(request.user, "relationsurvey.follow_wave", wave)
    rows = [
        {
            "organization": p.organization,
            "sector": p.sector,
            "answered": p.organization_id in answered,
        }
        for p in participants
    ]
    total = len(participants)
    return render(
        request,
        "relationsurvey/wave_detail.html",
        {
            "table": request.table,
            "wave": wave,
            "rows": rows if can_follow else [],
            "answered": len(answered),
            "total": total,
            "percent": round(100 * len(answered) / total) if total else None,
            "sentence": selectors.rule_sentence(wave.tie_rule, wave.tie_level),
            "mine": [{"organization": org, "answered": org.pk in answered} for org in mine],
            "answered_any": bool(answered),
            "can_answer": bool(mine) and can(request.user, "relationsurvey.answer_wave", wave),
            "can_manage": can(request.user, "relationsurvey.manage_wave", wave),
            "can_enter": can(request.user, "relationsurvey.enter_answers", wave),
            "can_follow": can_follow,
        },
    )


def _grid(
    request: TableRequest, wave, organization, *, entered: bool, action_url: str, choices=()
):
    """Show and save the answer grid of one organization (representative or coordination)."""
    participants = selectors.participant_list(wave=wave)
    targets = [p.organization for p in participants if p.organization_id != organization.pk]
    existing = selectors.answer_set_get(wave=wave, organization_id=organization.pk)
    saved = selectors.ratings_of(existing)

    def fresh_form(answer_set, ratings):
        initial = {"revision": answer_set.revision if answer_set else 0}
        for pk, rating in ratings.items():
            initial[f"level_{pk}"] = rating.level
            initial[f"trust_{pk}"] = rating.trust
            initial[f"value_{pk}"] = rating.value
        return AnswerForm(initial=initial, targets=targets, ask_trust_value=wave.ask_trust_value)

    form = fresh_form(existing, saved)
    status = 200
    conflict = ""
    if request.method == "POST":
        form = AnswerForm(request.POST, targets=targets, ask_trust_value=wave.ask_trust_value)
        status = 400
        if form.is_valid():
            save = services.answers_enter if entered else services.answers_save
            try:
                save(
                    wave=wave,
                    organization=organization,
                    actor=request.user,
                    ratings={
                        pk: services.RatingInput(level=level, trust=trust, value=value)
                        for pk, (level, trust, value) in form.ratings().items()
                    },
                    base_revision=form.cleaned_data["revision"] or 0,
                )
            except Conflict as error:
                # Show the version saved meanwhile, so nothing is overwritten unseen.
                current = selectors.answer_set_get(wave=wave, organization_id=organization.pk)
                form = fresh_form(current, selectors.ratings_of(current))
                status = 409
                conflict = error.message
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(
                    request,
                    _("The answers of %(name)s are saved. They can change until the wave closes.")
                    % {"name": organization.name},
                )
                return redirect(wave.get_absolute_url())
    return render(
        request,
        "relationsurvey/answer.html",
        {
            "table": request.table,
            "wave": wave,
            "organization": organization,
            "form": form,
            "entered": entered,
            "existing": existing,
            "conflict": conflict,
            "action_url": action_url,
            "levels": JointWork.choices,
            # One person holding two seats chooses which organization answers.
            "choices": choices,
        },
        status=status,
    )


@table_view
@require_http_methods(["GET", "POST"])
def wave_answer(request: TableRequest, wave_id: int) -> HttpResponse:
    """A representative answers for their organization (`?organization=` when several)."""
    wave = _wave(request, wave_id, "relationsurvey.answer_wave")
    represented = selectors.represented_organization_ids(table=request.table, user=request.user)
    mine = [
        p.organization
        for p in selectors.participant_list(wave=wave)
        if p.organization_id in represented
    ]
    if not mine:
        raise PermissionDenied
    raw = request.GET.get("organization", "")
    organization = mine[0]
    if raw:
        chosen = [org for org in mine if str(org.pk) == raw]
        if not chosen:
            raise PermissionDenied
        organization = chosen[0]
    url = reverse(
        "relationsurvey:wave-answer",
        kwargs={"table_slug": request.table.slug, "wave_id": wave.pk},
    )
    return _grid(
        request,
        wave,
        organization,
        entered=False,
        action_url=f"{url}?organization={organization.pk}",
        choices=mine if len(mine) > 1 else [],
    )


@table_view
@require_http_methods(["GET", "POST"])
def answers_enter(request: TableRequest, wave_id: int, organization_id: int) -> HttpResponse:
    """The coordination types in an organization's answers collected another way."""
    wave = _wave(request, wave_id, "relationsurvey.enter_answers")
    participant = next(
        (p for p in selectors.participant_list(wave=wave) if p.organization_id == organization_id),
        None,
    )
    if participant is None:
        raise Http404
    return _grid(
        request,
        wave,
        participant.organization,
        entered=True,
        action_url=reverse(
            "relationsurvey:answers-enter",
            kwargs={
                "table_slug": request.table.slug,
                "wave_id": wave.pk,
                "organization_id": organization_id,
            },
        ),
    )


def _reading(request: TableRequest, wave) -> tuple[ReadingForm, str, int]:
    rule = selectors.clean_rule(request.GET.get("rule"), wave.tie_rule)
    level = selectors.clean_level(request.GET.get("level"), wave.tie_level)
    return ReadingForm(initial={"rule": rule, "level": level}), rule, level


def levels_chart(results: selectors.WaveResults):
    return bar_chart(
        [Point(f"{row.level} — {row.label}", row.pairs) for row in results.levels],
        title=_("Pairs of organizations by level of joint work"),
    )


@table_view
@require_http_methods(["GET"])
def wave_results(request: TableRequest, wave_id: int) -> HttpResponse:
    wave = _wave(request, wave_id, "relationsurvey.view_results")
    reading, rule, level = _reading(request, wave)
    results = selectors.wave_results(wave=wave, rule=rule, level=level)
    return render(
        request,
        "relationsurvey/wave_results.html",
        {
            "table": request.table,
            "wave": wave,
            "reading": reading,
            "results": results,
            "chart": levels_chart(results),
            "can_follow": can(request.user, "relationsurvey.follow_wave", wave),
            "network_url": reverse("relations:relation-network", args=[request.table.slug])
            + f"?wave={wave.pk}&rule={rule}&level={level}",
        },
    )


@table_view
@require_http_methods(["GET"])
def wave_compare(request: TableRequest, wave_id: int) -> HttpResponse:
    wave = _wave(request, wave_id, "relationsurvey.view_results")
    reading, rule, level = _reading(request, wave)
    comparison = selectors.wave_comparison(wave=wave, rule=rule, level=level)
    return render(
        request,
        "relationsurvey/wave_compare.html",
        {
            "table": request.table,
            "wave": wave,
            "reading": reading,
            "comparison": comparison,
            "results": comparison.current,
        },
    )
