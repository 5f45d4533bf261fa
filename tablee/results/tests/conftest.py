import pytest
from django.utils import translation

from tablee.accounts.services import api_token_create
from tablee.results.tests.factories import ResultsPlanActionFactory


@pytest.fixture
def bearer():
    """Return the Authorization header of a fresh personal token of `user`."""

    def make(user) -> dict[str, str]:
        _token, raw = api_token_create(user=user, name="Tests")
        return {"Authorization": f"Bearer {raw}"}

    return make


@pytest.fixture
def action(table, member):
    """A plan action of process « securite-alimentaire », `member` accountable for it."""
    return ResultsPlanActionFactory(
        table=table,
        objective__process__table=table,
        objective__process__slug="securite-alimentaire",
        accountable_person=member,
    )


@pytest.fixture
def process(action):
    return action.process


@pytest.fixture(autouse=True)
def english():
    """Services answer in the active language: tests read the English source."""
    with translation.override("en"):
        yield
