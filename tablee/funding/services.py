"""Resources and funding: one function per intention, each audited once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput
from tablee.funding import selectors
from tablee.funding.audit_events import Event
from tablee.funding.models import (
    BudgetLine,
    Funder,
    FundingProgram,
    ReportingDate,
    ResourceCommitment,
    ResourceKind,
)

# Beyond these, a figure is far more likely a typo than a commitment: about
# 55 full-time years of work on one action, or 50 million dollars.
MAX_HOURS = Decimal("100000")
MAX_QUANTITY = Decimal("1000000")
MAX_AMOUNT = Decimal("50000000")


def _invalid(field: str, message: str) -> InvalidInput:
    return InvalidInput(message, extra={"fields": {field: [message]}})


def _dollars(value: Decimal) -> str:
    return f"{number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)} $"


def _text(value: str | None, *, field: str, limit: int, required: str | None = None) -> str:
    value = (value or "").strip()
    if required and not value:
        raise _invalid(field, required)
    if len(value) > limit:
        raise _invalid(field, _("Keep this under %(limit)s characters.") % {"limit": limit})
    return value


def _number(
    value, *, field: str, maximum: Decimal, too_big: str, positive: bool = False
) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        value = Decimal(str(value))
    except ArithmeticError as exc:
        raise _invalid(field, _("Enter a number.")) from exc
    if not value.is_finite():
        raise _invalid(field, _("Enter a number."))
    if value < 0:
        raise _invalid(field, _("A negative figure cannot be committed or granted."))
    if positive and value == 0:
        raise _invalid(field, _("Enter an amount above zero."))
    if value > maximum:
        raise _invalid(field, too_big)
    if value != value.quantize(Decimal("0.01")):
        raise _invalid(field, _("Use at most two decimals."))
    return value


def _amount(value, *, field: str = "amount", positive: bool = False) -> Decimal | None:
    return _number(
        value,
        field=field,
        maximum=MAX_AMOUNT,
        positive=positive,
        too_big=_("More than %(max)s is surely a typo: check the figure.")
        % {"max": _dollars(MAX_AMOUNT)},
    )


def _check_revision(current, base_revision: int | None) -> None:
    if base_revision is not None and current.revision != base_revision:
        raise Conflict(
            _(
                "Someone else changed this while you were editing it. Your changes were "
                "not saved: look at the current version, then edit again."
            )
        )


def _snapshot(obj, fields) -> dict[str, str]:
    return {f: "" if getattr(obj, f) is None else str(getattr(obj, f)) for f in fields}


def _changes(old: dict[str, str], new: dict[str, str]) -> tuple[dict, dict]:
    changed = {k: v for k, v in old.items() if new[k] != v}
    return changed, {k: new[k] for k in changed}


def _save_audited(current, values: dict, fields, *, event, actor, table=None):
    """Apply `values`, bump the revision, save, and log only what changed."""
    old = _snapshot(current, fields)
    for field, value in values.items():
        setattr(current, field, value)
    current.revision += 1
    current.save()
    old, new = _changes(old, _snapshot(current, fields))
    audit.record(
        event=event,
        actor=actor,
        table=table or current.table,
        target=current,
        old=old,
        new=new,
    )
    return current


# Resources committed to plan actions

_RESOURCE_FIELDS = ("action_id", "organization_id", "kind", "quantity", "unit", "amount", "note")


def _resource_values(*, kind, quantity, unit, amount, note) -> dict:
    if kind not in ResourceKind.values:
        raise _invalid("kind", _("Choose a kind of resource."))
    if kind == ResourceKind.STAFF_HOURS:
        quantity = _number(
            quantity,
            field="quantity",
            maximum=MAX_HOURS,
            positive=True,
            too_big=_(
                "More than 100,000 hours (about 55 full-time years) on one action is "
                "surely a typo: check the figure."
            ),
        )
        if quantity is None:
            raise _invalid("quantity", _("Say how many hours are committed."))
    else:
        quantity = _number(
            quantity,
            field="quantity",
            maximum=MAX_QUANTITY,
            positive=True,
            too_big=_("This quantity is surely a typo: check the figure."),
        )
    amount = _amount(amount, positive=True)
    if kind == ResourceKind.MONEY and amount is None:
        raise _invalid("amount", _("Say how many dollars are committed."))
    if quantity is None and amount is None:
        raise _invalid("quantity", _("Give a quantity, a value in dollars, or both."))
    unit = _text(unit, field="unit", limit=40)
    if kind == ResourceKind.STAFF_HOURS and not unit:
        unit = "h"
    return {
        "kind": kind,
        "quantity": quantity,
        "unit": unit if quantity is not None else "",
        "amount": amount,
        "note": _text(note, field="note", limit=300),
    }


def _check_resource_objects(*, process, action, organization) -> None:
    assert action.table_id == process.table_id, "action from another table"
    assert action.process_id == process.pk, "action from another process"
    if organization is None:
        raise _invalid("organization", _("Choose the organization that commits it."))
    if organization.deleted_at is not None:
        raise _invalid("organization", _("This organization was removed from the registry."))


@transaction.atomic
def resource_commit(
    *,
    process,
    actor: User,
    action,
    organization,
    kind: str,
    quantity=None,
    unit: str = "",
    amount=None,
    note: str = "",
) -> ResourceCommitment:
    """Record what an organization commits to an action of the plan."""
    if action is None:
        raise _invalid("action", _("Choose the action the resource goes to."))
    _check_resource_objects(process=process, action=action, organization=organization)
    values = _resource_values(kind=kind, quantity=quantity, unit=unit, amount=amount, note=note)
    commitment = ResourceCommitment.objects.create(
        table_id=process.table_id,
        action=action,
        organization=organization,
        created_by=actor,
        **values,
    )
    audit.record(
        event=Event.FUNDING_RESOURCE_COMMITTED,
        actor=actor,
        table=process.table,
        target=commitment,
        new=_snapshot(commitment, _RESOURCE_FIELDS),
    )
    return commitment


@transaction.atomic
def resource_update(
    *,
    commitment: ResourceCommitment,
    actor: User,
    action,
    organization,
    kind: str,
    quantity=None,
    unit: str = "",
    amount=None,
    note: str = "",
    base_revision: int | None,
) -> ResourceCommitment:
    """Change a commitment. A stale `base_revision` is refused (Conflict)."""
    current = (
        ResourceCommitment.objects.select_for_update(of=("self",))
        .select_related("table", "action__process")
        .get(pk=commitment.pk)
    )
    _check_revision(current, base_revision)
    if action is None:
        raise _invalid("action", _("Choose the action the resource goes to."))
    process = current.action.process
    _check_resource_objects(process=process, action=action, organization=organization)
    values = _resource_values(kind=kind, quantity=quantity, unit=unit, amount=amount, note=note)
    return _save_audited(
        current,
        {"action": action, "organization": organization, **values},
        _RESOURCE_FIELDS,
        event=Event.FUNDING_RESOURCE_UPDATED,
        actor=actor,
    )


@transaction.atomic
def resource_delete(*, commitment: ResourceCommitment, actor: User) -> None:
    """Remove a commitment (the organization withdrew it, or it was a mistake)."""
    audit.record(
        event=Event.FUNDING_RESOURCE_DELETED,
        actor=actor,
        table=commitment.table,
        target=commitment,
        old=_snapshot(commitment, _RESOURCE_FIELDS),
    )
    commitment.delete()


# Funders

_FUNDER_FIELDS = ("name", "organization_id", "contact_name", "contact_email", "contact_phone")


def _funder_values(
    *, table, name, organization, contact_name, contact_email, contact_phone, exclude_pk=None
) -> dict:
    name = _text(name, field="name", limit=200, required=_("Name the funder."))
    duplicates = Funder.objects.for_table(table).filter(name__iexact=name)
    if exclude_pk is not None:
        duplicates = duplicates.exclude(pk=exclude_pk)
    if duplicates.exists():
        raise _invalid("name", _("This table already has a funder with this name."))
    email = _text(contact_email, field="contact_email", limit=254)
    if email and "@" not in email:
        raise _invalid("contact_email", _("Enter a valid e-mail address."))
    if organization is not None and organization.deleted_at is not None:
        raise _invalid("organization", _("This organization was removed from the registry."))
    return {
        "name": name,
        "organization": organization,
        "contact_name": _text(contact_name, field="contact_name", limit=200),
        "contact_email": email,
        "contact_phone": _text(contact_phone, field="contact_phone", limit=40),
    }


@transaction.atomic
def funder_create(
    *,
    table,
    actor: User,
    name: str,
    organization=None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
) -> Funder:
    """Add a funder of the table's work."""
    values = _funder_values(
        table=table,
        name=name,
        organization=organization,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
    )
    funder = Funder.objects.create(table=table, **values)
    audit.record(
        event=Event.FUNDING_FUNDER_CREATED,
        actor=actor,
        table=table,
        target=funder,
        new=_snapshot(funder, _FUNDER_FIELDS),
    )
    return funder


