"""Tests of the test infrastructure itself (tablee/testing/plugin.py, browser.py)."""

import os
from types import SimpleNamespace

import pytest
from django.db import connection

from tablee.testing import plugin
from tablee.testing.browser import (
    assert_accessible,
    assert_no_horizontal_scroll,
    blocking_violations,
    format_violations,
)


class FakeItem:
    def __init__(self, fixturenames=(), markers=(), cls=None):
        self.fixturenames = list(fixturenames)
        self.markers = {m.name: m for m in markers}
        self.cls = cls

    def get_closest_marker(self, name):
        return self.markers.get(name)


# --- markers -----------------------------------------------------------------


def test_database_tests_get_the_postgres_marker(request, db):
    assert request.node.get_closest_marker("postgres") is not None


@pytest.mark.django_db
def test_django_db_marker_gets_the_postgres_marker(request):
    assert request.node.get_closest_marker("postgres") is not None


def test_persona_fixtures_count_as_database_use(request, member):
    # `member` needs `db` through `table`: the fixture closure is what counts.
    assert request.node.get_closest_marker("postgres") is not None


def test_tests_without_database_have_no_postgres_marker(request):
    assert request.node.get_closest_marker("postgres") is None


def test_uses_database_decision():
    from django.test import SimpleTestCase, TestCase

    assert plugin.uses_database(FakeItem(fixturenames=["transactional_db"]))
    assert plugin.uses_database(FakeItem(fixturenames=["live_server"]))
    assert plugin.uses_database(FakeItem(markers=[pytest.mark.django_db.mark]))
    assert plugin.uses_database(FakeItem(cls=TestCase))
    assert not plugin.uses_database(FakeItem(cls=SimpleTestCase))
    assert not plugin.uses_database(FakeItem(fixturenames=["client", "settings"]))


def test_browser_fixtures_add_the_browser_marker():
    items = [FakeItem(fixturenames=["page", "live_server"]), FakeItem(fixturenames=["client"])]
    for item in items:
        item.add_marker = lambda mark, item=item: item.markers.update({mark.name: mark})
    plugin.pytest_collection_modifyitems(config=None, items=items)
    assert set(items[0].markers) == {"browser", "postgres"}
    assert set(items[1].markers) == set()


# --- Chromium: run, skip locally, fail under CI ---------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("1", True), ("TRUE", True), ("", False), ("false", False), ("0", False)],
)
def test_is_ci(value, expected):
    assert plugin.is_ci({"CI": value}) is expected
    assert plugin.is_ci({}) is False


def test_missing_chromium_skips_locally(tmp_path):
    decision = plugin.browser_decision(tmp_path / "chromium", ci=False)
    assert decision.action == "skip"
    assert "Chromium not found" in decision.reason


def test_missing_chromium_fails_under_ci(tmp_path):
    decision = plugin.browser_decision(tmp_path / "chromium", ci=True)
    assert decision.action == "fail"
    assert "CI=true" in decision.reason


def test_present_chromium_runs(tmp_path):
    executable = tmp_path / "chromium"
    executable.write_text("#!/bin/sh\n")
    executable.chmod(0o755)
    assert plugin.browser_decision(executable, ci=True).action == "run"
    executable.chmod(0o644)  # present but not executable is not a browser
    assert plugin.browser_decision(executable, ci=False).action == "skip"


def test_browser_test_setup_fails_under_ci_without_chromium(monkeypatch, tmp_path):
    monkeypatch.setattr(plugin, "CHROMIUM_PATH", tmp_path / "missing")
    item = FakeItem(markers=[pytest.mark.browser.mark])
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must not be skipped in CI"):
        plugin.check_browser_available(item)
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception, match="Chromium not found"):
        plugin.check_browser_available(item)
    # Tests that are not browser tests are left alone.
    monkeypatch.setenv("CI", "true")
    plugin.check_browser_available(FakeItem())


# --- PostgreSQL pass: refuse to silently test another database --------------


@pytest.mark.parametrize(
    ("url", "vendor", "problem"),
    [
        ("postgres://postgres@127.0.0.1:5432/tablee", "sqlite", True),
        ("postgresql://u@h/db", "sqlite", True),
        ("postgres://postgres@127.0.0.1:5432/tablee", "postgresql", False),
        ("sqlite:///tmp/x.sqlite3", "sqlite", False),
        ("", "sqlite", False),
        (None, "sqlite", False),
    ],
)
def test_database_vendor_problem(url, vendor, problem):
    assert bool(plugin.database_vendor_problem(url, vendor)) is problem


def test_session_start_refuses_postgres_url_on_sqlite(monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("checks the SQLite configuration")
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:1/tablee")
    with pytest.raises(pytest.UsageError, match="connection vendor is 'sqlite'"):
        plugin.pytest_sessionstart(SimpleNamespace())


def test_database_matches_database_url(db):
    """In the PostgreSQL pass this runs on PostgreSQL, for real."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        assert connection.vendor == "postgresql"
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            assert cursor.fetchone()[0].startswith("15")
    else:
        assert connection.vendor == "sqlite"


# --- axe and layout helpers --------------------------------------------------


def test_only_serious_and_critical_violations_block():
    violations = [
        {"id": "a", "impact": "minor", "help": "", "nodes": []},
        {"id": "b", "impact": "moderate", "help": "", "nodes": []},
        {"id": "c", "impact": "serious", "help": "Contrast", "nodes": [{"target": "p.x"}]},
        {"id": "d", "impact": "critical", "help": "Alt", "nodes": [{"target": "img"}]},
    ]
    blocking = blocking_violations(violations)
    assert [v["id"] for v in blocking] == ["c", "d"]
    text = format_violations("http://x/", blocking)
    assert "[serious] c: Contrast" in text
    assert "at img" in text


@pytest.mark.browser
def test_assert_accessible_catches_violations(page):
    page.set_content(
        '<!DOCTYPE html><html lang="fr"><head><title>t</title></head>'
        '<body><main><h1>Titre</h1><img src="data:,"><input type="text"></main></body></html>'
    )
    with pytest.raises(pytest.fail.Exception) as excinfo:
        assert_accessible(page)
    message = str(excinfo.value)
    assert "image-alt" in message
    assert "label" in message


@pytest.mark.browser
def test_assert_no_horizontal_scroll_catches_overflow(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.set_content(
        '<!DOCTYPE html><html lang="fr"><head><meta name="viewport" '
        'content="width=device-width, initial-scale=1"><title>t</title></head>'
        '<body><div id="large" style="width: 900px">x</div></body></html>'
    )
    with pytest.raises(pytest.fail.Exception, match="div#large"):
        assert_no_horizontal_scroll(page)
