"""The plan's workbook: exported, read back unchanged, imported all or nothing."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEntry
from tablee.funding.models import ResourceCommitment
from tablee.plans.models import ActionPartner, Axis, Objective, PlanAction
from tablee.reports import services, spreadsheet
from tablee.reports.importing import build_plan
from tablee.reports.tests.conftest import report_url
from tablee.results.models import IndicatorMeasure, PlanIndicator

pytestmark = pytest.mark.django_db


def _snapshot(process):
    """Every field the workbook carries, to prove a round trip changes nothing."""
    return {
        "objectives": list(
            Objective.objects.filter(process=process).values_list(
                "id", "title", "description", "position", "revision"
            )
        ),
        "axes": list(Axis.objects.filter(objective__process=process).values_list("id", "title")),
        "actions": list(
            PlanAction.objects.filter(process=process).values_list(
                "id",
                "title",
                "objective_id",
                "axis_id",
                "starts_on",
                "ends_on",
                "status",
                "origin",
                "accountable_organization_id",
                "accountable_person_id",
                "position",
                "revision",
            )
        ),
        "partners": list(
            ActionPartner.objects.filter(action__process=process).values_list(
                "id", "organization_id", "role", "role_detail"
            )
        ),
        "indicators": list(
            PlanIndicator.objects.filter(process=process).values_list(
                "id", "name", "kind", "unit", "baseline_value", "target_value", "revision"
            )
        ),
        "values": list(
            IndicatorMeasure.objects.filter(indicator__process=process).values_list(
                "id", "measured_on", "value", "source", "note"
            )
        ),
        "resources": list(
            ResourceCommitment.objects.filter(action__process=process).values_list(
                "id", "kind", "quantity", "unit", "amount", "note", "revision"
            )
        ),
    }


def _workbook(process) -> bytes:
    return spreadsheet.export_plan(process=process)


def _edit(content: bytes, sheet: str, row: int, column: int, value) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    workbook[sheet].cell(row=row, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheets(content: bytes):
    return spreadsheet.read_workbook(data=content)


def test_export_has_one_sheet_per_level_with_french_headers(plan):
    workbook = load_workbook(io.BytesIO(_workbook(plan.process)))
    assert workbook.sheetnames == ["Objectifs", "Actions", "Indicateurs", "Valeurs", "Ressources"]
    actions = workbook["Actions"]
    headers = [cell.value for cell in actions[1]]
    assert headers == [
        "objectif",
        "axe ou stratégie",
        "action",
        "description",
        "date de début",
        "date de fin",
        "statut",
        "origine",
        "organisme imputable",
        "courriel de la personne imputable",
        "partenaires",
    ]
    row = [cell.value for cell in actions[2]]
    assert row[2] == "Marché solidaire mobile"
    assert row[4].date() == date(2025, 1, 15)
    assert row[6] == "En cours"
    assert row[7] == "Fixée d'avance (non négociable)" or row[7].startswith("Fix")
    assert row[8] == "Cuisine Amitié"
    assert row[9] == plan.actions[0].accountable_person.email
    assert row[10] == "Centre de santé du quartier (Soutient : prête un local)"


def test_round_trip_changes_nothing(plan, coordinator):
    before = _snapshot(plan.process)
    sheets = _sheets(_workbook(plan.process))
    preview = build_plan(process=plan.process, sheets=sheets)
    assert preview.errors == []
    assert preview.changes == 0
    counts = services.plan_import(process=plan.process, actor=coordinator, sheets=sheets)
    assert counts["actions_unchanged"] == 2
    assert counts["values_unchanged"] == 3
    assert counts["resources_unchanged"] == 2
    assert _snapshot(plan.process) == before
    entry = AuditEntry.objects.get(event="reports_plan_imported")
    assert entry.changes["new"]["actions_created"] == 0


def test_round_trip_of_the_demo_plan():
    """The demo's plan (twenty actions, indicators, resources) re-imports as is."""
    from tablee.core.demo import load_demo
    from tablee.processes.models import Process

    load_demo()
    process = Process.objects.get(table__slug="quartier-demo", slug="securite-alimentaire")
    assert PlanAction.objects.filter(process=process).count() >= 20
    before = _snapshot(process)
    preview = build_plan(process=process, sheets=_sheets(_workbook(process)))
    assert preview.errors == []
    assert preview.changes == 0
    assert preview.counts["indicators_unchanged"] > 0
    assert preview.counts["resources_unchanged"] > 0
    assert _snapshot(process) == before


def test_import_creates_a_plan_in_an_empty_process(plan, coordinator, table):
    from tablee.plans.tests.factories import ProcessFactory

    empty = ProcessFactory(table=table, slug="vide")
    counts = services.plan_import(
        process=empty, actor=coordinator, sheets=_sheets(_workbook(plan.process))
    )
    assert counts["objectives_created"] == 2
    assert counts["axes_created"] == 1
    assert counts["actions_created"] == 2
    assert counts["indicators_created"] == 2
    assert counts["values_created"] == 3
    assert counts["resources_created"] == 2
    market = PlanAction.objects.get(process=empty, title="Marché solidaire mobile")
    assert market.axis.title == "Rapprocher l'offre des quartiers"
    assert market.partners.get().role_detail == "prête un local"
    assert market.accountable_person == plan.actions[0].accountable_person
    satisfied = PlanIndicator.objects.get(process=empty, name="Clientèle satisfaite")
    assert satisfied.measures.get().value == Decimal("72.5")
    # The copy is itself a faithful plan: exporting it and importing back changes nothing.
    again = build_plan(process=empty, sheets=_sheets(_workbook(empty)))
    assert again.errors == [] and again.changes == 0
    assert AuditEntry.objects.filter(event="reports_plan_imported").count() == 1


