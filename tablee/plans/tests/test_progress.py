"""Progress updates: by the accountable person, from the web or a signed link."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.signing import dumps
from django.utils import timezone

from tablee.core.models import AuditEntry
from tablee.plans import links
from tablee.plans.models import ProgressUpdate
from tablee.plans.tests.conftest import plan_url
from tablee.plans.tests.factories import PlanActionFactory, ProcessFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(objective, member):
    return PlanActionFactory(
        objective=objective,
        title="Distribuer des paniers de légumes",
        accountable_person=member,
        ends_on=timezone.localdate() + timedelta(days=3),
    )


def _update(status="under_way", **extra):
    data = {
        "reported_on": timezone.localdate().isoformat(),
        "status": status,
        "note": "Ça avance.",
    }
    data.update(extra)
    return data


def test_accountable_member_reports_progress_without_the_coordinator(
    client, table, process, member, action
):
    client.force_login(member)
    url = plan_url(table, process, f"plan/actions/{action.pk}/progress/")
    assert client.get(url).status_code == 200
    response = client.post(url, _update("done"))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done"
    assert ProgressUpdate.objects.get().author == member


def test_another_member_cannot_report_progress(client, table, process, action):
    from tablee.tables.models import Role
    from tablee.tables.tests.factories import MembershipFactory

    other = MembershipFactory(table=table, role=Role.MEMBER).user
    client.force_login(other)
    url = plan_url(table, process, f"plan/actions/{action.pk}/progress/")
    assert client.post(url, _update()).status_code == 403
    assert not ProgressUpdate.objects.exists()


# ---------------------------------------------------------------- signed link


def _link(action, person):
    return links.progress_path(action=action, person_id=person.pk)


def test_signed_link_adds_an_update_without_signing_in(client, member, action):
    url = _link(action, member)
    page = client.get(url)
    assert page.status_code == 200
    assert "Distribuer des paniers de légumes" in page.content.decode()
    response = client.post(url, _update("under_way", note="Deux livraisons faites."))
    assert response.status_code == 200
    assert "your update was recorded" in response.content.decode()
    update = ProgressUpdate.objects.get()
    assert (update.author, update.via_link, update.status) == (member, True, "under_way")
    action.refresh_from_db()
    assert action.status == "under_way"
    entry = AuditEntry.objects.get()
    assert entry.actor == member and entry.event == "plan_progress_recorded"


def test_signed_link_only_adds_progress(client, member, action):
    """Other fields sent with the form (title, dates) are ignored."""
    client.post(_link(action, member), _update(title="Piraté", ends_on="2030-01-01"))
    action.refresh_from_db()
    assert action.title == "Distribuer des paniers de légumes"
    assert action.ends_on == timezone.localdate() + timedelta(days=3)


def test_expired_link_is_refused(client, member, action):
    three_weeks_ago = timezone.now() - timedelta(days=22)
    with mock.patch("django.core.signing.time.time", return_value=three_weeks_ago.timestamp()):
        url = _link(action, member)
    response = client.post(url, _update())
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_tampered_link_is_refused(client, member, action):
    url = _link(action, member)
    response = client.get(url[:-3] + "xyz/")
    assert response.status_code == 404
    forged = dumps({"a": action.pk, "p": member.pk}, salt="another.salt", compress=True)
    assert client.get(url.rsplit("/", 2)[0] + f"/{forged}/").status_code == 404


def test_link_stops_when_the_person_is_no_longer_accountable(client, member, coordinator, action):
    url = _link(action, member)
    action.accountable_person = coordinator
    action.save()
    assert client.post(url, _update()).status_code == 404
    assert not ProgressUpdate.objects.exists()


def test_link_only_works_for_its_own_process_address(client, table, member, action):
    other = ProcessFactory(table=table, slug="autre")
    token = links.make_token(action_id=action.pk, person_id=member.pk)
    response = client.get(plan_url(table, other, f"plan/progress/{token}/"))
    assert response.status_code == 404


def test_link_refuses_bad_input_and_changes_nothing(client, member, action):
    response = client.post(
        _link(action, member),
        _update(reported_on=(timezone.localdate() + timedelta(days=5)).isoformat()),
    )
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


# ---------------------------------------------------------------- reminders


def test_reminders_e_mail_a_working_signed_link_once(
    client, member, action, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://testserver"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_plan_reminders", stdout=mock.MagicMock())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "Distribuer des paniers de légumes" in message.subject
    link = next(line for line in message.body.splitlines() if "/plan/progress/" in line)
    path = link.strip().replace("http://testserver", "")
    assert client.get(path).status_code == 200
    # The same day, nothing more is sent.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_plan_reminders", stdout=mock.MagicMock())
    assert len(mail.outbox) == 1


def test_late_actions_are_reminded_and_finished_ones_are_not(member, objective):
    today = timezone.localdate()
    late = PlanActionFactory(
        objective=objective, accountable_person=member, ends_on=today - timedelta(days=10)
    )
    PlanActionFactory(
        objective=objective,
        accountable_person=member,
        ends_on=today - timedelta(days=10),
        status="done",
    )
    PlanActionFactory(
        objective=objective, accountable_person=member, ends_on=today + timedelta(days=60)
    )
    from tablee.plans.selectors import actions_due_for_reminder

    assert actions_due_for_reminder(today=today) == [late.pk]
    assert actions_due_for_reminder(today=today + timedelta(days=1)) == [late.pk]
    late.reminded_on = today
    late.save()
    assert actions_due_for_reminder(today=today + timedelta(days=3)) == []
    assert actions_due_for_reminder(today=today + timedelta(days=7)) == [late.pk]
    assert date  # keep the import for readability of dates above
