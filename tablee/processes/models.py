"""Collective processes (« démarches ») of a table and their eight stages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


class StageKind(models.TextChoices):
    """The eight stages of the collective action cycle, in their usual order."""

    PORTRAIT = "portrait", _("Portrait of the territory")
    DIAGNOSTIC = "diagnostic", _("Shared diagnostic")
    VISION = "vision", _("Common vision")
    PRIORITISATION = "prioritisation", _("Priorities")
    GOVERNANCE = "governance", _("Planning how we work together")
    IMPLEMENTATION = "implementation", _("Carrying out the actions")
    FOLLOW_UP = "follow_up", _("Follow-up")
    EVALUATION = "evaluation", _("Evaluation")


class StageStatus(models.TextChoices):
    TO_COME = "to_come", _("To come")
    UNDER_WAY = "under_way", _("Under way")
    DONE = "done", _("Done")


class Process(TableScopedModel):
    """A collective process of a table: a multi-year action plan, a thematic project."""

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="processes", verbose_name=_("table")
    )
    slug = models.SlugField(_("short name (for addresses)"), max_length=60)
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "title", "id"]
        constraints = [
            models.UniqueConstraint(fields=["table", "slug"], name="process_slug_unique_in_table"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="process_ends_after_start",
            ),
        ]
        verbose_name = _("collective process")
        verbose_name_plural = _("collective processes")

    def __str__(self) -> str:
        return self.title


class Stage(TableScopedModel):
    """One of the eight stages of a process, with its dates and deliverables."""

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="stages", verbose_name=_("process")
    )
    kind = models.CharField(_("stage"), max_length=20, choices=StageKind.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=StageStatus.choices, default=StageStatus.TO_COME
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    question = models.TextField(_("question this stage answers"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Deliverables and the work that happened during the stage: decisions of
    # the register, meetings and polls (their attendance and answers are what
    # the mobilisation view counts as "engaged").
    decisions = models.ManyToManyField(
        "decisions.Decision", blank=True, related_name="stages", verbose_name=_("decisions")
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="stages", verbose_name=_("meetings")
    )
    polls = models.ManyToManyField(
        "polls.Poll", blank=True, related_name="stages", verbose_name=_("polls")
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["process", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "kind"], name="stage_kind_unique_in_process"
            ),
        ]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self) -> str:
        return str(self.get_kind_display())
