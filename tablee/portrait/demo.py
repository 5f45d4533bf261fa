"""Demo portrait and diagnostic of « Table de quartier Démo »; idempotent.

Food security in the fictional town of Saint-Exemple: five indicators over
several years (one year missing, one partial), seven needs (covered, partly,
not covered) and four strengths, tied to the process `securite-alimentaire`
when the processes demo made it. Every figure is invented. Written through
the services, so the activity log tells the story.

The needs are linked to the plan actions that answer them (found by title
in the plans demo) whenever those actions exist and a need has none yet;
the plans demo runs after this one, so that link is made on the next load.
"""

from __future__ import annotations

from decimal import Decimal

from tablee.organizations.models import Sector
from tablee.portrait import selectors, services
from tablee.portrait.models import Coverage, Need, TerritoryIndicator
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
PROCESS_SLUG = "securite-alimentaire"
COORDINATOR_EMAIL = "coordination@example.org"
GEOGRAPHY = "Saint-Exemple"

INSECURITY = "Ménages en situation d'insécurité alimentaire"
LOW_INCOME = "Ménages à faible revenu"
DISTANCE = "Distance à pied jusqu'à l'épicerie la plus proche (secteur nord)"
REQUESTS = "Demandes d'aide alimentaire d'urgence"
BREAKFAST = "Élèves arrivant à l'école sans avoir déjeuné"

# (name, unit, source, description, {year: (value or None, note)})
INDICATORS = [
    (
        INSECURITY,
        "%",
        "Enquête régionale de santé (données fictives)",
        "Part des ménages ayant manqué de nourriture ou craint d'en manquer dans l'année.",
        {
            2019: ("11.8", ""),
            2020: ("14.6", ""),
            2021: ("15.2", ""),
            2022: (None, "Enquête non réalisée cette année-là"),
            2023: ("17.9", ""),
            2024: ("18.4", ""),
        },
    ),
    (
        LOW_INCOME,
        "%",
        "Estimations annuelles du revenu (données fictives)",
        "Part des ménages sous la mesure du faible revenu après impôt.",
        {
            2019: ("22.4", ""),
            2020: ("23.0", ""),
            2021: ("23.1", ""),
            2022: ("23.8", ""),
            2023: ("24.5", ""),
        },
    ),
    (
        DISTANCE,
        "km",
        "Analyse cartographique de la Ville (données fictives)",
        "Distance moyenne entre un logement du secteur nord et l'épicerie la plus proche.",
        {
            2019: ("0.9", ""),
            2020: ("0.9", ""),
            2021: ("1.6", "Fermeture du marché Dubé en mars 2021"),
            2022: ("1.7", ""),
            2023: ("1.7", ""),
            2024: ("1.6", ""),
        },
    ),
    (
        REQUESTS,
        "demandes par mois",
        "Compilation des comptoirs alimentaires du quartier (données fictives)",
        "Moyenne mensuelle des demandes de dépannage alimentaire d'urgence.",
        {
            2019: ("310", ""),
            2020: ("520", ""),
            2021: ("480", ""),
            2022: ("560", ""),
            2023: ("640", ""),
            2024: ("705", "Données partielles : janvier à septembre"),
        },
    ),
    (
        BREAKFAST,
        "%",
        "Sondage auprès des écoles primaires (données fictives)",
        "Part des élèves du primaire qui disent être arrivés à l'école le ventre vide "
        "au moins une fois dans la semaine.",
        {
            2021: ("9.5", ""),
            2022: ("10.1", ""),
            2023: ("12.0", ""),
            2024: ("12.8", ""),
        },
    ),
]

# (statement, coverage, coverage note, sector codes, citizens, indicator names,
#  plan action titles that answer it)
NEEDS = [
    (
        "Des familles sautent des repas à la fin du mois",
        Coverage.PARTLY,
        "Les comptoirs alimentaires dépannent une fois par mois par ménage; "
        "la dernière semaine du mois reste à découvert.",
        ["communautaire", "sante-services-sociaux"],
        "Forum citoyen du printemps (35 personnes) et entretiens avec des mères "
        "de la Maison de la famille.",
        [INSECURITY, REQUESTS],
        [
            "Harmoniser les horaires des comptoirs alimentaires",
            "Frigos communautaires accessibles en tout temps",
        ],
    ),
    (
        "Plus d'épicerie à distance de marche dans le secteur nord",
        Coverage.NOT_COVERED,
        "Depuis la fermeture du marché Dubé, aucun commerce n'offre de fruits et légumes frais "
        "à moins de 1,5 km.",
        ["municipal", "citoyens"],
        "Marche exploratoire avec l'Association des résidents.",
        [DISTANCE],
        [
            "Marché solidaire mobile dans les secteurs sans épicerie",
            "Épicerie solidaire au centre communautaire",
        ],
    ),
    (
        "Les aînés isolés peinent à rapporter leur épicerie à la maison",
        Coverage.PARTLY,
        "La livraison bénévole ne fonctionne que deux jours par semaine.",
        ["communautaire", "transport"],
        "",
        [DISTANCE],
        ["Navette vers les supermarchés pour les aînés"],
    ),
    (
        "Des enfants arrivent à l'école sans avoir déjeuné",
        Coverage.PARTLY,
        "Le club des petits déjeuners est offert dans deux écoles sur trois.",
        ["education", "communautaire"],
        "",
        [BREAKFAST],
        ["Ateliers de cuisine parents-enfants"],
    ),
    (
        "Manque de lieux pour cuisiner en groupe et apprendre à cuisiner à petit prix",
        Coverage.NOT_COVERED,
        "",
        ["communautaire", "habitation"],
        "Groupe de discussion avec des locataires des HLM.",
        [LOW_INCOME],
        ["Cuisines collectives dans les habitations à loyer modique"],
    ),
    (
        "Les personnes nouvellement arrivées connaissent mal les ressources alimentaires",
        Coverage.NOT_COVERED,
        "Aucun outil d'information commun; chaque organisme fait sa propre liste.",
        ["communautaire", "education"],
        "Témoignages recueillis à la bibliothèque lors des cafés-rencontres.",
        [],
        ["Répertoire des ressources alimentaires du quartier"],
    ),
    (
        "Un dépannage alimentaire d'urgence la fin de semaine",
        Coverage.COVERED,
        "La halte-repas du samedi répond à la demande actuelle.",
        ["communautaire"],
        "",
        [REQUESTS],
        [],
    ),
]