def test_import_updates_matching_rows(plan, coordinator):
    content = _edit(_workbook(plan.process), "Actions", 2, 7, "Réalisée")
    content = _edit(content, "Valeurs", 2, 4, 150)
    counts = services.plan_import(process=plan.process, actor=coordinator, sheets=_sheets(content))
    assert counts["actions_updated"] == 1
    assert counts["values_updated"] == 1
    market = PlanAction.objects.get(pk=plan.actions[0].pk)
    assert market.status == "done"
    assert market.revision == 1


def test_status_and_origin_accept_codes_and_labels(plan, coordinator):
    content = _edit(_workbook(plan.process), "Actions", 2, 7, "late")
    content = _edit(content, "Actions", 3, 7, "Under way")
    content = _edit(content, "Actions", 2, 8, "coconstruite")
    preview = build_plan(process=plan.process, sheets=_sheets(content))
    assert preview.errors == []
    rows = preview.sheet("actions").rows
    assert rows[0].data["status"] == "late"
    assert rows[0].data["origin"] == "co_constructed"
    assert rows[1].data["status"] == "under_way"


def test_bad_rows_are_reported_per_sheet_and_row_and_nothing_is_written(plan, coordinator):
    content = _workbook(plan.process)
    content = _edit(content, "Actions", 2, 5, "le 3 mars")
    content = _edit(content, "Actions", 3, 9, "Organisme inconnu")
    content = _edit(content, "Indicateurs", 3, 7, 120)  # the % indicator's target
    content = _edit(content, "Valeurs", 4, 4, 101)  # a value of the % indicator
    content = _edit(content, "Ressources", 2, 3, "bananes")
    before = _snapshot(plan.process)
    preview = build_plan(process=plan.process, sheets=_sheets(content))
    errors = {(sheet, row): message for sheet, row, message in preview.errors}
    assert "is not a date" in errors[("Actions", 2)]
    assert "Unknown organization « Organisme inconnu »" in errors[("Actions", 3)]
    assert "percentage" in errors[("Indicateurs", 3)]
    assert "from 0 to 100" in errors[("Valeurs", 4)]
    assert "bananes" in errors[("Ressources", 2)]
    with pytest.raises(InvalidInput) as caught:
        services.plan_import(process=plan.process, actor=coordinator, sheets=_sheets(content))
    assert ("Actions", 2) in {(s, r) for s, r, _m in caught.value.extra["rows"]}
    assert _snapshot(plan.process) == before
    assert not AuditEntry.objects.filter(event="reports_plan_imported").exists()


def test_a_late_error_leaves_earlier_sheets_unwritten(plan, coordinator):
    """A new objective in the first sheet is not created when a resource row is bad."""
    content = _edit(_workbook(plan.process), "Objectifs", 4, 1, "Nouvel objectif")
    content = _edit(content, "Ressources", 3, 6, -5)
    with pytest.raises(InvalidInput):
        services.plan_import(process=plan.process, actor=coordinator, sheets=_sheets(content))
    assert not Objective.objects.filter(title="Nouvel objectif").exists()


def test_missing_sheet_and_wrong_headers_are_named():
    workbook = Workbook()
    workbook.active.title = "Objectifs"
    workbook.active.append(["objectif", "description"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(InvalidInput) as caught:
        spreadsheet.read_workbook(data=buffer.getvalue())
    assert "« Actions »" in caught.value.message

    workbook = Workbook()
    workbook.active.title = "Objectifs"
    workbook.active.append(["titre", "description"])
    actions = workbook.create_sheet("Actions")
    actions.append(["objectif", "action", "statut"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(InvalidInput) as caught:
        spreadsheet.read_workbook(data=buffer.getvalue())
    assert "Sheet « Actions »: these columns are missing" in caught.value.message
    assert "date de début" in caught.value.message


def test_not_a_workbook():
    with pytest.raises(InvalidInput) as caught:
        spreadsheet.read_workbook(data=b"objectif;description\n")
    assert "not a readable Excel workbook" in caught.value.message


def test_web_import_previews_then_writes(client, coordinator, plan):
    client.force_login(coordinator)
    url = report_url(plan.process.table, plan.process, "import/")
    content = _edit(_workbook(plan.process), "Objectifs", 4, 1, "Nouvel objectif")
    upload = io.BytesIO(content)
    upload.name = "plan.xlsx"
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Preview of plan.xlsx" in page
    assert not Objective.objects.filter(title="Nouvel objectif").exists()
    token = client.session["reports-plan-import"]["token"]
    response = client.post(url, {"token": token})
    assert response.status_code == 302
    assert Objective.objects.filter(title="Nouvel objectif", process=plan.process).exists()


def test_web_import_shows_every_row_error(client, coordinator, plan):
    client.force_login(coordinator)
    url = report_url(plan.process.table, plan.process, "import/")
    content = _edit(_workbook(plan.process), "Actions", 3, 9, "Organisme inconnu")
    upload = io.BytesIO(content)
    upload.name = "plan.xlsx"
    response = client.post(url, {"file": upload})
    page = response.content.decode()
    assert "Sheet « Actions », row 3" in page
    assert "Organisme inconnu" in page
    assert "Import everything" not in page


def test_web_import_refuses_a_stale_token(client, coordinator, plan):
    client.force_login(coordinator)
    url = report_url(plan.process.table, plan.process, "import/")
    response = client.post(url, {"token": "forged"})
    assert response.status_code == 302


def test_web_import_refuses_other_files(client, coordinator, plan):
    client.force_login(coordinator)
    url = report_url(plan.process.table, plan.process, "import/")
    upload = io.BytesIO(b"a,b\n")
    upload.name = "plan.csv"
    response = client.post(url, {"file": upload})
    assert "Send an Excel workbook (.xlsx)." in response.content.decode()
