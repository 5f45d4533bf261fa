"""Answering: one grid per organization, saved whole, never silently overwritten."""

import pytest
from django.urls import reverse

from tablee.accounts.tests.factories import UserFactory
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.members.models import Position
from tablee.relationsurvey import services
from tablee.relationsurvey.audit_events import Event
from tablee.relationsurvey.models import AnswerSet, TieRating
from tablee.relationsurvey.tests.factories import close, full_grid, make_wave, seat, seated_orgs
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

R = services.RatingInput


@pytest.fixture
def orgs(table):
    return seated_orgs(table, 4)


@pytest.fixture
def wave(table, coordinator, orgs):
    return make_wave(table=table, actor=coordinator)


def save(wave, org, actor, grid, base_revision=0):
    return services.answers_save(
        wave=wave, organization=org, actor=actor, ratings=grid, base_revision=base_revision
    )


def test_saving_a_grid_stores_one_rating_per_other_organization(wave, orgs, member, audit_entries):
    a, b, c, d = orgs
    grid = full_grid(wave, a, 0)
    grid[b.pk] = R(level=3, trust=4, value=2)
    answer_set = save(wave, a, member, grid)
    ratings = {r.target_id: r for r in TieRating.objects.filter(answer_set=answer_set)}
    assert set(ratings) == {b.pk, c.pk, d.pk}
    assert (ratings[b.pk].level, ratings[b.pk].trust, ratings[b.pk].value) == (3, 4, 2)
    assert ratings[c.pk].level == 0 and ratings[c.pk].trust is None
    (entry,) = audit_entries()
    assert entry.event == Event.RELATION_ANSWERS_SAVED
    # The log names the organization, never a level, trust or value.
    assert entry.changes["new"] == {
        "organization": a.pk,
        "organization_name": a.name,
        "ratings": 3,
        "revision": 1,
    }


def test_a_second_save_replaces_the_grid_and_bumps_the_revision(wave, orgs, member):
    a, _b, *_ = orgs
    first = save(wave, a, member, full_grid(wave, a, 1))
    second = save(wave, a, member, full_grid(wave, a, 4), base_revision=first.revision)
    assert second.pk == first.pk and second.revision == 2
    assert set(TieRating.objects.filter(answer_set=second).values_list("level", flat=True)) == {4}
    assert TieRating.objects.count() == 3


def test_a_stale_revision_is_a_conflict_and_changes_nothing(wave, orgs, member, coordinator):
    a, *_ = orgs
    save(wave, a, member, full_grid(wave, a, 2))
    # Someone else started from "no answers yet" too.
    with pytest.raises(Conflict):
        save(wave, a, coordinator, full_grid(wave, a, 5), base_revision=0)
    assert set(TieRating.objects.values_list("level", flat=True)) == {2}
    assert AnswerSet.objects.get().revision == 1


def test_a_missing_level_refuses_the_whole_grid(wave, orgs, member):
    a, _b, c, _d = orgs
    grid = full_grid(wave, a, 3)
    del grid[c.pk]
    with pytest.raises(InvalidInput) as error:
        save(wave, a, member, grid)
    assert list(error.value.extra["fields"]) == [f"level_{c.pk}"]
    assert "0 if there is no link" in error.value.message
    assert not AnswerSet.objects.exists() and not TieRating.objects.exists()


@pytest.mark.parametrize(
    ("rating", "field", "message"),
    [
        (R(level=6), "level", "Choose a level from 0 to 5."),
        (R(level=-1), "level", "Choose a level from 0 to 5."),
        (R(level=2, trust=5), "trust", "Trust and value go from 1 to 4."),
        (R(level=2, value=0), "value", "Trust and value go from 1 to 4."),
        (R(level=0, trust=3), "trust", "only for an organization you have a link with"),
    ],
)
def test_invalid_values_are_refused_with_a_clear_message(
    wave, orgs, member, rating, field, message
):
    a, b, *_ = orgs
    grid = full_grid(wave, a, 1)
    grid[b.pk] = rating
    with pytest.raises(InvalidInput) as error:
        save(wave, a, member, grid)
    assert message in error.value.extra["fields"][f"{field}_{b.pk}"][0]
    assert not TieRating.objects.exists()


def test_trust_is_refused_when_the_wave_does_not_ask(table, coordinator, orgs, member):
    wave = make_wave(table=table, actor=coordinator, ask_trust_value=False)
    a, b, *_ = orgs
    grid = full_grid(wave, a, 1)
    grid[b.pk] = R(level=2, trust=3)
    with pytest.raises(InvalidInput) as error:
        save(wave, a, member, grid)
    assert error.value.extra["fields"][f"trust_{b.pk}"] == [
        "This wave does not ask for trust and value."
    ]


def test_an_organization_outside_the_wave_cannot_be_rated_or_answer(table, wave, orgs, member):
    from tablee.organizations.tests.factories import OrganizationFactory

    outsider = OrganizationFactory(name="Hors vague")
    a, *_ = orgs
    grid = full_grid(wave, a, 1)
    grid[outsider.pk] = R(level=3)
    with pytest.raises(InvalidInput):
        save(wave, a, member, grid)
    with pytest.raises(InvalidInput):
        save(wave, outsider, member, {})


def test_a_closed_wave_refuses_answers(wave, orgs, member):
    close(wave)
    a, *_ = orgs
    with pytest.raises(InvalidTransition):
        save(wave, a, member, full_grid(wave, a, 1))


