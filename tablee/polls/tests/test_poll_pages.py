"""Poll pages and API: voting, results hidden until closing, secrecy, observers, queries."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tablee.core.models import AuditEntry
from tablee.polls import services
from tablee.polls.models import Ballot, Poll, PollKind, PollStatus
from tablee.polls.tests.factories import PollFactory, option_ids
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _detail(table, poll):
    return reverse("polls:poll-detail", args=[table.slug, poll.pk])


def _vote(table, poll):
    return reverse("polls:poll-vote", args=[table.slug, poll.pk])


def _voters(table, count):
    return [MembershipFactory(table=table, role=Role.MEMBER).user for _ in range(count)]


def test_a_member_votes_through_the_page(client, table, member):
    poll = PollFactory(table=table)
    client.force_login(member)
    response = client.post(_vote(table, poll), {"choice": option_ids(poll)[1]})
    assert response.status_code == 302
    assert Ballot.objects.get().choices == [option_ids(poll)[1]]
    page = client.get(_detail(table, poll)).content.decode()
    assert "You have voted in this poll" in page


def test_voting_with_htmx_returns_the_vote_panel(client, table, member):
    poll = PollFactory(table=table)
    client.force_login(member)
    response = client.post(
        _vote(table, poll), {"choice": option_ids(poll)[0]}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.strip().startswith('<section id="vote-panel"')
    assert "Your vote was recorded" in body


def test_a_second_vote_is_refused_with_htmx_422(client, table, member):
    poll = PollFactory(table=table)
    services.poll_cast_ballot(poll=poll, voter=member, choices=[option_ids(poll)[0]])
    client.force_login(member)
    response = client.post(
        _vote(table, poll), {"choice": option_ids(poll)[0]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 422
    assert "already voted" in response.content.decode()
    assert Ballot.objects.count() == 1


def test_ranked_ballot_through_the_form(client, table, member):
    poll = PollFactory(table=table, kind=PollKind.RANKED)
    a, b, c = option_ids(poll)
    client.force_login(member)
    client.post(_vote(table, poll), {f"option_{a}": "2", f"option_{c}": "1", f"option_{b}": ""})
    assert Ballot.objects.get().choices == [c, a]


def test_ranked_form_refuses_a_repeated_rank(client, table, member):
    poll = PollFactory(table=table, kind=PollKind.RANKED)
    a, b, _c = option_ids(poll)
    client.force_login(member)
    response = client.post(_vote(table, poll), {f"option_{a}": "1", f"option_{b}": "1"})
    assert response.status_code == 422
    assert not Ballot.objects.exists()


def test_observers_cannot_vote(client, bearer, table, observer):
    poll = PollFactory(table=table)
    client.force_login(observer)
    assert client.post(_vote(table, poll), {"choice": option_ids(poll)[0]}).status_code == 403
    response = client.post(
        f"/api/v1/tables/{table.slug}/polls/{poll.pk}/ballot",
        {"choices": [option_ids(poll)[0]]},
        content_type="application/json",
        headers=bearer(observer),
    )
    assert response.status_code == 403
    assert not Ballot.objects.exists()
    assert "Cast my vote" not in client.get(_detail(table, poll)).content.decode()


def test_a_closed_poll_refuses_ballots_on_the_page_and_the_api(client, bearer, table, member):
    poll = PollFactory(table=table, status=PollStatus.CLOSED, closed_at=timezone.now())
    client.force_login(member)
    assert client.post(_vote(table, poll), {"choice": option_ids(poll)[0]}).status_code == 403
    response = client.post(
        f"/api/v1/tables/{table.slug}/polls/{poll.pk}/ballot",
        {"choices": [option_ids(poll)[0]]},
        content_type="application/json",
        headers=bearer(member),
    )
    assert response.status_code == 403
    assert not Ballot.objects.exists()


def test_the_api_casts_a_ballot_once(client, bearer, table, member):
    poll = PollFactory(table=table, kind=PollKind.DOTS, dots_per_voter=4)
    a, b, _c = option_ids(poll)
    url = f"/api/v1/tables/{table.slug}/polls/{poll.pk}/ballot"
    headers = bearer(member)
    payload = {"choices": {str(a): 3, str(b): 1}}
    first = client.post(url, payload, content_type="application/json", headers=headers)
    second = client.post(url, payload, content_type="application/json", headers=headers)
    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["code"] == "ballot_already_cast"


def test_results_are_hidden_until_closing_showing_only_turnout(client, bearer, table, member):
    poll = PollFactory(table=table, options=["Logement social", "Parc urbain"])
    voters = _voters(table, 3)
    for voter in voters:
        services.poll_cast_ballot(poll=poll, voter=voter, choices=[option_ids(poll)[0]])
    client.force_login(member)
    page = client.get(_detail(table, poll)).content.decode()
    assert "stay hidden until the poll closes" in page
    assert "Turnout: 3 of" in page
    assert "Votes per option" not in page
    body = client.get(
        f"/api/v1/tables/{table.slug}/polls/{poll.pk}", headers=bearer(member)
    ).json()
    assert body["results"] is None and body["results_visible"] is False
    assert body["turnout"] == 3
    assert body["named_ballots"] == []


def test_results_show_once_the_closing_time_has_passed(client, bearer, table, member):
    poll = PollFactory(table=table)
    services.poll_cast_ballot(poll=poll, voter=member, choices=[option_ids(poll)[0]])
    type(poll).objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    client.force_login(member)
    page = client.get(_detail(table, poll)).content.decode()
    assert "Votes per option" in page
    body = client.get(
        f"/api/v1/tables/{table.slug}/polls/{poll.pk}", headers=bearer(member)
    ).json()
    assert body["status"] == "closed"
    assert body["results"]["rows"][0]["count"] == 1


def test_visible_results_of_an_open_ballot_name_voters_to_members_only(
    client, table, member, observer
):
    poll = PollFactory(table=table, hide_results_until_closed=False)
    services.poll_cast_ballot(poll=poll, voter=member, choices=[option_ids(poll)[2]])
    client.force_login(member)
    assert "Who chose what" in client.get(_detail(table, poll)).content.decode()
    client.force_login(observer)
    page = client.get(_detail(table, poll)).content.decode()
    assert "Votes per option" in page and "Who chose what" not in page


def test_a_secret_ballot_reveals_nobody(client, bearer, table, coordinator, member):
    member.full_name = "Sophie Gagnon"
    member.save()
    poll = PollFactory(
        table=table,
        is_secret=True,
        hide_results_until_closed=False,
        kind=PollKind.APPROVAL,
        options=["Option Alpha", "Option Beta", "Option Gamma"],
    )
    a, b, _c = option_ids(poll)
    services.poll_cast_ballot(poll=poll, voter=member, choices=[a, b])
    ballot = Ballot.objects.get()
    assert ballot.participation_id is None
    assert ballot.created_at == poll.opens_at and ballot.updated_at == poll.opens_at
    audit = AuditEntry.objects.get()
    assert str(a) not in json.dumps(audit.changes) and "Alpha" not in json.dumps(audit.changes)
    assert audit.target_type == "polls.participation"
    for user in (coordinator, member):
        client.force_login(user)
        page = client.get(_detail(table, poll)).content.decode()
        assert "Who chose what" not in page
        api = client.get(
            f"/api/v1/tables/{table.slug}/polls/{poll.pk}", headers=bearer(user)
        ).json()
        assert api["named_ballots"] == []
        assert "Sophie" not in json.dumps(api["results"])
    # The coordination's activity log shows that she voted, never what she chose.
    client.force_login(coordinator)
    log = client.get(reverse("tables:audit-log", args=[table.slug])).content.decode()
    assert "Option Alpha" not in log


@pytest.mark.parametrize("count", [5, 60])
def test_poll_page_queries_do_not_grow_with_ballots(
    client, table, member, django_assert_max_num_queries, count
):
    poll = PollFactory(table=table, kind=PollKind.RANKED, hide_results_until_closed=False)
    ids = option_ids(poll)
    for index, voter in enumerate(_voters(table, count)):
        services.poll_cast_ballot(poll=poll, voter=voter, choices=ids[index % 3 :] + ids[:0])
    client.force_login(member)
    with django_assert_max_num_queries(16):
        response = client.get(_detail(table, poll))
    assert response.status_code == 200
    assert "Round 1" in response.content.decode()


@pytest.mark.parametrize("count", [5, 60])
def test_open_ballot_named_list_queries_are_constant(
    client, table, member, django_assert_max_num_queries, count
):
    poll = PollFactory(table=table, hide_results_until_closed=False)
    for voter in _voters(table, count):
        services.poll_cast_ballot(poll=poll, voter=voter, choices=[option_ids(poll)[0]])
    client.force_login(member)
    with django_assert_max_num_queries(16):
        response = client.get(_detail(table, poll))
    assert "Who chose what" in response.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_poll_list_queries_are_constant(
    client, table, coordinator, member, django_assert_max_num_queries, count
):
    for _ in range(count):
        PollFactory(table=table, created_by=coordinator)
    client.force_login(member)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("polls:poll-list", args=[table.slug]))
    assert response.status_code == 200


def test_poll_list_htmx_fragment(client, table, member):
    PollFactory(table=table, question="Question visible")
    client.force_login(member)
    fragment = client.get(
        reverse("polls:poll-list", args=[table.slug]), {"status": "open"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert fragment.strip().startswith('<div id="poll-results"')
    assert "Question visible" in fragment


def test_create_open_and_close_through_the_pages(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("polls:poll-create", args=[table.slug]),
        {
            "question": "Où tenir la prochaine assemblée?",
            "kind": "single",
            "options": "Bibliothèque\nCentre communautaire",
            "voter_unit": "person",
            "hide_results_until_closed": "on",
            "opens_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    poll = Poll.objects.get()
    open_url = reverse("polls:poll-open", args=[table.slug, poll.pk])
    assert "Yes, open the poll" in client.get(open_url).content.decode()
    assert client.post(open_url).status_code == 302
    close_url = reverse("polls:poll-close", args=[table.slug, poll.pk])
    assert client.post(close_url).status_code == 302
    poll.refresh_from_db()
    assert poll.status == PollStatus.CLOSED
    page = client.get(_detail(table, poll)).content.decode()
    assert f"/decisions/new/?poll={poll.pk}" in page
    prefill = client.get(
        reverse("decisions:decision-create", args=[table.slug]), {"poll": poll.pk}
    )
    assert "Où tenir la prochaine assemblée" in prefill.content.decode()
