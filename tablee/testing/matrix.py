"""The permission matrix: every URL of the project × every role.

Each app declares, in `tablee/<app>/tests/permission_matrix.py`, a dict
`EXPECTATIONS` mapping a URL name ("namespace:name", or "route:<route>" for
unnamed patterns) to an `Expect`: the HTTP status each of the six roles gets.
`tablee/core/tests/test_permission_matrix.py` fails when a URL of the project
has no expectation, or when an expectation misses a role.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = (
    "anonymous",
    "observer",
    "member",
    "coordinator",
    "other_coordinator",
    "platform_admin",
)


@dataclass
class World:
    """The objects a URL may need, built once per matrix case."""

    role: str
    actor: Any
    table: Any
    other_table: Any
    deleted_table: Any
    member_membership: Any
    invitation: Any
    invitation_token: str
    people: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Expect:
    """What each role gets from one URL.

    `statuses` maps every role in ROLES to an HTTP status. A 302 for the
    anonymous role must lead to the login page. `kwargs` builds the URL
    arguments from the World; `method`/`data` say how to call it; `auth`
    "bearer" calls it with the role's personal API token instead of a session.
    `setup` can add objects to the World before the call.
    """

    statuses: dict[str, int]
    kwargs: Callable[[World], dict[str, Any]] = lambda world: {}
    method: str = "GET"
    data: Callable[[World], dict[str, Any]] | None = None
    auth: str = "session"
    setup: Callable[[World], None] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # A 302 for anonymous visitors is checked to lead to the login page.
    anonymous_redirects_to_login: bool = True


def statuses(
    *,
    anonymous: int,
    observer: int,
    member: int,
    coordinator: int,
    other_coordinator: int,
    platform_admin: int,
) -> dict[str, int]:
    return {
        "anonymous": anonymous,
        "observer": observer,
        "member": member,
        "coordinator": coordinator,
        "other_coordinator": other_coordinator,
        "platform_admin": platform_admin,
    }


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in(status: int = 200, *, anonymous: int = 302) -> dict[str, int]:
    """Any signed-in person gets `status`; anonymous visitors go to the login page."""
    result = dict.fromkeys(ROLES, status)
    result["anonymous"] = anonymous
    return result


# The common shapes of a table's pages. Outsiders get 404 on a table's pages:
# they must not learn that it exists. `anonymous` is 302 (to the login page)
# for pages and 401 for the API.


def table_read(*, anonymous: int = 302) -> dict[str, int]:
    """Anyone with a role in the table (and platform admins) may read."""
    return statuses(
        anonymous=anonymous,
        observer=200,
        member=200,
        coordinator=200,
        other_coordinator=404,
        platform_admin=200,
    )


def table_members(*, anonymous: int = 302) -> dict[str, int]:
    """Members and coordinators act for the table; observers only watch."""
    return statuses(
        anonymous=anonymous,
        observer=403,
        member=200,
        coordinator=200,
        other_coordinator=404,
        platform_admin=200,
    )


def coordination(*, anonymous: int = 302) -> dict[str, int]:
    """Only the table's coordinators (and platform admins)."""
    return statuses(
        anonymous=anonymous,
        observer=403,
        member=403,
        coordinator=200,
        other_coordinator=404,
        platform_admin=200,
    )


def admin_only(*, in_table: bool = False, anonymous: int = 302) -> dict[str, int]:
    """Only platform admins; inside a table, outsiders still get 404."""
    return statuses(
        anonymous=anonymous,
        observer=403,
        member=403,
        coordinator=403,
        other_coordinator=404 if in_table else 403,
        platform_admin=200,
    )


def walk_patterns(resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""):
    """Yield (key, route) for every URL pattern of the project."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk_patterns(pattern, route, ns)
        elif isinstance(pattern, URLPattern):
            if pattern.name:
                key = f"{namespace}:{pattern.name}" if namespace else pattern.name
            else:
                key = f"route:{route}"
            yield key, route


def collect_expectations() -> dict[str, Expect]:
    """Merge the EXPECTATIONS of every Tablée app's tests/permission_matrix.py."""
    merged: dict[str, Expect] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("tablee."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.permission_matrix")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.tests.permission_matrix":
                raise
            continue
        for key, expect in module.EXPECTATIONS.items():
            assert key not in merged, f"{key} is declared twice in the permission matrix"
            merged[key] = expect
    return merged
