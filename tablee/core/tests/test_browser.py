"""End-to-end journeys in Debian's Chromium, against pytest-django's live server.

Every page visited is checked with axe-core (WCAG 2.0/2.1 A+AA, serious and
critical violations fail); at phone width (390x844) pages must not scroll
horizontally. See tablee/testing/browser.py.
"""

import pytest

from tablee.tables.models import Membership, Role
from tablee.tables.tests.factories import InvitationFactory
from tablee.testing.browser import check_page, log_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOTH_SCREENS = pytest.mark.parametrize("screen", ["desktop", "phone"], indirect=True)
INVITATION_TOKEN = "jeton-invitation-navigateur-0123456789"


@BOTH_SCREENS
def test_sign_in_open_table_and_sign_out(page, screen, member, table):
    visit(page, "/")
    log_in(page, member.email)
    assert page.url.endswith("/t/"), page.url
    check_page(page)

    with page.expect_navigation():
        page.locator(f'main a[href="{table.get_absolute_url()}"]').first.click()
    assert page.url.endswith(table.get_absolute_url()), page.url
    check_page(page)

    with page.expect_navigation():
        page.locator('header form[action="/accounts/logout/"] [type=submit]').click()
    check_page(page)
    assert page.locator('header a[href="/accounts/login/"]').count() == 1
    # Signed out for real: "My tables" now sends to the login page.
    page.goto("/t/")
    assert "/accounts/login/" in page.url, page.url


def test_wrong_password_stays_on_login_page(page, screen, member):
    visit(page, "/accounts/login/")
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill(member.email)
    form.locator("input[name=password]").fill("pas-le-bon-mot-de-passe")
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert "/accounts/login/" in page.url
    check_page(page)
    assert page.locator('header form[action="/accounts/logout/"]').count() == 0


def test_switch_language(page, screen, member):
    log_in(page, member.email)
    assert page.locator("html").get_attribute("lang") == "fr"
    select = page.locator("select#language-select")
    assert select.input_value() == "fr-ca"

    # tablee.js submits the form on change; the button is the no-JavaScript path.
    with page.expect_navigation():
        select.select_option("en")
    check_page(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("select#language-select").input_value() == "en"
    assert page.url.endswith("/t/"), page.url  # back where we were

    page.locator("select#language-select").evaluate("(el) => { el.value = 'fr-ca'; }")
    with page.expect_navigation():
        page.locator(".language-switcher [type=submit]").click()
    check_page(page)
    assert page.locator("html").get_attribute("lang") == "fr"


@BOTH_SCREENS
def test_accept_invitation_as_newcomer(page, screen, table):
    invitation = InvitationFactory(
        table=table, raw_token=INVITATION_TOKEN, email="nouvelle@example.org", role=Role.MEMBER
    )
    visit(page, f"/invitations/{INVITATION_TOKEN}/")
    page.fill("input[name=full_name]", "Nouvelle Personne")
    page.fill("input[name=password]", "un-mot-de-passe-tres-solide-42")
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()
    assert page.url.endswith(table.get_absolute_url()), page.url
    check_page(page)
    assert page.locator('header form[action="/accounts/logout/"]').count() == 1
    membership = Membership.objects.get(table=table, user__email=invitation.email)
    assert membership.role == Role.MEMBER
    assert membership.user.full_name == "Nouvelle Personne"


@BOTH_SCREENS
def test_failed_form_focuses_error_summary(page, screen, table):
    InvitationFactory(table=table, raw_token=INVITATION_TOKEN, email="nouvelle@example.org")
    visit(page, f"/invitations/{INVITATION_TOKEN}/")
    page.fill("input[name=full_name]", "Nouvelle Personne")
    page.fill("input[name=password]", "court")
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()
    check_page(page)
    summary = page.locator(".error-summary")
    assert summary.count() == 1
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('error-summary')"), (
        "the error summary should receive focus, focus is on "
        + page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
    )
    # Each error links to its field.
    assert summary.locator('a[href="#id_password"]').count() >= 1
    assert not Membership.objects.filter(user__email="nouvelle@example.org").exists()


@pytest.mark.browser_context_args(bypass_csp=False)
def test_pages_respect_content_security_policy(context, member, table):
    """Without bypass_csp: our pages load no inline script or style the CSP would block."""
    violations = []
    context.expose_function("__tableeReportCsp", lambda text: violations.append(text))
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', (e) => "
        "window.__tableeReportCsp(location.pathname + ': ' + e.violatedDirective + ' '"
        " + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));"
    )
    page = context.new_page()
    console_errors = []
    page.on(
        "console",
        lambda msg: console_errors.append(msg.text) if msg.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda error: console_errors.append(f"page error: {error}"))

    response = page.goto("/accounts/login/")
    assert "script-src 'self'" in (response.headers.get("content-security-policy") or "")
    log_in_form = page.locator("form:has(input[name=password])")
    log_in_form.locator("input[name=login]").fill(member.email)
    log_in_form.locator("input[name=password]").fill("mot-de-passe-solide-123")
    with page.expect_navigation():
        log_in_form.locator("[type=submit]").click()
    for path in ["/t/", table.get_absolute_url(), "/profile/"]:
        page.goto(path)
        page.wait_for_load_state("load")
    page.wait_for_timeout(100)  # let late violation reports arrive
    csp_console = [text for text in console_errors if "Content Security Policy" in text]
    assert not violations and not csp_console, f"CSP violations: {violations + csp_console}"
    assert not console_errors, f"console errors: {console_errors}"
