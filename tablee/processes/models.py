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
    revision = models.PositiveIntegerField(default=0)

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
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="stage_ends_after_start",
            ),
        ]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self) -> str:
        return str(self.get_kind_display())


class Level(models.TextChoices):
    """How strongly a group is needed at a stage, from the lightest to the strongest."""

    INFORMED = "informed", _("To be informed")
    CONSULTED = "consulted", _("Consulted")
    CONTRIBUTING = "contributing", _("Contributing")
    DECIDING = "deciding", _("Deciding")


class GroupKind(models.TextChoices):
    SECTOR = "sector", _("Sector")
    ACTOR_TYPE = "actor_type", _("Type of actor")
    COMMITTEE = "committee", _("Committee or working group")
    SEAT = "seat", _("A particular seat")


class StageNeed(TableScopedModel):
    """A group the coordination needs at a stage, and how strongly.

    Exactly one target is set, the one that matches `group_kind`.
    """

    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="needs", verbose_name=_("stage")
    )
    group_kind = models.CharField(_("kind of group"), max_length=12, choices=GroupKind.choices)
    sector = models.ForeignKey(
        "organizations.Sector",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    actor_type = models.CharField(_("type of actor"), max_length=20, blank=True)
    committee = models.ForeignKey(
        "members.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee"),
    )
    seat = models.ForeignKey(
        "members.Seat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("seat"),
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)

    class Meta:
        ordering = ["stage", "group_kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        group_kind="sector",
                        sector__isnull=False,
                        actor_type="",
                        committee__isnull=True,
                        seat__isnull=True,
                    )
                    | models.Q(
                        group_kind="actor_type",
                        sector__isnull=True,
                        committee__isnull=True,
                        seat__isnull=True,
                    )
                    & ~models.Q(actor_type="")
                    | models.Q(
                        group_kind="committee",
                        sector__isnull=True,
                        actor_type="",
                        committee__isnull=False,
                        seat__isnull=True,
                    )
                    | models.Q(
                        group_kind="seat",
                        sector__isnull=True,
                        actor_type="",
                        committee__isnull=True,
                        seat__isnull=False,
                    )
                ),
                name="stage_need_one_target",
            ),
            models.UniqueConstraint(
                fields=["stage", "sector"],
                condition=models.Q(sector__isnull=False),
                name="stage_need_sector_once",
            ),
            models.UniqueConstraint(
                fields=["stage", "actor_type"],
                condition=~models.Q(actor_type=""),
                name="stage_need_actor_type_once",
            ),
            models.UniqueConstraint(
                fields=["stage", "committee"],
                condition=models.Q(committee__isnull=False),
                name="stage_need_committee_once",
            ),
            models.UniqueConstraint(
                fields=["stage", "seat"],
                condition=models.Q(seat__isnull=False),
                name="stage_need_seat_once",
            ),
        ]
        verbose_name = _("needed group")
        verbose_name_plural = _("needed groups")

    def __str__(self) -> str:
        return f"{self.stage}: {self.group_kind} ({self.level})"


class Lever(models.TextChoices):
    """The four levers that keep people mobilised."""

    INFORMATION = "information", _("Information")
    COMMUNICATION = "communication", _("Communication")
    MOTIVATION = "motivation", _("Motivation")
    RESOURCES = "resources", _("Resources")


class StageLever(TableScopedModel):
    """What is planned at a stage for one lever (one row per lever)."""

    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="levers", verbose_name=_("stage")
    )
    lever = models.CharField(_("lever"), max_length=15, choices=Lever.choices)
    means = models.TextField(_("planned means"), blank=True)

    class Meta:
        ordering = ["stage", "id"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "lever"], name="stage_lever_once"),
        ]
        verbose_name = _("lever")
        verbose_name_plural = _("levers")

    def __str__(self) -> str:
        return f"{self.stage}: {self.lever}"


class StageContribution(TableScopedModel):
    """A contribution made to a stage by a seat or an organization."""

    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("stage")
    )
    seat = models.ForeignKey(
        "members.Seat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("seat"),
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    contributed_on = models.DateField(_("date"))
    note = models.CharField(_("what was contributed"), max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["stage", "-contributed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(seat__isnull=False, organization__isnull=True)
                | models.Q(seat__isnull=True, organization__isnull=False),
                name="stage_contribution_seat_or_organization",
            ),
        ]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return self.note[:60]


class StageDocument(TableScopedModel):
    """A deliverable document of a stage, served only to people of the table."""

    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="documents", verbose_name=_("stage")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="processes/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["stage", "title", "id"]
        verbose_name = _("stage document")
        verbose_name_plural = _("stage documents")

    def __str__(self) -> str:
        return self.title
