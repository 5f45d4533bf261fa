"""Evaluation of the partnership: campaigns, anonymous responses, who answered.

Anonymity is structural. A `Response` holds the respondent attributes and
answers and has no link to a person, no timestamp and a random key (so its
order cannot be matched with the order of answers). Who answered is kept
apart in `Participation`, used only for reminders and to refuse a second
answer. No query joins the two.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel, TableScopedQuerySet

MIN_THRESHOLD = 3
DEFAULT_THRESHOLD = 5
# "Divergent perceptions" defaults; each campaign may set its own.
DEFAULT_DIVERGENCE_SD = Decimal("1.2")
DEFAULT_POLARISATION_PERCENT = 25


class Instrument(models.TextChoices):
    DIAGNOSTIC = "diagnostic", _("Partnership diagnostic")
    WHEEL = "wheel", _("Appreciation wheel")


class Mode(models.TextChoices):
    TOGETHER = "together", _("Answered together in a meeting")
    INDIVIDUAL_DISCUSSED = "individual", _("Answered individually, then discussed")
    INDIVIDUAL_COMPILED = "compiled", _("Answered individually, compiled, then discussed")


class InviteScope(models.TextChoices):
    ALL_SEATS = "seats", _("Every seat of the table")
    COMMITTEE = "committee", _("A committee")
    PEOPLE = "people", _("Named people")


class Attribute(models.TextChoices):
    SECTOR = "sector", _("Sector")
    ORGANIZATION_KIND = "organization_kind", _("Kind of organization")
    ACTOR_TYPE = "actor_type", _("Type of actor")
    ROLE = "role", _("Role at the table")
    SENIORITY = "seniority", _("Seniority at the table")


class Campaign(TableScopedModel):
    instrument = models.CharField(
        _("instrument"), max_length=20, choices=Instrument.choices, default=Instrument.DIAGNOSTIC
    )
    title = models.CharField(_("title"), max_length=200)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    mode = models.CharField(
        _("mode"), max_length=20, choices=Mode.choices, default=Mode.INDIVIDUAL_COMPILED
    )
    anonymity_threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold"),
        default=DEFAULT_THRESHOLD,
        help_text=_("No result is shown for fewer respondents than this (3 at least)."),
    )
    divergence_sd = models.DecimalField(
        _("spread that signals divergent perceptions"),
        max_digits=3,
        decimal_places=1,
        default=DEFAULT_DIVERGENCE_SD,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("2.0"))],
        help_text=_("Standard deviation on the 1 to 5 scale, from 0.5 to 2.0 (default 1.2)."),
    )
    polarisation_percent = models.PositiveSmallIntegerField(
        _("share on each side that signals polarisation (%)"),
        default=DEFAULT_POLARISATION_PERCENT,
        validators=[MinValueValidator(10), MaxValueValidator(50)],
        help_text=_(
            "Flagged when at least this share agrees and as much disagrees, from 10 to 50 "
            "(default 25)."
        ),
    )
    attributes = models.JSONField(_("respondent attributes captured"), default=list, blank=True)
    invite_scope = models.CharField(
        _("who is invited"),
        max_length=20,
        choices=InviteScope.choices,
        default=InviteScope.ALL_SEATS,
    )
    committee = models.ForeignKey(
        "members.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee"),
    )
    invited_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("people invited")
    )
    sharing_decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision to share the results"),
    )
    results_shared = models.BooleanField(_("results shared outside the table"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    last_reminded_on = models.DateField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["table", "-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="evaluation_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(anonymity_threshold__gte=MIN_THRESHOLD),
                name="evaluation_threshold_minimum",
            ),
            models.CheckConstraint(
                condition=Q(results_shared=False) | Q(sharing_decision__isnull=False),
                name="evaluation_sharing_needs_decision",
            ),
        ]
        verbose_name = _("evaluation campaign")
        verbose_name_plural = _("evaluation campaigns")

    def __str__(self) -> str:
        return self.title


class ExternalInvitation(TableScopedModel):
    """A partner outside the table (e.g. municipal staff) invited by e-mail."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="externals")
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["campaign", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "email"], name="evaluation_one_external_per_email"
            )
        ]

    def __str__(self) -> str:
        return self.email


class Participation(TableScopedModel):
    """Someone answered a campaign. Says nothing about what they answered."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    external = models.ForeignKey(
        ExternalInvitation, on_delete=models.CASCADE, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "person"],
                condition=Q(person__isnull=False),
                name="evaluation_one_answer_per_person",
            ),
            models.UniqueConstraint(
                fields=["campaign", "external"],
                condition=Q(external__isnull=False),
                name="evaluation_one_answer_per_external",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False, external__isnull=True)
                | Q(person__isnull=True, external__isnull=False),
                name="evaluation_person_or_external",
            ),
        ]


class Response(models.Model):
    """One anonymous set of answers: attributes and values, nobody's name.

    Deliberately not a TableScopedModel: no created/updated timestamps that
    could be matched with a Participation, and a random primary key.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="responses")
    attributes = models.JSONField(default=dict, blank=True)
    # {item code: 1..5, or null for "don't know"}
    answers = models.JSONField(default=dict)
    # Set only on the one answer a group agreed on together in a meeting
    # (mode "together"): how many people were there.
    people_present = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = TableScopedQuerySet.as_manager()

    def __str__(self) -> str:
        return "anonymous response"


class DiscussionNote(TableScopedModel):
    """What the table decided about one item of the discussion sheet."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="notes")
    item_code = models.CharField(max_length=20)
    text = models.TextField(_("what the table decided"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "item_code"], name="evaluation_one_note_per_item"
            )
        ]


WHEEL_MIN_AXES = 4
WHEEL_MAX_AXES = 9
WHEEL_SCALE_MAX = 10


class WheelAxis(TableScopedModel):
    """One axis of an appreciation wheel, defined before anyone scores it.

    Frozen once the campaign has a response (see services), so that every
    respondent scored the same thing and later campaigns can compare.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="wheel_axes")
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=80)
    definition = models.CharField(_("definition"), max_length=300)

    class Meta:
        ordering = ["campaign", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "position"], name="evaluation_wheel_axis_position"
            )
        ]
        verbose_name = _("wheel axis")
        verbose_name_plural = _("wheel axes")

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        """Key of this axis in `Response.answers` of a wheel campaign."""
        return f"a{self.position}"
