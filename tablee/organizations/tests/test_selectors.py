"""Reads: duplicate detection and the tables where an organization sits."""

import pytest
from django.utils import timezone

from tablee.organizations import selectors
from tablee.organizations.tests.factories import OrganizationFactory, seat_for

pytestmark = pytest.mark.django_db


def test_find_duplicates_sorts_same_from_similar():
    same = OrganizationFactory(name="Comité logement du Vieux-Moulin", acronym="CLVM")
    by_acronym = OrganizationFactory(name="Autre comité", acronym="C.L.V.M.")
    close = OrganizationFactory(name="Comite logement du Vieux Moulins")
    OrganizationFactory(name="Sans rapport")
    found = selectors.organization_find_duplicates(
        name="COMITÉ LOGEMENT DU VIEUX MOULIN", acronym="clvm"
    )
    assert found["same"] == [same]
    assert set(found["similar"]) == {by_acronym, close}


def test_find_duplicates_can_exclude_the_entry_being_edited():
    organization = OrganizationFactory(name="Maison des jeunes")
    found = selectors.organization_find_duplicates(
        name="Maison des jeunes", exclude_id=organization.pk
    )
    assert found == {"same": [], "similar": []}


def test_find_duplicates_counts_deleted_entries():
    deleted = OrganizationFactory(name="Ancien groupe", deleted_at=timezone.now())
    assert selectors.organization_find_duplicates(name="ancien groupe")["same"] == [deleted]


def test_open_seat_check_ignores_closed_seats(table):
    organization = OrganizationFactory()
    seat = seat_for(table=table, organization=organization)
    assert selectors.organization_has_open_seat(organization=organization)
    seat.closed_at = timezone.now()
    seat.save()
    assert not selectors.organization_has_open_seat(organization=organization)
