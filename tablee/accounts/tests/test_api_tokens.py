"""Personal API tokens: created with a secret shown once, listed, revoked."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tablee.accounts.models import ApiToken, hash_token
from tablee.accounts.services import api_token_create
from tablee.core.models import AuditEntry, AuditEvent

pytestmark = pytest.mark.django_db


def test_creating_a_token_shows_its_secret_once_and_stores_only_its_hash(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:token-list"), {"name": "Export tableur"})

    assert response.status_code == 200
    token = ApiToken.objects.get(user=member)
    content = response.content.decode()
    raw = content.split('id="raw-token" class="token-secret" type="text" value="')[1].split('"')[0]
    assert raw.startswith(f"tbl_{token.prefix}_")
    assert token.token_hash == hash_token(raw)
    assert "Copy this token now." in content
    assert "no-store" in response["Cache-Control"]
    assert AuditEntry.objects.filter(event=AuditEvent.API_TOKEN_CREATED).count() == 1
    assert AuditEntry.objects.count() == 1

    listing = client.get(reverse("accounts:token-list")).content.decode()
    assert "Export tableur" in listing
    assert raw not in listing


def test_a_token_without_name_is_refused(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:token-list"), {"name": ""})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_a_token_asks_for_confirmation_then_revokes_it(client, member):
    token, _raw = api_token_create(user=member, name="Export")
    AuditEntry.objects.all().delete()
    client.force_login(member)
    url = reverse("accounts:token-revoke", args=[token.pk])
    assert "Revoke the token" in client.get(url).content.decode()
    token.refresh_from_db()
    assert token.is_active

    response = client.post(url)

    assert response.status_code == 302
    token.refresh_from_db()
    assert not token.is_active
    assert AuditEntry.objects.filter(event=AuditEvent.API_TOKEN_REVOKED).count() == 1
    assert AuditEntry.objects.count() == 1
    listing = client.get(reverse("accounts:token-list")).content.decode()
    assert "Revoked on" in listing


def test_revoking_twice_shows_an_error_instead_of_failing(client, member):
    token, _raw = api_token_create(user=member, name="Export")
    client.force_login(member)
    url = reverse("accounts:token-revoke", args=[token.pk])
    client.post(url)
    response = client.post(url)
    assert response.status_code == 200
    assert "already revoked" in response.content.decode()


def test_another_persons_token_is_not_found(client, member, observer):
    token, _raw = api_token_create(user=observer, name="Export")
    client.force_login(member)
    url = reverse("accounts:token-revoke", args=[token.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    token.refresh_from_db()
    assert token.is_active


def test_the_command_prints_only_the_raw_token(member):
    out, err = StringIO(), StringIO()
    call_command("token", "create", member.email, "--name", "Script", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    assert "\n" not in raw
    token = ApiToken.objects.get(user=member)
    assert token.name == "Script"
    assert token.token_hash == hash_token(raw)
    assert err.getvalue() == ""


def test_the_command_refuses_an_unknown_email():
    with pytest.raises(CommandError, match=r"nobody@example\.org"):
        call_command("token", "create", "nobody@example.org", stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_the_command_exits_non_zero_with_the_error_on_stderr(db, capsys):
    with pytest.raises(SystemExit) as exit_info:
        from django.core.management import ManagementUtility

        ManagementUtility(["tablee", "token", "create", "nobody@example.org"]).execute()
    assert exit_info.value.code != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nobody@example.org" in captured.err
