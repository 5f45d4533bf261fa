"""Vision and priorities of a collective process.

The common vision is written and adopted by numbered version, like the
charter: adopting a version records a decision in the register and freezes
the version for good; a revision opens a new draft. Prioritisation rounds
let members rate candidate actions or objectives on criteria chosen by the
table, within a window; the ranked list is then adopted by a decision.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


class VisionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PROPOSED = "proposed", _("Proposed for adoption")
    ADOPTED = "adopted", _("Adopted")


class VisionVersion(TableScopedModel):
    """One numbered version of the common vision of a process.

    A process has at most one version being written (draft or proposed).
    Adopting it records a decision in the register and freezes the text.
    """

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="+", verbose_name=_("table")
    )
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.CASCADE,
        related_name="vision_versions",
        verbose_name=_("process"),
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=VisionStatus.choices, default=VisionStatus.DRAFT
    )
    statement = models.TextField(_("vision statement"), blank=True)
    # Bumped on every save: a stale edit is refused, not merged silently.
    revision = models.PositiveIntegerField(default=0)
    proposed_at = models.DateTimeField(_("proposed"), null=True, blank=True)
    adopted_at = models.DateTimeField(_("adopted"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["process", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "number"], name="unique_vision_version_number"
            ),
            models.UniqueConstraint(
                fields=["process"],
                condition=~Q(status="adopted"),
                name="one_vision_draft_per_process",
            ),
            models.CheckConstraint(
                condition=Q(status="adopted", decision__isnull=False, adopted_at__isnull=False)
                | ~Q(status="adopted"),
                name="adopted_vision_has_decision",
            ),
        ]
        verbose_name = _("vision version")
        verbose_name_plural = _("vision versions")

    def __str__(self) -> str:
        return f"{self.process} — vision v{self.number}"

    @property
    def is_adopted(self) -> bool:
        return self.status == VisionStatus.ADOPTED


class VisionComment(TableScopedModel):
    """A member's comment on a version of the vision being written."""

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="+", verbose_name=_("table")
    )
    version = models.ForeignKey(
        VisionVersion, on_delete=models.CASCADE, related_name="comments", verbose_name=_("version")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment on the vision")
        verbose_name_plural = _("comments on the vision")

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"


class RoundMethod(models.TextChoices):
    RATINGS = "ratings", _("Rating on criteria (1 to 5)")
    DOTS = "dots", _("Dot vote (from a poll)")


class PriorityRound(TableScopedModel):
    """A prioritisation round: candidates rated on criteria within a window.

    With the "dots" method the round follows a dot-vote poll instead: its
    window is the poll's and its results are the poll's.
    """

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="+", verbose_name=_("table")
    )
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.CASCADE,
        related_name="priority_rounds",
        verbose_name=_("process"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("explanation"), blank=True)
    method = models.CharField(
        _("method"), max_length=10, choices=RoundMethod.choices, default=RoundMethod.RATINGS
    )
    poll = models.ForeignKey(
        "polls.Poll",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dot-vote poll"),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    revision = models.PositiveIntegerField(default=0)
    adopted_at = models.DateTimeField(_("adopted"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision"),
    )
    # The ranked list as adopted: [{"title", "mean", "rank"}], frozen with the round.
    adopted_ranking = models.JSONField(_("ranked list adopted"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="priority_round_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=~Q(method="dots") | Q(poll__isnull=False),
                name="priority_round_dots_has_poll",
            ),
        ]
        indexes = [models.Index(fields=["process", "-opens_at"])]
        verbose_name = _("prioritisation round")
        verbose_name_plural = _("prioritisation rounds")

    def __str__(self) -> str:
        return self.title

    @property
    def is_adopted(self) -> bool:
        return self.adopted_at is not None


class RoundCriterion(TableScopedModel):
    """A criterion the table chose for a round (expected impact, urgency…)."""

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    round = models.ForeignKey(
        PriorityRound, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("round")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("criterion"), max_length=120)

    class Meta:
        ordering = ["round", "position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.label


class Candidate(TableScopedModel):
    """An action or objective put to the round, optionally tied to the plan."""

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    round = models.ForeignKey(
        PriorityRound,
        on_delete=models.CASCADE,
        related_name="candidates",
        verbose_name=_("round"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("candidate"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    objective = models.ForeignKey(
        "plans.Objective",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("objective of the plan"),
    )
    plan_action = models.ForeignKey(
        "plans.PlanAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("action of the plan"),
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["round", "position", "id"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self) -> str:
        return self.title


class Rating(TableScopedModel):
    """One person's rating of one candidate on one criterion, from 1 to 5.

    Stored per person so that each can change their own until the round
    closes; pages and the API only ever show aggregates.
    """

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    round = models.ForeignKey(PriorityRound, on_delete=models.CASCADE, related_name="ratings")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="ratings")
    criterion = models.ForeignKey(RoundCriterion, on_delete=models.CASCADE, related_name="ratings")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("rating"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "criterion", "rater"], name="one_rating_per_person"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="rating_between_1_and_5"
            ),
        ]
        indexes = [models.Index(fields=["round", "rater"])]

    def __str__(self) -> str:
        return f"{self.candidate} / {self.criterion}: {self.score}"
