import pytest

from tablee.accounts.services import api_token_create


@pytest.fixture
def bearer():
    """Return the Authorization header of a fresh personal token of `user`."""

    def make(user) -> dict[str, str]:
        _token, raw = api_token_create(user=user, name="Tests")
        return {"Authorization": f"Bearer {raw}"}

    return make
