"""The API's view of the calling person."""

from django.http import HttpRequest
from ninja import Router, Schema

from tablee.accounts import selectors
from tablee.api.schemas import ErrorOut
from tablee.core.permissions import require

router = Router(tags=["me"])


class MyTableOut(Schema):
    id: int
    slug: str
    name: str
    role: str


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    language: str
    is_platform_admin: bool
    tables: list[MyTableOut]


@router.get(
    "/me", response={200: MeOut, 401: ErrorOut}, summary="The calling person", url_name="me"
)
def me(request: HttpRequest):
    """Return the person the token belongs to, with their role in each table."""
    user = request.user
    require(user, "accounts.view_profile")
    memberships = selectors.user_membership_list(user=user)
    return {
        "id": user.pk,
        "email": user.email,
        "full_name": user.full_name,
        "language": user.language,
        "is_platform_admin": user.is_platform_admin,
        "tables": [
            {
                "id": m.table_id,
                "slug": m.table.slug,
                "name": m.table.name,
                "role": m.role,
            }
            for m in memberships
        ],
    }
