import pytest

from tablee.funding.tests.factories import ObjectiveFactory, PlanActionFactory, ProcessFactory
from tablee.organizations.tests.factories import OrganizationFactory, seat_for


@pytest.fixture
def process(table):
    return ProcessFactory(table=table, slug="securite-alimentaire", title="Sécurité alimentaire")


@pytest.fixture
def objectives(process):
    return [
        ObjectiveFactory(process=process, title="Accès aux aliments", position=1),
        ObjectiveFactory(process=process, title="Cuisiner ensemble", position=2),
    ]


@pytest.fixture
def actions(objectives):
    first, second = objectives
    return [
        PlanActionFactory(objective=first, title="Marché solidaire"),
        PlanActionFactory(objective=first, title="Épicerie mobile"),
        PlanActionFactory(objective=second, title="Cuisines collectives"),
    ]


@pytest.fixture
def organizations(table):
    result = [
        OrganizationFactory(name="Cuisine Amitié"),
        OrganizationFactory(name="Centre de santé", acronym="CSQ"),
    ]
    for organization in result:
        seat_for(table=table, organization=organization)
    return result