@transaction.atomic
def funder_update(
    *,
    funder: Funder,
    actor: User,
    name: str,
    organization=None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    base_revision: int | None,
) -> Funder:
    """Change a funder's name, registry link or contact."""
    current = (
        Funder.objects.select_for_update(of=("self",)).select_related("table").get(pk=funder.pk)
    )
    _check_revision(current, base_revision)
    values = _funder_values(
        table=current.table,
        name=name,
        organization=organization,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        exclude_pk=current.pk,
    )
    return _save_audited(
        current, values, _FUNDER_FIELDS, event=Event.FUNDING_FUNDER_UPDATED, actor=actor
    )


@transaction.atomic
def funder_delete(*, funder: Funder, actor: User) -> None:
    """Delete a funder with its programs, their reporting dates and budget lines."""
    counts = selectors.funder_counts(funder=funder)
    audit.record(
        event=Event.FUNDING_FUNDER_DELETED,
        actor=actor,
        table=funder.table,
        target=funder,
        old={**_snapshot(funder, _FUNDER_FIELDS), **{k: str(v) for k, v in counts.items()}},
    )
    funder.delete()


# Programs

_PROGRAM_FIELDS = ("name", "amount", "starts_on", "ends_on", "conditions", "process_id")


def _program_values(*, table, name, amount, starts_on, ends_on, conditions, process) -> dict:
    name = _text(name, field="name", limit=200, required=_("Name the program or grant."))
    amount = _amount(amount)
    if amount is None:
        raise _invalid("amount", _("Give the amount granted."))
    if starts_on is None:
        raise _invalid("starts_on", _("Give the start of the funded period."))
    if ends_on is None:
        raise _invalid("ends_on", _("Give the end of the funded period."))
    if ends_on < starts_on:
        raise _invalid("ends_on", _("The period cannot end before it starts."))
    if process is not None:
        assert process.table_id == table.pk, "process from another table"
    return {
        "name": name,
        "amount": amount,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "conditions": _text(conditions, field="conditions", limit=10000),
        "process": process,
    }


