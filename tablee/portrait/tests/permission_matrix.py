"""Expected answers of the portrait's URLs for every role (see tablee/testing/matrix.py)."""

from django.core.files.base import ContentFile

from tablee.portrait.models import EvidenceDocument
from tablee.portrait.tests.factories import (
    NeedFactory,
    StrengthFactory,
    TerritoryIndicatorFactory,
    TerritoryValueFactory,
)
from tablee.testing.matrix import Expect, coordination, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)


def _table(world):
    return {"table_slug": world.table.slug}


def _world(world):
    coordinator = world.people["coordinator"]
    indicator = TerritoryIndicatorFactory(table=world.table, created_by=coordinator)
    TerritoryValueFactory(indicator=indicator, year=2021)
    need = NeedFactory(table=world.table, created_by=coordinator)
    need.indicators.add(indicator)
    strength = StrengthFactory(table=world.table, created_by=coordinator)
    document = EvidenceDocument(
        table=world.table,
        need=need,
        original_name="portrait.pdf",
        content_type="application/pdf",
        size=9,
        uploaded_by=coordinator,
    )
    document.file.save("portrait.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    world.extra.update(indicator=indicator, need=need, strength=strength, document=document)


def _indicator(world):
    return {"table_slug": world.table.slug, "indicator_id": world.extra["indicator"].pk}


def _value(world):
    return {**_indicator(world), "year": 2021}


def _need(world):
    return {"table_slug": world.table.slug, "need_id": world.extra["need"].pk}


def _strength(world):
    return {"table_slug": world.table.slug, "strength_id": world.extra["strength"].pk}


def _document(world):
    return {"table_slug": world.table.slug, "document_id": world.extra["document"].pk}


def _template(world):
    return {"table_slug": world.table.slug, "fmt": "csv"}


EXPECTATIONS = {
    "portrait:portrait-home": Expect(TABLE_READ, kwargs=_table, setup=_world),
    "portrait:indicator-create": Expect(COORDINATION, kwargs=_table),
    "portrait:indicator-import": Expect(COORDINATION, kwargs=_table),
    "portrait:indicator-import-template": Expect(COORDINATION, kwargs=_template),
    "portrait:indicator-detail": Expect(TABLE_READ, kwargs=_indicator, setup=_world),
    "portrait:indicator-edit": Expect(COORDINATION, kwargs=_indicator, setup=_world),
    "portrait:indicator-delete": Expect(COORDINATION, kwargs=_indicator, setup=_world),
    "portrait:value-record": Expect(COORDINATION, kwargs=_indicator, setup=_world),
    "portrait:value-delete": Expect(COORDINATION, kwargs=_value, setup=_world),
    "portrait:need-list": Expect(TABLE_READ, kwargs=_table, setup=_world),
    "portrait:need-create": Expect(COORDINATION, kwargs=_table),
    "portrait:need-detail": Expect(TABLE_READ, kwargs=_need, setup=_world),
    "portrait:need-edit": Expect(COORDINATION, kwargs=_need, setup=_world),
    "portrait:need-actions": Expect(COORDINATION, kwargs=_need, setup=_world),
    "portrait:need-delete": Expect(COORDINATION, kwargs=_need, setup=_world),
    "portrait:need-document-upload": Expect(COORDINATION, kwargs=_need, setup=_world),
    "portrait:strength-list": Expect(TABLE_READ, kwargs=_table, setup=_world),
    "portrait:strength-create": Expect(COORDINATION, kwargs=_table),
    "portrait:strength-detail": Expect(TABLE_READ, kwargs=_strength, setup=_world),
    "portrait:strength-edit": Expect(COORDINATION, kwargs=_strength, setup=_world),
    "portrait:strength-delete": Expect(COORDINATION, kwargs=_strength, setup=_world),
    "portrait:strength-document-upload": Expect(COORDINATION, kwargs=_strength, setup=_world),
    "portrait:document-download": Expect(TABLE_READ, kwargs=_document, setup=_world),
    "portrait:document-remove": Expect(COORDINATION, kwargs=_document, setup=_world),
    "api:portrait-indicator-list": Expect(
        API_TABLE_READ, auth="bearer", kwargs=_table, setup=_world
    ),
    "api:portrait-need-list": Expect(API_TABLE_READ, auth="bearer", kwargs=_table, setup=_world),
}
