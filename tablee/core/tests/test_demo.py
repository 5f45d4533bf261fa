"""The French demo: loads through the services, is idempotent, and its logins work."""

import pytest

from tablee.accounts.models import User
from tablee.core.demo import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    MAIN_TABLE_SLUG,
    demo_counts,
    load_demo,
)
from tablee.core.models import AuditEntry, AuditEvent
from tablee.tables.models import Invitation, Membership, Role, Table


@pytest.mark.django_db
def test_demo_loads_the_main_table_and_its_people():
    logins = load_demo()

    assert logins.created
    main = Table.objects.get(slug=MAIN_TABLE_SLUG)
    assert main.name == "Table de quartier Démo"
    assert Table.objects.count() >= 4
    current = Membership.objects.for_table(main).current()
    assert current.filter(user__email=COORDINATOR_EMAIL, role=Role.COORDINATOR).exists()
    assert current.filter(role=Role.MEMBER).count() >= 12
    assert current.filter(role=Role.OBSERVER).count() >= 3
    # The coordinator also sits at another table.
    assert (
        Membership.objects.current()
        .filter(user__email=COORDINATOR_EMAIL)
        .exclude(table=main)
        .exists()
    )
    assert Invitation.objects.for_table(main).pending().count() >= 2
    assert User.objects.get(email=logins.admin.email).is_platform_admin
    # The history was written by the services.
    events = set(AuditEntry.objects.for_table(main).values_list("event", flat=True))
    assert {
        AuditEvent.TABLE_CREATED,
        AuditEvent.INVITATION_SENT,
        AuditEvent.INVITATION_ACCEPTED,
        AuditEvent.MEMBERSHIP_ROLE_CHANGED,
        AuditEvent.TABLE_UPDATED,
    } <= events


@pytest.mark.django_db
def test_demo_logins_can_sign_in(client):
    logins = load_demo()

    for login in (logins.coordinator, logins.admin, logins.member, logins.observer):
        client.logout()
        response = client.post(
            "/accounts/login/", {"login": login.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, login.email
    client.logout()
    client.post("/accounts/login/", {"login": COORDINATOR_EMAIL, "password": DEMO_PASSWORD})
    assert client.get(f"/t/{MAIN_TABLE_SLUG}/").status_code == 200


@pytest.mark.django_db
def test_loading_the_demo_twice_adds_nothing():
    load_demo()
    first = demo_counts()

    again = load_demo()

    assert not again.created
    assert demo_counts() == first
