"""The platform's people: search, soft delete and restore, by platform admins only."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tablee.accounts.models import User
from tablee.accounts.services import user_delete, user_restore
from tablee.accounts.tests.factories import UserFactory
from tablee.core.errors import InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_admin_searches_people_by_name_or_email(client, platform_admin):
    UserFactory(full_name="Ana Tremblay", email="ana@example.org")
    UserFactory(full_name="Bruno Roy", email="bruno@exemple.ca")
    client.force_login(platform_admin)
    by_name = client.get(reverse("accounts:people-list"), {"q": "tremblay"}).content.decode()
    assert "Ana Tremblay" in by_name
    assert "Bruno Roy" not in by_name
    by_email = client.get(reverse("accounts:people-list"), {"q": "exemple.ca"}).content.decode()
    assert "Bruno Roy" in by_email
    assert "Ana Tremblay" not in by_email


def test_people_list_counts_current_tables_and_pages_by_fifty(client, platform_admin):
    ana = UserFactory(full_name="Aaaa Ana")
    MembershipFactory(user=ana)
    MembershipFactory(user=ana)
    ended = MembershipFactory(user=ana)
    ended.ended_at = timezone.now()
    ended.save()
    UserFactory.create_batch(55)
    client.force_login(platform_admin)
    response = client.get(reverse("accounts:people-list"))
    page = response.context["page"]
    assert len(page.object_list) == 50
    assert page.paginator.count == 57
    first = page.object_list[0]
    assert first == ana
    assert first.tables_count == 2
    assert "Page 1 of 2" in response.content.decode()


def test_deleted_people_appear_only_in_their_own_section(client, platform_admin):
    UserFactory(full_name="Zoé Partie", is_active=False, deleted_at=timezone.now())
    client.force_login(platform_admin)
    active = client.get(reverse("accounts:people-list")).content.decode()
    deleted = client.get(reverse("accounts:people-list"), {"show": "deleted"}).content.decode()
    assert "Zoé Partie" not in active
    assert "Zoé Partie" in deleted
    assert "Restore" in deleted


def test_deleting_a_person_deactivates_them_and_ends_their_sessions(client, platform_admin):
    person = UserFactory(full_name="Ana Tremblay")
    their_browser = client.__class__()
    their_browser.force_login(person)
    client.force_login(platform_admin)
    url = reverse("accounts:person-delete", args=[person.pk])
    assert "Delete Ana Tremblay?" in client.get(url).content.decode()

    response = client.post(url)

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.deleted_at is not None
    assert not person.is_active
    assert AuditEntry.objects.filter(event=AuditEvent.USER_DELETED).count() == 1
    assert AuditEntry.objects.count() == 1
    assert their_browser.get(reverse("accounts:profile")).status_code == 302
    assert not client.login(email=person.email, password="mot-de-passe-solide-123")


def test_restoring_a_person_lets_them_sign_in_again(client, platform_admin):
    person = UserFactory(is_active=False, deleted_at=timezone.now())
    client.force_login(platform_admin)
    url = reverse("accounts:person-restore", args=[person.pk])
    assert client.get(url).status_code == 200

    response = client.post(url)

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_active
    assert person.deleted_at is None
    assert AuditEntry.objects.filter(event=AuditEvent.USER_RESTORED).count() == 1
    assert AuditEntry.objects.count() == 1


def test_an_admin_cannot_delete_themself(client, platform_admin):
    client.force_login(platform_admin)
    url = reverse("accounts:person-delete", args=[platform_admin.pk])
    assert client.post(url).status_code == 403
    platform_admin.refresh_from_db()
    assert platform_admin.is_active


def test_delete_and_restore_only_find_people_in_the_right_state(client, platform_admin):
    active = UserFactory()
    deleted = UserFactory(is_active=False, deleted_at=timezone.now())
    client.force_login(platform_admin)
    assert client.get(reverse("accounts:person-restore", args=[active.pk])).status_code == 404
    assert client.get(reverse("accounts:person-delete", args=[deleted.pk])).status_code == 404


def test_services_refuse_repeated_transitions(platform_admin):
    person = UserFactory()
    user_delete(user=person, actor=platform_admin)
    with pytest.raises(InvalidTransition):
        user_delete(user=person, actor=platform_admin)
    user_restore(user=person, actor=platform_admin)
    with pytest.raises(InvalidTransition):
        user_restore(user=person, actor=platform_admin)
    assert list(AuditEntry.objects.order_by("id").values_list("event", flat=True)) == [
        AuditEvent.USER_DELETED,
        AuditEvent.USER_RESTORED,
    ]
    assert User.objects.get(pk=person.pk).is_active
