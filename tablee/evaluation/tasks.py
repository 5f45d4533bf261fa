"""Background reminders of evaluation campaigns (thin: refetch, send)."""

from __future__ import annotations

from datetime import date

from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from tablee.actions.notifications import notify
from tablee.evaluation import links, selectors


@task()
def send_campaign_reminders(*, campaign_id: int, today: str) -> None:
    """Remind the invited who have not answered, once per campaign and day."""
    with transaction.atomic():
        campaign = selectors.campaign_for_reminder(campaign_id=campaign_id)
        day = date.fromisoformat(today)
        if campaign is None or selectors.campaign_state(campaign) != "open":
            return
        if campaign.last_reminded_on is not None and campaign.last_reminded_on >= day:
            return
        campaign.last_reminded_on = day
        campaign.save(update_fields=["last_reminded_on"])
        people, externals = selectors.non_respondents(campaign=campaign)
        url = reverse(
            "evaluation:campaign-answer",
            kwargs={"table_slug": campaign.table.slug, "campaign_id": campaign.pk},
        )
        for person in people:
            with translation.override(person.language or campaign.table.language):
                notify(
                    user=person,
                    table=campaign.table,
                    subject=_("Reminder: %(title)s") % {"title": campaign.title},
                    body=_("Your view is still awaited in this evaluation of %(table)s.")
                    % {"table": campaign.table.name},
                    url=url,
                    urgent=True,
                )
        messages = []
        with translation.override(campaign.table.language or None):
            for invitation in externals:
                messages.append(
                    EmailMessage(
                        subject=_("[Tablée] Reminder: %(title)s") % {"title": campaign.title},
                        body=_("Your view is still awaited. Answer here, without an account:")
                        + "\n"
                        + links.answer_url(invitation=invitation),
                        to=[invitation.email],
                    )
                )
    for message in messages:
        message.send(fail_silently=True)


@task()
def send_external_invitation(*, invitation_id: int) -> None:
    """E-mail an external partner their signed link to answer."""
    invitation = selectors.external_get(invitation_id=invitation_id)
    if invitation is None:
        return
    campaign = invitation.campaign
    with translation.override(campaign.table.language or None):
        subject = _("[Tablée] %(table)s invites you to an evaluation") % {
            "table": campaign.table.name
        }
        body = _(
            "%(table)s is evaluating its partnership and would like your view.\n\n"
            "%(title)s\nOpen until %(closes)s.\n\n"
            "Your answers are anonymous. Answer here, without an account:\n%(link)s"
        ) % {
            "table": campaign.table.name,
            "title": campaign.title,
            "closes": timezone.localtime(campaign.closes_at).strftime("%Y-%m-%d %H:%M"),
            "link": links.answer_url(invitation=invitation),
        }
    EmailMessage(subject=subject, body=body, to=[invitation.email]).send(fail_silently=True)
