"""Reminders, digests, retries and the one-click unsubscribe link."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from tablee.actions.models import DigestFrequency, NotificationPreference, PendingNotification
from tablee.actions.notifications import MAX_ATTEMPTS, notify, unsubscribe_token
from tablee.actions.tests.factories import ActionItemFactory, NotificationPreferenceFactory

pytestmark = pytest.mark.django_db
_capture = None

TODAY = date(2030, 3, 10)


@pytest.fixture(autouse=True)
def _run_on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks as a real commit would (tasks enqueue on commit)."""
    global _capture
    _capture = django_capture_on_commit_callbacks


def _run(*args):
    with _capture(execute=True):
        call_command(*args, stdout=io.StringIO())


def _remind(days=None):
    args = ["send_reminders", "--today", TODAY.isoformat()]
    if days:
        args += ["--days", str(days)]
    _run(*args)


def test_reminders_go_out_within_the_window_and_on_the_due_date(table, member):
    for offset in (-1, 0, 1, 3, 4):
        ActionItemFactory(
            table=table,
            title=f"J{offset:+d}",
            accountable_person=member,
            due_date=TODAY + timedelta(days=offset),
        )
    ActionItemFactory(
        table=table, title="Faite", accountable_person=member, due_date=TODAY, status="done"
    )
    ActionItemFactory(table=table, title="Personne", due_date=TODAY)
    _remind()
    subjects = sorted(m.subject for m in mail.outbox)
    assert len(subjects) == 3
    assert any(("Due today" in s or "Échéance aujourd’hui" in s) and "J+0" in s for s in subjects)
    assert any("J+1" in s for s in subjects) and any("J+3" in s for s in subjects)
    assert all(m.to == [member.email] for m in mail.outbox)


def test_one_reminder_per_due_date(table, member):
    action = ActionItemFactory(
        table=table, accountable_person=member, due_date=TODAY + timedelta(days=2)
    )
    _remind()
    _remind()
    assert len(mail.outbox) == 1
    action.refresh_from_db()
    assert action.reminded_for == action.due_date
    # Moving the due date re-arms the reminder.
    action.due_date = TODAY + timedelta(days=1)
    action.save()
    _remind()
    assert len(mail.outbox) == 2


def test_reminders_respect_never_but_skip_the_digest_wait(table, member, observer):
    NotificationPreferenceFactory(user=member, frequency=DigestFrequency.WEEKLY)
    NotificationPreferenceFactory(user=observer, frequency=DigestFrequency.NEVER)
    ActionItemFactory(table=table, accountable_person=member, due_date=TODAY)
    ActionItemFactory(table=table, accountable_person=observer, due_date=TODAY)
    _remind()
    assert [m.to for m in mail.outbox] == [[member.email]]


