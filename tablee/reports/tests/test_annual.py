"""The annual report (« bilan annuel »): counts on known data, files, web form, command."""

import io
import subprocess
import zipfile
from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from docx import Document

from tablee.decisions.tests.factories import DecisionFactory
from tablee.evaluation.models import DiscussionNote, Instrument, Mode, Response, WheelAxis
from tablee.evaluation.tests.factories import CampaignFactory, add_responses, answers
from tablee.meetings.models import MeetingStatus
from tablee.meetings.tests.factories import AttendanceFactory, MeetingFactory
from tablee.members.tests.factories import SeatFactory, SeatHoldingFactory
from tablee.reports import annual, annual_charts, annual_rendering
from tablee.reports.tests.conftest import make_plan
from tablee.selfcheck.conditions import CONDITIONS
from tablee.selfcheck.tests.factories import make_check

pytestmark = pytest.mark.django_db

YEAR = 2025
AXES = [
    ("Vision", "Nous savons ensemble ce que nous voulons changer."),
    ("Écoute", "Chaque voix est entendue."),
    ("Décisions", "Les décisions se prennent à la table."),
    ("Ressources", "Chacun apporte des moyens."),
]


def _at(day: date, hour: int = 18):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


def _closed_in(year: int, **kwargs):
    return {
        "opens_at": _at(date(year, 11, 1)),
        "closes_at": _at(date(year, 11, 30)),
        **kwargs,
    }


def _diagnostic(table, year, *, responses=6, **kwargs):
    """A diagnostic closed in `year`: D1.1 low and D2.1 split, the rest at 4."""
    campaign = CampaignFactory(
        table=table, title=f"Diagnostic du partenariat {year}", **_closed_in(year, **kwargs)
    )
    low = responses // 2
    add_responses(campaign, low, value=4, **{"D1.1": 1, "D2.1": 1})
    add_responses(campaign, responses - low, value=4, **{"D1.1": 2, "D2.1": 5})
    return campaign


def _wheel(table, year, groups: dict[str, tuple[int, int]], **kwargs):
    """A wheel closed in `year`; `groups` maps a role to (respondents, score)."""
    campaign = CampaignFactory(
        table=table,
        instrument=Instrument.WHEEL,
        title=f"Roue d'appréciation {year}",
        attributes=["role"],
        **_closed_in(year, **kwargs),
    )
    WheelAxis.objects.bulk_create(
        WheelAxis(table=table, campaign=campaign, position=p, name=n, definition=d)
        for p, (n, d) in enumerate(AXES, 1)
    )
    Response.objects.bulk_create(
        Response(
            table=table,
            campaign=campaign,
            attributes={"role": role},
            answers={
                f"a{p}": {"score": score, "desired": 9 if p == 1 else None}
                for p in range(1, len(AXES) + 1)
            },
        )
        for role, (count, score) in groups.items()
        for _ in range(count)
    )
    return campaign


