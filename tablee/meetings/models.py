"""Meetings of a table or committee: finding a date, agenda, attendance, quorum."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel


class MeetingStatus(models.TextChoices):
    PLANNING = "planning", _("Finding a date")
    SCHEDULED = "scheduled", _("Scheduled")
    CONVENED = "convened", _("Convocation sent")
    IN_PROGRESS = "in_progress", _("In progress")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


def new_ical_uid() -> str:
    return f"{uuid.uuid4()}@tablee"


class Meeting(TableScopedModel):
    """A meeting of the table, or of one of its committees."""

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="meetings", verbose_name=_("table")
    )
    committee = models.ForeignKey(
        "members.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("committee"),
        help_text=_("Leave empty for a meeting of the whole table."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNING
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(_("length (minutes)"), default=120)
    location = models.CharField(_("place (address)"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    # iCalendar: every update or cancellation keeps the UID and raises SEQUENCE,
    # so calendars update the event in place.
    ical_uid = models.CharField(max_length=100, unique=True, default=new_ical_uid, editable=False)
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)
    agenda_circulated_at = models.DateTimeField(
        _("draft agenda circulated"), null=True, blank=True
    )
    convened_at = models.DateTimeField(_("convocation sent"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    current_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current item"),
    )
    # Bumped on every change of the meeting's details: stale edits are refused.
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["table", "starts_at"])]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title

    @property
    def status_label(self) -> str:
        return str(MeetingStatus(self.status).label)


class DateOption(TableScopedModel):
    """A proposed slot while a meeting is finding its date."""

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="date_options", verbose_name=_("meeting")
    )
    starts_at = models.DateTimeField(_("starts"))

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "starts_at"], name="unique_date_option")
        ]
        verbose_name = _("proposed date")
        verbose_name_plural = _("proposed dates")

    def __str__(self) -> str:
        return f"{self.meeting}: {self.starts_at:%Y-%m-%d %H:%M}"


class Availability(models.TextChoices):
    YES = "yes", _("Yes")
    IF_NEED_BE = "if_need_be", _("If need be")
    NO = "no", _("No")


class DateAnswer(TableScopedModel):
    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(
        DateOption, on_delete=models.CASCADE, related_name="answers", verbose_name=_("date")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("person"),
    )
    answer = models.CharField(_("answer"), max_length=12, choices=Availability.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["option", "person"], name="one_answer_per_date_option")
        ]
        verbose_name = _("availability")
        verbose_name_plural = _("availabilities")

    def __str__(self) -> str:
        return f"{self.person}: {self.answer}"


class ItemKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    DISCUSSION = "discussion", _("Discussion")
    CONSULTATION = "consultation", _("Consultation")
    DECISION = "decision", _("Decision")


class AgendaItem(TableScopedModel):
    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("meeting")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=ItemKind.choices)
    duration_minutes = models.PositiveIntegerField(_("planned minutes"), default=15)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("presenter"),
    )
    presenter_name = models.CharField(
        _("presenter (guest)"),
        max_length=150,
        blank=True,
        help_text=_("For a guest without an account."),
    )
    description = models.TextField(_("description"), blank=True)
    # Proposed by a member while the draft agenda circulates; the coordinator accepts it.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_accepted = models.BooleanField(_("on the agenda"), default=True)
    notes = models.TextField(_("notes"), blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        return str(ItemKind(self.kind).label)


class AgendaDocument(TableScopedModel):
    """A file attached to an agenda item, served only to people who may see the meeting."""

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="documents", verbose_name=_("item")
    )
    file = models.FileField(_("file"), upload_to="meetings/%Y/%m/")
    original_name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["item", "original_name"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.original_name


class Reply(models.TextChoices):
    PRESENT = "present", _("I will be there")
    ABSENT = "absent", _("I cannot come")
    ALTERNATE = "alternate", _("My alternate will come")


class Attendance(TableScopedModel):
    """One seat's (or one person's) answer to the convocation and actual presence.

    For a seat, `person` is who was convened (the representative, or the
    alternate when the representative sends regrets); `attended_by` is who
    actually came. An alternate present counts for the seat.
    """

    table = models.ForeignKey("tables.Table", on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("meeting")
    )
    seat = models.ForeignKey(
        "members.Seat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("seat"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("person"),
    )
    reply = models.CharField(_("answer"), max_length=12, choices=Reply.choices, blank=True)
    replied_at = models.DateTimeField(_("answered"), null=True, blank=True)
    present = models.BooleanField(_("present"), null=True, blank=True)
    attended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("attended by"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "seat"],
                condition=Q(seat__isnull=False),
                name="one_attendance_per_seat",
            ),
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(seat__isnull=True),
                name="one_attendance_per_person_without_seat",
            ),
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")

    def __str__(self) -> str:
        return f"{self.meeting}: {self.seat or self.person}"


class QuorumRule(models.TextChoices):
    MAJORITY = "majority", _("Majority of the seats (more than half)")
    HALF = "half", _("Half of the seats")
    TWO_THIRDS = "two_thirds", _("Two thirds of the seats")
    FIXED = "fixed", _("A fixed number of seats")
    NONE = "none", _("No quorum")


class MeetingRules(TableScopedModel):
    """A table's meeting rules (from its charter): quorum and the default length."""

    table = models.OneToOneField(
        "tables.Table", on_delete=models.PROTECT, related_name="meeting_rules"
    )
    quorum_rule = models.CharField(
        _("quorum"), max_length=20, choices=QuorumRule.choices, default=QuorumRule.MAJORITY
    )
    quorum_fixed = models.PositiveIntegerField(_("fixed number of seats"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting rules")
        verbose_name_plural = _("meeting rules")

    def __str__(self) -> str:
        return f"{self.table}: {self.quorum_rule}"


class CalendarFeed(models.Model):
    """A secret, revocable calendar (.ics) address: a person's or a table's."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_feeds",
    )
    table = models.ForeignKey(
        "tables.Table", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(table__isnull=False),
                name="calendar_feed_has_owner",
            )
        ]

    def __str__(self) -> str:
        return f"feed {self.pk}"
