"""Background work for tables: invitation e-mails."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from tablee.tables.models import Invitation


@task()
def send_invitation_email(*, invitation_id: int, raw_token: str) -> None:
    invitation = (
        Invitation.objects.select_related("table", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None or invitation.status != "pending":
        return
    with translation.override(invitation.table.language):
        context = {
            "invitation": invitation,
            "accept_url": settings.SITE_URL.rstrip("/")
            + reverse("invitation-accept", kwargs={"token": raw_token}),
        }
        subject = render_to_string("tables/email/invitation_subject.txt", context).strip()
        body = render_to_string("tables/email/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])
