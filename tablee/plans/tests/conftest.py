import pytest

from tablee.members.tests.factories import SeatFactory
from tablee.plans.tests.factories import ObjectiveFactory, ProcessFactory


@pytest.fixture
def process(table):
    return ProcessFactory(table=table, slug="securite-alimentaire", title="Sécurité alimentaire")


@pytest.fixture
def objective(process):
    return ObjectiveFactory(process=process, title="Améliorer l'accès aux aliments frais")


@pytest.fixture
def seat(table):
    return SeatFactory(table=table)


@pytest.fixture
def organization(seat):
    return seat.organization


def plan_url(table, process, suffix=""):
    return f"/t/{table.slug}/processes/{process.slug}/{suffix}"
