"""The annual report (« bilan annuel »): counts on known data, files, web form, command."""

import io
import subprocess
from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from docx import Document

from tablee.decisions.tests.factories import DecisionFactory
from tablee.evaluation.tests.factories import CampaignFactory, add_responses
from tablee.meetings.models import MeetingStatus
from tablee.meetings.tests.factories import AttendanceFactory, MeetingFactory
from tablee.members.tests.factories import SeatFactory, SeatHoldingFactory
from tablee.reports import annual, annual_rendering
from tablee.reports.tests.conftest import make_plan

pytestmark = pytest.mark.django_db

YEAR = 2025


def _at(day: date):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 18, 0))


def _year(table, person):
    """Known data: 2 seats held on Dec 31, 1 arrival, 1 departure; 2 meetings held
    (3 present out of 4 marks); 2 decisions; a plan; a diagnostic with 6 answers."""
    kept, new, left = (SeatFactory(table=table) for _ in range(3))
    SeatHoldingFactory(seat=kept, started_on=date(2023, 1, 1))
    SeatHoldingFactory(seat=new, started_on=date(2025, 3, 1))
    SeatHoldingFactory(seat=left, started_on=date(2022, 1, 1), ended_on=date(2025, 6, 30))
    spring = MeetingFactory(
        table=table, status=MeetingStatus.HELD, starts_at=_at(date(2025, 4, 2))
    )
    fall = MeetingFactory(table=table, status=MeetingStatus.HELD, starts_at=_at(date(2025, 10, 8)))
    MeetingFactory(table=table, status=MeetingStatus.CANCELLED, starts_at=_at(date(2025, 5, 1)))
    old = MeetingFactory(table=table, status=MeetingStatus.HELD, starts_at=_at(date(2024, 4, 2)))
    for meeting, present in ((spring, True), (spring, True), (fall, True), (fall, False)):
        AttendanceFactory(meeting=meeting, present=present)
    AttendanceFactory(meeting=old, present=False)
    DecisionFactory(table=table, decided_on=date(2025, 2, 3), wording="Adopter la charte révisée")
    DecisionFactory(table=table, decided_on=date(2025, 9, 9), wording="Lancer le marché mobile")
    DecisionFactory(table=table, decided_on=date(2024, 9, 9), wording="Décision de l'an passé")
    make_plan(table, person)
    campaign = CampaignFactory(
        table=table,
        title="Diagnostic du partenariat 2025",
        opens_at=_at(date(2025, 11, 1)),
        closes_at=_at(date(2025, 11, 30)),
    )
    add_responses(campaign, 6, value=4)


@pytest.fixture
def known_year(table, member):
    _year(table, member)
    return table


def test_counts_on_known_data(known_year):
    report = annual.build_annual(table=known_year, year=YEAR, language="en")
    assert [row[1] for row in report.composition] == ["2", "1", "1"]
    assert [row[1] for row in report.meetings] == ["2", "4", "75 %"]
    assert report.decision_count == 2
    assert "Décision de l'an passé" not in str(report.decisions)
    assert report.plans[1][0] == "Sécurité alimentaire 2024-2027"
    assert report.plans[1][1] == "1"  # the 2024 kitchens are outside the year
    assert report.evaluation_title == "Diagnostic du partenariat 2025"
    assert ["Respondents", "6"] in report.evaluation_facts
    assert len(report.evaluation) > 1


def test_no_evaluation_this_year(table):
    report = annual.build_annual(table=table, year=2024, language="en")
    assert report.evaluation_note == "No evaluation this year."
    assert report.decisions == [] and report.plans == []


def test_pdf_text(known_year):
    report = annual.build_annual(
        table=known_year, year=YEAR, language="en", introduction="Une année de chantiers."
    )
    pdf = annual_rendering.render(report, "pdf")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert known_year.name in text
    assert "Annual report 2025" in text
    assert "Une année de chantiers." in text
    assert "Adopter la charte révisée" in text
    assert "75 %" in text
    assert "Page 2" in text


def test_docx_via_command_in_french(known_year, tmp_path):
    intro = tmp_path / "intro.txt"
    intro.write_text("Notre introduction.\n\nDeuxième paragraphe.", encoding="utf-8")
    outlook = tmp_path / "outlook.txt"
    outlook.write_text("Nos perspectives.", encoding="utf-8")
    target = tmp_path / "bilan.docx"
    call_command(
        "export-report",
        known_year.slug,
        "--year",
        "2025",
        "--format",
        "docx",
        "--intro-file",
        str(intro),
        "--outlook-file",
        str(outlook),
        "-o",
        str(target),
        stderr=io.StringIO(),
    )
    document = Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Bilan annuel 2025" in text
    assert known_year.name in text
    assert "Deuxième paragraphe." in text and "Nos perspectives." in text
    assert "Lancer le marché mobile" in cells


def test_command_refuses_a_bad_year(table, tmp_path):
    for bad in ("1999", "3000", "deux-mille"):
        with pytest.raises(CommandError, match="year"):
            call_command(
                "export-report",
                table.slug,
                "--year",
                bad,
                "--format",
                "pdf",
                "-o",
                str(tmp_path / "x.pdf"),
            )
    assert not (tmp_path / "x.pdf").exists()


def test_command_names_an_unknown_table(db, tmp_path):
    with pytest.raises(CommandError, match="No table"):
        call_command(
            "export-report",
            "inconnue",
            "--year",
            "2025",
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "x"),
        )


def _url(table):
    return f"/t/{table.slug}/annual-report/"


def test_web_form_and_download(client, member, known_year):
    client.force_login(member)
    page = client.get(_url(known_year))
    assert page.status_code == 200
    assert b"Annual report" in page.content
    response = client.get(
        _url(known_year), {"year": "2025", "format": "docx", "introduction": "Bonjour."}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-bilan-2025.docx"')
    pdf = client.get(_url(known_year), {"year": "2025", "format": "pdf"})
    assert pdf.content.startswith(b"%PDF")


def test_web_refuses_a_bad_year(client, member, table):
    client.force_login(member)
    response = client.get(_url(table), {"year": "1890", "format": "pdf"})
    assert response.status_code == 400
    assert b"Choose a year between 2000 and" in response.content


def test_form_page_query_count(client, member, known_year, django_assert_max_num_queries):
    client.force_login(member)
    with django_assert_max_num_queries(10):
        assert client.get(_url(known_year)).status_code == 200


def test_build_query_count_is_constant(table, member):
    _year(table, member)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        annual.build_annual(table=table, year=YEAR, language="en")
    for _ in range(3):
        DecisionFactory(table=table, decided_on=date(2025, 5, 5))
        MeetingFactory(table=table, status=MeetingStatus.HELD, starts_at=_at(date(2025, 6, 1)))
    with CaptureQueriesContext(connection) as big:
        annual.build_annual(table=table, year=YEAR, language="en")
    assert len(big) == len(small)
