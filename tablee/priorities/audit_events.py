"""Audit events of vision and priorities (see tablee.core.audit.event_labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    VISION_DRAFT_STARTED = "VISION_DRAFT_STARTED", _("Vision draft started")
    VISION_STATEMENT_SAVED = "VISION_STATEMENT_SAVED", _("Vision draft saved")
    VISION_COMMENTED = "VISION_COMMENTED", _("Vision draft commented")
    VISION_PROPOSED = "VISION_PROPOSED", _("Vision proposed for adoption")
    VISION_ADOPTED = "VISION_ADOPTED", _("Vision adopted")
    PRIORITY_ROUND_CREATED = "PRIORITY_ROUND_CREATED", _("Prioritisation round created")
    PRIORITY_ROUND_UPDATED = "PRIORITY_ROUND_UPDATED", _("Prioritisation round changed")
    PRIORITY_CANDIDATE_ADDED = "PRIORITY_CANDIDATE_ADDED", _("Candidate added to a round")
    PRIORITY_CANDIDATE_UPDATED = "PRIORITY_CANDIDATE_UPDATED", _("Candidate of a round changed")
    PRIORITY_CANDIDATE_REMOVED = "PRIORITY_CANDIDATE_REMOVED", _("Candidate removed from a round")
    PRIORITY_RATINGS_SAVED = "PRIORITY_RATINGS_SAVED", _("Ratings saved in a round")
    PRIORITY_ROUND_ADOPTED = "PRIORITY_ROUND_ADOPTED", _("Ranked list adopted")
