"""Reads of collective processes and their stages, shaped for pages and the API.

`mobilisation_for_process` is the shared computation of "needed" beside
"engaged" per stage; other apps (evaluation, reports) call it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    BigIntegerField,
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce

from tablee.processes.models import (
    GroupKind,
    Level,
    Lever,
    Process,
    Stage,
    StageContribution,
    StageDocument,
    StageKind,
    StageLever,
    StageNeed,
    StageStatus,
)

# ---------------------------------------------------------------- processes


def process_list(*, table, archived: bool = False) -> QuerySet[Process]:
    """Return the current (or archived) processes of `table`, with their progress.

    Each row carries `stages_done`, `stages_total` and `current_kind` (the
    first stage under way, if any).
    """
    current = (
        Stage.objects.filter(process=OuterRef("pk"), status=StageStatus.UNDER_WAY)
        .order_by("position")
        .values("kind")[:1]
    )
    return (
        Process.objects.for_table(table)
        .filter(archived_at__isnull=not archived)
        .annotate(
            stages_done=Count("stages", filter=Q(stages__status=StageStatus.DONE)),
            stages_total=Count("stages"),
            current_kind=Subquery(current),
        )
        .order_by(F("starts_on").desc(nulls_last=True), "title", "id")
    )


def process_get(*, table, slug: str) -> Process | None:
    """Return the process of `table` with this short name (archived ones too), or None."""
    return Process.objects.for_table(table).filter(slug=slug).first()


def stage_list(*, process: Process) -> list[Stage]:
    """Return the eight stages in order, with their deliverable counts (timeline)."""
    return list(
        Stage.objects.filter(process=process)
        .annotate(
            decision_count=Count("decisions", distinct=True),
            meeting_count=Count("meetings", distinct=True),
            poll_count=Count("polls", distinct=True),
            document_count=Count("documents", distinct=True),
        )
        .order_by("position", "id")
    )


def stage_get(*, process: Process, kind: str) -> Stage | None:
    """Return one stage with everything its page shows, or None."""
    if kind not in StageKind.values:
        return None
    from tablee.decisions.models import Decision
    from tablee.meetings.models import Meeting
    from tablee.polls.models import Poll

    stage = (
        Stage.objects.filter(process=process, kind=kind)
        .prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.order_by("-number")),
            Prefetch("meetings", queryset=Meeting.objects.order_by("starts_at", "id")),
            Prefetch("polls", queryset=Poll.objects.order_by("opens_at", "id")),
            Prefetch("documents", queryset=StageDocument.objects.order_by("title", "id")),
            Prefetch(
                "contributions",
                queryset=StageContribution.objects.select_related(
                    "seat", "seat__organization", "organization"
                ).order_by("-contributed_on", "-id"),
            ),
        )
        .first()
    )
    if stage is not None:
        stage.process = process
    return stage


def stage_get_plain(*, process: Process, kind: str) -> Stage | None:
    """Return one stage without its deliverables (forms that only change the stage)."""
    if kind not in StageKind.values:
        return None
    stage = Stage.objects.filter(process=process, kind=kind).first()
    if stage is not None:
        stage.process = process
    return stage


def stage_needs(*, stage: Stage) -> list[StageNeed]:
    """Return the groups needed at a stage, with what their labels need."""
    needs = list(
        StageNeed.objects.filter(stage=stage)
        .select_related("sector", "committee", "seat", "seat__organization")
        .order_by("group_kind", "id")
    )
    for need in needs:
        need.stage = stage
    return needs


def need_label(need: StageNeed) -> str:
    """Return the name of the group a need points at."""
    from tablee.members.models import ActorType

    if need.group_kind == GroupKind.SECTOR:
        return need.sector.name if need.sector else ""
    if need.group_kind == GroupKind.ACTOR_TYPE:
        if need.actor_type in ActorType.values:
            return str(ActorType(need.actor_type).label)
        return need.actor_type
    if need.group_kind == GroupKind.COMMITTEE:
        return need.committee.name if need.committee else ""
    return str(need.seat) if need.seat else ""


def stage_for_api(*, process: Process) -> QuerySet[Stage]:
    """Return the stages of a process with the ids of their linked items."""
    return (
        Stage.objects.filter(process=process)
        .prefetch_related("decisions", "meetings", "polls")
        .order_by("position", "id")
    )


def stage_document_get(*, stage: Stage, document_id: int) -> StageDocument | None:
    return StageDocument.objects.filter(stage=stage, pk=document_id).first()


def stage_need_get(*, stage: Stage, need_id: int) -> StageNeed | None:
    need = StageNeed.objects.filter(stage=stage, pk=need_id).first()
    if need is not None:
        need.stage = stage
    return need


def stage_contribution_get(*, stage: Stage, contribution_id: int) -> StageContribution | None:
    contribution = (
        StageContribution.objects.filter(stage=stage, pk=contribution_id)
        .select_related("seat", "organization")
        .first()
    )
    if contribution is not None:
        contribution.stage = stage
    return contribution


def stage_levers(*, stage: Stage) -> dict[str, str]:
    """Return {lever: planned means} for the four levers (empty when not written)."""
    saved = dict(StageLever.objects.filter(stage=stage).values_list("lever", "means"))
    return {lever: saved.get(lever, "") for lever in Lever.values}


# ---------------------------------------------------------------- choices for links

CHOICE_LIMIT = 200


def decision_choices(*, table, exclude: list[int]) -> list:
    """Return the table's most recent decisions not yet linked, for the link form."""
    from tablee.decisions.models import Decision

    return list(
        Decision.objects.for_table(table)
        .exclude(pk__in=exclude)
        .order_by("-number")
        .only("id", "number", "wording", "decided_on")[:CHOICE_LIMIT]
    )


