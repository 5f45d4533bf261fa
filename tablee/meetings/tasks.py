"""Background work of meetings: the e-mails (convocations, updates, links)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from tablee.meetings import calendar, links, selectors

KINDS = ("availability", "agenda", "convocation", "update", "cancel")


def _people(table, person_ids):
    # People of the table or its seats only: an id that left gets nothing.
    people = selectors.meeting_people(table=table)
    return [people[pk] for pk in sorted(set(person_ids)) if pk in people and people[pk].is_active]


@task()
def send_meeting_emails(*, meeting_id: int, kind: str, person_ids: list[int]) -> int:
    """Send one e-mail per person about a meeting; return how many were sent.

    Convocations, updates and cancellations carry the meeting's .ics with the
    same UID and the current SEQUENCE.
    """
    assert kind in KINDS, kind
    meeting = selectors.meeting_get_any(meeting_id=meeting_id)
    if meeting is None:
        return 0
    table = meeting.table
    sent = 0
    with translation.override(table.language):
        summary = selectors.agenda_summary(meeting=meeting)
        ics = None
        if kind in ("convocation", "update") and meeting.starts_at:
            ics = calendar.meeting_ics(meeting, method="REQUEST")
        elif kind == "cancel" and meeting.starts_at:
            ics = calendar.meeting_ics(meeting, method="CANCEL")
        for person in _people(table, person_ids):
            context = {
                "meeting": meeting,
                "table": table,
                "person": person,
                "items": summary.items,
                "meeting_url": calendar.meeting_url(meeting),
                "availability_url": links.availability_url(
                    meeting_id=meeting.pk, person_id=person.pk
                ),
                "reply_url": links.reply_url(meeting_id=meeting.pk, person_id=person.pk),
            }
            subject = render_to_string(f"meetings/email/{kind}_subject.txt", context).strip()
            body = render_to_string(f"meetings/email/{kind}_body.txt", context)
            message = EmailMultiAlternatives(
                subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]
            )
            if ics is not None:
                method = "CANCEL" if kind == "cancel" else "REQUEST"
                message.attach(
                    "invitation.ics", ics, f'text/calendar; charset="utf-8"; method={method}'
                )
            message.send()
            sent += 1
    return sent
