"""A coordinator of another table gets 404 for this table's frameworks and conditions."""

import pytest

from tablee.frameworks.models import Condition, Framework
from tablee.frameworks.tests.factories import ConditionFactory, FrameworkFactory
from tablee.results.tests.factories import ResultsPlanActionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("suffix", ["", "edit/", "delete/", "document/"])
def test_framework_pages_of_another_table_are_404(
    client, table, other_table, other_coordinator, suffix
):
    framework = FrameworkFactory(table=table)
    client.force_login(other_coordinator)
    assert client.get(f"/t/{table.slug}/frameworks/{framework.pk}/{suffix}").status_code == 404
    assert (
        client.get(f"/t/{other_table.slug}/frameworks/{framework.pk}/{suffix}").status_code == 404
    )


@pytest.mark.parametrize("suffix", ["", "edit/", "delete/"])
def test_condition_pages_of_another_table_are_404(
    client, table, other_table, other_coordinator, suffix
):
    condition = ConditionFactory(table=table)
    client.force_login(other_coordinator)
    assert client.get(f"/t/{table.slug}/obstacles/{condition.pk}/{suffix}").status_code == 404
    assert (
        client.get(f"/t/{other_table.slug}/obstacles/{condition.pk}/{suffix}").status_code == 404
    )
    assert (
        client.post(f"/t/{other_table.slug}/obstacles/{condition.pk}/delete/").status_code == 404
    )
    assert Condition.objects.exists()


def test_actions_of_another_table_cannot_be_linked(client, table, other_table, coordinator):
    foreign = ResultsPlanActionFactory(table=other_table, objective__process__table=other_table)
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/frameworks/new/",
        {"title": "Loi", "kind": "law", "actions": [foreign.pk]},
    )
    assert response.status_code == 200
    assert not Framework.objects.exists()
