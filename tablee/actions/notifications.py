"""The e-mail notification pipeline shared by every app.

Public helper for other apps::

    from tablee.actions.notifications import notify

    notify(
        user=person,               # who receives it
        table=table,               # the table it is about (or None)
        subject="...",             # already translated, short
        body="...",                # plain text, already translated
        url="/t/quartier-demo/...",  # a path (or absolute URL) to open in Tablée
    )

`notify` respects the person's NotificationPreference:

- immediate: the message is sent by a background task right after the
  current transaction commits;
- daily / weekly: it waits in PendingNotification for `tablee send_digests
  --period daily|weekly`;
- never: nothing is stored, nothing is sent.

Call it inside your service's transaction: nothing is sent if the service
rolls back. Sending never happens in the request itself (a task does it) and
a failing e-mail is recorded on the row (attempts, last_error) and retried by
the next `tablee send_digests` run, up to MAX_ATTEMPTS, instead of raising.
`urgent=True` (used by due-date reminders) skips the digest wait for daily and
weekly readers, but still respects "never".

Every e-mail carries a one-click unsubscribe link (a signed token, no login)
and the List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from tablee.actions.models import DigestFrequency, NotificationPreference, PendingNotification

MAX_ATTEMPTS = 5
UNSUBSCRIBE_SALT = "tablee.notifications.unsubscribe"


def frequency_of(user) -> str:
    """Return the person's chosen frequency (immediate when never chosen)."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.frequency if preference is not None else DigestFrequency.IMMEDIATE


def absolute_url(url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL.rstrip("/") + url


def notify(*, user, table, subject: str, body: str, url: str = "", urgent: bool = False):
    """Queue a message for `user` according to their e-mail preference.

    Return the PendingNotification, or None when the person chose "never".
    """
    if user is None or not user.is_active or not user.email:
        return None
    frequency = frequency_of(user)
    if frequency == DigestFrequency.NEVER:
        return None
    notification = PendingNotification.objects.create(
        user=user, table=table, subject=subject[:300], body=body, url=absolute_url(url)[:500]
    )
    if frequency == DigestFrequency.IMMEDIATE or urgent:
        enqueue_send(notification.pk)
    return notification


def enqueue_send(notification_id: int) -> None:
    """Enqueue the sending task once the current transaction commits."""
    from tablee.actions.tasks import send_notification

    transaction.on_commit(lambda: send_notification.enqueue(notification_id=notification_id))


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def user_id_from_token(token: str) -> int | None:
    """Return the user id a token was made for, or None if it was tampered with."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user_id = data.get("u") if isinstance(data, dict) else None
    return user_id if isinstance(user_id, int) else None


def unsubscribe_url(user) -> str:
    return absolute_url(
        reverse("actions_public:unsubscribe", kwargs={"token": unsubscribe_token(user)})
    )


def build_email(*, user, subject: str, body: str) -> EmailMessage:
    """Return the e-mail with the unsubscribe footer and headers, in the reader's language."""
    link = unsubscribe_url(user)
    with translation.override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
        footer = "\n\n-- \n" + _(
            "You receive this e-mail because you take part in a table on Tablée. "
            "To stop these e-mails, open: %(link)s\n"
            "To receive them once a day or once a week instead, open: %(prefs)s"
        ) % {"link": link, "prefs": absolute_url(reverse("actions_public:notifications"))}
        subject = f"[Tablée] {subject}"
    return EmailMessage(
        subject=subject,
        body=body + footer,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
