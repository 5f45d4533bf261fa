"""Reads about seats, committees and the who's-who, shaped for their screens.

Every list loads its rows and their relations in a fixed number of queries,
whatever the number of seats.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from tablee.accounts.models import User
from tablee.members.models import (
    ActorType,
    Committee,
    CommitteeMember,
    Contribution,
    Position,
    Power,
    Seat,
    SeatHolding,
)
from tablee.organizations.models import Organization, Sector, normalize_name
from tablee.tables.models import Membership, Role, Table

# -- seats -----------------------------------------------------------------


def _current_holdings(table: Table) -> Prefetch:
    return Prefetch(
        "holdings",
        queryset=SeatHolding.objects.for_table(table)
        .filter(ended_on__isnull=True)
        .select_related("person")
        .order_by("-position"),  # representative before alternate
        to_attr="current_holdings",
    )


def seat_list(*, table: Table, search: str = "", status: str = "open") -> QuerySet[Seat]:
    """Return the table's seats with their organization, sector and current holders."""
    seats = (
        Seat.objects.for_table(table)
        .select_related("organization__sector", "sector")
        .prefetch_related(_current_holdings(table))
    )
    if status == "open":
        seats = seats.filter(closed_at__isnull=True)
    elif status == "closed":
        seats = seats.filter(closed_at__isnull=False)
    if search:
        seats = seats.filter(
            Q(label__icontains=search)
            | Q(organization__name__icontains=search)
            | Q(organization__acronym__icontains=search)
            | Q(
                holdings__ended_on__isnull=True,
                holdings__person__full_name__icontains=search,
            )
        ).distinct()
    return seats.order_by("organization__name", "label", "id")


def seat_get(*, table: Table, seat_id: int) -> Seat | None:
    """Return one seat with its current holders and its whole history."""
    history = Prefetch(
        "holdings",
        queryset=SeatHolding.objects.for_table(table)
        .select_related("person")
        .order_by("-started_on", "-id"),
        to_attr="all_holdings",
    )
    return (
        Seat.objects.for_table(table)
        .select_related("organization__sector", "sector", "table")
        .prefetch_related(_current_holdings(table), history)
        .filter(pk=seat_id)
        .first()
    )


def seat_sector(seat: Seat) -> Sector | None:
    """The sector a seat represents: its own, else its organization's."""
    if seat.sector_id:
        return seat.sector
    if seat.organization_id:
        return seat.organization.sector
    return None


def holder_of(seat: Seat, position: str) -> SeatHolding | None:
    for holding in getattr(seat, "current_holdings", []):
        if holding.position == position:
            return holding
    return None


def organization_choices() -> QuerySet[Organization]:
    return Organization.objects.alive().select_related("sector").order_by("name")


def organization_get(*, organization_id: int) -> Organization | None:
    return Organization.objects.alive().filter(pk=organization_id).first()


def organization_find(*, name: str) -> Organization | None:
    """Find a registry organization by name or acronym, ignoring case and accents."""
    key = normalize_name(name)
    if not key:
        return None
    alive = Organization.objects.alive().select_related("sector")
    return alive.filter(name_key=key).first() or alive.filter(acronym_key=key).first()


def sector_list() -> QuerySet[Sector]:
    return Sector.objects.filter(is_active=True).order_by("position", "code")


def sector_get_by_code(*, code: str) -> Sector | None:
    return Sector.objects.filter(code=code).first()


def people_of_table(*, table: Table) -> QuerySet[User]:
    """People who currently hold a role in the table, by name."""
    return (
        User.objects.filter(
            memberships__table=table, memberships__ended_at__isnull=True, deleted_at__isnull=True
        )
        .distinct()
        .order_by("full_name", "email")
    )


def person_of_table(*, table: Table, person_id: int) -> User | None:
    return people_of_table(table=table).filter(pk=person_id).first()


# -- committees ------------------------------------------------------------


def committee_list(*, table: Table, include_closed: bool = False) -> QuerySet[Committee]:
    committees = Committee.objects.for_table(table).annotate(
        member_count=Count("members", filter=Q(members__left_on__isnull=True))
    )
    if not include_closed:
        committees = committees.filter(closed_at__isnull=True)
    return committees.order_by("closed_at", "kind", "name")


def committee_get(*, table: Table, committee_id: int) -> Committee | None:
    current = Prefetch(
        "members",
        queryset=CommitteeMember.objects.for_table(table)
        .filter(left_on__isnull=True)
        .select_related("person")
        .order_by("role", "person__full_name"),
        to_attr="current_members",
    )
    past = Prefetch(
        "members",
        queryset=CommitteeMember.objects.for_table(table)
        .filter(left_on__isnull=False)
        .select_related("person")
        .order_by("-left_on"),
        to_attr="past_members",
    )
    return (
        Committee.objects.for_table(table)
        .select_related("table")
        .prefetch_related(current, past)
        .filter(pk=committee_id)
        .first()
    )


