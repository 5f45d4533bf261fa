"""Signed links that let the accountable person report progress without signing in.

The token names one plan action and one person. It is signed with the
project's secret and a purpose-specific salt and expires after `MAX_AGE`.
It only opens the progress form of that action, and only while that person
is still accountable for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

PROGRESS_SALT = "tablee.plans.progress"
MAX_AGE = timedelta(days=21)


@dataclass(frozen=True)
class LinkPayload:
    action_id: int
    person_id: int


class LinkError(Exception):
    """The link was tampered with, or has expired (`expired`)."""

    def __init__(self, *, expired: bool) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def make_token(*, action_id: int, person_id: int) -> str:
    return signing.dumps({"a": action_id, "p": person_id}, salt=PROGRESS_SALT, compress=True)


def read_token(token: str, *, max_age: timedelta = MAX_AGE) -> LinkPayload:
    try:
        data = signing.loads(token, salt=PROGRESS_SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise LinkError(expired=True) from exc
    except signing.BadSignature as exc:
        raise LinkError(expired=False) from exc
    try:
        return LinkPayload(action_id=int(data["a"]), person_id=int(data["p"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise LinkError(expired=False) from exc


def progress_path(*, action, person_id: int) -> str:
    """Return the path of the signed progress form of `action` for that person."""
    token = make_token(action_id=action.pk, person_id=person_id)
    return reverse(
        "plans:progress-link",
        kwargs={
            "table_slug": action.table.slug,
            "process_slug": action.process.slug,
            "token": token,
        },
    )


def progress_url(*, action, person_id: int) -> str:
    return settings.SITE_URL.rstrip("/") + progress_path(action=action, person_id=person_id)
