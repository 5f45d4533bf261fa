"""Indicators and their values: services, pages, audit, missing data."""

from decimal import Decimal

import pytest

from tablee.core.errors import Conflict, InvalidInput
from tablee.core.models import AuditEntry
from tablee.portrait import services
from tablee.portrait.models import TerritoryIndicator, TerritoryValue
from tablee.portrait.tests.factories import (
    NeedFactory,
    ProcessFactory,
    TerritoryIndicatorFactory,
    TerritoryValueFactory,
)

pytestmark = pytest.mark.django_db


def _events():
    return list(AuditEntry.objects.values_list("event", flat=True))


def test_creating_an_indicator_records_one_audit_entry(table, coordinator):
    process = ProcessFactory(table=table)
    indicator = services.indicator_create(
        table=table,
        actor=coordinator,
        name="  Ménages à faible revenu ",
        unit="%",
        source="Recensement",
        geography="Saint-Exemple",
        process=process,
    )
    assert indicator.name == "Ménages à faible revenu"
    assert indicator.key == "menages a faible revenu|saint exemple"
    assert _events() == ["PORTRAIT_INDICATOR_CREATED"]


def test_same_indicator_and_geography_twice_is_refused(table, coordinator):
    services.indicator_create(table=table, actor=coordinator, name="Chômage", geography="Nord")
    with pytest.raises(InvalidInput):
        services.indicator_create(table=table, actor=coordinator, name="CHÔMAGE", geography="nord")
    # Another geography is another indicator.
    services.indicator_create(table=table, actor=coordinator, name="Chômage", geography="Sud")
    assert TerritoryIndicator.objects.count() == 2


def test_stale_edit_is_refused(table, coordinator):
    indicator = TerritoryIndicatorFactory(table=table)
    fields = {"name": "Nouveau nom", "unit": "%", "source": "", "geography": "", "description": ""}
    services.indicator_update(
        indicator=indicator, actor=coordinator, process=None, base_revision=0, **fields
    )
    with pytest.raises(Conflict):
        services.indicator_update(
            indicator=indicator, actor=coordinator, process=None, base_revision=0, **fields
        )
    indicator.refresh_from_db()
    assert indicator.revision == 1


def test_missing_value_stays_missing(table, coordinator):
    indicator = TerritoryIndicatorFactory(table=table)
    services.indicator_value_record(
        indicator=indicator, actor=coordinator, year=2022, value=None, note="données partielles"
    )
    value = TerritoryValue.objects.get(indicator=indicator, year=2022)
    assert value.value is None
    assert value.note == "données partielles"
    services.indicator_value_record(
        indicator=indicator, actor=coordinator, year=2022, value=Decimal("3.5")
    )
    assert TerritoryValue.objects.get(indicator=indicator, year=2022).value == Decimal("3.5")
    assert TerritoryValue.objects.count() == 1
    assert _events() == ["PORTRAIT_VALUE_RECORDED", "PORTRAIT_VALUE_RECORDED"]


def test_implausible_year_is_refused(table, coordinator):
    indicator = TerritoryIndicatorFactory(table=table)
    with pytest.raises(InvalidInput):
        services.indicator_value_record(
            indicator=indicator, actor=coordinator, year=1200, value=Decimal(1)
        )
    assert not TerritoryValue.objects.exists()


