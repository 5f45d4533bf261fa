"""The evaluation section of the annual report: aggregates only.

Reads through the evaluation app's selectors, so the report follows exactly
the rules of the results pages: nothing at all below a campaign's anonymity
threshold, group breakdowns only when every group shown (and the pooled
rest) reaches it, never one person's answers. Three instruments of the year:
the latest partnership diagnostic (with the table's own reading of it, from
its discussion sheet), the latest appreciation wheel, the latest
winning-conditions self-check and the latest relations survey wave.

Results stay private to the table unless it decided, by a recorded
decision, to share them: in the copy for partners and funders a campaign
not shared shows its participation, never its results.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from tablee.reports.annual import (
    AUDIENCE_OUTSIDE,
    Section,
    missing_word,
    no_data,
    number,
    ticks,
    year_bounds,
)
from tablee.reports.annual_charts import BAR, RADAR, ChartSeries, ChartSpec
from tablee.reports.building import format_date


def evaluation(section: Section, *, table, start: date, end: date, audience: str) -> None:
    section.text(
        _(
            "Aggregated results only: no one's answers appear here, and a campaign with fewer "
            "respondents than its anonymity threshold shows no result at all, as on the "
            "table's results pages."
        )
    )
    campaigns = _campaigns_of_year(table, start, end)
    _diagnostic(section, campaigns.get("diagnostic"), audience)
    _wheel(section, campaigns.get("wheel"), audience)
    _selfcheck(section, table, start, end)
    _relations(section, table, start, end, audience)


def _campaigns_of_year(table, start: date, end: date) -> dict:
    """The latest campaign of each instrument closed in the year (already closed)."""
    from tablee.evaluation.models import Campaign

    first, last = year_bounds(start, end)
    latest: dict = {}
    rows = (
        Campaign.objects.for_table(table)
        .filter(closes_at__gte=first, closes_at__lte=min(last, timezone.now()))
        .select_related("table", "committee", "sharing_decision")
        .order_by("-closes_at", "-pk")
    )
    for campaign in rows[:50]:
        latest.setdefault(campaign.instrument, campaign)
    return latest


def _shareable(campaign, audience: str) -> bool:
    return audience != AUDIENCE_OUTSIDE or campaign.results_shared


def _campaign_facts(section: Section, campaign, results) -> None:
    from tablee.evaluation.models import Mode

    rate = results.rate
    rows = [[_("Closed on"), format_date(timezone.localdate(campaign.closes_at))]]
    if campaign.mode == Mode.TOGETHER:
        rows.append([_("Answered together in a meeting"), str(rate.answered)])
    else:
        rows.append([_("Respondents"), str(results.respondents)])
        if rate.percent is not None:
            rate_text = _("%(answered)s of %(invited)s invited (%(percent)s %%)") % {
                "answered": rate.answered,
                "invited": rate.invited,
                "percent": rate.percent,
            }
        else:
            rate_text = no_data()
        rows.append([_("Response rate"), rate_text])
        rows.append([_("Anonymity threshold"), str(campaign.anonymity_threshold)])
    if campaign.results_shared and campaign.sharing_decision:
        shared = _("Yes, by decision no. %(number)s") % {
            "number": campaign.sharing_decision.number
        }
    else:
        shared = _("No, private to the table")
    rows.append([_("Results shared outside the table"), shared])
    section.facts(rows)


def _hidden(section: Section, campaign, results, audience: str) -> bool:
    """Say why no result is shown, if so; True when the results stay out."""
    from tablee.evaluation.models import Mode

    if not _shareable(campaign, audience):
        section.muted(
            _(
                "The table has not decided to share these results outside: they appear only "
                "in the members' copy of this report."
            )
        )
        return True
    if not results.visible:
        if campaign.mode == Mode.TOGETHER:
            section.muted(_("The group's answer was not recorded."))
        else:
            section.muted(
                ngettext(
                    "No result is shown below %(n)s respondent, to protect anonymity.",
                    "No result is shown below %(n)s respondents, to protect anonymity.",
                    campaign.anonymity_threshold,
                )
                % {"n": campaign.anonymity_threshold}
            )
        return True
    return False


def _compared_with(previous) -> str:
    return _("The « Difference » column compares with %(title)s, closed on %(date)s.") % {
        "title": previous.title,
        "date": format_date(timezone.localdate(previous.closes_at)),
    }


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = number(value, 1)
    return f"+{text}" if value > 0 else text


# --- partnership diagnostic ------------------------------------------------------


def _diagnostic(section: Section, campaign, audience: str) -> None:
    from tablee.evaluation import selectors

    section.heading(_("Partnership diagnostic"))
    if campaign is None:
        section.muted(_("No partnership diagnostic closed this year."))
        return
    comparison = selectors.diagnostic_comparison(campaign=campaign)
    results = comparison.current
    section.text(campaign.title)
    _campaign_facts(section, campaign, results)
    if _hidden(section, campaign, results, audience):
        return
    section.text(
        _(
            "Reading: strength at 4.0 or more, to discuss from 3.0 to 3.99, concern below 3.0. "
            "« Divergent perceptions » means members see it differently (a wide spread, or "
            "many answers at each end); it is read apart from the mean."
        )
    )
    labels = [str(d.label) for d in results.dimensions]
    means = [d.mean for d in results.dimensions]
    known = [(d.label, d.mean) for d in results.dimensions if d.mean is not None]
    if known:
        high = max(known, key=lambda item: item[1])
        low = min(known, key=lambda item: item[1])
        summary = _(
            "Highest mean: %(high)s (%(high_value)s); lowest: %(low)s (%(low_value)s), on a "
            "scale of 1 to 5."
        ) % {
            "high": high[0],
            "high_value": number(high[1]),
            "low": low[0],
            "low_value": number(low[1]),
        }
    else:
        summary = _("No dimension has enough answers for a mean.")
    spec = ChartSpec(
        kind=BAR,
        title=_("Mean per dimension (1 to 5)"),
        summary=summary,
        labels=labels,
        series=[ChartSeries(_("Mean"), means, [number(m) for m in means])],
        maximum=5.0,
        ticks=ticks(5.0, steps=5),
        missing=missing_word(),
    )
    previous = comparison.previous
    compare = comparison.visible and previous is not None and _shareable(previous, audience)
    header = [_("Dimension"), _("Mean (1 to 5)"), _("Favourable"), _("Reading"), _("Perceptions")]
    changes = {}
    if compare:
        header.append(pgettext("report column", "Difference"))
        changes = {row.code: row.delta for row in comparison.rows if row.is_dimension}
        section.text(_compared_with(previous))
    rows = [header]
    for dimension in results.dimensions:
        favourable = (
            f"{round(100 * dimension.favourable)} %"
            if dimension.favourable is not None
            else no_data()
        )
        row = [
            str(dimension.label),
            number(dimension.mean),
            favourable,
            dimension.band_label or "—",
            _("Divergent") if dimension.divergent else _("Shared"),
        ]
        if compare:
            row.append(_signed(changes.get(dimension.code)))
        rows.append(row)
    widths = (0.32, 0.13, 0.14, 0.15, 0.15, 0.11) if compare else (0.36, 0.15, 0.15, 0.17, 0.17)
    section.chart(spec, rows, widths)
    _discussion(section, campaign, results)


def _discussion(section: Section, campaign, results) -> None:
    """The table's own reading: the discussion sheet and what it decided."""
    from tablee.evaluation import selectors

    section.heading(_("The table's reading of the diagnostic"))
    notes = selectors.discussion_notes(campaign=campaign)
    listed = []
    seen = set()
    for reason, items in (
        (_("Among the lowest"), results.lowest),
        (_("Among the most divergent"), results.divergent),
    ):
        for item in items:
            if item.code not in seen:
                seen.add(item.code)
                listed.append((reason, item))
    # A note may remain on a statement that left the sheet as answers came in.
    by_code = {i.code: i for d in results.dimensions for i in d.children}
    for code, note in sorted(notes.items()):
        if code not in seen and note.text.strip() and code in by_code:
            seen.add(code)
            listed.append((_("Discussed by the table"), by_code[code]))
    if not listed:
        section.muted(_("No statement has enough answers to be discussed."))
        return
    section.text(
        _(
            "The lowest statements and those on which perceptions diverge most were put to "
            "the table; here is what it decided about each."
        )
    )
    rows = [
        [
            _("Statement"),
            _("Why discussed"),
            _("Mean"),
            _("Reading"),
            _("What the table decided"),
        ]
    ]
    decided = 0
    for reason, item in listed:
        note = notes.get(item.code)
        text = " ".join(note.text.split()) if note and note.text.strip() else ""
        decided += bool(text)
        reading = item.band_label or "—"
        if item.divergent:
            reading = _("%(band)s, divergent perceptions") % {"band": reading}
        rows.append(
            [
                str(item.label),
                reason,
                number(item.mean),
                reading,
                text or _("Nothing recorded yet"),
            ]
        )
    section.grid(rows, (0.3, 0.14, 0.08, 0.16, 0.32))
    if not decided:
        section.muted(_("The table has not yet recorded what it decided about these statements."))


