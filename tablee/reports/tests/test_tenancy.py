"""Another table's people see nothing of this table's reports and cannot import into it."""

import io

import pytest

from tablee.reports import spreadsheet
from tablee.reports.tests.conftest import make_plan, report_url

pytestmark = pytest.mark.django_db


def test_other_table_coordinator_gets_404(client, other_coordinator, plan):
    client.force_login(other_coordinator)
    table = plan.process.table
    assert client.get(report_url(table, plan.process)).status_code == 404
    assert client.get(report_url(table, plan.process), {"format": "pdf"}).status_code == 404
    assert client.get(report_url(table, plan.process, "import/")).status_code == 404


def test_a_process_is_reached_only_through_its_own_table(
    client, coordinator, other_table, other_coordinator, table
):
    theirs = make_plan(other_table, other_coordinator, slug="leur-plan")
    client.force_login(coordinator)
    # Their process slug under our table's address: not found.
    assert client.get(report_url(table, theirs.process)).status_code == 404


def test_import_ignores_another_table_rows(
    client, coordinator, other_table, other_coordinator, plan
):
    """Titles of another table's plan never match: an import only creates in this process."""
    theirs = make_plan(other_table, other_coordinator, slug="leur-plan")
    content = spreadsheet.export_plan(process=theirs.process)
    client.force_login(coordinator)
    upload = io.BytesIO(content)
    upload.name = "plan.xlsx"
    url = report_url(plan.process.table, plan.process, "import/")
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    token = client.session["reports-plan-import"]["token"]
    client.post(url, {"token": token})
    # Their plan is untouched; ours matched its own rows by title.
    assert theirs.process.plan_actions.count() == 2
    assert plan.process.plan_actions.count() == 2
