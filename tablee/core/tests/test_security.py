"""The security baseline every page inherits."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tablee.tables.tests.factories import TableFactory

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.django_db


def test_pages_send_a_strict_content_security_policy_and_headers(client):
    response = client.get(reverse("account_login"))
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_hsts_is_sent_over_https_when_not_in_debug(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get(reverse("account_login"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_session_cookie_is_http_only_and_secure_in_production(client, coordinator, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = client.post(
        reverse("account_login"),
        {"login": coordinator.email, "password": "mot-de-passe-solide-123"},
    )
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["secure"]
    assert cookie["samesite"] == "Lax"


def test_deploy_checks_pass_with_production_settings():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "tablee.example.org",
        "DJANGO_SETTINGS_MODULE": "tablee.settings.base",
    }
    env.pop("DATABASE_URL", None)
    env["TABLEE_VAR_DIR"] = str(ROOT / "var" / "deploy-check")
    result = subprocess.run(
        [sys.executable, "-m", "tablee", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**os.environ, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "tablee.settings.base"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-m", "tablee", "check"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_user_input_is_escaped_everywhere(client, platform_admin):
    TableFactory(name="<script>alert('x')</script>", slug="piege")
    client.force_login(platform_admin)
    page = client.get(reverse("tables:table-list")).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_csrf_is_enforced_and_the_htmx_header_carries_the_token(coordinator, table):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    url = reverse("tables:invitation-create", args=[table.slug])
    refused = client.post(url, {"email": "a@example.org", "role": "member"})
    assert refused.status_code == 403
    page = client.get(url).content.decode()
    assert 'hx-headers=\'{"X-CSRFToken": "' in page
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        url,
        {"email": "a@example.org", "role": "member"},
        headers={"X-CSRFToken": token, "HX-Request": "true"},
    )
    assert accepted.status_code == 302


def test_oversized_request_bodies_are_refused(client, coordinator, table, settings):
    client.force_login(coordinator)
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)
    response = client.post(
        reverse("tables:invitation-create", args=[table.slug]),
        {"email": "a@example.org", "role": "member", "message": big},
    )
    assert response.status_code == 400


def test_error_pages_are_rendered_in_the_layout(client, coordinator):
    client.force_login(coordinator)
    response = client.get("/t/cette-table-n-existe-pas/")
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()