def _year(table, person):
    """Known data: 2 seats held on Dec 31, 1 arrival, 1 departure; 2 meetings held
    (3 present out of 4 marks); 2 decisions; a plan with indicators, resources and a
    funding program; a diagnostic with 6 answers compared with last year's, its
    discussion sheet; a wheel read by members and external partners; a self-check."""
    kept, new, left = (SeatFactory(table=table) for _ in range(3))
    SeatHoldingFactory(seat=kept, started_on=date(2023, 1, 1))
    SeatHoldingFactory(seat=new, started_on=date(2025, 3, 1))
    SeatHoldingFactory(seat=left, started_on=date(2022, 1, 1), ended_on=date(2025, 6, 30))
    spring = MeetingFactory(
        table=table,
        status=MeetingStatus.HELD,
        starts_at=_at(date(2025, 4, 2)),
        title="Assemblée du printemps",
    )
    fall = MeetingFactory(
        table=table,
        status=MeetingStatus.HELD,
        starts_at=_at(date(2025, 10, 8)),
        title="Rencontre d'automne",
    )
    MeetingFactory(table=table, status=MeetingStatus.CANCELLED, starts_at=_at(date(2025, 5, 1)))
    old = MeetingFactory(table=table, status=MeetingStatus.HELD, starts_at=_at(date(2024, 4, 2)))
    for meeting, present in ((spring, True), (spring, True), (fall, True), (fall, False)):
        AttendanceFactory(meeting=meeting, present=present)
    AttendanceFactory(meeting=old, present=False)
    DecisionFactory(table=table, decided_on=date(2025, 2, 3), wording="Adopter la charte révisée")
    sharing = DecisionFactory(
        table=table, decided_on=date(2025, 9, 9), wording="Lancer le marché mobile"
    )
    DecisionFactory(table=table, decided_on=date(2024, 9, 9), wording="Décision de l'an passé")
    make_plan(table, person)
    earlier = CampaignFactory(
        table=table, title="Diagnostic du partenariat 2024", **_closed_in(2024)
    )
    add_responses(earlier, 5, value=3)
    campaign = _diagnostic(table, 2025)
    DiscussionNote.objects.create(
        table=table,
        campaign=campaign,
        item_code="D1.1",
        text="Réécrire la raison d'être en assemblée de janvier.",
    )
    _wheel(table, 2024, {"member": (5, 5)})
    _wheel(
        table,
        2025,
        {"member": (5, 8), "external": (5, 5)},
        results_shared=True,
        sharing_decision=sharing,
    )
    levels = {c.code: 2 for c in CONDITIONS}
    make_check(table=table, actor=person, levels=levels, completed=True, held_on=date(2024, 5, 1))
    levels["purpose"] = 4
    make_check(table=table, actor=person, levels=levels, completed=True, held_on=date(2025, 5, 1))
    return campaign


@pytest.fixture
def known_year(table, member):
    _year(table, member)
    return table


def _build(table, year=YEAR, language="en", **kwargs):
    return annual.build_annual(table=table, year=year, language=language, **kwargs)


def _text(report, key) -> str:
    return report.section(key).plain_text()


def _pdf_text(report) -> str:
    pdf = annual_rendering.render(report, "pdf")
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())  # cells and paragraphs wrap anywhere


def _docx(report):
    content = annual_rendering.render(report, "docx")
    document = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    return content, document, text, cells


# --- what the report says --------------------------------------------------------


def test_composition_meetings_and_decisions_on_known_data(known_year):
    report = _build(known_year)
    composition = report.section("composition").parts[0].rows
    assert [row[1] for row in composition] == ["2", "1", "1"]
    meetings = report.section("meetings").parts
    assert [row[1] for row in meetings[0].rows] == ["2", "4", "75 %"]
    chart = meetings[1].chart
    assert chart.title == "Attendance rate per meeting (%)"
    assert chart.series[0].values == [100.0, 50.0]
    assert chart.labels[0].endswith("Assemblée du printemps")
    # The chart's data table follows it.
    assert meetings[2].kind == "grid" and meetings[2].rows[1][1:] == ["2", "2", "100 %"]
    decisions = _text(report, "decisions")
    assert "Adopter la charte révisée" in decisions and "Lancer le marché mobile" in decisions
    assert "Décision de l'an passé" not in decisions


def test_plan_indicators_resources_and_funding(known_year):
    plans = _text(_build(known_year), "plans")
    # The 2024 kitchens are out; only the statuses some action is in are columns.
    assert "Process | Actions | Under way | Indicators" in plans
    assert "Sécurité alimentaire 2024-2027 | 1 | 1 | 2" in plans
    # Latest value within the year against baseline and target (the 2023 value is out).
    assert (
        "Ménages rejoints | 10 ménages | 100 ménages | 142 ménages on April 1, 2025 "
        "| target reached" in plans
    )
    assert "Clientèle satisfaite | 55 % | 80 % | 72.5 % on May 1, 2025" in plans
    assert "70% of the way from baseline to target" in plans
    # Resources per contributor and kind, with a total.
    assert "Cuisine Amitié | 120 | 3,600.00 $ | 0.00 $ | 0.00 $ | 0.00 $ | 3,600.00 $" in plans
    assert "Centre de santé du quartier (CSQ) | 0 | 0.00 $ | 5,000.00 $" in plans
    assert "Total | 120 | 3,600.00 $ | 5,000.00 $ | 0.00 $ | 0.00 $ | 8,600.00 $" in plans
    assert "Fondation Bon Voisin | Programme Nourrir le quartier" in plans
    assert "25,000.00 $" in plans