def meeting_choices(*, table, exclude: list[int]) -> list:
    from tablee.meetings.models import Meeting

    return list(
        Meeting.objects.for_table(table)
        .exclude(pk__in=exclude)
        .order_by(F("starts_at").desc(nulls_last=True), "-id")
        .only("id", "title", "starts_at")[:CHOICE_LIMIT]
    )


def poll_choices(*, table, exclude: list[int]) -> list:
    from tablee.polls.models import Poll

    return list(
        Poll.objects.for_table(table)
        .exclude(pk__in=exclude)
        .order_by("-opens_at", "-id")
        .only("id", "question", "opens_at")[:CHOICE_LIMIT]
    )


def linkable_get(*, table, kind: str, item_id: int):
    """Return the decision, meeting or poll of `table` with this id, or None."""
    from tablee.decisions.models import Decision
    from tablee.meetings.models import Meeting
    from tablee.polls.models import Poll

    model = {"decision": Decision, "meeting": Meeting, "poll": Poll}.get(kind)
    if model is None:
        return None
    return model.objects.for_table(table).filter(pk=item_id).first()


# ---------------------------------------------------------------- choices for mobilisation


def sector_choices() -> list:
    from tablee.organizations.models import Sector

    return list(Sector.objects.filter(is_active=True).order_by("position", "code"))


def sector_get(*, sector_id: int):
    from tablee.organizations.models import Sector

    return Sector.objects.filter(pk=sector_id).first()


def committee_choices(*, table) -> list:
    from tablee.members.models import Committee

    return list(Committee.objects.for_table(table).filter(closed_at__isnull=True).order_by("name"))


def committee_get(*, table, committee_id: int):
    from tablee.members.models import Committee

    return Committee.objects.for_table(table).filter(pk=committee_id).first()


def seat_choices(*, table) -> list:
    """Return the open seats of the table, by name."""
    from tablee.members.models import Seat

    seats = list(
        Seat.objects.for_table(table)
        .filter(closed_at__isnull=True)
        .select_related("organization")
        .order_by("label", "organization__name", "id")
    )
    return sorted(seats, key=lambda seat: str(seat).casefold())


def seat_get(*, table, seat_id: int):
    from tablee.members.models import Seat

    return Seat.objects.for_table(table).filter(pk=seat_id).select_related("organization").first()


def organization_choices(*, table) -> list:
    """Return the organizations that hold or held a seat at the table, by name."""
    from tablee.members.models import Seat
    from tablee.organizations.models import Organization

    ids = Seat.objects.for_table(table).filter(organization__isnull=False).values("organization")
    return list(Organization.objects.filter(pk__in=ids).order_by("name").only("id", "name"))


def organization_get(*, table, organization_id: int):
    from tablee.members.models import Seat
    from tablee.organizations.models import Organization

    ids = Seat.objects.for_table(table).filter(organization__isnull=False).values("organization")
    return Organization.objects.filter(pk__in=ids, pk=organization_id).first()


# ---------------------------------------------------------------- mobilisation


@dataclass
class GroupMobilisation:
    """One needed group of a stage: how strongly, how big, how many engaged."""

    need: StageNeed
    label: str
    kind: str
    kind_label: str
    level: str
    level_label: str
    # Seats (sector, type of actor, seat) or people (committee) in the group.
    size: int
    engaged: int
    unit: str  # "seats" or "people"

    @property
    def absent(self) -> bool:
        return self.engaged == 0


