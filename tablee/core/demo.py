"""The French (Québec) demo: a fictional territory, its tables and their people.

`load_demo()` is idempotent. People are found or created by e-mail; the
tables and their history are written only when the main table
(« Table de quartier Démo », slug `quartier-demo`) does not exist yet, and
always through the services, so the audit log tells a believable story.

Everything here is invented: Saint-Exemple is a fictional town and none of
the organisations or people exist. Later features extend the demo by adding
steps to `_build_activity` (or a function called from `load_demo`).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import import_module

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from tablee.accounts.models import User
from tablee.core.models import AuditEntry
from tablee.tables import services
from tablee.tables.models import Invitation, Membership, Role, Table

DEMO_PASSWORD = "demo-tablee-2026"
MAIN_TABLE_SLUG = "quartier-demo"
TERRITORY = "Saint-Exemple"

ADMIN_EMAIL = "admin@example.org"
COORDINATOR_EMAIL = "coordination@example.org"
MEMBER_EMAIL = "membre@example.org"
OBSERVER_EMAIL = "observateur@example.org"


@dataclass(frozen=True)
class Login:
    email: str
    password: str
    full_name: str
    role: str  # what this login shows, in plain words


@dataclass
class DemoLogins:
    """The logins a visitor can use, and what was done by this call."""

    admin: Login
    coordinator: Login
    member: Login
    observer: Login
    main_table_slug: str = MAIN_TABLE_SLUG
    created: bool = False  # False when the demo was already loaded
    extra: list[Login] = field(default_factory=list)

    def all(self) -> list[Login]:
        return [self.coordinator, self.admin, self.member, self.observer, *self.extra]


# (e-mail, full name): every person of the demo. The first four are the logins.
PEOPLE: dict[str, str] = {
    ADMIN_EMAIL: "Gabrielle Administratrice",
    COORDINATOR_EMAIL: "Josée Lavoie",
    MEMBER_EMAIL: "Sophie Gagnon",
    OBSERVER_EMAIL: "Denis Bouchard",
    # Main table: members
    "mathieu.cote@example.org": "Mathieu Côté",
    "isabelle.roy@example.org": "Isabelle Roy",
    "francois.pelletier@example.org": "François Pelletier",
    "nathalie.bergeron@example.org": "Nathalie Bergeron",
    "alexandre.morin@example.org": "Alexandre Morin",
    "genevieve.fortin@example.org": "Geneviève Fortin",
    "sylvain.gauthier@example.org": "Sylvain Gauthier",
    "catherine.ouellet@example.org": "Catherine Ouellet",
    "olivier.levesque@example.org": "Olivier Lévesque",
    "annie.girard@example.org": "Annie Girard",
    "patrick.belanger@example.org": "Patrick Bélanger",
    "melanie.caron@example.org": "Mélanie Caron",
    "karine.poirier@example.org": "Karine Poirier",
    "eric.simard@example.org": "Éric Simard",
    "julie.boucher@example.org": "Julie Boucher",
    "marc-andre.dube@example.org": "Marc-André Dubé",
    # Main table: observers
    "louise.tremblay@example.org": "Louise Tremblay",
    "richard.paquette@example.org": "Richard Paquette",
    "chantal.demers@example.org": "Chantal Demers",
    # Other tables
    "maxime.leblanc@example.org": "Maxime Leblanc",
    "valerie.theriault@example.org": "Valérie Thériault",
    "samuel.nadeau@example.org": "Samuel Nadeau",
    "audrey.cloutier@example.org": "Audrey Cloutier",
    "stephane.lachance@example.org": "Stéphane Lachance",
    "emilie.bisson@example.org": "Émilie Bisson",
    "jonathan.picard@example.org": "Jonathan Picard",
    "marie-eve.hebert@example.org": "Marie-Ève Hébert",
}

# Who speaks for which (fictional) organisation or sector, to make the log readable.
MAIN_MEMBERS = [
    MEMBER_EMAIL,  # CLSC de Saint-Exemple (santé)
    "mathieu.cote@example.org",  # Centre de services scolaire des Rivières
    "isabelle.roy@example.org",  # Ville de Saint-Exemple, développement social
    "francois.pelletier@example.org",  # Office municipal d'habitation
    "nathalie.bergeron@example.org",  # Carrefour jeunesse-emploi du Vieux-Moulin
    "alexandre.morin@example.org",  # Cuisine collective La Marmite
    "genevieve.fortin@example.org",  # Maison de la famille Le Nid
    "sylvain.gauthier@example.org",  # Société de transport régionale
    "catherine.ouellet@example.org",  # Comité logement Saint-Exemple
    "olivier.levesque@example.org",  # Caisse populaire des Deux-Rives
    "annie.girard@example.org",  # Centre d'action bénévole L'Entraide
    "patrick.belanger@example.org",  # Association des gens d'affaires
    "melanie.caron@example.org",  # Bibliothèque municipale
    "karine.poirier@example.org",  # Citoyenne engagée
    "eric.simard@example.org",  # Service de police (prévention)
    "julie.boucher@example.org",  # Regroupement des aînés
]
MAIN_OBSERVERS = [
    OBSERVER_EMAIL,  # Centraide régional
    "louise.tremblay@example.org",  # Direction de santé publique
    "richard.paquette@example.org",  # Député (bureau de circonscription)
    "chantal.demers@example.org",  # Université (chaire de recherche)
]

OTHER_TABLES = [
    {
        "slug": "jeunesse-demo",
        "name": "Table jeunesse de Saint-Exemple",
        "description": (
            "Les organismes jeunesse, l'école et les services municipaux se "
            "coordonnent pour les 12 à 25 ans : décrochage, loisirs, premier emploi."
        ),
        "coordinator": "maxime.leblanc@example.org",
        "members": [
            COORDINATOR_EMAIL,
            "nathalie.bergeron@example.org",
            "mathieu.cote@example.org",
            "melanie.caron@example.org",
            "samuel.nadeau@example.org",
        ],
        "observers": ["eric.simard@example.org"],
    },
    {
        "slug": "securite-alimentaire-demo",
        "name": "Comité en sécurité alimentaire",
        "description": (
            "Cuisines collectives, banque alimentaire, épiceries et jardins "
            "communautaires : un plan commun pour un accès digne à une saine alimentation."
        ),
        "coordinator": "valerie.theriault@example.org",
        "members": [
            "alexandre.morin@example.org",
            "annie.girard@example.org",
            "audrey.cloutier@example.org",
            "genevieve.fortin@example.org",
        ],
        "observers": ["louise.tremblay@example.org"],
    },
    {
        "slug": "reseau-regional-demo",
        "name": "Réseau régional en développement social des Rivières",
        "description": (
            "Les tables locales de la région partagent leurs portraits, leurs "
            "priorités et leurs démarches auprès des bailleurs de fonds."
        ),
        "coordinator": "stephane.lachance@example.org",
        "members": [
            "valerie.theriault@example.org",
            "maxime.leblanc@example.org",
            "emilie.bisson@example.org",
        ],
        "observers": [OBSERVER_EMAIL],
    },
    {
        "slug": "logement-demo",
        "name": "Chantier logement Vieux-Moulin",
        "description": (
            "Un groupe de travail issu de la table de quartier : salubrité, "
            "logement abordable et accompagnement des locataires."
        ),
        "coordinator": "catherine.ouellet@example.org",
        "members": [
            "francois.pelletier@example.org",
            "jonathan.picard@example.org",
            "marie-eve.hebert@example.org",
        ],
        "observers": [],
    },
]

MAIN_DESCRIPTION_FIRST = (
    "Espace de concertation des organismes communautaires, institutions, "
    "élus et citoyens du quartier Vieux-Moulin, à Saint-Exemple."
)
MAIN_DESCRIPTION = (
    "Espace de concertation des organismes communautaires, institutions, élus "
    "et citoyens du quartier Vieux-Moulin, à Saint-Exemple. Priorités 2025-2028 : "
    "logement, sécurité alimentaire, mobilité et réussite éducative. Rencontres "
    "plénières le premier mardi du mois au centre communautaire."
)


def _ensure_people() -> dict[str, User]:
    """Find or create every demo person; new accounts get the demo password."""
    hashed = make_password(DEMO_PASSWORD)  # hash once, reuse for every new account
    people: dict[str, User] = {}
    for email, full_name in PEOPLE.items():
        user, _created = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": full_name,
                "password": hashed,
                "is_staff": email == ADMIN_EMAIL,
            },
        )
        people[email] = user
    return people


class _Clock:
    """Spread the history over the past months: each step is dated `days_ago`."""

    def __init__(self) -> None:
        self.now = timezone.now()

    @contextmanager
    def at(self, days_ago: float):
        last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        yield
        when = self.now - timedelta(days=days_ago)
        AuditEntry.objects.filter(pk__gt=last).update(created_at=when)


def _invite_and_accept(table, actor, person, role, clock, days_ago, message=""):
    with clock.at(days_ago):
        invitation, _raw = services.invitation_send(
            table=table, actor=actor, email=person.email, role=role, message=message
        )
    with clock.at(days_ago - 1.5):
        services.invitation_accept(invitation=invitation, user=person)


def _membership(table, person) -> Membership:
    return Membership.objects.for_table(table).current().get(user=person)


def _build_activity(people: dict[str, User]) -> None:
    clock = _Clock()
    admin = people[ADMIN_EMAIL]
    coordinator = people[COORDINATOR_EMAIL]

    # The platform administrator opens the main table and names its coordinator.
    with clock.at(180):
        main = services.table_create(
            actor=admin,
            name="Table de quartier Démo",
            slug=MAIN_TABLE_SLUG,
            territory=f"Quartier Vieux-Moulin, {TERRITORY}",
            description=MAIN_DESCRIPTION_FIRST,
            coordinator=coordinator,
        )

    # The coordinator gathers the partners, a few each week.
    welcome = (
        "Bonjour, la table se réunit le premier mardi du mois. "
        "Votre regard sur le quartier nous sera précieux."
    )
    days = 175.0
    for email in MAIN_MEMBERS:
        _invite_and_accept(main, coordinator, people[email], Role.MEMBER, clock, days, welcome)
        days -= 4
    for email in MAIN_OBSERVERS:
        _invite_and_accept(main, coordinator, people[email], Role.OBSERVER, clock, days)
        days -= 3

    # The charter is adopted: the description says what the table is for.
    with clock.at(95):
        main = services.table_update(
            table=main,
            actor=coordinator,
            name=main.name,
            territory=main.territory,
            description=MAIN_DESCRIPTION,
            language=main.language,
        )
    # Co-coordination: the CJE worker shares the role.
    with clock.at(90):
        services.membership_change_role(
            membership=_membership(main, people["nathalie.bergeron@example.org"]),
            actor=coordinator,
            role=Role.COORDINATOR,
        )
    # The elected official's office only follows the work from now on.
    with clock.at(60):
        services.membership_change_role(
            membership=_membership(main, people["patrick.belanger@example.org"]),
            actor=coordinator,
            role=Role.OBSERVER,
        )
    with clock.at(58):
        services.membership_change_role(
            membership=_membership(main, people["patrick.belanger@example.org"]),
            actor=coordinator,
            role=Role.MEMBER,
        )
    # Staff turnover: the transit company's delegate leaves, a replacement is invited.
    with clock.at(40):
        services.membership_end(
            membership=_membership(main, people["sylvain.gauthier@example.org"]),
            actor=coordinator,
        )
    with clock.at(39):
        wrong, _raw = services.invitation_send(
            table=main,
            actor=coordinator,
            email="remplacement.transport@example.org",
            role=Role.MEMBER,
            message="Bienvenue à la personne qui reprend le dossier mobilité.",
        )
    with clock.at(38):
        services.invitation_revoke(invitation=wrong, actor=coordinator)
    # Pending invitations: two partners have not answered yet.
    with clock.at(5):
        services.invitation_send(
            table=main,
            actor=coordinator,
            email="mobilite.transport@example.org",
            role=Role.MEMBER,
            message="Le dossier mobilité vous attend : bienvenue à la table.",
        )
    with clock.at(2):
        services.invitation_send(
            table=main,
            actor=people["nathalie.bergeron@example.org"],
            email="citoyen.vieux-moulin@example.org",
            role=Role.OBSERVER,
            message="Comme convenu à l'assemblée citoyenne, voici votre invitation.",
        )

    # The other tables of the territory.
    days = 150.0
    for spec in OTHER_TABLES:
        lead = people[spec["coordinator"]]
        with clock.at(days):
            table = services.table_create(
                actor=admin,
                name=spec["name"],
                slug=spec["slug"],
                territory=TERRITORY,
                description=spec["description"],
                coordinator=lead,
            )
        step = days - 2
        for email in spec["members"]:
            _invite_and_accept(table, lead, people[email], Role.MEMBER, clock, step)
            step -= 2
        for email in spec["observers"]:
            _invite_and_accept(table, lead, people[email], Role.OBSERVER, clock, step)
            step -= 2
        days -= 20
    # One pending invitation on the youth table.
    youth = Table.objects.get(slug="jeunesse-demo")
    with clock.at(3):
        services.invitation_send(
            table=youth,
            actor=people["maxime.leblanc@example.org"],
            email="maison.des.jeunes@example.org",
            role=Role.MEMBER,
        )


# Domain demo loaders, in dependency order: organizations before the seats
# that name them, seats before the charter's coverage needs.
DOMAIN_DEMOS = [
    "tablee.organizations.demo",
    "tablee.members.demo",
    "tablee.charters.demo",
    "tablee.meetings.demo",
    "tablee.decisions.demo",
    "tablee.polls.demo",
    "tablee.minutes.demo",
    "tablee.actions.demo",
    "tablee.processes.demo",
    "tablee.priorities.demo",
    "tablee.plans.demo",
    "tablee.portrait.demo",
    "tablee.funding.demo",
    "tablee.frameworks.demo",
    "tablee.results.demo",
    "tablee.evaluation.demo",
    "tablee.engagement.demo",
    "tablee.selfcheck.demo",
    "tablee.relationsurvey.demo",
    "tablee.reports.demo",
]


def load_demo() -> DemoLogins:
    """Load the demo data (idempotent) and return the logins to show."""
    with transaction.atomic():
        people = _ensure_people()
        created = not Table.objects.filter(slug=MAIN_TABLE_SLUG).exists()
        if created:
            _build_activity(people)
        # Each domain app adds its part of the demo; every loader is idempotent.
        for module_name in DOMAIN_DEMOS:
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
                continue  # this app has no demo part yet
            module.load(people=people)

    def login(email: str, role: str) -> Login:
        return Login(email=email, password=DEMO_PASSWORD, full_name=PEOPLE[email], role=role)

    return DemoLogins(
        admin=login(ADMIN_EMAIL, "administration de la plateforme"),
        coordinator=login(COORDINATOR_EMAIL, "coordination de « Table de quartier Démo »"),
        member=login(MEMBER_EMAIL, "membre de « Table de quartier Démo »"),
        observer=login(OBSERVER_EMAIL, "observation à « Table de quartier Démo »"),
        created=created,
    )


def demo_counts() -> dict[str, int]:
    """Row counts the demo touches (used by tests and by `tablee demo`)."""
    return {
        "users": User.objects.count(),
        "tables": Table.objects.count(),
        "memberships": Membership.objects.count(),
        "invitations": Invitation.objects.count(),
        "audit_entries": AuditEntry.objects.count(),
    }
