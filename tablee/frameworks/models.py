"""Frameworks, obstacles and levers.

Two registers per table: the normative frameworks it works within
(« dispositifs normatifs ») and what frames which objectives and actions;
and the obstacles and favourable conditions met along the way, with what
the table decided to do about each.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


class FrameworkKind(models.TextChoices):
    LAW = "law", _("Law or regulation")
    PROGRAM = "program", _("Government program or sector plan")
    AGREEMENT = "agreement", _("Agreement or « entente »")
    PROTOCOL = "protocol", _("Intervention protocol")
    ETHICS = "ethics", _("Code of ethics")
    OTHER = "other", _("Other")


class Framework(TableScopedModel):
    """A law, program, agreement, protocol or code that frames the table's work."""

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=FrameworkKind.choices)
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    starts_on = models.DateField(_("in force from"), null=True, blank=True)
    ends_on = models.DateField(_("in force until"), null=True, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    document = models.FileField(_("document"), upload_to="frameworks/", blank=True)
    document_name = models.CharField(_("document name"), max_length=255, blank=True)
    document_type = models.CharField(max_length=100, blank=True)
    document_size = models.PositiveBigIntegerField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    objectives = models.ManyToManyField(
        "plans.Objective", blank=True, related_name="frameworks", verbose_name=_("objectives")
    )
    actions = models.ManyToManyField(
        "plans.PlanAction", blank=True, related_name="frameworks", verbose_name=_("actions")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["kind", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="framework_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["table", "kind"])]
        verbose_name = _("normative framework")
        verbose_name_plural = _("normative frameworks")

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        return str(FrameworkKind(self.kind).label)


class ConditionKind(models.TextChoices):
    OBSTACLE = "obstacle", _("Obstacle")
    FAVOURABLE = "favourable", _("Favourable condition")


class ConditionCategory(models.TextChoices):
    """The categories of the World Café synthesis on intersectoral action."""

    FUNDING = "funding", _("Funding")
    POLITICAL = "political", _("Political context")
    LOGICS = "logics", _("Clashing logics of action")
    COMMUNICATION = "communication", _("Communication")
    CONFLICTS = "conflicts", _("Conflicts")
    RISK_TAKING = "risk_taking", _("Taking risks")
    SELF_QUESTIONING = "self_questioning", _("Questioning ourselves")
    SHARED_VISION = "shared_vision", _("A shared vision of needs")
    LINKAGE = "linkage", _("Linkage of the actors concerned")
    OTHER = "other", _("Other")


OBSTACLE_CATEGORIES = (
    ConditionCategory.FUNDING,
    ConditionCategory.POLITICAL,
    ConditionCategory.LOGICS,
    ConditionCategory.COMMUNICATION,
    ConditionCategory.CONFLICTS,
    ConditionCategory.OTHER,
)
FAVOURABLE_CATEGORIES = (
    ConditionCategory.RISK_TAKING,
    ConditionCategory.SELF_QUESTIONING,
    ConditionCategory.SHARED_VISION,
    ConditionCategory.LINKAGE,
    ConditionCategory.OTHER,
)
CATEGORIES_BY_KIND = {
    ConditionKind.OBSTACLE: OBSTACLE_CATEGORIES,
    ConditionKind.FAVOURABLE: FAVOURABLE_CATEGORIES,
}


class ConditionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ADDRESSED = "addressed", _("Addressed")


class Condition(TableScopedModel):
    """An obstacle or a favourable condition the table noticed, and its answer."""

    kind = models.CharField(_("kind"), max_length=12, choices=ConditionKind.choices)
    category = models.CharField(_("category"), max_length=20, choices=ConditionCategory.choices)
    description = models.TextField(_("description"))
    noticed_on = models.DateField(_("noticed on"))
    actions = models.ManyToManyField(
        "plans.PlanAction",
        blank=True,
        related_name="conditions",
        verbose_name=_("plan actions concerned"),
    )
    stages = models.ManyToManyField(
        "processes.Stage", blank=True, related_name="conditions", verbose_name=_("stages")
    )
    response = models.TextField(_("what the table decided to do"), blank=True)
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ConditionStatus.choices, default=ConditionStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-noticed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    kind=ConditionKind.OBSTACLE,
                    category__in=[c.value for c in OBSTACLE_CATEGORIES],
                )
                | models.Q(
                    kind=ConditionKind.FAVOURABLE,
                    category__in=[c.value for c in FAVOURABLE_CATEGORIES],
                ),
                name="condition_category_matches_kind",
            ),
        ]
        indexes = [models.Index(fields=["table", "-noticed_on"])]
        verbose_name = _("obstacle or favourable condition")
        verbose_name_plural = _("obstacles and favourable conditions")

    def __str__(self) -> str:
        text = " ".join(self.description.split())
        return text if len(text) <= 80 else text[:79] + "…"

    @property
    def kind_label(self) -> str:
        return str(ConditionKind(self.kind).label)

    @property
    def category_label(self) -> str:
        return str(ConditionCategory(self.category).label)

    @property
    def status_label(self) -> str:
        return str(ConditionStatus(self.status).label)
