"""The relations survey in the annual report: members' copy only, beside the wave before."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tablee.relationsurvey.models import Wave
from tablee.relationsurvey.tests.factories import answer, make_wave, seated_orgs
from tablee.reports import annual

pytestmark = pytest.mark.django_db
YEAR = 2025


def _close_in(wave, year, month):
    closes = timezone.make_aware(datetime(year, month, 20, 12))
    Wave.objects.filter(pk=wave.pk).update(opens_at=closes - timedelta(days=21), closes_at=closes)
    wave.refresh_from_db()
    return wave


def _waves(table, coordinator):
    orgs = seated_orgs(table, 4)
    before = _close_in(make_wave(table=table, actor=coordinator, title="Carte 2024"), 2024, 10)
    after = _close_in(make_wave(table=table, actor=coordinator, title="Carte 2025"), 2025, 10)
    answer(before, orgs[0], {orgs[1]: 1, orgs[2]: 0, orgs[3]: 0})
    for source in orgs[:3]:
        answer(after, source, {o: 3 for o in orgs if o != source})
    return before, after


def _text(report) -> str:
    return report.section("evaluation").plain_text()


def test_members_copy_compares_the_wave_with_the_one_before(table, coordinator):
    _waves(table, coordinator)
    text = _text(
        annual.build_annual(table=table, year=YEAR, language="en", audience=annual.AUDIENCE_TABLE)
    )
    assert "Relations between organizations" in text
    assert "Carte 2024" in text and "Carte 2025" in text
    assert "3 of 4 organizations answered" in text
    assert "Density" in text and "Both times, now" in text


def test_partners_copy_keeps_the_map_with_the_table(table, coordinator):
    _waves(table, coordinator)
    text = _text(
        annual.build_annual(
            table=table, year=YEAR, language="en", audience=annual.AUDIENCE_OUTSIDE
        )
    )
    assert "3 of 4 organizations answered" in text
    assert "Density" not in text
    assert "appears only in the members' copy" in text


def test_a_year_without_a_wave_says_so(table):
    text = _text(
        annual.build_annual(table=table, year=YEAR, language="en", audience=annual.AUDIENCE_TABLE)
    )
    assert "No relations survey wave closed this year." in text
