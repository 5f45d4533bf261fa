"""Expected answers of the frameworks and conditions registers' URLs for every role."""

from django.core.files.base import ContentFile

from tablee.frameworks.tests.factories import ConditionFactory, FrameworkFactory
from tablee.testing.matrix import Expect, coordination, table_read

TABLE_READ = table_read()
COORDINATION = coordination()


def _table(world):
    return {"table_slug": world.table.slug}


def _rows(world):
    framework = FrameworkFactory(table=world.table)
    framework.document.save("cadre.pdf", ContentFile(b"%PDF-1.4 matrix"), save=False)
    framework.document_name = "cadre.pdf"
    framework.document_type = "application/pdf"
    framework.save()
    world.extra["framework"] = framework
    world.extra["condition"] = ConditionFactory(table=world.table)


def _framework(world):
    return {**_table(world), "framework_id": world.extra["framework"].pk}


def _condition(world):
    return {**_table(world), "condition_id": world.extra["condition"].pk}


EXPECTATIONS = {
    "frameworks:framework-list": Expect(TABLE_READ, setup=_rows, kwargs=_table),
    "frameworks:framework-create": Expect(COORDINATION, kwargs=_table),
    "frameworks:framework-detail": Expect(TABLE_READ, setup=_rows, kwargs=_framework),
    "frameworks:framework-edit": Expect(COORDINATION, setup=_rows, kwargs=_framework),
    "frameworks:framework-delete": Expect(COORDINATION, setup=_rows, kwargs=_framework),
    "frameworks:framework-document": Expect(TABLE_READ, setup=_rows, kwargs=_framework),
    "frameworks:condition-list": Expect(TABLE_READ, setup=_rows, kwargs=_table),
    "frameworks:condition-create": Expect(COORDINATION, kwargs=_table),
    "frameworks:condition-detail": Expect(TABLE_READ, setup=_rows, kwargs=_condition),
    "frameworks:condition-edit": Expect(COORDINATION, setup=_rows, kwargs=_condition),
    "frameworks:condition-delete": Expect(COORDINATION, setup=_rows, kwargs=_condition),
}
