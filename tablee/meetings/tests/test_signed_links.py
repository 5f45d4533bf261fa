"""Signed links: valid, expired, tampered; answering dates without signing in."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tablee.core.models import AuditEntry, AuditEvent
from tablee.meetings import links, services
from tablee.meetings.models import DateAnswer, MeetingStatus
from tablee.meetings.tests.factories import DateOptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def planning(table):
    option = DateOptionFactory(meeting__table=table)
    DateOptionFactory(meeting=option.meeting)
    return option.meeting


def _url(planning, member):
    token = links.make_token(
        salt=links.AVAILABILITY_SALT, meeting_id=planning.pk, person_id=member.pk
    )
    return reverse("meetings_public:availability", args=[token]), token


def test_a_valid_link_answers_in_the_persons_name(client, planning, member):
    url, _token = _url(planning, member)
    options = list(planning.date_options.all())
    response = client.post(
        url, {f"option_{options[0].pk}": "yes", f"option_{options[1].pk}": "if_need_be"}
    )
    assert response.status_code == 200
    assert DateAnswer.objects.filter(person=member).count() == 2
    entry = AuditEntry.objects.get()
    assert entry.event == AuditEvent.MEETING_DATE_ANSWERED and entry.actor == member


def test_a_tampered_link_is_refused(client, planning, member):
    token = _url(planning, member)[1]
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(reverse("meetings_public:availability", args=[forged]))
    assert response.status_code == 404
    other_salt = links.make_token(
        salt=links.REPLY_SALT, meeting_id=planning.pk, person_id=member.pk
    )
    assert (
        client.get(reverse("meetings_public:availability", args=[other_salt])).status_code == 404
    )


def test_an_expired_link_says_so(client, planning, member, monkeypatch):
    url, _token = _url(planning, member)
    monkeypatch.setattr(links, "MAX_AGE", timedelta(seconds=-1))
    monkeypatch.setattr(links.read_token, "__kwdefaults__", {"max_age": timedelta(seconds=-1)})
    response = client.get(url)
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_a_link_of_someone_who_left_the_table_stops_working(client, planning, member, table):
    from tablee.tables.models import Membership

    url, _token = _url(planning, member)
    Membership.objects.filter(table=table, user=member).update(ended_at="2020-01-01T00:00Z")
    assert client.get(url).status_code == 404


def test_choose_date_schedules(planning, coordinator):
    option = planning.date_options.first()
    services.meeting_choose_date(meeting=planning, actor=coordinator, option=option)
    planning.refresh_from_db()
    assert planning.status == MeetingStatus.SCHEDULED
    assert planning.starts_at == option.starts_at
    assert list(AuditEntry.objects.values_list("event", flat=True)) == [
        AuditEvent.MEETING_DATE_CHOSEN
    ]


def test_propose_dates_asks_members(
    table, coordinator, member, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.utils import timezone

    meeting = services.meeting_create(table=table, actor=coordinator, title="À planifier")
    AuditEntry.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_propose_dates(
            meeting=meeting,
            actor=coordinator,
            starts_at=[timezone.now() + timedelta(days=d) for d in (7, 8, 9)],
        )
    assert meeting.date_options.count() == 3
    assert [e.event for e in AuditEntry.objects.all()] == [AuditEvent.MEETING_DATES_PROPOSED]
    message = next(m for m in mail.outbox if m.to == [member.email])
    assert "/meetings/availability/" in message.body


def test_dates_page_grid_counts(client, planning, member, coordinator):
    options = list(planning.date_options.all())
    services.meeting_answer_dates(
        meeting=planning, person=member, answers={options[0].pk: "yes", options[1].pk: "no"}
    )
    client.force_login(coordinator)
    page = client.get(
        reverse("meetings:meeting-dates", args=[planning.table.slug, planning.pk])
    ).content.decode()
    assert "1 yes · 0 if need be · 0 no" in page
    assert "0 yes · 0 if need be · 1 no" in page
