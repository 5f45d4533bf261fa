"""Signed links: an external partner answers, or an outsider reads shared results.

An answer token names one external invitation; it is signed with a
purpose-specific salt and expires after `MAX_AGE` (the campaign's own
closing date applies as well). A share token names a campaign and the
decision that shared its results: it stops working as soon as the campaign
is no longer shared, or is shared by another decision.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "tablee.evaluation.external"
SHARE_SALT = "tablee.evaluation.shared-results"
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


def make_share_token(*, campaign) -> str:
    return signing.dumps(
        {"c": campaign.pk, "d": campaign.sharing_decision_id}, salt=SHARE_SALT, compress=True
    )


def read_share_token(token: str) -> tuple[int, int]:
    """Return (campaign id, sharing decision id) named by a share token."""
    try:
        data = signing.loads(token, salt=SHARE_SALT)
        return int(data["c"]), int(data["d"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise LinkError(expired=False) from exc


def share_url(*, campaign) -> str:
    path = reverse(
        "evaluation:shared-results",
        kwargs={"table_slug": campaign.table.slug, "token": make_share_token(campaign=campaign)},
    )
    return settings.SITE_URL.rstrip("/") + path
