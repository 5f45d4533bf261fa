"""Portrait and diagnostic of the territory.

A table describes its territory with indicators (a value per year, where a
missing value stays missing: `value` is NULL, never 0), then records the
needs it identified and the strengths and resources it can build on, each
with who identified it and the evidence behind it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel

MIN_YEAR = 1900
MAX_YEAR = 2100


class TerritoryIndicator(TableScopedModel):
    """A measure of the territory (households in food insecurity, median income…)."""

    table = models.ForeignKey(
        "tables.Table",
        on_delete=models.PROTECT,
        related_name="territory_indicators",
        verbose_name=_("table"),
    )
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    geography = models.CharField(_("geography"), max_length=200, blank=True)
    description = models.TextField(_("what it measures"), blank=True)
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="territory_indicators",
        verbose_name=_("collective process"),
    )
    # Comparison key (name and geography without case, accents or
    # punctuation), kept by the services: an import finds the indicator by it.
    key = models.CharField(max_length=420, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name", "geography", "id"]
        constraints = [
            models.UniqueConstraint(fields=["table", "key"], name="portrait_indicator_unique_key"),
        ]
        verbose_name = _("territory indicator")
        verbose_name_plural = _("territory indicators")

    def __str__(self) -> str:
        return f"{self.name} — {self.geography}" if self.geography else self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "portrait:indicator-detail",
            kwargs={"table_slug": self.table.slug, "indicator_id": self.pk},
        )


class TerritoryValue(TableScopedModel):
    """The value of an indicator for one year; NULL when the data is missing."""

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(
        TerritoryIndicator,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4, null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["indicator_id", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="portrait_value_one_per_year"
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=MIN_YEAR) & models.Q(year__lte=MAX_YEAR),
                name="portrait_value_plausible_year",
            ),
        ]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self) -> str:
        return f"{self.year}: {'—' if self.value is None else self.value}"

    @property
    def is_missing(self) -> bool:
        return self.value is None


class Coverage(models.TextChoices):
    """Whether an existing service already answers a need."""

    UNKNOWN = "unknown", _("Not assessed yet")
    COVERED = "covered", _("Covered by an existing service")
    PARTLY = "partly", _("Partly covered")
    NOT_COVERED = "not_covered", _("Not covered")


class TerritoryFinding(TableScopedModel):
    """What a need and a strength share: a statement, who said it, the evidence."""

    statement = models.CharField(_("statement"), max_length=500)
    details = models.TextField(_("details"), blank=True)
    organizations = models.ManyToManyField(
        "organizations.Organization",
        blank=True,
        related_name="identified_%(class)ss",
        verbose_name=_("identified by organizations"),
    )
    sectors = models.ManyToManyField(
        "organizations.Sector",
        blank=True,
        related_name="identified_%(class)ss",
        verbose_name=_("identified by sectors"),
    )
    citizens = models.TextField(_("citizens consulted"), blank=True)
    indicators = models.ManyToManyField(
        TerritoryIndicator,
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("indicators as evidence"),
    )
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("collective process"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.statement


class Need(TerritoryFinding):
    """A need identified on the territory, and whether a service already answers it."""

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="needs", verbose_name=_("table")
    )
    coverage = models.CharField(
        _("coverage"), max_length=12, choices=Coverage.choices, default=Coverage.UNKNOWN
    )
    coverage_note = models.TextField(_("about the coverage"), blank=True)
    actions = models.ManyToManyField(
        "plans.PlanAction",
        related_name="needs",
        blank=True,
        verbose_name=_("the actions that answer this need"),
    )

    class Meta:
        ordering = ["statement", "id"]
        indexes = [models.Index(fields=["table", "coverage"])]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def get_absolute_url(self) -> str:
        return reverse(
            "portrait:need-detail", kwargs={"table_slug": self.table.slug, "need_id": self.pk}
        )

    @property
    def coverage_label(self) -> str:
        return str(Coverage(self.coverage).label)


class Strength(TerritoryFinding):
    """A strength or resource of the territory the table can build on."""

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="strengths", verbose_name=_("table")
    )

    class Meta:
        ordering = ["statement", "id"]
        verbose_name = _("strength or resource")
        verbose_name_plural = _("strengths and resources")

    def get_absolute_url(self) -> str:
        return reverse(
            "portrait:strength-detail",
            kwargs={"table_slug": self.table.slug, "strength_id": self.pk},
        )


class EvidenceDocument(TableScopedModel):
    """A file supporting a need or a strength, served only to the table's people."""

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    strength = models.ForeignKey(
        Strength, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    file = models.FileField(_("file"), upload_to="portrait/%Y/%m/")
    original_name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["original_name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(need__isnull=False) & models.Q(strength__isnull=True))
                | (models.Q(need__isnull=True) & models.Q(strength__isnull=False)),
                name="portrait_document_supports_one_finding",
            ),
        ]
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")

    def __str__(self) -> str:
        return self.original_name

    @property
    def finding(self):
        return self.need if self.need_id else self.strength
