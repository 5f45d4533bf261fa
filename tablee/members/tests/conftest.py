import pytest

from tablee.accounts.services import api_token_create


@pytest.fixture
def bearer():
    def make(user):
        _token, raw = api_token_create(user=user, name="tests")
        return {"Authorization": f"Bearer {raw}"}

    return make
