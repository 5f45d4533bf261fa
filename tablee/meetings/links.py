"""Signed links that let a person answer without signing in.

The token names one person and one meeting. It is signed with the project's
secret and a purpose-specific salt, and expires after `MAX_AGE`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

AVAILABILITY_SALT = "tablee.meetings.availability"
REPLY_SALT = "tablee.meetings.reply"
MAX_AGE = timedelta(days=60)


@dataclass(frozen=True)
class LinkPayload:
    meeting_id: int
    person_id: int


class LinkError(Exception):
    """The link was tampered with, or has expired (`expired`)."""

    def __init__(self, *, expired: bool) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def make_token(*, salt: str, meeting_id: int, person_id: int) -> str:
    return signing.dumps({"m": meeting_id, "p": person_id}, salt=salt, compress=True)


def read_token(token: str, *, salt: str, max_age: timedelta = MAX_AGE) -> LinkPayload:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise LinkError(expired=True) from exc
    except signing.BadSignature as exc:
        raise LinkError(expired=False) from exc
    try:
        return LinkPayload(meeting_id=int(data["m"]), person_id=int(data["p"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise LinkError(expired=False) from exc


def availability_url(*, meeting_id: int, person_id: int) -> str:
    token = make_token(salt=AVAILABILITY_SALT, meeting_id=meeting_id, person_id=person_id)
    return settings.SITE_URL.rstrip("/") + reverse(
        "meetings_public:availability", kwargs={"token": token}
    )


def reply_url(*, meeting_id: int, person_id: int) -> str:
    token = make_token(salt=REPLY_SALT, meeting_id=meeting_id, person_id=person_id)
    return settings.SITE_URL.rstrip("/") + reverse(
        "meetings_public:reply", kwargs={"token": token}
    )
