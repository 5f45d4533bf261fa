"""API operations of polls, mounted in tablee/api/api.py.

The same selectors, permissions and services as the pages. Results appear
only when the page would show them; before that, only the turnout. A secret
poll never exposes who chose what.
"""

from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Router, Schema, Status
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import can, require
from tablee.polls import selectors, services
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["polls"])


class PollBase(Schema):
    id: int
    question: str
    kind: str
    voter_unit: str
    is_secret: bool
    hide_results_until_closed: bool
    opens_at: datetime
    closes_at: datetime
    closed_at: datetime | None
    status: str
    turnout: int


class PollOut(PollBase):
    @staticmethod
    def resolve_status(obj) -> str:
        return selectors.poll_effective_status(obj)


class OptionOut(Schema):
    id: int
    label: str
    position: int


class NamedBallotOut(Schema):
    voter: str
    seat: str
    choices: str


class PollDetailOut(PollBase):
    description: str
    dots_per_voter: int | None
    options: list[OptionOut]
    eligible: int
    results_visible: bool
    # Shape depends on the kind (rows; rounds for ranked); null while hidden.
    results: dict[str, Any] | None
    named_ballots: list[NamedBallotOut]
    you_have_voted: bool


class BallotIn(Schema):
    """single/approval/ranked: a list of option ids (ranked: in order of preference);
    dots/scale: an object {option_id: number}."""

    choices: list[int] | dict[str, int]


class BallotOut(Schema):
    poll_id: int
    recorded: bool


def _table_or_404(request: HttpRequest, table_slug: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, "polls.view_poll", table)
    return table


def _poll_or_404(request: HttpRequest, table_slug: str, poll_id: int):
    table = _table_or_404(request, table_slug)
    poll = selectors.poll_get(table=table, poll_id=poll_id)
    if poll is None:
        raise Http404
    return poll


@router.get(
    "/tables/{table_slug}/polls",
    response=list[PollOut],
    summary="A table's polls",
    url_name="poll-list",
)
@paginate(TableeLimitOffset)
def poll_list(request: HttpRequest, table_slug: str, status: str = ""):
    """Return the polls, newest first, with their turnout; `status` is open, closed or draft."""
    table = _table_or_404(request, table_slug)
    return selectors.poll_list(table=table, status=status)


@router.get(
    "/tables/{table_slug}/polls/{poll_id}",
    response={200: PollDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="One poll, with its results when they are visible",
    url_name="poll-detail",
)
def poll_detail(request: HttpRequest, table_slug: str, poll_id: int):
    poll = _poll_or_404(request, table_slug, poll_id)
    visible = can(request.user, "polls.view_results", poll)
    named = can(request.user, "polls.view_named_ballots", poll)
    return {
        "id": poll.pk,
        "question": poll.question,
        "description": poll.description,
        "kind": poll.kind,
        "voter_unit": poll.voter_unit,
        "is_secret": poll.is_secret,
        "hide_results_until_closed": poll.hide_results_until_closed,
        "opens_at": poll.opens_at,
        "closes_at": poll.closes_at,
        "closed_at": poll.closed_at,
        "status": selectors.poll_effective_status(poll),
        "turnout": poll.turnout,
        "dots_per_voter": poll.dots_per_voter,
        "options": [
            {"id": option.pk, "label": option.label, "position": option.position}
            for option in poll.options.all()
        ],
        "eligible": selectors.eligible_voters(poll=poll),
        "results_visible": visible,
        "results": selectors.poll_results(poll=poll) if visible else None,
        "named_ballots": selectors.poll_named_ballots(poll=poll) if named else [],
        "you_have_voted": selectors.has_voted(poll=poll, user=request.user),
    }


@router.post(
    "/tables/{table_slug}/polls/{poll_id}/ballot",
    response={201: BallotOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Cast your ballot",
    url_name="poll-ballot",
)
def poll_ballot(
    request: HttpRequest, table_slug: str, poll_id: int, payload: Body[BallotIn | None] = None
):
    """Vote once (per person, or per seat you hold). A second vote answers 409
    `ballot_already_cast`; observers, and everyone once the poll is closed,
    get 403."""
    poll = _poll_or_404(request, table_slug, poll_id)
    require(request.user, "polls.cast_ballot", poll)
    if payload is None:
        message = _("Send your ballot as a JSON object with its choices.")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    services.poll_cast_ballot(poll=poll, voter=request.user, choices=payload.choices)
    return Status(201, {"poll_id": poll.pk, "recorded": True})
