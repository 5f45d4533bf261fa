"""Every URL of the project, called by every role, answers as declared."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tablee.accounts.services import api_token_create
from tablee.accounts.tests.factories import UserFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import InvitationFactory, MembershipFactory, TableFactory
from tablee.testing.matrix import ROLES, World, collect_expectations, walk_patterns

EXPECTATIONS = collect_expectations()
PATTERNS = dict(walk_patterns())


def test_every_url_has_an_expectation_for_every_role():
    missing = sorted(set(PATTERNS) - set(EXPECTATIONS))
    assert not missing, "URLs without a permission expectation:\n" + "\n".join(
        f"  {key}  ({PATTERNS[key]})" for key in missing
    )
    stale = sorted(set(EXPECTATIONS) - set(PATTERNS))
    assert not stale, f"Expectations for URLs that no longer exist: {stale}"
    for key, expect in EXPECTATIONS.items():
        assert set(expect.statuses) == set(ROLES), f"{key}: roles must be exactly {ROLES}"


def build_world(role: str) -> World:
    table = TableFactory(name="Table de quartier Démo", slug="quartier-demo")
    other_table = TableFactory(name="Table jeunesse Est", slug="jeunesse-est")
    deleted_table = TableFactory(name="Ancienne table", slug="ancienne-table")
    from django.utils import timezone

    deleted_table.deleted_at = timezone.now()
    deleted_table.save()
    people = {
        "coordinator": MembershipFactory(table=table, role=Role.COORDINATOR).user,
        "member": None,
        "observer": MembershipFactory(table=table, role=Role.OBSERVER).user,
        "other_coordinator": MembershipFactory(table=other_table, role=Role.COORDINATOR).user,
        "platform_admin": UserFactory(is_staff=True),
    }
    member_membership = MembershipFactory(table=table, role=Role.MEMBER)
    people["member"] = member_membership.user
    invitation = InvitationFactory(
        table=table, raw_token="matrix-token", invited_by=people["coordinator"]
    )
    return World(
        role=role,
        actor=people.get(role),
        table=table,
        other_table=other_table,
        deleted_table=deleted_table,
        member_membership=member_membership,
        invitation=invitation,
        invitation_token="matrix-token",
        people=people,
    )


CASES = [(key, role) for key in sorted(EXPECTATIONS) for role in ROLES]


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "role"), CASES, ids=[f"{k}-{r}" for k, r in CASES])
def test_url_answers_each_role_as_declared(client, key, role):
    expect = EXPECTATIONS[key]
    world = build_world(role)
    if expect.setup:
        expect.setup(world)
    url = (
        reverse(key, kwargs=expect.kwargs(world))
        if not key.startswith("route:")
        else "/" + key[6:]
    )
    headers = dict(expect.headers)
    if world.actor is not None:
        if expect.auth == "bearer":
            _token, raw = api_token_create(user=world.actor, name="matrix")
            headers["Authorization"] = f"Bearer {raw}"
        else:
            client.force_login(world.actor)
    data = expect.data(world) if expect.data else None
    if expect.method == "GET":
        response = client.get(url, data, headers=headers)
    else:
        response = client.generic(
            expect.method,
            url,
            data=urlencode(data or {}),
            content_type="application/x-www-form-urlencoded",
            headers=headers,
        )
    expected = expect.statuses[role]
    assert response.status_code == expected, (
        f"{key} as {role}: expected {expected}, got {response.status_code}"
    )
    if expected == 302 and role == "anonymous" and expect.anonymous_redirects_to_login:
        assert "/accounts/login/" in response["Location"], response["Location"]
