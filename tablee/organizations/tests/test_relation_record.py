"""Recording and ending relations: history, agreements, documents, conflicts."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.organizations import services
from tablee.organizations.models import OrganizationRelation, RelationLevel
from tablee.organizations.tests.factories import OrganizationFactory, RelationFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _pdf(name="entente.pdf", content=b"%PDF-1.4 entente signee", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _record(table, actor, first, second, **kwargs):
    values = {
        "level": RelationLevel.CONCERTATION,
        "started_on": TODAY - timedelta(days=30),
    }
    values.update(kwargs)
    return services.relation_record(table=table, actor=actor, first=first, second=second, **values)


def test_the_pair_is_stored_in_one_order(table, coordinator, audit_entries):
    low, high = OrganizationFactory(), OrganizationFactory()
    relation = _record(table, coordinator, high, low)
    assert (relation.first, relation.second) == (low, high)
    [entry] = audit_entries()
    assert entry.event == AuditEvent.RELATION_RECORDED
    assert entry.table == table


def test_a_change_closes_the_current_row_and_keeps_history(table, coordinator, audit_entries):
    a, b = OrganizationFactory(), OrganizationFactory()
    first = _record(
        table,
        coordinator,
        a,
        b,
        level=RelationLevel.COLLABORATION,
        started_on=TODAY - timedelta(days=100),
    )
    second = _record(
        table,
        coordinator,
        b,
        a,
        level=RelationLevel.CONCERTATION,
        started_on=TODAY - timedelta(days=10),
    )
    first.refresh_from_db()
    assert first.ended_on == TODAY - timedelta(days=10)
    assert second.ended_on is None
    assert OrganizationRelation.objects.for_table(table).filter(ended_on__isnull=True).count() == 1
    entries = audit_entries()
    assert len(entries) == 2
    assert entries[1].changes["old"]["level"] == RelationLevel.COLLABORATION


def test_a_change_cannot_start_before_the_current_row(table, coordinator):
    a, b = OrganizationFactory(), OrganizationFactory()
    _record(table, coordinator, a, b, started_on=TODAY - timedelta(days=10))
    with pytest.raises(InvalidInput):
        _record(table, coordinator, a, b, started_on=TODAY - timedelta(days=20))
    assert OrganizationRelation.objects.for_table(table).count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"level": RelationLevel.PARTNERSHIP}, "agreement_title"),
        (
            {"agreement_start": date(2025, 5, 1), "agreement_end": date(2025, 4, 1)},
            "agreement_end",
        ),
        ({"level": "friendship"}, "level"),
        ({"started_on": TODAY + timedelta(days=3)}, "started_on"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(
    table, coordinator, audit_entries, kwargs, field
):
    a, b = OrganizationFactory(), OrganizationFactory()
    with pytest.raises(InvalidInput) as caught:
        _record(table, coordinator, a, b, **kwargs)
    assert field in caught.value.extra["fields"]
    assert not OrganizationRelation.objects.exists()
    assert audit_entries() == []


def test_an_organization_cannot_relate_to_itself(table, coordinator):
    a = OrganizationFactory()
    with pytest.raises(InvalidInput):
        _record(table, coordinator, a, a)


def test_a_partnership_with_its_agreement_and_document(table, coordinator):
    a, b = OrganizationFactory(), OrganizationFactory()
    relation = _record(
        table,
        coordinator,
        a,
        b,
        level=RelationLevel.PARTNERSHIP,
        agreement_title="Entente de services",
        agreement_start=TODAY - timedelta(days=30),
        agreement_end=TODAY + timedelta(days=700),
        agreement_document=_pdf(),
    )
    assert relation.agreement_document.name.startswith("agreements/")
    assert relation.agreement_document.name.endswith(".pdf")
    assert "entente" not in relation.agreement_document.name  # random stored name
    # A later change with the same agreement keeps the document.
    later = _record(
        table,
        coordinator,
        a,
        b,
        level=RelationLevel.PARTNERSHIP,
        agreement_title="Entente de services",
        started_on=TODAY,
        note="Renouvelée",
    )
    assert later.agreement_document.name == relation.agreement_document.name


@pytest.mark.parametrize(
    "document",
    [
        SimpleUploadedFile("script.exe", b"MZ....", content_type="application/octet-stream"),
        SimpleUploadedFile("faux.pdf", b"<html>not a pdf</html>", content_type="application/pdf"),
        SimpleUploadedFile("image.png", b"\x89PNG\r\n\x1a\n....", content_type="text/html"),
    ],
    ids=["extension", "content", "content-type"],
)
def test_documents_of_the_wrong_kind_are_refused(table, coordinator, document):
    a, b = OrganizationFactory(), OrganizationFactory()
    with pytest.raises(InvalidInput) as caught:
        _record(table, coordinator, a, b, agreement_title="Entente", agreement_document=document)
    assert "agreement_document" in caught.value.extra["fields"]
    assert not OrganizationRelation.objects.exists()


@override_settings(TABLEE_MAX_UPLOAD_BYTES=10)
def test_a_document_too_large_is_refused(table, coordinator):
    a, b = OrganizationFactory(), OrganizationFactory()
    with pytest.raises(InvalidInput, match="too large"):
        _record(table, coordinator, a, b, agreement_document=_pdf())


def test_office_documents_and_images_are_accepted(table, coordinator):
    a, b, c = OrganizationFactory(), OrganizationFactory(), OrganizationFactory()
    docx = SimpleUploadedFile(
        "entente.docx",
        b"PK\x03\x04 word",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    _record(table, coordinator, a, b, agreement_title="Entente", agreement_document=docx)
    jpeg = SimpleUploadedFile("scan.JPG", b"\xff\xd8\xff\xe0 jpeg", content_type="image/jpeg")
    _record(table, coordinator, a, c, agreement_title="Entente", agreement_document=jpeg)


def test_a_change_made_meanwhile_is_refused(table, coordinator, audit_entries):
    a, b = OrganizationFactory(), OrganizationFactory()
    seen = _record(table, coordinator, a, b, started_on=TODAY - timedelta(days=50))
    _record(table, coordinator, a, b, started_on=TODAY - timedelta(days=5))  # someone else
    with pytest.raises(Conflict):
        _record(table, coordinator, a, b, started_on=TODAY, expected_current_id=seen.pk)
    assert len(audit_entries()) == 2


def test_end_closes_the_relation_and_audits(table, coordinator, audit_entries):
    relation = RelationFactory(table=table, started_on=TODAY - timedelta(days=40))
    services.relation_end(relation=relation, actor=coordinator)
    relation.refresh_from_db()
    assert relation.ended_on == TODAY
    [entry] = audit_entries()
    assert entry.event == AuditEvent.RELATION_ENDED
    with pytest.raises(InvalidTransition):
        services.relation_end(relation=relation, actor=coordinator)


def test_end_cannot_precede_the_start(table, coordinator):
    relation = RelationFactory(table=table, started_on=TODAY - timedelta(days=5))
    with pytest.raises(InvalidInput):
        services.relation_end(
            relation=relation, actor=coordinator, ended_on=TODAY - timedelta(days=6)
        )


# Pages --------------------------------------------------------------------


def test_record_page_creates_a_relation_with_a_document(client, coordinator, table):
    a, b = OrganizationFactory(), OrganizationFactory()
    client.force_login(coordinator)
    url = reverse("relations:relation-create", args=[table.slug])
    assert client.get(url, {"first": a.pk, "second": b.pk}).context["form"].initial[
        "first"
    ] == str(a.pk)
    response = client.post(
        url,
        {
            "first": b.pk,
            "second": a.pk,
            "level": RelationLevel.PARTNERSHIP,
            "started_on": (TODAY - timedelta(days=3)).isoformat(),
            "agreement_title": "Entente jeunesse",
            "agreement_document": _pdf(),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    relation = OrganizationRelation.objects.get()
    assert relation.first == a and relation.agreement_document


def test_record_page_shows_the_partnership_rule(client, coordinator, table):
    a, b = OrganizationFactory(), OrganizationFactory()
    client.force_login(coordinator)
    response = client.post(
        reverse("relations:relation-create", args=[table.slug]),
        {
            "first": a.pk,
            "second": b.pk,
            "level": RelationLevel.PARTNERSHIP,
            "started_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 200
    assert "agreement_title" in response.context["form"].errors
    assert not OrganizationRelation.objects.exists()


def test_change_page_refuses_a_stale_form(client, coordinator, table):
    relation = RelationFactory(table=table, started_on=TODAY - timedelta(days=60))
    client.force_login(coordinator)
    url = reverse("relations:relation-change", args=[table.slug, relation.pk])
    data = {
        "level": RelationLevel.COLLABORATION,
        "started_on": (TODAY - timedelta(days=1)).isoformat(),
        "current": str(relation.pk),
    }
    # Someone else records a change first.
    _record(
        table, coordinator, relation.first, relation.second, started_on=TODAY - timedelta(days=2)
    )
    response = client.post(url, data)
    assert response.status_code == 404  # the row seen is no longer current
    newest = OrganizationRelation.objects.for_table(table).get(ended_on__isnull=True)
    response = client.post(
        reverse("relations:relation-change", args=[table.slug, newest.pk]),
        {**data, "current": str(relation.pk)},
    )
    assert response.status_code == 200
    assert "Someone else changed" in response.content.decode()


def test_change_page_records_a_new_period(client, coordinator, table):
    relation = RelationFactory(table=table, started_on=TODAY - timedelta(days=60))
    client.force_login(coordinator)
    response = client.post(
        reverse("relations:relation-change", args=[table.slug, relation.pk]),
        {
            "level": RelationLevel.COLLABORATION,
            "started_on": TODAY.isoformat(),
            "current": str(relation.pk),
        },
    )
    assert response.status_code == 302
    history = client.get(response["Location"])
    assert len(history.context["rows"]) == 2


def test_end_page_confirms_then_ends(client, coordinator, table):
    relation = RelationFactory(table=table)
    client.force_login(coordinator)
    url = reverse("relations:relation-end", args=[table.slug, relation.pk])
    assert "button--danger" in client.get(url).content.decode()
    relation.refresh_from_db()
    assert relation.ended_on is None
    assert client.post(url, {"ended_on": ""}).status_code == 302
    relation.refresh_from_db()
    assert relation.ended_on == TODAY


def test_document_is_served_as_an_attachment_to_the_tables_people(
    client, observer, table, coordinator
):
    a, b = OrganizationFactory(), OrganizationFactory()
    relation = _record(
        table,
        coordinator,
        a,
        b,
        level=RelationLevel.PARTNERSHIP,
        agreement_title="Entente de quartier",
        agreement_document=_pdf(content=b"%PDF-1.7 contenu"),
    )
    client.force_login(observer)
    response = client.get(reverse("relations:relation-document", args=[table.slug, relation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="entente-de-quartier.pdf"'
    assert b"".join(response.streaming_content) == b"%PDF-1.7 contenu"


def test_a_relation_without_document_has_no_download(client, member, table):
    relation = RelationFactory(table=table)
    client.force_login(member)
    url = reverse("relations:relation-document", args=[table.slug, relation.pk])
    assert client.get(url).status_code == 404
