"""Needs and strengths: who identified them, evidence, coverage, plan actions, documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tablee.core.errors import Conflict, InvalidInput
from tablee.core.models import AuditEntry
from tablee.members.tests.factories import SeatFactory
from tablee.organizations.models import Sector
from tablee.portrait import services
from tablee.portrait.models import Coverage, EvidenceDocument, Need, Strength
from tablee.portrait.tests.factories import (
    NeedFactory,
    PlanActionFactory,
    ProcessFactory,
    StrengthFactory,
    TerritoryIndicatorFactory,
)

pytestmark = pytest.mark.django_db


def _events():
    return list(AuditEntry.objects.order_by("id").values_list("event", flat=True))


def test_need_create_with_who_and_evidence(table, coordinator):
    organization = SeatFactory(table=table).organization
    sector = Sector.objects.first()
    indicator = TerritoryIndicatorFactory(table=table)
    process = ProcessFactory(table=table)
    need = services.need_create(
        table=table,
        actor=coordinator,
        statement="Des familles sautent des repas",
        coverage=Coverage.PARTLY,
        coverage_note="Dépannage une fois par mois",
        citizens="Forum citoyen",
        process=process,
        organizations=[organization],
        sectors=[sector],
        indicators=[indicator],
    )
    assert list(need.organizations.all()) == [organization]
    assert list(need.sectors.all()) == [sector]
    assert list(need.indicators.all()) == [indicator]
    assert _events() == ["PORTRAIT_NEED_CREATED"]


def test_need_without_statement_or_with_bad_coverage_is_refused(table, coordinator):
    with pytest.raises(InvalidInput):
        services.need_create(table=table, actor=coordinator, statement="  ")
    with pytest.raises(InvalidInput):
        services.need_create(table=table, actor=coordinator, statement="A", coverage="maybe")
    assert not Need.objects.exists()


def test_indicator_of_another_table_cannot_be_evidence(table, other_table, coordinator):
    foreign = TerritoryIndicatorFactory(table=other_table)
    with pytest.raises(AssertionError):
        services.need_create(table=table, actor=coordinator, statement="A", indicators=[foreign])


def test_need_form_refuses_an_indicator_of_another_table(client, table, other_table, coordinator):
    foreign = TerritoryIndicatorFactory(table=other_table)
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/portrait/needs/new/",
        {"statement": "Besoin", "coverage": "unknown", "indicators": [foreign.pk]},
    )
    assert response.status_code == 200
    assert not Need.objects.exists()


def test_need_pages_create_edit_and_conflict(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/portrait/needs/new/",
        {"statement": "Peu d'épiceries", "coverage": "not_covered"},
    )
    need = Need.objects.get()
    assert response.status_code == 302
    assert response["Location"] == need.get_absolute_url()
    url = f"/t/{table.slug}/portrait/needs/{need.pk}/edit/"
    assert client.get(url).status_code == 200
    data = {"statement": "Peu d'épiceries au nord", "coverage": "partly", "revision": "0"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "statement": "Autre"})
    assert response.status_code == 200
    assert b"The version saved in the meantime" in response.content
    need.refresh_from_db()
    assert need.statement == "Peu d'épiceries au nord"
    assert need.coverage == Coverage.PARTLY


def test_need_list_filters_by_coverage(client, table, member):
    NeedFactory(table=table, statement="Besoin couvert", coverage=Coverage.COVERED)
    NeedFactory(table=table, statement="Besoin non couvert", coverage=Coverage.NOT_COVERED)
    client.force_login(member)
    url = f"/t/{table.slug}/portrait/needs/"
    html = client.get(url, {"coverage": "covered"}).content.decode()
    assert "Besoin couvert" in html and "Besoin non couvert" not in html
    response = client.get(url, {"coverage": "not_covered"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Besoin non couvert" in html and "<html" not in html
    assert "No need matches" in client.get(url, {"coverage": "partly"}).content.decode()


def test_need_actions_are_chosen_among_the_tables_plan_actions(
    client, table, other_table, coordinator, member
):
    need = NeedFactory(table=table)
    action = PlanActionFactory(process__table=table, title="Marché solidaire mobile")
    foreign = PlanActionFactory(process__table=other_table)
    client.force_login(coordinator)
    url = f"/t/{table.slug}/portrait/needs/{need.pk}/actions/"
    page = client.get(url).content.decode()
    assert "Marché solidaire mobile" in page and foreign.title not in page
    response = client.post(url, {"actions": [foreign.pk], "revision": "0"})
    assert response.status_code == 200
    assert need.actions.count() == 0
    response = client.post(url, {"actions": [action.pk], "revision": "0"})
    assert response.status_code == 302
    assert list(need.actions.all()) == [action]
    assert list(action.needs.all()) == [need]
    assert _events() == ["PORTRAIT_NEED_ACTIONS_LINKED"]
    client.force_login(member)
    html = client.get(need.get_absolute_url()).content.decode()
    assert "Marché solidaire mobile" in html
    assert "Choose the actions" not in html
    with pytest.raises(Conflict):
        services.need_set_actions(need=need, actor=coordinator, actions=[], base_revision=0)


def test_need_delete_asks_for_confirmation(client, table, coordinator):
    need = NeedFactory(table=table)
    client.force_login(coordinator)
    url = f"/t/{table.slug}/portrait/needs/{need.pk}/delete/"
    assert b"Yes, delete the need" in client.get(url).content
    assert Need.objects.exists()
    assert client.post(url).status_code == 302
    assert not Need.objects.exists()
    assert _events() == ["PORTRAIT_NEED_DELETED"]


def test_strength_pages(client, table, coordinator, observer):
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/portrait/strengths/new/",
        {"statement": "Six jardins collectifs", "citizens": "Jardiniers"},
    )
    strength = Strength.objects.get()
    assert response.status_code == 302
    url = f"/t/{table.slug}/portrait/strengths/{strength.pk}/edit/"
    assert client.post(url, {"statement": "Sept jardins", "revision": "0"}).status_code == 302
    client.force_login(observer)
    assert "Sept jardins" in client.get(f"/t/{table.slug}/portrait/strengths/").content.decode()
    assert client.get(strength.get_absolute_url()).status_code == 200
    client.force_login(coordinator)
    assert (
        client.post(f"/t/{table.slug}/portrait/strengths/{strength.pk}/delete/").status_code == 302
    )
    assert _events() == [
        "PORTRAIT_STRENGTH_CREATED",
        "PORTRAIT_STRENGTH_UPDATED",
        "PORTRAIT_STRENGTH_DELETED",
    ]


def test_evidence_document_attach_download_remove(
    client, table, coordinator, observer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    strength = StrengthFactory(table=table)
    client.force_login(coordinator)
    url = f"/t/{table.slug}/portrait/strengths/{strength.pk}/documents/new/"
    fake = SimpleUploadedFile("portrait.pdf", b"not a pdf at all")
    response = client.post(url, {"file": fake})
    assert response.status_code == 200
    assert not EvidenceDocument.objects.exists()
    pdf = SimpleUploadedFile("portrait.pdf", b"%PDF-1.4\nportrait du quartier")
    assert client.post(url, {"file": pdf}).status_code == 302
    document = EvidenceDocument.objects.get()
    client.force_login(observer)
    response = client.get(f"/t/{table.slug}/portrait/documents/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(coordinator)
    remove = f"/t/{table.slug}/portrait/documents/{document.pk}/remove/"
    assert client.get(remove).status_code == 200
    assert client.post(remove).status_code == 302
    assert not EvidenceDocument.objects.exists()
    assert _events() == ["PORTRAIT_DOCUMENT_ATTACHED", "PORTRAIT_DOCUMENT_REMOVED"]
