"""Print, as JSON, the addresses of the bench pages whose ids depend on the data.

Run inside Django (`tablee shell -c "exec(open('bench/paths.py').read())"`) by
bench/run.py after generation; a page whose data is missing is left out.
"""

import json

from django.db.models import Count
from django.urls import reverse

from tablee.core.generate import BIG_MEETING_TITLE
from tablee.meetings.models import Meeting
from tablee.processes.models import Process
from tablee.results.models import PlanIndicator

LARGE_TABLE = "gen-table-001"
paths: dict[str, str] = {}

meeting = Meeting.objects.filter(table__slug=LARGE_TABLE, title=BIG_MEETING_TITLE).first()
if meeting:
    paths["meeting_big"] = reverse(
        "meetings:meeting-detail", kwargs={"table_slug": LARGE_TABLE, "meeting_id": meeting.pk}
    )
paths["decisions_search"] = (
    reverse("decisions:decision-list", kwargs={"table_slug": LARGE_TABLE}) + "?q=budget"
)
paths["my_actions"] = reverse("actions_public:my-actions")

process = Process.objects.filter(table__slug=LARGE_TABLE, slug="plan-action").first()
if process:
    kwargs = {"table_slug": LARGE_TABLE, "process_slug": process.slug}
    paths["plan"] = reverse("plans:plan", kwargs=kwargs)
    paths["plan_dashboard"] = reverse("plans:dashboard", kwargs=kwargs)
    paths["plan_timeline"] = reverse("plans:gantt", kwargs=kwargs)
    paths["mobilisation"] = reverse("processes:mobilisation", kwargs=kwargs)
    paths["resources"] = reverse("funding:resources", kwargs=kwargs)
    # The indicator with the most measured values (5 years, monthly).
    indicator = (
        PlanIndicator.objects.filter(process=process)
        .annotate(n=Count("measures"))
        .order_by("-n")
        .first()
    )
    if indicator:
        paths["plan_indicator"] = reverse(
            "results:indicator-detail", kwargs={**kwargs, "indicator_id": indicator.pk}
        )
paths["portrait"] = reverse("portrait:portrait-home", kwargs={"table_slug": LARGE_TABLE})
paths["health"] = reverse("engagement:health", kwargs={"table_slug": LARGE_TABLE})

from tablee.evaluation.models import Campaign, Instrument  # noqa: E402

# The diagnostic with the most respondents (60 on gen-table-001).
campaign = (
    Campaign.objects.filter(table__slug=LARGE_TABLE, instrument=Instrument.DIAGNOSTIC)
    .annotate(n=Count("responses"))
    .order_by("-n", "-opens_at")
    .first()
)
if campaign:
    paths["evaluation_results"] = reverse(
        "evaluation:campaign-results",
        kwargs={"table_slug": LARGE_TABLE, "campaign_id": campaign.pk},
    )
# The appreciation wheel's overlay: one polygon per group of respondents
# (members and municipal staff), their gaps and the axes over time. Left out
# when the generated data has no wheel campaign.
wheel = (
    Campaign.objects.filter(table__slug=LARGE_TABLE, instrument=Instrument.WHEEL)
    .annotate(n=Count("responses"))
    .order_by("-n", "-opens_at")
    .first()
)
if wheel:
    paths["wheel_overlay"] = (
        reverse(
            "evaluation:campaign-results",
            kwargs={"table_slug": LARGE_TABLE, "campaign_id": wheel.pk},
        )
        + "?by=role"
    )

from tablee.relationsurvey.models import Wave  # noqa: E402

wave = Wave.objects.filter(table__slug=LARGE_TABLE).order_by("-opens_at").first()
if wave:
    kwargs = {"table_slug": LARGE_TABLE, "wave_id": wave.pk}
    paths["relations_wave"] = reverse("relationsurvey:wave-results", kwargs=kwargs)
    paths["relations_wave_compare"] = reverse("relationsurvey:wave-compare", kwargs=kwargs)

print("BENCH_PATHS=" + json.dumps(paths))