@transaction.atomic
def program_create(
    *,
    funder: Funder,
    actor: User,
    name: str,
    amount,
    starts_on: date | None,
    ends_on: date | None,
    conditions: str = "",
    process=None,
) -> FundingProgram:
    """Record a program or grant of a funder: amount, period and conditions."""
    values = _program_values(
        table=funder.table,
        name=name,
        amount=amount,
        starts_on=starts_on,
        ends_on=ends_on,
        conditions=conditions,
        process=process,
    )
    program = FundingProgram.objects.create(table=funder.table, funder=funder, **values)
    audit.record(
        event=Event.FUNDING_PROGRAM_CREATED,
        actor=actor,
        table=funder.table,
        target=program,
        new=_snapshot(program, _PROGRAM_FIELDS),
    )
    return program


def _over_budget(*, program, total: Decimal) -> InvalidInput:
    return _invalid(
        "amount",
        _(
            "The budget lines of “%(program)s” would add up to %(total)s, which is "
            "%(over)s more than the %(amount)s granted. Lower a budget line, or correct "
            "the program's amount first."
        )
        % {
            "program": program.name,
            "total": _dollars(total),
            "over": _dollars(total - program.amount),
            "amount": _dollars(program.amount),
        },
    )


@transaction.atomic
def program_update(
    *,
    program: FundingProgram,
    actor: User,
    name: str,
    amount,
    starts_on: date | None,
    ends_on: date | None,
    conditions: str = "",
    process=None,
    base_revision: int | None,
) -> FundingProgram:
    """Change a program. Its amount cannot drop below its budget lines."""
    current = (
        FundingProgram.objects.select_for_update(of=("self",))
        .select_related("table", "funder")
        .get(pk=program.pk)
    )
    _check_revision(current, base_revision)
    values = _program_values(
        table=current.table,
        name=name,
        amount=amount,
        starts_on=starts_on,
        ends_on=ends_on,
        conditions=conditions,
        process=process,
    )
    used = selectors.program_used(program=current)
    if used > values["amount"]:
        message = _(
            "Its budget lines already add up to %(used)s: the amount cannot be lower. "
            "Lower or remove budget lines first."
        ) % {"used": _dollars(used)}
        raise _invalid("amount", message)
    if process is not None and process.pk != current.process_id:
        strays = (
            BudgetLine.objects.for_table(current.table)
            .filter(program=current)
            .exclude(action__process=process)
            .exists()
        )
        if strays:
            raise _invalid(
                "process",
                _("Some budget lines fund actions of another process: move or remove them first."),
            )
    return _save_audited(
        current, values, _PROGRAM_FIELDS, event=Event.FUNDING_PROGRAM_UPDATED, actor=actor
    )


