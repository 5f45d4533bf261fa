import pytest

from tablee.accounts.services import api_token_create
from tablee.priorities.tests.factories import ProcessFactory


@pytest.fixture
def process(table):
    return ProcessFactory(table=table, slug="plan", title="Plan d'action 2026")


@pytest.fixture
def bearer():
    def make(user) -> dict[str, str]:
        _token, raw = api_token_create(user=user, name="Tests")
        return {"Authorization": f"Bearer {raw}"}

    return make
