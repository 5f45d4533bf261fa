"""Documents on agenda items: type, content and size checks; guarded download."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEntry, AuditEvent
from tablee.meetings import services
from tablee.meetings.models import AgendaDocument
from tablee.meetings.tests.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.fixture
def item(meeting):
    return AgendaItemFactory(meeting=meeting)


def test_a_pdf_is_attached_and_downloaded_as_attachment(client, item, coordinator, member):
    document = services.document_attach(
        item=item, actor=coordinator, uploaded=SimpleUploadedFile("budget.pdf", PDF)
    )
    assert [e.event for e in AuditEntry.objects.all()] == [AuditEvent.DOCUMENT_ATTACHED]
    assert document.content_type == "application/pdf"
    client.force_login(member)
    response = client.get(
        reverse("meetings:document-download", args=[item.table.slug, item.meeting_id, document.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "not accepted"),
        ("faux.pdf", b"<html>not a pdf</html>", "does not match"),
        ("image.png", PDF, "does not match"),
        ("vide.pdf", b"", "empty"),
    ],
)
def test_wrong_files_are_refused(item, coordinator, name, content, message):
    with pytest.raises(InvalidInput) as error:
        services.document_attach(
            item=item, actor=coordinator, uploaded=SimpleUploadedFile(name, content)
        )
    assert message in error.value.message
    assert not AgendaDocument.objects.exists()
    assert not AuditEntry.objects.exists()


@override_settings(TABLEE_MAX_UPLOAD_BYTES=20)
def test_a_file_too_large_is_refused_on_the_page(client, item, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:document-upload", args=[item.table.slug, item.meeting_id, item.pk]),
        {"file": SimpleUploadedFile("gros.pdf", PDF)},
    )
    assert response.status_code == 200
    assert "too large" in response.content.decode()
    assert not AgendaDocument.objects.exists()


def test_download_needs_a_role_in_the_table(client, item, coordinator, other_coordinator):
    document = services.document_attach(
        item=item, actor=coordinator, uploaded=SimpleUploadedFile("budget.pdf", PDF)
    )
    client.force_login(other_coordinator)
    url = reverse(
        "meetings:document-download", args=[item.table.slug, item.meeting_id, document.pk]
    )
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_remove_needs_confirmation(client, item, coordinator):
    document = services.document_attach(
        item=item, actor=coordinator, uploaded=SimpleUploadedFile("budget.pdf", PDF)
    )
    client.force_login(coordinator)
    url = reverse("meetings:document-remove", args=[item.table.slug, item.meeting_id, document.pk])
    assert client.get(url).status_code == 200
    assert AgendaDocument.objects.exists()
    AuditEntry.objects.all().delete()
    assert client.post(url).status_code == 302
    assert not AgendaDocument.objects.exists()
    assert [e.event for e in AuditEntry.objects.all()] == [AuditEvent.DOCUMENT_REMOVED]
