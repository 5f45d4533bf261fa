"""Portrait pages and API lists cost the same number of queries with little or much data."""

from decimal import Decimal

import pytest

from tablee.members.tests.factories import SeatFactory
from tablee.organizations.models import Sector
from tablee.portrait.tests.factories import (
    NeedFactory,
    PlanActionFactory,
    StrengthFactory,
    TerritoryIndicatorFactory,
    TerritoryValueFactory,
)

pytestmark = pytest.mark.django_db


def _portrait(table, size):
    sectors = list(Sector.objects.all()[:2])
    organizations = [SeatFactory(table=table).organization for _ in range(2)]
    action = PlanActionFactory(process__table=table)
    indicators = []
    for index in range(size):
        indicator = TerritoryIndicatorFactory(table=table)
        indicators.append(indicator)
        for year in range(2015, 2015 + size):
            TerritoryValueFactory(
                indicator=indicator,
                year=year,
                value=None if year % 4 == 0 else Decimal(index + year % 7),
            )
    for _ in range(size * 3):
        for factory in (NeedFactory, StrengthFactory):
            finding = factory(table=table)
            finding.organizations.set(organizations)
            finding.sectors.set(sectors)
            finding.indicators.set(indicators[:2])
            if factory is NeedFactory:
                finding.actions.add(action)
    return indicators[0]


@pytest.mark.parametrize("size", [2, 10])
def test_portrait_pages_queries_do_not_grow(
    client, table, coordinator, size, django_assert_max_num_queries
):
    indicator = _portrait(table, size)
    need = indicator.needs.first()
    strength = indicator.strengths.first()
    client.force_login(coordinator)
    base = f"/t/{table.slug}/portrait/"
    # session, user, table, roles, indicator count, page, values, coverage
    # counts, first needs, first strengths
    with django_assert_max_num_queries(11):
        assert client.get(base).status_code == 200
    # session, user, table, roles, processes, count, page, organizations,
    # sectors, indicators
    with django_assert_max_num_queries(11):
        assert client.get(base + "needs/").status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(base + "strengths/").status_code == 200
    # session, user, table, roles, indicator with process, values
    with django_assert_max_num_queries(7):
        assert client.get(base + f"indicators/{indicator.pk}/").status_code == 200
    # + need, organizations, sectors, indicators, actions, documents
    with django_assert_max_num_queries(11):
        assert client.get(base + f"needs/{need.pk}/").status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(base + f"strengths/{strength.pk}/").status_code == 200
    # the form's choices: organizations, sectors, indicators, processes
    with django_assert_max_num_queries(15):
        assert client.get(base + f"needs/{need.pk}/edit/").status_code == 200


@pytest.mark.parametrize("size", [2, 10])
def test_portrait_api_queries_do_not_grow(
    client, table, member, bearer, size, django_assert_max_num_queries
):
    _portrait(table, size)
    headers = bearer(member)
    # token, user, table, roles, count, page, values
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/tables/{table.slug}/portrait/indicators", headers=headers)
    assert response.status_code == 200
    # token, user, table, roles, count, page, organizations, sectors, indicators
    with django_assert_max_num_queries(10):
        response = client.get(f"/api/v1/tables/{table.slug}/portrait/needs", headers=headers)
    assert response.status_code == 200
