"""Minutes of a meeting: a draft, circulated, commented, adopted, then immutable."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CIRCULATED = "circulated", _("Circulated for comments")
    ADOPTED = "adopted", _("Adopted")


class Minutes(TableScopedModel):
    """The minutes of one meeting. `body` is plain text (paragraphs, lists with "- ")."""

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="minutes", verbose_name=_("table")
    )
    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        related_name="minutes",
        verbose_name=_("meeting"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    body = models.TextField(_("text"))
    # Every save bumps it; a save based on an older revision is refused (no silent overwrite).
    revision = models.PositiveIntegerField(default=1)
    circulated_at = models.DateTimeField(_("circulated"), null=True, blank=True)
    adopted_at = models.DateTimeField(_("adopted"), null=True, blank=True)
    adopted_by_decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by decision"),
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)

    def get_absolute_url(self) -> str:
        return reverse(
            "minutes:minutes-detail",
            kwargs={"table_slug": self.table.slug, "meeting_id": self.meeting_id},
        )

    @property
    def is_adopted(self) -> bool:
        return self.status == MinutesStatus.ADOPTED

    @property
    def status_label(self) -> str:
        return str(MinutesStatus(self.status).label)


class MinutesRevision(TableScopedModel):
    """Each saved text of the draft, so edits can be compared and merged."""

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    body = models.TextField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["minutes", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="unique_minutes_revision")
        ]

    def __str__(self) -> str:
        return f"{self.minutes} r{self.number}"


class MinutesComment(TableScopedModel):
    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("comment"))

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"


class Erratum(TableScopedModel):
    """A correction to adopted minutes: the adopted text never changes."""

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="errata")
    text = models.TextField(_("correction"))
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("erratum")
        verbose_name_plural = _("errata")

    def __str__(self) -> str:
        return self.text[:60]