def committee_member_get(*, committee: Committee, member_id: int) -> CommitteeMember | None:
    return (
        CommitteeMember.objects.for_table(committee.table)
        .select_related("person", "committee")
        .filter(committee=committee, pk=member_id, left_on__isnull=True)
        .first()
    )


# -- directory -------------------------------------------------------------


def directory_list(
    *,
    table: Table,
    search: str = "",
    sector: str = "",
    actor_type: str = "",
    committee_id: int | None = None,
) -> QuerySet[User]:
    """People of the who's-who: current seat holders and coordinators.

    Filters apply to their current seats (sector, type of actor) and
    committees. Enrich a page of it with `directory_rows`.
    """
    holdings = SeatHolding.objects.filter(
        table=table, person=OuterRef("pk"), ended_on__isnull=True, seat__closed_at__isnull=True
    )
    coordinates = Membership.objects.filter(
        table=table, user=OuterRef("pk"), ended_at__isnull=True, role=Role.COORDINATOR
    )
    people = User.objects.filter(deleted_at__isnull=True).filter(
        Exists(holdings) | Exists(coordinates)
    )
    if search:
        by_org = holdings.filter(
            Q(seat__organization__name__icontains=search)
            | Q(seat__organization__acronym__icontains=search)
            | Q(seat__label__icontains=search)
        )
        people = people.filter(
            Q(full_name__icontains=search) | Q(email__icontains=search) | Exists(by_org)
        )
    if sector:
        people = people.filter(
            Exists(
                holdings.filter(
                    Q(seat__sector__code=sector)
                    | Q(seat__sector__isnull=True, seat__organization__sector__code=sector)
                )
            )
        )
    if actor_type:
        people = people.filter(Exists(holdings.filter(seat__actor_type=actor_type)))
    if committee_id:
        people = people.filter(
            Exists(
                CommitteeMember.objects.filter(
                    table=table,
                    person=OuterRef("pk"),
                    committee_id=committee_id,
                    left_on__isnull=True,
                )
            )
        )
    return people.order_by("full_name", "email")


@dataclass
class DirectoryRow:
    person: User
    name: str
    job_title: str
    is_coordinator: bool
    seats: list[dict] = field(default_factory=list)
    committees: list[dict] = field(default_factory=list)
    # None when hidden: no consent, or the viewer may not see contact details.
    email: str | None = None
    phone: str | None = None


def directory_rows(people, *, table: Table, show_contacts: bool) -> list[DirectoryRow]:
    """Attach seats, committees and (when allowed) contacts to a page of people.

    Four queries whatever the page size: people with their contact card,
    current holdings, committee memberships and coordinator roles.
    """
    holdings = Prefetch(
        "seat_holdings",
        queryset=SeatHolding.objects.for_table(table)
        .filter(ended_on__isnull=True, seat__closed_at__isnull=True)
        .select_related("seat__organization__sector", "seat__sector"),
        to_attr="table_holdings",
    )
    committees = Prefetch(
        "committee_memberships",
        queryset=CommitteeMember.objects.for_table(table)
        .filter(left_on__isnull=True, committee__closed_at__isnull=True)
        .select_related("committee"),
        to_attr="table_committees",
    )
    coordinators = Prefetch(
        "memberships",
        queryset=Membership.objects.for_table(table).current().filter(role=Role.COORDINATOR),
        to_attr="table_coordination",
    )
    ids = [person.pk for person in people]
    loaded = (
        User.objects.filter(pk__in=ids)
        .select_related("contact_card")
        .prefetch_related(holdings, committees, coordinators)
    )
    by_id = {person.pk: person for person in loaded}
    rows = []
    for person_id in ids:
        person = by_id[person_id]
        card = getattr(person, "contact_card", None)
        consent = bool(card and card.directory_consent)
        row = DirectoryRow(
            person=person,
            name=person.display_name,
            job_title=card.job_title if card else "",
            is_coordinator=bool(person.table_coordination),
        )
        for holding in person.table_holdings:
            seat = holding.seat
            sector = seat_sector(seat)
            row.seats.append(
                {
                    "seat": seat,
                    "seat_id": seat.pk,
                    "name": str(seat),
                    "organization": seat.organization.name if seat.organization_id else "",
                    "sector": sector.name if sector else "",
                    "sector_code": sector.code if sector else "",
                    "actor_type": seat.actor_type,
                    "actor_type_label": seat.actor_type_label,
                    "position": holding.position,
                    "position_label": holding.position_label,
                }
            )
        for membership in person.table_committees:
            row.committees.append(
                {
                    "id": membership.committee_id,
                    "name": membership.committee.name,
                    "role": membership.role,
                }
            )
        if show_contacts and consent:
            row.email = person.email
            row.phone = card.phone
        rows.append(row)
    return rows


