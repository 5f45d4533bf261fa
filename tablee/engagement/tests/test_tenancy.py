"""Another table's coordinator learns nothing of this table's health."""

import pytest

from tablee.engagement.tests.factories import held_meetings, seats

pytestmark = pytest.mark.django_db


def test_other_table_gets_404_on_pages_and_api(client, table, other_coordinator, bearer):
    (seat,) = seats(table, 1)
    held_meetings(table, {seat: [False, False, False]})
    client.force_login(other_coordinator)
    for url in ("health/", "health/mobilisation/", "health/settings/"):
        assert client.get(f"/t/{table.slug}/{url}").status_code == 404
    response = client.get(f"/api/v1/tables/{table.slug}/health", headers=bearer(other_coordinator))
    assert response.status_code == 404


def test_figures_only_count_the_table_itself(table, other_table):
    from tablee.engagement import selectors

    (mine,) = seats(table, 1)
    (theirs,) = seats(other_table, 1)
    held_meetings(table, {mine: [True, True]})
    held_meetings(other_table, {theirs: [False, False, False]})
    report = selectors.health_report(table=table, warnings_visible=True, names_visible=True)
    assert report.meetings_held == 2
    assert report.overall == [100.0]
    assert report.alerts == []
