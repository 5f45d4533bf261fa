"""The mobilisation computation on known cases, and its constant query count."""

from datetime import date

import pytest

from tablee.accounts.tests.factories import UserFactory
from tablee.meetings.models import Attendance
from tablee.meetings.tests.factories import MeetingFactory
from tablee.members.models import ActorType, Position
from tablee.members.tests.factories import (
    CommitteeFactory,
    CommitteeMemberFactory,
    SeatFactory,
    SeatHoldingFactory,
)
from tablee.organizations.tests.factories import OrganizationFactory, SectorFactory
from tablee.polls.models import Participation
from tablee.polls.tests.factories import PollFactory
from tablee.processes import selectors, services
from tablee.processes.models import Level, Stage, StageKind, StageStatus
from tablee.processes.tests.factories import process_with_stages


def _stage(process, kind) -> Stage:
    return Stage.objects.get(process=process, kind=kind)


def _status(stage, status):
    Stage.objects.filter(pk=stage.pk).update(status=status)


@pytest.fixture
def world(table, coordinator):
    """A small table whose engagement is known by hand.

    seat_a: sector A, strategic, held by p1.
    seat_b: sector B, tactical, held by p2 with p3 as alternate.
    seat_c: a citizen seat (lived experience), held by p4.
    Committee C: p2 and p5 (p5 holds no seat).
    """
    sector_a, sector_b = SectorFactory(), SectorFactory()
    p1, p2, p3, p4, p5 = (UserFactory() for _ in range(5))
    seat_a = SeatFactory(
        table=table,
        organization=OrganizationFactory(sector=sector_a),
        actor_type=ActorType.STRATEGIC,
    )
    seat_b = SeatFactory(
        table=table,
        organization=OrganizationFactory(sector=sector_b),
        actor_type=ActorType.TACTICAL,
    )
    seat_c = SeatFactory(
        table=table, organization=None, label="Siège citoyen", actor_type="lived_experience"
    )
    SeatHoldingFactory(seat=seat_a, person=p1)
    SeatHoldingFactory(seat=seat_b, person=p2)
    SeatHoldingFactory(seat=seat_b, person=p3, position=Position.ALTERNATE)
    SeatHoldingFactory(seat=seat_c, person=p4)
    committee = CommitteeFactory(table=table)
    CommitteeMemberFactory(committee=committee, person=p2)
    CommitteeMemberFactory(committee=committee, person=p5)
    process = process_with_stages(table, actor=coordinator, slug="plan")
    return {
        "process": process,
        "coordinator": coordinator,
        "sector_a": sector_a,
        "sector_b": sector_b,
        "seats": (seat_a, seat_b, seat_c),
        "people": (p1, p2, p3, p4, p5),
        "committee": committee,
    }


def _need(stage, actor, **target):
    level = target.pop("level", Level.CONSULTED)
    kind = next(k for k in ("sector", "actor_type", "committee", "seat") if k in target)
    return services.stage_need_add(
        stage=stage, actor=actor, group_kind=kind, level=level, **target
    )


def _by_kind(result) -> dict:
    return {entry.stage.kind: entry for entry in result}


def _groups(entry) -> dict:
    return {group.label: group for group in entry.groups}


def test_attendance_alternates_and_committees_count_as_engaged(table, world):
    """Present seats count, an alternate counts for the seat, a seat's people count for
    their committees; a seat marked absent does not."""
    process, coord = world["process"], world["coordinator"]
    seat_a, seat_b, seat_c = world["seats"]
    p1, _p2, p3, p4, _p5 = world["people"]
    portrait = _stage(process, StageKind.PORTRAIT)
    _status(portrait, StageStatus.DONE)
    meeting = MeetingFactory(table=table)
    services.stage_link(stage=portrait, actor=coord, item=meeting)
    Attendance.objects.create(
        table=table, meeting=meeting, seat=seat_a, person=p1, present=True, attended_by=p1
    )
    Attendance.objects.create(
        table=table, meeting=meeting, seat=seat_b, person=p3, present=True, attended_by=p3
    )
    Attendance.objects.create(table=table, meeting=meeting, seat=seat_c, person=p4, present=False)
    _need(portrait, coord, sector=world["sector_a"])
    _need(portrait, coord, actor_type=ActorType.TACTICAL, level=Level.CONTRIBUTING)
    _need(portrait, coord, committee=world["committee"], level=Level.INFORMED)
    _need(portrait, coord, seat=seat_c, level=Level.DECIDING)
    services.stage_levers_save(
        stage=portrait,
        actor=coord,
        means={"information": "Bulletin", "communication": "Courriels", "motivation": "Repas"},
    )

    entry = _by_kind(selectors.mobilisation_for_process(process))[StageKind.PORTRAIT]
    groups = _groups(entry)
    assert (groups[world["sector_a"].name].engaged, groups[world["sector_a"].name].size) == (1, 1)
    tactical = groups[str(ActorType.TACTICAL.label)]
    assert (tactical.engaged, tactical.size, tactical.unit) == (1, 1, "seats")
    committee = groups[world["committee"].name]
    # p2 (representative of seat_b, whose alternate came) is in the committee; p5 is not engaged.
    assert (committee.engaged, committee.size, committee.unit) == (1, 2, "people")
    citizen = groups["Siège citoyen"]
    assert citizen.absent
    assert entry.flagged
    assert [g.label for g in entry.absent_groups] == ["Siège citoyen"]
    assert [lever.lever for lever in entry.unsupported_levers] == ["resources"]
    assert entry.engaged_total == 2