# --- appreciation wheel ------------------------------------------------------------


def _median(summary) -> str:
    if summary is None or summary.median is None:
        return "—"
    text = number(summary.median)
    if summary.q1 is not None and summary.q3 is not None and summary.n > 1:
        return _("%(median)s (%(q1)s – %(q3)s)") % {
            "median": text,
            "q1": number(summary.q1),
            "q3": number(summary.q3),
        }
    return text


def _wheel(section: Section, campaign, audience: str) -> None:
    from tablee.evaluation import selectors
    from tablee.evaluation.models import Attribute

    section.heading(_("Appreciation wheel"))
    if campaign is None:
        section.muted(_("No appreciation wheel closed this year."))
        return
    results = selectors.wheel_results(campaign=campaign)
    section.text(campaign.title)
    _campaign_facts(section, campaign, results)
    if _hidden(section, campaign, results, audience):
        return
    section.text(
        _(
            "Each axis is read on its own: the median score out of 10 (half the respondents "
            "scored higher, half lower) and, in brackets, the middle half of the scores. "
            "Groups are compared axis by axis; the surface of a polygon means nothing."
        )
    )
    names = [a.name for a in results.axes]
    keys = [a.key for a in results.axes]
    if results.groups:
        series = [
            ChartSeries(
                f"{group.label} (n = {group.n})",
                [group.axes[k].median for k in keys],
                [number(group.axes[k].median) for k in keys],
            )
            for group in results.groups
        ]
    else:
        series = [
            ChartSeries(
                _("All respondents"),
                [results.overall[k].median for k in keys],
                [number(results.overall[k].median) for k in keys],
            )
        ]
    summaries = []
    for one in series:
        known = [(n, v) for n, v in zip(names, one.values, strict=True) if v is not None]
        if known:
            high = max(known, key=lambda item: item[1])
            low = min(known, key=lambda item: item[1])
            if high[1] == low[1]:
                summaries.append(
                    _("%(name)s: %(value)s on every axis.")
                    % {"name": one.name, "value": number(high[1])}
                )
                continue
            summaries.append(
                _(
                    "%(name)s: highest on %(high)s (%(high_value)s), lowest on %(low)s "
                    "(%(low_value)s)."
                )
                % {
                    "name": one.name,
                    "high": high[0],
                    "high_value": number(high[1]),
                    "low": low[0],
                    "low_value": number(low[1]),
                }
            )
    spec = ChartSpec(
        kind=RADAR,
        title=_("Median score per axis (0 to 10)"),
        summary=" ".join(summaries) or _("No axis has a score."),
        labels=names,
        series=series,
        maximum=10.0,
        ticks=ticks(10.0, places=1)[1:],
        missing=missing_word(),
    )
    trend_change = {}
    previous = None
    if len(results.trend_campaigns) >= 2:
        previous = results.trend_campaigns[-2]
        if _shareable(previous, audience):
            trend_change = {row.axis: row.changes[-1] for row in results.trend}
    overall = [[_("Axis"), _("Definition"), _("Median (0 to 10)"), _("Median wished for")]]
    if trend_change:
        overall[0].append(pgettext("report column", "Difference"))
        section.text(_compared_with(previous))
    for axis in results.axes:
        summary = results.overall.get(axis.key)
        row = [
            axis.name,
            axis.definition,
            _median(summary),
            number(summary.desired_median)
            if summary and summary.desired_median is not None
            else "—",
        ]
        if trend_change:
            row.append(_signed(trend_change.get(axis.key)))
        overall.append(row)
    overall_widths = (0.2, 0.38, 0.16, 0.12, 0.14) if trend_change else (0.22, 0.44, 0.2, 0.14)
    attribute = str(Attribute(results.attribute).label) if results.attribute else ""
    if results.groups:
        by_group = [[_("Axis"), *[one.name for one in series]]]
        for axis in results.axes:
            by_group.append([axis.name, *[_median(g.axes.get(axis.key)) for g in results.groups]])
        section.text(_("Groups compared: %(attribute)s.") % {"attribute": attribute})
        if results.hidden_groups:
            section.muted(
                ngettext(
                    "%(n)s group too small to show alone is counted in « Other groups together ».",
                    "%(n)s groups too small to show alone are counted in « Other groups "
                    "together ».",
                    results.hidden_groups,
                )
                % {"n": results.hidden_groups}
            )
        rest = 0.75 / max(len(series), 1)
        section.chart(spec, by_group, (0.25, *[rest] * len(series)))
        section.grid(overall, overall_widths)
        _gaps(section, results)
    else:
        section.chart(spec, overall, overall_widths)
        if results.groups_suppressed:
            section.muted(
                ngettext(
                    "The breakdown by group is not shown: too few groups have %(n)s respondent "
                    "or more.",
                    "The breakdown by group is not shown: too few groups have %(n)s respondents "
                    "or more.",
                    campaign.anonymity_threshold,
                )
                % {"n": campaign.anonymity_threshold}
            )


