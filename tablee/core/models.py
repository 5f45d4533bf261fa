from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class TableScopedQuerySet(models.QuerySet):
    def for_table(self, table):
        return self.filter(table=table)


class TableScopedModel(TimeStampedModel):
    """Base of every row owned by one table: reach it only through that table."""

    table = models.ForeignKey(
        "tables.Table", on_delete=models.PROTECT, related_name="+", verbose_name=_("table")
    )

    objects = TableScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class AuditEvent(models.TextChoices):
    TABLE_CREATED = "TABLE_CREATED", _("Table created")
    TABLE_UPDATED = "TABLE_UPDATED", _("Table settings changed")
    TABLE_DELETED = "TABLE_DELETED", _("Table deleted")
    TABLE_RESTORED = "TABLE_RESTORED", _("Table restored")
    MEMBERSHIP_ROLE_CHANGED = "MEMBERSHIP_ROLE_CHANGED", _("Role changed")
    MEMBERSHIP_ENDED = "MEMBERSHIP_ENDED", _("Person removed from the table")
    INVITATION_SENT = "INVITATION_SENT", _("Invitation sent")
    INVITATION_REVOKED = "INVITATION_REVOKED", _("Invitation revoked")
    INVITATION_ACCEPTED = "INVITATION_ACCEPTED", _("Invitation accepted")
    USER_DELETED = "USER_DELETED", _("Person deleted")
    USER_RESTORED = "USER_RESTORED", _("Person restored")
    USER_PROFILE_UPDATED = "USER_PROFILE_UPDATED", _("Profile updated")
    API_TOKEN_CREATED = "API_TOKEN_CREATED", _("API token created")
    API_TOKEN_REVOKED = "API_TOKEN_REVOKED", _("API token revoked")
    SESSIONS_ENDED = "SESSIONS_ENDED", _("Signed out everywhere")
    ORGANIZATION_CREATED = "ORGANIZATION_CREATED", _("Organization registered")
    ORGANIZATION_UPDATED = "ORGANIZATION_UPDATED", _("Organization changed")
    ORGANIZATION_DELETED = "ORGANIZATION_DELETED", _("Organization deleted")
    ORGANIZATION_RESTORED = "ORGANIZATION_RESTORED", _("Organization restored")
    SECTOR_CREATED = "SECTOR_CREATED", _("Sector added")
    SECTOR_UPDATED = "SECTOR_UPDATED", _("Sector changed")
    RELATION_RECORDED = "RELATION_RECORDED", _("Relation between organizations recorded")
    RELATION_ENDED = "RELATION_ENDED", _("Relation between organizations ended")
    SEAT_CREATED = "SEAT_CREATED", _("Seat created")
    SEAT_UPDATED = "SEAT_UPDATED", _("Seat changed")
    SEAT_HANDED_OVER = "SEAT_HANDED_OVER", _("Seat handed over")
    SEAT_HOLDER_ASSIGNED = "SEAT_HOLDER_ASSIGNED", _("Seat holder named")
    SEAT_HOLDER_ENDED = "SEAT_HOLDER_ENDED", _("Seat holder left")
    SEAT_CLOSED = "SEAT_CLOSED", _("Seat closed")
    SEAT_REOPENED = "SEAT_REOPENED", _("Seat reopened")
    COMMITTEE_CREATED = "COMMITTEE_CREATED", _("Committee created")
    COMMITTEE_UPDATED = "COMMITTEE_UPDATED", _("Committee changed")
    COMMITTEE_CLOSED = "COMMITTEE_CLOSED", _("Committee closed")
    COMMITTEE_MEMBER_ADDED = "COMMITTEE_MEMBER_ADDED", _("Committee member added")
    COMMITTEE_MEMBER_REMOVED = "COMMITTEE_MEMBER_REMOVED", _("Committee member removed")
    MEMBERS_IMPORTED = "MEMBERS_IMPORTED", _("Organizations and seats imported")
    CHARTER_DRAFT_STARTED = "CHARTER_DRAFT_STARTED", _("Charter draft started")
    CHARTER_ANSWER_SAVED = "CHARTER_ANSWER_SAVED", _("Charter answer saved")
    CHARTER_ANSWER_PROPOSED = "CHARTER_ANSWER_PROPOSED", _("Charter answer proposed")
    CHARTER_CHOICES_SAVED = "CHARTER_CHOICES_SAVED", _("Charter choices saved")
    CHARTER_COMMENTED = "CHARTER_COMMENTED", _("Charter commented")
    CHARTER_ADOPTED = "CHARTER_ADOPTED", _("Charter adopted")
    MEETING_CREATED = "MEETING_CREATED", _("Meeting created")
    MEETING_UPDATED = "MEETING_UPDATED", _("Meeting changed")
    MEETING_DATES_PROPOSED = "MEETING_DATES_PROPOSED", _("Dates proposed")
    MEETING_DATE_ANSWERED = "MEETING_DATE_ANSWERED", _("Availability given")
    MEETING_DATE_CHOSEN = "MEETING_DATE_CHOSEN", _("Meeting date chosen")
    MEETING_AGENDA_CIRCULATED = "MEETING_AGENDA_CIRCULATED", _("Draft agenda circulated")
    MEETING_CONVENED = "MEETING_CONVENED", _("Convocation sent")
    MEETING_CANCELLED = "MEETING_CANCELLED", _("Meeting cancelled")
    MEETING_STARTED = "MEETING_STARTED", _("Meeting started")
    MEETING_ENDED = "MEETING_ENDED", _("Meeting ended")
    MEETING_RULES_UPDATED = "MEETING_RULES_UPDATED", _("Meeting rules changed")
    AGENDA_ITEM_ADDED = "AGENDA_ITEM_ADDED", _("Agenda item added")
    AGENDA_ITEM_PROPOSED = "AGENDA_ITEM_PROPOSED", _("Agenda item proposed")
    AGENDA_ITEM_UPDATED = "AGENDA_ITEM_UPDATED", _("Agenda item changed")
    AGENDA_ITEM_REMOVED = "AGENDA_ITEM_REMOVED", _("Agenda item removed")
    AGENDA_ITEMS_REORDERED = "AGENDA_ITEMS_REORDERED", _("Agenda reordered")
    AGENDA_NOTES_SAVED = "AGENDA_NOTES_SAVED", _("Item notes saved")
    DOCUMENT_ATTACHED = "DOCUMENT_ATTACHED", _("Document attached")
    DOCUMENT_REMOVED = "DOCUMENT_REMOVED", _("Document removed")
    ATTENDANCE_REPLIED = "ATTENDANCE_REPLIED", _("Attendance answered")
    ATTENDANCE_RECORDED = "ATTENDANCE_RECORDED", _("Attendance taken")
    CALENDAR_FEED_CREATED = "CALENDAR_FEED_CREATED", _("Calendar address created")
    CALENDAR_FEED_REVOKED = "CALENDAR_FEED_REVOKED", _("Calendar address revoked")
    DECISION_RECORDED = "DECISION_RECORDED", _("Decision recorded")
    DECISION_AMENDED = "DECISION_AMENDED", _("Decision amended")
    DECISION_SUPERSEDED = "DECISION_SUPERSEDED", _("Decision superseded")
    POLL_CREATED = "POLL_CREATED", _("Poll created")
    POLL_OPENED = "POLL_OPENED", _("Poll opened")
    POLL_CLOSED = "POLL_CLOSED", _("Poll closed")
    BALLOT_CAST = "BALLOT_CAST", _("Vote cast")
    MINUTES_DRAFTED = "MINUTES_DRAFTED", _("Minutes drafted")
    MINUTES_SAVED = "MINUTES_SAVED", _("Minutes edited")
    MINUTES_CIRCULATED = "MINUTES_CIRCULATED", _("Minutes circulated")
    MINUTES_COMMENTED = "MINUTES_COMMENTED", _("Minutes commented")
    MINUTES_ADOPTED = "MINUTES_ADOPTED", _("Minutes adopted")
    ERRATUM_RECORDED = "ERRATUM_RECORDED", _("Erratum recorded")
    ACTION_CREATED = "ACTION_CREATED", _("Action created")
    ACTION_UPDATED = "ACTION_UPDATED", _("Action changed")
    ACTION_STATUS_CHANGED = "ACTION_STATUS_CHANGED", _("Action status changed")
    NOTIFICATIONS_UPDATED = "NOTIFICATIONS_UPDATED", _("E-mail preferences changed")


class AuditEntryQuerySet(models.QuerySet):
    def for_table(self, table):
        return self.filter(table=table)


class AuditEntry(models.Model):
    """Who did what, in which table, when, with a before/after summary."""

    table = models.ForeignKey(
        "tables.Table",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
        verbose_name=_("table"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("actor"),
    )
    # No `choices=` here: new events must not need a migration. AuditEvent
    # gives their labels; audit.record only accepts AuditEvent members.
    event = models.CharField(_("event"), max_length=64)
    target_type = models.CharField(_("target type"), max_length=64, blank=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    target_repr = models.CharField(_("target"), max_length=255, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["table", "-created_at"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.event_label} — {self.target_repr}"

    @property
    def event_label(self) -> str:
        # get_event_display() hashes every lazy label of the choices on each
        # call; on a page of 50 entries that alone costs several milliseconds.
        from tablee.core.audit import event_labels

        return str(event_labels().get(self.event, self.event))
