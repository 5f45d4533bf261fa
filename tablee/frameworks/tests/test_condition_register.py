"""The register of obstacles and favourable conditions."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEntry
from tablee.decisions.tests.factories import DecisionFactory
from tablee.frameworks import services
from tablee.frameworks.audit_events import Event
from tablee.frameworks.models import Condition
from tablee.frameworks.tests.factories import ConditionFactory
from tablee.processes.models import Stage

pytestmark = pytest.mark.django_db


def _input(**overrides) -> services.ConditionInput:
    values = {
        "kind": "obstacle",
        "category": "funding",
        "description": "Le financement par projet ne couvre pas la coordination.",
        "noticed_on": date(2025, 2, 1),
    }
    values.update(overrides)
    return services.ConditionInput(**values)


def test_recording_links_actions_stages_and_decision(table, coordinator, action):
    stage = Stage.objects.create(table=table, process=action.process, kind="implementation")
    decision = DecisionFactory(table=table, recorded_by=coordinator)
    condition = services.condition_record(
        table=table,
        actor=coordinator,
        data=_input(
            actions=[action],
            stages=[stage],
            decision=decision,
            response="Demander un financement à la mission.",
            status="addressed",
        ),
    )
    assert list(action.conditions.all()) == [condition]
    assert list(stage.conditions.all()) == [condition]
    assert AuditEntry.objects.get(target_id=str(condition.pk)).event == (
        Event.FRAMEWORK_CONDITION_RECORDED
    )


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"category": "risk_taking"}, "category", "choose an obstacle category"),
        ({"kind": "favourable", "category": "conflicts"}, "category", "favourable-condition"),
        ({"description": ""}, "description", "Describe"),
        ({"status": "addressed"}, "response", "addressed"),
        (
            {"noticed_on": timezone.localdate() + timedelta(days=2)},
            "noticed_on",
            "future",
        ),
    ],
)
def test_bad_condition_input_is_refused(table, coordinator, overrides, field, words):
    with pytest.raises(InvalidInput) as caught:
        services.condition_record(table=table, actor=coordinator, data=_input(**overrides))
    assert field in caught.value.extra["fields"]
    assert words in caught.value.message
    assert not Condition.objects.exists()


def test_other_is_allowed_for_both_kinds(table, coordinator):
    for kind in ("obstacle", "favourable"):
        services.condition_record(
            table=table, actor=coordinator, data=_input(kind=kind, category="other")
        )
    assert Condition.objects.count() == 2


def test_pages_record_edit_and_delete(client, table, coordinator, action):
    client.force_login(coordinator)
    base = f"/t/{table.slug}/obstacles/"
    assert client.get(f"{base}new/?kind=favourable").status_code == 200
    response = client.post(
        f"{base}new/",
        {
            "kind": "favourable",
            "category": "linkage",
            "description": "Les organismes se parlent enfin entre secteurs.",
            "noticed_on": "2025-01-15",
            "actions": [action.pk],
            "status": "open",
        },
    )
    condition = Condition.objects.get()
    assert response["Location"] == f"{base}{condition.pk}/"
    assert action.title in client.get(f"{base}{condition.pk}/").content.decode()
    response = client.post(
        f"{base}{condition.pk}/edit/",
        {
            "kind": "favourable",
            "category": "risk_taking",
            "description": "Idem",
            "noticed_on": "2025-01-15",
            "status": "addressed",
            "revision": "0",
        },
    )
    assert "Before marking it addressed" in response.content.decode()
    condition.refresh_from_db()
    assert condition.category == "linkage"
    assert client.get(f"{base}{condition.pk}/delete/").status_code == 200
    assert client.post(f"{base}{condition.pk}/delete/").status_code == 302
    assert not Condition.objects.exists()


def test_a_category_of_the_other_kind_is_refused_on_the_page(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/obstacles/new/",
        {
            "kind": "obstacle",
            "category": "shared_vision",
            "description": "Texte",
            "noticed_on": "2025-01-15",
            "status": "open",
        },
    )
    assert "choose an obstacle category" in response.content.decode()
    assert not Condition.objects.exists()


def test_list_filters_by_kind_category_and_status(client, table, member):
    ConditionFactory(table=table, description="Obstacle financier ouvert")
    ConditionFactory(
        table=table,
        kind="favourable",
        category="shared_vision",
        description="Vision partagée réglée",
        status="addressed",
        response="On continue.",
    )
    client.force_login(member)
    url = f"/t/{table.slug}/obstacles/"
    text = client.get(url, {"kind": "favourable"}).content.decode()
    assert "Vision partagée" in text and "Obstacle financier" not in text
    text = client.get(url, {"category": "funding", "status": "open"}).content.decode()
    assert "Obstacle financier" in text and "Vision partagée" not in text
    text = client.get(url, {"status": "addressed"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Vision partagée" in text and "<html" not in text


def test_a_stale_edit_shows_their_version_and_changes_nothing(client, table, coordinator):
    condition = ConditionFactory(table=table, description="Version d'origine")
    data = {
        "kind": "obstacle",
        "category": "funding",
        "description": "Première correction",
        "noticed_on": "2025-01-15",
        "status": "open",
        "revision": "0",
    }
    client.force_login(coordinator)
    url = f"/t/{table.slug}/obstacles/{condition.pk}/edit/"
    assert client.post(url, data).status_code == 302
    data["description"] = "Seconde correction"
    text = client.post(url, data).content.decode()
    assert "The version saved in the meantime" in text
    assert "Seconde correction" in text
    condition.refresh_from_db()
    assert condition.description == "Première correction"
    assert AuditEntry.objects.filter(event=Event.FRAMEWORK_CONDITION_UPDATED).count() == 1
