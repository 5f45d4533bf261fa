"""Prioritisation rounds: window, ratings, results and adoption."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry
from tablee.decisions.models import Decision
from tablee.priorities import selectors, services
from tablee.priorities.audit_events import Event
from tablee.priorities.models import Candidate, PriorityRound, Rating, RoundCriterion
from tablee.priorities.tests.factories import (
    CandidateFactory,
    PlanActionFactory,
    PriorityRoundFactory,
    ProcessFactory,
    RatingFactory,
)
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _url(name, round, *args):
    return reverse(
        f"priorities:{name}",
        args=[round.table.slug, round.process.slug, round.pk, *args],
    )


def _input(**kwargs):
    now = timezone.now()
    values = {
        "title": "Priorités 2026",
        "opens_at": now,
        "closes_at": now + timedelta(days=7),
        "criteria": ["Impact attendu", "Urgence"],
    }
    values.update(kwargs)
    return services.RoundInput(**values)


def _members(table, count):
    return [MembershipFactory(table=table, role=Role.MEMBER).user for _ in range(count)]


def test_create_round_with_criteria_is_audited(process, coordinator):
    round = services.round_create(process=process, actor=coordinator, data=_input())
    assert list(round.criteria.values_list("label", flat=True)) == ["Impact attendu", "Urgence"]
    assert AuditEntry.objects.get().event == Event.PRIORITY_ROUND_CREATED


def test_closing_before_opening_is_refused(process, coordinator):
    now = timezone.now()
    with pytest.raises(InvalidInput) as caught:
        services.round_create(
            process=process, actor=coordinator, data=_input(opens_at=now, closes_at=now)
        )
    assert "closes_at" in caught.value.extra["fields"]
    assert not PriorityRound.objects.exists()


def test_a_round_needs_criteria(process, coordinator):
    with pytest.raises(InvalidInput):
        services.round_create(process=process, actor=coordinator, data=_input(criteria=["", " "]))


def test_create_page_prefills_the_default_criteria(client, process, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("priorities:round-create", args=[process.table.slug, "plan"]))
    content = response.content.decode()
    for label in ("Expected impact", "Feasibility", "Urgency", "Capacity to act"):
        assert label in content


def test_create_page_in_french_prefills_french_criteria(client, process, coordinator, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    client.force_login(coordinator)
    response = client.get(reverse("priorities:round-create", args=[process.table.slug, "plan"]))
    assert "Impact attendu" in response.content.decode()


def test_create_page_refuses_backwards_window(client, process, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("priorities:round-create", args=[process.table.slug, "plan"]),
        {
            "title": "Essai",
            "method": "ratings",
            "opens_at": "2026-05-10T10:00",
            "closes_at": "2026-05-01T10:00",
            "criteria": "Urgence",
        },
    )
    assert response.status_code == 400
    assert "The closing must come after the opening." in response.content.decode()
    assert not PriorityRound.objects.exists()


def test_criteria_freeze_once_someone_rated(process, coordinator, member):
    round = PriorityRoundFactory(process=process)
    candidate = CandidateFactory(round=round)
    services.ratings_save(
        round=round,
        actor=member,
        scores={(candidate.pk, round.criteria.first().pk): 4},
    )
    with pytest.raises(InvalidInput, match="can no longer change"):
        services.round_update(
            round=round,
            actor=coordinator,
            data=_input(title=round.title, criteria=["Autre"]),
            revision=0,
        )
    # The window may still move.
    later = round.closes_at + timedelta(days=3)
    updated = services.round_update(
        round=round,
        actor=coordinator,
        data=_input(
            title="Renommé",
            opens_at=round.opens_at,
            closes_at=later,
            criteria=list(round.criteria.values_list("label", flat=True)),
        ),
        revision=0,
    )
    assert updated.title == "Renommé" and updated.closes_at == later


def test_stale_round_edit_is_refused(process, coordinator):
    round = PriorityRoundFactory(process=process, revision=2)
    with pytest.raises(Conflict):
        services.round_update(round=round, actor=coordinator, data=_input(), revision=1)


def test_candidate_linked_to_a_plan_action_takes_its_title(process, coordinator):
    round = PriorityRoundFactory(process=process)
    action = PlanActionFactory(process=process, objective__process=process, title="Frigo")
    candidate = services.candidate_add(
        round=round, actor=coordinator, data=services.CandidateInput(title="", plan_action=action)
    )
    assert candidate.title == "Frigo" and candidate.plan_action == action


def test_candidate_of_another_process_plan_is_refused(process, coordinator):
    round = PriorityRoundFactory(process=process)
    other = ProcessFactory(table=process.table)
    action = PlanActionFactory(objective__process=other)
    with pytest.raises(InvalidInput):
        services.candidate_add(
            round=round,
            actor=coordinator,
            data=services.CandidateInput(title="x", plan_action=action),
        )


def test_rated_candidate_cannot_be_removed(process, coordinator):
    round = PriorityRoundFactory(process=process)
    rated = RatingFactory(candidate=CandidateFactory(round=round)).candidate
    with pytest.raises(InvalidTransition):
        services.candidate_remove(candidate=rated, actor=coordinator)
    fresh = CandidateFactory(round=round)
    services.candidate_remove(candidate=fresh, actor=coordinator)
    assert list(Candidate.objects.values_list("pk", flat=True)) == [rated.pk]


def test_candidates_freeze_at_closing(process, coordinator):
    round = PriorityRoundFactory(process=process, closed=True)
    with pytest.raises(InvalidTransition):
        services.candidate_add(
            round=round, actor=coordinator, data=services.CandidateInput(title="Trop tard")
        )


# --- ratings and the window -------------------------------------------------


def _cells(round):
    candidate = CandidateFactory(round=round)
    criteria = list(round.criteria.all())
    return candidate, criteria


def test_member_rates_and_changes_own_ratings_until_closing(process, member):
    round = PriorityRoundFactory(process=process)
    candidate, (c1, c2, c3) = _cells(round)
    total = services.ratings_save(
        round=round, actor=member, scores={(candidate.pk, c1.pk): 2, (candidate.pk, c2.pk): 5}
    )
    assert total == 2
    total = services.ratings_save(
        round=round,
        actor=member,
        scores={(candidate.pk, c1.pk): 4, (candidate.pk, c2.pk): None, (candidate.pk, c3.pk): 1},
    )
    assert total == 2
    assert dict(Rating.objects.values_list("criterion_id", "score")) == {c1.pk: 4, c3.pk: 1}
    events = list(AuditEntry.objects.order_by("pk").values_list("event", "changes"))
    assert [e for e, _c in events] == [Event.PRIORITY_RATINGS_SAVED] * 2
    # The audit log counts ratings, never their values.
    assert events[1][1]["new"] == {"added": 1, "changed": 1, "cleared": 1, "total": 2}


@pytest.mark.parametrize("score", [0, 6, -1, 10])
def test_a_rating_outside_one_to_five_is_refused(process, member, score):
    round = PriorityRoundFactory(process=process)
    candidate, (c1, c2, _c3) = _cells(round)
    with pytest.raises(InvalidInput):
        services.ratings_save(
            round=round,
            actor=member,
            scores={(candidate.pk, c1.pk): 3, (candidate.pk, c2.pk): score},
        )
    assert not Rating.objects.exists()  # all or nothing


def test_rating_before_opening_or_after_closing_is_refused(process, member):
    for trait in ("scheduled", "closed"):
        round = PriorityRoundFactory(process=process, **{trait: True})
        candidate, (c1, *_rest) = _cells(round)
        with pytest.raises(InvalidTransition):
            services.ratings_save(round=round, actor=member, scores={(candidate.pk, c1.pk): 3})
    assert not Rating.objects.exists()


def test_window_is_enforced_at_the_exact_closing_time(process, member):
    round = PriorityRoundFactory(process=process)
    candidate, (c1, *_rest) = _cells(round)
    with pytest.raises(InvalidTransition):
        services.ratings_save(
            round=round, actor=member, scores={(candidate.pk, c1.pk): 3}, now=round.closes_at
        )
    services.ratings_save(
        round=round,
        actor=member,
        scores={(candidate.pk, c1.pk): 3},
        now=round.closes_at - timedelta(seconds=1),
    )


def test_a_rating_of_another_round_is_refused(process, member):
    round = PriorityRoundFactory(process=process)
    other = PriorityRoundFactory(process=process)
    candidate, _criteria = _cells(other)
    with pytest.raises(InvalidInput):
        services.ratings_save(
            round=round,
            actor=member,
            scores={(candidate.pk, round.criteria.first().pk): 3},
        )


def test_rating_page_saves_and_refuses_out_of_scale(client, process, member):
    round = PriorityRoundFactory(process=process)
    candidate, (c1, c2, _c3) = _cells(round)
    client.force_login(member)
    key = f"r-{candidate.pk}-"
    response = client.post(_url("round-rate", round), {key + str(c1.pk): "6"})
    assert response.status_code == 400
    assert "Each rating is a whole number from 1 to 5." in response.content.decode()
    assert not Rating.objects.exists()
    response = client.post(
        _url("round-rate", round), {key + str(c1.pk): "5", key + str(c2.pk): "2"}
    )
    assert response.status_code == 302
    assert Rating.objects.filter(rater=member).count() == 2
    page = client.get(_url("round-rate", round)).content.decode()
    assert f'name="{key}{c1.pk}" value="5"' in page and "checked" in page


def test_observer_cannot_rate_and_closed_round_cannot_be_rated(client, process, observer, member):
    round = PriorityRoundFactory(process=process)
    client.force_login(observer)
    assert client.get(_url("round-rate", round)).status_code == 403
    closed = PriorityRoundFactory(process=process, closed=True)
    client.force_login(member)
    assert client.get(_url("round-rate", closed)).status_code == 403


# --- results -----------------------------------------------------------------


def _rate(round, people, table):
    """Known ratings: A is liked by all; B splits the group on the first criterion."""
    a = CandidateFactory(round=round, title="Frigo communautaire")
    b = CandidateFactory(round=round, title="Marché mobile")
    c1, c2, _c3 = round.criteria.all()
    splits = [1, 5, 1, 5]
    for index, person in enumerate(people):
        RatingFactory(candidate=a, criterion=c1, rater=person, score=5)
        RatingFactory(candidate=a, criterion=c2, rater=person, score=4)
        RatingFactory(candidate=b, criterion=c1, rater=person, score=splits[index])
        RatingFactory(candidate=b, criterion=c2, rater=person, score=3)
    return a, b


def test_results_means_spread_and_ranking(process, table):
    round = PriorityRoundFactory(process=process, closed=True)
    people = _members(table, 4)
    _rate(round, people, table)
    fresh = selectors.round_get(process=process, round_id=round.pk)
    results = selectors.round_results(round=fresh)
    assert results.raters == 4
    first, second = results.candidates
    assert (first.title, first.rank, first.overall) == ("Frigo communautaire", 1, 4.5)
    assert (second.title, second.rank, second.overall) == ("Marché mobile", 2, 3.0)
    split = second.cells[0]
    assert (split.mean, split.sd, split.low, split.high, split.raters) == (3.0, 2.0, 1, 5, 4)
    assert split.disagreement
    assert [cell.label for cell in second.disagreements] == ["Impact attendu"]
    assert not first.disagreements
    # The third criterion nobody rated: no mean, never zero.
    assert first.cells[2].mean is None and first.cells[2].raters == 0


def test_results_page_shows_aggregates_and_no_names(client, process, table, member):
    round = PriorityRoundFactory(process=process, closed=True)
    people = _members(table, 4)
    _rate(round, people, table)
    client.force_login(member)
    response = client.get(_url("round-results", round))
    content = response.content.decode()
    assert "Members disagree on Impact attendu: spread 2.0, ratings from 1 to 5." in content
    assert "Frigo communautaire" in content and "4.50" in content
    for person in people:
        assert person.display_name not in content
        assert person.email not in content


def test_members_see_no_results_during_the_window(client, process, table, member, coordinator):
    round = PriorityRoundFactory(process=process)
    _rate(round, _members(table, 4), table)
    client.force_login(member)
    response = client.get(_url("round-results", round))
    assert response.status_code == 200
    assert response.context.get("results") is None and response.context.get("progress") is None
    assert "4.50" not in response.content.decode()
    client.force_login(coordinator)
    response = client.get(_url("round-results", round))
    progress = response.context["progress"]
    assert progress["raters"] == 4
    assert [row["raters"] for row in progress["candidates"]] == [4, 4]
    assert response.context.get("results") is None


# --- adoption ----------------------------------------------------------------


def _adoption():
    return services.AdoptionInput(decided_on=date(2026, 4, 1))


def test_adopting_the_ranked_list_records_a_decision_and_freezes(process, table, coordinator):
    round = PriorityRoundFactory(process=process, closed=True)
    people = _members(table, 4)
    a, _b = _rate(round, people, table)
    adopted = services.round_adopt(round=round, actor=coordinator, adoption=_adoption())
    decision = Decision.objects.get()
    assert adopted.decision == decision
    assert "1. Frigo communautaire; 2. Marché mobile" in decision.wording
    assert [item["title"] for item in adopted.adopted_ranking] == [
        "Frigo communautaire",
        "Marché mobile",
    ]
    assert AuditEntry.objects.filter(event=Event.PRIORITY_ROUND_ADOPTED).count() == 1
    with pytest.raises(InvalidTransition, match="adopted"):
        services.round_update(round=round, actor=coordinator, data=_input(), revision=None)
    with pytest.raises(InvalidTransition):
        services.candidate_remove(candidate=a, actor=coordinator)
    with pytest.raises(InvalidTransition):
        services.round_adopt(round=round, actor=coordinator, adoption=_adoption())
    assert selectors.round_state(PriorityRound.objects.get(pk=round.pk)) == "adopted"


def test_an_open_round_cannot_be_adopted(process, coordinator):
    round = PriorityRoundFactory(process=process)
    with pytest.raises(InvalidTransition):
        services.round_adopt(round=round, actor=coordinator, adoption=_adoption())
    assert not Decision.objects.exists()


def test_a_round_nobody_rated_cannot_be_adopted(process, coordinator):
    round = PriorityRoundFactory(process=process, closed=True)
    CandidateFactory(round=round)
    with pytest.raises(InvalidTransition):
        services.round_adopt(round=round, actor=coordinator, adoption=_adoption())


def test_adopt_page(client, process, table, coordinator):
    round = PriorityRoundFactory(process=process, closed=True)
    _rate(round, _members(table, 2), table)
    client.force_login(coordinator)
    response = client.post(
        _url("round-adopt", round), {"decided_on": "2026-04-01", "modality": "consensus"}
    )
    assert response.status_code == 302
    round.refresh_from_db()
    assert round.decision is not None
    # Frozen: no more editing nor adopting.
    assert client.get(_url("round-edit", round)).status_code == 403
    assert client.get(_url("round-adopt", round)).status_code == 403


def test_criteria_rows_follow_the_form_lines(client, process, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("priorities:round-create", args=[process.table.slug, "plan"]),
        {
            "title": "Essai",
            "method": "ratings",
            "opens_at": "2026-05-01T10:00",
            "closes_at": "2026-05-10T10:00",
            "criteria": "Urgence\n\nCoût\nUrgence",
        },
    )
    assert response.status_code == 302
    assert list(RoundCriterion.objects.values_list("label", flat=True)) == ["Urgence", "Coût"]


def test_adopted_list_is_listed_among_the_prioritisation_stage_deliverables(
    process, table, coordinator
):
    from tablee.processes.models import Stage, StageKind

    stage = Stage.objects.create(table=table, process=process, kind=StageKind.PRIORITISATION)
    round = PriorityRoundFactory(process=process, closed=True)
    _rate(round, _members(table, 2), table)
    adopted = services.round_adopt(round=round, actor=coordinator, adoption=_adoption())
    assert list(stage.decisions.all()) == [adopted.decision]
