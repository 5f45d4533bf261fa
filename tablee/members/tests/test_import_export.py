"""Import (web and CLI) all or nothing, template, export and round trip."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from tablee.core.models import AuditEntry, AuditEvent
from tablee.members import importing, services
from tablee.members.models import Seat, SeatHolding
from tablee.members.tests.factories import OrganizationFactory
from tablee.organizations.models import Organization

pytestmark = pytest.mark.django_db

GOOD = (
    "organisation;secteur;prénom;nom;courriel;rôle;type d'acteur\n"
    "Centre d'action bénévole;communautaire;Anne;Lavoie;anne@example.org;représentante;tactique\n"
    "CENTRE D ACTION BENEVOLE;;Paul;Roy;paul@example.org;substitut;\n"
    "Nouvel organisme;Education;Lise;Côté;lise@example.org;representative;strategic\n"
    ";;Marc;Citoyen;marc@example.org;représentant(e);expérience vécue\n"
)


def test_header_matching_ignores_case_and_accents():
    text = (
        "ORGANIZATION,Sector,First Name,Last name,E-mail,Role,Actor type\n"
        "A,,B,C,d@e.org,rep,tactical\n"
    )
    rows = importing.read_rows(data=text.encode(), filename="x.csv")
    assert rows[0]["organization"] == "A" and rows[0]["row"] == 2


def test_cp1252_and_semicolon_are_read():
    rows = importing.read_rows(data=GOOD.encode("cp1252"), filename="f.csv")
    assert rows[0]["first_name"] == "Anne" and rows[3]["actor_type"] == "expérience vécue"


def test_missing_columns_are_named():
    with pytest.raises(Exception, match="courriel"):
        importing.read_rows(data=b"organisation,secteur\nA,B\n", filename="f.csv")


def test_import_creates_organizations_seats_and_holders(table, coordinator):
    OrganizationFactory(name="Centre d'action bénévole")
    rows = importing.read_rows(data=GOOD.encode(), filename="f.csv")
    AuditEntry.objects.all().delete()
    counts = services.seats_import(table=table, actor=coordinator, rows=rows)
    assert counts["organizations_created"] == 1
    assert counts["seats_created"] == 3
    assert Seat.objects.for_table(table).count() == 3
    assert SeatHolding.objects.count() == 4
    assert Organization.objects.filter(name="Nouvel organisme").exists()
    imports = AuditEntry.objects.filter(event=AuditEvent.MEMBERS_IMPORTED)
    assert imports.count() == 1 and imports.get().changes["new"]["seats_created"] == 3


def test_a_bad_row_writes_nothing(table, coordinator):
    bad = GOOD + "Autre;secteur-inconnu;X;Y;pas-un-courriel;représentant;tactique\n"
    rows = importing.read_rows(data=bad.encode(), filename="f.csv")
    plan = importing.build_plan(table=table, rows=rows)
    assert [line.row for line in plan.error_rows] == [6]
    with pytest.raises(Exception, match="nothing was imported"):
        services.seats_import(table=table, actor=coordinator, rows=rows)
    assert not Seat.objects.exists() and not Organization.objects.exists()


def test_web_import_preview_then_confirm(client, table, coordinator):
    client.force_login(coordinator)
    url = f"/t/{table.slug}/seats/import/"
    upload = SimpleUploadedFile("membres.csv", GOOD.encode(), content_type="text/csv")
    preview = client.post(url, {"file": upload})
    text = preview.content.decode()
    assert preview.status_code == 200 and "Import everything" in text
    assert not Seat.objects.exists()
    token = client.session["members-import"]["token"]
    done = client.post(url, {"token": token})
    assert done.status_code == 302
    assert Seat.objects.for_table(table).count() == 3


def test_web_import_preview_lists_errors(client, table, coordinator):
    client.force_login(coordinator)
    bad = "organisation,secteur,prénom,nom,courriel,rôle,type d'acteur\nA,,B,C,d@e.org,chef,\n"
    upload = SimpleUploadedFile("m.csv", bad.encode(), content_type="text/csv")
    text = client.post(f"/t/{table.slug}/seats/import/", {"file": upload}).content.decode()
    assert "Row 2" in text and "Import everything" not in text


def test_confirm_with_a_foreign_token_is_refused(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(f"/t/{table.slug}/seats/import/", {"token": "nope"})
    assert response.status_code == 302
    assert not Seat.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_download(client, table, coordinator, fmt):
    client.force_login(coordinator)
    response = client.get(f"/t/{table.slug}/seats/import/template.{fmt}")
    assert response.status_code == 200
    rows = importing.read_rows(data=response.content, filename=f"t.{fmt}")
    assert rows[0]["email"] == "prenom.nom@example.org"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_imports_back_unchanged(table, coordinator, tmp_path, fmt):
    OrganizationFactory(name="Centre d'action bénévole")
    services.seats_import(
        table=table,
        actor=coordinator,
        rows=importing.read_rows(data=GOOD.encode(), filename="f.csv"),
    )
    services.seat_create(
        table=table, actor=coordinator, label="Siège vacant", actor_type="tactical"
    )
    out = tmp_path / f"export.{fmt}"
    call_command("export-members", table.slug, "--format", fmt, "-o", str(out))
    rows = importing.read_rows(data=out.read_bytes(), filename=out.name)
    assert len(rows) == 5
    plan = importing.build_plan(table=table, rows=rows)
    assert not plan.has_errors, [(r.row, r.errors) for r in plan.error_rows]
    counts = plan.counts
    assert counts["seats_created"] == 0 and counts["organizations_created"] == 0
    assert counts["holders_named"] == 0 and counts["seats_updated"] == 0


def test_cli_import_dry_run_and_errors(table, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import-members", table.slug, str(good), "--dry-run", stdout=out)
    assert "3 seats created" in out.getvalue() and not Seat.objects.exists()
    call_command("import-members", table.slug, str(good), stdout=out)
    assert Seat.objects.for_table(table).count() == 3
    bad = tmp_path / "bad.csv"
    bad.write_text(GOOD + "X;;A;B;faux;rep;tactique\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import-members", table.slug, str(bad), stderr=err)
    assert "row 6:" in err.getvalue()
