"""The register of normative frameworks: services, pages and documents."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tablee.core.errors import Conflict, InvalidInput
from tablee.core.models import AuditEntry
from tablee.frameworks import services
from tablee.frameworks.audit_events import Event
from tablee.frameworks.models import Framework
from tablee.frameworks.tests.factories import FrameworkFactory

pytestmark = pytest.mark.django_db


def _input(**overrides) -> services.FrameworkInput:
    values = {
        "title": "Entente avec le centre de services scolaire",
        "kind": "agreement",
        "issuer": "Centre de services scolaire fictif",
        "starts_on": date(2024, 9, 1),
        "ends_on": date(2027, 6, 30),
    }
    values.update(overrides)
    return services.FrameworkInput(**values)


def test_creating_a_framework_links_what_it_frames_and_audits_once(table, coordinator, action):
    framework = services.framework_create(
        table=table,
        actor=coordinator,
        data=_input(objectives=[action.objective], actions=[action]),
    )
    assert list(framework.objectives.all()) == [action.objective]
    assert list(action.frameworks.all()) == [framework]
    entry = AuditEntry.objects.get(target_id=str(framework.pk))
    assert entry.event == Event.FRAMEWORK_CREATED
    assert entry.changes["new"]["actions"] == [action.pk]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": " "}, "title"),
        ({"kind": "nope"}, "kind"),
        ({"ends_on": date(2020, 1, 1)}, "ends_on"),
        ({"url": "javascript:alert(1)"}, "url"),
    ],
)
def test_bad_framework_input_is_refused(table, coordinator, overrides, field):
    with pytest.raises(InvalidInput) as caught:
        services.framework_create(table=table, actor=coordinator, data=_input(**overrides))
    assert field in caught.value.extra["fields"]
    assert not Framework.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ", "not accepted"),
        ("faux.pdf", b"PK\x03\x04 not a pdf", "does not match"),
        ("vide.pdf", b"", "empty"),
    ],
)
def test_documents_are_checked_like_meeting_documents(table, coordinator, name, content, message):
    with pytest.raises(InvalidInput) as caught:
        services.framework_create(
            table=table,
            actor=coordinator,
            data=_input(),
            document=SimpleUploadedFile(name, content),
        )
    assert message in caught.value.message
    assert not Framework.objects.exists()


def test_a_linked_action_of_another_table_is_a_programming_error(table, other_table, coordinator):
    from tablee.results.tests.factories import ResultsPlanActionFactory

    foreign = ResultsPlanActionFactory(table=other_table, objective__process__table=other_table)
    with pytest.raises(AssertionError):
        services.framework_create(table=table, actor=coordinator, data=_input(actions=[foreign]))


def test_a_stale_edit_is_refused(table, coordinator):
    framework = FrameworkFactory(table=table)
    services.framework_update(
        framework=framework, actor=coordinator, data=_input(), base_revision=0
    )
    with pytest.raises(Conflict):
        services.framework_update(
            framework=framework, actor=coordinator, data=_input(title="Autre"), base_revision=0
        )
    framework.refresh_from_db()
    assert framework.title == "Entente avec le centre de services scolaire"


def test_pages_create_show_download_and_delete(client, table, coordinator, action, pdf):
    client.force_login(coordinator)
    base = f"/t/{table.slug}/frameworks/"
    assert client.get(f"{base}new/").status_code == 200
    response = client.post(
        f"{base}new/",
        {
            "title": "Code d'éthique des intervenants",
            "kind": "ethics",
            "url": "https://example.org/code",
            "actions": [action.pk],
            "objectives": [action.objective_id],
            "document": pdf,
        },
    )
    framework = Framework.objects.get()
    assert response["Location"] == f"{base}{framework.pk}/"
    detail = client.get(f"{base}{framework.pk}/").content.decode()
    assert action.title in detail and "entente.pdf" in detail
    download = client.get(f"{base}{framework.pk}/document/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "Delete" in client.get(f"{base}{framework.pk}/delete/").content.decode()
    assert Framework.objects.exists()
    assert client.post(f"{base}{framework.pk}/delete/").status_code == 302
    assert not Framework.objects.exists()
    assert AuditEntry.objects.filter(event=Event.FRAMEWORK_DELETED).count() == 1


def test_a_bad_document_on_the_page_changes_nothing(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/frameworks/new/",
        {
            "title": "Protocole",
            "kind": "protocol",
            "document": SimpleUploadedFile("x.pdf", b"GIF89a"),
        },
    )
    assert response.status_code == 200
    assert "does not match its name" in response.content.decode()
    assert not Framework.objects.exists()


def test_edit_replaces_and_removes_the_document(client, table, coordinator, pdf):
    client.force_login(coordinator)
    framework = services.framework_create(
        table=table, actor=coordinator, data=_input(), document=pdf
    )
    url = f"/t/{table.slug}/frameworks/{framework.pk}/edit/"
    assert "Remove the current document" in client.get(url).content.decode()
    response = client.post(
        url,
        {"title": "Entente", "kind": "agreement", "remove_document": "on", "revision": "0"},
    )
    assert response.status_code == 302
    framework.refresh_from_db()
    assert not framework.document and framework.document_name == ""


def test_list_filters_by_kind_and_counts_links(client, table, observer, action):
    law = FrameworkFactory(table=table, title="Loi fictive", kind="law")
    law.actions.set([action])
    FrameworkFactory(table=table, title="Programme fictif", kind="program")
    client.force_login(observer)
    text = client.get(f"/t/{table.slug}/frameworks/", {"kind": "law"}).content.decode()
    assert "Loi fictive" in text and "Programme fictif" not in text
    assert "1 action" in text
    assert "New framework" not in text
