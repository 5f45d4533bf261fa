"""The platform-wide registry of organizations, and how they relate within a table."""

import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel, TimeStampedModel


def normalize_name(value: str) -> str:
    """Return a comparison key: no case, no accents, no punctuation, single spaces.

    "Centre d'action bénévole" and "CENTRE D ACTION BENEVOLE" share one key,
    so the registry catches duplicates that differ only in typing.
    """
    decomposed = unicodedata.normalize("NFKD", value or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = "".join(c if c.isalnum() else " " for c in stripped.casefold())
    return " ".join(cleaned.split())


class Sector(models.Model):
    """A sector of activity (configurable taxonomy, shared by every table)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "fr").startswith("en") else self.name_fr


class OrganizationKind(models.TextChoices):
    PUBLIC = "public", _("Public body")
    COMMUNITY = "community", _("Community organization")
    PRIVATE = "private", _("Private business")
    CITIZEN = "citizen", _("Citizen group")


class OrganizationQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)


class Organization(TimeStampedModel):
    """An organization of the territory, registered once for the whole platform."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("sector"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    territory = models.CharField(_("territory served"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("general e-mail"), blank=True)
    contact_phone = models.CharField(_("general phone"), max_length=40, blank=True)
    # Comparison keys kept in sync by the services, for duplicate detection.
    name_key = models.CharField(max_length=200, unique=True, editable=False)
    acronym_key = models.CharField(max_length=30, blank=True, db_index=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class RelationLevel(models.TextChoices):
    COLLABORATION = "collaboration", _("Collaboration")
    CONCERTATION = "concertation", _("Concertation")
    PARTNERSHIP = "partnership", _("Partnership")


class OrganizationRelation(TableScopedModel):
    """How two organizations relate, as a table sees it, over a period.

    A change of level closes the current row (ended_on) and opens a new one,
    so the history of the relation stays readable.
    """

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="+", verbose_name=_("table")
    )
    # Stored with first.pk < second.pk so a pair has one spelling.
    first = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    second = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    level = models.CharField(_("level"), max_length=20, choices=RelationLevel.choices)
    agreement_title = models.CharField(_("agreement"), max_length=200, blank=True)
    agreement_start = models.DateField(_("agreement start"), null=True, blank=True)
    agreement_end = models.DateField(_("agreement end"), null=True, blank=True)
    agreement_document = models.FileField(
        _("agreement document"), upload_to="agreements/%Y/", blank=True
    )
    note = models.TextField(_("note"), blank=True)
    started_on = models.DateField(_("since"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="relation_pair_ordered"
            ),
            models.UniqueConstraint(
                fields=["table", "first", "second"],
                condition=Q(ended_on__isnull=True),
                name="one_current_relation_per_pair",
            ),
        ]
        verbose_name = _("relation between organizations")
        verbose_name_plural = _("relations between organizations")

    def __str__(self) -> str:
        return f"{self.first} — {self.second}: {self.level_label}"

    @property
    def level_label(self) -> str:
        return str(RelationLevel(self.level).label)
