"""Time the generation of the largest funder report (PDF and DOCX).

Run inside Django by bench/run.py (`tablee shell -c …`). Prints one line per
document: seconds and the peak resident memory of this process.
"""

import resource
import time

from tablee.reports.building import build_report, largest_process
from tablee.reports.rendering import render_docx, render_pdf

process = largest_process()
if process is None:
    print("bench document=funder_report skipped reason=no generated process")
else:
    actions = process.plan_actions.count()
    for name, render in (("funder_report_pdf", render_pdf), ("funder_report_docx", render_docx)):
        started = time.perf_counter()
        content = render(build_report(process=process, language="fr-ca"))
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"bench document={name} actions={actions} seconds={seconds:.2f} "
            f"bytes={len(content)} peak_rss_mb={peak_mb:.1f}"
        )
