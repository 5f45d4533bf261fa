"""Personas shared by every test: one per role, plus a second table."""

import pytest

from tablee.accounts.tests.factories import UserFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory, TableFactory


@pytest.fixture(autouse=True)
def _source_language():
    """Each test starts in English, whatever an earlier request left active.

    The middleware activates a language per request in the running thread;
    without this, code run outside a request (warnings, services) would speak
    the language of whichever test ran before on the same worker.
    """
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def client(client, settings):
    """The test client reads pages in English, the source language.

    Assertions then name the source wording, and translation work never
    breaks them. Tests about French set the language cookie to "fr-ca".
    """
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def table(db):
    return TableFactory(name="Table de quartier Démo", slug="quartier-demo")


@pytest.fixture
def other_table(db):
    return TableFactory(name="Table jeunesse Est", slug="jeunesse-est")


@pytest.fixture
def coordinator(table):
    return MembershipFactory(
        table=table, role=Role.COORDINATOR, user__email="coordination@example.org"
    ).user


@pytest.fixture
def member(table):
    return MembershipFactory(table=table, role=Role.MEMBER, user__email="membre@example.org").user


@pytest.fixture
def observer(table):
    return MembershipFactory(
        table=table, role=Role.OBSERVER, user__email="observateur@example.org"
    ).user


@pytest.fixture
def other_coordinator(other_table):
    return MembershipFactory(
        table=other_table, role=Role.COORDINATOR, user__email="autre@example.org"
    ).user


@pytest.fixture
def outsider(db):
    return UserFactory(email="externe@example.org")


@pytest.fixture
def platform_admin(db):
    return UserFactory(email="admin@example.org", is_staff=True)


@pytest.fixture
def persona(request, db, table):
    """Resolve a persona by name, for tests parametrized over roles."""
    name = request.param
    if name == "anonymous":
        return None
    return request.getfixturevalue(name)


pytest_plugins = ["tablee.testing.plugin"]