def test_diagnostic_with_the_tables_reading(known_year):
    report = _build(known_year)
    text = _text(report, "evaluation")
    assert "Diagnostic du partenariat 2025" in text
    assert "Respondents | 6" in text
    assert "Results shared outside the table | No, private to the table" in text
    # D1: respondents score (1+4+4+4)/4 and (2+4+4+4)/4 → 3.375; 2024 was 3 everywhere.
    assert "Shared purpose and vision | 3.4 | 75 % | To discuss | Divergent | +0.4" in text
    assert "Participation in decisions | 4.0 | 100 % | Strength | Shared | +1.0" in text
    assert "compares with Diagnostic du partenariat 2024, closed on Nov. 30, 2024." in text
    charts = [c.title for c in report.charts()]
    assert "Mean per dimension (1 to 5)" in charts
    # The discussion sheet: the lowest and most divergent, with what the table decided.
    assert "The table's reading of the diagnostic" in text
    assert "I can explain in a few words why our table exists. | Among the lowest" in text
    assert "Réécrire la raison d'être en assemblée de janvier." in text
    assert "Nothing recorded yet" in text  # other statements of the sheet


def test_wheel_and_selfcheck(known_year):
    report = _build(known_year)
    text = _text(report, "evaluation")
    assert "Roue d'appréciation 2025" in text
    assert "Results shared outside the table | Yes, by decision no." in text
    radar = next(c for c in report.charts() if c.kind == annual_charts.RADAR)
    assert radar.labels == [name for name, _d in AXES]
    assert [s.name for s in radar.series] == ["External partner (n = 5)", "Member (n = 5)"]
    assert radar.series[1].values == [8.0, 8.0, 8.0, 8.0]
    # The chart's data table: median and interquartile range per group.
    assert "Vision | 5.0 (5.0 – 5.0) | 8.0 (8.0 – 8.0)" in text
    assert "Vision: Member scores it 8.0 and External partner 5.0." in text
    # All respondents with the change since the 2024 wheel on the same axes.
    assert "compares with Roue d'appréciation 2024, closed on Nov. 30, 2024." in text
    assert (
        "Vision | Nous savons ensemble ce que nous voulons changer. | 6.5 (5.0 – 8.0) | 9.0 | +1.5"
        in (text)
    )
    # Self-check: levels of the year beside the previous check.
    assert (
        "1 | Agree together on why the table exists | 4 — Second nature | 2 — Getting started"
        in (text)
    )
    assert "Better by 2 level(s)" in text


def test_empty_year_says_so_in_every_section(table):
    report = _build(table, year=2024)
    assert "No meeting was held this year." in _text(report, "meetings")
    assert "No decision was recorded this year." in _text(report, "decisions")
    plans = _text(report, "plans")
    assert "No action plan covers this year." in plans
    assert "No indicator is defined for the actions of this year." in plans
    assert "No resource is committed to the actions of this year." in plans
    assert "No funding program covers this year." in plans
    evaluation = _text(report, "evaluation")
    assert "No partnership diagnostic closed this year." in evaluation
    assert "No appreciation wheel closed this year." in evaluation
    assert "The table did not check its winning conditions this year." in evaluation
    assert "The coordination has not written this section." in _text(report, "introduction")
    assert report.charts() == []
    # Still a document in both formats.
    assert "No meeting was held this year." in _pdf_text(report)
    _content, document, text, _cells = _docx(report)
    assert "No partnership diagnostic closed this year." in text
    assert not document.inline_shapes


