"""Audit events of resources and funding (collected by tablee.core.audit)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    FUNDING_RESOURCE_COMMITTED = "FUNDING_RESOURCE_COMMITTED", _("Resource committed")
    FUNDING_RESOURCE_UPDATED = "FUNDING_RESOURCE_UPDATED", _("Resource commitment changed")
    FUNDING_RESOURCE_DELETED = "FUNDING_RESOURCE_DELETED", _("Resource commitment deleted")
    FUNDING_FUNDER_CREATED = "FUNDING_FUNDER_CREATED", _("Funder added")
    FUNDING_FUNDER_UPDATED = "FUNDING_FUNDER_UPDATED", _("Funder changed")
    FUNDING_FUNDER_DELETED = "FUNDING_FUNDER_DELETED", _("Funder deleted")
    FUNDING_PROGRAM_CREATED = "FUNDING_PROGRAM_CREATED", _("Funding program added")
    FUNDING_PROGRAM_UPDATED = "FUNDING_PROGRAM_UPDATED", _("Funding program changed")
    FUNDING_PROGRAM_DELETED = "FUNDING_PROGRAM_DELETED", _("Funding program deleted")
    FUNDING_REPORTING_CREATED = "FUNDING_REPORTING_CREATED", _("Reporting date added")
    FUNDING_REPORTING_UPDATED = "FUNDING_REPORTING_UPDATED", _("Reporting date changed")
    FUNDING_REPORTING_DONE = "FUNDING_REPORTING_DONE", _("Report marked as sent")
    FUNDING_REPORTING_DELETED = "FUNDING_REPORTING_DELETED", _("Reporting date deleted")
    FUNDING_BUDGET_LINE_CREATED = "FUNDING_BUDGET_LINE_CREATED", _("Budget line added")
    FUNDING_BUDGET_LINE_UPDATED = "FUNDING_BUDGET_LINE_UPDATED", _("Budget line changed")
    FUNDING_BUDGET_LINE_DELETED = "FUNDING_BUDGET_LINE_DELETED", _("Budget line deleted")
