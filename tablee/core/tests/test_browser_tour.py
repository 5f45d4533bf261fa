"""A coordinator's tour of a full table (the demo data), in Chromium.

Every page a coordinator reaches from the table's navigation is loaded at
desktop and phone width and checked with axe-core (serious or critical
violations fail) and for horizontal scrolling on the phone. The demo is
loaded first, so the pages hold realistic content: seats, a charter with a
draft, relations, meetings with agendas, decisions, polls, actions.
"""

import pytest
from django.urls import NoReverseMatch, reverse

from tablee.core.demo import COORDINATOR_EMAIL, DEMO_PASSWORD, MAIN_TABLE_SLUG, load_demo
from tablee.testing.browser import log_in, visit

# serialized_rollback: earlier transactional tests flush the sectors seeded by a data migration.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# URL names of the table's pages (kwargs: table_slug), as the navigation lists them.
TABLE_PAGES = [
    "tables:table-home",
    "meetings:meeting-list",
    "decisions:decision-list",
    "polls:poll-list",
    "actions:action-list",
    "charters:charter-home",
    "members:directory",
    "members:seat-list",
    "members:committee-list",
    "members:coverage",
    "members:onboarding",
    "relations:relation-list",
    "relations:relation-network",
    "tables:people-list",
    "tables:audit-log",
    "processes:process-list",
    "portrait:portrait-home",
    "funding:funder-list",
    "frameworks:framework-list",
    "frameworks:condition-list",
    "engagement:health",
    "evaluation:campaign-list",
    "selfcheck:selfcheck-list",
    "relationsurvey:wave-list",
    "reports:annual-report",
]
# The demo's collective process and its tabs (kwargs: table_slug, process_slug).
DEMO_PROCESS_SLUG = "securite-alimentaire"
PROCESS_PAGES = [
    "processes:process-detail",
    "processes:mobilisation",
    "priorities:vision",
    "priorities:round-list",
    "plans:plan",
    "plans:dashboard",
    "plans:gantt",
    "results:indicator-list",
    "funding:resources",
    "reports:report",
]
SITE_PAGES = ["organizations:organization-list", "accounts:profile"]


def _paths() -> list[str]:
    paths = []
    for name in TABLE_PAGES:
        try:
            paths.append(reverse(name, kwargs={"table_slug": MAIN_TABLE_SLUG}))
        except NoReverseMatch:
            continue  # an app whose pages are not installed
    for name in PROCESS_PAGES:
        kwargs = {"table_slug": MAIN_TABLE_SLUG, "process_slug": DEMO_PROCESS_SLUG}
        try:
            paths.append(reverse(name, kwargs=kwargs))
        except NoReverseMatch:
            continue
    for name in SITE_PAGES:
        paths.append(reverse(name))
    return paths


def _evaluation_paths() -> list[str]:
    """Result pages of the demo's latest diagnostic, wheel and relations wave."""
    from tablee.evaluation.models import Campaign
    from tablee.relationsurvey.models import Wave

    paths = []
    campaigns = Campaign.objects.filter(table__slug=MAIN_TABLE_SLUG).order_by("-opens_at")
    diagnostic = campaigns.filter(instrument="diagnostic").first()
    if diagnostic:
        kwargs = {"table_slug": MAIN_TABLE_SLUG, "campaign_id": diagnostic.pk}
        paths += [
            reverse("evaluation:campaign-results", kwargs=kwargs),
            reverse("evaluation:campaign-compare", kwargs=kwargs),
            reverse("evaluation:campaign-discussion", kwargs=kwargs),
        ]
    wheel = campaigns.filter(instrument="wheel").first()
    if wheel:
        kwargs = {"table_slug": MAIN_TABLE_SLUG, "campaign_id": wheel.pk}
        paths.append(reverse("evaluation:campaign-results", kwargs=kwargs))
    from django.utils import timezone

    wave = (
        Wave.objects.filter(table__slug=MAIN_TABLE_SLUG, closes_at__lt=timezone.now())
        .order_by("-opens_at")
        .first()
    )
    if wave:
        kwargs = {"table_slug": MAIN_TABLE_SLUG, "wave_id": wave.pk}
        paths += [
            reverse("relationsurvey:wave-results", kwargs=kwargs),
            reverse("relationsurvey:wave-compare", kwargs=kwargs),
            reverse("relations:relation-network", kwargs={"table_slug": MAIN_TABLE_SLUG})
            + f"?wave={wave.pk}",
        ]
    return paths


def _first_detail_links(page, selector: str, limit: int = 1) -> list[str]:
    links = page.locator(selector)
    return [links.nth(i).get_attribute("href") for i in range(min(limit, links.count()))]


@pytest.mark.parametrize("screen", ["desktop", "phone"], indirect=True)
def test_coordinator_tour_of_the_demo_table(page, screen):
    load_demo()
    log_in(page, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visited = []
    for path in _paths() + _evaluation_paths():
        visit(page, path)
        visited.append(path)
    # One detail page of each list that has one.
    table_prefix = f"/t/{MAIN_TABLE_SLUG}/"
    for list_path, pattern in [
        (f"{table_prefix}meetings/", f'main a[href^="{table_prefix}meetings/"][href$="/"]'),
        (f"{table_prefix}decisions/", f'main a[href^="{table_prefix}decisions/"][href$="/"]'),
        (f"{table_prefix}seats/", f'main a[href^="{table_prefix}seats/"][href$="/"]'),
        (f"{table_prefix}portrait/", f'main a[href^="{table_prefix}portrait/indicators/"]'),
        (
            f"{table_prefix}processes/{DEMO_PROCESS_SLUG}/indicators/",
            f'main a[href^="{table_prefix}processes/{DEMO_PROCESS_SLUG}/indicators/"]'
            '[href$="/"]:not([href$="new/"])',
        ),
    ]:
        page.goto(list_path)
        for href in _first_detail_links(page, pattern):
            if href and href.rstrip("/") != list_path.rstrip("/") and href not in visited:
                visit(page, href)
                visited.append(href)
    assert len(visited) >= 10, visited