@dataclass
class LeverPlan:
    lever: str
    label: str
    means: str
    # The stage needs people but nothing is planned for this lever.
    unsupported: bool


@dataclass
class StageMobilisation:
    stage: Stage
    groups: list[GroupMobilisation] = field(default_factory=list)
    levers: list[LeverPlan] = field(default_factory=list)
    # Distinct seats, people without a seat and outside organizations engaged.
    engaged_total: int = 0

    @property
    def started(self) -> bool:
        return self.stage.status != StageStatus.TO_COME

    @property
    def absent_groups(self) -> list[GroupMobilisation]:
        return [group for group in self.groups if group.absent]

    @property
    def flagged(self) -> bool:
        """A stage under way or done where a needed group has nobody engaged."""
        return self.started and bool(self.absent_groups)

    @property
    def unsupported_levers(self) -> list[LeverPlan]:
        return [lever for lever in self.levers if lever.unsupported]


def _overlaps(start: date | None, end: date | None, stage: Stage) -> bool:
    """Whether a holding or membership [start, end] overlaps the stage's dates."""
    if end is not None and stage.starts_on is not None and end < stage.starts_on:
        return False
    return not (start is not None and stage.ends_on is not None and start > stage.ends_on)


def _engagement_rows(process: Process) -> list[tuple]:
    """Return (stage_id, seat_id, person_id, organization_id, organization sector) rows.

    One query: present attendance at the stage's meetings, participation in
    its polls, and recorded contributions, as a UNION of three aggregates.
    """
    # A typed NULL: PostgreSQL reads a bare NULL in a UNION as text.
    none = Cast(Value(None), output_field=BigIntegerField())
    columns = ("stage_ref", "seat_ref", "person_ref", "organization_ref", "organization_sector")
    # Based on the link tables, filtered in one call, so the columns read the
    # very rows the filter joined (and never a stage of another process).
    attendance = (
        Stage.meetings.through.objects.filter(
            stage__process=process, meeting__attendances__present=True
        )
        .annotate(
            stage_ref=F("stage_id"),
            seat_ref=F("meeting__attendances__seat_id"),
            person_ref=Coalesce(
                "meeting__attendances__attended_by_id", "meeting__attendances__person_id"
            ),
            organization_ref=none,
            organization_sector=none,
        )
        .order_by()
        .values_list(*columns)
    )
    polls = (
        Stage.polls.through.objects.filter(
            stage__process=process, poll__participations__isnull=False
        )
        .annotate(
            stage_ref=F("stage_id"),
            seat_ref=F("poll__participations__seat_id"),
            person_ref=F("poll__participations__voter_id"),
            organization_ref=none,
            organization_sector=none,
        )
        .order_by()
        .values_list(*columns)
    )
    contributions = (
        StageContribution.objects.filter(stage__process=process)
        .annotate(
            stage_ref=F("stage_id"),
            seat_ref=F("seat_id"),
            person_ref=none,
            organization_ref=F("organization_id"),
            organization_sector=F("organization__sector_id"),
        )
        .order_by()
        .values_list(*columns)
    )
    # UNION (not UNION ALL) also drops duplicates.
    return list(attendance.union(polls, contributions))