def test_polls_contributions_and_outside_organizations(table, world):
    """A vote counts for the voter's seat; an organization without a seat counts for
    its sector; a stage to come is never flagged."""
    process, coord = world["process"], world["coordinator"]
    _seat_a, seat_b, _seat_c = world["seats"]
    _p1, p2, *_rest = world["people"]
    diagnostic = _stage(process, StageKind.DIAGNOSTIC)
    _status(diagnostic, StageStatus.UNDER_WAY)
    poll = PollFactory(table=table)
    services.stage_link(stage=diagnostic, actor=coord, item=poll)
    Participation.objects.create(table=table, poll=poll, voter=p2)
    outside = OrganizationFactory(sector=world["sector_a"])
    services.stage_contribution_record(
        stage=diagnostic,
        actor=coord,
        organization=outside,
        contributed_on=date(2025, 3, 1),
        note="Données de la banque alimentaire",
    )
    _need(diagnostic, coord, sector=world["sector_a"])
    _need(diagnostic, coord, sector=world["sector_b"])
    _need(diagnostic, coord, seat=seat_b)
    vision = _stage(process, StageKind.VISION)
    _need(vision, coord, actor_type=ActorType.LIVED_EXPERIENCE)

    result = _by_kind(selectors.mobilisation_for_process(process))
    diag = _groups(result[StageKind.DIAGNOSTIC])
    assert diag[world["sector_a"].name].engaged == 1  # the outside organization
    assert diag[world["sector_b"].name].engaged == 1  # p2 voted, for seat_b
    assert diag[str(seat_b)].engaged == 1
    assert not result[StageKind.DIAGNOSTIC].flagged
    assert len(result[StageKind.DIAGNOSTIC].unsupported_levers) == 4
    assert result[StageKind.DIAGNOSTIC].engaged_total == 2
    vision_entry = result[StageKind.VISION]
    assert vision_entry.groups[0].absent
    assert not vision_entry.flagged  # not started yet
    # A stage without needs never has an unsupported lever.
    assert result[StageKind.EVALUATION].unsupported_levers == []


def test_other_processes_and_their_meetings_do_not_count(table, world):
    """Attendance at a meeting linked to another process's stage is not engagement here,
    even when the same meeting is linked to both."""
    process, coord = world["process"], world["coordinator"]
    seat_a, _seat_b, seat_c = world["seats"]
    p1, _p2, _p3, p4, _p5 = world["people"]
    other = process_with_stages(table, actor=coord, slug="autre")
    shared, elsewhere = MeetingFactory(table=table), MeetingFactory(table=table)
    services.stage_link(stage=_stage(process, StageKind.PORTRAIT), actor=coord, item=shared)
    services.stage_link(stage=_stage(other, StageKind.VISION), actor=coord, item=shared)
    services.stage_link(stage=_stage(other, StageKind.PORTRAIT), actor=coord, item=elsewhere)
    Attendance.objects.create(
        table=table, meeting=shared, seat=seat_a, person=p1, present=True, attended_by=p1
    )
    Attendance.objects.create(
        table=table, meeting=elsewhere, seat=seat_c, person=p4, present=True, attended_by=p4
    )
    result = _by_kind(selectors.mobilisation_for_process(process))
    assert result[StageKind.PORTRAIT].engaged_total == 1
    assert result[StageKind.VISION].engaged_total == 0
    other_result = _by_kind(selectors.mobilisation_for_process(other))
    assert other_result[StageKind.PORTRAIT].engaged_total == 1
    assert other_result[StageKind.VISION].engaged_total == 1


def test_holdings_outside_the_stage_dates_do_not_count(table, world):
    """Someone who took the seat after the stage ended does not engage the seat then."""
    process, coord = world["process"], world["coordinator"]
    seat_d = SeatFactory(table=table)
    newcomer = UserFactory()
    SeatHoldingFactory(seat=seat_d, person=newcomer, started_on=date(2025, 6, 1))
    portrait = _stage(process, StageKind.PORTRAIT)
    Stage.objects.filter(pk=portrait.pk).update(
        starts_on=date(2025, 1, 1), ends_on=date(2025, 3, 31), status=StageStatus.DONE
    )
    meeting = MeetingFactory(table=table)
    services.stage_link(stage=portrait, actor=coord, item=meeting)
    Attendance.objects.create(table=table, meeting=meeting, person=newcomer, present=True)
    _need(portrait, coord, seat=seat_d)
    entry = _by_kind(selectors.mobilisation_for_process(process))[StageKind.PORTRAIT]
    assert entry.groups[0].absent
    assert entry.engaged_total == 1  # counted as a person without a seat at the time


def test_mobilisation_query_count_does_not_grow(table, world, django_assert_num_queries):
    process, coord = world["process"], world["coordinator"]
    seat_a, seat_b, seat_c = world["seats"]
    stages = list(Stage.objects.filter(process=process).order_by("position"))

    def grow(some):
        for index, stage in enumerate(some):
            meeting = MeetingFactory(table=table)
            services.stage_link(stage=stage, actor=coord, item=meeting)
            for seat in (seat_a, seat_b, seat_c):
                Attendance.objects.create(table=table, meeting=meeting, seat=seat, present=True)
            poll = PollFactory(table=table)
            services.stage_link(stage=stage, actor=coord, item=poll)
            Participation.objects.create(table=table, poll=poll, voter=UserFactory())
            if index % 2:
                _need(stage, coord, committee=world["committee"])
            else:
                _need(stage, coord, seat=seat_a)

    grow(stages[:2])
    # stages, needs, levers, engagement (one UNION), seats, holdings, committee members
    with django_assert_num_queries(7):
        selectors.mobilisation_for_process(process)
    grow(stages[2:])
    with django_assert_num_queries(7):
        result = selectors.mobilisation_for_process(process)
    assert all(entry.groups for entry in result)
