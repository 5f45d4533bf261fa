"""A coordinator of another table gets 404 on this table's waves, pages and API."""

import pytest
from django.urls import reverse

from tablee.accounts.services import api_token_create
from tablee.relationsurvey import selectors
from tablee.relationsurvey.tests.factories import answer, make_wave, seated_orgs

pytestmark = pytest.mark.django_db


def test_other_table_gets_404(client, table, coordinator, other_table, other_coordinator):
    a, b = seated_orgs(table, 2)
    wave = make_wave(table=table, actor=coordinator)
    answer(wave, a, {b: 3})
    client.force_login(other_coordinator)
    for name in ("wave-detail", "wave-edit", "wave-answer", "wave-results", "wave-compare"):
        assert (
            client.get(reverse(f"relationsurvey:{name}", args=[table.slug, wave.pk])).status_code
            == 404
        )
        # The wave id under the other table's own address is not found either.
        url = reverse(f"relationsurvey:{name}", args=[other_table.slug, wave.pk])
        assert client.get(url).status_code == 404
    url = reverse("relationsurvey:answers-enter", args=[other_table.slug, wave.pk, a.pk])
    assert client.get(url).status_code == 404
    _t, raw = api_token_create(user=other_coordinator, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    api = f"/api/v1/tables/{other_table.slug}/relation-surveys/{wave.pk}/results"
    assert client.get(api, headers=headers).status_code == 404
    api = f"/api/v1/tables/{table.slug}/relation-surveys/{wave.pk}/results"
    assert client.get(api, headers=headers).status_code == 404


def test_selectors_are_scoped_to_the_table(table, coordinator, other_table):
    seated_orgs(table, 2)
    wave = make_wave(table=table, actor=coordinator)
    assert selectors.wave_get(table=other_table, wave_id=wave.pk) is None
    assert list(selectors.wave_list(table=other_table)) == []
