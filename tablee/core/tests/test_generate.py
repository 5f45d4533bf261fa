"""`tablee generate`: bulk benchmark data in proportion to the scale."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from tablee.accounts.models import User
from tablee.core import generate as gen
from tablee.core.models import AuditEntry
from tablee.tables.models import Invitation, Membership, Role, Table


def _run(*args):
    call_command("generate", *args, verbosity=0)


@pytest.mark.django_db
def test_generate_builds_data_in_proportion_to_the_scale():
    demo_table = Table.objects.create(name="Table de quartier Démo", slug="quartier-demo")

    _run("--scale", "0.01")

    tables = Table.objects.filter(slug__startswith=gen.PREFIX)
    assert tables.count() == 2
    people = User.objects.filter(email__startswith=gen.PREFIX)
    assert people.count() == 100 + 1  # and the platform admin
    assert people.get(email=gen.GEN_ADMIN_EMAIL).is_platform_admin
    memberships = Membership.objects.filter(table__in=tables)
    assert 100 <= memberships.count() <= 300
    assert (
        memberships.filter(role=Role.MEMBER).count()
        > memberships.exclude(role=Role.MEMBER).count()
    )
    assert Invitation.objects.filter(table__in=tables).pending().exists()
    assert 1500 <= AuditEntry.objects.filter(table__in=tables).count() <= 2500
    # Every table has a coordinator; the largest one's is predictable.
    assert not tables.annotate(
        coordinators=Count("memberships", filter=Q(memberships__role=Role.COORDINATOR))
    ).filter(coordinators=0)
    assert Membership.objects.filter(
        table__slug=gen.table_slug(1), user__email=gen.coordinator_email(1), role=Role.COORDINATOR
    ).exists()
    # Past dates were kept (not overwritten by auto_now_add).
    oldest = AuditEntry.objects.filter(table__in=tables).order_by("created_at").first()
    newest = AuditEntry.objects.filter(table__in=tables).order_by("created_at").last()
    assert (newest.created_at - oldest.created_at).days > 300
    # The demo is untouched.
    assert Table.objects.filter(pk=demo_table.pk).exists()


@pytest.mark.django_db
def test_generate_refuses_a_second_run_unless_reset():
    _run("--scale", "0.01")
    counts = (Table.objects.count(), User.objects.count(), AuditEntry.objects.count())

    with pytest.raises(CommandError, match="--reset"):
        _run("--scale", "0.01")
    assert (Table.objects.count(), User.objects.count(), AuditEntry.objects.count()) == counts

    _run("--scale", "0.01", "--reset")
    assert (Table.objects.count(), User.objects.count(), AuditEntry.objects.count()) == counts


@pytest.mark.django_db
def test_generated_coordinator_can_sign_in(client):
    _run("--scale", "0.01")

    response = client.post(
        "/accounts/login/",
        {"login": gen.coordinator_email(1), "password": gen.GEN_PASSWORD},
    )

    assert response.status_code == 302
    assert client.get(f"/t/{gen.table_slug(1)}/audit/").status_code == 200


@pytest.mark.django_db
def test_generate_builds_the_composition_of_each_table():
    from tablee.charters.models import CharterVersion
    from tablee.members.models import Committee, Seat, SeatHolding
    from tablee.organizations.models import Organization

    _run("--scale", "0.01")

    tables = Table.objects.filter(slug__startswith=gen.PREFIX)
    seats = Seat.objects.filter(table__in=tables)
    acting = Membership.objects.filter(table__in=tables).exclude(role=Role.OBSERVER)
    assert seats.count() == acting.count()
    assert Organization.objects.filter(name__startswith=gen.ORG_NAME_PREFIX).count() >= 40
    # Most seats have a representative; a few are vacant on purpose.
    held = SeatHolding.objects.filter(seat__in=seats).count()
    assert 0.8 * seats.count() <= held <= seats.count()
    assert Committee.objects.filter(table__in=tables).count() == 2 * gen.COMMITTEES_PER_TABLE
    assert CharterVersion.objects.filter(table__in=tables, status="adopted").count() == 2

    _run("--scale", "0.01", "--reset")
    assert Seat.objects.filter(table__slug__startswith=gen.PREFIX).count() == seats.count()
