"""Each named permission of the relations survey, over personas and wave states."""

import pytest
import rules

from tablee.relationsurvey.tests.factories import close, make_wave, seated_orgs

pytestmark = pytest.mark.django_db

PERMS = {
    "relationsurvey.view_wave": {"observer", "member", "coordinator", "platform_admin"},
    "relationsurvey.view_results": {"observer", "member", "coordinator", "platform_admin"},
    "relationsurvey.manage_wave": {"coordinator", "platform_admin"},
    "relationsurvey.follow_wave": {"coordinator", "platform_admin"},
}
PERSONAS = [
    "anonymous",
    "outsider",
    "other_coordinator",
    "observer",
    "member",
    "coordinator",
    "platform_admin",
]


def test_every_permission_exists():
    for perm in [*PERMS, "relationsurvey.answer_wave", "relationsurvey.enter_answers"]:
        assert rules.perm_exists(perm), perm


@pytest.fixture
def wave(table, coordinator):
    seated_orgs(table, 2)
    return make_wave(table=table, actor=coordinator)


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
@pytest.mark.parametrize("perm", sorted(PERMS))
def test_reading_and_managing(persona, perm, request, wave):
    name = request.node.callspec.params["persona"]
    assert rules.has_perm(perm, persona, wave) is (name in PERMS[perm])


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
@pytest.mark.parametrize("state", ["open", "closed"])
def test_answering_and_entering_only_while_open(persona, state, request, wave):
    """The view also checks that the person represents an organization of the wave."""
    name = request.node.callspec.params["persona"]
    if state == "closed":
        close(wave)
    is_open = state == "open"
    answers = name in {"observer", "member", "coordinator"} and is_open
    enters = name in {"coordinator", "platform_admin"} and is_open
    assert rules.has_perm("relationsurvey.answer_wave", persona, wave) is answers
    assert rules.has_perm("relationsurvey.enter_answers", persona, wave) is enters
