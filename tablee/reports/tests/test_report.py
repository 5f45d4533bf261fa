"""The funder report says what the plan holds for the period, in PDF, DOCX and on the page."""

import io
import subprocess
from datetime import date

import pytest
from docx import Document

from tablee.reports import building, rendering
from tablee.reports.tests.conftest import make_plan, report_url

pytestmark = pytest.mark.django_db

PERIOD = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


def _pdf_text(content: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for grid in document.tables:
        for row in grid.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_report_gathers_the_period_from_every_level(plan):
    report = building.build_report(process=plan.process, **PERIOD, language="en")
    assert report.table_name == "Table de quartier Démo"
    assert report.period == "From Jan. 1, 2025 to Dec. 31, 2025"
    first, second = report.objectives
    assert [a.title for a in first.actions] == ["Marché solidaire mobile"]
    # Cuisines collectives ended in 2024: not part of a 2025 report.
    assert second.actions == []
    market = first.actions[0]
    assert market.status == "Under way"
    assert "Cuisine Amitié" in market.accountable
    assert market.partners == "Centre de santé du quartier (Supports)"
    assert [n.note for n in market.notes] == ["Trois arrêts ouverts dans le secteur nord."]
    households = next(i for i in report.indicators if i.name == "Ménages rejoints")
    assert households.values == [("April 1, 2025", "142 ménages")]
    assert report.resources[0][0] == "Centre de santé du quartier (CSQ)"
    assert report.resource_totals[1] == "120"
    program = report.programs[0]
    assert program.funder == "Fondation Bon Voisin"
    assert program.budget_lines[0][0] == "Marché solidaire mobile"
    assert program.reporting_dates[0][1] == "Bilan de mi-année"


def test_whole_plan_without_a_period(plan):
    report = building.build_report(process=plan.process, language="en")
    assert report.period == "The whole plan (no period chosen)"
    assert report.action_count == 2
    assert report.note_count == 2
    assert report.value_count == 3


def test_pdf_holds_cover_sections_values_and_page_numbers(plan):
    report = building.build_report(process=plan.process, **PERIOD, language="fr-ca")
    content = rendering.render_pdf(report)
    assert content.startswith(b"%PDF")
    text = _pdf_text(content)
    assert "Rapport aux bailleurs de fonds" in text
    assert "Table de quartier Démo" in text
    assert "Du 1 janvier 2025 au 31 décembre 2025" in text
    assert "Marché solidaire mobile" in text
    assert "En cours" in text
    assert "Trois arrêts ouverts dans le secteur nord." in text
    assert "hors période" not in text
    assert "142 ménages" in text
    assert "72,5 %" in text
    assert "Fondation Bon Voisin" in text
    assert "Bilan de mi-année" in text
    assert "Page 1" in text and "Page 2" in text


def test_docx_holds_the_same_report(plan):
    report = building.build_report(process=plan.process, **PERIOD, language="en")
    content = rendering.render_docx(report)
    text = _docx_text(content)
    assert "Report to funders" in text
    assert "Period: From Jan. 1, 2025 to Dec. 31, 2025" in text
    assert "Marché solidaire mobile" in text
    assert "Trois arrêts ouverts dans le secteur nord." in text
    assert "142 ménages" in text
    assert "Centre de santé du quartier (CSQ)" in text
    assert "Programme Nourrir le quartier" in text
    document = Document(io.BytesIO(content))
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml


def test_report_page_previews_the_outline(client, member, plan):
    client.force_login(member)
    response = client.get(report_url(plan.process.table, plan.process))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Report to funders: Sécurité alimentaire 2024-2027" in page
    assert "Marché solidaire mobile" in page
    assert "Objectives and actions" in page
    assert "format=pdf" in page and "format=xlsx" in page
    # The processes app's sub-navigation sits on top, with this page current.
    assert "Sections of the process" in page
    assert 'aria-current="page">Report<' in page


def test_backwards_period_is_refused_with_a_message(client, member, plan):
    client.force_login(member)
    response = client.get(
        report_url(plan.process.table, plan.process),
        {"start": "2025-12-31", "end": "2025-01-01", "format": "pdf"},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "The end of the period comes before its start" in response.content.decode()


@pytest.mark.parametrize(
    ("fmt", "content_type", "magic"),
    [
        ("pdf", "application/pdf", b"%PDF"),
        ("docx", rendering.CONTENT_TYPES["docx"], b"PK"),
        ("xlsx", rendering.CONTENT_TYPES["xlsx"], b"PK"),
    ],
)
def test_downloads(client, member, plan, fmt, content_type, magic):
    client.force_login(member)
    response = client.get(
        report_url(plan.process.table, plan.process),
        {"start": "2025-01-01", "end": "2025-12-31", "format": fmt},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response.content.startswith(magic)
    assert "attachment;" in response["Content-Disposition"]
    assert f".{fmt}" in response["Content-Disposition"]


def test_web_report_speaks_the_reader_language(client, member, plan, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    client.force_login(member)
    response = client.get(report_url(plan.process.table, plan.process), {"format": "docx"})
    assert "Rapport aux bailleurs de fonds" in _docx_text(response.content)


def test_preview_query_count_does_not_grow_with_the_plan(
    client, member, table, django_assert_max_num_queries
):
    small = make_plan(table, member, slug="petit")
    client.force_login(member)
    client.get(report_url(table, small.process))  # warm the session
    with django_assert_max_num_queries(15):
        response = client.get(report_url(table, small.process))
    assert response.status_code == 200
    big = make_plan(table, member, slug="grand", extra_actions=30)
    with django_assert_max_num_queries(15):
        response = client.get(report_url(table, big.process))
    assert response.status_code == 200
    assert response.content.decode().count("Atelier de quartier") == 30


def test_largest_process_prefers_the_benchmark_plan(table, member):
    from tablee.tables.tests.factories import TableFactory

    make_plan(table, member, slug="gros", extra_actions=3)
    assert building.largest_process().slug == "gros"
    bench = TableFactory(slug=building.BENCH_TABLE_SLUG)
    make_plan(bench, member, slug=building.BENCH_PROCESS_SLUG)
    assert building.largest_process().table.slug == building.BENCH_TABLE_SLUG
