"""State changes of seats, holders, committees and contact cards.

One function per user intention, each atomic and audited once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.core.permissions import forget_roles
from tablee.members.models import (
    ActorType,
    Committee,
    CommitteeKind,
    CommitteeMember,
    CommitteeRole,
    ContactCard,
    Contribution,
    ExpectedRole,
    Position,
    Power,
    Seat,
    SeatHolding,
)
from tablee.organizations.models import Organization, Sector
from tablee.tables.models import Membership, Role, Table

_SEAT_FIELDS = (
    "organization_id",
    "label",
    "sector_id",
    "actor_type",
    "expected_roles",
    "powers",
    "contributions",
    "contribution_note",
    "mandate_start",
    "mandate_end",
)


# -- helpers ---------------------------------------------------------------


def _validate(instance) -> None:
    try:
        instance.full_clean()
    except ValidationError as exc:
        messages = [m for field_errors in exc.message_dict.values() for m in field_errors]
        raise InvalidInput(" ".join(messages), extra={"fields": exc.message_dict}) from exc


def _choices(values: Iterable[str] | None, allowed, field: str) -> list[str]:
    """Return the values as a de-duplicated list, refusing any unknown one."""
    result: list[str] = []
    for value in values or ():
        if value not in allowed.values:
            message = _("“%(value)s” is not a valid choice.") % {"value": value}
            raise InvalidInput(message, extra={"fields": {field: [message]}})
        if value not in result:
            result.append(value)
    return result


def _snapshot(seat: Seat) -> dict:
    data = {}
    for field in _SEAT_FIELDS:
        value = getattr(seat, field)
        data[field] = value.isoformat() if isinstance(value, date) else value
    return data


def _assert_same_table(table: Table, *objects) -> None:
    for obj in objects:
        if obj is not None:
            assert obj.table_id == table.pk, "object of another table"


def _same_version(saved, read) -> bool:
    """Compare timestamps to the millisecond: JSON clients see no finer."""
    return abs((saved - read).total_seconds()) < 0.001


def _today(value: date | None) -> date:
    return value or timezone.localdate()


def _check_mandate(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        message = _("The mandate cannot end before it starts.")
        raise InvalidInput(message, extra={"fields": {"mandate_end": [message]}})


def person_for_seat(*, table: Table, actor: User | None, email: str, full_name: str = "") -> User:
    """Return the person named by e-mail, giving them a place at the table.

    Someone with an account gets a member role at once (unless they already
    hold one). Someone without an account gets one without a password, so the
    seat can name them, and an invitation by e-mail to join the table; the
    membership itself comes with the accepted invitation.
    """
    from tablee.tables.services import invitation_send

    email = User.objects.normalize_email((email or "").strip()).lower()
    if not email:
        message = _("Enter the person's e-mail address.")
        raise InvalidInput(message, extra={"fields": {"email": [message]}})
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        probe = User(email=email, full_name=full_name.strip())
        try:
            probe.clean_fields(exclude=["password", "language"])
        except ValidationError as exc:
            message = _("Enter a valid e-mail address.")
            raise InvalidInput(message, extra={"fields": {"email": [message]}}) from exc
        if actor is None:
            # A command-line import has nobody to send an invitation from: the
            # account is created with a membership, and the person sets a
            # password through "forgot my password".
            person = User.objects.create_user(
                email=email, password=None, full_name=full_name.strip()
            )
            Membership.objects.create(table=table, user=person, role=Role.MEMBER)
            return person
        invitation_send(table=table, actor=actor, email=email, role=Role.MEMBER)
        person = User.objects.create_user(email=email, password=None, full_name=full_name.strip())
        return person
    if person.deleted_at is not None or not person.is_active:
        raise InvalidInput(_("This person's account is closed."))
    if not Membership.objects.for_table(table).current().filter(user=person).exists():
        Membership.objects.create(table=table, user=person, role=Role.MEMBER)
        forget_roles(person)
    return person


def _holds_something_else(table: Table, person: User) -> bool:
    seats = SeatHolding.objects.for_table(table).filter(
        person=person, ended_on__isnull=True, seat__closed_at__isnull=True
    )
    committees = CommitteeMember.objects.for_table(table).filter(
        person=person, left_on__isnull=True, committee__closed_at__isnull=True
    )
    return seats.exists() or committees.exists()


def _release_membership(table: Table, person: User) -> bool:
    """End the person's membership when nothing keeps them at the table.

    Coordinators stay, and so does anyone still holding a seat or sitting
    on a committee. Return whether the membership ended.
    """
    membership = (
        Membership.objects.for_table(table)
        .current()
        .filter(user=person)
        .select_for_update(of=("self",))
    ).first()
    if membership is None or membership.role == Role.COORDINATOR:
        return False
    if _holds_something_else(table, person):
        return False
    membership.ended_at = timezone.now()
    membership.save(update_fields=["ended_at", "updated_at"])
    forget_roles(person)
    return True


def _current_holding(seat: Seat, position: str) -> SeatHolding | None:
    return (
        SeatHolding.objects.for_table(seat.table)
        .select_for_update(of=("self",))
        .select_related("person")
        .filter(seat=seat, position=position, ended_on__isnull=True)
        .first()
    )


def _locked_seat(seat: Seat) -> Seat:
    return Seat.objects.select_for_update(of=("self",)).select_related("table").get(pk=seat.pk)


def _check_position(position: str) -> None:
    if position not in Position.values:
        raise InvalidInput(_("Choose representative or alternate."))


def _open_holding(*, seat: Seat, person: User, position: str, started_on: date) -> SeatHolding:
    other = (
        SeatHolding.objects.for_table(seat.table)
        .filter(seat=seat, person=person, ended_on__isnull=True)
        .exclude(position=position)
        .exists()
    )
    if other:
        raise InvalidInput(
            _("%(person)s already holds this seat in the other position.") % {"person": person}
        )
    return SeatHolding.objects.create(
        table=seat.table, seat=seat, person=person, position=position, started_on=started_on
    )


# -- seats -----------------------------------------------------------------


@transaction.atomic
def seat_create(
    *,
    table: Table,
    actor: User,
    actor_type: str,
    organization: Organization | None = None,
    label: str = "",
    sector: Sector | None = None,
    expected_roles: Iterable[str] = (),
    powers: Iterable[str] = (),
    contributions: Iterable[str] = (),
    contribution_note: str = "",
    mandate_start: date | None = None,
    mandate_end: date | None = None,
    representative_email: str = "",
    representative_name: str = "",
    alternate_email: str = "",
    alternate_name: str = "",
) -> Seat:
    """Open a seat for an organization, or a named seat without one.

    A representative and an alternate may be named at once; they join the
    table as members if they are not there yet.
    """
    if actor_type not in ActorType.values:
        message = _("Choose a type of actor.")
        raise InvalidInput(message, extra={"fields": {"actor_type": [message]}})
    label = label.strip()
    if organization is None and not label:
        message = _("Choose an organization, or name the seat (for a citizen seat).")
        raise InvalidInput(message, extra={"fields": {"organization": [message]}})
    if organization is not None and organization.deleted_at is not None:
        raise InvalidInput(_("This organization was removed from the registry."))
    if (
        organization is not None
        and Seat.objects.for_table(table)
        .filter(organization=organization, closed_at__isnull=True)
        .exists()
    ):
        message = _("%(organization)s already has an open seat at this table.") % {
            "organization": organization
        }
        raise InvalidInput(message, extra={"fields": {"organization": [message]}})
    _check_mandate(mandate_start, mandate_end)
    seat = Seat(
        table=table,
        organization=organization,
        label=label,
        sector=sector,
        actor_type=actor_type,
        expected_roles=_choices(expected_roles, ExpectedRole, "expected_roles"),
        powers=_choices(powers, Power, "powers"),
        contributions=_choices(contributions, Contribution, "contributions"),
        contribution_note=contribution_note.strip(),
        mandate_start=mandate_start,
        mandate_end=mandate_end,
    )
    _validate(seat)
    try:
        with transaction.atomic():
            seat.save()
    except IntegrityError as exc:
        raise Conflict(_("This organization already has an open seat at this table.")) from exc
    new = _snapshot(seat)
    today = timezone.localdate()
    started = mandate_start if mandate_start and mandate_start <= today else today
    for position, email, name in (
        (Position.REPRESENTATIVE, representative_email, representative_name),
        (Position.ALTERNATE, alternate_email, alternate_name),
    ):
        if email.strip():
            person = person_for_seat(table=table, actor=actor, email=email, full_name=name)
            _open_holding(seat=seat, person=person, position=position, started_on=started)
            new[position] = person.email
    audit.record(event=AuditEvent.SEAT_CREATED, actor=actor, table=table, target=seat, new=new)
    return seat


@transaction.atomic
def seat_update(
    *,
    seat: Seat,
    actor: User,
    actor_type: str,
    organization: Organization | None = None,
    label: str = "",
    sector: Sector | None = None,
    expected_roles: Iterable[str] = (),
    powers: Iterable[str] = (),
    contributions: Iterable[str] = (),
    contribution_note: str = "",
    mandate_start: date | None = None,
    mandate_end: date | None = None,
    read_at_version=None,
) -> Seat:
    """Change what a seat is and what is expected of it.

    `read_at_version` is the `updated_at` the editor saw; a save in between
    is refused rather than silently overwritten.
    """
    current = _locked_seat(seat)
    if read_at_version is not None and not _same_version(current.updated_at, read_at_version):
        raise Conflict(
            _(
                "Someone else changed this seat while you were editing. "
                "Reload the page to see their version, then apply your changes again."
            )
        )
    if current.closed_at is not None:
        raise InvalidTransition(_("This seat is closed. Reopen it before changing it."))
    if actor_type not in ActorType.values:
        message = _("Choose a type of actor.")
        raise InvalidInput(message, extra={"fields": {"actor_type": [message]}})
    label = label.strip()
    if organization is None and not label:
        message = _("Choose an organization, or name the seat (for a citizen seat).")
        raise InvalidInput(message, extra={"fields": {"organization": [message]}})
    if (
        organization is not None
        and organization.pk != current.organization_id
        and Seat.objects.for_table(current.table)
        .filter(organization=organization, closed_at__isnull=True)
        .exists()
    ):
        message = _("%(organization)s already has an open seat at this table.") % {
            "organization": organization
        }
        raise InvalidInput(message, extra={"fields": {"organization": [message]}})
    _check_mandate(mandate_start, mandate_end)
    old = _snapshot(current)
    current.organization = organization
    current.label = label
    current.sector = sector
    current.actor_type = actor_type
    current.expected_roles = _choices(expected_roles, ExpectedRole, "expected_roles")
    current.powers = _choices(powers, Power, "powers")
    current.contributions = _choices(contributions, Contribution, "contributions")
    current.contribution_note = contribution_note.strip()
    current.mandate_start = mandate_start
    current.mandate_end = mandate_end
    _validate(current)
    current.save()
    new = _snapshot(current)
    changed_old = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=AuditEvent.SEAT_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=changed_old,
        new={k: new[k] for k in changed_old},
    )
    return current


@transaction.atomic
def seat_assign_holder(
    *,
    seat: Seat,
    actor: User,
    position: str,
    email: str,
    full_name: str = "",
    started_on: date | None = None,
) -> SeatHolding:
    """Name who holds a vacant position of a seat (representative or alternate)."""
    _check_position(position)
    current = _locked_seat(seat)
    if current.closed_at is not None:
        raise InvalidTransition(_("This seat is closed. Reopen it before naming someone."))
    if _current_holding(current, position) is not None:
        raise InvalidTransition(
            _("This position is already held. Hand the seat over to name someone else.")
        )
    person = person_for_seat(table=current.table, actor=actor, email=email, full_name=full_name)
    holding = _open_holding(
        seat=current, person=person, position=position, started_on=_today(started_on)
    )
    audit.record(
        event=AuditEvent.SEAT_HOLDER_ASSIGNED,
        actor=actor,
        table=current.table,
        target=current,
        new={
            "position": position,
            "person": person.email,
            "since": holding.started_on.isoformat(),
        },
    )
    return holding


@transaction.atomic
def seat_hand_over(
    *,
    seat: Seat,
    actor: User,
    position: str,
    email: str,
    full_name: str = "",
    on_date: date | None = None,
) -> SeatHolding:
    """End the current holder on `on_date` and name a successor from that day.

    The departing person's membership ends unless something else keeps them
    at the table (another seat, a committee, the coordinator role).
    """
    _check_position(position)
    current = _locked_seat(seat)
    if current.closed_at is not None:
        raise InvalidTransition(_("This seat is closed. Reopen it before handing it over."))
    on_date = _today(on_date)
    leaving = _current_holding(current, position)
    if leaving is None:
        raise InvalidTransition(_("Nobody holds this position: name someone instead."))
    if on_date < leaving.started_on:
        message = _("The handover cannot happen before the current holder started.")
        raise InvalidInput(message, extra={"fields": {"on_date": [message]}})
    successor = person_for_seat(table=current.table, actor=actor, email=email, full_name=full_name)
    if successor.pk == leaving.person_id:
        message = _("The successor must be someone else.")
        raise InvalidInput(message, extra={"fields": {"email": [message]}})
    leaving.ended_on = on_date
    leaving.save(update_fields=["ended_on", "updated_at"])
    holding = _open_holding(seat=current, person=successor, position=position, started_on=on_date)
    released = _release_membership(current.table, leaving.person)
    audit.record(
        event=AuditEvent.SEAT_HANDED_OVER,
        actor=actor,
        table=current.table,
        target=current,
        old={"position": position, "person": leaving.person.email},
        new={
            "position": position,
            "person": successor.email,
            "on": on_date.isoformat(),
            "membership_ended": released,
        },
    )
    return holding


@transaction.atomic
def seat_end_holder(
    *, seat: Seat, actor: User, position: str, on_date: date | None = None
) -> SeatHolding:
    """End the current holder of a position, leaving it vacant."""
    _check_position(position)
    current = _locked_seat(seat)
    leaving = _current_holding(current, position)
    if leaving is None:
        raise InvalidTransition(_("Nobody holds this position."))
    on_date = _today(on_date)
    if on_date < leaving.started_on:
        message = _("The end date cannot be before the holder started.")
        raise InvalidInput(message, extra={"fields": {"on_date": [message]}})
    leaving.ended_on = on_date
    leaving.save(update_fields=["ended_on", "updated_at"])
    released = _release_membership(current.table, leaving.person)
    audit.record(
        event=AuditEvent.SEAT_HOLDER_ENDED,
        actor=actor,
        table=current.table,
        target=current,
        old={"position": position, "person": leaving.person.email},
        new={"until": on_date.isoformat(), "membership_ended": released},
    )
    return leaving


@transaction.atomic
def seat_close(*, seat: Seat, actor: User) -> Seat:
    """Close a seat: its holders leave it today; the history stays."""
    current = _locked_seat(seat)
    if current.closed_at is not None:
        raise InvalidTransition(_("This seat is already closed."))
    today = timezone.localdate()
    holdings = list(
        SeatHolding.objects.for_table(current.table)
        .select_for_update(of=("self",))
        .select_related("person")
        .filter(seat=current, ended_on__isnull=True)
    )
    for holding in holdings:
        holding.ended_on = max(today, holding.started_on)
        holding.save(update_fields=["ended_on", "updated_at"])
    current.closed_at = timezone.now()
    current.save(update_fields=["closed_at", "updated_at"])
    released = [
        holding.person.email
        for holding in holdings
        if _release_membership(current.table, holding.person)
    ]
    audit.record(
        event=AuditEvent.SEAT_CLOSED,
        actor=actor,
        table=current.table,
        target=current,
        old={"holders": [h.person.email for h in holdings]},
        new={"memberships_ended": released},
    )
    return current


@transaction.atomic
def seat_reopen(*, seat: Seat, actor: User) -> Seat:
    current = _locked_seat(seat)
    if current.closed_at is None:
        raise InvalidTransition(_("This seat is open."))
    if (
        current.organization_id
        and Seat.objects.for_table(current.table)
        .filter(organization_id=current.organization_id, closed_at__isnull=True)
        .exists()
    ):
        raise InvalidTransition(
            _("This organization already has another open seat at this table.")
        )
    current.closed_at = None
    current.save(update_fields=["closed_at", "updated_at"])
    audit.record(event=AuditEvent.SEAT_REOPENED, actor=actor, table=current.table, target=current)
    return current


# -- committees ------------------------------------------------------------


def _committee_snapshot(committee: Committee) -> dict:
    return {
        "name": committee.name,
        "kind": committee.kind,
        "mandate": committee.mandate,
        "end_date": committee.end_date.isoformat() if committee.end_date else None,
    }


def _check_committee_name(table: Table, name: str, exclude_pk: int | None = None) -> str:
    name = name.strip()
    if not name:
        message = _("Enter a name.")
        raise InvalidInput(message, extra={"fields": {"name": [message]}})
    same = Committee.objects.for_table(table).filter(name__iexact=name, closed_at__isnull=True)
    if exclude_pk:
        same = same.exclude(pk=exclude_pk)
    if same.exists():
        message = _("An open committee or working group already has this name.")
        raise InvalidInput(message, extra={"fields": {"name": [message]}})
    return name


@transaction.atomic
def committee_create(
    *,
    table: Table,
    actor: User,
    name: str,
    kind: str = CommitteeKind.COMMITTEE,
    mandate: str = "",
    end_date: date | None = None,
) -> Committee:
    if kind not in CommitteeKind.values:
        raise InvalidInput(_("Choose committee or working group."))
    committee = Committee(
        table=table,
        name=_check_committee_name(table, name),
        kind=kind,
        mandate=mandate.strip(),
        end_date=end_date,
    )
    _validate(committee)
    committee.save()
    audit.record(
        event=AuditEvent.COMMITTEE_CREATED,
        actor=actor,
        table=table,
        target=committee,
        new=_committee_snapshot(committee),
    )
    return committee


@transaction.atomic
def committee_update(
    *,
    committee: Committee,
    actor: User,
    name: str,
    kind: str,
    mandate: str = "",
    end_date: date | None = None,
    read_at_version=None,
) -> Committee:
    current = (
        Committee.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=committee.pk)
    )
    if read_at_version is not None and not _same_version(current.updated_at, read_at_version):
        raise Conflict(
            _(
                "Someone else changed this committee while you were editing. "
                "Reload the page to see their version, then apply your changes again."
            )
        )
    if current.closed_at is not None:
        raise InvalidTransition(_("This committee is closed."))
    if kind not in CommitteeKind.values:
        raise InvalidInput(_("Choose committee or working group."))
    old = _committee_snapshot(current)
    current.name = _check_committee_name(current.table, name, exclude_pk=current.pk)
    current.kind = kind
    current.mandate = mandate.strip()
    current.end_date = end_date
    _validate(current)
    current.save()
    new = _committee_snapshot(current)
    changed = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=AuditEvent.COMMITTEE_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=changed,
        new={k: new[k] for k in changed},
    )
    return current


@transaction.atomic
def committee_close(*, committee: Committee, actor: User) -> Committee:
    """Close a committee; its members leave it today, the list stays as history."""
    current = (
        Committee.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=committee.pk)
    )
    if current.closed_at is not None:
        raise InvalidTransition(_("This committee is already closed."))
    today = timezone.localdate()
    ended = (
        CommitteeMember.objects.for_table(current.table)
        .filter(committee=current, left_on__isnull=True)
        .update(left_on=today, updated_at=timezone.now())
    )
    current.closed_at = timezone.now()
    current.save(update_fields=["closed_at", "updated_at"])
    audit.record(
        event=AuditEvent.COMMITTEE_CLOSED,
        actor=actor,
        table=current.table,
        target=current,
        new={"members_left": ended},
    )
    return current


@transaction.atomic
def committee_add_member(
    *, committee: Committee, actor: User, person: User, role: str = CommitteeRole.MEMBER
) -> CommitteeMember:
    """Add a person of the table to a committee, as chair or member."""
    current = (
        Committee.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=committee.pk)
    )
    if current.closed_at is not None:
        raise InvalidTransition(_("This committee is closed."))
    if role not in CommitteeRole.values:
        raise InvalidInput(_("Choose chair or member."))
    if not Membership.objects.for_table(current.table).current().filter(user=person).exists():
        message = _("Only people of the table can join its committees.")
        raise InvalidInput(message, extra={"fields": {"person": [message]}})
    if (
        CommitteeMember.objects.for_table(current.table)
        .filter(committee=current, person=person, left_on__isnull=True)
        .exists()
    ):
        message = _("%(person)s is already on this committee.") % {"person": person}
        raise InvalidInput(message, extra={"fields": {"person": [message]}})
    member = CommitteeMember.objects.create(
        table=current.table,
        committee=current,
        person=person,
        role=role,
        joined_on=timezone.localdate(),
    )
    current.save(update_fields=["updated_at"])
    audit.record(
        event=AuditEvent.COMMITTEE_MEMBER_ADDED,
        actor=actor,
        table=current.table,
        target=current,
        new={"person": person.email, "role": role},
    )
    return member


@transaction.atomic
def committee_remove_member(*, member: CommitteeMember, actor: User) -> CommitteeMember:
    current = (
        CommitteeMember.objects.select_for_update(of=("self",))
        .select_related("committee", "person", "table")
        .get(pk=member.pk)
    )
    if current.left_on is not None:
        raise InvalidTransition(_("This person already left the committee."))
    current.left_on = timezone.localdate()
    current.save(update_fields=["left_on", "updated_at"])
    audit.record(
        event=AuditEvent.COMMITTEE_MEMBER_REMOVED,
        actor=actor,
        table=current.table,
        target=current.committee,
        old={"person": current.person.email, "role": current.role},
    )
    return current


# -- contact card ----------------------------------------------------------


def contact_card_save(
    *, person: User, phone: str, job_title: str, directory_consent: bool
) -> tuple[dict, dict]:
    """Save a person's contact card; return (old, new) for the caller's audit.

    Not a service on its own: it runs inside the profile update, which
    writes the single audit entry of that intention.
    """
    card, _created = ContactCard.objects.get_or_create(person=person)
    old = {
        "phone": card.phone,
        "job_title": card.job_title,
        "directory_consent": card.directory_consent,
    }
    card.phone = phone.strip()[:40]
    card.job_title = job_title.strip()[:150]
    card.directory_consent = bool(directory_consent)
    card.save()
    new = {
        "phone": card.phone,
        "job_title": card.job_title,
        "directory_consent": card.directory_consent,
    }
    return old, new


# -- import ----------------------------------------------------------------


@transaction.atomic(durable=True)
def seats_import(*, table: Table, actor: User | None, rows: list[dict]) -> dict[str, int]:
    """Import organizations, seats and holders from checked rows, all or nothing.

    The rows are planned again inside the transaction, so a change made
    since the preview is taken into account; any row error refuses the
    whole import and nothing is written.
    """
    from tablee.members.importing import build_plan
    from tablee.organizations.services import organization_get_or_create_for_import

    Table.objects.select_for_update(of=("self",)).filter(pk=table.pk).first()
    plan = build_plan(table=table, rows=rows)
    if plan.has_errors:
        raise InvalidInput(
            _("Some rows have errors; nothing was imported."),
            extra={"rows": {line.row: line.errors for line in plan.error_rows}},
        )
    organizations: dict[str, Organization] = {}
    seats: dict[tuple, Seat] = {}
    today = timezone.localdate()
    for line in plan.rows:
        organization = line.organization_obj
        if line.organization == "new":
            organization = organizations.get(line.organization_key)
            if organization is None:
                # The registry's own rule for new organizations (keys, duplicates);
                # the import records one MEMBERS_IMPORTED entry for everything.
                organization, _created = organization_get_or_create_for_import(
                    actor=actor,
                    name=line.values["organization"].strip(),
                    sector=line.sector_obj,
                    record_audit=False,
                )
                organizations[line.organization_key] = organization
        seat = seats.get(line.seat_key) or line.seat_obj
        if seat is None:
            label = ""
            if organization is None:
                label = _("Citizen seat — %(name)s") % {"name": line.full_name or line.email}
            seat = Seat(
                table=table,
                organization=organization,
                label=label,
                actor_type=line.actor_type,
                sector=(
                    line.sector_obj
                    if organization is None
                    or organization.sector_id != getattr(line.sector_obj, "pk", None)
                    else None
                ),
            )
            _validate(seat)
            seat.save()
        elif line.seat == "updated":
            if line.actor_type:
                seat.actor_type = line.actor_type
            if line.sector_obj:
                org_sector = seat.organization.sector_id if seat.organization_id else None
                seat.sector = None if org_sector == line.sector_obj.pk else line.sector_obj
            seat.save()
        seats[line.seat_key] = seat
        if line.holder in ("assign", "replace"):
            person = person_for_seat(
                table=table, actor=actor, email=line.email, full_name=line.full_name
            )
            leaving = _current_holding(seat, line.position)
            if leaving is not None:
                leaving.ended_on = max(today, leaving.started_on)
                leaving.save(update_fields=["ended_on", "updated_at"])
            SeatHolding.objects.filter(seat=seat, person=person, ended_on__isnull=True).exclude(
                position=line.position
            ).update(ended_on=today)
            SeatHolding.objects.create(
                table=table, seat=seat, person=person, position=line.position, started_on=today
            )
            if leaving is not None:
                _release_membership(table, leaving.person)
    counts = plan.counts
    audit.record(event=AuditEvent.MEMBERS_IMPORTED, actor=actor, table=table, new=counts)
    return counts