@pytest.fixture
def broken_mail(monkeypatch):
    def fail(self, *args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", fail)


def test_a_failing_email_is_recorded_then_retried(table, member, broken_mail, monkeypatch):
    ActionItemFactory(table=table, accountable_person=member, due_date=TODAY)
    _remind()
    notification = PendingNotification.objects.get()
    assert notification.sent_at is None and notification.attempts == 1
    assert "SMTP server down" in notification.last_error
    for _ in range(10):
        _run("send_digests", "--period", "daily")
    notification.refresh_from_db()
    assert notification.attempts == MAX_ATTEMPTS  # gives up after 5 attempts
    monkeypatch.undo()
    _run("send_digests", "--period", "daily")
    assert notification.sent_at is None and mail.outbox == []


def test_a_retry_succeeds_once_the_server_is_back(table, member, broken_mail, monkeypatch):
    ActionItemFactory(table=table, accountable_person=member, due_date=TODAY)
    _remind()
    monkeypatch.undo()
    _run("send_digests", "--period", "weekly")
    notification = PendingNotification.objects.get()
    assert notification.sent_at is not None and notification.attempts == 2
    assert notification.last_error == ""
    assert len(mail.outbox) == 1


def test_a_failing_email_never_breaks_a_page(client, table, coordinator, member, broken_mail):
    from tablee.minutes.tests.factories import MinutesFactory

    minutes = MinutesFactory(meeting__table=table)
    client.force_login(coordinator)
    # The test client runs on_commit callbacks of the request (ImmediateBackend sends in-process).
    response = client.post(f"/t/{table.slug}/meetings/{minutes.meeting_id}/minutes/circulate/")
    assert response.status_code == 302
    assert PendingNotification.objects.exists()
    response = client.post(
        f"/t/{table.slug}/actions/new/", {"title": "Appeler", "accountable_person": member.pk}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("frequency", "immediate", "daily", "weekly"),
    [
        (DigestFrequency.IMMEDIATE, 1, 0, 0),
        (DigestFrequency.DAILY, 0, 1, 0),
        (DigestFrequency.WEEKLY, 0, 0, 1),
        (DigestFrequency.NEVER, 0, 0, 0),
    ],
)
def test_digests_per_frequency(
    table, member, frequency, immediate, daily, weekly, django_capture_on_commit_callbacks
):
    NotificationPreferenceFactory(user=member, frequency=frequency)
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=member, table=table, subject="Premier", body="Un", url="/t/x/")
        notify(user=member, table=table, subject="Second", body="Deux")
    assert len(mail.outbox) == immediate * 2
    mail.outbox.clear()
    _run("send_digests", "--period", "daily")
    assert len(mail.outbox) == daily
    _run("send_digests", "--period", "weekly")
    assert len(mail.outbox) == daily + weekly
    if daily or weekly:
        digest = mail.outbox[0]
        assert "Premier" in digest.body and "Second" in digest.body and table.name in digest.body
        assert "summary" in digest.subject or "résumé" in digest.subject
    # Sent rows are not sent twice.
    _run("send_digests", "--period", "daily")
    _run("send_digests", "--period", "weekly")
    assert len(mail.outbox) == daily + weekly
    if frequency == DigestFrequency.NEVER:
        assert not PendingNotification.objects.exists()


def test_every_email_has_a_one_click_unsubscribe(
    table, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=member, table=table, subject="Bonjour", body="Texte")
    message = mail.outbox[0]
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body and "/notifications/unsubscribe/" in link


def test_unsubscribe_link_valid_and_tampered(client, member):
    url = f"/notifications/unsubscribe/{unsubscribe_token(member)}/"
    page = client.get(url)
    assert page.status_code == 200 and member.email in page.content.decode()
    assert not NotificationPreference.objects.filter(user=member).exists()  # GET changes nothing
    tampered = client.get(url.replace(unsubscribe_token(member)[:6], "abcdef"))
    assert tampered.status_code == 404
    assert client.post(url.replace(unsubscribe_token(member)[-6:], "xyzxyz")).status_code == 404


def test_one_click_post_without_csrf_unsubscribes(member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/notifications/unsubscribe/{unsubscribe_token(member)}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=member).frequency == DigestFrequency.NEVER


def test_notifications_page_saves_the_frequency(client, member):
    client.force_login(member)
    page = client.get("/notifications/").content.decode()
    assert "Once a week" in page
    response = client.post("/notifications/", {"frequency": "daily"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=member).frequency == DigestFrequency.DAILY
    assert client.post("/notifications/", {"frequency": "hourly"}).status_code == 200


def test_tasks_take_json_serialisable_ids_with_a_queueing_backend(table, member, settings):
    """With the database backend, arguments are stored as JSON: only ids and strings."""
    import json

    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ActionItemFactory(table=table, accountable_person=member, due_date=TODAY)
    NotificationPreferenceFactory(user=member, frequency=DigestFrequency.DAILY)
    notify(user=member, table=table, subject="S", body="B")
    _remind()
    _run("send_digests", "--period", "daily")
    results = default_task_backend.results
    assert {r.task.name for r in results} >= {"send_action_reminder", "send_digest"}
    for result in results:
        json.dumps({"args": result.args, "kwargs": result.kwargs})
    assert mail.outbox == []
