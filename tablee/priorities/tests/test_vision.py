"""The common vision: draft, comments, proposal, adoption through the register."""

from datetime import date

import pytest
from django.urls import reverse

from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry
from tablee.decisions.models import Decision
from tablee.priorities import services
from tablee.priorities.audit_events import Event
from tablee.priorities.models import VisionComment, VisionStatus, VisionVersion
from tablee.priorities.tests.factories import VisionVersionFactory

pytestmark = pytest.mark.django_db


def _url(name, process, *args):
    return reverse(f"priorities:{name}", args=[process.table.slug, process.slug, *args])


def _adoption(**kwargs):
    return services.AdoptionInput(decided_on=date(2026, 3, 4), **kwargs)


def test_first_draft_is_version_one_and_audited(process, coordinator):
    draft = services.vision_draft_start(process=process, actor=coordinator)
    assert (draft.number, draft.status, draft.statement) == (1, VisionStatus.DRAFT, "")
    entry = AuditEntry.objects.get()
    assert entry.event == Event.VISION_DRAFT_STARTED


def test_only_one_version_written_at_a_time(process, coordinator):
    services.vision_draft_start(process=process, actor=coordinator)
    with pytest.raises(InvalidTransition):
        services.vision_draft_start(process=process, actor=coordinator)


def test_revision_copies_the_adopted_text(process, coordinator):
    VisionVersionFactory(process=process, number=1, adopted=True, statement="Texte adopté.")
    draft = services.vision_draft_start(process=process, actor=coordinator)
    assert (draft.number, draft.statement) == (2, "Texte adopté.")


def test_save_bumps_revision_and_refuses_a_stale_edit(process, coordinator):
    draft = VisionVersionFactory(process=process, number=1)
    saved = services.vision_statement_save(
        version=draft, actor=coordinator, statement="Nouveau texte", revision=0
    )
    assert saved.revision == 1
    with pytest.raises(Conflict) as caught:
        services.vision_statement_save(
            version=draft, actor=coordinator, statement="Autre texte", revision=0
        )
    assert caught.value.extra["theirs"] == {"statement": "Nouveau texte"}
    assert VisionVersion.objects.get().statement == "Nouveau texte"


def test_changing_a_proposed_text_sends_it_back_to_draft(process, coordinator):
    draft = VisionVersionFactory(process=process, number=1)
    services.vision_propose(version=draft, actor=coordinator)
    saved = services.vision_statement_save(
        version=draft, actor=coordinator, statement="Retouché", revision=None
    )
    assert saved.status == VisionStatus.DRAFT and saved.proposed_at is None


def test_propose_needs_a_text(process, coordinator):
    draft = VisionVersionFactory(process=process, number=1, statement="")
    with pytest.raises(InvalidInput):
        services.vision_propose(version=draft, actor=coordinator)


def test_adoption_records_a_decision_and_points_to_it(process, coordinator):
    draft = VisionVersionFactory(process=process, number=1)
    services.vision_propose(version=draft, actor=coordinator)
    AuditEntry.objects.all().delete()
    adopted = services.vision_adopt(version=draft, actor=coordinator, adoption=_adoption())
    decision = Decision.objects.get()
    assert adopted.decision == decision
    assert adopted.status == VisionStatus.ADOPTED and adopted.adopted_at is not None
    assert decision.wording.startswith("Adoption of the common vision, version 1")
    assert decision.decided_on == date(2026, 3, 4)
    assert decision.table == process.table
    events = sorted(AuditEntry.objects.values_list("event", flat=True))
    assert events == ["DECISION_RECORDED", Event.VISION_ADOPTED]


def test_adoption_in_french_uses_the_french_wording(process, coordinator):
    from django.utils import translation

    draft = VisionVersionFactory(process=process, number=1, status=VisionStatus.PROPOSED)
    with translation.override("fr-ca"):
        services.vision_adopt(version=draft, actor=coordinator, adoption=_adoption())
    assert Decision.objects.get().wording.startswith("Adoption de la vision commune, version 1")


def test_adoption_needs_a_proposal(process, coordinator):
    draft = VisionVersionFactory(process=process, number=1)
    with pytest.raises(InvalidTransition):
        services.vision_adopt(version=draft, actor=coordinator, adoption=_adoption())
    assert not Decision.objects.exists()


