"""Who sits at a table: seats and who held them, committees and their members."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


class ActorType(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic (holds levers and resources)")
    TACTICAL = "tactical", _("Tactical (acts on the ground)")
    LIVED_EXPERIENCE = "lived_experience", _("Lived-experience expert")


class ExpectedRole(models.TextChoices):
    SHARE = "share", _("Share information with the table")
    RELAY = "relay", _("Relay information inside the organization")
    REPRESENT_SECTOR = "represent_sector", _("Represent the sector")
    REPRESENT_ORGANIZATION = "represent_organization", _("Represent the organization")
    SHED_LIGHT = "shed_light", _("Shed light on the issues")
    OTHER = "other", _("Other")


class Power(models.TextChoices):
    CONTRIBUTION = "contribution", _("Contribution")
    CO_CONSTRUCTION = "co_construction", _("Co-construction")
    DECISION = "decision", _("Decision")
    EVALUATION = "evaluation", _("Evaluation of results")


class Contribution(models.TextChoices):
    LIVED_EXPERIENCE = "lived_experience", _("Lived experience")
    EXPERTISE = "expertise", _("Expertise")
    HUMAN_RESOURCES = "human_resources", _("Human resources")
    MATERIAL_RESOURCES = "material_resources", _("Material resources")
    FINANCIAL_RESOURCES = "financial_resources", _("Financial resources")
    AUTHORITY = "authority", _("Role or authority (can decide or influence)")
    PRESENCE = "presence", _("Presence and time")
    COMPETENCIES = "competencies", _("Competencies")


class Seat(TableScopedModel):
    """A place at the table: an organization's, or a citizen's without one.

    The choice lists (expected roles, powers, contributions) are stored as
    JSON lists of the choice values above.
    """

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="seats", verbose_name=_("table")
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seats",
        verbose_name=_("organization"),
    )
    # For a seat without organization (citizen, lived-experience expert), or to
    # name a seat ("Siège citoyen 1").
    label = models.CharField(_("seat name"), max_length=200, blank=True)
    sector = models.ForeignKey(
        "organizations.Sector",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector represented"),
        help_text=_("Leave empty to use the organization's sector."),
    )
    actor_type = models.CharField(_("type of actor"), max_length=20, choices=ActorType.choices)
    expected_roles = models.JSONField(_("roles expected"), default=list, blank=True)
    powers = models.JSONField(_("powers held"), default=list, blank=True)
    contributions = models.JSONField(_("contributions offered"), default=list, blank=True)
    contribution_note = models.TextField(_("contributions, in detail"), blank=True)
    mandate_start = models.DateField(_("mandate start"), null=True, blank=True)
    mandate_end = models.DateField(_("mandate end"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["table", "label", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "organization"],
                condition=Q(closed_at__isnull=True, organization__isnull=False),
                name="one_open_seat_per_organization",
            ),
            models.CheckConstraint(
                condition=Q(organization__isnull=False) | ~Q(label=""),
                name="seat_has_organization_or_name",
            ),
        ]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")

    def __str__(self) -> str:
        if self.organization_id and not self.label:
            return str(self.organization)
        return self.label

    @property
    def actor_type_label(self) -> str:
        return str(ActorType(self.actor_type).label)


class Position(models.TextChoices):
    REPRESENTATIVE = "representative", _("Representative")
    ALTERNATE = "alternate", _("Alternate")


class SeatHolding(TableScopedModel):
    """Who held a seat, as representative or alternate, and when."""

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="+", verbose_name=_("table")
    )
    seat = models.ForeignKey(
        Seat, on_delete=models.PROTECT, related_name="holdings", verbose_name=_("seat")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="seat_holdings",
        verbose_name=_("person"),
    )
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    started_on = models.DateField(_("since"))
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["seat", "position", "-started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["seat", "position"],
                condition=Q(ended_on__isnull=True),
                name="one_current_holder_per_position",
            )
        ]
        verbose_name = _("seat holding")
        verbose_name_plural = _("seat holdings")

    def __str__(self) -> str:
        return f"{self.person} — {self.seat}"

    @property
    def position_label(self) -> str:
        return str(Position(self.position).label)


class CommitteeKind(models.TextChoices):
    COMMITTEE = "committee", _("Committee")
    WORKING_GROUP = "working_group", _("Working group")


class Committee(TableScopedModel):
    """A committee or working group inside a table."""

    table = models.ForeignKey(
        "tables.Table",
        on_delete=models.PROTECT,
        related_name="committees",
        verbose_name=_("table"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=CommitteeKind.choices, default=CommitteeKind.COMMITTEE
    )
    mandate = models.TextField(_("mandate"), blank=True)
    end_date = models.DateField(_("ends on"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "name"],
                condition=Q(closed_at__isnull=True),
                name="unique_open_committee_name",
            )
        ]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self) -> str:
        return self.name


class CommitteeRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MEMBER = "member", _("Member")


class CommitteeMember(TableScopedModel):
    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="+", verbose_name=_("table")
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="members", verbose_name=_("committee")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="committee_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=CommitteeRole.choices, default=CommitteeRole.MEMBER
    )
    joined_on = models.DateField(_("since"))
    left_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["committee", "person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "person"],
                condition=Q(left_on__isnull=True),
                name="one_current_committee_membership",
            )
        ]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self) -> str:
        return f"{self.person} — {self.committee}"


class ContactCard(models.Model):
    """What a person agrees to show in the who's-who of their tables.

    Kept beside the account rather than on it: the directory is this app's
    concern. Nothing here is shown unless `directory_consent` is true, and
    then only to people allowed to see contact details.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contact_card",
        verbose_name=_("person"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    directory_consent = models.BooleanField(
        _("show my e-mail and phone in the who's-who of my tables"), default=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contact card")
        verbose_name_plural = _("contact cards")

    def __str__(self) -> str:
        return str(self.person)
