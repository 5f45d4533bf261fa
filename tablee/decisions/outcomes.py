"""How each modality turns counts into a result: pure functions, no database.

The forms' help texts and the decision page explain the same rules in plain
words; keep them in step when a rule changes.
"""

from django.utils.translation import gettext_lazy as _

DEFAULT_THRESHOLD = 50

# The five levels of the agreement scale, from full agreement to blocking.
AGREEMENT_LEVELS = (
    ("full", _("Fully agree")),
    ("reservations", _("Agree with reservations")),
    ("neutral", _("Neutral: can live with it")),
    ("disagree", _("Disagree, but will not block")),
    ("block", _("Block")),
)

MAJORITY_RULE = _(
    "A majority vote is adopted when the votes for are more than the threshold's share "
    "of the votes cast (for + against). Abstentions are not votes cast. With the default "
    "threshold of 50 %, that means more than half."
)
AGREEMENT_RULE = _(
    "On the agreement scale, a proposal is adopted when nobody blocks and more than half "
    "of the people who answered can at least live with it (the first three levels)."
)
CONSENT_RULE = _("Consent means no objection: a proposal with any objection is not adopted.")


def majority_reached(*, votes_for: int, votes_against: int, threshold_percent: int) -> bool:
    """Return whether `votes_for` is strictly above `threshold_percent` of the votes cast.

    Integer arithmetic, so 2 for and 2 against at 50 % is exactly not reached.
    Nobody voting never adopts anything.
    """
    votes_cast = votes_for + votes_against
    if votes_cast == 0:
        return False
    return votes_for * 100 > threshold_percent * votes_cast


def agreement_reached(counts: list[int]) -> bool:
    """Return whether the five agreement counts adopt the proposal (see AGREEMENT_RULE)."""
    full, reservations, neutral, disagree, block = counts
    total = full + reservations + neutral + disagree + block
    if total == 0 or block > 0:
        return False
    return (full + reservations + neutral) * 2 > total