@transaction.atomic
def program_delete(*, program: FundingProgram, actor: User) -> None:
    """Delete a program with its reporting dates and budget lines."""
    counts = selectors.program_counts(program=program)
    audit.record(
        event=Event.FUNDING_PROGRAM_DELETED,
        actor=actor,
        table=program.table,
        target=program,
        old={**_snapshot(program, _PROGRAM_FIELDS), **{k: str(v) for k, v in counts.items()}},
    )
    program.delete()


# Reporting dates

_REPORTING_FIELDS = ("due_on", "what", "is_done")


def _reporting_values(*, program, due_on, what) -> dict:
    what = _text(what, field="what", limit=300, required=_("Say what is due."))
    if due_on is None:
        raise _invalid("due_on", _("Give the due date."))
    if due_on < program.starts_on:
        raise _invalid("due_on", _("A report cannot be due before the program starts."))
    return {"due_on": due_on, "what": what}


@transaction.atomic
def reporting_date_add(
    *, program: FundingProgram, actor: User, due_on: date | None, what: str
) -> ReportingDate:
    """Add a report the funder expects by a date (coordinators are reminded)."""
    values = _reporting_values(program=program, due_on=due_on, what=what)
    reporting = ReportingDate.objects.create(table=program.table, program=program, **values)
    audit.record(
        event=Event.FUNDING_REPORTING_CREATED,
        actor=actor,
        table=program.table,
        target=reporting,
        new=_snapshot(reporting, _REPORTING_FIELDS),
    )
    return reporting


@transaction.atomic
def reporting_date_update(
    *,
    reporting: ReportingDate,
    actor: User,
    due_on: date | None,
    what: str,
    is_done: bool,
    base_revision: int | None,
) -> ReportingDate:
    """Change a reporting date (moving it re-arms its reminders)."""
    current = (
        ReportingDate.objects.select_for_update(of=("self",))
        .select_related("table", "program")
        .get(pk=reporting.pk)
    )
    _check_revision(current, base_revision)
    values = _reporting_values(program=current.program, due_on=due_on, what=what)
    return _save_audited(
        current,
        {"due_on": values["due_on"], "what": values["what"], "is_done": bool(is_done)},
        _REPORTING_FIELDS,
        event=Event.FUNDING_REPORTING_UPDATED,
        actor=actor,
    )


