"""Signing in: no sign-up link, lockout after failed attempts, two-factor codes."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from tablee.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-solide-123"


def test_login_page_offers_no_sign_up_and_labels_every_field(client):
    content = client.get(reverse("account_login")).content.decode()
    assert reverse("account_signup") not in content
    assert 'for="id_login"' in content
    assert 'for="id_password"' in content
    assert "<script>" not in content
    assert ' style="' not in content


def test_signing_in_with_the_right_password_works(client):
    person = UserFactory(email="ana@example.org")
    response = client.post(
        reverse("account_login"), {"login": "ana@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).context["user"] == person


def test_a_wrong_password_shows_an_error_summary(client):
    UserFactory(email="ana@example.org")
    response = client.post(
        reverse("account_login"), {"login": "ana@example.org", "password": "nope"}
    )
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()


def test_after_five_failures_even_the_right_password_is_refused(client):
    UserFactory(email="ana@example.org")
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": "ana@example.org", "password": "wrong-password"}
        )
        assert response.status_code == 200

    response = client.post(
        reverse("account_login"), {"login": "ana@example.org", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_email_address(client):
    UserFactory(email="ana@example.org")
    UserFactory(email="bruno@example.org")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "ana@example.org", "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": "bruno@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302


def _current_code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def test_a_person_with_an_authenticator_app_must_give_a_code_at_login(client):
    person = UserFactory(email="ana@example.org")
    secret = generate_totp_secret()
    TOTP.activate(person, secret)

    response = client.post(
        reverse("account_login"), {"login": "ana@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("mfa_authenticate")).content.decode()
    assert 'for="id_code"' in page

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": _current_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == reverse("tables:table-list")
    assert client.session["_auth_user_id"] == str(person.pk)


def test_two_factor_pages_render_in_tablees_layout(client):
    person = UserFactory()
    client.force_login(person)
    content = client.get(reverse("mfa_index")).content.decode()
    assert 'class="panel"' in content
    assert 'href="/static/tablee/tablee.css"' in content
    sessions = client.get(reverse("usersessions_list")).content.decode()
    assert 'class="data"' in sessions
