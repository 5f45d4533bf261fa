from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel, TimeStampedModel


class TableQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)


class Table(TimeStampedModel):
    """A concertation table: the tenant that owns everything else."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name (in addresses)"), max_length=60, unique=True)
    territory = models.CharField(_("territory"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language of the table"),
        max_length=10,
        choices=[("fr-ca", "Français"), ("en", "English")],
        default="fr-ca",
    )
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = TableQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("table")
        verbose_name_plural = _("tables")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("tables:table-home", kwargs={"table_slug": self.slug})

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")


class MembershipQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_at__isnull=True)

    def for_table(self, table):
        return self.filter(table=table)


class Membership(TableScopedModel):
    """The role a person holds in a table. Ended memberships stay as history."""

    table = models.ForeignKey(
        Table, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("table")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["table", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "user"],
                condition=Q(ended_at__isnull=True),
                name="one_current_membership_per_table",
            )
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} — {self.role_label}"

    @property
    def role_label(self) -> str:
        """The role's translated name (cheaper than get_role_display in lists)."""
        return str(Role(self.role).label)


class InvitationQuerySet(models.QuerySet):
    def for_table(self, table):
        return self.filter(table=table)

    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(TableScopedModel):
    """An e-mailed, single-use, expiring, revocable invitation into a table."""

    table = models.ForeignKey(
        Table, on_delete=models.PROTECT, related_name="invitations", verbose_name=_("table")
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    message = models.TextField(_("personal message"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.table}"

    @property
    def role_label(self) -> str:
        """The role's translated name (cheaper than get_role_display in lists)."""
        return str(Role(self.role).label)

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"
