"""Import of indicators from CSV/XLSX: preview with every row's errors, all or nothing."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEntry
from tablee.portrait import importing, services
from tablee.portrait.models import TerritoryIndicator, TerritoryValue
from tablee.portrait.tests.factories import TerritoryIndicatorFactory, TerritoryValueFactory

pytestmark = pytest.mark.django_db

HEADER = "indicateur;unité;source;année;géographie;valeur;note\n"


def _csv(body: str, header: str = HEADER) -> bytes:
    return (header + body).encode("utf-8")


def test_reads_french_and_english_headers_csv_and_xlsx():
    french = importing.read_rows(data=_csv("Chômage;%;ISQ;2021;Nord;7,5;\n"), filename="a.csv")
    assert french == [
        {
            "row": 2,
            "name": "Chômage",
            "unit": "%",
            "source": "ISQ",
            "year": "2021",
            "geography": "Nord",
            "value": "7,5",
            "note": "",
        }
    ]
    english = importing.read_rows(
        data=b"Indicator,Unit,Source,Year,Geography,Value\nJobless,%,ISQ,2021,North,7.5\n",
        filename="b.csv",
    )
    assert english[0]["name"] == "Jobless" and english[0]["note"] == ""
    rows = [
        ["indicateur", "unité", "source", "année", "géographie", "valeur"],
        ["Chômage", "%", "ISQ", 2021, "Nord", 7.5],
    ]
    xlsx = importing.read_rows(data=importing.to_xlsx(rows), filename="c.xlsx")
    assert xlsx[0]["year"] == "2021" and xlsx[0]["value"] == "7.5"


def test_missing_columns_are_named():
    with pytest.raises(InvalidInput) as error:
        importing.read_rows(data=b"indicateur;valeur\nA;1\n", filename="a.csv")
    assert "unité" in error.value.message and "année" in error.value.message


@pytest.mark.parametrize(
    ("text", "expected", "ok"),
    [
        ("", None, True),
        ("n/d", None, True),
        ("..", None, True),
        ("12,5", Decimal("12.5000"), True),
        ("1 234,5", Decimal("1234.5000"), True),
        ("14.2 %", Decimal("14.2000"), True),
        ("-3", Decimal("-3.0000"), True),
        ("beaucoup", None, False),
        ("1e40", None, False),
    ],
)
def test_parse_value(text, expected, ok):
    assert importing.parse_value(text) == (expected, ok)


def test_preview_lists_every_rows_errors(table):
    rows = importing.read_rows(
        data=_csv(
            "Chômage;%;ISQ;2021;Nord;7,5;\n"
            ";%;ISQ;2021;Nord;7;\n"  # no name
            "Chômage;%;ISQ;vingt;Nord;7;\n"  # bad year
            "Chômage;%;ISQ;2022;Nord;beaucoup;\n"  # not a number
            "Chômage;%;ISQ;2021;Nord;8;\n"  # same year twice
            "Chômage;km;ISQ;2023;Nord;8;\n"  # another unit
        ),
        filename="a.csv",
    )
    plan = importing.build_plan(table=table, rows=rows)
    errors = {line.row: line.errors for line in plan.error_rows}
    assert sorted(errors) == [3, 4, 5, 6, 7]
    assert "name of the indicator" in errors[3][0]
    assert "“vingt” is not a year" in errors[4][0]
    assert "“beaucoup” is not a number" in errors[5][0]
    assert "Row 2 already gives this indicator's value for 2021" in errors[6][0]
    assert "Row 2 gives another unit" in errors[7][0]


def test_import_with_one_error_writes_nothing(table, coordinator):
    rows = importing.read_rows(
        data=_csv("Chômage;%;ISQ;2021;Nord;7,5;\nChômage;%;ISQ;1850;Nord;7;\n"),
        filename="a.csv",
    )
    with pytest.raises(InvalidInput) as error:
        services.indicators_import(table=table, actor=coordinator, rows=rows)
    assert 3 in error.value.extra["rows"]
    assert not TerritoryIndicator.objects.exists()
    assert not TerritoryValue.objects.exists()
    assert not AuditEntry.objects.exists()


def test_import_creates_indicators_keeps_missing_and_replaces_values(table, coordinator):
    known = TerritoryIndicatorFactory(table=table, name="Chômage", geography="Nord", unit="%")
    TerritoryValueFactory(indicator=known, year=2020, value=Decimal("9"))
    rows = importing.read_rows(
        data=_csv(
            "CHOMAGE;%;ISQ;2020;nord;8,5;\n"
            "Chômage;%;ISQ;2021;Nord;;données partielles\n"
            "Ménages à faible revenu;%;Recensement;2021;Nord;23,1;\n"
        ),
        filename="a.csv",
    )
    plan = importing.build_plan(table=table, rows=rows)
    assert not plan.has_errors
    assert plan.counts == {
        "rows": 3,
        "indicators_created": 1,
        "values_added": 2,
        "values_replaced": 1,
        "missing": 1,
    }
    counts = services.indicators_import(table=table, actor=coordinator, rows=rows)
    assert counts["indicators_created"] == 1
    assert TerritoryIndicator.objects.count() == 2
    values = {v.year: v for v in TerritoryValue.objects.filter(indicator=known)}
    assert values[2020].value == Decimal("8.5")
    assert values[2021].value is None
    assert values[2021].note == "données partielles"
    known.refresh_from_db()
    assert known.source == "ISQ"
    assert list(AuditEntry.objects.values_list("event", flat=True)) == [
        "PORTRAIT_INDICATORS_IMPORTED"
    ]


def test_unit_of_a_known_indicator_cannot_change(table):
    TerritoryIndicatorFactory(table=table, name="Chômage", geography="Nord", unit="%")
    rows = importing.read_rows(data=_csv("Chômage;points;ISQ;2020;Nord;8;\n"), filename="a.csv")
    plan = importing.build_plan(table=table, rows=rows)
    assert "recorded in “%”" in plan.rows[0].errors[0]


def test_web_import_preview_then_confirm(client, table, coordinator):
    client.force_login(coordinator)
    url = f"/t/{table.slug}/portrait/indicators/import/"
    assert client.get(url).status_code == 200
    bad = SimpleUploadedFile("a.csv", _csv("Chômage;%;ISQ;2021;Nord;beaucoup;\n"))
    response = client.post(url, {"file": bad})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 row has errors" in html
    assert "Import everything" not in html
    good = SimpleUploadedFile(
        "b.csv", _csv("Chômage;%;ISQ;2021;Nord;;\nChômage;%;ISQ;2022;Nord;7;\n")
    )
    response = client.post(url, {"file": good})
    assert b"Import everything" in response.content
    assert not TerritoryIndicator.objects.exists()  # nothing written by the preview
    token = response.context["confirm"].initial["token"]
    response = client.post(url, {"token": token})
    assert response.status_code == 302
    assert TerritoryValue.objects.filter(value__isnull=True).count() == 1
    assert TerritoryValue.objects.count() == 2
    # The token is used up.
    response = client.post(url, {"token": token})
    assert response.status_code == 302
    assert TerritoryValue.objects.count() == 2


def test_malformed_file_gets_a_clear_message(client, table, coordinator):
    client.force_login(coordinator)
    url = f"/t/{table.slug}/portrait/indicators/import/"
    broken = SimpleUploadedFile("a.xlsx", b"PK\x03\x04 not really a workbook")
    response = client.post(url, {"file": broken})
    assert response.status_code == 200
    assert b"not a readable Excel workbook" in response.content
    assert not TerritoryIndicator.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_reimports_cleanly(client, table, coordinator, fmt):
    client.force_login(coordinator)
    response = client.get(f"/t/{table.slug}/portrait/indicators/import/template.{fmt}")
    assert response.status_code == 200
    rows = importing.read_rows(data=response.content, filename=f"modele.{fmt}")
    plan = importing.build_plan(table=table, rows=rows)
    assert not plan.has_errors
    assert plan.counts["missing"] == 1
    assert (
        client.get(f"/t/{table.slug}/portrait/indicators/import/template.pdf").status_code == 404
    )
