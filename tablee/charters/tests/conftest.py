import pytest

from tablee.accounts.services import api_token_create
from tablee.charters.tests.factories import CharterVersionFactory


@pytest.fixture
def draft(table):
    return CharterVersionFactory(table=table, number=1)


@pytest.fixture
def adopted(table, coordinator):
    return CharterVersionFactory(table=table, number=1, adopted=True, adopted_by=coordinator)


@pytest.fixture
def bearer():
    def make(user) -> dict[str, str]:
        _token, raw = api_token_create(user=user, name="Tests")
        return {"Authorization": f"Bearer {raw}"}

    return make