def _gaps(section: Section, results) -> None:
    names = {a.key: a.name for a in results.axes}
    if not results.gaps:
        section.muted(_("No axis shows a gap of 2 points or more between groups."))
        return
    section.text(_("Gaps of 2 points or more between groups, worth discussing:"))
    for gap in results.gaps:
        section.text(
            _("%(axis)s: %(high_group)s scores it %(high)s and %(low_group)s %(low)s.")
            % {
                "axis": names.get(gap.axis, gap.axis),
                "high_group": gap.high_group,
                "high": number(gap.high),
                "low_group": gap.low_group,
                "low": number(gap.low),
            }
        )


# --- winning conditions self-check ---------------------------------------------


def _selfcheck(section: Section, table, start: date, end: date) -> None:
    from tablee.selfcheck import selectors
    from tablee.selfcheck.models import ConditionAssessment, SelfCheck

    section.heading(_("The twelve winning conditions"))
    checks = list(
        SelfCheck.objects.for_table(table)
        .filter(held_on__gte=start, held_on__lte=end)
        .order_by("-held_on", "-pk")[:50]
    )
    check = next((c for c in checks if c.is_completed), checks[0] if checks else None)
    if check is None:
        section.muted(_("The table did not check its winning conditions this year."))
        return
    previous, profile = selectors.profile(check=check)
    steps = dict(
        ConditionAssessment.objects.for_table(table)
        .filter(check_run=check)
        .values_list("code", "next_step")
    )
    section.facts(
        [
            [_("Self-check held on"), format_date(check.held_on)],
            [
                _("Compared with"),
                format_date(previous.held_on) if previous else _("no earlier completed check"),
            ],
        ]
    )
    if not check.is_completed:
        section.muted(_("This self-check is still in progress: its levels may change."))
    rows = [
        [
            _("No."),
            _("Condition"),
            _("Level"),
            _("Before"),
            pgettext("report column", "Change"),
            _("Next step"),
        ]
    ]
    for row in profile:
        condition = row["condition"]
        rows.append(
            [
                str(condition.number),
                str(condition.title),
                f"{row['now']} — {row['now_name']}" if row["now"] else _("not assessed"),
                f"{row['then']} — {row['then_name']}" if row["then"] else "—",
                str(row["change"]),
                steps.get(condition.code) or "—",
            ]
        )
    section.grid(rows, (0.06, 0.3, 0.16, 0.16, 0.14, 0.18))
    section.muted(
        _(
            "Levels: 1 not yet, 2 getting started, 3 in place, 4 second nature, as the table "
            "rated itself."
        )
    )


