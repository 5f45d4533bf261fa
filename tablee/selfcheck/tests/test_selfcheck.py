"""The self-check: start, card edits, plan link, completion, profile, API."""

import datetime

import pytest
import rules
from django.utils import translation

from tablee.accounts.services import api_token_create
from tablee.charters.models import CharterVersion
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry
from tablee.decisions.tests.factories import DecisionFactory
from tablee.plans.models import PlanAction
from tablee.plans.tests.factories import ObjectiveFactory, ProcessFactory
from tablee.selfcheck import selectors, services
from tablee.selfcheck.conditions import CONDITIONS
from tablee.selfcheck.models import CheckStatus
from tablee.selfcheck.tests.factories import make_check

pytestmark = pytest.mark.django_db

ALL_THREE = {c.code: 3 for c in CONDITIONS}


def test_rubric_has_four_levels_for_twelve_conditions():
    assert len(CONDITIONS) == 12
    assert all(len(c.levels) == 4 for c in CONDITIONS)


def test_start_creates_twelve_cards_prefilled_from_previous(table, coordinator):
    make_check(table=table, actor=coordinator, levels=ALL_THREE, completed=True)
    check = services.selfcheck_start(table=table, actor=coordinator)
    assert [c.level for c in selectors.card_list(check=check)] == [3] * 12
    assert AuditEntry.objects.filter(event="selfcheck_started").count() == 2


def test_only_one_draft_at_a_time(table, coordinator):
    services.selfcheck_start(table=table, actor=coordinator)
    with pytest.raises(InvalidTransition):
        services.selfcheck_start(table=table, actor=coordinator)


def test_card_update_links_evidence_and_writes_one_entry(table, coordinator):
    check = make_check(table=table, actor=coordinator)
    card = selectors.card_list(check=check)[2]
    decision = DecisionFactory(table=table, number=1, recorded_by=coordinator)
    charter = CharterVersion.objects.create(table=table, number=1)
    before = AuditEntry.objects.count()
    services.card_update(
        card=card,
        actor=coordinator,
        base_revision=card.revision,
        data=services.CardInput(
            level=2,
            note="Règles à revoir",
            evidence={"decisions": [decision], "charter_versions": [charter]},
            onboarding=True,
        ),
    )
    card.refresh_from_db()
    assert card.level == 2 and card.onboarding
    assert list(card.decisions.all()) == [decision]
    assert AuditEntry.objects.count() == before + 1


def test_stale_revision_and_bad_level_are_refused(table, coordinator):
    check = make_check(table=table, actor=coordinator)
    card = selectors.card_list(check=check)[0]
    with pytest.raises(InvalidInput):
        services.card_update(
            card=card, actor=coordinator, base_revision=0, data=services.CardInput(level=5)
        )
    services.card_update(
        card=card, actor=coordinator, base_revision=0, data=services.CardInput(level=2)
    )
    with pytest.raises(Conflict):
        services.card_update(
            card=card, actor=coordinator, base_revision=0, data=services.CardInput(level=3)
        )


def test_completed_check_is_frozen(table, coordinator):
    check = make_check(table=table, actor=coordinator, levels=ALL_THREE, completed=True)
    assert (
        check.cards.first()
        and type(check).objects.get(pk=check.pk).status == CheckStatus.COMPLETED
    )
    card = selectors.card_list(check=check)[0]
    with pytest.raises(InvalidTransition):
        services.card_update(
            card=card,
            actor=coordinator,
            base_revision=card.revision,
            data=services.CardInput(level=1),
        )
    assert not rules.has_perm(
        "selfcheck.edit_selfcheck", coordinator, type(check).objects.get(pk=check.pk)
    )


def test_complete_needs_every_level(table, coordinator):
    check = make_check(table=table, actor=coordinator, levels={"purpose": 2})
    with pytest.raises(InvalidTransition):
        services.selfcheck_complete(check=check, actor=coordinator)


def test_next_step_becomes_plan_action(table, coordinator):
    process = ProcessFactory(table=table)
    objective = ObjectiveFactory(process=process)
    check = make_check(table=table, actor=coordinator)
    card = selectors.card_list(check=check)[10]
    card = services.card_update(
        card=card,
        actor=coordinator,
        base_revision=card.revision,
        data=services.CardInput(level=1, next_step="Tenir un bilan annuel de la concertation"),
    )
    card = services.card_plan_next_step(
        card=card, actor=coordinator, objective=objective, base_revision=card.revision
    )
    action = PlanAction.objects.get()
    assert card.plan_action == action and action.title.startswith("Tenir un bilan")


def test_profile_compares_with_previous_completed(table, coordinator):
    make_check(
        table=table,
        actor=coordinator,
        levels=ALL_THREE,
        completed=True,
        held_on=datetime.date(2025, 5, 1),
    )
    levels = dict(ALL_THREE, purpose=4, evaluation=1)
    check = make_check(table=table, actor=coordinator, levels=levels, completed=True)
    with translation.override("en"):
        previous, rows = selectors.profile(check=check)
    assert previous is not None
    by_code = {r["condition"].code: r for r in rows}
    assert by_code["purpose"]["change"] == "Better by 1 level(s)"
    assert by_code["evaluation"]["change"] == "Worse by 2 level(s)"
    assert by_code["rules"]["change"] == "Unchanged"


def test_pages_work_for_coordinator(client, table, coordinator, django_assert_max_num_queries):
    check = make_check(table=table, actor=coordinator, levels=ALL_THREE, completed=True)
    client.force_login(coordinator)
    for _ in range(3):
        make_check(table=table, actor=coordinator, levels=ALL_THREE, completed=True)
    with django_assert_max_num_queries(15):
        response = client.get(f"/t/{table.slug}/conditions/")
    assert response.status_code == 200
    with django_assert_max_num_queries(15):
        response = client.get(f"/t/{table.slug}/conditions/{check.pk}/profile/")
    assert "Level of each condition" in response.content.decode()
    draft = make_check(table=table, actor=coordinator, levels=ALL_THREE)
    for number in range(2, 6):
        DecisionFactory(table=table, number=number, recorded_by=coordinator)
    with django_assert_max_num_queries(15):
        response = client.get(f"/t/{table.slug}/conditions/{draft.pk}/")
    assert "Save this card" in response.content.decode()
    with django_assert_max_num_queries(15):
        response = client.get(f"/t/{table.slug}/conditions/{check.pk}/")
    assert "Evaluate the concertation together" in response.content.decode()


def test_card_post_without_js_and_level_refused(client, table, coordinator):
    check = make_check(table=table, actor=coordinator)
    card = selectors.card_list(check=check)[0]
    client.force_login(coordinator)
    url = f"/t/{table.slug}/conditions/{check.pk}/cards/{card.pk}/"
    prefix = f"c{card.pk}"
    response = client.post(url, {f"{prefix}-level": "2", f"{prefix}-revision": "0"})
    assert response.status_code == 302
    response = client.post(url, {f"{prefix}-level": "7", f"{prefix}-revision": "1"})
    assert response.status_code == 422
    card.refresh_from_db()
    assert card.level == 2


def test_api_lists_levels(client, table, coordinator, member):
    make_check(table=table, actor=coordinator, levels={"purpose": 2})
    _token, raw = api_token_create(user=member, name="t")
    response = client.get(
        f"/api/v1/tables/{table.slug}/conditions", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 200
    levels = {lv["code"]: lv["level"] for lv in response.json()[0]["levels"]}
    assert levels["purpose"] == 2 and len(levels) == 12
