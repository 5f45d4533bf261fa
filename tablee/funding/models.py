"""Resources committed to a plan, funders, their programs and what they fund."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel

MONEY = {"max_digits": 12, "decimal_places": 2}


class ResourceKind(models.TextChoices):
    STAFF_HOURS = "staff_hours", _("Staff hours")
    MATERIAL = "material", _("Material")
    MONEY = "money", _("Money")
    IN_KIND = "in_kind", _("In kind")


class ResourceCommitment(TableScopedModel):
    """What one organization commits to one plan action (« qui porte quoi »)."""

    action = models.ForeignKey(
        "plans.PlanAction",
        on_delete=models.CASCADE,
        related_name="resource_commitments",
        verbose_name=_("action"),
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="resource_commitments",
        verbose_name=_("organization"),
    )
    kind = models.CharField(_("kind of resource"), max_length=12, choices=ResourceKind.choices)
    quantity = models.DecimalField(_("quantity"), null=True, blank=True, **MONEY)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    # The value in dollars: the money itself, or the estimated value of
    # hours, material or in-kind help when the organization gives one.
    amount = models.DecimalField(_("value ($)"), null=True, blank=True, **MONEY)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["action", "organization__name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__isnull=True) | models.Q(quantity__gte=0),
                name="resource_quantity_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="resource_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(quantity__isnull=False) | models.Q(amount__isnull=False),
                name="resource_has_quantity_or_amount",
            ),
        ]
        verbose_name = _("resource commitment")
        verbose_name_plural = _("resource commitments")

    def __str__(self) -> str:
        return f"{self.organization} — {self.get_kind_display()}"


class Funder(TableScopedModel):
    """Who funds the table's work: a ministry, a health directorate, a foundation."""

    name = models.CharField(_("name"), max_length=200)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization in the registry"),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint("table", Lower("name"), name="funder_name_unique_in_table"),
        ]
        verbose_name = _("funder")
        verbose_name_plural = _("funders")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "funding:funder-detail",
            kwargs={"table_slug": self.table.slug, "funder_id": self.pk},
        )


class FundingProgram(TableScopedModel):
    """A program or grant of a funder: an amount for a period, with conditions."""

    funder = models.ForeignKey(
        Funder, on_delete=models.CASCADE, related_name="programs", verbose_name=_("funder")
    )
    name = models.CharField(_("program"), max_length=200)
    amount = models.DecimalField(_("amount ($)"), **MONEY)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    conditions = models.TextField(_("conditions"), blank=True)
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_programs",
        verbose_name=_("collective process"),
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-starts_on", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="funding_program_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="funding_program_amount_not_negative"
            ),
        ]
        verbose_name = _("funding program")
        verbose_name_plural = _("funding programs")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "funding:program-detail",
            kwargs={"table_slug": self.table.slug, "program_id": self.pk},
        )


class ReportingDate(TableScopedModel):
    """A report the funder expects by a date (« reddition de comptes »)."""

    program = models.ForeignKey(
        FundingProgram,
        on_delete=models.CASCADE,
        related_name="reporting_dates",
        verbose_name=_("program"),
    )
    due_on = models.DateField(_("due date"))
    what = models.CharField(_("what is due"), max_length=300)
    is_done = models.BooleanField(_("report sent"), default=False)
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["is_done", "due_on"])]
        verbose_name = _("reporting date")
        verbose_name_plural = _("reporting dates")

    def __str__(self) -> str:
        return f"{self.what} ({self.due_on.isoformat()})"


class ReportingReminder(TableScopedModel):
    """A reminder e-mailed about a reporting date: once per due date and lead time.

    Keyed on the due date it was sent for, so moving the date re-arms it.
    """

    reporting_date = models.ForeignKey(
        ReportingDate, on_delete=models.CASCADE, related_name="reminders"
    )
    due_on = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["reporting_date", "due_on", "days_before"],
                name="reporting_reminder_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reporting_date_id}: {self.days_before} d"


class BudgetLine(TableScopedModel):
    """Part of a program's money allotted to a plan action."""

    action = models.ForeignKey(
        "plans.PlanAction",
        on_delete=models.CASCADE,
        related_name="budget_lines",
        verbose_name=_("action"),
    )
    program = models.ForeignKey(
        FundingProgram,
        on_delete=models.CASCADE,
        related_name="budget_lines",
        verbose_name=_("program"),
    )
    amount = models.DecimalField(_("amount ($)"), **MONEY)
    note = models.CharField(_("note"), max_length=300, blank=True)
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["program", "action", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="budget_line_amount_not_negative"
            ),
        ]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return f"{self.action} — {self.amount} $"
