"""Pages of a table's polls.

Each view: resolve → authorize → validate → call a service → respond.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import DomainError
from tablee.core.forms import ConfirmForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.polls import selectors, services
from tablee.polls.forms import BallotForm, PollCreateForm
from tablee.polls.models import PollKind

STATUS_FILTERS = ("open", "closed", "draft")


@table_view
@require_http_methods(["GET"])
def poll_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "polls.view_poll", table)
    status = request.GET.get("status", "")
    if status not in STATUS_FILTERS:
        status = ""
    page = paginate(request, selectors.poll_list(table=table, status=status), per_page=25)
    now = timezone.now()
    for poll in page.object_list:
        poll.effective_status = selectors.poll_effective_status(poll, now)
    template = "polls/poll_list.html"
    if request.htmx:
        template += "#poll-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "status": status,
            "can_manage": can(request.user, "polls.manage_poll", table),
        },
    )


@table_view
@require_http_methods(["GET", "POST"])
def poll_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "polls.manage_poll", table)
    now = timezone.localtime().replace(second=0, microsecond=0)
    form = PollCreateForm(
        posted(request),
        initial={
            "kind": PollKind.SINGLE,
            "opens_at": now,
            "closes_at": now + timezone.timedelta(days=7),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            poll = services.poll_create(
                table=table,
                actor=request.user,
                question=data["question"],
                description=data["description"],
                kind=data["kind"],
                options=form.option_labels(),
                dots_per_voter=data["dots_per_voter"],
                voter_unit=data["voter_unit"],
                is_secret=data["is_secret"],
                hide_results_until_closed=data["hide_results_until_closed"],
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("The poll was created as a draft. Open it when it is ready.")
            )
            return redirect("polls:poll-detail", table.slug, poll.pk)
    return render(request, "polls/poll_create.html", {"table": table, "form": form})


def _poll_or_404(request: TableRequest, poll_id: int):
    poll = selectors.poll_get(table=request.table, poll_id=poll_id)
    if poll is None:
        raise Http404
    return poll


def _detail_context(request: TableRequest, poll, form=None, voted_now=False) -> dict:
    user = request.user
    can_vote = can(user, "polls.cast_ballot", poll)
    already = selectors.has_voted(poll=poll, user=user) if can_vote else False
    if can_vote and not already and form is None:
        form = BallotForm(poll=poll)
    show_results = can(user, "polls.view_results", poll)
    # A refusal after the fact (voted meanwhile, in another tab) is still shown.
    vote_errors = list(form.non_field_errors()) if form is not None and already else []
    return {
        "vote_errors": vote_errors,
        "table": request.table,
        "poll": poll,
        "status": selectors.poll_effective_status(poll),
        "eligible": selectors.eligible_voters(poll=poll),
        "can_vote": can_vote and not already,
        "already_voted": already,
        "voted_now": voted_now,
        "form": form if can_vote and not already else None,
        "results": selectors.poll_results(poll=poll) if show_results else None,
        "named_ballots": (
            selectors.poll_named_ballots(poll=poll)
            if can(user, "polls.view_named_ballots", poll)
            else []
        ),
        "can_open": can(user, "polls.open_poll", poll),
        "can_close": can(user, "polls.close_poll", poll),
        "can_record_decision": can(user, "polls.record_decision", poll)
        and can(user, "decisions.record_decision", request.table),
    }


@table_view
@require_http_methods(["GET"])
def poll_detail(request: TableRequest, poll_id: int) -> HttpResponse:
    poll = _poll_or_404(request, poll_id)
    require(request.user, "polls.view_poll", poll)
    return render(request, "polls/poll_detail.html", _detail_context(request, poll))


@table_view
@require_http_methods(["GET", "POST"])
def poll_vote(request: TableRequest, poll_id: int) -> HttpResponse:
    """The ballot: a full page, or the `vote-panel` fragment for HTMX."""
    poll = _poll_or_404(request, poll_id)
    require(request.user, "polls.view_poll", poll)
    require(request.user, "polls.cast_ballot", poll)
    template = "polls/poll_detail.html"
    if request.htmx:
        template += "#vote-panel"
    form = BallotForm(posted(request), poll=poll)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.poll_cast_ballot(poll=poll, voter=request.user, choices=form.choices())
            except DomainError as error:
                add_domain_error(form, error)
                status = 422
            else:
                if not request.htmx:
                    messages.success(request, _("Your vote was recorded. Thank you."))
                    return redirect("polls:poll-detail", request.table.slug, poll.pk)
                poll = _poll_or_404(request, poll_id)
                return render(request, template, _detail_context(request, poll, voted_now=True))
        else:
            status = 422
    return render(request, template, _detail_context(request, poll, form=form), status=status)


@table_view
@require_http_methods(["GET", "POST"])
def poll_open(request: TableRequest, poll_id: int) -> HttpResponse:
    poll = _poll_or_404(request, poll_id)
    require(request.user, "polls.open_poll", poll)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.poll_open(poll=poll, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The poll is open."))
            return redirect("polls:poll-detail", request.table.slug, poll.pk)
    return render(
        request,
        "polls/poll_confirm.html",
        {"table": request.table, "poll": poll, "form": form, "action": "open"},
    )


@table_view
@require_http_methods(["GET", "POST"])
def poll_close(request: TableRequest, poll_id: int) -> HttpResponse:
    poll = _poll_or_404(request, poll_id)
    require(request.user, "polls.close_poll", poll)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.poll_close(poll=poll, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The poll is closed; its results are final."))
            return redirect("polls:poll-detail", request.table.slug, poll.pk)
    return render(
        request,
        "polls/poll_confirm.html",
        {"table": request.table, "poll": poll, "form": form, "action": "close"},
    )