def mobilisation_for_process(process: Process) -> list[StageMobilisation]:
    """Put the groups needed at each stage beside the people actually engaged.

    Engaged means: present at a meeting linked to the stage (an alternate
    counts for the seat), voted in a poll linked to it, or named in a
    contribution recorded for it. A person counts for the seats they held
    and the committees they sat on during the stage's dates. A constant
    number of queries (about seven), whatever the size of the table.
    """
    from tablee.members.models import CommitteeMember, Seat, SeatHolding

    stages = list(Stage.objects.filter(process=process).order_by("position", "id"))
    needs = list(
        StageNeed.objects.filter(stage__process=process)
        .select_related("sector", "committee", "seat", "seat__organization")
        .order_by("stage_id", "group_kind", "id")
    )
    levers = {
        (stage_id, lever): means
        for stage_id, lever, means in StageLever.objects.filter(
            stage__process=process
        ).values_list("stage_id", "lever", "means")
    }
    rows = _engagement_rows(process)
    seats = {
        row[0]: row
        for row in Seat.objects.for_table(process.table_id).values_list(
            "id",
            Coalesce("sector_id", "organization__sector_id"),
            "actor_type",
            "organization_id",
            "closed_at",
        )
    }
    holdings = list(
        SeatHolding.objects.for_table(process.table_id).values_list(
            "seat_id", "person_id", "started_on", "ended_on"
        )
    )
    committee_ids = {need.committee_id for need in needs if need.committee_id}
    committee_members = (
        list(
            CommitteeMember.objects.filter(committee_id__in=committee_ids).values_list(
                "committee_id", "person_id", "joined_on", "left_on"
            )
        )
        if committee_ids
        else []
    )

    seats_of_org: dict[int, list[int]] = {}
    for seat_id, _sector, _type, organization_id, _closed in seats.values():
        if organization_id:
            seats_of_org.setdefault(organization_id, []).append(seat_id)
    open_seats = [row for row in seats.values() if row[4] is None]
    rows_by_stage: dict[int, list[tuple]] = {}
    for row in rows:
        rows_by_stage.setdefault(row[0], []).append(row)
    needs_by_stage: dict[int, list[StageNeed]] = {}
    for need in needs:
        needs_by_stage.setdefault(need.stage_id, []).append(need)

    # Group sizes once, not once per need: a large table has over a thousand seats.
    seats_by_sector = Counter(row[1] for row in open_seats)
    seats_by_type = Counter(row[2] for row in open_seats)
    result = []
    for stage in stages:
        stage.process = process
        held = [h for h in holdings if _overlaps(h[2], h[3], stage)]
        seats_of_person: dict[int, set[int]] = {}
        people_of_seat: dict[int, set[int]] = {}
        for seat_id, person_id, _start, _end in held:
            seats_of_person.setdefault(person_id, set()).add(seat_id)
            people_of_seat.setdefault(seat_id, set()).add(person_id)
        engaged_seats: set[int] = set()
        engaged_people: set[int] = set()
        outside: dict[int, int | None] = {}  # organization without a seat → its sector
        loose_people: set[int] = set()  # engaged people who held no seat then
        for _stage, seat_id, person_id, organization_id, org_sector in rows_by_stage.get(
            stage.pk, []
        ):
            if seat_id:
                engaged_seats.add(seat_id)
                engaged_people.update(people_of_seat.get(seat_id, ()))
            if person_id:
                engaged_people.add(person_id)
                if not seat_id:
                    person_seats = seats_of_person.get(person_id)
                    if person_seats:
                        engaged_seats.update(person_seats)
                    else:
                        loose_people.add(person_id)
            if organization_id:
                org_seats = seats_of_org.get(organization_id)
                if org_seats:
                    engaged_seats.update(org_seats)
                    for seat_id_ in org_seats:
                        engaged_people.update(people_of_seat.get(seat_id_, ()))
                else:
                    outside[organization_id] = org_sector
        entry = StageMobilisation(
            stage=stage,
            engaged_total=len(engaged_seats) + len(loose_people) + len(outside),
        )
        engaged_by_sector = Counter(seats[s][1] for s in engaged_seats)
        engaged_by_sector.update(outside.values())
        engaged_by_type = Counter(seats[s][2] for s in engaged_seats)
        for need in needs_by_stage.get(stage.pk, []):
            label = need_label(need)
            if need.group_kind == GroupKind.SECTOR:
                size = seats_by_sector[need.sector_id]
                engaged = engaged_by_sector[need.sector_id]
                unit = "seats"
            elif need.group_kind == GroupKind.ACTOR_TYPE:
                size = seats_by_type[need.actor_type]
                engaged = engaged_by_type[need.actor_type]
                unit = "seats"
            elif need.group_kind == GroupKind.COMMITTEE:
                members = {
                    person_id
                    for committee_id, person_id, joined, left in committee_members
                    if committee_id == need.committee_id and _overlaps(joined, left, stage)
                }
                size = len(members)
                engaged = len(members & engaged_people)
                unit = "people"
            else:
                size = 1
                engaged = 1 if need.seat_id in engaged_seats else 0
                unit = "seats"
            entry.groups.append(
                GroupMobilisation(
                    need=need,
                    label=label,
                    kind=need.group_kind,
                    kind_label=str(GroupKind(need.group_kind).label),
                    level=need.level,
                    level_label=str(Level(need.level).label),
                    size=size,
                    engaged=engaged,
                    unit=unit,
                )
            )
        has_needs = bool(entry.groups)
        for lever in Lever:
            means = levers.get((stage.pk, lever.value), "")
            entry.levers.append(
                LeverPlan(
                    lever=lever.value,
                    label=str(lever.label),
                    means=means,
                    unsupported=has_needs and not means.strip(),
                )
            )
        result.append(entry)
    return result