# (statement, details, sector codes, indicator names)
STRENGTHS = [
    (
        "Un réseau de six jardins collectifs bien implanté",
        "Cent quarante parcelles, une liste d'attente et des jardiniers prêts à transmettre "
        "leur savoir.",
        ["communautaire", "citoyens"],
        [],
    ),
    (
        "Une cuisine communautaire équipée, libre en soirée",
        "Au centre communautaire; la Ville la prête sans frais aux organismes.",
        ["municipal", "communautaire"],
        [],
    ),
    (
        "Des bénévoles fidèles à la livraison d'épicerie aux aînés",
        "Une vingtaine de personnes, certaines depuis plus de dix ans.",
        ["communautaire"],
        [],
    ),
    (
        "Des commerçants ouverts à donner leurs invendus",
        "Trois épiceries et une boulangerie l'ont déjà proposé à la banque alimentaire.",
        ["economie-entreprises"],
        [REQUESTS],
    ),
]


def _sectors(codes: list[str]) -> list[Sector]:
    by_code = {sector.code: sector for sector in selectors.portrait_sectors()}
    return [by_code[code] for code in codes if code in by_code]


def _named(organizations: list, *, start: int, count: int) -> list:
    """Name `count` organizations of the table, taken in turn from `start`."""
    if not organizations:
        return []
    picked = (organizations[(start + k) % len(organizations)] for k in range(count))
    return list(dict.fromkeys(picked))


def _link_actions(*, table, actor) -> None:
    """Tie each demo need to the plan actions that answer it, once they exist."""
    actions = {action.title: action for action in selectors.plan_action_choices(table=table)}
    if not actions:
        return
    by_statement = {need.statement: need for need in Need.objects.for_table(table)}
    for statement, *_rest, titles in NEEDS:
        need = by_statement.get(statement)
        chosen = [actions[title] for title in titles if title in actions]
        if need is None or not chosen or need.actions.exists():
            continue
        services.need_set_actions(
            need=need, actor=actor, actions=chosen, base_revision=need.revision
        )


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if TerritoryIndicator.objects.for_table(table).exists():
        _link_actions(table=table, actor=coordinator)
        return
    process = selectors.process_get(table=table, slug=PROCESS_SLUG)
    indicators = {}
    for name, unit, source, description, values in INDICATORS:
        indicator = services.indicator_create(
            table=table,
            actor=coordinator,
            name=name,
            unit=unit,
            source=source,
            geography=GEOGRAPHY,
            description=description,
            process=process,
        )
        for year, (value, note) in values.items():
            services.indicator_value_record(
                indicator=indicator,
                actor=coordinator,
                year=year,
                value=None if value is None else Decimal(value),
                note=note,
            )
        indicators[name] = indicator
    organizations = list(selectors.portrait_organizations(table=table))
    for index, (statement, coverage, note, sectors, citizens, cited, _titles) in enumerate(NEEDS):
        services.need_create(
            table=table,
            actor=coordinator,
            statement=statement,
            coverage=coverage,
            coverage_note=note,
            citizens=citizens,
            process=process,
            organizations=_named(organizations, start=index, count=2),
            sectors=_sectors(sectors),
            indicators=[indicators[name] for name in cited],
        )
    for index, (statement, details, sectors, cited) in enumerate(STRENGTHS):
        services.strength_create(
            table=table,
            actor=coordinator,
            statement=statement,
            details=details,
            process=process,
            organizations=_named(organizations, start=index * 3, count=1),
            sectors=_sectors(sectors),
            indicators=[indicators[name] for name in cited],
        )
    _link_actions(table=table, actor=coordinator)
