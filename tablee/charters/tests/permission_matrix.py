"""Expected answers of the charter's URLs for every role (see tablee/testing/matrix.py)."""

from tablee.charters.tests.factories import CharterVersionFactory
from tablee.testing.matrix import Expect, coordination, table_members, table_read

TABLE_READ = table_read()
TABLE_MEMBERS = table_members()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)


def _table(world):
    return {"table_slug": world.table.slug}


def _with_adopted(world):
    world.extra["adopted"] = CharterVersionFactory(table=world.table, number=1, adopted=True)


def _with_draft(world):
    _with_adopted(world)
    world.extra["draft"] = CharterVersionFactory(table=world.table, number=2)


def _question(world):
    return {"table_slug": world.table.slug, "question_key": "why_added_value"}


EXPECTATIONS = {
    "charters:charter-home": Expect(TABLE_READ, kwargs=_table, setup=_with_draft),
    "charters:charter-compare": Expect(
        TABLE_READ, kwargs=_table, setup=_with_draft, data=lambda w: {"from": 1, "to": 2}
    ),
    # Without a draft open, the coordination sees the confirmation page.
    "charters:draft-start": Expect(COORDINATION, kwargs=_table, setup=_with_adopted),
    "charters:draft-step": Expect(
        TABLE_READ,
        kwargs=lambda w: {"table_slug": w.table.slug, "step": "why"},
        setup=_with_draft,
    ),
    "charters:draft-choices": Expect(TABLE_READ, kwargs=_table, setup=_with_draft),
    "charters:draft-review": Expect(TABLE_READ, kwargs=_table, setup=_with_draft),
    "charters:draft-adopt": Expect(COORDINATION, kwargs=_table, setup=_with_draft),
    "charters:answer-propose": Expect(COORDINATION, kwargs=_question, setup=_with_draft),
    "charters:comment-add": Expect(TABLE_MEMBERS, kwargs=_question, setup=_with_draft),
    "charters:version-detail": Expect(
        TABLE_READ, kwargs=lambda w: {"table_slug": w.table.slug, "number": 1}, setup=_with_draft
    ),
    "charters:export-pdf": Expect(
        TABLE_READ, kwargs=lambda w: {"table_slug": w.table.slug, "number": 2}, setup=_with_draft
    ),
    "charters:export-docx": Expect(
        TABLE_READ, kwargs=lambda w: {"table_slug": w.table.slug, "number": 1}, setup=_with_draft
    ),
    "api:charter": Expect(API_TABLE_READ, auth="bearer", kwargs=_table, setup=_with_draft),
    "api:charter-version": Expect(
        API_TABLE_READ,
        auth="bearer",
        kwargs=lambda w: {"table_slug": w.table.slug, "number": 1},
        setup=_with_draft,
    ),
}
