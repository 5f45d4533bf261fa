"""The results workbook: the page's aggregates, nothing more."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tablee.evaluation import instruments
from tablee.evaluation.models import Instrument, Response, WheelAxis
from tablee.evaluation.tests.factories import CampaignFactory, add_responses

pytestmark = pytest.mark.django_db


def _url(campaign):
    return reverse(
        "evaluation:campaign-export",
        kwargs={"table_slug": campaign.table.slug, "campaign_id": campaign.pk},
    )


def _rows(response):
    book = load_workbook(io.BytesIO(response.content))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def test_diagnostic_workbook_holds_the_aggregates(client, table, member):
    campaign = CampaignFactory(table=table, title="Diagnostic 2026")
    first = instruments.DIAGNOSTIC[0].items[0].code
    add_responses(campaign, 3, value=4, **{first: 2})
    add_responses(campaign, 2, value=4, **{first: None})
    client.force_login(member)
    response = client.get(_url(campaign))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('diagnostic-2026-resultats.xlsx"')
    rows = _rows(response)
    assert rows[0][0] == "Diagnostic 2026"
    item = next(r for r in rows if r[0] == first)
    # 3 answers of 2, 2 "don't know": mean 2, all unfavourable.
    assert item[2:9] == [3, 2, 2, 0, 0, 0, 100]
    codes = {d.code for d in instruments.DIAGNOSTIC} | set(instruments.ITEMS)
    assert len([r for r in rows if r[0] in codes]) == 8 + 32


def test_nothing_to_export_below_the_threshold(client, table, member):
    campaign = CampaignFactory(table=table)
    add_responses(campaign, 4)
    client.force_login(member)
    response = client.get(_url(campaign))
    assert response.status_code == 404
    assert not response.content.startswith(b"PK")


def test_wheel_workbook_has_axes_and_groups(client, table, member):
    campaign = CampaignFactory(table=table, instrument=Instrument.WHEEL, attributes=["role"])
    for position, name in enumerate(["Vision", "Écoute", "Décisions", "Liens"], 1):
        WheelAxis.objects.create(
            table=table, campaign=campaign, position=position, name=name, definition="Déf."
        )
    answers = {f"a{n}": {"score": 6, "desired": 8, "why": "secret"} for n in range(1, 5)}
    Response.objects.bulk_create(
        Response(table=table, campaign=campaign, attributes={"role": role}, answers=answers)
        for role in ["member"] * 5 + ["coordinator"] * 5
    )
    client.force_login(member)
    response = client.get(_url(campaign))
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    vision = next(r for r in rows if r[0] == "Vision")
    assert vision[2:7] == (10, 6, 6, 6, 8)
    assert len(book.worksheets) == 2  # by group: two groups of 5
    flat = " ".join(str(c) for row in rows for c in row if c is not None)
    assert "secret" not in flat  # no note, no individual trace
