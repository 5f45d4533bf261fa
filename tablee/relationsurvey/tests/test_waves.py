"""Waves: creation with a snapshot of the seated organizations, settings, edits."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.relationsurvey import services
from tablee.relationsurvey.audit_events import Event
from tablee.relationsurvey.models import Participant, Wave
from tablee.relationsurvey.tests.factories import (
    make_wave,
    seat,
    seated_orgs,
    wave_input,
)

pytestmark = pytest.mark.django_db


def test_a_wave_snapshots_the_seated_organizations(table, coordinator, audit_entries):
    orgs = seated_orgs(table, 3)
    wave = make_wave(table=table, actor=coordinator)
    assert set(Participant.objects.filter(wave=wave).values_list("organization", flat=True)) == {
        o.pk for o in orgs
    }
    (entry,) = audit_entries()
    assert entry.event == Event.RELATION_WAVE_CREATED
    assert entry.changes["new"]["organizations"] == 3
    # An organization seated later does not join the wave.
    from tablee.organizations.tests.factories import OrganizationFactory

    seat(table, OrganizationFactory(name="Arrivée"))
    assert Participant.objects.filter(wave=wave).count() == 3
    assert wave.tie_level == 2 and wave.tie_rule == "either" and wave.anonymity_threshold == 5


def test_a_wave_needs_two_seated_organizations(table, coordinator):
    seated_orgs(table, 1)
    with pytest.raises(InvalidTransition):
        make_wave(table=table, actor=coordinator)
    assert not Wave.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "  "}, "title"),
        ({"closes_at": timezone.now() - timedelta(days=3)}, "closes_at"),
        ({"tie_level": 0}, "tie_level"),
        ({"tie_level": 6}, "tie_level"),
        ({"tie_rule": "sometimes"}, "tie_rule"),
        ({"anonymity_threshold": 2}, "anonymity_threshold"),
    ],
)
def test_invalid_settings_are_refused_on_their_field(table, coordinator, overrides, field):
    seated_orgs(table, 2)
    with pytest.raises(InvalidInput) as error:
        make_wave(table=table, actor=coordinator, **overrides)
    assert field in error.value.extra["fields"]
    assert not Wave.objects.exists()


def test_update_refuses_a_stale_revision(table, coordinator, audit_entries):
    seated_orgs(table, 2)
    wave = make_wave(table=table, actor=coordinator)
    same = {"opens_at": wave.opens_at, "closes_at": wave.closes_at}
    services.wave_update(
        wave=wave, actor=coordinator, data=wave_input(title="Première", **same), revision=1
    )
    with pytest.raises(Conflict):
        services.wave_update(
            wave=wave, actor=coordinator, data=wave_input(title="Seconde", **same), revision=1
        )
    wave.refresh_from_db()
    assert wave.title == "Première" and wave.revision == 2
    events = [e.event for e in audit_entries()]
    assert events == [Event.RELATION_WAVE_CREATED, Event.RELATION_WAVE_UPDATED]
    assert audit_entries()[-1].changes == {
        "old": {"title": "Carte des liens 2026"},
        "new": {"title": "Première"},
    }


def test_create_page_makes_a_wave(client, table, coordinator):
    seated_orgs(table, 2)
    client.force_login(coordinator)
    url = reverse("relationsurvey:wave-create", args=[table.slug])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Carte 2026",
            "opens_at": "2026-01-10T09:00",
            "closes_at": "2026-02-10T09:00",
            "tie_level": "3",
            "tie_rule": "both",
            "ask_trust_value": "on",
            "anonymity_threshold": "4",
        },
    )
    wave = Wave.objects.get()
    assert response.status_code == 302 and response["Location"] == wave.get_absolute_url()
    assert (wave.tie_level, wave.tie_rule, wave.ask_trust_value, wave.anonymity_threshold) == (
        3,
        "both",
        True,
        4,
    )


def test_create_page_shows_the_errors(client, table, coordinator):
    seated_orgs(table, 2)
    client.force_login(coordinator)
    response = client.post(
        reverse("relationsurvey:wave-create", args=[table.slug]),
        {
            "title": "Carte",
            "opens_at": "2026-02-10T09:00",
            "closes_at": "2026-01-10T09:00",
            "tie_level": "2",
            "tie_rule": "either",
            "anonymity_threshold": "5",
        },
    )
    assert response.status_code == 400
    assert "The wave must close after it opens." in response.content.decode()
    assert not Wave.objects.exists()


def test_edit_page_reports_a_conflict(client, table, coordinator):
    seated_orgs(table, 2)
    wave = make_wave(table=table, actor=coordinator)
    services.wave_update(wave=wave, actor=coordinator, data=wave_input(title="Autre"), revision=1)
    client.force_login(coordinator)
    response = client.post(
        reverse("relationsurvey:wave-edit", args=[table.slug, wave.pk]),
        {
            "title": "Mienne",
            "opens_at": "2026-01-10T09:00",
            "closes_at": "2026-02-10T09:00",
            "tie_level": "2",
            "tie_rule": "either",
            "anonymity_threshold": "5",
            "revision": "1",
        },
    )
    assert response.status_code == 409
    wave.refresh_from_db()
    assert wave.title == "Autre"


def test_french_page_uses_the_product_words(client, table, coordinator, settings):
    orgs = seated_orgs(table, 2)
    seat(table, orgs[0], coordinator)
    wave = make_wave(table=table, actor=coordinator)
    client.force_login(coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    page = client.get(reverse("relationsurvey:wave-answer", args=[table.slug, wave.pk]))
    text = page.content.decode()
    assert "Carte des liens" in text
    assert "Échanger de l’information" in text or "Échanger de l'information" in text
    assert "Projet commun avec ressources mises en commun" in text
    detail = client.get(wave.get_absolute_url()).content.decode()
    assert (
        "Un lien compte à partir du niveau 2 quand au moins une des deux organisations le déclare"
        in detail
    )


def test_the_table_menu_links_to_the_relations_map(client, table, observer):
    client.force_login(observer)
    page = client.get(reverse("tables:table-home", args=[table.slug])).content.decode()
    assert f'href="{reverse("relationsurvey:wave-list", args=[table.slug])}"' in page
    assert "Relations map" in page


def test_detail_page_for_a_representative_and_for_the_coordination(
    client, table, coordinator, member
):
    a, b = seated_orgs(table, 2)
    seat(table, a, member)
    wave = make_wave(table=table, actor=coordinator)
    client.force_login(member)
    text = client.get(wave.get_absolute_url()).content.decode()
    assert "Answer for my organization" in text and a.name in text
    assert "Who has answered" not in text
    client.force_login(coordinator)
    text = client.get(wave.get_absolute_url()).content.decode()
    assert "Who has answered" in text
    assert reverse("relationsurvey:answers-enter", args=[table.slug, wave.pk, b.pk]) in text


def _delete_url(wave):
    return reverse(
        "relationsurvey:wave-delete", kwargs={"table_slug": wave.table.slug, "wave_id": wave.pk}
    )


def test_a_wave_nobody_answered_can_be_deleted_after_confirming(
    client, table, coordinator, audit_entries
):
    seated_orgs(table, 3)
    wave = make_wave(table=table, actor=coordinator)
    client.force_login(coordinator)
    assert b"button--danger" in client.get(_delete_url(wave)).content
    assert client.post(_delete_url(wave)).status_code == 302
    assert not Wave.objects.exists() and not Participant.objects.exists()
    assert audit_entries()[-1].event == Event.RELATION_WAVE_DELETED


def test_an_answered_wave_stays(client, table, coordinator):
    from tablee.relationsurvey.models import AnswerSet
    from tablee.relationsurvey.tests.factories import answer

    orgs = seated_orgs(table, 3)
    wave = make_wave(table=table, actor=coordinator)
    answer(wave, orgs[0], {orgs[1]: 2, orgs[2]: 0})
    client.force_login(coordinator)
    assert client.post(_delete_url(wave)).status_code == 409
    assert Wave.objects.filter(pk=wave.pk).exists() and AnswerSet.objects.count() == 1
