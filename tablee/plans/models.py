"""The action plan of a process: objectives → axes (strategies) → actions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tablee.core.models import TableScopedModel


class Objective(TableScopedModel):
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.CASCADE,
        related_name="objectives",
        verbose_name=_("process"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("objective"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["process", "position", "id"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return self.title


class Axis(TableScopedModel):
    """A strategy or axis of work under an objective."""

    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="axes", verbose_name=_("objective")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("strategy or axis"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["objective", "position", "id"]
        verbose_name = _("strategy or axis")
        verbose_name_plural = _("strategies or axes")

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("plan action", "Planned")
    UNDER_WAY = "under_way", pgettext_lazy("plan action", "Under way")
    DONE = "done", pgettext_lazy("plan action", "Done")
    LATE = "late", pgettext_lazy("plan action", "Late")
    SUSPENDED = "suspended", pgettext_lazy("plan action", "Suspended")
    ABANDONED = "abandoned", pgettext_lazy("plan action", "Abandoned")


class ActionOrigin(models.TextChoices):
    """Whether the action was set beforehand or built together (see the charter)."""

    FIXED = "fixed", _("Fixed in advance (non-negotiable)")
    CO_CONSTRUCTED = "co_constructed", _("Co-constructed")


class PlanAction(TableScopedModel):
    """An action of the plan, with who is accountable for it (« imputable »)."""

    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.CASCADE,
        related_name="plan_actions",
        verbose_name=_("process"),
    )
    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="actions", verbose_name=_("objective")
    )
    axis = models.ForeignKey(
        Axis,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("strategy or axis"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("action"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    accountable_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accountable_plan_actions",
        verbose_name=_("accountable organization"),
    )
    accountable_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accountable_plan_actions",
        verbose_name=_("accountable person"),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    origin = models.CharField(
        _("origin"),
        max_length=16,
        choices=ActionOrigin.choices,
        default=ActionOrigin.CO_CONSTRUCTED,
    )
    revision = models.PositiveIntegerField(default=0)
    # When the accountable person was last reminded (one reminder per period).
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["objective__position", "objective_id", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="plan_action_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["process", "status"])]
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")

    def __str__(self) -> str:
        return self.title

    @property
    def status_label(self) -> str:
        return str(ActionStatus(self.status).label)

    @property
    def origin_label(self) -> str:
        return str(ActionOrigin(self.origin).label)


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Co-leads")
    CONTRIBUTES = "contributes", _("Contributes")
    SUPPORTS = "supports", _("Supports")
    INFORMED = "informed", _("Kept informed")


class ActionPartner(TableScopedModel):
    """A partner organization of an action and its role in it."""

    action = models.ForeignKey(
        PlanAction, on_delete=models.CASCADE, related_name="partners", verbose_name=_("action")
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="plan_partnerships",
        verbose_name=_("organization"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=PartnerRole.choices, default=PartnerRole.CONTRIBUTES
    )
    role_detail = models.CharField(_("role in a few words"), max_length=200, blank=True)

    class Meta:
        ordering = ["action", "organization__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "organization"], name="action_partner_unique"
            ),
        ]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return str(self.organization)


class ProgressUpdate(TableScopedModel):
    """A dated report on an action: where it stands, in a few words, with evidence."""

    action = models.ForeignKey(
        PlanAction,
        on_delete=models.CASCADE,
        related_name="progress_updates",
        verbose_name=_("action"),
    )
    reported_on = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=12, choices=ActionStatus.choices)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    evidence = models.FileField(_("evidence"), upload_to="plans/%Y/%m/", blank=True)
    evidence_name = models.CharField(_("evidence name"), max_length=255, blank=True)
    evidence_content_type = models.CharField(max_length=100, blank=True)
    evidence_size = models.PositiveBigIntegerField(null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    # Recorded from the signed link of a reminder e-mail, without signing in.
    via_link = models.BooleanField(default=False)

    class Meta:
        ordering = ["-reported_on", "-id"]
        indexes = [models.Index(fields=["action", "-reported_on"])]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.action} — {self.reported_on.isoformat()}"

    @property
    def status_label(self) -> str:
        return str(ActionStatus(self.status).label)
