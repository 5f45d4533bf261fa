"""The charter (« cadre de référence »): a guided reflection, adopted by version."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


class CharterStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")


class TableRole(models.TextChoices):
    NETWORKING = "networking", _("Networking and communication")
    COHERENCE = "coherence", _("Coherence and complementarity of members' actions")
    COLLECTIVE_PROJECTS = "collective_projects", _("Collective projects")
    CAPACITY_BUILDING = "capacity_building", _("Capacity building")
    INFLUENCE = "influence", _("Positioning and influence on decision makers")


class CharterVersion(TableScopedModel):
    """One numbered version of a table's charter.

    A table has at most one draft. Adopting the draft freezes it for good;
    a revision starts a new draft copied from the latest adopted version.

    `answers` maps a question key (see charters/questions.py) to
    {"text": str, "status": "draft" | "proposed"}. The structured choices
    are JSON lists: `table_roles` (TableRole values), `non_negotiables` and
    `co_constructed` (short texts), `accountabilities` ({"what", "who"}
    pairs), `needed_sectors` (Sector codes) and `needed_actor_types`
    (members.ActorType values), which the coverage view compares with the
    seats.
    """

    table = models.ForeignKey(
        "tables.Table",
        on_delete=models.PROTECT,
        related_name="charter_versions",
        verbose_name=_("table"),
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=CharterStatus.choices, default=CharterStatus.DRAFT
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    table_roles = models.JSONField(_("roles of the table"), default=list, blank=True)
    non_negotiables = models.JSONField(_("fixed, non-negotiable"), default=list, blank=True)
    co_constructed = models.JSONField(_("to be co-constructed"), default=list, blank=True)
    accountabilities = models.JSONField(_("who is accountable for what"), default=list, blank=True)
    needed_sectors = models.JSONField(_("sectors needed"), default=list, blank=True)
    needed_actor_types = models.JSONField(_("types of actors needed"), default=list, blank=True)
    # Bumped on every save of the draft: a stale edit is refused, not merged silently.
    revision = models.PositiveIntegerField(default=0)
    adopted_at = models.DateTimeField(_("adopted"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adoption_note = models.CharField(_("adoption note"), max_length=300, blank=True)

    class Meta:
        ordering = ["table", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["table", "number"], name="unique_charter_version"),
            models.UniqueConstraint(
                fields=["table"], condition=Q(status="draft"), name="one_charter_draft_per_table"
            ),
        ]
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")

    def __str__(self) -> str:
        return f"{self.table} — v{self.number}"

    @property
    def is_adopted(self) -> bool:
        return self.status == CharterStatus.ADOPTED


class CharterComment(TableScopedModel):
    """A member's comment on one answer of a draft charter."""

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="+", verbose_name=_("table")
    )
    version = models.ForeignKey(
        CharterVersion,
        on_delete=models.PROTECT,
        related_name="comments",
        verbose_name=_("version"),
    )
    question_key = models.CharField(_("question"), max_length=60)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"