def test_many_meetings_are_charted_per_month(table):
    for day in range(1, 15):
        meeting = MeetingFactory(
            table=table, status=MeetingStatus.HELD, starts_at=_at(date(2025, 1 + day % 3, day))
        )
        AttendanceFactory(meeting=meeting, present=day % 2 == 0)
    meetings = _build(table).section("meetings").parts
    assert meetings[1].chart.title == "Attendance rate per month (%)"
    assert meetings[1].chart.labels == ["January", "February", "March"]
    assert meetings[2].rows[0] == [
        "Month",
        "Meetings",
        "Present",
        "Recorded (present or absent)",
        "Attendance rate",
    ]
    assert meetings[1].chart.summary.startswith("Attendance was highest in ")


# --- anonymity and sharing ---------------------------------------------------------


def test_diagnostic_below_the_threshold_shows_nothing(table):
    """At n = threshold − 1 nothing but participation; at n = threshold, the results."""
    campaign = _diagnostic(table, YEAR, responses=4)
    DiscussionNote.objects.create(table=table, campaign=campaign, item_code="D1.1", text="Noté")
    report = _build(table)
    text = _text(report, "evaluation")
    assert "No result is shown below 5 respondents, to protect anonymity." in text
    assert "Shared purpose and vision" not in text and "Noté" not in text
    assert report.charts() == []
    pdf = _pdf_text(report)
    assert "No result is shown below 5 respondents" in pdf and "Noté" not in pdf
    add_responses(campaign, 1, value=4)
    text = _text(_build(table), "evaluation")
    assert "No result is shown below" not in text
    assert "Shared purpose and vision" in text and "Noté" in text


def test_no_comparison_with_an_earlier_diagnostic_below_its_threshold(table):
    earlier = CampaignFactory(table=table, title="Diagnostic 2024", **_closed_in(2024))
    add_responses(earlier, 4, value=3)
    _diagnostic(table, YEAR)
    text = _text(_build(table), "evaluation")
    assert "Shared purpose and vision | 3.4 | 75 % | To discuss | Divergent" in text
    assert "Diagnostic 2024" not in text and "Difference" not in text


def test_diagnostic_answered_together_in_a_meeting(table):
    """One group answer belongs to nobody: shown, with the number of people present."""
    campaign = CampaignFactory(
        table=table, title="Diagnostic en assemblée", mode=Mode.TOGETHER, **_closed_in(YEAR)
    )
    Response.objects.create(
        table=table, campaign=campaign, answers=answers(4, **{"D1.1": 2}), people_present=12
    )
    text = _text(_build(table), "evaluation")
    assert "Answered together in a meeting | 12" in text
    assert "Shared purpose and vision | 3.5 |" in text


def test_wheel_groups_respect_the_threshold(table):
    """A group of threshold − 1 cannot be shown, alone or by subtraction."""
    campaign = _wheel(table, YEAR, {"member": (5, 8), "external": (4, 5)})
    text = _text(_build(table), "evaluation")
    assert "All respondents" in text and "External partner" not in text
    assert "too few groups have 5 respondents or more" in text
    Response.objects.create(
        table=table,
        campaign=campaign,
        attributes={"role": "external"},
        answers={f"a{p}": {"score": 5} for p in range(1, 5)},
    )
    text = _text(_build(table), "evaluation")
    assert "External partner (n = 5)" in text and "Member (n = 5)" in text


def test_wheel_below_the_threshold_shows_nothing(table):
    campaign = _wheel(table, YEAR, {"member": (4, 8)})
    report = _build(table)
    assert "No result is shown below 5 respondents" in _text(report, "evaluation")
    assert report.charts() == []
    Response.objects.create(
        table=table,
        campaign=campaign,
        attributes={"role": "member"},
        answers={f"a{p}": {"score": 8} for p in range(1, 5)},
    )
    report = _build(table)
    assert "No result is shown below" not in _text(report, "evaluation")
    assert [s.name for s in report.charts()[0].series] == ["All respondents"]


