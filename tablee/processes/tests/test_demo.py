"""The demo process loads, tells its story, and loads only once."""

import pytest

from tablee.core import demo as core_demo
from tablee.processes import selectors
from tablee.processes.models import Process, StageKind

pytestmark = pytest.mark.django_db


def test_demo_process_shows_an_absent_group_and_an_unsupported_lever(monkeypatch):
    names = core_demo.DOMAIN_DEMOS
    # The demos this one builds on, then this one (later apps look it up).
    upto = names[: names.index("tablee.processes.demo") + 1]
    monkeypatch.setattr(core_demo, "DOMAIN_DEMOS", upto)
    core_demo.load_demo()
    core_demo.load_demo()
    process = Process.objects.get(table__slug="quartier-demo", slug="securite-alimentaire")
    assert process.title == "Plan d'action en sécurité alimentaire 2025-2028"
    result = {entry.stage.kind: entry for entry in selectors.mobilisation_for_process(process)}
    statuses = {kind: entry.stage.status for kind, entry in result.items()}
    assert statuses[StageKind.PORTRAIT] == statuses[StageKind.GOVERNANCE] == "done"
    assert statuses[StageKind.IMPLEMENTATION] == statuses[StageKind.FOLLOW_UP] == "under_way"
    assert statuses[StageKind.EVALUATION] == "to_come"
    flagged = [kind for kind, entry in result.items() if entry.flagged]
    assert flagged == [StageKind.IMPLEMENTATION]
    assert [g.label for g in result[StageKind.IMPLEMENTATION].absent_groups] == [
        "Siège expérience vécue"
    ]
    unsupported = [
        (kind, lever.lever) for kind, entry in result.items() for lever in entry.unsupported_levers
    ]
    assert unsupported == [(StageKind.PRIORITISATION, "resources")]
    assert all(entry.groups for entry in result.values())
    assert result[StageKind.IMPLEMENTATION].stage.meetings.exists()
    assert result[StageKind.PRIORITISATION].stage.polls.exists()
    assert result[StageKind.VISION].stage.decisions.exists()
    assert "territoire" in result[StageKind.VISION].stage.question  # French default question
