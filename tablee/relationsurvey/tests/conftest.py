import pytest

from tablee.accounts.services import api_token_create


@pytest.fixture
def bearer():
    """Return the Authorization header of a fresh personal token of `user`."""

    def make(user) -> dict[str, str]:
        _token, raw = api_token_create(user=user, name="Tests")
        return {"Authorization": f"Bearer {raw}"}

    return make


@pytest.fixture
def audit_entries():
    """Return the audit entries written since the fixture was requested."""
    from tablee.core.models import AuditEntry

    start = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def entries():
        return list(AuditEntry.objects.filter(id__gt=start).order_by("id"))

    return entries


@pytest.fixture(autouse=True)
def english():
    """Service messages read in English, the source language (pages use the cookie)."""
    from django.utils import translation

    with translation.override("en"):
        yield
