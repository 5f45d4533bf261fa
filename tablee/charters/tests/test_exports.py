import io
import shutil
import subprocess

import pytest
from django.urls import reverse

from tablee.charters.exports import build_docx, build_pdf, filename
from tablee.charters.tests.factories import CharterVersionFactory

pytestmark = pytest.mark.django_db

FRENCH = "La table « Vieux-Moulin » s’engage : été, hiver, ça avance."


def _version(table, **kwargs):
    return CharterVersionFactory(
        table=table,
        number=kwargs.pop("number", 1),
        answers={"why_added_value": {"text": FRENCH, "status": "proposed"}},
        non_negotiables=["Les trois priorités"],
        accountabilities=[{"what": "Marché solidaire", "who": "La Marmite"}],
        needed_sectors=["transport"],
        **kwargs,
    )


def _pdf_text(content: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:  # pragma: no cover - poppler-utils is installed in CI
        pytest.skip("pdftotext is not installed")
    result = subprocess.run(
        [pdftotext, "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode()


def test_pdf_holds_the_table_name_french_typography_and_page_numbers(table):
    content = build_pdf(version=_version(table, adopted=True))
    assert content.startswith(b"%PDF")
    text = _pdf_text(content)
    assert "Table de quartier Démo" in text
    assert FRENCH in " ".join(text.split())
    assert "Marché solidaire" in text
    assert "Page 1" in text
    assert "DRAFT" not in text


def test_a_draft_pdf_is_clearly_marked(table):
    """Exports speak the table's language: French for this table."""
    text = _pdf_text(build_pdf(version=_version(table)))
    assert "ÉBAUCHE" in text.upper()


def test_an_english_table_exports_in_english(table):
    table.language = "en"
    table.save()
    text = _pdf_text(build_pdf(version=_version(table)))
    assert "DRAFT" in text


def test_docx_has_headings_lists_and_the_accountability_table(table):
    from docx import Document

    table.language = "en"
    table.save()
    document = Document(io.BytesIO(build_docx(version=_version(table, adopted=True))))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Table de quartier Démo" in headings
    assert "Why sit together" in headings
    assert "What do we gain by working at the same table?" in headings
    assert any(p.text == FRENCH for p in document.paragraphs)
    assert any(
        p.style.name == "List Bullet" and p.text == "Les trois priorités"
        for p in document.paragraphs
    )
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert cells[2:] == ["Marché solidaire", "La Marmite"]


def test_export_is_written_in_the_table_language(table, settings):
    table.language = "en"
    table.save()
    document_text = _pdf_text(build_pdf(version=_version(table)))
    assert "Charter of the table" in document_text


def test_filename_is_sane_and_says_draft(table):
    assert filename(version=_version(table), fmt="pdf") == "quartier-demo-charter-v1-draft.pdf"


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("docx", b"PK")])
def test_export_pages_send_an_attachment(client, table, observer, fmt, magic):
    _version(table, number=3, adopted=True)
    client.force_login(observer)
    response = client.get(reverse(f"charters:export-{fmt}", args=[table.slug, 3]))
    assert response.status_code == 200
    assert response.content.startswith(magic)
    assert response["Content-Disposition"] == (
        f'attachment; filename="quartier-demo-charter-v3.{fmt}"'
    )


def test_exporting_a_missing_version_is_404(client, table, observer):
    client.force_login(observer)
    assert client.get(reverse("charters:export-pdf", args=[table.slug, 7])).status_code == 404
