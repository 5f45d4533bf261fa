"""Reads about people and their API tokens."""

from django.db.models import Count, F, Q, QuerySet

from tablee.accounts.models import ApiToken, User, hash_token
from tablee.tables.models import Membership


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    """Return the person's tokens, active ones first."""
    return ApiToken.objects.filter(user=user).order_by(
        F("revoked_at").asc(nulls_first=True), "-created_at"
    )


def api_token_get(*, user: User, token_id: int) -> ApiToken | None:
    return ApiToken.objects.filter(user=user, pk=token_id).first()


def user_get_by_api_token(*, raw_token: str) -> tuple[User, ApiToken] | None:
    """Return the active person and token for a raw secret, or None."""
    token = (
        ApiToken.objects.active()
        .select_related("user")
        .filter(token_hash=hash_token(raw_token), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    return token.user, token


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


def user_get(*, user_id: int) -> User | None:
    return User.objects.filter(pk=user_id).first()


def person_get(*, user_id: int, deleted: bool) -> User | None:
    """Return one person, only if their deleted state is the one expected."""
    return User.objects.filter(pk=user_id, deleted_at__isnull=not deleted).first()


def user_membership_list(*, user: User) -> QuerySet[Membership]:
    """Return the person's current roles in live tables, with the table (one query)."""
    return (
        Membership.objects.current()
        .filter(user=user, table__deleted_at__isnull=True)
        .select_related("table")
        .order_by("table__name", "table_id")
    )


def person_list(*, search: str = "", deleted: bool = False) -> QuerySet[User]:
    """Return the platform's people (or the deleted ones) with their live tables count."""
    people = User.objects.annotate(
        tables_count=Count(
            "memberships",
            filter=Q(
                memberships__ended_at__isnull=True,
                memberships__table__deleted_at__isnull=True,
            ),
        )
    )
    people = people.filter(deleted_at__isnull=not deleted)
    if search:
        people = people.filter(Q(full_name__icontains=search) | Q(email__icontains=search))
    return people.order_by("full_name", "email")