# -- coverage --------------------------------------------------------------


def charter_for_coverage(*, table: Table):
    """The latest adopted charter version, else the draft, else None."""
    from tablee.charters.models import CharterStatus, CharterVersion

    versions = CharterVersion.objects.for_table(table)
    return (
        versions.filter(status=CharterStatus.ADOPTED).order_by("-number").first()
        or versions.filter(status=CharterStatus.DRAFT).first()
    )


def latest_adopted_charter(*, table: Table):
    from tablee.charters.models import CharterStatus, CharterVersion

    return (
        CharterVersion.objects.for_table(table)
        .filter(status=CharterStatus.ADOPTED)
        .order_by("-number")
        .first()
    )


@dataclass
class SectorLine:
    sector: Sector | None
    needed: bool = False
    seats: int = 0
    represented: int = 0
    strategic: int = 0
    tactical: int = 0
    lived_experience: int = 0

    @property
    def status(self) -> str:
        """ok, vacant (seats but nobody holds them), missing (needed, no seat), extra."""
        if self.seats == 0:
            return "missing" if self.needed else "none"
        if self.represented == 0:
            return "vacant"
        return "ok"


@dataclass(frozen=True)
class CoverageSeat:
    """What the coverage page needs of a seat: its counts and a link."""

    pk: int
    name: str
    sector_id: int | None
    actor_type: str
    mandate_end: date | None
    powers: list
    contributions: list

    def __str__(self) -> str:
        return self.name


def _coverage_seats(table: Table) -> list[CoverageSeat]:
    rows = (
        Seat.objects.for_table(table)
        .filter(closed_at__isnull=True)
        .order_by("organization__name", "label", "id")
        .values_list(
            "id",
            "label",
            "organization__name",
            "organization__acronym",
            "sector_id",
            "organization__sector_id",
            "actor_type",
            "mandate_end",
            "powers",
            "contributions",
        )
    )
    seats = []
    for pk, label, org, acronym, sector, org_sector, actor, end, powers, contributions in rows:
        # As Seat.__str__ and Organization.__str__ spell it.
        name = label or (f"{org} ({acronym})" if org and acronym else org or "")
        seats.append(
            CoverageSeat(pk, name, sector or org_sector, actor, end, powers, contributions)
        )
    return seats


def coverage(*, table: Table) -> dict:
    """Compare what the charter needs with the open seats and their holders.

    Four queries whatever the number of seats: charter, sectors, seats (as
    plain values: a large table has over a thousand), current representatives.
    """
    charter = charter_for_coverage(table=table)
    needed_codes = list(charter.needed_sectors) if charter else []
    needed_types = list(charter.needed_actor_types) if charter else []
    sectors = list(Sector.objects.order_by("position", "code"))
    sector_by_id = {sector.pk: sector for sector in sectors}
    seats = _coverage_seats(table)
    represented_ids = set(
        SeatHolding.objects.for_table(table)
        .filter(ended_on__isnull=True, position=Position.REPRESENTATIVE)
        .values_list("seat_id", flat=True)
    )
    today = timezone.localdate()

    lines: OrderedDict[str, SectorLine] = OrderedDict()
    for sector in sectors:
        if sector.is_active or sector.code in needed_codes:
            lines[sector.code] = SectorLine(sector=sector, needed=sector.code in needed_codes)
    no_sector = SectorLine(sector=None)
    powers: Counter[str] = Counter()
    contributions: Counter[str] = Counter()
    types: Counter[str] = Counter()
    without_representative = []
    past_mandate = []
    for seat in seats:
        sector = sector_by_id.get(seat.sector_id)
        line = lines.get(sector.code) if sector else no_sector
        if line is None:
            line = lines.setdefault(sector.code, SectorLine(sector=sector))
        line.seats += 1
        represented = seat.pk in represented_ids
        if represented:
            line.represented += 1
        else:
            without_representative.append(seat)
        if seat.actor_type == ActorType.STRATEGIC:
            line.strategic += 1
        elif seat.actor_type == ActorType.TACTICAL:
            line.tactical += 1
        elif seat.actor_type == ActorType.LIVED_EXPERIENCE:
            line.lived_experience += 1
        if represented:
            types[seat.actor_type] += 1
        if seat.mandate_end and seat.mandate_end < today:
            past_mandate.append(seat)
        powers.update(seat.powers or [])
        contributions.update(seat.contributions or [])
    rows = [line for line in lines.values() if line.needed or line.seats]
    if no_sector.seats:
        rows.append(no_sector)
    missing = [line.sector for line in lines.values() if line.needed and line.seats == 0]
    vacant = [line.sector for line in lines.values() if line.seats and line.represented == 0]
    return {
        "charter": charter,
        "needed_actor_types": needed_types,
        "rows": rows,
        "missing_sectors": missing,
        "vacant_sectors": vacant,
        "no_strategic": types[ActorType.STRATEGIC] == 0,
        "no_lived_experience": types[ActorType.LIVED_EXPERIENCE] == 0,
        "missing_actor_types": [
            ActorType(value)
            for value in needed_types
            if value in ActorType.values and types[value] == 0
        ],
        "without_representative": without_representative,
        "past_mandate": past_mandate,
        "seat_count": len(seats),
        "powers": [(Power(v).label, powers[v]) for v in Power.values],
        "contributions": [(Contribution(v).label, contributions[v]) for v in Contribution.values],
        "actor_types": [(ActorType(v).label, types[v]) for v in ActorType.values],
    }


