"""The demo loads two completed self-checks a year apart, and only once."""

import pytest

from tablee.charters.models import CharterVersion
from tablee.plans.tests.factories import ObjectiveFactory, ProcessFactory
from tablee.selfcheck import demo, selectors
from tablee.selfcheck.models import ConditionAssessment, SelfCheck

pytestmark = pytest.mark.django_db


def test_demo_checks_show_progress_and_a_plan_action(table, coordinator):
    CharterVersion.objects.create(table=table, number=1)
    ObjectiveFactory(process=ProcessFactory(table=table, slug=demo.PROCESS_SLUG))
    people = {demo.COORDINATOR_EMAIL: coordinator}
    demo.load(people=people)
    demo.load(people=people)
    checks = list(SelfCheck.objects.filter(table=table))
    assert len(checks) == 2 and all(c.is_completed for c in checks)
    _previous, rows = selectors.profile(check=checks[0])
    deltas = [r["delta"] for r in rows]
    assert any(d > 0 for d in deltas) and any(d < 0 for d in deltas)
    assert ConditionAssessment.objects.filter(plan_action__isnull=False).count() == 1
    assert ConditionAssessment.objects.filter(charter_versions__isnull=False).exists()


def test_generate_one_check_per_table(table, other_table):
    import random

    from tablee.selfcheck import generate

    def batch(model, objs):
        model.objects.bulk_create(objs)

    counts = generate.generate(
        rng=random.Random(1),
        scale=1,
        tables=[table, other_table],
        seats={},
        batch=batch,
        progress=lambda *a, **k: None,
    )
    assert counts == {"selfchecks": 2, "selfcheck_cards": 24}
    generate.delete(tables=[table, other_table])
    assert not SelfCheck.objects.exists()
