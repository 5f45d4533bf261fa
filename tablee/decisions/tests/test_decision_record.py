"""Recording a decision: the rules of each modality, numbering, the page and the API."""

from datetime import date

import pytest
from django.urls import reverse

from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEntry, AuditEvent
from tablee.decisions import services
from tablee.decisions.models import Decision, Modality, Outcome

pytestmark = pytest.mark.django_db


def _data(**overrides):
    values = {
        "wording": "Adopter le calendrier des rencontres",
        "decided_on": date(2026, 3, 12),
        "modality": Modality.CONSENSUS,
    }
    values.update(overrides)
    return services.DecisionInput(**values)


def test_recording_numbers_decisions_in_sequence_and_audits_once(table, coordinator):
    first = services.decision_record(table=table, actor=coordinator, data=_data())
    second = services.decision_record(table=table, actor=coordinator, data=_data())
    assert (first.number, second.number) == (1, 2)
    entries = AuditEntry.objects.filter(event=AuditEvent.DECISION_RECORDED, target_id=second.pk)
    assert entries.count() == 1
    assert AuditEntry.objects.count() == 2


def test_numbering_is_per_table(table, other_table, coordinator, other_coordinator):
    services.decision_record(table=table, actor=coordinator, data=_data())
    other = services.decision_record(table=other_table, actor=other_coordinator, data=_data())
    assert other.number == 1


def test_consensus_drops_counts(table, coordinator):
    decision = services.decision_record(
        table=table, actor=coordinator, data=_data(votes_for=3, objections=2)
    )
    assert decision.votes_for is None and decision.objections is None


def test_consent_with_an_objection_cannot_be_adopted(table, coordinator):
    with pytest.raises(InvalidInput) as error:
        services.decision_record(
            table=table, actor=coordinator, data=_data(modality=Modality.CONSENT, objections=1)
        )
    assert "outcome" in error.value.extra["fields"]
    assert not Decision.objects.exists()
    assert not AuditEntry.objects.exists()


def test_consent_needs_the_objection_count(table, coordinator):
    with pytest.raises(InvalidInput):
        services.decision_record(
            table=table, actor=coordinator, data=_data(modality=Modality.CONSENT)
        )


@pytest.mark.parametrize(
    ("votes_for", "votes_against", "threshold", "reached"),
    [
        (6, 4, 50, True),
        (5, 5, 50, False),  # exactly half is not more than half
        (0, 0, 50, False),
        (2, 1, 66, True),  # two thirds is more than 66 %
        (2, 1, 67, False),
    ],
)
def test_majority_outcome_follows_the_counts(
    table, coordinator, votes_for, votes_against, threshold, reached
):
    common = {
        "modality": Modality.MAJORITY,
        "votes_for": votes_for,
        "votes_against": votes_against,
        "abstentions": 3,
        "threshold_percent": threshold,
    }
    if reached:
        decision = services.decision_record(
            table=table, actor=coordinator, data=_data(outcome=Outcome.ADOPTED, **common)
        )
        assert decision.threshold_percent == threshold
        with pytest.raises(InvalidInput):
            services.decision_record(
                table=table, actor=coordinator, data=_data(outcome=Outcome.REJECTED, **common)
            )
    else:
        with pytest.raises(InvalidInput):
            services.decision_record(
                table=table, actor=coordinator, data=_data(outcome=Outcome.ADOPTED, **common)
            )
        decision = services.decision_record(
            table=table, actor=coordinator, data=_data(outcome=Outcome.REJECTED, **common)
        )
        assert decision.outcome == Outcome.REJECTED


def test_majority_defaults_to_more_than_half(table, coordinator):
    decision = services.decision_record(
        table=table,
        actor=coordinator,
        data=_data(modality=Modality.MAJORITY, votes_for=7, votes_against=2, abstentions=1),
    )
    assert decision.threshold_percent == 50


def test_abstentions_are_not_votes_cast(table, coordinator):
    decision = services.decision_record(
        table=table,
        actor=coordinator,
        data=_data(modality=Modality.MAJORITY, votes_for=3, votes_against=2, abstentions=10),
    )
    assert decision.outcome == Outcome.ADOPTED


