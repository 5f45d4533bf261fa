"""Pages of the decision register.

Each view: resolve → authorize → validate → call a service → respond.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import DomainError
from tablee.core.forms import add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.decisions import outcomes, selectors, services
from tablee.decisions.forms import DecisionForm, RegisterFilterForm
from tablee.decisions.models import Modality


@table_view
@require_http_methods(["GET"])
def decision_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "decisions.view_register", table)
    filters = RegisterFilterForm(
        request.GET,
        years=selectors.decision_years(table=table),
        meetings=selectors.decision_meetings(table=table),
    )
    values = filters.values()
    page = paginate(
        request,
        selectors.decision_list(
            table=table,
            search=values["q"],
            in_force=values["in_force"],
            modality=values["modality"],
            year=values["year"],
            meeting_id=values["meeting"],
        ),
        per_page=30,
    )
    for decision in page.object_list:
        decision.status = selectors.decision_status(decision)
    filtered = any(values[key] for key in ("q", "in_force", "modality", "year", "meeting"))
    template = "decisions/decision_list.html"
    if request.htmx:
        template += "#decision-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "filters": filters,
            "filtered": filtered,
            "can_record": can(request.user, "decisions.record_decision", table),
        },
    )


def _decision_or_404(request: TableRequest, decision_id: int):
    decision = selectors.decision_get(table=request.table, decision_id=decision_id)
    if decision is None:
        raise Http404
    return decision


@table_view
@require_http_methods(["GET"])
def decision_detail(request: TableRequest, decision_id: int) -> HttpResponse:
    decision = _decision_or_404(request, decision_id)
    require(request.user, "decisions.view_register", decision)
    agreement = []
    if decision.agreement_counts:
        agreement = [
            (label, count)
            for (_key, label), count in zip(
                outcomes.AGREEMENT_LEVELS, decision.agreement_counts, strict=False
            )
        ]
    return render(
        request,
        "decisions/decision_detail.html",
        {
            "table": request.table,
            "decision": decision,
            "status": selectors.decision_status(decision),
            "agreement": agreement,
            "votes_cast": (decision.votes_for or 0) + (decision.votes_against or 0),
            "can_amend": can(request.user, "decisions.amend_decision", decision),
            "rules": {
                "majority": outcomes.MAJORITY_RULE,
                "agreement": outcomes.AGREEMENT_RULE,
                "consent": outcomes.CONSENT_RULE,
            },
        },
    )


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _build_form(request: TableRequest, initial: dict) -> DecisionForm:
    """Bind the form with the table's choices; the items follow the chosen meeting."""
    table = request.table
    data = posted(request)
    meetings = selectors.meeting_choices(table=table)
    meeting_id = _int_or_none((data or {}).get("meeting") if data else initial.get("meeting"))
    if meeting_id and all(m.pk != meeting_id for m in meetings):
        extra = selectors.meeting_get(table=table, meeting_id=meeting_id)
        if extra is not None:
            meetings.insert(0, extra)
    items = selectors.agenda_item_choices(table=table, meeting_id=meeting_id) if meeting_id else []
    return DecisionForm(
        data,
        initial=initial,
        meetings=meetings,
        items=items,
        organizations=selectors.organization_choices(table=table),
        people=selectors.person_choices(table=table),
    )


def _input_from(request: TableRequest, form: DecisionForm) -> services.DecisionInput:
    """Turn the valid form into the service's input, resolving ids within the table."""
    table = request.table
    data = form.cleaned_data

    def resolve(field, getter, **kwargs):
        if data[field] is None:
            return None
        found = getter(table=table, **kwargs)
        if found is None:
            form.add_error(field, _("Choose one of the listed values."))
        return found

    return services.DecisionInput(
        wording=data["wording"],
        decided_on=data["decided_on"],
        modality=data["modality"],
        outcome=data["outcome"],
        meeting=resolve("meeting", selectors.meeting_get, meeting_id=data["meeting"]),
        agenda_item=resolve("agenda_item", selectors.agenda_item_get, item_id=data["agenda_item"]),
        poll=resolve("poll", selectors.poll_for_decision, poll_id=data["poll"]),
        threshold_percent=data["threshold_percent"],
        votes_for=data["votes_for"],
        votes_against=data["votes_against"],
        abstentions=data["abstentions"],
        objections=data["objections"],
        agreement_counts=form.agreement_counts(),
        dissent=data["dissent"],
        reservations=data["reservations"],
        accountable_organization=resolve(
            "accountable_organization",
            selectors.organization_get,
            organization_id=data["accountable_organization"],
        ),
        accountable_person=resolve(
            "accountable_person", selectors.person_get, user_id=data["accountable_person"]
        ),
    )


