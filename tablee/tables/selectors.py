"""Reads about tables, their people and invitations, shared by pages and API."""

from django.db.models import Count, Q, QuerySet

from tablee.core.models import AuditEntry
from tablee.core.permissions import is_platform_admin, roles_of
from tablee.tables.models import Invitation, Membership, Table


def table_get_by_slug(*, slug: str) -> Table | None:
    return Table.objects.alive().filter(slug=slug).first()


def table_get_by_id(*, table_id: int) -> Table | None:
    return Table.objects.alive().filter(pk=table_id).first()


def table_visible_to(*, user) -> QuerySet[Table]:
    """Return the live tables `user` can open: theirs, or all for a platform admin."""
    tables = Table.objects.alive()
    if is_platform_admin(user):
        return tables
    return tables.filter(pk__in=list(roles_of(user)))


def table_list(*, user, search: str = "") -> QuerySet[Table]:
    """Return the tables `user` can open, by name; see `with_people_counts`."""
    tables = table_visible_to(user=user)
    if search:
        tables = tables.filter(Q(name__icontains=search) | Q(territory__icontains=search))
    return tables.order_by("name")


def with_people_counts(tables) -> list[Table]:
    """Attach `people_count` to a page of tables, in one query.

    Counting in the list query would count the people of every table before
    the page is cut; counting only the page keeps the cost flat.
    """
    tables = list(tables)
    counts = dict(
        Membership.objects.current()
        .filter(table__in=tables)
        .values_list("table_id")
        .annotate(count=Count("pk"))
        .values_list("table_id", "count")
    )
    for table in tables:
        table.people_count = counts.get(table.pk, 0)
    return tables


def table_list_deleted() -> QuerySet[Table]:
    return Table.objects.filter(deleted_at__isnull=False).order_by("-deleted_at")


def table_summary(*, table: Table) -> dict[str, int]:
    counts = (
        Membership.objects.for_table(table)
        .current()
        .aggregate(
            coordinators=Count("pk", filter=Q(role="coordinator")),
            members=Count("pk", filter=Q(role="member")),
            observers=Count("pk", filter=Q(role="observer")),
        )
    )
    counts["pending_invitations"] = Invitation.objects.for_table(table).pending().count()
    return counts


def membership_list(*, table: Table, search: str = "", role: str = "") -> QuerySet[Membership]:
    memberships = Membership.objects.for_table(table).current().select_related("user")
    if search:
        memberships = memberships.filter(
            Q(user__full_name__icontains=search) | Q(user__email__icontains=search)
        )
    if role:
        memberships = memberships.filter(role=role)
    return memberships.order_by("user__full_name", "user__email")


def membership_get(*, table: Table, membership_id: int) -> Membership | None:
    return (
        Membership.objects.for_table(table)
        .current()
        .select_related("user", "table")
        .filter(pk=membership_id)
        .first()
    )


def invitation_list_pending(*, table: Table) -> QuerySet[Invitation]:
    return Invitation.objects.for_table(table).pending().select_related("invited_by")


def invitation_get(*, table: Table, invitation_id: int) -> Invitation | None:
    return (
        Invitation.objects.for_table(table)
        .select_related("table")
        .filter(pk=invitation_id)
        .first()
    )


def invitation_get_by_token(*, raw_token: str) -> Invitation | None:
    from tablee.accounts.models import hash_token

    return (
        Invitation.objects.select_related("table", "invited_by")
        .filter(token_hash=hash_token(raw_token), table__deleted_at__isnull=True)
        .first()
    )


def audit_list(*, table: Table | None = None, event: str = "") -> QuerySet[AuditEntry]:
    """Return audit entries of one table, or of the whole platform when table is None."""
    entries = AuditEntry.objects.select_related("actor").only(
        "created_at",
        "event",
        "target_repr",
        "changes",
        "table_id",
        "actor__full_name",
        "actor__email",
    )
    if table is not None:
        entries = entries.for_table(table)
    else:
        entries = entries.select_related("table").only(
            "created_at",
            "event",
            "target_repr",
            "changes",
            "table__name",
            "actor__full_name",
            "actor__email",
        )
    if event:
        entries = entries.filter(event=event)
    return entries.order_by("-created_at", "-id")
