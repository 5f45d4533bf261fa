"""Reads of a table's polls, their turnout and results (pages and API alike).

A poll still marked open after its closing time is treated as closed
everywhere (`poll_effective_status`); `tablee close_polls` then records the
closing for good.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.polls import counting
from tablee.polls.models import Ballot, Participation, Poll, PollKind, PollOption, PollStatus


def poll_effective_status(poll: Poll, now=None) -> str:
    """Return "draft", "scheduled" (open, not started), "open" or "closed"."""
    now = now or timezone.now()
    if poll.status == PollStatus.OPEN:
        if poll.closes_at <= now:
            return PollStatus.CLOSED
        if poll.opens_at > now:
            return "scheduled"
    return poll.status


def poll_list(*, table, status: str = "") -> QuerySet[Poll]:
    """Return the table's polls, newest first, with their turnout counted."""
    polls = Poll.objects.for_table(table).annotate(turnout=Count("participations"))
    now = timezone.now()
    if status == "open":
        polls = polls.filter(status=PollStatus.OPEN, closes_at__gt=now)
    elif status == "closed":
        from django.db.models import Q

        polls = polls.filter(
            Q(status=PollStatus.CLOSED) | Q(status=PollStatus.OPEN, closes_at__lte=now)
        )
    elif status == "draft":
        polls = polls.filter(status=PollStatus.DRAFT)
    return polls.order_by("-opens_at", "-id")


def poll_get(*, table, poll_id: int) -> Poll | None:
    """Return one poll with its options and turnout, or None."""
    return (
        Poll.objects.for_table(table)
        .select_related("created_by", "meeting", "committee")
        .prefetch_related(
            Prefetch("options", queryset=PollOption.objects.order_by("position", "id"))
        )
        .annotate(turnout=Count("participations"))
        .filter(pk=poll_id)
        .first()
    )


def poll_get_for_update(*, poll_id: int) -> Poll:
    return Poll.objects.select_for_update(of=("self",)).get(pk=poll_id)


def polls_past_closing(*, now=None) -> QuerySet[Poll]:
    """Return the open polls, of every table, whose closing time has passed."""
    return Poll.objects.filter(status=PollStatus.OPEN, closes_at__lte=now or timezone.now())


def eligible_voters(*, poll: Poll) -> int:
    """How many could vote: open seats with a current holder, or members and coordinators."""
    if poll.voter_unit == "seat":
        from tablee.members.models import Seat, SeatHolding

        holders = SeatHolding.objects.filter(seat_id=OuterRef("pk"), ended_on__isnull=True)
        return (
            Seat.objects.for_table(poll.table_id)
            .filter(closed_at__isnull=True)
            .filter(Exists(holders))
            .count()
        )
    from tablee.tables.models import Membership

    return (
        Membership.objects.filter(table_id=poll.table_id, role__in=("coordinator", "member"))
        .current()
        .count()
    )


def current_seats(*, table, user) -> list:
    """Return the open seats `user` currently holds at `table` (representative or alternate)."""
    from tablee.members.models import Seat

    return list(
        Seat.objects.for_table(table)
        .filter(
            closed_at__isnull=True,
            holdings__person=user,
            holdings__ended_on__isnull=True,
        )
        .select_related("organization")
        .distinct()
        .order_by("pk")
    )


def has_voted(*, poll: Poll, user) -> bool:
    """Whether `user` has voted, or (per seat) every seat they hold has voted."""
    if not getattr(user, "is_authenticated", False):
        return False
    if Participation.objects.filter(poll=poll, voter=user).exists():
        return True
    if poll.voter_unit == "seat":
        seats = current_seats(table=poll.table_id, user=user)
        if not seats:
            return False
        voted = set(
            Participation.objects.filter(poll=poll, seat__in=seats).values_list(
                "seat_id", flat=True
            )
        )
        return all(seat.pk in voted for seat in seats)
    return False


def _ballot_choices(poll: Poll) -> list:
    return list(Ballot.objects.filter(poll=poll).values_list("choices", flat=True))


def _percent(part: int, whole: int) -> int:
    return round(part * 100 / whole) if whole else 0