def test_copy_for_outside_leaves_out_results_not_shared(known_year):
    report = _build(known_year, audience=annual.AUDIENCE_OUTSIDE)
    text = _text(report, "evaluation")
    assert "Copy for partners and funders" in report.audience_line
    # The diagnostic is private to the table: participation only.
    assert "Diagnostic du partenariat 2025" in text and "Respondents | 6" in text
    assert "they appear only in the members' copy" in text
    assert "Shared purpose and vision" not in text
    assert "Réécrire la raison d'être" not in text
    # The wheel was shared by decision, but not the 2024 one it is compared with.
    assert "Member (n = 5)" in text
    assert "compares with Roue d'appréciation 2024" not in text
    assert [c.kind for c in report.charts()] == [annual_charts.BAR, annual_charts.RADAR]


# --- documents ---------------------------------------------------------------------


def test_pdf_text(known_year):
    report = _build(known_year, introduction="Une année de chantiers.")
    text = _pdf_text(report)
    assert known_year.name in text
    assert "Annual report 2025" in text
    assert "Copy for the members of the table" in text
    assert "Une année de chantiers." in text
    assert "Adopter la charte révisée" in text
    assert "75 %" in text
    for heading in (
        "Attendance rate per meeting (%)",
        "Mean per dimension (1 to 5)",
        "Median score per axis (0 to 10)",
        "The table's reading of the diagnostic",
        "The twelve winning conditions",
        "Resources committed by the partners",
    ):
        assert heading in text
    assert "Réécrire la raison d'être en assemblée de janvier." in text
    assert "Page 2" in text


def test_pdf_in_french(known_year):
    text = _pdf_text(_build(known_year, language="fr-ca"))
    assert "Bilan annuel 2025" in text
    assert "Taux de présence par rencontre (%)" in text
    assert "Moyenne par dimension (1 à 5)" in text
    assert "La lecture du diagnostic par la table" in text
    assert "3,4" in text  # decimal comma
    assert "Annual report" not in text


def test_docx_has_charts_with_their_tables_and_descriptions(known_year):
    content, document, text, cells = _docx(_build(known_year))
    assert len(document.inline_shapes) == 3
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert len(images) == 3
        assert all(archive.read(n).startswith(b"\x89PNG") for n in images)
        body = archive.read("word/document.xml").decode()
    assert 'descr="Attendance was highest at' in body
    assert "Attendance rate per meeting (%)" in text
    assert "Median score per axis (0 to 10)" in text
    assert "Réécrire la raison d'être en assemblée de janvier." in cells
    assert "External partner (n = 5)" in cells


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
    # By default, the copy for partners and funders.
    assert "Copie destinée aux partenaires et aux bailleurs de fonds" in text
    assert "Réécrire la raison d'être" not in cells


