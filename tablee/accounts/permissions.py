"""Who may manage people's accounts."""

import rules

from tablee.core.permissions import is_authenticated, is_platform_admin


@rules.predicate
def is_self(user, person) -> bool:
    return person is not None and user.pk == person.pk


@rules.predicate
def person_is_deleted(user, person) -> bool:
    return person is not None and person.deleted_at is not None


rules.add_perm("accounts.view_profile", is_authenticated)
rules.add_perm("accounts.manage_tokens", is_authenticated)
rules.add_perm("accounts.list_people", is_platform_admin)
rules.add_perm("accounts.delete_person", is_platform_admin & ~is_self & ~person_is_deleted)
rules.add_perm("accounts.restore_person", is_platform_admin & person_is_deleted)
