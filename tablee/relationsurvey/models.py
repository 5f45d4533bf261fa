"""Relations survey (« Carte des liens »): waves, who takes part, answers per organization.

A wave snapshots the organizations seated at the table when it is created
(`Participant`), so its response rate and the « joined / left » between two
waves never move afterwards. Each participating organization answers once
per wave (`AnswerSet`): one `Rating` per other participating organization,
a level of joint work from 0 to 5 and, when the wave asks, trust and value
from 1 to 4. Trust and value are only ever shown as means received by an
organization from at least `anonymity_threshold` organizations.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tablee.core.models import TableScopedModel

MIN_THRESHOLD = 3
DEFAULT_THRESHOLD = 5
DEFAULT_TIE_LEVEL = 2
MIN_LEVEL, MAX_LEVEL = 0, 5
RATING_MIN, RATING_MAX = 1, 4


class JointWork(models.IntegerChoices):
    """The continuum of joint work, from no link to a shared project."""

    NONE = 0, _("No link")
    KNOW = 1, _("Knowing each other")
    INFORM = 2, _("Sharing information")
    COORDINATE = 3, _("Coordinating our actions")
    DECIDE = 4, _("Deciding together")
    POOL = 5, _("Joint project with pooled resources")


class Rating(models.IntegerChoices):
    """The four-point scale of trust and of value."""

    LOW = 1, pgettext_lazy("trust or value", "Low")
    MODERATE = 2, pgettext_lazy("trust or value", "Moderate")
    HIGH = 3, pgettext_lazy("trust or value", "High")
    VERY_HIGH = 4, pgettext_lazy("trust or value", "Very high")


class TieRule(models.TextChoices):
    EITHER = "either", _("Either organization reports it")
    BOTH = "both", _("Both organizations report it")


class Wave(TableScopedModel):
    title = models.CharField(_("title"), max_length=200)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    tie_level = models.PositiveSmallIntegerField(
        _("a tie counts from level"),
        default=DEFAULT_TIE_LEVEL,
        help_text=_("From 1 to 5 (default 2, sharing information)."),
    )
    tie_rule = models.CharField(
        _("a tie counts when"), max_length=10, choices=TieRule.choices, default=TieRule.EITHER
    )
    ask_trust_value = models.BooleanField(_("also ask for trust and value"), default=False)
    anonymity_threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold"),
        default=DEFAULT_THRESHOLD,
        help_text=_(
            "Trust and value received by an organization are shown only when at least this "
            "many organizations rated it (3 at least)."
        ),
    )
    revision = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["table", "-opens_at", "-id"]
        indexes = [models.Index(fields=["table", "opens_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="relation_wave_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(anonymity_threshold__gte=MIN_THRESHOLD),
                name="relation_wave_threshold_minimum",
            ),
            models.CheckConstraint(
                condition=Q(tie_level__gte=1, tie_level__lte=MAX_LEVEL),
                name="relation_wave_tie_level_1_to_5",
            ),
        ]
        verbose_name = _("relations survey wave")
        verbose_name_plural = _("relations survey waves")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "relationsurvey:wave-detail",
            kwargs={"table_slug": self.table.slug, "wave_id": self.pk},
        )

    @property
    def state(self) -> str:
        now = timezone.now()
        if now < self.opens_at:
            return "upcoming"
        if now < self.closes_at:
            return "open"
        return "closed"

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    @property
    def is_closed(self) -> bool:
        return self.state == "closed"


class Participant(TableScopedModel):
    """An organization seated at the table when the wave was created.

    The sector is copied too, so a later change in the registry does not
    rewrite the wave's reading by sector.
    """

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="participants", verbose_name=_("wave")
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organization"),
    )
    sector = models.ForeignKey(
        "organizations.Sector",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )

    class Meta:
        ordering = ["wave", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "organization"], name="relation_wave_one_participant_per_org"
            )
        ]
        verbose_name = _("participating organization")
        verbose_name_plural = _("participating organizations")

    def __str__(self) -> str:
        return f"{self.wave_id}:{self.organization_id}"


class AnswerSet(TableScopedModel):
    """The answers of one organization in one wave, saved as a whole."""

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="answer_sets", verbose_name=_("wave")
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organization"),
    )
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Entered by the coordination (answers collected on paper, for example).
    entered_by_coordination = models.BooleanField(_("entered by the coordination"), default=False)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["wave", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "organization"], name="relation_wave_one_answer_set_per_org"
            )
        ]
        verbose_name = _("answers of an organization")
        verbose_name_plural = _("answers of organizations")

    def __str__(self) -> str:
        return f"{self.wave_id}:{self.organization_id}"


class TieRating(TableScopedModel):
    """What `source` says of its relation with `target` in one wave."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="+")
    answer_set = models.ForeignKey(AnswerSet, on_delete=models.CASCADE, related_name="ratings")
    source = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    target = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level of joint work"), choices=JointWork.choices)
    trust = models.PositiveSmallIntegerField(
        _("trust"), choices=Rating.choices, null=True, blank=True
    )
    value = models.PositiveSmallIntegerField(
        _("value"), choices=Rating.choices, null=True, blank=True
    )

    class Meta:
        ordering = ["answer_set", "id"]
        indexes = [models.Index(fields=["wave", "source", "target"])]
        constraints = [
            models.UniqueConstraint(
                fields=["answer_set", "target"], name="relation_rating_one_per_target"
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")), name="relation_rating_not_self"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=MIN_LEVEL, level__lte=MAX_LEVEL),
                name="relation_rating_level_0_to_5",
            ),
            models.CheckConstraint(
                condition=Q(trust__isnull=True) | Q(trust__gte=RATING_MIN, trust__lte=RATING_MAX),
                name="relation_rating_trust_1_to_4",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=RATING_MIN, value__lte=RATING_MAX),
                name="relation_rating_value_1_to_4",
            ),
        ]
        verbose_name = _("rating of a relation")
        verbose_name_plural = _("ratings of relations")

    def __str__(self) -> str:
        return f"{self.source_id}→{self.target_id}: {self.level}"
