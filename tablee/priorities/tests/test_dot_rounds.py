"""A round may follow a dot-vote poll instead of ratings on criteria."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tablee.core.errors import InvalidInput, InvalidTransition
from tablee.decisions.models import Decision
from tablee.polls.models import Ballot, PollKind, PollStatus
from tablee.polls.tests.factories import PollFactory, option_ids
from tablee.priorities import selectors, services
from tablee.priorities.models import RoundMethod

pytestmark = pytest.mark.django_db


def _dots_poll(table, **kwargs):
    return PollFactory(table=table, kind=PollKind.DOTS, dots_per_voter=5, **kwargs)


def _round(process, coordinator, poll):
    return services.round_create(
        process=process,
        actor=coordinator,
        data=services.RoundInput(
            title="Gommettes",
            opens_at=None,
            closes_at=None,
            criteria=[],
            method=RoundMethod.DOTS,
            poll=poll,
        ),
    )


def test_dot_round_takes_the_poll_window_and_state(process, table, coordinator):
    poll = _dots_poll(table)
    round = _round(process, coordinator, poll)
    assert (round.opens_at, round.closes_at) == (poll.opens_at, poll.closes_at)
    assert selectors.round_state(round) == "open"
    assert not round.criteria.exists()
    with pytest.raises(InvalidTransition):
        services.ratings_save(round=round, actor=coordinator, scores={})


def test_only_a_dot_poll_can_be_followed(process, table, coordinator):
    with pytest.raises(InvalidInput):
        _round(process, coordinator, PollFactory(table=table, kind=PollKind.SINGLE))


def test_closed_dot_round_shows_poll_results_and_is_adopted(
    client, process, table, coordinator, member
):
    poll = _dots_poll(
        table,
        options=["Frigo", "Marché", "Jardin"],
        opens_at=timezone.now() - timedelta(days=5),
        closes_at=timezone.now() - timedelta(days=1),
        status=PollStatus.CLOSED,
    )
    frigo, marche, jardin = option_ids(poll)
    for choices in ({frigo: 3, marche: 2}, {jardin: 1, frigo: 4}):
        Ballot.objects.create(
            table=table, poll=poll, choices={str(k): v for k, v in choices.items()}
        )
    round = _round(process, coordinator, poll)
    client.force_login(member)
    url = reverse("priorities:round-results", args=[table.slug, "plan", round.pk])
    content = client.get(url).content.decode()
    assert "Frigo" in content and "Dot vote: 2 ballots" in content
    adopted = services.round_adopt(
        round=round, actor=coordinator, adoption=services.AdoptionInput(decided_on=date.today())
    )
    assert [item["title"] for item in adopted.adopted_ranking] == ["Frigo", "Marché", "Jardin"]
    assert "1. Frigo; 2. Marché; 3. Jardin" in Decision.objects.get().wording
