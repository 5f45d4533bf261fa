"""Background work of funding: reminders of reporting dates to coordinators."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from tablee.actions.notifications import notify
from tablee.funding import selectors
from tablee.funding.models import ReportingReminder


@task()
def send_reporting_reminder(*, reporting_id: int, today: str, lead_times: list[int]) -> None:
    """E-mail the table's coordinators that a report is coming due.

    Sent once per due date and lead time: the reporting date is locked and
    the reminders already recorded are checked again, so two overlapping
    runs send one e-mail. When several lead times fall due together (the
    command did not run for a while), one e-mail covers them.
    """
    day = date.fromisoformat(today)
    with transaction.atomic():
        reporting = selectors.reporting_date_for_reminder(reporting_id=reporting_id)
        if reporting is None:
            return
        due = selectors.reminder_lead_times_due(
            reporting_date=reporting, today=day, lead_times=lead_times
        )
        if not due:
            return
        coordinators = list(selectors.table_coordinators(table=reporting.table))
        ReportingReminder.objects.bulk_create(
            ReportingReminder(
                table=reporting.table,
                reporting_date=reporting,
                due_on=reporting.due_on,
                days_before=lead,
                recipients=len(coordinators),
            )
            for lead in due
        )
        program = reporting.program
        days_left = (reporting.due_on - day).days
        url = reverse(
            "funding:program-detail",
            kwargs={"table_slug": reporting.table.slug, "program_id": program.pk},
        )
        for person in coordinators:
            with translation.override(person.language or reporting.table.language):
                subject = _("Report due on %(date)s: %(program)s") % {
                    "date": reporting.due_on.isoformat(),
                    "program": program.name,
                }
                when = (
                    ngettext("in %(days)s day", "in %(days)s days", days_left)
                    % {"days": days_left}
                    if days_left
                    else _("today")
                )
                body = _(
                    "A report is due %(when)s to %(funder)s for %(table)s:\n\n"
                    "%(what)s\nProgram: %(program)s\nDue: %(date)s\n\n"
                    "When it is sent, mark it as sent in Tablée: the reminders stop."
                ) % {
                    "when": when,
                    "funder": program.funder.name,
                    "table": reporting.table.name,
                    "what": reporting.what,
                    "program": program.name,
                    "date": reporting.due_on.isoformat(),
                }
            notify(
                user=person,
                table=reporting.table,
                subject=subject,
                body=body,
                url=url,
                urgent=True,
            )
