"""The coordination's own sections of the annual report: saved, versioned, used by downloads."""

import io

import pytest
from django.urls import reverse
from docx import Document

from tablee.core.errors import Conflict, DomainError, InvalidInput
from tablee.core.models import AuditEntry
from tablee.reports import services
from tablee.reports.models import AnnualReportText

pytestmark = pytest.mark.django_db


def _save(table, actor, revision, intro="Une année de chantiers.", outlook="Cap sur 2026."):
    return services.annual_text_save(
        table=table,
        actor=actor,
        year=2025,
        introduction=intro,
        outlook=outlook,
        revision=revision,
    )


def test_saving_creates_then_versions_the_sections(table, coordinator):
    first = _save(table, coordinator, 0)
    assert first.revision == 1 and first.introduction == "Une année de chantiers."
    second = _save(table, coordinator, 1, intro="Une année riche.")
    assert second.pk == first.pk and second.revision == 2
    entries = AuditEntry.objects.filter(event="reports_annual_text_saved").order_by("pk")
    assert entries.count() == 2
    # The log keeps the text as it was, so nothing typed is ever lost.
    assert entries[1].changes["old"]["introduction"] == "Une année de chantiers."


def test_a_stale_save_is_refused_and_changes_nothing(table, coordinator):
    _save(table, coordinator, 0)
    with pytest.raises(Conflict) as error:
        _save(table, coordinator, 0, intro="Écrasé ?")
    assert error.value.extra["revision"] == 1
    assert AnnualReportText.objects.get().introduction == "Une année de chantiers."


def test_bad_year_or_too_long_text_is_refused(table, coordinator):
    with pytest.raises(DomainError):
        services.annual_text_save(
            table=table, actor=coordinator, year=1890, introduction="", outlook="", revision=0
        )
    with pytest.raises(InvalidInput):
        _save(table, coordinator, 0, intro="x" * 20001)
    assert not AnnualReportText.objects.exists()


def _text_url(table, year=2025):
    return reverse("reports:annual-text", kwargs={"table_slug": table.slug, "year": year})


def test_the_page_saves_and_the_download_uses_the_saved_text(client, table, coordinator, member):
    client.force_login(coordinator)
    assert client.get(_text_url(table)).status_code == 200
    response = client.post(
        _text_url(table), {"introduction": "Notre année en bref.", "outlook": "", "revision": 0}
    )
    assert response.status_code == 302
    client.force_login(member)
    page = client.get(reverse("reports:annual-report", kwargs={"table_slug": table.slug}))
    assert b"2025" in page.content
    assert _text_url(table).encode() not in page.content  # members do not edit
    download = client.get(
        reverse("reports:annual-report", kwargs={"table_slug": table.slug}),
        {"year": "2025", "format": "docx", "audience": "table"},
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(download.content)).paragraphs)
    assert "Notre année en bref." in text


def test_a_conflict_shows_the_saved_text_and_keeps_mine(client, table, coordinator):
    _save(table, coordinator, 0, intro="Texte de ma collègue.")
    client.force_login(coordinator)
    response = client.post(
        _text_url(table), {"introduction": "Mon propre texte.", "outlook": "", "revision": 0}
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Texte de ma collègue." in body and "Mon propre texte." in body
    assert 'name="revision" value="1"' in body  # saving again now goes through
    assert AnnualReportText.objects.get().introduction == "Texte de ma collègue."


def test_an_impossible_year_is_not_found(client, table, coordinator):
    client.force_login(coordinator)
    assert client.get(_text_url(table, 1890)).status_code == 404


def test_export_report_uses_the_saved_text_unless_a_file_is_given(table, coordinator, tmp_path):
    from django.core.management import call_command

    _save(table, coordinator, 0, intro="Introduction enregistrée.")
    out = tmp_path / "bilan.docx"
    call_command("export-report", table.slug, "--year", "2025", "--format", "docx", "-o", str(out))
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "Introduction enregistrée." in text
    intro = tmp_path / "intro.txt"
    intro.write_text("Introduction du fichier.", encoding="utf-8")
    call_command(
        "export-report",
        table.slug,
        "--year",
        "2025",
        "--format",
        "docx",
        "--intro-file",
        str(intro),
        "-o",
        str(out),
    )
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "Introduction du fichier." in text and "Introduction enregistrée." not in text


def test_demo_writes_last_years_sections_once(table, coordinator):
    from django.utils import timezone

    from tablee.reports import demo

    demo.load(people={demo.COORDINATOR_EMAIL: coordinator})
    demo.load(people={demo.COORDINATOR_EMAIL: coordinator})  # idempotent
    text = AnnualReportText.objects.get()
    assert text.year == timezone.localdate().year - 1
    assert "sécurité alimentaire" in text.introduction and text.outlook


def test_the_page_title_is_plain_text(client, table, member):
    import re

    client.force_login(member)
    body = client.get(reverse("reports:annual-report", kwargs={"table_slug": table.slug}))
    title = re.search(r"<title>(.*?)</title>", body.content.decode(), re.S).group(1)
    assert "<" not in title and table.name in title
    assert body.content.decode().count('id="texts-heading"') == 1
