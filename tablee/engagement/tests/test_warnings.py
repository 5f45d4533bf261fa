"""The early warnings, on known cases: exact thresholds."""

from datetime import date, timedelta

import pytest

from tablee.engagement import warnings as w


def test_trailing_absences_skip_unrecorded_meetings():
    assert w.trailing_absences([True, False, None, False]) == 2
    assert w.trailing_absences([False, False, True]) == 0
    assert w.trailing_absences([]) == 0


@pytest.mark.parametrize(("absences", "flagged"), [(2, False), (3, True), (4, True)])
def test_seat_absent_at_threshold_in_a_row(absences, flagged):
    presence = {"Maison des jeunes": [True] + [False] * absences}
    alerts = w.seat_absence_alerts(presence, threshold=3)
    assert bool(alerts) is flagged
    if flagged:
        assert alerts[0].kind == w.SEAT_ABSENT
        assert f"last {absences} meetings in a row" in alerts[0].sentence
        assert alerts[0].names_someone


def test_seat_present_at_the_last_meeting_is_not_flagged():
    assert w.seat_absence_alerts({"A": [False, False, False, True]}, threshold=3) == []


@pytest.mark.parametrize(("silent", "flagged"), [(2, False), (3, True)])
def test_sector_silent_at_threshold(silent, flagged):
    attended = {"Santé": [True] * 4 + [False] * silent}
    alerts = w.sector_silence_alerts(attended, threshold=3)
    assert bool(alerts) is flagged
    if flagged:
        assert "Santé" in alerts[0].sentence


def test_sector_with_too_few_meetings_is_not_flagged():
    assert w.sector_silence_alerts({"Santé": [False, False]}, threshold=3) == []


@pytest.mark.parametrize(("recent", "flagged"), [(65, False), (64, True)])
def test_falling_trend_needs_more_than_the_drop(recent, flagged):
    # The previous six average 80 %; a drop of exactly 15 points is not enough.
    rates = [80.0] * 6 + [recent] * 3
    alert = w.falling_trend_alert(rates, drop_points=15)
    assert (alert is not None) is flagged
    if flagged:
        assert alert.kind == w.FALLING_TREND
        assert "16 points lower" in alert.sentence


def test_falling_trend_ignores_missing_rates_and_needs_nine_meetings():
    assert w.falling_trend_alert([80.0] * 5 + [10.0] * 3, drop_points=15) is None
    rates = [80.0] * 6 + [None, 10.0, 10.0, 10.0]
    assert w.falling_trend_alert(rates, drop_points=15) is not None


def test_stage_alert_lists_the_absent_groups():
    gaps = [
        w.StageGap(process="Plan 2026", stage="Diagnostic", absent_groups=("Santé", "Citoyens")),
        w.StageGap(process="Plan 2026", stage="Vision", absent_groups=()),
    ]
    alerts = w.stage_alerts(gaps)
    assert len(alerts) == 1
    assert "2 needed groups have nobody engaged: Santé, Citoyens" in alerts[0].sentence


@pytest.mark.parametrize(
    ("days_left", "late", "flagged"),
    [
        (22, 2, False),
        (21, 2, True),
        (0, 1, True),
        (-3, 1, True),
        (5, 0, False),
    ],
)
def test_reporting_date_within_days_with_late_actions(days_left, late, flagged):
    today = date(2026, 5, 1)
    due = w.ReportingDue(
        what="Rapport annuel",
        funder="Centraide",
        due_on=today + timedelta(days_left),
        late_actions=late,
    )
    alerts = w.reporting_alerts([due], today=today, days=21)
    assert bool(alerts) is flagged
    if flagged:
        assert "Centraide" in alerts[0].sentence
