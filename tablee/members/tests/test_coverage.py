"""Coverage: gaps against the charter, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tablee.charters.models import CharterVersion
from tablee.members.selectors import coverage
from tablee.members.tests.factories import SeatFactory, SeatHoldingFactory
from tablee.organizations.models import Sector

pytestmark = pytest.mark.django_db


def test_gaps_are_named(table):
    CharterVersion.objects.create(
        table=table,
        number=1,
        status="adopted",
        needed_sectors=["education", "transport"],
        needed_actor_types=["lived_experience"],
    )
    education = Sector.objects.get(code="education")
    SeatFactory(table=table, sector=education)  # vacant
    SeatHoldingFactory(
        seat__table=table,
        seat__actor_type="strategic",
        seat__mandate_end=timezone.localdate() - timedelta(days=1),
    )
    data = coverage(table=table)
    assert [s.code for s in data["missing_sectors"]] == ["transport"]
    assert [s.code for s in data["vacant_sectors"]] == ["education"]
    assert data["no_lived_experience"] and not data["no_strategic"]
    assert len(data["without_representative"]) == 1
    assert len(data["past_mandate"]) == 1
    assert [t.value for t in data["missing_actor_types"]] == ["lived_experience"]


@pytest.mark.parametrize("count", [5, 60])
def test_coverage_page_queries_stay_flat(
    client, table, member, django_assert_max_num_queries, count
):
    sectors = list(Sector.objects.all())
    for i in range(count):
        SeatHoldingFactory(seat__table=table, seat__sector=sectors[i % len(sectors)])
    client.force_login(member)
    with django_assert_max_num_queries(10):
        response = client.get(f"/t/{table.slug}/coverage/")
    assert response.status_code == 200
    assert "vacant" in response.content.decode() or "covered" in response.content.decode()


def test_coverage_without_charter_says_so(client, table, member):
    client.force_login(member)
    text = client.get(f"/t/{table.slug}/coverage/").content.decode()
    assert "no charter yet" in text