def _save(request: TableRequest, form: DecisionForm, action) -> HttpResponse | None:
    """Call `action(data)` when the form is valid; return the redirect, or None."""
    if request.method != "POST" or not form.is_valid():
        return None
    data = _input_from(request, form)
    if form.errors:
        return None
    try:
        decision = action(data)
    except DomainError as error:
        add_domain_error(form, error)
        return None
    messages.success(
        request, _("Decision no. %(number)s was recorded.") % {"number": decision.number}
    )
    return redirect("decisions:decision-detail", request.table.slug, decision.pk)


def _initial_from_query(request: TableRequest) -> dict:
    """Prefill from the facilitation view (?meeting=&item=) or a closed poll (?poll=)."""
    table = request.table
    initial: dict = {"decided_on": timezone.localdate(), "modality": Modality.CONSENSUS}
    meeting = selectors.meeting_get(
        table=table, meeting_id=_int_or_none(request.GET.get("meeting")) or 0
    )
    if meeting is not None:
        initial["meeting"] = meeting.pk
        if meeting.starts_at:
            initial["decided_on"] = timezone.localdate(meeting.starts_at)
    item = selectors.agenda_item_get(
        table=table, item_id=_int_or_none(request.GET.get("item")) or 0
    )
    if item is not None:
        initial["meeting"] = item.meeting_id
        initial["agenda_item"] = item.pk
        initial.setdefault("wording", item.title)
    poll = selectors.poll_for_decision(
        table=table, poll_id=_int_or_none(request.GET.get("poll")) or 0
    )
    if poll is not None:
        from tablee.polls.selectors import poll_summary_line

        initial["poll"] = poll.pk
        initial["wording"] = poll_summary_line(poll=poll)
        if poll.closed_at:
            initial["decided_on"] = timezone.localdate(poll.closed_at)
        if poll.meeting_id:
            initial["meeting"] = poll.meeting_id
    return initial


@table_view
@require_http_methods(["GET", "POST"])
def decision_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "decisions.record_decision", table)
    form = _build_form(request, _initial_from_query(request))
    done = _save(
        request,
        form,
        lambda data: services.decision_record(table=table, actor=request.user, data=data),
    )
    if done is not None:
        return done
    return render(
        request,
        "decisions/decision_form.html",
        {"table": table, "form": form, "mode": "record", "original": None},
    )


def _follow_up(request: TableRequest, decision_id: int, mode: str) -> HttpResponse:
    original = _decision_or_404(request, decision_id)
    require(request.user, "decisions.amend_decision", original)
    initial = {
        "decided_on": timezone.localdate(),
        "modality": original.modality,
        "wording": original.wording,
    }
    form = _build_form(request, initial)
    service = services.decision_amend if mode == "amend" else services.decision_supersede
    done = _save(
        request,
        form,
        lambda data: service(decision=original, actor=request.user, data=data),
    )
    if done is not None:
        return done
    return render(
        request,
        "decisions/decision_form.html",
        {"table": request.table, "form": form, "mode": mode, "original": original},
    )


@table_view
@require_http_methods(["GET", "POST"])
def decision_amend(request: TableRequest, decision_id: int) -> HttpResponse:
    return _follow_up(request, decision_id, "amend")


@table_view
@require_http_methods(["GET", "POST"])
def decision_supersede(request: TableRequest, decision_id: int) -> HttpResponse:
    return _follow_up(request, decision_id, "supersede")