def _relations(section: Section, table, start: date, end: date, audience: str) -> None:
    """The latest relations wave closed in the year, beside the one before it."""
    from tablee.relationsurvey import selectors
    from tablee.relationsurvey.models import Wave

    section.heading(_("Relations between organizations"))
    first, last = year_bounds(start, end)
    wave = (
        Wave.objects.for_table(table)
        .filter(closes_at__gte=first, closes_at__lte=min(last, timezone.now()))
        .select_related("table")
        .order_by("-closes_at", "-pk")
        .first()
    )
    if wave is None:
        section.muted(_("No relations survey wave closed this year."))
        return
    comparison = selectors.wave_comparison(wave=wave)
    current = comparison.current
    section.text(wave.title)
    section.facts(
        [
            [_("Closed on"), format_date(timezone.localdate(wave.closes_at))],
            [_("Organizations that answered"), current.response_sentence],
            [_("Tie rule"), current.sentence],
        ]
    )
    if audience == AUDIENCE_OUTSIDE:
        section.muted(
            _(
                "The map of the relations between member organizations stays with the table: "
                "it appears only in the members' copy of this report."
            )
        )
        return
    previous = comparison.previous
    if previous is None:
        rows = [[_("Measure"), _("Value")]]
        rows += [[label, value] for label, value in selectors.summary_rows(current)]
        section.grid(rows, (0.6, 0.4))
        return
    section.text(
        _(
            "Compared with %(title)s: %(joined)s organization(s) joined and %(left)s left; the "
            "last two columns measure only the %(stable)s organizations present both times, "
            "so arrivals and departures do not pass for change."
        )
        % {
            "title": previous.wave.title,
            "joined": len(comparison.joined),
            "left": len(comparison.left),
            "stable": len(comparison.stable),
        }
    )
    rows = [
        [
            _("Measure"),
            previous.wave.title,
            wave.title,
            _("Both times, before"),
            _("Both times, now"),
        ]
    ]
    rows += [
        [row.label, row.before, row.after, row.stable_before, row.stable_after]
        for row in comparison.rows
    ]
    section.grid(rows, (0.32, 0.17, 0.17, 0.17, 0.17))