def test_command_writes_the_members_copy_on_request(known_year, tmp_path):
    target = tmp_path / "bilan.pdf"
    call_command(
        "export-report",
        known_year.slug,
        "--year=2025",
        "--format=pdf",
        "--language=en",
        "--audience=table",
        f"-o{target}",
        stderr=io.StringIO(),
    )
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Copy for the members of the table" in text
    assert "Réécrire la raison d'être" in text


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
    assert b'<label for="id_audience">Copy for' in page.content
    response = client.get(
        _url(known_year),
        {"year": "2025", "format": "docx", "audience": "table"},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-bilan-2025.docx"')
    document = Document(io.BytesIO(response.content))
    assert len(document.inline_shapes) == 3
    pdf = client.get(_url(known_year), {"year": "2025", "format": "pdf", "audience": "outside"})
    assert pdf.content.startswith(b"%PDF")


def test_web_page_in_french(client, settings, member, table):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    client.force_login(member)
    body = client.get(_url(table)).content.decode()
    assert "Destinataires de la copie" in body


def test_web_refuses_a_bad_year(client, member, table):
    client.force_login(member)
    response = client.get(_url(table), {"year": "1890", "format": "pdf", "audience": "table"})
    assert response.status_code == 400
    assert b"Choose a year between 2000 and" in response.content


def test_web_refuses_an_unknown_audience(client, member, table):
    client.force_login(member)
    response = client.get(_url(table), {"year": "2025", "format": "pdf", "audience": "tous"})
    assert response.status_code == 400


def test_form_page_query_count(client, member, known_year, django_assert_max_num_queries):
    client.force_login(member)
    with django_assert_max_num_queries(10):
        assert client.get(_url(known_year)).status_code == 200


# --- cost ------------------------------------------------------------------------


def _grow(table, person, n: int) -> None:
    """More of everything the report reads, `n` times."""
    from tablee.funding.tests.factories import ResourceCommitmentFactory
    from tablee.results.tests.factories import IndicatorMeasureFactory, PlanIndicatorFactory

    plan = make_plan(table, person, slug=f"plan-{n}", extra_actions=2)
    for index in range(n):
        DecisionFactory(table=table, decided_on=date(2025, 5, 5))
        meeting = MeetingFactory(
            table=table, status=MeetingStatus.HELD, starts_at=_at(date(2025, 6, 1 + index))
        )
        AttendanceFactory(meeting=meeting, present=True)
        indicator = PlanIndicatorFactory(action=plan.actions[0], name=f"Indicateur {index}")
        IndicatorMeasureFactory(indicator=indicator, measured_on=date(2025, 7, 1))
        ResourceCommitmentFactory(action=plan.actions[0], organization=plan.organizations[0])
    campaign = _diagnostic(table, 2025, responses=10 * n)
    DiscussionNote.objects.create(table=table, campaign=campaign, item_code="D2.1", text="Oui")
    _wheel(table, 2025, {"member": (5 * n, 7), "external": (5 * n, 6), "observer": (n, 6)})
    make_check(
        table=table,
        actor=person,
        levels={c.code: 3 for c in CONDITIONS},
        completed=True,
        held_on=date(2025, 9, 1),
    )


def test_build_query_count_is_constant(table, member):
    _year(table, member)
    with CaptureQueriesContext(connection) as small:
        _build(table)
    _grow(table, member, 15)
    with CaptureQueriesContext(connection) as big:
        report = _build(table)
    assert "Indicateur 14" in _text(report, "plans")
    assert len(big) == len(small), [q["sql"][:120] for q in big.captured_queries]


# --- charts ----------------------------------------------------------------------


def _spec(kind=annual_charts.BAR, values=(3.5, None, 5.0)):
    labels = ["Une dimension au nom assez long pour passer à la ligne", "Deux", "Trois"]
    return annual_charts.ChartSpec(
        kind=kind,
        title="Titre",
        summary="Résumé.",
        labels=labels,
        series=[
            annual_charts.ChartSeries("Série A", list(values), ["3,5", "—", "5"]),
            annual_charts.ChartSeries("Série B", [1.0, 2.0, 3.0], ["1", "2", "3"]),
        ][: 2 if kind == annual_charts.RADAR else 1],
        maximum=5.0,
        ticks=annual.ticks(5.0, steps=5),
        missing="manquant",
    )


@pytest.mark.parametrize("kind", [annual_charts.BAR, annual_charts.RADAR])
def test_charts_draw_as_png_and_pdf(kind):
    spec = _spec(kind)
    png = annual_charts.png_bytes(spec)
    assert png.startswith(b"\x89PNG")
    drawing = annual_charts.pdf_drawing(spec)
    assert drawing.width == annual_charts.WIDTH
    texts = [i.text for i in annual_charts.layout(spec).items if hasattr(i, "text")]
    if kind == annual_charts.BAR:
        assert "manquant" in texts  # a missing value is said, never drawn as zero
        assert any(t.startswith("Une dimension") for t in texts)
    else:
        assert "Série B" in texts


def test_long_labels_wrap_on_two_lines_at_most():
    lines = annual_charts.wrap("mot " * 60, 100)
    assert len(lines) == 2 and lines[1].endswith("…")
    assert annual_charts.wrap("Court", 100) == ["Court"]


def test_dashes_cover_the_line_partly():
    segments = list(annual_charts._dashed([(0, 0), (20, 0)], "6 4", False))
    assert segments[0] == ((0.0, 0.0), (6.0, 0.0))
    assert sum(b[0] - a[0] for a, b in segments) == pytest.approx(12)
