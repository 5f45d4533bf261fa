"""Demo meetings of « Table de quartier Démo »; idempotent.

A year of monthly meetings: ten held (attendance, agenda, notes), one
upcoming and convened with its agenda and a PDF, one still finding a date,
and a committee meeting. Written through the services; the e-mails they queue
go to files under var/mail (or are not sent at all when no worker runs).
"""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tablee.meetings import selectors, services
from tablee.meetings.models import Meeting, MeetingStatus
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"

SUBJECTS = [
    ("Mot de bienvenue et tour de table", "information", 15),
    ("Portrait du quartier : faits saillants", "discussion", 30),
    ("Priorités d'action de l'année", "consultation", 30),
    ("Projet de halte-garderie communautaire", "decision", 25),
    ("Nouvelles des partenaires", "information", 15),
]
NOTES = [
    "Chaque partenaire a présenté ses dossiers du mois.",
    "Le comité portrait présentera une synthèse à la prochaine rencontre.",
    "Consensus sur trois priorités; la sécurité alimentaire vient en premier.",
    "Adopté par consensus, avec une réserve de l'école sur le calendrier.",
    "Plusieurs activités estivales annoncées; calendrier commun à tenir.",
]


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=LETTER)
    page.setFont("Helvetica-Bold", 16)
    page.drawString(72, 720, "Table de quartier Démo — document de travail")
    page.setFont("Helvetica", 11)
    page.drawString(72, 690, "Synthèse du portrait du quartier (données fictives).")
    page.showPage()
    page.save()
    return buffer.getvalue()


def _agenda(meeting, coordinator, *, with_notes: bool) -> list:
    items = []
    for (title, kind, minutes), note in zip(SUBJECTS, NOTES, strict=True):
        item = services.agenda_item_add(
            meeting=meeting,
            actor=coordinator,
            title=title,
            kind=kind,
            duration_minutes=minutes,
            presenter=coordinator if kind == "information" else None,
        )
        if with_notes:
            services.agenda_item_save_notes(
                item=item, actor=coordinator, notes=note, revision=item.revision
            )
        items.append(item)
    return items


def _hold(meeting, coordinator, items, seats, index: int) -> None:
    """Record a held meeting: attendance, timed items, ended."""
    rows = []
    for n, seat in enumerate(seats):
        present = (n + index) % 5 != 0
        by = seat.representative
        if present and seat.alternate is not None and (n + index) % 3 == 0:
            by = seat.alternate
        if by is None:
            by = seat.alternate
        rows.append({"seat": seat, "present": present and by is not None, "attended_by": by})
    rows.append({"seat": None, "person": coordinator, "present": True})
    services.attendance_record(meeting=meeting, actor=coordinator, rows=rows)
    # Held meetings are in the past: set their timing directly.
    start = meeting.starts_at
    cursor = start
    for item in items:
        item.started_at = cursor
        cursor = cursor + timedelta(minutes=item.duration_minutes + (index % 3) * 2)
        item.ended_at = cursor
        item.save(update_fields=["started_at", "ended_at"])
    Meeting.objects.filter(pk=meeting.pk).update(
        status=MeetingStatus.HELD, started_at=start, ended_at=cursor, convened_at=start
    )


def load(*, people) -> None:
    table = Table.objects.filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if Meeting.objects.for_table(table).exists():
        return
    seats = selectors.open_seats(table=table)
    now = timezone.localtime().replace(hour=13, minute=30, second=0, microsecond=0)
    for index in range(10, 0, -1):
        starts = now - timedelta(days=30 * index)
        meeting = services.meeting_create(
            table=table,
            actor=coordinator,
            title=f"Rencontre régulière — {starts:%B %Y}".capitalize(),
            starts_at=starts,
            duration_minutes=150,
            location="Centre communautaire de Saint-Exemple, 120 rue Principale",
        )
        items = _agenda(meeting, coordinator, with_notes=True)
        _hold(meeting, coordinator, items, seats, index)

    upcoming = services.meeting_create(
        table=table,
        actor=coordinator,
        title="Rencontre régulière du mois prochain",
        starts_at=now + timedelta(days=12),
        duration_minutes=120,
        location="Bibliothèque de Saint-Exemple, salle 2",
        online_url="https://visio.example.org/quartier-demo",
        description="Rencontre hybride : en salle ou en ligne.",
    )
    items = _agenda(upcoming, coordinator, with_notes=False)
    services.document_attach(
        item=items[1],
        actor=coordinator,
        uploaded=SimpleUploadedFile("portrait-du-quartier.pdf", _pdf()),
    )
    services.meeting_circulate_agenda(meeting=upcoming, actor=coordinator)
    services.meeting_convene(meeting=upcoming, actor=coordinator)

    planning = services.meeting_create(
        table=table,
        actor=coordinator,
        title="Journée de réflexion sur la vision commune",
        duration_minutes=240,
        location="À confirmer",
    )
    services.meeting_propose_dates(
        meeting=planning,
        actor=coordinator,
        starts_at=[now + timedelta(days=d) for d in (40, 43, 47)],
    )
    options = list(planning.date_options.order_by("starts_at"))
    answerers = selectors.table_people(table=table)[:5]
    for n, person in enumerate(answerers):
        services.meeting_answer_dates(
            meeting=planning,
            person=person,
            answers={
                options[0].pk: "yes",
                options[1].pk: ["no", "if_need_be", "yes"][n % 3],
                options[2].pk: ["if_need_be", "no"][n % 2],
            },
        )

    committees = selectors.committee_choices(table=table)
    if committees:
        committee_meeting = services.meeting_create(
            table=table,
            actor=coordinator,
            title=f"Rencontre du comité — {committees[0].name}",
            committee=committees[0],
            starts_at=now - timedelta(days=20),
            duration_minutes=90,
            location="Bureau de la table",
        )
        services.agenda_item_add(
            meeting=committee_meeting,
            actor=coordinator,
            title="Suivi des travaux du comité",
            kind="discussion",
            duration_minutes=45,
        )
        Meeting.objects.filter(pk=committee_meeting.pk).update(status=MeetingStatus.HELD)