def test_agreement_scale_block_prevents_adoption(table, coordinator):
    with pytest.raises(InvalidInput):
        services.decision_record(
            table=table,
            actor=coordinator,
            data=_data(modality=Modality.AGREEMENT_SCALE, agreement_counts=[9, 2, 1, 0, 1]),
        )
    decision = services.decision_record(
        table=table,
        actor=coordinator,
        data=_data(modality=Modality.AGREEMENT_SCALE, agreement_counts=[4, 3, 2, 5, 0]),
    )
    assert decision.agreement_counts == [4, 3, 2, 5, 0]


def test_agreement_scale_needs_five_counts(table, coordinator):
    with pytest.raises(InvalidInput):
        services.decision_record(
            table=table,
            actor=coordinator,
            data=_data(modality=Modality.AGREEMENT_SCALE, agreement_counts=[1, 2]),
        )


def test_deferring_is_always_possible(table, coordinator):
    decision = services.decision_record(
        table=table,
        actor=coordinator,
        data=_data(modality=Modality.CONSENT, objections=2, outcome=Outcome.DEFERRED),
    )
    assert decision.outcome == Outcome.DEFERRED


def test_named_reservations_need_name_and_text(table, coordinator):
    with pytest.raises(InvalidInput):
        services.decision_record(
            table=table, actor=coordinator, data=_data(reservations=[{"name": "Anne"}])
        )


def test_the_form_records_a_majority_vote(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("decisions:decision-create", args=[table.slug]),
        {
            "wording": "Appuyer la demande de financement",
            "decided_on": "2026-04-02",
            "modality": "majority",
            "outcome": "adopted",
            "votes_for": 8,
            "votes_against": 2,
            "abstentions": 1,
            "threshold_percent": 50,
            "reservations": "Julie Boucher: souhaite un bilan à six mois",
        },
    )
    decision = Decision.objects.get()
    assert response.status_code == 302
    assert decision.reservations == [
        {"name": "Julie Boucher", "text": "souhaite un bilan à six mois"}
    ]


def test_the_form_refuses_adoption_below_the_threshold_and_changes_nothing(
    client, table, coordinator
):
    client.force_login(coordinator)
    response = client.post(
        reverse("decisions:decision-create", args=[table.slug]),
        {
            "wording": "Appuyer la demande",
            "decided_on": "2026-04-02",
            "modality": "majority",
            "outcome": "adopted",
            "votes_for": 2,
            "votes_against": 2,
            "abstentions": 0,
        },
    )
    assert response.status_code == 200
    assert "do not reach the rule" in response.content.decode()
    assert not Decision.objects.exists()


def test_the_form_prefills_from_a_meeting_item(client, table, coordinator):
    from tablee.meetings.models import AgendaItem, Meeting

    meeting = Meeting.objects.create(table=table, title="Rencontre de mars")
    item = AgendaItem.objects.create(
        table=table, meeting=meeting, title="Plan d'action 2026", kind="decision"
    )
    client.force_login(coordinator)
    response = client.get(
        reverse("decisions:decision-create", args=[table.slug]),
        {"meeting": meeting.pk, "item": item.pk},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f'<option value="{item.pk}" selected>' in body
    assert "Plan d&#x27;action 2026" in body


def test_the_api_records_a_decision(client, bearer, table, coordinator):
    response = client.post(
        f"/api/v1/tables/{table.slug}/decisions",
        {
            "wording": "Adopter le budget",
            "decided_on": "2026-05-01",
            "modality": "consent",
            "objections": 0,
        },
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 201, response.content
    assert response.json()["number"] == 1
    assert response.json()["status"] == "in_force"
    assert AuditEntry.objects.filter(event=AuditEvent.DECISION_RECORDED).count() == 1


def test_the_api_refuses_adoption_against_the_counts(client, bearer, table, coordinator):
    response = client.post(
        f"/api/v1/tables/{table.slug}/decisions",
        {
            "wording": "Adopter le budget",
            "decided_on": "2026-05-01",
            "modality": "majority",
            "votes_for": 1,
            "votes_against": 4,
            "abstentions": 0,
        },
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_input"
    assert not Decision.objects.exists()


def test_members_cannot_record_through_the_api(client, bearer, table, member):
    response = client.post(
        f"/api/v1/tables/{table.slug}/decisions",
        {"wording": "x", "decided_on": "2026-05-01", "modality": "consensus"},
        content_type="application/json",
        headers=bearer(member),
    )
    assert response.status_code == 403
