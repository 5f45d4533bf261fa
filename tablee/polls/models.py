"""Votes and polls between meetings, with exact and documented counting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


class PollKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    APPROVAL = "approval", _("Approval (any number of choices)")
    RANKED = "ranked", _("Ranked choice (instant runoff)")
    DOTS = "dots", _("Dot voting")
    SCALE = "scale", _("Scale from 1 to 5")


class VoterUnit(models.TextChoices):
    SEAT = "seat", _("One vote per seat")
    PERSON = "person", _("One vote per person")


class PollStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Poll(TableScopedModel):
    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="polls", verbose_name=_("table")
    )
    committee = models.ForeignKey(
        "members.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="polls",
        verbose_name=_("committee"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="polls",
        verbose_name=_("meeting"),
    )
    question = models.CharField(_("question"), max_length=300)
    description = models.TextField(_("explanation"), blank=True)
    kind = models.CharField(_("kind of vote"), max_length=10, choices=PollKind.choices)
    dots_per_voter = models.PositiveSmallIntegerField(_("dots per voter"), null=True, blank=True)
    voter_unit = models.CharField(
        _("who votes"), max_length=10, choices=VoterUnit.choices, default=VoterUnit.PERSON
    )
    is_secret = models.BooleanField(_("secret ballot"), default=False)
    hide_results_until_closed = models.BooleanField(_("hide results until closing"), default=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    status = models.CharField(
        _("status"), max_length=10, choices=PollStatus.choices, default=PollStatus.DRAFT
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="poll_closes_after_opening"
            )
        ]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self) -> str:
        return self.question


class PollOption(TableScopedModel):
    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("option"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["poll", "position", "id"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.label


class Participation(TableScopedModel):
    """That a person (for a seat, when votes are per seat) has voted.

    Kept apart from the ballot's content: for a secret ballot the content is
    stored without any link to who cast it.
    """

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="participations")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    seat = models.ForeignKey(
        "members.Seat", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter"], name="one_participation_per_person"),
            models.UniqueConstraint(
                fields=["poll", "seat"],
                condition=Q(seat__isnull=False),
                name="one_participation_per_seat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.poll}: {self.voter}"


class Ballot(TableScopedModel):
    """What was chosen. `choices` depends on the kind of poll:

    single: [option_id]; approval: [option_id, ...]; ranked: [option_id, ...]
    in order of preference; dots: {option_id: dots}; scale: {option_id: 1..5}.
    `participation` is empty for a secret ballot.
    """

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    participation = models.OneToOneField(
        Participation, on_delete=models.CASCADE, null=True, blank=True, related_name="ballot"
    )
    choices = models.JSONField()

    def __str__(self) -> str:
        return f"ballot {self.pk}"
