"""The health page, its settings and its API: figures, names rule, query counts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tablee.core.models import AuditEntry
from tablee.engagement import selectors, services
from tablee.engagement.audit_events import Event
from tablee.engagement.tests.factories import held_meetings, seats
from tablee.meetings.models import MeetingRules
from tablee.members.tests.factories import SeatHoldingFactory

pytestmark = pytest.mark.django_db


def _history(table, weeks: int):
    """Four seats; the last one absent from the last three meetings."""
    a, b, c, d = seats(table, 4)
    presence = {
        a: [True] * weeks,
        b: [True, False] * (weeks // 2) + [True] * (weeks % 2),
        c: [None] + [True] * (weeks - 1),
        d: [True] * (weeks - 3) + [False] * 3,
    }
    return (a, b, c, d), held_meetings(table, presence)


def test_report_counts_rates_quorum_and_the_absent_seat(table):
    (_a, _b, _c, d), _meetings = _history(table, 6)
    MeetingRules.objects.create(table=table, quorum_rule="two_thirds")
    report = selectors.health_report(table=table, warnings_visible=True, names_visible=True)
    assert report.meetings_held == 6
    latest = report.meetings[0]
    # Latest meeting: a, c present, b absent (it alternates), d absent.
    assert (latest.present, latest.recorded) == (2, 4)
    assert latest.rate == 50.0
    # Quorum two thirds of 4 open seats = 3: missed at the last meeting.
    assert latest.quorum_required == 3
    assert latest.quorum_met is False
    kinds = [alert.kind for alert in report.alerts]
    assert kinds.count("seat_absent") == 1
    assert str(d) in report.alerts[0].sentence
    # The first meeting recorded only three seats (c not taken): never counted as absent.
    first = report.meetings[-1]
    assert first.recorded == 3


def test_absence_threshold_comes_from_the_settings(table, coordinator):
    _history(table, 6)
    services.health_settings_update(
        table=table,
        actor=coordinator,
        show_names_to_members=False,
        absence_streak=4,
        sector_silence=3,
        trend_drop_points=15,
        reporting_days=21,
        vacancy_days=90,
    )
    report = selectors.health_report(table=table, warnings_visible=True)
    assert not [alert for alert in report.alerts if alert.kind == "seat_absent"]


def test_settings_update_is_audited_once_and_refuses_a_stale_edit(table, coordinator):
    values = {
        "show_names_to_members": True,
        "absence_streak": 2,
        "sector_silence": 3,
        "trend_drop_points": 10,
        "reporting_days": 30,
        "vacancy_days": 60,
    }
    saved = services.health_settings_update(table=table, actor=coordinator, **values)
    assert AuditEntry.objects.filter(event=Event.ENGAGEMENT_SETTINGS_UPDATED).count() == 1
    stale = (saved.updated_at - timedelta(seconds=5)).isoformat()
    from tablee.core.errors import Conflict

    with pytest.raises(Conflict):
        services.health_settings_update(table=table, actor=coordinator, revision=stale, **values)
    assert AuditEntry.objects.filter(event=Event.ENGAGEMENT_SETTINGS_UPDATED).count() == 1


def test_settings_page_refuses_a_threshold_of_zero(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/health/settings/",
        {
            "absence_streak": 0,
            "sector_silence": 3,
            "trend_drop_points": 15,
            "reporting_days": 21,
            "vacancy_days": 90,
        },
    )
    assert response.status_code == 200
    assert not selectors.settings_get(table=table).pk


def test_members_see_no_names_by_default(client, table, member, coordinator):
    (_a, _b, _c, d), _meetings = _history(table, 4)
    client.force_login(member)
    page = client.get(f"/t/{table.slug}/health/").content.decode()
    assert "By sector" in page
    assert str(d) not in page
    assert "Early warnings" not in page
    client.force_login(coordinator)
    page = client.get(f"/t/{table.slug}/health/").content.decode()
    assert str(d) in page
    assert "Early warnings" in page


def test_members_see_names_when_the_table_allows_it(client, table, member, coordinator):
    (_a, _b, _c, d), _meetings = _history(table, 4)
    services.health_settings_update(
        table=table,
        actor=coordinator,
        show_names_to_members=True,
        absence_streak=3,
        sector_silence=3,
        trend_drop_points=15,
        reporting_days=21,
        vacancy_days=90,
    )
    client.force_login(member)
    page = client.get(f"/t/{table.slug}/health/").content.decode()
    assert str(d) in page
    assert "Early warnings" not in page


def test_api_gives_warnings_to_coordinators_only(client, table, member, coordinator, bearer):
    _history(table, 4)
    url = f"/api/v1/tables/{table.slug}/health"
    data = client.get(url, headers=bearer(coordinator)).json()
    assert data["meetings_held"] == 4
    assert [w["kind"] for w in data["warnings"]] == ["seat_absent"]
    assert data["by_seat"] is not None
    data = client.get(url, headers=bearer(member)).json()
    assert data["warnings"] is None
    assert data["by_seat"] is None
    assert data["by_sector"]


def test_vacant_seat_for_long(table):
    (a, *_rest), _meetings = _history(table, 2)
    holding = a.holdings.get()
    holding.ended_on = timezone.localdate() - timedelta(days=120)
    holding.save()
    report = selectors.health_report(table=table, names_visible=True)
    assert report.vacant_count == 1
    assert report.vacant_for_long_count == 1
    assert report.turnover[-1].departures == 1 or report.turnover[0].departures == 1
    SeatHoldingFactory(seat=a, position="representative", started_on=timezone.localdate())
    assert selectors.health_report(table=table).vacant_count == 0


@pytest.mark.parametrize("weeks", [4, 40])
def test_health_page_queries_do_not_grow(
    client, table, coordinator, weeks, django_assert_max_num_queries
):
    _history(table, weeks)
    client.force_login(coordinator)
    # session, user, table, roles; settings with meeting rules, seats, meetings
    # with their counts, rates by seat and period, presence at the recent
    # meetings, holdings, polls by year, reporting dates with late actions
    with django_assert_max_num_queries(12):
        assert client.get(f"/t/{table.slug}/health/?period=quarter").status_code == 200


@pytest.mark.parametrize("weeks", [4, 40])
def test_mobilisation_page_queries_do_not_grow_and_flag_the_stage(
    client, table, coordinator, member, weeks, django_assert_max_num_queries
):
    from tablee.processes.models import StageStatus
    from tablee.processes.tests.factories import StageFactory, StageNeedFactory

    stage = StageFactory(process__table=table, status=StageStatus.UNDER_WAY)
    StageNeedFactory(stage=stage, actor_type="strategic")
    _history(table, weeks)
    client.force_login(coordinator)
    # session, user, table, roles, processes, then mobilisation_for_process
    # (stages, needs, levers, engagement union, seats, holdings)
    with django_assert_max_num_queries(11):
        response = client.get(f"/t/{table.slug}/health/mobilisation/")
    assert "1 needed group has nobody engaged" in response.content.decode()
    client.force_login(member)
    response = client.get(f"/t/{table.slug}/health/mobilisation/")
    assert "1 needed group has nobody engaged" not in response.content.decode()
    assert "Needed groups and engagement by stage" in response.content.decode()


def test_seat_rates_go_fifty_to_a_page(client, table, coordinator):
    from django.urls import reverse

    many = seats(table, 53)
    held_meetings(table, {seat: [True, False] for seat in many})
    client.force_login(coordinator)
    url = reverse("engagement:health", kwargs={"table_slug": table.slug})
    first = client.get(url).content.decode()
    second = client.get(url, {"period": "year", "seats_page": 2}).content.decode()
    labels = sorted(str(seat) for seat in many)

    def rows(body):
        section = body.split('id="seat-heading"', 1)[1].split("</section>", 1)[0]
        return section.count('<th scope="row">')

    assert rows(first) == 50 and rows(second) == 3
    assert "seats_page=2" in first
    assert "(53 seats)" in first or "(53 sièges)" in first
    assert any(label in second for label in labels)


def test_long_lists_of_vacancies_are_cut_at_fifty(client, table, coordinator):
    from django.urls import reverse

    from tablee.members.models import SeatHolding

    many = seats(table, 52)
    SeatHolding.objects.filter(seat__in=many).delete()  # every seat is now vacant
    client.force_login(coordinator)
    body = client.get(reverse("engagement:health", kwargs={"table_slug": table.slug}))
    text = body.content.decode()
    assert "of 52" in text or "sur 52" in text
    assert reverse("members:seat-list", kwargs={"table_slug": table.slug}) in text
