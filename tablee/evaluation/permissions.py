"""Who may do what with evaluation campaigns (object: table or campaign).

Whether a person is invited is read by a selector in the view (it depends
on seats and committees); predicates only read the campaign's own fields.
"""

import rules
from django.utils import timezone

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin


@rules.predicate
def campaign_is_open(user, campaign) -> bool:
    if campaign is None or not hasattr(campaign, "opens_at"):
        return False
    return campaign.opens_at <= timezone.now() < campaign.closes_at


_reader = has_any_role | is_platform_admin
_coordination = is_coordinator | is_platform_admin

rules.add_perm("evaluation.view_campaign", _reader)
rules.add_perm("evaluation.view_results", _reader)
rules.add_perm("evaluation.manage_campaign", _coordination)
rules.add_perm("evaluation.edit_discussion", _coordination)
# Mode "together": the coordination writes down what the group agreed on.
rules.add_perm("evaluation.record_group_answer", _coordination)
# Only people of the table answer (the view also checks the invitation).
rules.add_perm("evaluation.answer_campaign", has_any_role & campaign_is_open)
