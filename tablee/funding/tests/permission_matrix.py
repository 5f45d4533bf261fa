"""Expected answers of the resources and funding URLs for every role."""

from tablee.funding.tests.factories import (
    BudgetLineFactory,
    FunderFactory,
    FundingProgramFactory,
    ObjectiveFactory,
    PlanActionFactory,
    ProcessFactory,
    ReportingDateFactory,
    ResourceCommitmentFactory,
)
from tablee.testing.matrix import Expect, coordination, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)


def _world(world):
    table = world.table
    process = ProcessFactory(table=table, slug="securite-alimentaire")
    action = PlanActionFactory(objective=ObjectiveFactory(process=process))
    program = FundingProgramFactory(funder=FunderFactory(table=table), process=process)
    world.extra.update(
        process=process,
        commitment=ResourceCommitmentFactory(action=action),
        funder=program.funder,
        program=program,
        reporting=ReportingDateFactory(program=program),
        line=BudgetLineFactory(program=program, action=action),
    )


def _table(world):
    return {"table_slug": world.table.slug}


def _process(world):
    return {"table_slug": world.table.slug, "process_slug": world.extra["process"].slug}


def _commitment(world):
    return {**_process(world), "commitment_id": world.extra["commitment"].pk}


def _funder(world):
    return {"table_slug": world.table.slug, "funder_id": world.extra["funder"].pk}


def _program(world):
    return {"table_slug": world.table.slug, "program_id": world.extra["program"].pk}


def _reporting(world):
    return {"table_slug": world.table.slug, "reporting_id": world.extra["reporting"].pk}


def _line(world):
    return {"table_slug": world.table.slug, "line_id": world.extra["line"].pk}


def _read(kwargs):
    return Expect(TABLE_READ, kwargs=kwargs, setup=_world)


def _coord(kwargs):
    return Expect(COORDINATION, kwargs=kwargs, setup=_world)


EXPECTATIONS = {
    "funding:resources": _read(_process),
    "funding:resource-create": _coord(_process),
    "funding:resource-edit": _coord(_commitment),
    "funding:resource-delete": _coord(_commitment),
    "funding:funder-list": _read(_table),
    "funding:funder-create": _coord(_table),
    "funding:funder-detail": _read(_funder),
    "funding:funder-edit": _coord(_funder),
    "funding:funder-delete": _coord(_funder),
    "funding:program-create": _coord(_funder),
    "funding:program-detail": _read(_program),
    "funding:program-edit": _coord(_program),
    "funding:program-delete": _coord(_program),
    "funding:reporting-create": _coord(_program),
    "funding:reporting-edit": _coord(_reporting),
    "funding:reporting-done": _coord(_reporting),
    "funding:reporting-delete": _coord(_reporting),
    "funding:budget-line-create": _coord(_program),
    "funding:budget-line-edit": _coord(_line),
    "funding:budget-line-delete": _coord(_line),
    "api:funding-funder-list": Expect(API_TABLE_READ, auth="bearer", kwargs=_table, setup=_world),
    "api:funding-resources": Expect(API_TABLE_READ, auth="bearer", kwargs=_process, setup=_world),
}
