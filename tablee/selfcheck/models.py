"""Winning conditions self-check: one check of a table, one card per condition."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel
from tablee.selfcheck.conditions import BY_CODE, CODE_CHOICES


class CheckStatus(models.TextChoices):
    DRAFT = "draft", _("In progress")
    COMPLETED = "completed", _("Completed")


class SelfCheck(TableScopedModel):
    held_on = models.DateField(_("date"))
    status = models.CharField(
        _("status"), max_length=10, choices=CheckStatus.choices, default=CheckStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["table", "status", "held_on"])]
        verbose_name = _("winning conditions self-check")
        verbose_name_plural = _("winning conditions self-checks")

    def __str__(self) -> str:
        return f"{self.table} — {self.held_on}"

    def get_absolute_url(self) -> str:
        return reverse(
            "selfcheck:selfcheck-detail",
            kwargs={"table_slug": self.table.slug, "check_id": self.pk},
        )

    @property
    def is_completed(self) -> bool:
        return self.status == CheckStatus.COMPLETED


class ConditionAssessment(TableScopedModel):
    check_run = models.ForeignKey(
        SelfCheck, on_delete=models.CASCADE, related_name="cards", verbose_name=_("self-check")
    )
    code = models.CharField(_("condition"), max_length=20, choices=CODE_CHOICES)
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    charter_versions = models.ManyToManyField(
        "charters.CharterVersion", blank=True, related_name="+", verbose_name=_("charter")
    )
    decisions = models.ManyToManyField(
        "decisions.Decision", blank=True, related_name="+", verbose_name=_("decisions")
    )
    minutes = models.ManyToManyField(
        "minutes.Minutes", blank=True, related_name="+", verbose_name=_("minutes")
    )
    frameworks = models.ManyToManyField(
        "frameworks.Framework", blank=True, related_name="+", verbose_name=_("agreements")
    )
    onboarding = models.BooleanField(_("welcome page for members"), default=False)
    plan_action = models.ForeignKey(
        "plans.PlanAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("plan action"),
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["check_run", "id"]
        constraints = [
            models.UniqueConstraint(fields=["check_run", "code"], name="one_card_per_condition"),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=1, level__lte=4),
                name="card_level_1_to_4",
            ),
        ]
        verbose_name = _("condition card")
        verbose_name_plural = _("condition cards")

    def __str__(self) -> str:
        return f"{self.check_run_id}:{self.code}"

    @property
    def condition(self):
        return BY_CODE[self.code]

    @property
    def level_text(self):
        return self.condition.level_text(self.level)
