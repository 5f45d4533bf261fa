"""State changes of tables, roles and invitations: one function per intention."""

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.accounts.models import User, hash_token
from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.core.permissions import forget_roles
from tablee.tables.models import Invitation, Membership, Role, Table

INVITATION_LIFETIME = timedelta(days=14)
_TABLE_FIELDS = ("name", "slug", "territory", "description", "language")


def _table_snapshot(table: Table) -> dict[str, str]:
    return {field: getattr(table, field) for field in _TABLE_FIELDS}


def _validate(instance) -> None:
    try:
        instance.full_clean()
    except ValidationError as exc:
        messages = [m for field_errors in exc.message_dict.values() for m in field_errors]
        raise InvalidInput(" ".join(messages), extra={"fields": exc.message_dict}) from exc


@transaction.atomic
def table_create(
    *,
    actor: User,
    name: str,
    slug: str,
    territory: str = "",
    description: str = "",
    language: str = "fr-ca",
    coordinator: User | None = None,
    invite_coordinator_email: str = "",
) -> Table:
    """Create a table; give `coordinator` that role, or invite one by e-mail."""
    table = Table(
        name=name.strip(),
        slug=slug.strip(),
        territory=territory.strip(),
        description=description.strip(),
        language=language,
    )
    _validate(table)
    table.save()
    if coordinator is not None:
        Membership.objects.create(table=table, user=coordinator, role=Role.COORDINATOR)
        forget_roles(coordinator)
    audit.record(
        event=AuditEvent.TABLE_CREATED,
        actor=actor,
        table=table,
        target=table,
        new=_table_snapshot(table),
    )
    if invite_coordinator_email:
        invitation_send(
            table=table, actor=actor, email=invite_coordinator_email, role=Role.COORDINATOR
        )
    return table


@transaction.atomic
def table_update(
    *,
    table: Table,
    actor: User,
    name: str,
    territory: str,
    description: str,
    language: str,
    read_at_version=None,
) -> Table:
    """Change a table's settings.

    `read_at_version` is the `updated_at` the editor saw: if someone saved in
    between, the change is refused rather than silently overwriting theirs.
    """
    current = Table.objects.select_for_update(of=("self",)).get(pk=table.pk)
    if read_at_version is not None and current.updated_at != read_at_version:
        raise Conflict(
            _(
                "Someone else changed these settings while you were editing. "
                "Reload the page to see their version, then apply your changes again."
            )
        )
    old = _table_snapshot(current)
    current.name = name.strip()
    current.territory = territory.strip()
    current.description = description.strip()
    current.language = language
    _validate(current)
    current.save()
    new = _table_snapshot(current)
    changed_old = {k: v for k, v in old.items() if new[k] != v}
    changed_new = {k: new[k] for k in changed_old}
    audit.record(
        event=AuditEvent.TABLE_UPDATED,
        actor=actor,
        table=current,
        target=current,
        old=changed_old,
        new=changed_new,
    )
    return current


@transaction.atomic
def table_delete(*, table: Table, actor: User) -> Table:
    """Hide a table and all it holds; reversible by table_restore."""
    current = Table.objects.select_for_update(of=("self",)).get(pk=table.pk)
    if current.deleted_at is not None:
        raise InvalidTransition(_("This table is already deleted."))
    current.deleted_at = timezone.now()
    current.save(update_fields=["deleted_at", "updated_at"])
    audit.record(event=AuditEvent.TABLE_DELETED, actor=actor, table=current, target=current)
    return current


@transaction.atomic
def table_restore(*, table: Table, actor: User) -> Table:
    current = Table.objects.select_for_update(of=("self",)).get(pk=table.pk)
    if current.deleted_at is None:
        raise InvalidTransition(_("This table is not deleted."))
    current.deleted_at = None
    current.save(update_fields=["deleted_at", "updated_at"])
    audit.record(event=AuditEvent.TABLE_RESTORED, actor=actor, table=current, target=current)
    return current


def _ensure_a_coordinator_remains(membership: Membership) -> None:
    if membership.role != Role.COORDINATOR:
        return
    others = (
        Membership.objects.for_table(membership.table)
        .current()
        .filter(role=Role.COORDINATOR)
        .exclude(pk=membership.pk)
        .select_for_update(of=("self",))
    )
    if not others.exists():
        raise InvalidTransition(
            _("A table needs at least one coordinator. Name another coordinator first.")
        )


@transaction.atomic
def membership_change_role(*, membership: Membership, actor: User, role: str) -> Membership:
    if role not in Role.values:
        raise InvalidInput(_("Choose a valid role."))
    current = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("table", "user")
        .get(pk=membership.pk)
    )
    if current.ended_at is not None:
        raise InvalidTransition(_("This person no longer sits at the table."))
    if current.role == role:
        return current
    if role != Role.COORDINATOR:
        _ensure_a_coordinator_remains(current)
    old_role = current.role
    current.role = role
    current.save(update_fields=["role", "updated_at"])
    forget_roles(current.user)
    audit.record(
        event=AuditEvent.MEMBERSHIP_ROLE_CHANGED,
        actor=actor,
        table=current.table,
        target=current,
        old={"role": old_role},
        new={"role": role},
    )
    return current