def test_detail_page_shows_chart_and_states_missing_years(client, table, member):
    indicator = TerritoryIndicatorFactory(table=table, name="Demandes d'aide", unit="")
    TerritoryValueFactory(indicator=indicator, year=2019, value=Decimal("310"))
    TerritoryValueFactory(indicator=indicator, year=2020, value=None, note="données partielles")
    # 2021 has no row at all: inside the range, it is missing too.
    TerritoryValueFactory(indicator=indicator, year=2022, value=Decimal("560"))
    client.force_login(member)
    response = client.get(f"/t/{table.slug}/portrait/indicators/{indicator.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html
    assert "données partielles" in html
    assert "missing (no value recorded)" in html
    assert "310" in html and "560" in html
    chart = response.context["chart"]
    assert [row[1] for row in chart.rows] == ["310", "missing", "missing", "560"]
    # Members read but do not see the buttons to change.
    assert "Record a value" not in html


def test_value_form_records_an_empty_value_as_missing(client, table, coordinator):
    indicator = TerritoryIndicatorFactory(table=table)
    client.force_login(coordinator)
    url = f"/t/{table.slug}/portrait/indicators/{indicator.pk}/values/"
    response = client.post(url, {"year": "2023", "value": "", "note": "non publié"})
    assert response.status_code == 302
    assert TerritoryValue.objects.get(indicator=indicator, year=2023).value is None
    response = client.post(url, {"year": "2024", "value": "abc"})
    assert response.status_code == 200
    assert not TerritoryValue.objects.filter(year=2024).exists()


def test_value_for_an_indicator_of_another_table_is_404(
    client, table, other_table, other_coordinator
):
    indicator = TerritoryIndicatorFactory(table=table)
    client.force_login(other_coordinator)
    for slug in (table.slug, other_table.slug):
        url = f"/t/{slug}/portrait/indicators/{indicator.pk}/values/"
        assert client.post(url, {"year": "2023", "value": "4"}).status_code == 404
    assert not TerritoryValue.objects.exists()


def test_deleting_an_indicator_asks_then_removes_values_and_evidence(client, table, coordinator):
    indicator = TerritoryIndicatorFactory(table=table)
    TerritoryValueFactory(indicator=indicator, year=2020)
    need = NeedFactory(table=table)
    need.indicators.add(indicator)
    client.force_login(coordinator)
    url = f"/t/{table.slug}/portrait/indicators/{indicator.pk}/delete/"
    response = client.get(url)
    assert response.status_code == 200
    assert b"Yes, delete the indicator" in response.content
    assert TerritoryIndicator.objects.exists()
    assert client.post(url).status_code == 302
    assert not TerritoryIndicator.objects.exists()
    assert not TerritoryValue.objects.exists()
    assert need.indicators.count() == 0
    assert _events() == ["PORTRAIT_INDICATOR_DELETED"]


def test_value_delete_confirms_first(client, table, coordinator):
    indicator = TerritoryIndicatorFactory(table=table)
    TerritoryValueFactory(indicator=indicator, year=2020)
    client.force_login(coordinator)
    url = f"/t/{table.slug}/portrait/indicators/{indicator.pk}/values/2020/delete/"
    assert client.get(url).status_code == 200
    assert TerritoryValue.objects.exists()
    assert client.post(url).status_code == 302
    assert not TerritoryValue.objects.exists()
    missing = f"/t/{table.slug}/portrait/indicators/{indicator.pk}/values/2021/delete/"
    assert client.get(missing).status_code == 404


def test_create_and_edit_pages(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/portrait/indicators/new/",
        {"name": "Taux de chômage", "unit": "%", "geography": "Saint-Exemple"},
    )
    assert response.status_code == 302
    indicator = TerritoryIndicator.objects.get()
    url = f"/t/{table.slug}/portrait/indicators/{indicator.pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Taux de chômage", "unit": "%", "revision": "0"})
    assert response.status_code == 302
    # A second save with the old revision is a conflict, shown on the page.
    response = client.post(url, {"name": "Autre", "unit": "%", "revision": "0"})
    assert response.status_code == 200
    assert b"The version saved in the meantime" in response.content
    indicator.refresh_from_db()
    assert indicator.name == "Taux de chômage"


def test_home_page_empty_states(client, table, observer):
    client.force_login(observer)
    response = client.get(f"/t/{table.slug}/portrait/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "No indicator yet." in html
    assert "No need recorded yet." in html
    assert "No strength or resource recorded yet." in html


def test_absurd_value_is_refused(table, coordinator):
    indicator = TerritoryIndicatorFactory(table=table)
    with pytest.raises(InvalidInput):
        services.indicator_value_record(
            indicator=indicator, actor=coordinator, year=2020, value=Decimal("1e15")
        )
    assert not TerritoryValue.objects.exists()
