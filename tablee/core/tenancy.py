"""Resolve the table named in the URL, once, for every table page."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse

from tablee.core.permissions import is_platform_admin, role_in


class TableRequest(HttpRequest):
    """An HttpRequest that went through @table_view."""

    table: "Table"  # noqa: F821
    role: str | None


def table_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Load `request.table` from the `table_slug` URL argument and the caller's role.

    Anonymous visitors are sent to the login page; anyone with no role in the
    table (and not a platform admin) gets a 404.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, table_slug: str, *args, **kwargs) -> HttpResponse:
        from tablee.tables.selectors import table_get_by_slug

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        table = table_get_by_slug(slug=table_slug)
        if table is None:
            raise Http404
        role = role_in(request.user, table)
        if role is None and not is_platform_admin(request.user):
            raise Http404
        request.table = table  # type: ignore[attr-defined]
        request.role = role  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper
