"""`tablee export-plan` and `tablee import-plan`."""

import io
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from tablee.core.models import AuditEntry
from tablee.plans.models import Objective, PlanAction
from tablee.plans.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db


def _export(plan, tmp_path, fmt, *extra):
    target = tmp_path / f"plan.{fmt}"
    call_command(
        "export-plan",
        plan.process.table.slug,
        "--process",
        plan.process.slug,
        "--format",
        fmt,
        *extra,
        "-o",
        str(target),
    )
    return target


def test_export_pdf_in_french_for_a_period(plan, tmp_path):
    target = _export(plan, tmp_path, "pdf", "--from", "2025-01-01", "--to", "2025-12-31")
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Rapport aux bailleurs de fonds" in text
    assert "Trois arrêts ouverts dans le secteur nord." in text
    assert "hors période" not in text


def test_export_docx_and_xlsx(plan, tmp_path):
    assert _export(plan, tmp_path, "docx").read_bytes().startswith(b"PK")
    workbook = load_workbook(_export(plan, tmp_path, "xlsx"))
    assert workbook["Actions"].max_row == 3


def test_export_refuses_a_backwards_period(plan, tmp_path):
    with pytest.raises(CommandError, match="comes before"):
        _export(plan, tmp_path, "pdf", "--from", "2025-12-31", "--to", "2025-01-01")


def test_export_names_an_unknown_process(plan, tmp_path):
    with pytest.raises(CommandError, match="no process"):
        call_command(
            "export-plan",
            plan.process.table.slug,
            "--process",
            "inconnue",
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "x.pdf"),
        )


def test_import_dry_run_writes_nothing(plan, table, tmp_path):
    source = _export(plan, tmp_path, "xlsx")
    empty = ProcessFactory(table=table, slug="vide")
    out = io.StringIO()
    call_command(
        "import-plan", table.slug, str(source), "--process", empty.slug, "--dry-run", stdout=out
    )
    assert "actions: 2 created" in out.getvalue()
    assert "dry run" in out.getvalue()
    assert not PlanAction.objects.filter(process=empty).exists()
    assert not AuditEntry.objects.filter(event="reports_plan_imported").exists()


def test_import_writes_and_counts(plan, table, tmp_path):
    source = _export(plan, tmp_path, "xlsx")
    empty = ProcessFactory(table=table, slug="vide")
    out = io.StringIO()
    call_command("import-plan", table.slug, str(source), "--process", empty.slug, stdout=out)
    assert "objectives: 2 created, 0 updated, 0 unchanged" in out.getvalue()
    assert PlanAction.objects.filter(process=empty).count() == 2
    out = io.StringIO()
    call_command("import-plan", table.slug, str(source), "--process", empty.slug, stdout=out)
    assert "actions: 0 created, 0 updated, 2 unchanged" in out.getvalue()


def test_import_prints_each_bad_row_and_fails(plan, table, tmp_path):
    source = _export(plan, tmp_path, "xlsx")
    workbook = load_workbook(source)
    workbook["Objectifs"].cell(row=4, column=1, value="Nouvel objectif")
    workbook["Actions"].cell(row=3, column=6, value="pas une date")
    workbook.save(source)
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import-plan", table.slug, str(source), "--process", plan.process.slug, stderr=err
        )
    assert "Actions, row 3: " in err.getvalue()
    assert not Objective.objects.filter(title="Nouvel objectif").exists()


def test_import_names_a_missing_sheet(plan, table, tmp_path):
    source = _export(plan, tmp_path, "xlsx")
    workbook = load_workbook(source)
    del workbook["Actions"]
    workbook.save(source)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import-plan", table.slug, str(source), "--process", plan.process.slug, stderr=err
        )
    assert "Actions" in err.getvalue()