# -- turnover --------------------------------------------------------------


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _months_back(today: date, count: int) -> list[date]:
    months = []
    year, month = today.year, today.month
    for _i in range(count):
        months.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def turnover(*, table: Table, months: int = 12) -> dict:
    """Arrivals and departures of seat holders and people over the past months.

    Four queries: holdings started, holdings ended, memberships created,
    memberships ended.
    """
    today = timezone.localdate()
    month_list = _months_back(today, months)
    since = month_list[0]
    holdings = SeatHolding.objects.for_table(table).select_related("person", "seat__organization")
    seat_arrivals = list(holdings.filter(started_on__gte=since).order_by("-started_on"))
    seat_departures = list(holdings.filter(ended_on__gte=since).order_by("-ended_on"))
    memberships = Membership.objects.for_table(table).select_related("user")
    joined = list(memberships.filter(created_at__date__gte=since).order_by("-created_at"))
    left = list(memberships.filter(ended_at__date__gte=since).order_by("-ended_at"))
    counts = {
        month: {"seat_arrivals": 0, "seat_departures": 0, "joined": 0, "left": 0}
        for month in month_list
    }
    for holding in seat_arrivals:
        counts[_month_start(holding.started_on)]["seat_arrivals"] += 1
    for holding in seat_departures:
        counts[_month_start(holding.ended_on)]["seat_departures"] += 1
    for membership in joined:
        key = _month_start(timezone.localtime(membership.created_at).date())
        if key in counts:
            counts[key]["joined"] += 1
    for membership in left:
        key = _month_start(timezone.localtime(membership.ended_at).date())
        if key in counts:
            counts[key]["left"] += 1
    return {
        "since": since,
        "months": [{"month": month, **values} for month, values in counts.items()],
        "seat_arrivals": seat_arrivals,
        "seat_departures": seat_departures,
        "joined": joined,
        "left": left,
        "totals": {
            "seat_arrivals": len(seat_arrivals),
            "seat_departures": len(seat_departures),
            "joined": len(joined),
            "left": len(left),
        },
    }


# -- export ----------------------------------------------------------------


def open_seat_without_organization(*, table: Table, label: str) -> Seat | None:
    key = normalize_name(label)
    for seat in Seat.objects.for_table(table).filter(
        organization__isnull=True, closed_at__isnull=True
    ):
        if normalize_name(seat.label) == key:
            return seat
    return None


def export_rows(*, table: Table) -> list[dict]:
    """One row per current holder of an open seat (one for a vacant seat).

    Columns follow the import template, so an export imports back as is.
    """
    rows = []
    for seat in seat_list(table=table):
        sector = seat_sector(seat)
        base = {
            # A seat without organization is written under its name, which
            # the import matches against the table's seats before the registry.
            "organization": seat.organization.name if seat.organization_id else seat.label,
            "sector": sector.name_fr if sector else "",
            "actor_type": seat.actor_type,
        }
        holdings = seat.current_holdings
        if not holdings:
            rows.append({**base, "first_name": "", "last_name": "", "email": "", "role": ""})
        for holding in holdings:
            first, _sep, last = holding.person.full_name.partition(" ")
            rows.append(
                {
                    **base,
                    "first_name": first,
                    "last_name": last,
                    "email": holding.person.email,
                    "role": holding.position,
                }
            )
    return rows
