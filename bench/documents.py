"""Time the generation of the largest documents (PDF and DOCX).

Run inside Django by bench/run.py (`tablee shell -c …`). Prints one line per
document: seconds and memory.

- The funder report of the largest plan (`largest_process`).
- The annual report (« bilan annuel ») of the large generated table
  `gen-table-001`, for the year of its latest closed evaluation campaign
  (so every section has data), members' copy (every result). Besides the
  total, `build_seconds` is the gathering alone and `queries` its SQL
  count; `alloc_peak_mb` is the peak of Python allocations while writing
  that one document (a second, traced pass, so tracing does not slow the
  timed one); `peak_rss_mb` is the process's peak so far, as for the
  funder report.
"""

import resource
import time
import tracemalloc

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tablee.reports.building import build_report, largest_process
from tablee.reports.rendering import render_docx, render_pdf


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


process = largest_process()
if process is None:
    print("bench document=funder_report skipped reason=no generated process")
else:
    actions = process.plan_actions.count()
    for name, render in (("funder_report_pdf", render_pdf), ("funder_report_docx", render_docx)):
        started = time.perf_counter()
        content = render(build_report(process=process, language="fr-ca"))
        seconds = time.perf_counter() - started
        print(
            f"bench document={name} actions={actions} seconds={seconds:.2f} "
            f"bytes={len(content)} peak_rss_mb={_peak_rss_mb():.1f}"
        )


from tablee.evaluation.models import Campaign  # noqa: E402
from tablee.reports import annual, annual_rendering  # noqa: E402
from tablee.tables.models import Table  # noqa: E402

LARGE_TABLE = "gen-table-001"
table = Table.objects.filter(slug=LARGE_TABLE).first()
if table is None:
    print(f"bench document=annual_report skipped reason=no table {LARGE_TABLE}")
else:
    latest = (
        Campaign.objects.filter(table=table, closes_at__lte=timezone.now())
        .order_by("-closes_at")
        .values_list("closes_at", flat=True)
        .first()
    )
    year = timezone.localtime(latest).year if latest else timezone.localdate().year - 1

    def _build():
        return annual.build_annual(
            table=table, year=year, language="fr-ca", audience=annual.AUDIENCE_TABLE
        )

    for fmt in ("pdf", "docx"):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            report = _build()
        built = time.perf_counter() - started
        content = annual_rendering.render(report, fmt)
        seconds = time.perf_counter() - started
        rss = _peak_rss_mb()
        tracemalloc.start()
        annual_rendering.render(_build(), fmt)
        _current, alloc_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"bench document=annual_report_{fmt} table={LARGE_TABLE} year={year} "
            f"seconds={seconds:.2f} build_seconds={built:.2f} queries={len(queries)} "
            f"charts={len(report.charts())} bytes={len(content)} "
            f"alloc_peak_mb={alloc_peak / 2**20:.1f} peak_rss_mb={rss:.1f}"
        )
