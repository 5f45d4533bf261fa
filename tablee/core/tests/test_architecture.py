"""Layering rules that keep tenancy and business rules in one place."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
RAW_ORM = re.compile(r"\.objects\.(get|filter|all|exclude|create|update|delete)\(")


def _adapter_files():
    for pattern in (
        "*/views.py",
        "*/views/*.py",
        "*/api.py",
        "api/*.py",
        "*/management/commands/*.py",
    ):
        yield from PACKAGE.glob(pattern)


def test_views_api_and_commands_do_not_query_the_orm_directly():
    """They go through selectors (reads) and services (writes), scoped to a table."""
    offenders = []
    for path in _adapter_files():
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if RAW_ORM.search(line) and "noqa: tenancy" not in line:
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert not offenders, "Use a selector or a service:\n" + "\n".join(offenders)


def test_services_do_not_touch_http():
    """Services never build responses, raise Http404 or read a request."""
    offenders = []
    for path in PACKAGE.glob("*/services.py"):
        text = path.read_text()
        for forbidden in (
            "HttpRequest",
            "HttpResponse",
            "Http404",
            r"\brequest\.(GET|POST|user|session|META)",
        ):
            if re.search(forbidden, text):
                offenders.append(f"{path.relative_to(PACKAGE)} uses {forbidden}")
    assert not offenders, offenders


def test_every_app_has_its_tenancy_and_permission_tests():
    from django.apps import apps

    # Every app holding a table's data; accounts and core are platform-wide.
    domain_apps = sorted(
        config.name.split(".", 1)[1]
        for config in apps.get_app_configs()
        if config.name.startswith("tablee.")
        and config.name not in {"tablee.accounts", "tablee.core"}
    )
    assert "relationsurvey" in domain_apps and "selfcheck" in domain_apps
    for app in domain_apps:
        assert (PACKAGE / app / "tests" / "test_tenancy.py").exists(), app
        assert (PACKAGE / app / "tests" / "permission_matrix.py").exists(), app