def test_the_coordination_enters_paper_answers_audited_apart(
    wave, orgs, coordinator, audit_entries
):
    a, *_ = orgs
    answer_set = services.answers_enter(
        wave=wave,
        organization=a,
        actor=coordinator,
        ratings=full_grid(wave, a, 2),
        base_revision=0,
    )
    assert answer_set.entered_by_coordination
    (entry,) = audit_entries()
    assert entry.event == Event.RELATION_ANSWERS_ENTERED and entry.actor == coordinator


# -- pages -------------------------------------------------------------------------


def _post_grid(wave, org, level, revision=0, **extra):
    data = {"revision": str(revision)}
    for participant in wave.participants.all():
        if participant.organization_id != org.pk:
            data[f"level_{participant.organization_id}"] = str(level)
    data.update(extra)
    return data


def test_a_representative_answers_through_the_page(client, table, wave, orgs, member):
    a, b, *_ = orgs
    seat(table, a, member)
    client.force_login(member)
    url = reverse("relationsurvey:wave-answer", args=[table.slug, wave.pk])
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "<fieldset" in text and "<legend>" in text and b.name in text
    response = client.post(url, _post_grid(wave, a, 3, **{f"trust_{b.pk}": "4"}))
    assert response.status_code == 302
    rating = TieRating.objects.get(source=a, target=b)
    assert (rating.level, rating.trust) == (3, 4)


def test_the_alternate_may_answer_too(client, table, wave, orgs):
    a, *_ = orgs
    alternate = MembershipFactory(table=table, role=Role.MEMBER).user
    seat(table, a, alternate, position=Position.ALTERNATE)
    client.force_login(alternate)
    url = reverse("relationsurvey:wave-answer", args=[table.slug, wave.pk])
    assert client.post(url, _post_grid(wave, a, 2)).status_code == 302


def test_a_page_error_keeps_nothing_and_names_the_row(client, table, wave, orgs, member):
    a, b, *_ = orgs
    seat(table, a, member)
    client.force_login(member)
    data = _post_grid(wave, a, 2)
    del data[f"level_{b.pk}"]
    response = client.post(reverse("relationsurvey:wave-answer", args=[table.slug, wave.pk]), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert f"Choose a level for {b.name} (0 if there is no link)." in text
    assert f'href="#row-{b.pk}"' in text
    assert not TieRating.objects.exists()


def test_a_page_conflict_shows_the_saved_version(client, table, wave, orgs, member, coordinator):
    a, b, *_ = orgs
    seat(table, a, member)
    save(wave, a, coordinator, full_grid(wave, a, 5))
    client.force_login(member)
    response = client.post(
        reverse("relationsurvey:wave-answer", args=[table.slug, wave.pk]),
        _post_grid(wave, a, 1, revision=0),
    )
    assert response.status_code == 409
    assert "Someone else saved answers for this organization" in response.content.decode()
    # The form now carries the saved version and its revision.
    assert response.context["form"].initial["revision"] == 1
    assert response.context["form"].initial[f"level_{b.pk}"] == 5
    assert set(TieRating.objects.values_list("level", flat=True)) == {5}


def test_someone_who_represents_no_organization_of_the_wave_gets_403(client, table, wave, member):
    client.force_login(member)
    url = reverse("relationsurvey:wave-answer", args=[table.slug, wave.pk])
    assert client.get(url).status_code == 403


def test_a_representative_cannot_answer_for_another_organization(
    client, table, wave, orgs, member
):
    a, b, *_ = orgs
    seat(table, a, member)
    client.force_login(member)
    url = reverse("relationsurvey:wave-answer", args=[table.slug, wave.pk])
    assert client.get(url, {"organization": b.pk}).status_code == 403


def test_a_person_with_two_seats_chooses_the_organization(client, table, wave, orgs, member):
    a, b, *_ = orgs
    seat(table, a, member)
    seat(table, b, member)
    client.force_login(member)
    url = reverse("relationsurvey:wave-answer", args=[table.slug, wave.pk])
    page = client.get(url, {"organization": b.pk})
    assert page.context["organization"] == b
    assert 'id="organization-choice"' in page.content.decode()
    response = client.post(f"{url}?organization={b.pk}", _post_grid(wave, b, 2))
    assert response.status_code == 302
    assert AnswerSet.objects.get().organization == b


def test_a_closed_wave_answer_page_is_refused(client, table, wave, orgs, member):
    seat(table, orgs[0], member)
    close(wave)
    client.force_login(member)
    url = reverse("relationsurvey:wave-answer", args=[table.slug, wave.pk])
    assert client.get(url).status_code == 403


def test_the_coordination_types_in_answers_through_the_page(
    client, table, wave, orgs, coordinator
):
    a, *_ = orgs
    client.force_login(coordinator)
    url = reverse("relationsurvey:answers-enter", args=[table.slug, wave.pk, a.pk])
    assert "Type in the answers of" in client.get(url).content.decode()
    assert client.post(url, _post_grid(wave, a, 4)).status_code == 302
    assert AnswerSet.objects.get().entered_by_coordination


def test_entering_for_an_organization_outside_the_wave_is_not_found(
    client, table, wave, coordinator
):
    other = UserFactory()  # any id that is not a participant
    client.force_login(coordinator)
    url = reverse("relationsurvey:answers-enter", args=[table.slug, wave.pk, other.pk + 10_000])
    assert client.get(url).status_code == 404
