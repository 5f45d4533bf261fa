"""Inviting people into a table: single-use, expiring, revocable links."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tablee.accounts.models import User
from tablee.core.errors import InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.tables import services
from tablee.tables.models import Invitation, Membership
from tablee.tables.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def test_sending_an_invitation_emails_a_working_link(
    client, coordinator, table, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("tables:invitation-create", args=[table.slug]),
            {"email": "nouvelle@example.org", "role": "member", "message": "Bienvenue!"},
        )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["nouvelle@example.org"]
    link = next(line for line in mail.body.splitlines() if "/invitations/" in line)
    path = link[link.index("/invitations/") :].strip()
    client.logout()
    response = client.get(path)
    assert response.status_code == 200
    assert table.name in response.content.decode()
    assert AuditEntry.objects.filter(event=AuditEvent.INVITATION_SENT).count() == 1


def test_only_the_hash_of_the_token_is_stored(coordinator, table):
    invitation, raw = services.invitation_send(
        table=table, actor=coordinator, email="a@example.org", role="member"
    )
    assert raw not in invitation.token_hash
    assert len(invitation.token_hash) == 64


def test_inviting_someone_already_at_the_table_is_refused(coordinator, member, table):
    with pytest.raises(InvalidInput):
        services.invitation_send(
            table=table, actor=coordinator, email=member.email.upper(), role="member"
        )
    assert not Invitation.objects.exists()


def test_an_invalid_address_is_refused_with_a_message(client, coordinator, table):
    client.force_login(coordinator)
    response = client.post(
        reverse("tables:invitation-create", args=[table.slug]),
        {"email": "pas-une-adresse", "role": "member"},
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_new_invitation_replaces_the_pending_one(coordinator, table):
    first, _ = services.invitation_send(
        table=table, actor=coordinator, email="a@example.org", role="member"
    )
    second, _ = services.invitation_send(
        table=table, actor=coordinator, email="a@example.org", role="observer"
    )
    first.refresh_from_db()
    assert first.status == "revoked"
    assert second.status == "pending"


def test_accepting_anonymously_creates_the_account_and_signs_in(client, table):
    invitation = InvitationFactory(
        table=table, raw_token="jeton-secret", email="neuve@example.org"
    )
    response = client.post(
        reverse("invitation-accept", args=["jeton-secret"]),
        {"full_name": "Marie Tremblay", "password": "une-phrase-de-passe-longue"},
    )
    assert response.status_code == 302
    assert response["Location"] == table.get_absolute_url()
    user = User.objects.get(email="neuve@example.org")
    assert user.full_name == "Marie Tremblay"
    assert Membership.objects.current().get(table=table, user=user).role == "member"
    assert client.get(table.get_absolute_url()).status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert AuditEntry.objects.filter(event=AuditEvent.INVITATION_ACCEPTED, actor=user).count() == 1


def test_a_weak_password_is_refused_and_nothing_is_created(client, table):
    InvitationFactory(table=table, raw_token="jeton", email="neuve@example.org")
    response = client.post(
        reverse("invitation-accept", args=["jeton"]), {"full_name": "Marie", "password": "123"}
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not User.objects.filter(email="neuve@example.org").exists()


def test_a_signed_in_person_links_the_invitation_to_their_account(
    client, other_coordinator, table
):
    InvitationFactory(
        table=table, raw_token="jeton", email="autre-adresse@example.org", role="observer"
    )
    client.force_login(other_coordinator)
    client.post(reverse("invitation-accept", args=["jeton"]))
    assert Membership.objects.current().get(table=table, user=other_coordinator).role == "observer"


def test_an_existing_account_must_sign_in_first(client, member, table):
    InvitationFactory(table=table, raw_token="jeton", email=member.email)
    response = client.get(reverse("invitation-accept", args=["jeton"]))
    assert response.context["account_exists"] is True
    client.post(
        reverse("invitation-accept", args=["jeton"]),
        {"full_name": "X", "password": "une-phrase-longue-123"},
    )
    assert Invitation.objects.get().status == "pending"


@pytest.mark.parametrize("state", ["accepted", "revoked", "expired"])
def test_a_used_revoked_or_expired_link_does_not_work(client, table, state):
    invitation = InvitationFactory(table=table, raw_token="jeton")
    now = timezone.now()
    if state == "accepted":
        invitation.accepted_at = now
    elif state == "revoked":
        invitation.revoked_at = now
    else:
        invitation.expires_at = now - timedelta(minutes=1)
    invitation.save()
    response = client.post(
        reverse("invitation-accept", args=["jeton"]),
        {"full_name": "X", "password": "une-phrase-longue-123"},
    )
    assert response.status_code == 410
    assert not Membership.objects.exists()
    with pytest.raises(InvalidTransition):
        services.invitation_accept(
            invitation=invitation, full_name="X", password="une-phrase-longue-123"
        )


def test_an_unknown_token_gives_a_clear_page(client, table):
    response = client.get(reverse("invitation-accept", args=["inconnu"]))
    assert response.status_code == 404


def test_a_link_is_single_use(client, table):
    InvitationFactory(table=table, raw_token="jeton", email="neuve@example.org")
    client.post(
        reverse("invitation-accept", args=["jeton"]),
        {"full_name": "A", "password": "une-phrase-longue-123"},
    )
    client.logout()
    again = client.get(reverse("invitation-accept", args=["jeton"]))
    assert again.status_code == 410


def test_coordinator_revokes_a_pending_invitation(client, coordinator, table):
    invitation = InvitationFactory(table=table, raw_token="jeton")
    client.force_login(coordinator)
    client.post(reverse("tables:invitation-revoke", args=[table.slug, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.status == "revoked"
    assert AuditEntry.objects.filter(event=AuditEvent.INVITATION_REVOKED).count() == 1
    client.logout()
    assert client.get(reverse("invitation-accept", args=["jeton"])).status_code == 410


def test_a_passwordless_account_named_on_a_seat_is_claimed_by_accepting(client, table):
    """Someone named on a seat before having signed in gets an account without password."""
    from tablee.accounts.tests.factories import UserFactory

    named = UserFactory(email="nommee@example.org", full_name="")
    named.set_unusable_password()
    named.save()
    InvitationFactory(table=table, raw_token="jeton", email="nommee@example.org")
    response = client.post(
        reverse("invitation-accept", args=["jeton"]),
        {"full_name": "Nommée Tremblay", "password": "une-phrase-longue-123"},
    )
    assert response.status_code == 302
    named.refresh_from_db()
    assert named.has_usable_password() and named.full_name == "Nommée Tremblay"
    assert User.objects.filter(email="nommee@example.org").count() == 1
    assert Membership.objects.current().filter(table=table, user=named).exists()
