import pytest
from django.urls import reverse

from tablee.charters.models import CharterVersion
from tablee.charters.services import charter_choices_save
from tablee.charters.tests.helpers import assert_one_audit
from tablee.core.errors import Conflict, InvalidInput
from tablee.core.models import AuditEntry, AuditEvent

pytestmark = pytest.mark.django_db

VALID = {
    "table_roles": ["networking", "influence"],
    "non_negotiables": ["Les trois priorités", "  "],
    "co_constructed": ["Les moyens d'action"],
    "accountabilities": [{"what": "Marché", "who": "La Marmite"}, {"what": "", "who": ""}],
    "needed_sectors": ["transport", "securite-publique"],
    "needed_actor_types": ["lived_experience"],
}


def test_choices_are_cleaned_and_saved(coordinator, draft):
    version = charter_choices_save(version=draft, actor=coordinator, revision=0, **VALID)
    assert version.non_negotiables == ["Les trois priorités"]
    assert version.accountabilities == [{"what": "Marché", "who": "La Marmite"}]
    assert version.needed_sectors == ["transport", "securite-publique"]
    assert version.revision == 1
    assert_one_audit(AuditEvent.CHARTER_CHOICES_SAVED)


@pytest.mark.parametrize(
    "change",
    [
        {"table_roles": ["nope"]},
        {"needed_sectors": ["not-a-sector"]},
        {"needed_actor_types": ["boss"]},
        {"accountabilities": [{"what": "Marché", "who": ""}]},
        {"non_negotiables": ["x" * 301]},
    ],
)
def test_bad_choices_change_nothing(coordinator, draft, change):
    with pytest.raises(InvalidInput):
        charter_choices_save(version=draft, actor=coordinator, revision=0, **{**VALID, **change})
    assert CharterVersion.objects.get().table_roles == []
    assert not AuditEntry.objects.exists()


def test_a_stale_revision_is_refused(coordinator, draft):
    charter_choices_save(version=draft, actor=coordinator, revision=0, **VALID)
    with pytest.raises(Conflict):
        charter_choices_save(
            version=draft, actor=coordinator, revision=0, **{**VALID, "table_roles": []}
        )


def test_choices_page_saves_repeated_lines(client, table, coordinator, draft):
    client.force_login(coordinator)
    url = reverse("charters:draft-choices", args=[table.slug])
    page = client.get(url)
    assert page.content.decode().count('name="non_negotiables"') == 3
    response = client.post(
        url,
        {
            "revision": 0,
            "table_roles": ["coherence"],
            "needed_sectors": ["transport"],
            "needed_actor_types": ["tactical"],
            "non_negotiables": ["Un", "", "Deux"],
            "co_constructed": [""],
            "acc_what": ["Suivi", ""],
            "acc_who": ["Coordination", ""],
            "continue": "1",
        },
    )
    assert response["Location"] == reverse("charters:draft-review", args=[table.slug])
    version = CharterVersion.objects.get()
    assert version.non_negotiables == ["Un", "Deux"]
    assert version.accountabilities == [{"what": "Suivi", "who": "Coordination"}]


def test_add_rows_keeps_the_typing_and_saves_nothing(client, table, coordinator, draft):
    client.force_login(coordinator)
    response = client.post(
        reverse("charters:draft-choices", args=[table.slug]),
        {"revision": 0, "non_negotiables": ["Gardé"], "add_rows": "1"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Gardé"' in body
    assert body.count('name="non_negotiables"') == 7
    assert CharterVersion.objects.get().non_negotiables == []


def test_choices_page_shows_errors_without_saving(client, table, coordinator, draft):
    client.force_login(coordinator)
    response = client.post(
        reverse("charters:draft-choices", args=[table.slug]),
        {"revision": 0, "acc_what": ["Seul"], "acc_who": [""]},
    )
    assert response.status_code == 200
    assert "Give both the action" in response.content.decode()
