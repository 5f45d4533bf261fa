"""Who may do what with the relations survey (object: table or wave).

Whether a person represents an organization of the wave depends on seats;
the view reads it with a selector. Predicates only read the caller's roles
and the wave's own fields.
"""

import rules
from django.utils import timezone

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin


@rules.predicate
def wave_is_open(user, wave) -> bool:
    if wave is None or not hasattr(wave, "opens_at"):
        return False
    return wave.opens_at <= timezone.now() < wave.closes_at


_reader = has_any_role | is_platform_admin
_coordination = is_coordinator | is_platform_admin

rules.add_perm("relationsurvey.view_wave", _reader)
# Aggregates only, like the other evaluation results.
rules.add_perm("relationsurvey.view_results", _reader)
rules.add_perm("relationsurvey.manage_wave", _coordination)
# Follow-up of a wave: who has not answered yet, and the pairs the two sides
# rate differently (never saying which side said what).
rules.add_perm("relationsurvey.follow_wave", _coordination)
# A representative of a participating organization (checked by the view).
rules.add_perm("relationsurvey.answer_wave", has_any_role & wave_is_open)
# Answers collected another way (on paper, by phone), typed in by the coordination.
rules.add_perm("relationsurvey.enter_answers", _coordination & wave_is_open)
