"""The shared permission vocabulary: roles in tables and the `require` gate.

A person's roles are read once per request (one query) and cached on the
user object, so predicates never query per row.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404

_ROLES_CACHE = "_tablee_roles"


def roles_of(user) -> dict[int, str]:
    """Return {table_id: role} for the person's current memberships in live tables."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        from tablee.tables.models import Membership

        cached = dict(
            Membership.objects.current()
            .filter(user=user, table__deleted_at__isnull=True)
            .values_list("table_id", "role")
        )
        setattr(user, _ROLES_CACHE, cached)
    return cached


def forget_roles(user) -> None:
    """Drop the cached roles after a membership of this person changed."""
    if hasattr(user, _ROLES_CACHE):
        delattr(user, _ROLES_CACHE)


def table_id_of(obj) -> int | None:
    """Return the id of the table that owns `obj` (a Table or a table-scoped row)."""
    if obj is None:
        return None
    from tablee.tables.models import Table

    if isinstance(obj, Table):
        return obj.pk
    return getattr(obj, "table_id", None)


def role_in(user, obj) -> str | None:
    return roles_of(user).get(table_id_of(obj))


@rules.predicate
def is_authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


@rules.predicate
def is_platform_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_platform_admin


@rules.predicate
def is_coordinator(user, obj) -> bool:
    return role_in(user, obj) == "coordinator"


@rules.predicate
def is_member(user, obj) -> bool:
    """Coordinators and members: the people who act for the table."""
    return role_in(user, obj) in ("coordinator", "member")


@rules.predicate
def is_observer(user, obj) -> bool:
    return role_in(user, obj) == "observer"


@rules.predicate
def coordinates_a_table(user) -> bool:
    """Coordinates at least one table (may add to platform-wide registries)."""
    return "coordinator" in roles_of(user).values()


@rules.predicate
def has_any_role(user, obj) -> bool:
    return role_in(user, obj) is not None


def can(user, perm: str, obj=None) -> bool:
    """Return whether `user` holds `perm` on `obj` (no database query)."""
    return rules.has_perm(perm, user, obj)


def require(user, perm: str, obj=None) -> None:
    """Raise PermissionDenied unless `user` holds `perm` on `obj`.

    Someone with no role in the object's table gets Http404 instead, so that
    an outsider cannot even learn that the object exists.
    """
    if rules.has_perm(perm, user, obj):
        return
    table_id = table_id_of(obj)
    if table_id is not None and not is_platform_admin(user) and table_id not in roles_of(user):
        raise Http404
    raise PermissionDenied
