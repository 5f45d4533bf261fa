"""Pages of evaluation campaigns. Results pages show aggregates only.

Each view: resolve → authorize → validate → call a service → respond.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.charts import Point, Series, bar_chart, radar_chart
from tablee.core.errors import Conflict, DomainError
from tablee.core.forms import add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.core.views import confirm_delete
from tablee.evaluation import links, selectors, services
from tablee.evaluation.forms import (
    AnswerForm,
    CampaignForm,
    DiscussionForm,
    ExternalInviteForm,
    GroupAnswerForm,
    GroupWheelAnswerForm,
    WheelAnswerForm,
)
from tablee.evaluation.models import Attribute, Instrument, InviteScope, Mode


def _campaign(request: TableRequest, campaign_id: int, perm: str):
    campaign = selectors.campaign_get(table=request.table, campaign_id=campaign_id)
    if campaign is None:
        raise Http404
    require(request.user, perm, campaign)
    return campaign


@table_view
@require_http_methods(["GET"])
def campaign_list(request: TableRequest) -> HttpResponse:
    require(request.user, "evaluation.view_campaign", request.table)
    page = paginate(request, selectors.campaign_list(table=request.table), per_page=20)
    answered = selectors.campaigns_for_person(table=request.table, user=request.user)
    for item in page.object_list:
        item.state = selectors.campaign_state(item)
        item.has_answered = item.pk in answered
    return render(
        request,
        "evaluation/campaign_list.html",
        {
            "table": request.table,
            "page": page,
            "can_manage": can(request.user, "evaluation.manage_campaign", request.table),
        },
    )


def _form_choices(table, campaign=None) -> dict:
    from tablee.decisions.selectors import decision_list
    from tablee.members.selectors import committee_list, people_of_table

    return {
        "committees": committee_list(table=table),
        "people": people_of_table(table=table),
        "decisions": decision_list(table=table)[:200],
        "wheels": selectors.wheel_campaigns(
            table=table, exclude=campaign.pk if campaign else None
        ),
    }


def _input(form: CampaignForm, choices: dict) -> services.CampaignInput:
    data = form.cleaned_data
    committees = {c.pk: c for c in choices["committees"]}
    decisions = {d.pk: d for d in choices["decisions"]}
    people = [p for p in choices["people"] if p.pk in set(data["people"] or [])]
    wheels = {c.pk: c for c in choices["wheels"]}
    return services.CampaignInput(
        instrument=data["instrument"],
        axes=data["axes"],
        copy_axes_from=wheels.get(data["same_axes_as"]),
        title=data["title"],
        opens_at=data["opens_at"],
        closes_at=data["closes_at"],
        mode=data["mode"],
        anonymity_threshold=data["anonymity_threshold"],
        divergence_sd=data["divergence_sd"],
        polarisation_percent=data["polarisation_percent"],
        attributes=list(data["attributes"]),
        invite_scope=data["invite_scope"],
        committee=committees.get(data["committee"]),
        people=people,
        sharing_decision=decisions.get(data["sharing_decision"]),
    )


@table_view
@require_http_methods(["GET", "POST"])
def campaign_create(request: TableRequest) -> HttpResponse:
    require(request.user, "evaluation.manage_campaign", request.table)
    choices = _form_choices(request.table)
    # The table's last thresholds, so this year reads like the last one.
    latest = selectors.campaign_list(table=request.table).first()
    initial = (
        {
            "divergence_sd": latest.divergence_sd,
            "polarisation_percent": latest.polarisation_percent,
            "anonymity_threshold": latest.anonymity_threshold,
        }
        if latest
        else {}
    )
    form = CampaignForm(posted(request), initial=initial, **choices)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                campaign = services.campaign_create(
                    table=request.table, actor=request.user, data=_input(form, choices)
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The campaign was created."))
                return redirect(
                    "evaluation:campaign-detail",
                    table_slug=request.table.slug,
                    campaign_id=campaign.pk,
                )
    return render(
        request,
        "evaluation/campaign_form.html",
        {"table": request.table, "form": form, "campaign": None},
        status=status,
    )


@table_view
@require_http_methods(["GET", "POST"])
def campaign_edit(request: TableRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "evaluation.manage_campaign")
    choices = _form_choices(request.table, campaign)
    initial = {
        "title": campaign.title,
        "instrument": campaign.instrument,
        "axes": "\n".join(
            f"{a.name} — {a.definition}" for a in selectors.wheel_axes(campaign=campaign)
        ),
        "opens_at": campaign.opens_at,
        "closes_at": campaign.closes_at,
        "mode": campaign.mode,
        "anonymity_threshold": campaign.anonymity_threshold,
        "divergence_sd": campaign.divergence_sd,
        "polarisation_percent": campaign.polarisation_percent,
        "attributes": campaign.attributes,
        "invite_scope": campaign.invite_scope,
        "committee": campaign.committee_id,
        "people": list(campaign.invited_people.values_list("pk", flat=True))
        if campaign.invite_scope == InviteScope.PEOPLE
        else [],
        "sharing_decision": campaign.sharing_decision_id,
        "revision": campaign.revision,
    }
    form = CampaignForm(posted(request), initial=initial, **choices)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.campaign_update(
                    campaign=campaign,
                    actor=request.user,
                    data=_input(form, choices),
                    revision=form.cleaned_data["revision"] or 0,
                )
            except Conflict as error:
                form.add_error(None, error.message)
                status = 409
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The campaign was saved."))
                return redirect(
                    "evaluation:campaign-detail",
                    table_slug=request.table.slug,
                    campaign_id=campaign.pk,
                )
    return render(
        request,
        "evaluation/campaign_form.html",
        {"table": request.table, "form": form, "campaign": campaign},
        status=status,
    )


@table_view
@require_http_methods(["GET", "POST"])
def campaign_delete(request: TableRequest, campaign_id: int) -> HttpResponse:
    """Confirm, then delete a campaign nobody has answered yet."""
    campaign = _campaign(request, campaign_id, "evaluation.manage_campaign")
    slug = request.table.slug
    return confirm_delete(
        request,
        template="evaluation/campaign_delete.html",
        context={
            "table": request.table,
            "campaign": campaign,
            "back_url": reverse(
                "evaluation:campaign-detail",
                kwargs={"table_slug": slug, "campaign_id": campaign.pk},
            ),
        },
        blocked=selectors.campaign_has_answers(campaign=campaign),
        delete=lambda: services.campaign_delete(campaign=campaign, actor=request.user),
        done_message=_("The campaign was deleted."),
        done_url=reverse("evaluation:campaign-list", kwargs={"table_slug": slug}),
    )


@table_view
@require_http_methods(["GET", "POST"])
def campaign_detail(request: TableRequest, campaign_id: int) -> HttpResponse:
    """The campaign, its response rate; coordinators invite external partners here."""
    campaign = _campaign(request, campaign_id, "evaluation.view_campaign")
    can_manage = can(request.user, "evaluation.manage_campaign", campaign)
    form = ExternalInviteForm(posted(request))
    status = 200
    if request.method == "POST":
        require(request.user, "evaluation.manage_campaign", campaign)
        status = 400
        if form.is_valid():
            try:
                services.campaign_invite_external(
                    campaign=campaign,
                    actor=request.user,
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The invitation was sent."))
                return redirect(
                    "evaluation:campaign-detail",
                    table_slug=request.table.slug,
                    campaign_id=campaign.pk,
                )
    invited = selectors.is_invited(campaign=campaign, user=request.user)
    return render(
        request,
        "evaluation/campaign_detail.html",
        {
            "table": request.table,
            "campaign": campaign,
            "state": selectors.campaign_state(campaign),
            "rate": selectors.response_rate(campaign=campaign),
            "can_manage": can_manage,
            "can_answer": invited
            and campaign.mode != Mode.TOGETHER
            and can(request.user, "evaluation.answer_campaign", campaign)
            and not selectors.has_answered(campaign=campaign, user=request.user),
            "externals": selectors.externals(campaign=campaign) if can_manage else [],
            "share_url": links.share_url(campaign=campaign)
            if can_manage and campaign.results_shared
            else "",
            "can_delete": can_manage and not selectors.campaign_has_answers(campaign=campaign),
            "can_record_group_answer": campaign.mode == Mode.TOGETHER
            and can(request.user, "evaluation.record_group_answer", campaign),
            "axes": selectors.wheel_axes(campaign=campaign)
            if campaign.instrument == Instrument.WHEEL
            else [],
            "form": form,
        },
        status=status,
    )


def _answer_page(request, campaign, *, action_url: str, external=None) -> HttpResponse:
    wheel = campaign.instrument == Instrument.WHEEL
    if wheel:
        form = WheelAnswerForm(posted(request), axes=selectors.wheel_axes(campaign=campaign))
    else:
        form = AnswerForm(posted(request))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.campaign_answer(
                    campaign=campaign,
                    actor=request.user if external is None else None,
                    external=external,
                    answers=form.cleaned_data,
                )
            except DomainError as error:
                add_domain_error(form, error)
                status = 409
            else:
                return render(
                    request,
                    "evaluation/answer_done.html",
                    {"table": campaign.table if external is None else None, "campaign": campaign},
                )
    return render(
        request,
        "evaluation/answer.html",
        {
            "table": campaign.table if external is None else None,
            "campaign": campaign,
            "form": form,
            "action_url": action_url,
            "wheel": wheel,
        },
        status=status,
    )


@table_view
@require_http_methods(["GET", "POST"])
def campaign_answer(request: TableRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "evaluation.answer_campaign")
    if not selectors.is_invited(campaign=campaign, user=request.user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    if selectors.has_answered(campaign=campaign, user=request.user):
        return render(
            request,
            "evaluation/answer_done.html",
            {"table": request.table, "campaign": campaign, "already": True},
        )
    return _answer_page(request, campaign, action_url=request.path)


@require_http_methods(["GET", "POST"])
def external_answer(request: HttpRequest, table_slug: str, token: str) -> HttpResponse:
    """Answer from a signed link, without an account (external partners)."""
    try:
        invitation_id = links.read_token(token)
    except links.LinkError as error:
        message = _("This link has expired.") if error.expired else _("This link is not valid.")
        return render(request, "evaluation/link_error.html", {"message": message}, status=404)
    invitation = selectors.external_get(invitation_id=invitation_id)
    if invitation is None or invitation.table.slug != table_slug or invitation.table.deleted_at:
        return render(
            request,
            "evaluation/link_error.html",
            {"message": _("This link is not valid.")},
            status=404,
        )
    campaign = invitation.campaign
    if selectors.campaign_state(campaign) != "open":
        return render(
            request,
            "evaluation/link_error.html",
            {"message": _("This campaign is not open for answers.")},
            status=410,
        )
    if selectors.has_answered(campaign=campaign, external=invitation):
        return render(
            request, "evaluation/answer_done.html", {"campaign": campaign, "already": True}
        )
    return _answer_page(request, campaign, action_url=request.path, external=invitation)


@table_view
@require_http_methods(["GET", "POST"])
def campaign_group_answer(request: TableRequest, campaign_id: int) -> HttpResponse:
    """The coordination records the answer a group agreed on in a meeting."""
    campaign = _campaign(request, campaign_id, "evaluation.record_group_answer")
    if campaign.mode != Mode.TOGETHER:
        raise Http404
    wheel = campaign.instrument == Instrument.WHEEL
    existing = selectors.group_answer(campaign=campaign)
    initial = {"revision": campaign.revision}
    if existing is not None:
        initial["people_present"] = existing.people_present
        for key, value in existing.answers.items():
            if wheel:
                initial.update(
                    {
                        f"{key}-score": str(value.get("score")),
                        f"{key}-desired": value.get("desired"),
                        f"{key}-why": value.get("why", ""),
                    }
                )
            else:
                initial[key] = "dk" if value is None else str(value)
    if wheel:
        form = GroupWheelAnswerForm(
            posted(request), initial=initial, axes=selectors.wheel_axes(campaign=campaign)
        )
    else:
        form = GroupAnswerForm(posted(request), initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            people_present = data.pop("people_present")
            revision = data.pop("revision")
            try:
                services.campaign_record_group_answer(
                    campaign=campaign,
                    actor=request.user,
                    answers=data,
                    people_present=people_present,
                    revision=revision,
                )
            except Conflict as error:
                form.add_error(None, error.message)
                status = 409
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The group's answer was saved."))
                return redirect(
                    "evaluation:campaign-results",
                    table_slug=request.table.slug,
                    campaign_id=campaign.pk,
                )
    return render(
        request,
        "evaluation/group_answer.html",
        {
            "table": request.table,
            "campaign": campaign,
            "form": form,
            "wheel": wheel,
            "existing": existing,
        },
        status=status,
    )


@table_view
@require_http_methods(["GET"])
def campaign_compare(request: TableRequest, campaign_id: int) -> HttpResponse:
    """A diagnostic beside an earlier one of the same table."""
    campaign = _campaign(request, campaign_id, "evaluation.view_results")
    if campaign.instrument != Instrument.DIAGNOSTIC:
        raise Http404
    try:
        previous_id = int(request.GET["with"])
    except (KeyError, ValueError):
        previous_id = None
    comparison = selectors.diagnostic_comparison(campaign=campaign, previous_id=previous_id)
    chart = None
    if comparison.visible:
        dimensions = [row for row in comparison.rows if row.is_dimension]
        chart = radar_chart(
            [str(row.label) for row in dimensions],
            [
                Series(
                    comparison.previous.title,
                    [
                        Point(str(row.label), _rounded(row.before.mean if row.before else None))
                        for row in dimensions
                    ],
                ),
                Series(
                    campaign.title,
                    [Point(str(row.label), _rounded(row.after.mean)) for row in dimensions],
                ),
            ],
            title=_("Mean per dimension (1 to 5), then and now"),
            max_value=5,
        )
    series = selectors.diagnostic_series(campaign=campaign)
    return render(
        request,
        "evaluation/campaign_compare.html",
        {
            "table": request.table,
            "campaign": campaign,
            "comparison": comparison,
            "chart": chart,
            "notable": selectors.NOTABLE_CHANGE,
            "series": series,
            "series_columns": list(
                zip(series.campaigns, series.respondents, series.visible, strict=True)
            ),
        },
    )


def _rounded(value):
    return round(value, 2) if value is not None else None


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@table_view
@require_http_methods(["GET"])
def campaign_export(request: TableRequest, campaign_id: int) -> HttpResponse:
    """The aggregated results as a workbook: exactly what the results page shows."""
    from django.utils.text import slugify

    from tablee.evaluation import exports

    campaign = _campaign(request, campaign_id, "evaluation.view_results")
    if campaign.instrument == Instrument.WHEEL:
        results = selectors.wheel_results(campaign=campaign)
        build = exports.wheel_workbook
    else:
        results = selectors.campaign_results(campaign=campaign)
        build = exports.diagnostic_workbook
    if not results.visible:
        return render(
            request,
            "evaluation/link_error.html",
            {"message": _("There are no results to export yet.")},
            status=404,
        )
    response = HttpResponse(build(results), content_type=XLSX)
    name = slugify(campaign.title) or "evaluation"
    response["Content-Disposition"] = f'attachment; filename="{name}-resultats.xlsx"'
    return response


@table_view
@require_http_methods(["GET"])
def campaign_results(request: TableRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "evaluation.view_results")
    by = request.GET.get("by", "")
    if campaign.instrument == Instrument.WHEEL:
        return _wheel_results_page(request, campaign, by)
    results = selectors.campaign_results(campaign=campaign, by=by)
    chart = _diagnostic_chart(results)
    return render(
        request,
        "evaluation/campaign_results.html",
        {
            "table": request.table,
            "campaign": campaign,
            "results": results,
            "chart": chart,
            "by": by,
            "attributes": [(a, Attribute(a).label) for a in campaign.attributes],
        },
    )


def _diagnostic_chart(results):
    if not results.visible:
        return None
    return bar_chart(
        [Point(d.label, _rounded(d.mean)) for d in results.dimensions],
        title=_("Mean per dimension (1 to 5)"),
    )


def _wheel_chart(results):
    if not results.visible:
        return None
    names = {a.key: a.name for a in results.axes}
    series = [
        Series(
            f"{group.label} (n = {group.n})",
            [Point(names[k], s.median) for k, s in group.axes.items()],
        )
        for group in results.groups
    ] or [
        Series(
            _("All respondents"),
            [Point(names[k], s.median) for k, s in results.overall.items()],
        )
    ]
    return radar_chart(
        [a.name for a in results.axes],
        series,
        title=_("Median score per axis (0 to 10)"),
        max_value=10,
    )


@require_http_methods(["GET"])
def shared_results(request: HttpRequest, table_slug: str, token: str) -> HttpResponse:
    """Results a table decided to share, readable without an account.

    The same aggregates members see (groups only above the threshold), and
    nothing at all once the table withdraws the sharing decision.
    """
    try:
        campaign_id, decision_id = links.read_share_token(token)
    except links.LinkError:
        campaign_id = decision_id = 0
    campaign = selectors.shared_campaign(
        table_slug=table_slug, campaign_id=campaign_id, decision_id=decision_id
    )
    if campaign is None:
        return render(
            request,
            "evaluation/link_error.html",
            {"message": _("These results are not shared, or no longer.")},
            status=404,
        )
    context = {"campaign": campaign, "table_name": campaign.table.name}
    if campaign.instrument == Instrument.WHEEL:
        context.update(_wheel_tables(selectors.wheel_results(campaign=campaign)))
    else:
        results = selectors.campaign_results(campaign=campaign)
        context.update(results=results, chart=_diagnostic_chart(results))
    response = render(request, "evaluation/shared_results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _wheel_tables(results) -> dict:
    """The wheel's chart and tables, as the results page and the shared page show them."""
    return {
        "results": results,
        "chart": _wheel_chart(results),
        "overall": [(a, results.overall.get(a.key)) for a in results.axes],
        "group_rows": [(a, [g.axes[a.key] for g in results.groups]) for a in results.axes],
    }


