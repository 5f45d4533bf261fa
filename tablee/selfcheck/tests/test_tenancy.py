"""A coordinator of another table gets 404 on this table's self-checks, pages and API."""

import pytest
from django.urls import reverse

from tablee.accounts.services import api_token_create
from tablee.selfcheck.models import SelfCheck
from tablee.selfcheck.tests.factories import make_check

pytestmark = pytest.mark.django_db


def test_other_table_gets_404(client, table, coordinator, other_table, other_coordinator):
    check = make_check(table=table, actor=coordinator)
    card = check.cards.first()
    client.force_login(other_coordinator)
    for name in ("selfcheck-detail", "selfcheck-profile", "selfcheck-complete"):
        url = reverse(f"selfcheck:{name}", args=[table.slug, check.pk])
        assert client.get(url).status_code == 404, name
    # The check's id under the other table's own address is not found either.
    for name in ("selfcheck-detail", "selfcheck-profile"):
        url = reverse(f"selfcheck:{name}", args=[other_table.slug, check.pk])
        assert client.get(url).status_code == 404, name
    url = reverse("selfcheck:card-update", args=[table.slug, check.pk, card.pk])
    assert client.post(url, {"level": "3"}).status_code == 404
    assert check.cards.get(pk=card.pk).level == card.level  # unchanged
    _t, raw = api_token_create(user=other_coordinator, name="t")
    response = client.get(
        f"/api/v1/tables/{table.slug}/conditions", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 404
    assert SelfCheck.objects.get(pk=check.pk).table == table
