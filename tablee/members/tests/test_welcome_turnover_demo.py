"""Welcome page, turnover, profile consent and the demo."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tablee.charters.models import CharterVersion
from tablee.core.models import AuditEntry, AuditEvent
from tablee.members.models import ContactCard, Seat, SeatHolding
from tablee.members.selectors import coverage
from tablee.members.tests.factories import SeatHoldingFactory

pytestmark = pytest.mark.django_db


def test_welcome_shows_description_charter_and_people(client, table, member):
    table.description = "Une table pour agir ensemble sur le quartier."
    table.save()
    CharterVersion.objects.create(
        table=table, number=2, status="adopted", table_roles=["networking"]
    )
    SeatHoldingFactory(seat__table=table, person__full_name="Hélène Siège")
    client.force_login(member)
    text = client.get(f"/t/{table.slug}/welcome/").content.decode()
    assert "agir ensemble" in text and "version 2" in text
    assert "Networking and communication" in text and "Hélène Siège" in text
    assert "will appear here" in text


def test_turnover_counts_arrivals_and_departures(client, table, coordinator):
    today = timezone.localdate()
    SeatHoldingFactory(seat__table=table, started_on=today - timedelta(days=40))
    SeatHoldingFactory(
        seat__table=table,
        started_on=today - timedelta(days=800),
        ended_on=today - timedelta(days=5),
    )
    client.force_login(coordinator)
    response = client.get(f"/t/{table.slug}/turnover/")
    t = response.context["t"]
    assert t["totals"]["seat_arrivals"] == 1 and t["totals"]["seat_departures"] == 1
    assert len(t["months"]) == 12


def test_profile_saves_consent_with_one_audit_entry(client, member):
    client.force_login(member)
    AuditEntry.objects.all().delete()
    response = client.post(
        "/profile/",
        {
            "full_name": "Sophie Gagnon",
            "language": "fr-ca",
            "phone": "418 555-0199",
            "job_title": "Organisatrice",
            "directory_consent": "on",
        },
    )
    assert response.status_code == 302
    card = ContactCard.objects.get(person=member)
    assert card.directory_consent and card.phone == "418 555-0199"
    assert list(AuditEntry.objects.values_list("event", flat=True)) == [
        AuditEvent.USER_PROFILE_UPDATED
    ]


def test_demo_builds_seats_with_gaps_and_is_idempotent():
    from tablee.core.demo import load_demo

    load_demo()
    seats = Seat.objects.filter(table__slug="quartier-demo")
    count = seats.count()
    assert 22 <= count <= 26
    assert SeatHolding.objects.filter(ended_on__isnull=False).exists()
    table = seats.first().table
    data = coverage(table=table)
    assert data["no_lived_experience"]
    assert len(data["without_representative"]) >= 2
    assert data["past_mandate"]
    load_demo()
    assert seats.count() == count