def _wheel_results_page(request: TableRequest, campaign, by: str) -> HttpResponse:
    results = selectors.wheel_results(campaign=campaign, by=by)
    names = {a.key: a.name for a in results.axes}
    return render(
        request,
        "evaluation/wheel_results.html",
        {
            "table": request.table,
            "campaign": campaign,
            **_wheel_tables(results),
            "names": names,
            "gaps": [(names[g.axis], g) for g in results.gaps],
            "notes": [(a, results.notes[a.key]) for a in results.axes if a.key in results.notes],
            "trend": [
                (names[row.axis], list(zip(row.values, row.changes, strict=True)))
                for row in results.trend
            ],
            "attributes": [(a, Attribute(a).label) for a in campaign.attributes],
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def campaign_discussion(request: TableRequest, campaign_id: int) -> HttpResponse:
    """The lowest and most divergent items, and what the table decided on each."""
    campaign = _campaign(request, campaign_id, "evaluation.view_results")
    can_edit = can(request.user, "evaluation.edit_discussion", campaign)
    if request.method == "POST":
        require(request.user, "evaluation.edit_discussion", campaign)
    results = selectors.campaign_results(campaign=campaign)
    rows = []
    seen = set()
    for kind, items in (("lowest", results.lowest), ("divergent", results.divergent)):
        for item in items:
            if item.code not in seen:
                seen.add(item.code)
                rows.append((kind, item))
    notes = selectors.discussion_notes(campaign=campaign)
    form = DiscussionForm(
        posted(request),
        codes=[item.code for _kind, item in rows],
        initial={code: note.text for code, note in notes.items()},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.discussion_notes_save(
                    campaign=campaign, actor=request.user, notes=form.cleaned_data
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The discussion sheet was saved."))
                return redirect(
                    "evaluation:campaign-discussion",
                    table_slug=request.table.slug,
                    campaign_id=campaign.pk,
                )
    return render(
        request,
        "evaluation/campaign_discussion.html",
        {
            "table": request.table,
            "campaign": campaign,
            "results": results,
            "rows": [(kind, item, form[item.code], notes.get(item.code)) for kind, item in rows],
            "form": form,
            "can_edit": can_edit,
        },
        status=status,
    )
