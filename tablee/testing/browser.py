"""Helpers for browser tests (Playwright + Debian's Chromium + axe-core).

Every page a browser test visits should be checked with :func:`check_page`
(or :func:`visit`, which navigates then checks): it runs axe-core with the
WCAG 2.0/2.1 A and AA rules and fails on any serious or critical violation,
and at phone width it also fails when the page scrolls horizontally.

Fixtures (registered by ``tablee.testing.plugin``):

* ``screen``: parametrize it indirectly with ``"desktop"`` / ``"phone"`` to
  size the page's viewport;
* ``log_in_as``: ``log_in_as(page, user)`` signs in through the real login form;
* ``member_page``: a page already signed in as the ``member`` persona.
"""

from __future__ import annotations

from pathlib import Path

import pytest

AXE_PATH = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
PASSWORD = "mot-de-passe-solide-123"  # noqa: S105 - the factories' password

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}
PHONE_MAX_WIDTH = 600

_AXE_RUN = """
async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary || ""})),
  }));
}
"""


def blocking_violations(violations: list[dict]) -> list[dict]:
    """The violations that fail a test: impact serious or critical."""
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} serious/critical accessibility violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})")
        for node in v["nodes"]:
            lines.append(f"    at {node['target']}")
            for summary_line in filter(None, node.get("summary", "").splitlines()):
                lines.append(f"      {summary_line.strip()}")
    return "\n".join(lines)


def assert_accessible(page) -> None:
    """Run axe-core on the current page; fail listing serious/critical violations.

    The page's context must be opened with ``bypass_csp=True`` (the default of
    ``browser_context_args`` in tablee.testing.plugin): the site's CSP forbids
    the inline script that carries axe.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_PATH))
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        pytest.fail(
            "axe-core could not be injected (is the browser context opened with bypass_csp=True?)",
            pytrace=False,
        )
    violations = blocking_violations(page.evaluate(_AXE_RUN, AXE_TAGS))
    if violations:
        pytest.fail(format_violations(page.url, violations), pytrace=False)


def assert_no_horizontal_scroll(page) -> None:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    if widths["scroll"] > widths["inner"]:
        wide = page.evaluate(
            """() => Array.from(document.querySelectorAll('body *'))
                .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 5)
                .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                     + (el.className && typeof el.className === 'string'
                        ? '.' + el.className.trim().split(/\\s+/).join('.') : ''))"""
        )
        pytest.fail(
            f"{page.url} scrolls horizontally at {widths['inner']}px: content is "
            f"{widths['scroll']}px wide (widest elements: {', '.join(wide) or '?'})",
            pytrace=False,
        )


def check_page(page) -> None:
    """Check the page reached: plain-text title, accessibility, no sideways scroll on phones."""
    page.wait_for_load_state("load")
    title = page.title()
    assert title.strip() and "<" not in title, f"{page.url}: broken <title> {title[:80]!r}"
    assert_accessible(page)
    viewport = page.viewport_size
    if viewport and viewport["width"] <= PHONE_MAX_WIDTH:
        assert_no_horizontal_scroll(page)


def visit(page, path: str, *, status: int = 200):
    """Navigate to ``path`` (relative to the live server), assert the status, check the page."""
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.status == status, f"GET {path}: expected {status}, got {response.status}"
    check_page(page)
    return response


def log_in(page, email: str, password: str = PASSWORD, *, next_path: str = "") -> None:
    """Sign in through the real allauth login form (and check the form page)."""
    visit(page, "/accounts/login/" + (f"?next={next_path}" if next_path else ""))
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert "/accounts/login/" not in page.url, f"login failed for {email}: still on {page.url}"


@pytest.fixture
def screen(request, page):
    """The viewport name ("desktop" by default); parametrize indirectly for "phone"."""
    name = getattr(request, "param", "desktop")
    page.set_viewport_size(VIEWPORTS[name])
    return name


@pytest.fixture
def log_in_as(live_server):
    """``log_in_as(page, user)``: sign ``user`` in through the real login form."""

    def _log_in_as(page, user, password: str = PASSWORD):
        log_in(page, user.email, password)
        return page

    return _log_in_as


@pytest.fixture
def member_page(page, screen, member, log_in_as):
    """A page signed in as the ``member`` persona, on "My tables"."""
    return log_in_as(page, member)
