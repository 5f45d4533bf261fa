"""Seat pages: list (search, HTMX, constant queries), create, edit conflict, handover."""

import pytest

from tablee.accounts.tests.factories import UserFactory
from tablee.members.models import Seat, SeatHolding
from tablee.members.tests.factories import OrganizationFactory, SeatFactory, SeatHoldingFactory

pytestmark = pytest.mark.django_db


def _seats(table, n):
    for _i in range(n):
        holding = SeatHoldingFactory(seat__table=table)
        SeatHoldingFactory(seat=holding.seat, position="alternate")


@pytest.mark.parametrize("count", [3, 30])
def test_seat_list_queries_stay_flat(client, table, member, django_assert_max_num_queries, count):
    _seats(table, count)
    client.force_login(member)
    # session, user, roles, table, count, seats, current holders (+ savepoints margin)
    with django_assert_max_num_queries(10):
        response = client.get(f"/t/{table.slug}/seats/")
    assert response.status_code == 200


def test_seat_list_htmx_returns_the_fragment(client, table, member):
    SeatFactory(table=table, organization=OrganizationFactory(name="Maison des jeunes"))
    SeatFactory(table=table, organization=OrganizationFactory(name="Cuisine collective"))
    client.force_login(member)
    full = client.get(f"/t/{table.slug}/seats/", {"q": "jeunes"})
    assert "<html" in full.content.decode()
    part = client.get(f"/t/{table.slug}/seats/", {"q": "jeunes"}, headers={"HX-Request": "true"})
    text = part.content.decode()
    assert "<html" not in text and "Maison des jeunes" in text
    assert "Cuisine collective" not in text


def test_create_seat_page(client, table, coordinator):
    organization = OrganizationFactory()
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/seats/new/",
        {
            "organization": organization.pk,
            "actor_type": "strategic",
            "powers": ["decision", "evaluation"],
            "representative_email": "rep@example.org",
            "representative_name": "Rep Résentante",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    seat = Seat.objects.get()
    assert seat.powers == ["decision", "evaluation"]
    assert SeatHolding.objects.get(seat=seat).person.email == "rep@example.org"


def test_create_seat_bad_input_shows_a_message(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(f"/t/{table.slug}/seats/new/", {"actor_type": "tactical"})
    assert response.status_code == 200
    assert "name the seat" in response.content.decode()
    assert not Seat.objects.exists()


def test_edit_with_stale_version_is_refused(client, table, coordinator):
    seat = SeatFactory(table=table)
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/seats/{seat.pk}/edit/",
        {
            "organization": seat.organization_id,
            "actor_type": "strategic",
            "version": "2000-01-01T00:00:00+00:00",
        },
    )
    assert response.status_code == 200
    assert "Someone else changed this seat" in response.content.decode()
    seat.refresh_from_db()
    assert seat.actor_type == "tactical"


def test_handover_page_and_history(client, table, coordinator, member):
    holding = SeatHoldingFactory(seat__table=table, person=member)
    successor = UserFactory(full_name="Suzanne Relève")
    client.force_login(coordinator)
    url = f"/t/{table.slug}/seats/{holding.seat.pk}/handover/?position=representative"
    assert client.get(url).status_code == 200
    response = client.post(url, {"position": "representative", "email": successor.email})
    assert response.status_code == 302
    detail = client.get(f"/t/{table.slug}/seats/{holding.seat.pk}/").content.decode()
    assert "Suzanne Relève" in detail and member.display_name in detail


def test_close_needs_confirmation(client, table, coordinator):
    seat = SeatFactory(table=table)
    client.force_login(coordinator)
    assert client.get(f"/t/{table.slug}/seats/{seat.pk}/close/").status_code == 200
    seat.refresh_from_db()
    assert seat.closed_at is None
    client.post(f"/t/{table.slug}/seats/{seat.pk}/close/")
    seat.refresh_from_db()
    assert seat.closed_at is not None