@transaction.atomic
def reporting_date_mark_done(*, reporting: ReportingDate, actor: User) -> ReportingDate:
    """Record that the report was sent: no more reminders."""
    current = (
        ReportingDate.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=reporting.pk)
    )
    if current.is_done:
        raise InvalidInput(_("This report is already marked as sent."))
    current.is_done = True
    current.revision += 1
    current.save(update_fields=["is_done", "revision", "updated_at"])
    audit.record(
        event=Event.FUNDING_REPORTING_DONE,
        actor=actor,
        table=current.table,
        target=current,
        old={"is_done": "False"},
        new={"is_done": "True"},
    )
    return current


@transaction.atomic
def reporting_date_delete(*, reporting: ReportingDate, actor: User) -> None:
    audit.record(
        event=Event.FUNDING_REPORTING_DELETED,
        actor=actor,
        table=reporting.table,
        target=reporting,
        old=_snapshot(reporting, _REPORTING_FIELDS),
    )
    reporting.delete()


# Budget lines

_LINE_FIELDS = ("action_id", "program_id", "amount", "note")


def _locked_program(program: FundingProgram) -> FundingProgram:
    # Locking the program serialises budget-line changes on it, so two
    # coordinators adding lines at once cannot together exceed its amount.
    return (
        FundingProgram.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=program.pk)
    )


def _line_values(*, program, action, amount, note, other_lines_total: Decimal) -> dict:
    if action is None:
        raise _invalid("action", _("Choose the action this money funds."))
    assert action.table_id == program.table_id, "action from another table"
    if program.process_id is not None and action.process_id != program.process_id:
        raise _invalid(
            "action", _("This program funds one process only: choose one of its actions.")
        )
    amount = _amount(amount, positive=True)
    if amount is None:
        raise _invalid("amount", _("Give the amount of the budget line."))
    total = other_lines_total + amount
    if total > program.amount:
        raise _over_budget(program=program, total=total)
    return {"action": action, "amount": amount, "note": _text(note, field="note", limit=300)}


@transaction.atomic
def budget_line_add(
    *, program: FundingProgram, actor: User, action, amount, note: str = ""
) -> BudgetLine:
    """Allot part of a program's money to a plan action.

    Refused when the program's lines would exceed its amount.
    """
    program = _locked_program(program)
    values = _line_values(
        program=program,
        action=action,
        amount=amount,
        note=note,
        other_lines_total=selectors.program_used(program=program),
    )
    line = BudgetLine.objects.create(table=program.table, program=program, **values)
    audit.record(
        event=Event.FUNDING_BUDGET_LINE_CREATED,
        actor=actor,
        table=program.table,
        target=line,
        new=_snapshot(line, _LINE_FIELDS),
    )
    return line


@transaction.atomic
def budget_line_update(
    *, line: BudgetLine, actor: User, action, amount, note: str = "", base_revision: int | None
) -> BudgetLine:
    """Change a budget line, within its program's amount."""
    program = _locked_program(line.program)
    current = BudgetLine.objects.select_for_update(of=("self",)).get(pk=line.pk)
    _check_revision(current, base_revision)
    values = _line_values(
        program=program,
        action=action,
        amount=amount,
        note=note,
        other_lines_total=selectors.program_used(program=program) - current.amount,
    )
    return _save_audited(
        current,
        values,
        _LINE_FIELDS,
        event=Event.FUNDING_BUDGET_LINE_UPDATED,
        actor=actor,
        table=program.table,
    )


@transaction.atomic
def budget_line_delete(*, line: BudgetLine, actor: User) -> None:
    audit.record(
        event=Event.FUNDING_BUDGET_LINE_DELETED,
        actor=actor,
        table=line.table,
        target=line,
        old=_snapshot(line, _LINE_FIELDS),
    )
    line.delete()
