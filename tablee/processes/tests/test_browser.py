"""The process pages of the demo, in Chromium: accessible and readable on a phone."""

import pytest

from tablee.core import demo as core_demo
from tablee.testing.browser import log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BASE = "/t/quartier-demo/processes/"
PATHS = [
    BASE,
    f"{BASE}securite-alimentaire/",
    f"{BASE}securite-alimentaire/mobilisation/",
    f"{BASE}securite-alimentaire/stages/implementation/",
    f"{BASE}securite-alimentaire/stages/implementation/mobilisation/",
    f"{BASE}securite-alimentaire/stages/implementation/links/",
    f"{BASE}securite-alimentaire/stages/vision/edit/",
    f"{BASE}securite-alimentaire/stages/vision/contributions/new/",
]


@pytest.mark.parametrize("screen", ["desktop", "phone"], indirect=True)
def test_process_pages_of_the_demo(page, screen, monkeypatch):
    names = core_demo.DOMAIN_DEMOS
    monkeypatch.setattr(
        core_demo, "DOMAIN_DEMOS", names[: names.index("tablee.processes.demo") + 1]
    )
    core_demo.load_demo()
    log_in(page, core_demo.COORDINATOR_EMAIL, core_demo.DEMO_PASSWORD)
    for path in PATHS:
        visit(page, path)
