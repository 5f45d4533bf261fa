"""The demo meetings load, and loading twice changes nothing."""

import pytest

from tablee.meetings.models import AgendaDocument, DateAnswer, Meeting, MeetingStatus

pytestmark = pytest.mark.django_db


def test_demo_meetings_load_once(settings):
    from tablee.core import demo

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    demo.load_demo()
    meetings = Meeting.objects.filter(table__slug="quartier-demo")
    assert meetings.filter(status=MeetingStatus.HELD, committee__isnull=True).count() == 10
    assert meetings.filter(status=MeetingStatus.CONVENED).count() == 1
    assert meetings.filter(status=MeetingStatus.PLANNING).get().date_options.count() == 3
    assert DateAnswer.objects.exists()
    assert AgendaDocument.objects.get().content_type == "application/pdf"
    count = meetings.count()
    demo.load_demo()
    assert meetings.count() == count