def test_bad_counts_refuse_adoption_and_change_nothing(process, coordinator):
    draft = VisionVersionFactory(process=process, number=1, status=VisionStatus.PROPOSED)
    with pytest.raises(InvalidInput):
        services.vision_adopt(
            version=draft, actor=coordinator, adoption=_adoption(modality="majority")
        )
    assert not Decision.objects.exists()
    assert VisionVersion.objects.get().status == VisionStatus.PROPOSED


def test_adopted_version_never_changes(process, coordinator, member):
    adopted = VisionVersionFactory(process=process, number=1, adopted=True, statement="Gelé.")
    with pytest.raises(InvalidTransition, match="can no longer change"):
        services.vision_statement_save(
            version=adopted, actor=coordinator, statement="Modifié", revision=None
        )
    with pytest.raises(InvalidTransition):
        services.vision_comment_add(version=adopted, actor=member, body="Commentaire")
    with pytest.raises(InvalidTransition):
        services.vision_adopt(version=adopted, actor=coordinator, adoption=_adoption())
    assert VisionVersion.objects.get().statement == "Gelé."


def test_member_comments_the_draft_page(client, process, member):
    VisionVersionFactory(process=process, number=1)
    client.force_login(member)
    response = client.post(_url("vision-comment", process), {"body": "Pensons aux aînés."})
    assert response.status_code == 302
    comment = VisionComment.objects.get()
    assert comment.author == member
    assert AuditEntry.objects.get().event == Event.VISION_COMMENTED
    page = client.get(_url("vision-draft", process))
    assert "Pensons aux aînés." in page.content.decode()


def test_htmx_comment_returns_the_thread(client, process, member):
    VisionVersionFactory(process=process, number=1)
    client.force_login(member)
    response = client.post(
        _url("vision-comment", process), {"body": "Oui !"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="vision-comments"' in content and "Oui !" in content
    assert "<html" not in content
    empty = client.post(_url("vision-comment", process), {"body": ""}, HTTP_HX_REQUEST="true")
    assert empty.status_code == 422


def test_member_cannot_edit_the_draft(client, process, member):
    VisionVersionFactory(process=process, number=1)
    client.force_login(member)
    response = client.post(_url("vision-draft", process), {"statement": "x", "revision": 0})
    assert response.status_code == 403


def test_coordinator_edits_proposes_and_adopts_from_the_pages(client, process, coordinator):
    client.force_login(coordinator)
    client.post(_url("vision-start", process))
    response = client.post(
        _url("vision-draft", process), {"statement": "Un quartier nourricier.", "revision": 0}
    )
    assert response.status_code == 302
    client.post(_url("vision-propose", process))
    response = client.post(
        _url("vision-adopt", process), {"decided_on": "2026-03-04", "modality": "consensus"}
    )
    assert response.status_code == 302
    version = VisionVersion.objects.get()
    assert version.status == VisionStatus.ADOPTED and version.decision is not None
    page = client.get(_url("vision", process)).content.decode()
    assert "Un quartier nourricier." in page
    assert f"decision no. {version.decision.number}" in page


def test_stale_edit_from_the_page_shows_their_text(client, process, coordinator):
    draft = VisionVersionFactory(process=process, number=1, statement="Le leur", revision=3)
    client.force_login(coordinator)
    response = client.post(_url("vision-draft", process), {"statement": "Le mien", "revision": 1})
    assert response.status_code == 409
    assert "Le leur" in response.content.decode()
    draft.refresh_from_db()
    assert draft.statement == "Le leur"


def test_compare_two_versions(client, process, member):
    VisionVersionFactory(process=process, number=1, adopted=True, statement="Un quartier vert.")
    VisionVersionFactory(process=process, number=2, statement="Un quartier vert et solidaire.")
    client.force_login(member)
    response = client.get(_url("vision-compare", process) + "?from=1&to=2")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<ins" in content and "solidaire" in content
    bad = client.get(_url("vision-compare", process) + "?from=1&to=9")
    assert bad.status_code == 400


def test_unknown_process_is_404(client, table, member):
    client.force_login(member)
    assert client.get(f"/t/{table.slug}/processes/nope/vision/").status_code == 404


def test_adoption_is_listed_among_the_vision_stage_deliverables(process, coordinator):
    from tablee.processes.models import Stage, StageKind

    stage = Stage.objects.create(table=process.table, process=process, kind=StageKind.VISION)
    draft = VisionVersionFactory(process=process, number=1, status=VisionStatus.PROPOSED)
    adopted = services.vision_adopt(version=draft, actor=coordinator, adoption=_adoption())
    assert list(stage.decisions.all()) == [adopted.decision]
