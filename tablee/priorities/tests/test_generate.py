"""The benchmark generator fills every generated process, and deletes it again."""

import random

import pytest

from tablee.decisions.models import Decision
from tablee.priorities import generate
from tablee.priorities.models import Candidate, PriorityRound, Rating, VisionVersion
from tablee.priorities.tests.factories import ProcessFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory, TableFactory

pytestmark = pytest.mark.django_db


def _batch(model, objs):
    model.objects.bulk_create(objs, batch_size=500)


def test_generate_and_delete():
    tables = [TableFactory(slug="gen-table-001"), TableFactory(slug="gen-table-002")]
    seats = {}
    for table in tables:
        ProcessFactory(table=table, slug=generate.PROCESS_SLUG)
        roles = [Role.COORDINATOR] + [Role.MEMBER] * 40 + [Role.OBSERVER] * 2
        seats[table.pk] = {
            MembershipFactory(table=table, role=role).user_id: role for role in roles
        }
    counts = generate.generate(
        rng=random.Random(1), scale=1, tables=tables, seats=seats, batch=_batch, progress=print
    )
    assert counts["vision versions"] == 2 and counts["priority rounds"] == 2
    big = PriorityRound.objects.get(table=tables[0])
    small = PriorityRound.objects.get(table=tables[1])
    assert Candidate.objects.filter(round=big).count() == generate.BIG_CANDIDATES
    assert Rating.objects.filter(round=big).values("rater").distinct().count() == 41
    assert Rating.objects.filter(round=small).values("rater").distinct().count() == 30
    assert counts["ratings"] == (20 * 5 * 41) + (10 * 5 * 30)
    vision = VisionVersion.objects.get(table=tables[0])
    assert vision.decision.table == tables[0] and vision.is_adopted
    generate.delete(tables=tables)
    assert not Rating.objects.exists() and not VisionVersion.objects.exists()
    assert Decision.objects.count() == 2  # the register's rows go with the core's cleanup


def test_generate_without_processes_does_nothing():
    table = TableFactory(slug="gen-table-001")
    counts = generate.generate(
        rng=random.Random(1), scale=1, tables=[table], seats={}, batch=_batch, progress=print
    )
    assert counts == {"vision versions": 0, "priority rounds": 0, "ratings": 0}