def poll_results(*, poll: Poll) -> dict:
    """Return the counted results of `poll`, shaped for its page and the API.

    Two queries at most (options are usually prefetched, plus the ballots),
    whatever the number of ballots.
    """
    options = list(poll.options.all())
    labels = {option.pk: option.label for option in options}
    ids = [option.pk for option in options]
    ballots = _ballot_choices(poll)
    result: dict = {"kind": poll.kind, "ballots": len(ballots)}
    if poll.kind in (PollKind.SINGLE, PollKind.APPROVAL, PollKind.DOTS):
        count = {
            PollKind.SINGLE: counting.count_single,
            PollKind.APPROVAL: counting.count_approval,
            PollKind.DOTS: counting.count_dots,
        }[poll.kind]
        tally = count(ids, ballots)
        total = sum(tally.counts.values())
        whole = len(ballots) if poll.kind == PollKind.APPROVAL else total
        result["rows"] = [
            {
                "option_id": option,
                "label": labels[option],
                "count": value,
                "percent": _percent(value, whole),
                "leading": option in tally.winners,
            }
            for option, value in tally.counts.items()
        ]
        result["winners"] = [labels[option] for option in tally.winners]
        return result
    if poll.kind == PollKind.SCALE:
        result["rows"] = [
            {
                "option_id": item.option,
                "label": labels[item.option],
                "responses": item.responses,
                "mean": round(float(item.mean), 2) if item.mean is not None else None,
                "median": float(item.median) if item.median is not None else None,
                "distribution": [item.distribution[level] for level in range(1, 6)],
            }
            for item in counting.count_scale(ids, ballots)
        ]
        return result
    ranked = counting.count_ranked(ids, ballots)
    result["winner"] = labels.get(ranked.winner) if ranked.winner else None
    result["winners"] = [result["winner"]] if result["winner"] else []
    result["rounds"] = [
        {
            "number": item.number,
            "continuing_ballots": item.continuing_ballots,
            "exhausted": item.exhausted,
            "tie_broken": item.tie_broken,
            "eliminated": [labels[option] for option in item.eliminated],
            "rows": [
                {
                    "option_id": option,
                    "label": labels[option],
                    "count": value,
                    "percent": _percent(value, item.continuing_ballots),
                }
                for option, value in sorted(
                    item.counts.items(), key=lambda pair: (-pair[1], ids.index(pair[0]))
                )
            ],
        }
        for item in ranked.rounds
    ]
    return result


def describe_choices(*, poll: Poll, choices) -> str:
    """Render one ballot's choices in words (for an open ballot's list of votes)."""
    labels = {option.pk: option.label for option in poll.options.all()}
    if poll.kind in (PollKind.SINGLE, PollKind.APPROVAL):
        return ", ".join(labels.get(option, "?") for option in choices)
    if poll.kind == PollKind.RANKED:
        return " > ".join(labels.get(option, "?") for option in choices)
    unit = _("dots") if poll.kind == PollKind.DOTS else "/5"
    parts = []
    for option in labels:
        value = choices.get(str(option))
        if value:
            parts.append(f"{labels[option]} : {value}{' ' + unit if unit != '/5' else unit}")
    return ", ".join(parts)


def poll_named_ballots(*, poll: Poll) -> list[dict]:
    """Return who chose what, for an open ballot only (never for a secret one)."""
    if poll.is_secret:
        return []
    ballots = (
        Ballot.objects.filter(poll=poll, participation__isnull=False)
        .select_related("participation__voter", "participation__seat__organization")
        .order_by("participation__voter__full_name", "pk")
    )
    return [
        {
            "voter": str(ballot.participation.voter),
            "seat": str(ballot.participation.seat) if ballot.participation.seat_id else "",
            "choices": describe_choices(poll=poll, choices=ballot.choices),
        }
        for ballot in ballots
    ]


def poll_summary_line(*, poll: Poll) -> str:
    """Return a one-line result to prefill a decision's wording."""
    if poll_effective_status(poll) != PollStatus.CLOSED:
        return poll.question
    results = poll_results(poll=poll)
    winners = results.get("winners") or []
    if winners:
        return _("%(question)s — result of the poll: %(winners)s") % {
            "question": poll.question,
            "winners": ", ".join(winners),
        }
    return poll.question
