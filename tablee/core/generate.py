"""Bulk benchmark data: tables, people, memberships, invitations and history.

At scale 1: 200 tables, 10,000 people (~15,000 memberships, table sizes
skewed so a few tables are large), ~10 invitations per table and ~200,000
audit entries. Everything is written with bulk_create in batches inside one
transaction, with one password hash reused for every account, so scale 1
takes well under a few minutes on SQLite.

Every generated row is recognisable by its prefix: slugs `gen-table-NNN`,
e-mails `gen-…@example.org`. This keeps it apart from the demo and lets
`--reset` remove exactly what was generated.

Predictable logins (password GEN_PASSWORD):
- GEN_ADMIN_EMAIL, a platform administrator;
- `coordinator_email(1)` coordinates `table_slug(1)`, the largest table.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import import_module

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from tablee.accounts.models import User
from tablee.actions.models import ActionItem
from tablee.charters.models import CharterComment, CharterVersion
from tablee.core.models import AuditEntry, AuditEvent
from tablee.decisions.models import Decision, search_key
from tablee.meetings.models import AgendaItem, Attendance, Meeting
from tablee.members.models import (
    ActorType,
    Committee,
    CommitteeMember,
    Contribution,
    Power,
    Seat,
    SeatHolding,
)
from tablee.organizations.models import (
    Organization,
    OrganizationKind,
    OrganizationRelation,
    RelationLevel,
    Sector,
    normalize_name,
)
from tablee.tables.models import Invitation, Membership, Role, Table

PREFIX = "gen-"
GEN_PASSWORD = "gen-tablee-2026"
GEN_ADMIN_EMAIL = "gen-admin@example.org"
BATCH_SIZE = 2000

TABLES_PER_SCALE = 200
PEOPLE_PER_SCALE = 10_000
AUDIT_PER_SCALE = 200_000
INVITATIONS_PER_TABLE = 10
HISTORY_DAYS = 730
ORGANIZATIONS_PER_SCALE = 4_000
ORG_NAME_PREFIX = "gen-org"
COMMITTEES_PER_TABLE = 3
RELATIONS_PER_TABLE = 20
MEETINGS_PER_SCALE = 20_000
DECISIONS_PER_SCALE = 50_000
ACTIONS_PER_SCALE = 20_000
ITEMS_PER_MEETING = 5
# The benchmark's big meeting, on the largest table.
BIG_MEETING_TITLE = "Rencontre générée — grande plénière"
BIG_MEETING_ITEMS = 40
BIG_MEETING_ATTENDEES = 60


class GeneratedDataExists(Exception):
    """Generated rows are already in the database and no reset was asked."""


def table_slug(number: int) -> str:
    return f"{PREFIX}table-{number:03d}"


def person_email(number: int) -> str:
    return f"{PREFIX}{number:05d}@example.org"


def coordinator_email(table_number: int) -> str:
    """The lead coordinator of table `table_number` (1-based): person of the same number."""
    return person_email(table_number)


@dataclass
class GenerateResult:
    scale: float
    tables: int
    people: int
    memberships: int
    invitations: int
    audit_entries: int
    seconds: float
    organizations: int = 0
    seats: int = 0
    meetings: int = 0
    decisions: int = 0
    # Counts reported by the domain generators (DOMAIN_GENERATORS).
    extra: dict[str, int] = field(default_factory=dict)


FIRST_NAMES = [
    "Marie",
    "Jean",
    "Sophie",
    "Mathieu",
    "Isabelle",
    "François",
    "Nathalie",
    "Alexandre",
    "Geneviève",
    "Sylvain",
    "Catherine",
    "Olivier",
    "Annie",
    "Patrick",
    "Mélanie",
    "Karine",
    "Éric",
    "Julie",
    "Marc-André",
    "Louise",
    "Richard",
    "Chantal",
    "Maxime",
    "Valérie",
    "Samuel",
    "Audrey",
    "Stéphane",
    "Émilie",
    "Jonathan",
    "Marie-Ève",
    "Luc",
    "Martine",
    "Guillaume",
    "Josée",
    "Simon",
    "Caroline",
    "Philippe",
    "Véronique",
    "Benoît",
    "Marilyn",
    "Hugo",
    "Amélie",
    "Félix",
    "Roxanne",
    "Gabriel",
    "Mireille",
    "Denis",
    "Lucie",
    "Yves",
    "Justine",
]
LAST_NAMES = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Bergeron",
    "Leblanc",
    "Paquette",
    "Girard",
    "Simard",
    "Boucher",
    "Caron",
    "Beaulieu",
    "Cloutier",
    "Dubé",
    "Poirier",
    "Fournier",
    "Lapointe",
    "Leclerc",
    "Lefebvre",
    "Poulin",
    "Thibault",
    "St-Pierre",
    "Nadeau",
    "Martin",
    "Landry",
    "Martel",
    "Bédard",
    "Grenier",
    "Lessard",
    "Bernier",
    "Richard",
    "Michaud",
    "Hébert",
    "Desjardins",
    "Couture",
    "Turcotte",
    "Lachance",
    "Parent",
    "Blais",
    "Gosselin",
]
TABLE_KINDS = (
    "Table de quartier",
    "Table jeunesse",
    "Comité en sécurité alimentaire",
    "Table des aînés",
    "Chantier logement",
    "Table en petite enfance",
    "Comité mobilité",
    "Table en développement social",
    "Réseau en persévérance scolaire",
    "Comité en santé mentale",
)
PLACES = [
    "Saint-Exemple",
    "Vieux-Moulin",
    "Rivière-Claire",
    "Lac-Fictif",
    "Mont-Imaginaire",
    "Val-Bruyère",
    "Sainte-Fiction",
    "Pointe-aux-Essais",
    "Haut-Village",
    "Bas-de-la-Côte",
    "Cap-Modèle",
    "Anse-Verte",
]
ROLE_LABELS = {
    Role.COORDINATOR: "Coordination",
    Role.MEMBER: "Membre",
    Role.OBSERVER: "Observation",
}


@contextmanager
def _historical_dates(*models) -> Iterator[None]:
    """Let bulk_create keep the dates we set (auto_now/auto_now_add would overwrite them)."""
    saved = []
    for model in models:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                saved.append((f, f.auto_now, f.auto_now_add))
                f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def generated_data_exists() -> bool:
    return (
        Table.objects.filter(slug__startswith=PREFIX).exists()
        or User.objects.filter(email__startswith=PREFIX).exists()
    )


# Later domain apps generate their own rows. Each module exposes
#   generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]
# (`seats`: table id → {user id: role}; rows must belong to `tables`) and
#   delete(*, tables) -> None
# (delete every row of theirs in those tables). They run in this order after
# the meetings; deletion runs in the reverse order, before the core rows.
DOMAIN_GENERATORS = [
    "tablee.processes.generate",
    "tablee.portrait.generate",
    "tablee.priorities.generate",
    "tablee.plans.generate",
    "tablee.funding.generate",
    "tablee.frameworks.generate",
    "tablee.results.generate",
    "tablee.evaluation.generate",
    "tablee.engagement.generate",
    "tablee.selfcheck.generate",
    "tablee.relationsurvey.generate",
]


def _domain_generators() -> list:
    modules = []
    for name in DOMAIN_GENERATORS:
        try:
            modules.append(import_module(name))
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return modules


def delete_generated(progress: Callable[[str], None] = lambda _m: None) -> None:
    """Delete every generated row (and the rows that point at them)."""
    gen_tables = Table.objects.filter(slug__startswith=PREFIX)
    gen_users = User.objects.filter(email__startswith=PREFIX)
    gen_organizations = Organization.objects.filter(
        name_key__startswith=normalize_name(ORG_NAME_PREFIX)
    )
    with transaction.atomic():
        for module in reversed(_domain_generators()):
            module.delete(tables=gen_tables)
        # Meetings and what points at them first, then the composition.
        ActionItem.objects.filter(table__in=gen_tables).delete()
        Decision.objects.filter(table__in=gen_tables).update(amends=None, supersedes=None)
        Decision.objects.filter(table__in=gen_tables).delete()
        Attendance.objects.filter(table__in=gen_tables).delete()
        Meeting.objects.filter(table__in=gen_tables).update(current_item=None)
        AgendaItem.objects.filter(table__in=gen_tables).delete()
        Meeting.objects.filter(table__in=gen_tables).delete()
        # Composition: it points at tables, people and organizations.
        CharterComment.objects.filter(table__in=gen_tables).delete()
        CharterVersion.objects.filter(table__in=gen_tables).delete()
        CommitteeMember.objects.filter(table__in=gen_tables).delete()
        Committee.objects.filter(table__in=gen_tables).delete()
        SeatHolding.objects.filter(table__in=gen_tables).delete()
        Seat.objects.filter(table__in=gen_tables).delete()
        OrganizationRelation.objects.filter(table__in=gen_tables).delete()
        gen_organizations.delete()
        n, _ = AuditEntry.objects.filter(Q(table__in=gen_tables) | Q(actor__in=gen_users)).delete()
        progress(f"deleted {n} audit entries")
        Invitation.objects.filter(
            Q(table__in=gen_tables) | Q(invited_by__in=gen_users) | Q(accepted_by__in=gen_users)
        ).delete()
        Membership.objects.filter(Q(table__in=gen_tables) | Q(user__in=gen_users)).delete()
        gen_tables.delete()
        n, _ = gen_users.delete()
        progress(f"deleted generated tables and people ({n} rows with their dependents)")


def _weights(count: int) -> list[float]:
    # Zipf-like sizes: table 1 is the largest, a long tail of small tables.
    return [1 / (i + 1) ** 0.8 for i in range(count)]


def generate(
    *,
    scale: float,
    reset: bool = False,
    progress: Callable[[str], None] = lambda _m: None,
    seed: int = 2026,
) -> GenerateResult:
    if scale <= 0:
        raise ValueError("scale must be positive")
    started = time.monotonic()
    if generated_data_exists():
        if not reset:
            raise GeneratedDataExists(
                "Generated data (slugs/e-mails starting with 'gen-') already exists. "
                "Use --reset to delete it and generate again."
            )
        progress("deleting the previous generated data…")
        delete_generated(progress)

    rng = random.Random(seed)
    n_tables = max(2, round(TABLES_PER_SCALE * scale))
    n_people = max(n_tables + 5, round(PEOPLE_PER_SCALE * scale))
    n_audit = max(n_tables * 5, round(AUDIT_PER_SCALE * scale))
    now = timezone.now()
    start = now - timedelta(days=HISTORY_DAYS)

    def when(lo_days: float = 0, hi_days: float = HISTORY_DAYS):
        return start + timedelta(days=rng.uniform(lo_days, hi_days))

    def batch(model, objs):
        model.objects.bulk_create(objs, batch_size=BATCH_SIZE)

    with transaction.atomic(), _historical_dates(Table, Membership, Invitation, AuditEntry):
        # Tables
        tables = []
        for i in range(1, n_tables + 1):
            created = when(0, 60)
            kind = TABLE_KINDS[(i - 1) % len(TABLE_KINDS)]
            place = PLACES[(i - 1) // len(TABLE_KINDS) % len(PLACES)]
            tables.append(
                Table(
                    name=f"{kind} {place} {i:03d}",
                    slug=table_slug(i),
                    territory=place,
                    description=f"Table générée pour les mesures de performance ({kind.lower()}).",
                    created_at=created,
                    updated_at=created,
                )
            )
        batch(Table, tables)
        tables = list(Table.objects.filter(slug__startswith=PREFIX).order_by("slug"))
        progress(f"{len(tables)} tables")

        # People: one password hash for everyone.
        hashed = make_password(GEN_PASSWORD)
        people = [
            User(
                email=GEN_ADMIN_EMAIL,
                full_name="Administration générée",
                password=hashed,
                is_staff=True,
                date_joined=start,
            )
        ]
        for i in range(1, n_people + 1):
            people.append(
                User(
                    email=person_email(i),
                    full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    password=hashed,
                    date_joined=when(0, 90),
                )
            )
        for offset in range(0, len(people), BATCH_SIZE):
            batch(User, people[offset : offset + BATCH_SIZE])
            progress(f"{min(offset + BATCH_SIZE, len(people))}/{len(people)} people")
        users = list(
            User.objects.filter(email__startswith=PREFIX)
            .exclude(email=GEN_ADMIN_EMAIL)
            .order_by("email")
            .only("pk", "email", "full_name")
        )
        names = {u.pk: u.full_name for u in users}

        # Memberships: table i's lead coordinator is person i; others join 1–3 tables.
        weights = _weights(n_tables)
        table_ids = [t.pk for t in tables]
        seats: dict[int, dict[int, str]] = {tid: {} for tid in table_ids}  # table -> user -> role
        for t_index, table_id in enumerate(table_ids):
            seats[table_id][users[t_index].pk] = Role.COORDINATOR
        for user in users:
            wanted = 1 + (rng.random() < 0.4) + (rng.random() < 0.1)
            for table_id in set(rng.choices(table_ids, weights=weights, k=wanted)):
                if user.pk in seats[table_id]:
                    continue
                draw = rng.random()
                role = (
                    Role.COORDINATOR
                    if draw < 0.02
                    else Role.OBSERVER
                    if draw < 0.12
                    else Role.MEMBER
                )
                seats[table_id][user.pk] = role
        memberships = []
        for table_id, people_roles in seats.items():
            for user_id, role in people_roles.items():
                created = when(60, HISTORY_DAYS - 5)
                memberships.append(
                    Membership(
                        table_id=table_id,
                        user_id=user_id,
                        role=role,
                        created_at=created,
                        updated_at=created,
                    )
                )
        for offset in range(0, len(memberships), BATCH_SIZE):
            batch(Membership, memberships[offset : offset + BATCH_SIZE])
        progress(f"{len(memberships)} memberships")

        # Invitations: mostly pending, some accepted, revoked or expired.
        invitations = []
        lead = {tid: users[i].pk for i, tid in enumerate(table_ids)}
        counter = 0
        per_table = INVITATIONS_PER_TABLE
        for table_id in table_ids:
            for _k in range(per_table):
                counter += 1
                draw = rng.random()
                if draw < 0.6:  # pending
                    created = now - timedelta(days=rng.uniform(0, 13))
                    extra = {}
                elif draw < 0.8:  # accepted
                    created = when(60, HISTORY_DAYS - 20)
                    extra = {"accepted_at": created + timedelta(days=2)}
                elif draw < 0.9:  # revoked
                    created = when(60, HISTORY_DAYS - 20)
                    extra = {"revoked_at": created + timedelta(days=1)}
                else:  # expired
                    created = when(60, HISTORY_DAYS - 20)
                    extra = {}
                invitations.append(
                    Invitation(
                        table_id=table_id,
                        email=f"{PREFIX}invite-{counter:06d}@example.org",
                        role=Role.OBSERVER if draw < 0.1 else Role.MEMBER,
                        message="Bienvenue à la table.",
                        token_hash=hashlib.sha256(
                            f"{PREFIX}invitation-{counter}".encode()
                        ).hexdigest(),
                        invited_by_id=lead[table_id],
                        expires_at=created + timedelta(days=14),
                        created_at=created,
                        updated_at=created,
                        **extra,
                    )
                )
        batch(Invitation, invitations)
        progress(f"{len(invitations)} invitations")

        composition = _generate_composition(
            rng=rng, scale=scale, tables=tables, seats=seats, when=when, batch=batch
        )
        composition.update(
            _generate_meetings(rng=rng, scale=scale, tables=tables, seats=seats, batch=batch)
        )
        progress(
            f"{composition['meetings']} meetings, {composition['attendances']} attendance rows, "
            f"{composition['decisions']} decisions, {composition['actions']} actions"
        )
        progress(
            f"{composition['organizations']} organizations, {composition['seats']} seats, "
            f"{composition['holdings']} seat holdings, {composition['committees']} committees"
        )
        for module in _domain_generators():
            counts = module.generate(
                rng=rng, scale=scale, tables=tables, seats=seats, batch=batch, progress=progress
            )
            composition.update(counts)
            progress(", ".join(f"{count} {name}" for name, count in counts.items()))

        # History: half spread evenly, half in proportion to the table's size.
        actors = {
            tid: [uid for uid, role in seats[tid].items() if role != Role.OBSERVER] or [lead[tid]]
            for tid in table_ids
        }
        table_names = {t.pk: t.name for t in tables}
        total_weight = sum(len(seats[tid]) for tid in table_ids)
        plan: list[tuple[object, int]] = []
        for tid in table_ids:
            count = n_audit // (2 * n_tables) + round(n_audit / 2 * len(seats[tid]) / total_weight)
            plan.extend((when(60, HISTORY_DAYS), tid) for _k in range(count))
        plan.sort(key=lambda item: item[0])  # ids follow time, as in real life

        events = [
            (AuditEvent.INVITATION_SENT, 30),
            (AuditEvent.INVITATION_ACCEPTED, 25),
            (AuditEvent.MEMBERSHIP_ROLE_CHANGED, 20),
            (AuditEvent.TABLE_UPDATED, 10),
            (AuditEvent.INVITATION_REVOKED, 8),
            (AuditEvent.MEMBERSHIP_ENDED, 7),
        ]
        event_names = [e for e, _w in events]
        event_weights = [w for _e, w in events]
        roles = [Role.COORDINATOR, Role.MEMBER, Role.OBSERVER]
        written = 0
        for offset in range(0, len(plan), BATCH_SIZE):
            entries = []
            for created, tid in plan[offset : offset + BATCH_SIZE]:
                actor_id = rng.choice(actors[tid])
                event = rng.choices(event_names, weights=event_weights)[0]
                person = rng.choice(users)
                if event in (
                    AuditEvent.INVITATION_SENT,
                    AuditEvent.INVITATION_ACCEPTED,
                    AuditEvent.INVITATION_REVOKED,
                ):
                    target_type = "tables.invitation"
                    target_repr = f"{person.email} → {table_names[tid]}"
                    role = rng.choice(roles[1:])
                    changes = {"new": {"email": person.email, "role": str(role)}}
                    if event == AuditEvent.INVITATION_REVOKED:
                        changes = {"old": changes["new"]}
                elif event == AuditEvent.TABLE_UPDATED:
                    target_type = "tables.table"
                    target_repr = table_names[tid]
                    changes = {
                        "old": {"description": "Ancienne description."},
                        "new": {"description": "Priorités révisées en plénière."},
                    }
                else:
                    target_type = "tables.membership"
                    old, new = rng.sample(roles, 2)
                    target_repr = f"{names[person.pk]} — {ROLE_LABELS[old]}"
                    changes = (
                        {"old": {"role": str(old)}, "new": {"role": str(new)}}
                        if event == AuditEvent.MEMBERSHIP_ROLE_CHANGED
                        else {"old": {"role": str(old)}}
                    )
                entries.append(
                    AuditEntry(
                        table_id=tid,
                        actor_id=actor_id,
                        event=event,
                        target_type=target_type,
                        target_id=str(rng.randint(1, 50_000)),
                        target_repr=target_repr[:255],
                        changes=changes,
                        created_at=created,
                    )
                )
            AuditEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
            written += len(entries)
            if written % 20_000 < BATCH_SIZE or written == len(plan):
                progress(f"{written}/{len(plan)} audit entries")

    # Fresh planner statistics: without them SQLite picks poor plans on the
    # new data (the who's who went from 2 s to 40 ms on scale-1 data).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return GenerateResult(
        scale=scale,
        tables=len(tables),
        people=len(people),
        memberships=len(memberships),
        invitations=len(invitations),
        audit_entries=written,
        seconds=time.monotonic() - started,
        organizations=composition["organizations"],
        seats=composition["seats"],
        meetings=composition["meetings"],
        decisions=composition["decisions"],
        extra=composition,
    )


def _generate_meetings(*, rng, scale, tables, seats, batch) -> dict[str, int]:
    """Meetings (past and upcoming) with agenda items and attendance by seat,
    decisions and follow-up actions, in proportion to each table's size.

    The largest table also gets one big meeting (40 items, 60 attendees) that
    the benchmark opens.
    """
    now = timezone.now()
    today = timezone.localdate()
    weights = [len(people) for people in seats.values()]
    total = sum(weights) or 1
    n_meetings = max(len(tables) * 3, round(MEETINGS_PER_SCALE * scale))
    per_table = {
        t.pk: max(3, round(n_meetings * w / total)) for t, w in zip(tables, weights, strict=False)
    }
    meetings = []
    for table in tables:
        count = per_table[table.pk]
        for k in range(count):
            starts = now - timedelta(days=7 * (count - k) - 30)
            held = starts < now
            meetings.append(
                Meeting(
                    table_id=table.pk,
                    title=f"Rencontre {k + 1:04d}",
                    status="held" if held else "convened",
                    starts_at=starts,
                    duration_minutes=120,
                    location="Centre communautaire",
                    started_at=starts if held else None,
                    ended_at=starts + timedelta(hours=2) if held else None,
                    convened_at=starts - timedelta(days=10),
                    created_at=starts - timedelta(days=20),
                    updated_at=starts,
                )
            )
    largest = tables[0]
    meetings.append(
        Meeting(
            table_id=largest.pk,
            title=BIG_MEETING_TITLE,
            status="convened",
            starts_at=now + timedelta(days=10),
            duration_minutes=600,
            location="Grande salle",
            convened_at=now,
            created_at=now,
            updated_at=now,
        )
    )
    batch(Meeting, meetings)
    meeting_rows = list(
        Meeting.objects.filter(table__in=tables).values_list("pk", "table_id", "status", "title")
    )
    seat_rows: dict[int, list[tuple[int, int | None]]] = {t.pk: [] for t in tables}
    for seat_id, table_id, person_id in SeatHolding.objects.filter(
        table__in=tables, ended_on__isnull=True, position="representative"
    ).values_list("seat_id", "table_id", "person_id"):
        seat_rows[table_id].append((seat_id, person_id))
    kinds = ["information", "discussion", "consultation", "decision"]
    items, attendances = [], []
    for meeting_id, table_id, status, title in meeting_rows:
        big = title == BIG_MEETING_TITLE
        for position in range(BIG_MEETING_ITEMS if big else ITEMS_PER_MEETING):
            items.append(
                AgendaItem(
                    table_id=table_id,
                    meeting_id=meeting_id,
                    position=position,
                    title=f"Point {position + 1}",
                    kind=kinds[position % len(kinds)],
                    duration_minutes=15,
                    notes="Notes de la rencontre." if status == "held" else "",
                )
            )
        table_seats = seat_rows[table_id]
        attendees = table_seats[:BIG_MEETING_ATTENDEES] if big else table_seats[:25]
        for seat_id, person_id in attendees:
            present = rng.random() < 0.8 if status == "held" else None
            attendances.append(
                Attendance(
                    table_id=table_id,
                    meeting_id=meeting_id,
                    seat_id=seat_id,
                    person_id=person_id,
                    reply="present" if present or status != "held" else "absent",
                    present=present,
                    attended_by_id=person_id if present else None,
                )
            )
    for offset in range(0, len(items), BATCH_SIZE * 5):
        batch(AgendaItem, items[offset : offset + BATCH_SIZE * 5])
    for offset in range(0, len(attendances), BATCH_SIZE * 5):
        batch(Attendance, attendances[offset : offset + BATCH_SIZE * 5])

    held_by_table: dict[int, list[int]] = {t.pk: [] for t in tables}
    for meeting_id, table_id, status, _title in meeting_rows:
        if status == "held":
            held_by_table[table_id].append(meeting_id)
    coordinator_of = {
        tid: next(uid for uid, role in people.items() if role == Role.COORDINATOR)
        for tid, people in seats.items()
    }
    n_decisions = max(len(tables) * 3, round(DECISIONS_PER_SCALE * scale))
    modalities = ["consensus", "consent", "majority", "agreement_scale"]
    subjects = [
        "le plan d’action",
        "le budget",
        "une entente de partenariat",
        "le calendrier",
        "la démarche d’évaluation",
        "un projet collectif",
        "les priorités de l’année",
    ]
    decisions = []
    numbers = {t.pk: 0 for t in tables}
    for table, weight in zip(tables, weights, strict=False):
        count = max(3, round(n_decisions * weight / total))
        held = held_by_table[table.pk] or [None]
        for _k in range(count):
            numbers[table.pk] += 1
            wording = f"La table adopte {rng.choice(subjects)} ({numbers[table.pk]})."
            modality = rng.choice(modalities)
            decisions.append(
                Decision(
                    table_id=table.pk,
                    number=numbers[table.pk],
                    wording=wording,
                    search_text=search_key(wording),
                    decided_on=today - timedelta(days=rng.randint(1, HISTORY_DAYS)),
                    meeting_id=rng.choice(held),
                    modality=modality,
                    threshold_percent=50 if modality == "majority" else None,
                    outcome="adopted",
                    votes_for=12 if modality == "majority" else None,
                    votes_against=3 if modality == "majority" else None,
                    abstentions=1 if modality == "majority" else None,
                    recorded_by_id=coordinator_of[table.pk],
                )
            )
    for offset in range(0, len(decisions), BATCH_SIZE * 5):
        batch(Decision, decisions[offset : offset + BATCH_SIZE * 5])

    n_actions = max(len(tables) * 3, round(ACTIONS_PER_SCALE * scale))
    actions = []
    statuses = ["open", "in_progress", "done", "done", "cancelled"]
    for table, weight in zip(tables, weights, strict=False):
        people = [uid for uid, role in seats[table.pk].items() if role != Role.OBSERVER]
        held = held_by_table[table.pk] or [None]
        for k in range(max(3, round(n_actions * weight / total))):
            status = rng.choice(statuses)
            actions.append(
                ActionItem(
                    table_id=table.pk,
                    title=f"Action de suivi {k + 1}",
                    accountable_person_id=rng.choice(people),
                    due_date=today + timedelta(days=rng.randint(-120, 120)),
                    status=status,
                    done_at=now if status == "done" else None,
                    meeting_id=rng.choice(held),
                    created_by_id=coordinator_of[table.pk],
                )
            )
    # The benchmark person (coordinator of the largest table) has many actions.
    for k in range(60):
        actions.append(
            ActionItem(
                table_id=largest.pk,
                title=f"Action de la coordination {k + 1}",
                accountable_person_id=coordinator_of[largest.pk],
                due_date=today + timedelta(days=k - 20),
                status="open",
                created_by_id=coordinator_of[largest.pk],
            )
        )
    for offset in range(0, len(actions), BATCH_SIZE * 5):
        batch(ActionItem, actions[offset : offset + BATCH_SIZE * 5])
    return {
        "meetings": len(meetings),
        "agenda_items": len(items),
        "attendances": len(attendances),
        "decisions": len(decisions),
        "actions": len(actions),
    }


def _generate_composition(*, rng, scale, tables, seats, when, batch) -> dict[str, int]:
    """Organizations, seats and who held them, committees, a charter per table.

    Every coordinator and member of a table holds a seat for an organization,
    so the largest table has several hundred seats, as the directory and
    coverage benchmarks need. A few seats are vacant or past their mandate.
    """
    sectors = list(Sector.objects.filter(is_active=True).order_by("position"))
    kinds = list(OrganizationKind.values)
    # Each acting person of a table holds one organization's seat there.
    largest = max(
        sum(role != Role.OBSERVER for role in people.values()) for people in seats.values()
    )
    n_orgs = max(largest, round(ORGANIZATIONS_PER_SCALE * scale))
    organizations = []
    for i in range(1, n_orgs + 1):
        name = f"{ORG_NAME_PREFIX} {i:05d} {rng.choice(PLACES)}"
        acronym = f"GO{i:05d}"
        organizations.append(
            Organization(
                name=name,
                acronym=acronym,
                name_key=normalize_name(name),
                acronym_key=normalize_name(acronym),
                sector=sectors[i % len(sectors)] if sectors else None,
                kind=rng.choice(kinds),
                territory=rng.choice(PLACES),
            )
        )
    batch(Organization, organizations)
    org_ids = list(
        Organization.objects.filter(name_key__startswith=normalize_name(ORG_NAME_PREFIX))
        .order_by("pk")
        .values_list("pk", flat=True)
    )

    today = timezone.localdate()
    actor_types = [ActorType.STRATEGIC, ActorType.TACTICAL, ActorType.LIVED_EXPERIENCE]
    seat_rows, holders = [], []
    for table in tables:
        people = [uid for uid, role in seats[table.pk].items() if role != Role.OBSERVER]
        chosen_orgs = rng.sample(org_ids, min(len(people), len(org_ids)))
        for person_id, org_id in zip(people, chosen_orgs, strict=False):
            start = when(30, HISTORY_DAYS)
            mandate_start = start.date()
            seat_rows.append(
                Seat(
                    table_id=table.pk,
                    organization_id=org_id,
                    actor_type=rng.choices(actor_types, weights=[3, 6, 1])[0],
                    expected_roles=["share", "relay"],
                    powers=rng.sample(list(Power.values), 2),
                    contributions=rng.sample(list(Contribution.values), 2),
                    mandate_start=mandate_start,
                    mandate_end=mandate_start + timedelta(days=rng.choice([365, 730, 1095])),
                    created_at=start,
                    updated_at=start,
                )
            )
            holders.append((table.pk, org_id, person_id, mandate_start))
    batch(Seat, seat_rows)
    seat_ids = {
        (table_id, org_id): seat_id
        for seat_id, table_id, org_id in Seat.objects.filter(
            table__in=tables, organization__isnull=False
        ).values_list("pk", "table_id", "organization_id")
    }
    holdings = []
    for table_id, org_id, person_id, started_on in holders:
        if rng.random() < 0.05:
            continue  # a vacant seat
        holdings.append(
            SeatHolding(
                table_id=table_id,
                seat_id=seat_ids[(table_id, org_id)],
                person_id=person_id,
                position="representative",
                started_on=started_on,
            )
        )
    batch(SeatHolding, holdings)

    committees = []
    for table in tables:
        for k in range(1, COMMITTEES_PER_TABLE + 1):
            committees.append(
                Committee(table_id=table.pk, name=f"Comité {k}", mandate="Mandat généré.")
            )
    batch(Committee, committees)
    committee_members = []
    for committee in Committee.objects.filter(table__in=tables).only("pk", "table_id"):
        people = [uid for uid, role in seats[committee.table_id].items() if role != Role.OBSERVER]
        for person_id in rng.sample(people, min(6, len(people))):
            committee_members.append(
                CommitteeMember(
                    table_id=committee.table_id,
                    committee_id=committee.pk,
                    person_id=person_id,
                    joined_on=today - timedelta(days=rng.randint(30, 600)),
                )
            )
    batch(CommitteeMember, committee_members)

    relations = []
    for table in tables:
        table_orgs = sorted(org for (tid, org) in seat_ids if tid == table.pk)
        pairs = set()
        for _k in range(min(RELATIONS_PER_TABLE, len(table_orgs) * (len(table_orgs) - 1) // 2)):
            first, second = sorted(rng.sample(table_orgs, 2))
            if (first, second) in pairs:
                continue
            pairs.add((first, second))
            relations.append(
                OrganizationRelation(
                    table_id=table.pk,
                    first_id=first,
                    second_id=second,
                    level=rng.choice(list(RelationLevel.values)),
                    agreement_title="Entente générée",
                    started_on=today - timedelta(days=rng.randint(30, 700)),
                )
            )
    batch(OrganizationRelation, relations)

    sector_codes = [sector.code for sector in sectors]
    charters = [
        CharterVersion(
            table_id=table.pk,
            number=1,
            status="adopted",
            table_roles=["networking", "collective_projects"],
            needed_sectors=rng.sample(sector_codes, min(8, len(sector_codes))),
            needed_actor_types=list(ActorType.values),
            adopted_at=when(200, HISTORY_DAYS),
        )
        for table in tables
    ]
    batch(CharterVersion, charters)
    return {
        "organizations": len(organizations),
        "seats": len(seat_rows),
        "holdings": len(holdings),
        "committees": len(committees),
    }
