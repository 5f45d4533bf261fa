"""PDF and DOCX exports carry the table's name, the text and the errata."""

import io
import subprocess

import pytest
from docx import Document

from tablee.minutes import services
from tablee.minutes.exports import parse_body
from tablee.minutes.tests.factories import MinutesFactory, adopted_minutes

pytestmark = pytest.mark.django_db

BODY = (
    "Procès-verbal — Rencontre\n=========================\n\n"
    "Présences\n---------\n\n- Mme Roy\n- M. Côté\n\nUn paragraphe sur\ndeux lignes.\n"
)


def test_parse_body_reads_headings_bullets_and_paragraphs():
    kinds = [(b.kind, b.text) for b in parse_body(BODY)]
    assert kinds == [
        ("h1", "Procès-verbal — Rencontre"),
        ("h2", "Présences"),
        ("bullet", "Mme Roy"),
        ("bullet", "M. Côté"),
        ("para", "Un paragraphe sur\ndeux lignes."),
    ]


def test_pdf_export(client, table, member, tmp_path):
    minutes = MinutesFactory(meeting__table=table, body=BODY)
    client.force_login(member)
    response = client.get(f"/t/{table.slug}/meetings/{minutes.meeting_id}/minutes/export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "quartier-demo-minutes-" in response["Content-Disposition"]
    content = response.content
    assert content.startswith(b"%PDF")
    path = tmp_path / "minutes.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Table de quartier Démo" in text
    assert "Mme Roy" in text and "Présences" in text


def test_docx_export_with_errata(client, table, coordinator):
    minutes = adopted_minutes(table=table)
    services.erratum_record(
        minutes=minutes, actor=coordinator, text="Lire « Roy » et non « Ray »."
    )
    client.force_login(coordinator)
    response = client.get(f"/t/{table.slug}/meetings/{minutes.meeting_id}/minutes/export.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert "Table de quartier Démo" in texts
    assert any("Premier paragraphe." in t for t in texts)
    assert "Errata" in texts
    assert any("Lire « Roy » et non « Ray »." in t for t in texts)
