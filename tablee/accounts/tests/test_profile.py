"""The profile page: name and language, links to security pages, sign out everywhere."""

import pytest
from django.conf import settings
from django.urls import reverse

from tablee.accounts import selectors
from tablee.core.models import AuditEntry, AuditEvent
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory, TableFactory

pytestmark = pytest.mark.django_db


def test_saving_the_profile_changes_name_and_language_and_sets_the_language_cookie(client, member):
    client.force_login(member)
    response = client.post(
        reverse("accounts:profile"), {"full_name": "  Ana Tremblay ", "language": "en"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    member.refresh_from_db()
    assert (member.full_name, member.language) == ("Ana Tremblay", "en")
    entries = AuditEntry.objects.filter(event=AuditEvent.USER_PROFILE_UPDATED)
    assert entries.count() == 1
    assert entries.get().changes["new"] == {"full_name": "Ana Tremblay", "language": "en"}
    assert AuditEntry.objects.count() == 1


def test_the_confirmation_reads_in_the_language_just_chosen(client, member):
    client.force_login(member)
    response = client.post(
        reverse("accounts:profile"), {"full_name": "Ana", "language": "en"}, follow=True
    )
    assert "Your profile was saved." in response.content.decode()


def test_an_empty_name_is_refused_with_an_error_on_the_field(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:profile"), {"full_name": "  ", "language": "en"})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_profile_links_to_password_two_factor_sessions_and_tokens(client, member):
    client.force_login(member)
    content = client.get(reverse("accounts:profile")).content.decode()
    for name in (
        "account_change_password",
        "mfa_index",
        "usersessions_list",
        "accounts:token-list",
        "accounts:sign-out-everywhere",
    ):
        assert f'href="{reverse(name)}"' in content, name


def test_profile_lists_the_persons_live_tables_with_their_role(client, member, table):
    gone = TableFactory(name="Table fermée")
    MembershipFactory(table=gone, user=member, role=Role.COORDINATOR)
    gone.deleted_at = gone.created_at
    gone.save()
    client.force_login(member)
    content = client.get(reverse("accounts:profile")).content.decode()
    assert table.name in content
    assert "Table fermée" not in content


def test_the_tables_of_a_person_are_read_in_one_query(django_assert_num_queries, member):
    for _ in range(5):
        MembershipFactory(user=member, role=Role.OBSERVER)
    with django_assert_num_queries(1):  # memberships joined with their table
        rows = [(m.table.name, m.role) for m in selectors.user_membership_list(user=member)]
    assert len(rows) == 6


def test_signing_out_everywhere_ends_every_session_including_this_one(client, member):
    other_device = client.__class__()
    other_device.force_login(member)
    client.force_login(member)
    assert client.get(reverse("accounts:sign-out-everywhere")).status_code == 200

    response = client.post(reverse("accounts:sign-out-everywhere"))

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert AuditEntry.objects.filter(event=AuditEvent.SESSIONS_ENDED).count() == 1
    assert AuditEntry.objects.count() == 1
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert other_device.get(reverse("accounts:profile")).status_code == 302
    login_page = client.get(reverse("account_login")).content.decode()
    assert "You were signed out on every device." in login_page
