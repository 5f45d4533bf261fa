"""Plan reports, exports and imports; the coordination's own sections of annual reports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


class AnnualReportText(TableScopedModel):
    """What the coordination writes in its own words for one year's report.

    Saved, so a long text is never lost with a closed tab and every member
    downloads the same report; the activity log keeps each change.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    introduction = models.TextField(_("introduction"), blank=True)
    outlook = models.TextField(_("outlook"), blank=True)
    revision = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["table", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["table", "year"], name="reports_one_text_per_year")
        ]
        verbose_name = _("annual report text")
        verbose_name_plural = _("annual report texts")

    def __str__(self) -> str:
        return f"{self.table} {self.year}"
