"""The decision register of a table."""

import unicodedata

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


def search_key(value: str) -> str:
    """Return a search key: no case, no accents, single spaces.

    Stored beside the wording so that "reseau" finds "Réseau" with a plain
    `contains` on SQLite and PostgreSQL alike (no unaccent extension needed).
    """
    decomposed = unicodedata.normalize("NFKD", value or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


class Modality(models.TextChoices):
    CONSENSUS = "consensus", _("Consensus")
    CONSENT = "consent", _("Consent (no objection)")
    MAJORITY = "majority", _("Majority vote")
    AGREEMENT_SCALE = "agreement_scale", _("Degree of agreement (five levels)")


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Rejected")
    DEFERRED = "deferred", _("Deferred")


class Decision(TableScopedModel):
    """A decision as recorded in the register.

    Counts are stored as taken. For a majority vote, `threshold_percent` is
    the share of votes cast needed (50 = more than half). For the agreement
    scale, `agreement_counts` holds five counts, from full agreement to
    blocking. A decision that amends or supersedes another points to it; the
    register derives what is in force from those links.
    """

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="decisions", verbose_name=_("table")
    )
    number = models.PositiveIntegerField(_("number"))
    wording = models.TextField(_("wording"))
    # search_key(wording): written once, decisions are never edited.
    search_text = models.TextField(default="", blank=True, editable=False)
    decided_on = models.DateField(_("date"))
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("meeting"),
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    poll = models.ForeignKey(
        "polls.Poll",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("poll"),
    )
    modality = models.CharField(_("modality"), max_length=20, choices=Modality.choices)
    threshold_percent = models.PositiveSmallIntegerField(_("threshold (%)"), null=True, blank=True)
    outcome = models.CharField(
        _("result"), max_length=10, choices=Outcome.choices, default=Outcome.ADOPTED
    )
    votes_for = models.PositiveIntegerField(_("for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("against"), null=True, blank=True)
    abstentions = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    objections = models.PositiveIntegerField(_("objections"), null=True, blank=True)
    agreement_counts = models.JSONField(_("agreement levels"), default=list, blank=True)
    dissent = models.TextField(_("dissent recorded"), blank=True)
    # [{"name": "...", "text": "..."}] when people ask for their reservation to be named.
    reservations = models.JSONField(_("named reservations"), default=list, blank=True)
    accountable_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accountable organization"),
    )
    accountable_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accountable person"),
    )
    amends = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amended_by",
        verbose_name=_("amends"),
    )
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("supersedes"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["table", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["table", "number"], name="unique_decision_number")
        ]
        indexes = [
            models.Index(fields=["table", "-decided_on"]),
            # Few decisions amend or supersede another: with planner statistics,
            # the plain foreign-key indexes (mostly NULL) look useless to SQLite
            # and the "in force" subqueries scanned the whole register.
            models.Index(
                fields=["supersedes"],
                condition=models.Q(supersedes__isnull=False),
                name="decision_supersedes_set",
            ),
            models.Index(
                fields=["amends"],
                condition=models.Q(amends__isnull=False),
                name="decision_amends_set",
            ),
        ]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"#{self.number} {self.wording[:60]}"

    @property
    def modality_label(self) -> str:
        return str(Modality(self.modality).label)

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label)
