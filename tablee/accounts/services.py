"""State changes of people's accounts: one function per intention."""

import secrets

from allauth.usersessions.models import UserSession
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.accounts.models import ApiToken, User, hash_token
from tablee.core import audit
from tablee.core.errors import InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent

TOKEN_PREFIX = "tbl"  # noqa: S105  (a public marker, not a secret)


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    actor: User,
    full_name: str,
    language: str,
    phone: str | None = None,
    job_title: str | None = None,
    directory_consent: bool | None = None,
) -> User:
    """Change the person's name, preferred language and, if given, contact card."""
    full_name = full_name.strip()
    if not full_name:
        raise InvalidInput(_("Enter your name."))
    if language not in dict(User._meta.get_field("language").choices):
        raise InvalidInput(_("Choose a valid language."))
    old = {"full_name": user.full_name, "language": user.language}
    user.full_name = full_name
    user.language = language
    user.save(update_fields=["full_name", "language"])
    new = {"full_name": full_name, "language": language}
    if phone is not None or job_title is not None or directory_consent is not None:
        # The who's-who contact card lives in the members app.
        from tablee.members.services import contact_card_save

        card_old, card_new = contact_card_save(
            person=user,
            phone=phone or "",
            job_title=job_title or "",
            directory_consent=bool(directory_consent),
        )
        # Only what changed, so a plain name change reads as before.
        changed = [key for key in card_new if card_new[key] != card_old[key]]
        old.update({key: card_old[key] for key in changed})
        new.update({key: card_new[key] for key in changed})
    audit.record(
        event=AuditEvent.USER_PROFILE_UPDATED,
        actor=actor,
        target=user,
        old=old,
        new=new,
    )
    return user


def _end_all_sessions(user: User) -> int:
    """End the person's sessions; return how many tracked sessions ended.

    Tracked sessions (allauth.usersessions) are deleted from the store.
    Untracked ones (opened by another login path, or before tracking
    existed) cannot be found without scanning every session, so raising
    session_version changes the session hash and Django refuses them on their
    next request.
    """
    ended = 0
    for user_session in UserSession.objects.filter(user=user):
        user_session.end()
        ended += 1
    User.objects.filter(pk=user.pk).update(session_version=F("session_version") + 1)
    user.refresh_from_db(fields=["session_version"])
    return ended


@transaction.atomic
def user_sign_out_everywhere(*, user: User, actor: User) -> int:
    """End every session of `user` on every device; return how many ended."""
    ended = _end_all_sessions(user)
    audit.record(
        event=AuditEvent.SESSIONS_ENDED, actor=actor, target=user, new={"sessions": ended}
    )
    return ended


@transaction.atomic
def user_delete(*, user: User, actor: User) -> User:
    """Deactivate a person (soft delete): they can no longer sign in or use tokens."""
    current = User.objects.select_for_update(of=("self",)).get(pk=user.pk)
    if current.deleted_at is not None:
        raise InvalidTransition(_("This person is already deleted."))
    if current.pk == actor.pk:
        raise InvalidTransition(_("You cannot delete your own account."))
    current.deleted_at = timezone.now()
    current.is_active = False
    current.save(update_fields=["deleted_at", "is_active"])
    _end_all_sessions(current)
    audit.record(event=AuditEvent.USER_DELETED, actor=actor, target=current)
    return current


@transaction.atomic
def user_restore(*, user: User, actor: User) -> User:
    """Reactivate a soft-deleted person; their old sessions stay ended."""
    current = User.objects.select_for_update(of=("self",)).get(pk=user.pk)
    if current.deleted_at is None:
        raise InvalidTransition(_("This person is not deleted."))
    current.deleted_at = None
    current.is_active = True
    current.save(update_fields=["deleted_at", "is_active"])
    audit.record(event=AuditEvent.USER_RESTORED, actor=actor, target=current)
    return current


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a personal API token; return it with the secret, shown only once."""
    name = name.strip()
    if not name:
        raise InvalidInput(_("Give the token a name, for example the tool that will use it."))
    if len(name) > 100:
        raise InvalidInput(_("The name is too long (100 characters at most)."))
    prefix = secrets.token_hex(4)
    raw = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user, name=name, prefix=prefix, token_hash=hash_token(raw)
    )
    audit.record(event=AuditEvent.API_TOKEN_CREATED, actor=user, target=token, new={"name": name})
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User) -> ApiToken:
    """Revoke a token: every later call with it is refused."""
    current = ApiToken.objects.select_for_update(of=("self",)).get(pk=token.pk)
    if current.revoked_at is not None:
        raise InvalidTransition(_("This token is already revoked."))
    current.revoked_at = timezone.now()
    current.save(update_fields=["revoked_at"])
    audit.record(event=AuditEvent.API_TOKEN_REVOKED, actor=actor, target=current)
    return current


def api_token_touch(*, token: ApiToken) -> None:
    """Note when a token was last used (not audited: it is not an intention)."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
