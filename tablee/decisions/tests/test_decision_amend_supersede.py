"""Amending and superseding: new decisions, links both ways, what stays in force."""

from datetime import date

import pytest
from django.urls import reverse

from tablee.core.errors import InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.decisions import selectors, services
from tablee.decisions.models import Modality, Outcome
from tablee.decisions.tests.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def _data(**overrides):
    values = {
        "wording": "Nouvelle formulation",
        "decided_on": date(2026, 6, 1),
        "modality": Modality.CONSENSUS,
    }
    values.update(overrides)
    return services.DecisionInput(**values)


def _status(table, decision):
    return selectors.decision_status(selectors.decision_get(table=table, decision_id=decision.pk))


def test_amending_creates_a_new_decision_and_keeps_the_original_in_force(table, coordinator):
    original = DecisionFactory(table=table, number=1)
    new = services.decision_amend(decision=original, actor=coordinator, data=_data())
    assert new.number == 2 and new.amends == original
    assert _status(table, original) == "amended"
    assert _status(table, new) == "in_force"
    assert AuditEntry.objects.filter(event=AuditEvent.DECISION_AMENDED).count() == 1
    assert AuditEntry.objects.count() == 1
    original.refresh_from_db()
    assert original.wording.startswith("Adopter")  # never edited


def test_superseding_takes_the_original_out_of_force(table, coordinator):
    original = DecisionFactory(table=table, number=1)
    new = services.decision_supersede(decision=original, actor=coordinator, data=_data())
    assert new.supersedes == original
    assert _status(table, original) == "superseded"
    assert AuditEntry.objects.filter(event=AuditEvent.DECISION_SUPERSEDED).count() == 1
    assert AuditEntry.objects.count() == 1
    in_force = selectors.decision_list(table=table, in_force=True)
    assert list(in_force) == [new]


def test_a_rejected_replacement_changes_nothing(table, coordinator):
    original = DecisionFactory(table=table, number=1)
    services.decision_supersede(
        decision=original,
        actor=coordinator,
        data=_data(modality=Modality.CONSENT, objections=2, outcome=Outcome.REJECTED),
    )
    assert _status(table, original) == "in_force"


def test_a_superseded_decision_cannot_be_superseded_again(table, coordinator):
    original = DecisionFactory(table=table, number=1)
    services.decision_supersede(decision=original, actor=coordinator, data=_data())
    with pytest.raises(InvalidTransition):
        services.decision_supersede(decision=original, actor=coordinator, data=_data())


def test_a_rejected_decision_cannot_be_amended(table, coordinator):
    rejected = DecisionFactory(table=table, number=1, outcome=Outcome.REJECTED)
    with pytest.raises(InvalidTransition):
        services.decision_amend(decision=rejected, actor=coordinator, data=_data())


def test_the_page_shows_links_both_ways(client, table, coordinator, member):
    original = DecisionFactory(table=table, number=1)
    new = services.decision_supersede(decision=original, actor=coordinator, data=_data())
    client.force_login(member)
    old_page = client.get(
        reverse("decisions:decision-detail", args=[table.slug, original.pk])
    ).content.decode()
    new_page = client.get(reverse("decisions:decision-detail", args=[table.slug, new.pk]))
    assert "Superseded by" in old_page and f"/decisions/{new.pk}/" in old_page
    assert f"/decisions/{original.pk}/" in new_page.content.decode()
    assert "Amend by a new decision" not in new_page.content.decode()  # members only read


def test_the_amend_page_records_through_the_form(client, table, coordinator):
    original = DecisionFactory(table=table, number=1)
    client.force_login(coordinator)
    response = client.post(
        reverse("decisions:decision-amend", args=[table.slug, original.pk]),
        {
            "wording": "Texte corrigé",
            "decided_on": "2026-06-02",
            "modality": "consensus",
            "outcome": "adopted",
        },
    )
    assert response.status_code == 302
    assert original.amended_by.get().wording == "Texte corrigé"


def test_a_superseded_decision_has_no_amend_page(client, table, coordinator):
    original = DecisionFactory(table=table, number=1)
    services.decision_supersede(decision=original, actor=coordinator, data=_data())
    client.force_login(coordinator)
    response = client.get(reverse("decisions:decision-amend", args=[table.slug, original.pk]))
    assert response.status_code == 403
