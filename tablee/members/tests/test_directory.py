"""Who's-who: contacts only for members AND consenting people, page and API."""

import pytest

from tablee.members.tests.factories import (
    CommitteeMemberFactory,
    ContactCardFactory,
    SeatHoldingFactory,
)
from tablee.organizations.models import Sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(table):
    agrees = SeatHoldingFactory(seat__table=table, person__full_name="Alice Consent").person
    ContactCardFactory(person=agrees, phone="418 555-0001", directory_consent=True)
    refuses = SeatHoldingFactory(seat__table=table, person__full_name="Bruno Discret").person
    ContactCardFactory(person=refuses, phone="418 555-0002", directory_consent=False)
    return agrees, refuses


def test_member_sees_contacts_of_consenting_people_only(client, table, member, people):
    agrees, refuses = people
    client.force_login(member)
    text = client.get(f"/t/{table.slug}/directory/").content.decode()
    assert agrees.email in text and "418 555-0001" in text
    assert "Bruno Discret" in text
    assert refuses.email not in text and "418 555-0002" not in text


def test_observer_sees_no_contacts(client, table, observer, people):
    agrees, _refuses = people
    client.force_login(observer)
    text = client.get(f"/t/{table.slug}/directory/").content.decode()
    assert "Alice Consent" in text
    assert agrees.email not in text and "418 555-0001" not in text


def test_api_follows_the_same_rules(client, table, member, observer, people, bearer):
    agrees, _refuses = people
    url = f"/api/v1/tables/{table.slug}/directory"
    items = client.get(url, headers=bearer(member)).json()["items"]
    by_name = {item["name"]: item for item in items}
    assert by_name["Alice Consent"]["email"] == agrees.email
    assert by_name["Bruno Discret"]["email"] is None
    assert by_name["Bruno Discret"]["phone"] is None
    items = client.get(url, headers=bearer(observer)).json()["items"]
    assert all(item["email"] is None for item in items)


def test_filters_and_htmx(client, table, member):
    sector = Sector.objects.get(code="education")
    school = SeatHoldingFactory(
        seat__table=table, seat__sector=sector, person__full_name="Élise École"
    )
    other = SeatHoldingFactory(seat__table=table, person__full_name="Omar Autre")
    cm = CommitteeMemberFactory(committee__table=table, person=other.person)
    client.force_login(member)
    url = f"/t/{table.slug}/directory/"
    text = client.get(url, {"sector": "education"}, headers={"HX-Request": "true"})
    text = text.content.decode()
    assert "<html" not in text and "Élise École" in text and "Omar Autre" not in text
    text = client.get(url, {"committee": cm.committee_id}).content.decode()
    assert "<html" in text and "Omar Autre" in text and "Élise École" not in text
    assert school.person.display_name not in client.get(url, {"q": "Omar"}).content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_directory_queries_stay_flat(client, table, member, django_assert_max_num_queries, count):
    for _i in range(count):
        holding = SeatHoldingFactory(seat__table=table)
        ContactCardFactory(person=holding.person)
        CommitteeMemberFactory(committee__table=table, person=holding.person)
    client.force_login(member)
    with django_assert_max_num_queries(14):
        assert client.get(f"/t/{table.slug}/directory/").status_code == 200
