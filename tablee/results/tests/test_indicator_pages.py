"""Pages of plan indicators: list, detail with its chart, forms and confirmations."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils.html import escape

from tablee.core.models import AuditEntry
from tablee.results.models import IndicatorMeasure, PlanIndicator
from tablee.results.tests.factories import IndicatorMeasureFactory, PlanIndicatorFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _base(process) -> str:
    return f"/t/{process.table.slug}/processes/{process.slug}/indicators/"


def test_list_groups_indicators_and_shows_latest_value_against_target(
    client, process, action, observer
):
    indicator = PlanIndicatorFactory(
        action=action, name="Repas servis", unit="repas", baseline_value=100, target_value=300
    )
    IndicatorMeasureFactory(indicator=indicator, measured_on=date(2024, 1, 1), value=150)
    IndicatorMeasureFactory(indicator=indicator, measured_on=date(2025, 1, 1), value=200)
    client.force_login(observer)
    response = client.get(_base(process))
    assert response.status_code == 200
    text = response.content.decode()
    assert escape(action.objective.title) in text
    assert action.title in text
    assert "Repas servis" in text
    assert "200 repas" in text
    assert "2025-01-01" in text
    assert "50% of the way from baseline to target" in text
    assert "New indicator" not in text


def test_list_filters_by_question(client, process, action, coordinator):
    PlanIndicatorFactory(action=action, name="Combien", kind="how_much")
    PlanIndicatorFactory(action=action, name="Mieux", kind="better_off")
    client.force_login(coordinator)
    text = client.get(_base(process), {"kind": "better_off"}).content.decode()
    assert "Mieux" in text and "Combien" not in text
    htmx = client.get(_base(process), {"kind": "how_much"}, HTTP_HX_REQUEST="true")
    assert "Combien" in htmx.content.decode()
    assert "<html" not in htmx.content.decode()


def test_detail_draws_the_chart_with_baseline_target_and_data_table(
    client, process, action, member
):
    indicator = PlanIndicatorFactory(
        action=action, unit="%", baseline_value=Decimal("12.5"), target_value=40
    )
    IndicatorMeasureFactory(indicator=indicator, measured_on=date(2024, 1, 1), value=20)
    client.force_login(member)
    response = client.get(f"{_base(process)}{indicator.pk}/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in text
    assert "Target" in text and "Baseline" in text
    assert "Data table" in text
    assert "2024-01-01" in text
    # The member is accountable for the action: they may record a value.
    assert "Record a value" in text


def test_a_coordinator_creates_an_indicator_from_the_form(client, process, action, coordinator):
    client.force_login(coordinator)
    assert client.get(f"{_base(process)}new/?action={action.pk}").status_code == 200
    response = client.post(
        f"{_base(process)}new/",
        {
            "action": action.pk,
            "name": "Familles inscrites",
            "kind": "how_much",
            "unit": "familles",
            "baseline_value": "10",
            "baseline_on": "2023-01-01",
            "target_value": "80.5",
            "target_on": "2026-01-01",
            "source": "Registre",
        },
    )
    indicator = PlanIndicator.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{_base(process)}{indicator.pk}/"
    assert indicator.target_value == Decimal("80.5")


def test_a_percentage_above_100_is_refused_on_the_page(client, process, action, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"{_base(process)}new/",
        {
            "action": action.pk,
            "name": "Taux",
            "kind": "how_well",
            "unit": "%",
            "target_value": "120",
        },
    )
    assert response.status_code == 200
    assert "enter a value from 0 to 100" in response.content.decode()
    assert not PlanIndicator.objects.exists()


def test_the_accountable_person_records_a_value(client, process, action, member):
    indicator = PlanIndicatorFactory(action=action, unit="%")
    client.force_login(member)
    url = f"{_base(process)}{indicator.pk}/values/new/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"measured_on": "2024-05-01", "value": "150"})
    assert "enter a value from 0 to 100" in response.content.decode()
    response = client.post(url, {"measured_on": "2024-05-01", "value": "55", "source": "Sondage"})
    assert response.status_code == 302
    assert IndicatorMeasure.objects.get().value == Decimal("55")


def test_a_member_not_accountable_cannot_record(client, process, action, table):
    other = MembershipFactory(table=table, role=Role.MEMBER).user
    indicator = PlanIndicatorFactory(action=action)
    client.force_login(other)
    url = f"{_base(process)}{indicator.pk}/values/new/"
    assert client.post(url, {"measured_on": "2024-05-01", "value": "5"}).status_code == 403
    assert not IndicatorMeasure.objects.exists()


def test_edit_keeps_input_and_shows_their_version_on_conflict(
    client, process, action, coordinator
):
    indicator = PlanIndicatorFactory(action=action, name="Avant")
    client.force_login(coordinator)
    data = {"action": action.pk, "name": "Après", "kind": "how_much", "revision": "0"}
    assert client.post(f"{_base(process)}{indicator.pk}/edit/", data).status_code == 302
    data["name"] = "Encore"
    response = client.post(f"{_base(process)}{indicator.pk}/edit/", data)
    text = response.content.decode()
    assert "The version saved in the meantime" in text
    assert 'value="Encore"' in text
    indicator.refresh_from_db()
    assert indicator.name == "Après"


def test_delete_asks_for_confirmation(client, process, action, coordinator):
    indicator = PlanIndicatorFactory(action=action)
    client.force_login(coordinator)
    url = f"{_base(process)}{indicator.pk}/delete/"
    assert "cannot be undone" in client.get(url).content.decode()
    assert PlanIndicator.objects.exists()
    response = client.post(url)
    assert response["Location"] == _base(process)
    assert not PlanIndicator.objects.exists()


def test_removing_a_value_asks_for_confirmation(client, process, action, coordinator):
    measure = IndicatorMeasureFactory(indicator=PlanIndicatorFactory(action=action))
    client.force_login(coordinator)
    url = f"{_base(process)}{measure.indicator_id}/values/{measure.pk}/delete/"
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not IndicatorMeasure.objects.exists()
    assert AuditEntry.objects.filter(event="PLAN_INDICATOR_VALUE_REMOVED").count() == 1


def test_unknown_process_is_404(client, table, coordinator):
    client.force_login(coordinator)
    assert client.get(f"/t/{table.slug}/processes/nope/indicators/").status_code == 404


def test_french_readers_type_and_read_decimal_commas(client, settings, process, action, member):
    indicator = PlanIndicatorFactory(action=action, unit="%", baseline_value=Decimal("12.5"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    client.force_login(member)
    url = f"{_base(process)}{indicator.pk}/values/new/"
    response = client.post(url, {"measured_on": "2024-05-01", "value": "150,5"})
    assert "Cet indicateur est un pourcentage" in response.content.decode()
    assert client.post(url, {"measured_on": "2024-05-01", "value": "47,25"}).status_code == 302
    assert IndicatorMeasure.objects.get().value == Decimal("47.25")
    text = client.get(f"{_base(process)}{indicator.pk}/").content.decode()
    assert "47,25 %" in text and "12,5 %" in text