@transaction.atomic
def membership_end(*, membership: Membership, actor: User) -> Membership:
    """Remove a person from a table; the membership stays as history."""
    current = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("table", "user")
        .get(pk=membership.pk)
    )
    if current.ended_at is not None:
        raise InvalidTransition(_("This person no longer sits at the table."))
    _ensure_a_coordinator_remains(current)
    current.ended_at = timezone.now()
    current.save(update_fields=["ended_at", "updated_at"])
    forget_roles(current.user)
    audit.record(
        event=AuditEvent.MEMBERSHIP_ENDED,
        actor=actor,
        table=current.table,
        target=current,
        old={"role": current.role},
    )
    return current


@transaction.atomic
def invitation_send(
    *, table: Table, actor: User, email: str, role: str, message: str = ""
) -> tuple[Invitation, str]:
    """Invite someone by e-mail; return the invitation and its one-time secret.

    A pending invitation to the same address is replaced, so the latest
    e-mail is the only one that works.
    """
    from tablee.tables.tasks import send_invitation_email

    email = User.objects.normalize_email(email.strip()).lower()
    if role not in Role.values:
        raise InvalidInput(_("Choose a valid role."))
    if table.deleted_at is not None:
        raise InvalidTransition(_("This table is deleted."))
    probe = Invitation(email=email)
    try:
        probe.clean_fields(exclude=[f.name for f in Invitation._meta.fields if f.name != "email"])
    except ValidationError as exc:
        raise InvalidInput(_("Enter a valid e-mail address.")) from exc
    if Membership.objects.for_table(table).current().filter(user__email__iexact=email).exists():
        raise InvalidInput(_("This person already sits at the table."))
    now = timezone.now()
    Invitation.objects.for_table(table).pending().filter(email__iexact=email).update(
        revoked_at=now
    )
    raw_token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        table=table,
        email=email,
        role=role,
        message=message.strip(),
        token_hash=hash_token(raw_token),
        invited_by=actor,
        expires_at=now + INVITATION_LIFETIME,
    )
    audit.record(
        event=AuditEvent.INVITATION_SENT,
        actor=actor,
        table=table,
        target=invitation,
        new={"email": email, "role": role},
    )
    transaction.on_commit(
        lambda: send_invitation_email.enqueue(invitation_id=invitation.pk, raw_token=raw_token)
    )
    return invitation, raw_token


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: User) -> Invitation:
    current = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=invitation.pk)
    )
    if current.status != "pending":
        raise InvalidTransition(_("Only a pending invitation can be revoked."))
    current.revoked_at = timezone.now()
    current.save(update_fields=["revoked_at", "updated_at"])
    audit.record(
        event=AuditEvent.INVITATION_REVOKED,
        actor=actor,
        table=current.table,
        target=current,
        old={"email": current.email, "role": current.role},
    )
    return current


def _refuse_unusable(invitation: Invitation) -> None:
    status = invitation.status
    if status == "accepted":
        raise InvalidTransition(_("This invitation has already been used."))
    if status == "revoked":
        raise InvalidTransition(_("This invitation was cancelled by the table."))
    if status == "expired":
        raise InvalidTransition(
            _("This invitation has expired. Ask the table's coordinator for a new one.")
        )


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None = None,
    full_name: str = "",
    password: str = "",
) -> tuple[Invitation, User]:
    """Accept an invitation, linking it to `user` or creating an account.

    Without a signed-in user, an account is created for the invited address;
    if one already exists, the person must sign in first.
    """
    from django.contrib.auth.password_validation import validate_password

    current = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=invitation.pk)
    )
    _refuse_unusable(current)
    if user is None:
        account = User.objects.filter(email__iexact=current.email).first()
        # An account named on a seat before its owner ever signed in has no
        # password yet: accepting the invitation is how its owner claims it.
        claimable = account is not None and account.is_active and not account.has_usable_password()
        if account is not None and not claimable:
            raise InvalidTransition(
                _("An account already exists for this address: sign in to accept.")
            )
        candidate = account or User(email=current.email)
        candidate.full_name = full_name.strip() or candidate.full_name
        try:
            validate_password(password, user=candidate)
        except ValidationError as exc:
            raise InvalidInput(
                " ".join(exc.messages), extra={"fields": {"password": exc.messages}}
            ) from exc
        if not candidate.full_name:
            raise InvalidInput(
                _("Enter your name."), extra={"fields": {"full_name": [_("Enter your name.")]}}
            )
        if account is not None:
            account.set_password(password)
            account.full_name = candidate.full_name
            account.save(update_fields=["password", "full_name"])
            user = account
        else:
            user = User.objects.create_user(
                email=current.email, password=password, full_name=candidate.full_name
            )
    existing = Membership.objects.for_table(current.table).current().filter(user=user).first()
    try:
        if existing is None:
            Membership.objects.create(table=current.table, user=user, role=current.role)
    except IntegrityError as exc:  # pragma: no cover - guarded by the check above
        raise Conflict(_("This person already sits at the table.")) from exc
    current.accepted_at = timezone.now()
    current.accepted_by = user
    current.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    forget_roles(user)
    audit.record(
        event=AuditEvent.INVITATION_ACCEPTED,
        actor=user,
        table=current.table,
        target=current,
        new={"email": user.email, "role": current.role if existing is None else existing.role},
    )
    return current, user
