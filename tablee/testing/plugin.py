"""Pytest plugin for Tablée's test infrastructure.

Registered from ``tablee/conftest.py`` (``pytest_plugins``). It:

* adds the ``postgres`` marker to every test that touches the database, so
  ``-m postgres`` re-runs the whole database suite on a real PostgreSQL;
* adds the ``browser`` marker to every test that drives a browser;
* points pytest-playwright at Debian's Chromium, and decides whether a browser
  test runs, skips (no Chromium, local run) or fails (no Chromium under CI);
* refuses to run when ``DATABASE_URL`` names PostgreSQL but Django talks to
  something else (a PostgreSQL pass that silently ran on SQLite proves nothing).

The decisions are plain functions so that ``tablee/core/tests/test_infrastructure.py``
can test them without uninstalling anything.
"""

from __future__ import annotations

import asyncio
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

# Browser fixtures and helpers (log in through the real form, axe checks).
pytest_plugins = ["tablee.testing.browser"]

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
CHROMIUM_PATH = Path("/usr/lib/chromium/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# Fixtures that give a test database access (directly or through live_server).
DB_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)
# Fixtures that drive a browser.
BROWSER_FIXTURES = frozenset({"page", "context", "new_context", "browser"})


def is_ci(environ=None) -> bool:
    """True when running under continuous integration (CI=true, CI=1...)."""
    value = (environ if environ is not None else os.environ).get("CI", "")
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Decision:
    action: str  # "run", "skip" or "fail"
    reason: str = ""


def browser_decision(executable: Path | str, *, ci: bool) -> Decision:
    """Whether browser tests may run, given where Chromium should be."""
    path = Path(executable)
    if path.is_file() and os.access(path, os.X_OK):
        return Decision("run")
    reason = (
        f"Chromium not found at {path} (Debian package 'chromium'; "
        "install it with: apt-get install --no-install-recommends chromium fonts-liberation)"
    )
    if ci:
        return Decision("fail", f"CI=true and {reason}: browser tests must not be skipped in CI")
    return Decision("skip", reason)


def database_vendor_problem(database_url: str | None, vendor: str) -> str | None:
    """A message when DATABASE_URL asks for PostgreSQL but Django uses another vendor."""
    if not database_url:
        return None
    scheme = database_url.split(":", 1)[0].lower()
    if scheme.startswith(("postgres", "pgsql")) and vendor != "postgresql":
        return (
            f"DATABASE_URL points to PostgreSQL ({scheme}://...) but the Django "
            f"connection vendor is {vendor!r}: the PostgreSQL pass would not test PostgreSQL."
        )
    return None


def uses_database(item: pytest.Item) -> bool:
    """True when a collected test touches the database."""
    if item.get_closest_marker("django_db") is not None:
        return True
    if DB_FIXTURES.intersection(getattr(item, "fixturenames", ())):
        return True
    cls = getattr(item, "cls", None)
    if cls is not None:
        try:
            from django.test import TransactionTestCase
        except ImportError:  # pragma: no cover
            return False
        return isinstance(cls, type) and issubclass(cls, TransactionTestCase)
    return False


def uses_browser(item: pytest.Item) -> bool:
    if item.get_closest_marker("browser") is not None:
        return True
    return bool(BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ())))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # tryfirst: markers must exist before "-m" deselects anything.
    for item in items:
        if uses_database(item) and item.get_closest_marker("postgres") is None:
            item.add_marker(pytest.mark.postgres)
        if uses_browser(item) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)


@contextmanager
def django_beside_playwright(*, browser: bool):
    """Let Django's ORM run in the main thread next to Playwright's sync API.

    Once pytest-playwright has started, an asyncio loop stays "running" in the
    main thread for the rest of the session, and Django then refuses every ORM
    call (SynchronousOnlyOperation). Browser tests (and the session's final
    teardown) get DJANGO_ALLOW_ASYNC_UNSAFE=true for their duration only, so the
    variable never leaks into other tests or the subprocesses they start. Other
    tests run with Playwright's idle loop hidden from this thread: Django's async
    safety check stays fully active for them.
    """
    if browser:
        previous = os.environ.get(ASYNC_UNSAFE)
        os.environ[ASYNC_UNSAFE] = "true"
        try:
            yield
        finally:
            if previous is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = previous
        return
    loop = asyncio.events._get_running_loop()
    if loop is None:
        yield
        return
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(loop)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    check_browser_available(item)  # before any fixture (Playwright) is set up
    with django_beside_playwright(browser=uses_browser(item)):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    with django_beside_playwright(browser=uses_browser(item)):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # With no next item, session fixtures (the database, Playwright) end here.
    with django_beside_playwright(browser=uses_browser(item) or nextitem is None):
        return (yield)


def pytest_configure(config):
    # pytest-playwright's own base_url fallback triggers this deprecation on every
    # run; it is not ours to fix (pytest-playwright 0.10).
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods"
        ":pytest.PytestRemovedIn10Warning",
    )


def pytest_sessionstart(session):
    from django.conf import settings

    if not settings.configured:  # pragma: no cover - pytest-django configures it
        return
    from django.db import connections

    problem = database_vendor_problem(
        os.environ.get("DATABASE_URL"), connections["default"].vendor
    )
    if problem:
        raise pytest.UsageError(problem)


def check_browser_available(item) -> None:
    """Skip (locally) or fail (CI=true) a browser test when Chromium is missing."""
    if item.get_closest_marker("browser") is None:
        return
    decision = browser_decision(CHROMIUM_PATH, ci=is_ci())
    if decision.action == "skip":
        pytest.skip(decision.reason)
    elif decision.action == "fail":
        pytest.fail(decision.reason, pytrace=False)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM_PATH),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    """Every browser context talks to the live server; axe needs bypass_csp.

    Tests that must see the real Content-Security-Policy open their own context
    with ``new_context(bypass_csp=False)``.
    """
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "bypass_csp": True,
        "locale": "fr-CA",
        "viewport": {"width": 1280, "height": 800},
    }
