"""Signed links that let an external partner answer without an account.

The token names one external invitation; it is signed with a
purpose-specific salt and expires after `MAX_AGE` (the campaign's own
closing date applies as well).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "tablee.evaluation.external"
MAX_AGE = timedelta(days=90)


class LinkError(Exception):
    """The link was tampered with, or has expired (`expired`)."""

    def __init__(self, *, expired: bool) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def make_token(*, invitation_id: int) -> str:
    return signing.dumps({"x": invitation_id}, salt=SALT, compress=True)


def read_token(token: str, *, max_age: timedelta = MAX_AGE) -> int:
    """Return the id of the external invitation named by the token."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise LinkError(expired=True) from exc
    except signing.BadSignature as exc:
        raise LinkError(expired=False) from exc
    try:
        return int(data["x"])
    except (KeyError, TypeError, ValueError) as exc:
        raise LinkError(expired=False) from exc


def answer_path(*, invitation) -> str:
    return reverse(
        "evaluation:external-answer",
        kwargs={
            "table_slug": invitation.table.slug,
            "token": make_token(invitation_id=invitation.pk),
        },
    )


def answer_url(*, invitation) -> str:
    return settings.SITE_URL.rstrip("/") + answer_path(invitation=invitation)
