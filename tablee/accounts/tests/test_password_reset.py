"""Resetting a forgotten password through the e-mailed link."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tablee.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_resets_their_password_through_the_emailed_link(client):
    UserFactory(email="ana@example.org")

    response = client.post(reverse("account_reset_password"), {"email": "ana@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert message.subject.startswith("[Tablée] ")
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", message.body).group(1)

    # allauth moves the key from the URL into the session, then redirects.
    page = client.get(link, follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    assert 'name="password1"' in page.content.decode()

    response = client.post(
        form_url,
        {"password1": "un-nouveau-mot-de-passe-42", "password2": "un-nouveau-mot-de-passe-42"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_from_key_done")
    assert client.login(email="ana@example.org", password="un-nouveau-mot-de-passe-42")


def test_an_unknown_address_gets_the_same_answer_and_no_reset_link(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert all("/password/reset/key/" not in m.body for m in mail.outbox)


def test_a_used_or_wrong_link_says_so_calmly(client):
    url = reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "wrong"})
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert reverse("account_reset_password") in response.content.decode()
