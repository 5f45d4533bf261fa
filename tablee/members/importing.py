"""Read a spreadsheet of organizations, seats and people, and plan its import.

`read_file` turns a CSV or XLSX file into plain rows (dicts of strings with
their row number in the file). `build_plan` checks every row against the
registry and the table and says what the import would do; nothing is
written here. `services.seats_import` writes a plan that has no error.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from tablee.core.errors import InvalidInput
from tablee.members.models import ActorType, Position, Seat
from tablee.organizations.models import Organization, Sector, normalize_name

MAX_ROWS = 5000
COLUMNS = ("organization", "sector", "first_name", "last_name", "email", "role", "actor_type")
FRENCH_HEADERS = ("organisation", "secteur", "prénom", "nom", "courriel", "rôle", "type d'acteur")
ENGLISH_HEADERS = (
    "organization",
    "sector",
    "first name",
    "last name",
    "email",
    "role",
    "actor type",
)
# Header spellings accepted for each column, compared without case or accents.
_HEADER_ALIASES = {
    "organization": ("organisation", "organization", "organisme"),
    "sector": ("secteur", "sector"),
    "first_name": ("prenom", "first name", "firstname", "given name"),
    "last_name": ("nom", "last name", "lastname", "surname", "nom de famille", "family name"),
    "email": ("courriel", "email", "e mail", "adresse courriel", "mail"),
    "role": ("role", "position", "poste"),
    "actor_type": ("type d acteur", "actor type", "type of actor", "type"),
}
_ROLE_WORDS = {
    Position.REPRESENTATIVE: (
        "representant",
        "representante",
        "representant e",
        "representative",
        "rep",
    ),
    Position.ALTERNATE: (
        "substitut",
        "substitute",
        "alternate",
        "suppleant",
        "suppleante",
        "suppleant e",
        "alt",
    ),
}
_ACTOR_WORDS = {
    ActorType.STRATEGIC: ("strategique", "strategic"),
    ActorType.TACTICAL: ("tactique", "tactical"),
    ActorType.LIVED_EXPERIENCE: (
        "experience vecue",
        "lived experience",
        "lived experience expert",
        "expert e de vecu",
        "experience",
    ),
}
# Export writes these words, so an export reads back with the same meaning.
ROLE_EXPORT = {Position.REPRESENTATIVE: "représentant(e)", Position.ALTERNATE: "substitut"}
ACTOR_EXPORT = {
    ActorType.STRATEGIC: "stratégique",
    ActorType.TACTICAL: "tactique",
    ActorType.LIVED_EXPERIENCE: "expérience vécue",
}


def _lookup(words: dict) -> dict[str, str]:
    table = {}
    for value, spellings in words.items():
        table[normalize_name(value)] = value
        for spelling in spellings:
            table[normalize_name(spelling)] = value
    return table


ROLE_LOOKUP = _lookup(_ROLE_WORDS)
ACTOR_LOOKUP = _lookup(_ACTOR_WORDS)
HEADER_LOOKUP = {
    normalize_name(alias): column
    for column, aliases in _HEADER_ALIASES.items()
    for alias in aliases
}


# -- reading ---------------------------------------------------------------


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput(_("The file's characters could not be read. Save it as UTF-8 CSV."))


def _csv_rows(data: bytes) -> list[list[str]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=",;").delimiter
    except csv.Error:
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InvalidInput(_("This file is not a readable Excel workbook (.xlsx).")) from exc
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append(["" if value is None else str(value) for value in values])
        if len(rows) > MAX_ROWS + 1:
            break
    workbook.close()
    return rows


def read_rows(*, data: bytes, filename: str) -> list[dict]:
    """Return the data rows of a CSV/XLSX file as dicts keyed by COLUMNS.

    Each dict carries `row`, its line number in the file (the header is
    row 1). Fully empty rows are skipped but keep their numbering.
    """
    if len(data) > settings.TABLEE_MAX_UPLOAD_BYTES:
        raise InvalidInput(
            _("The file is too large (at most %(size)s MB).")
            % {"size": settings.TABLEE_MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    is_xlsx = filename.lower().endswith(".xlsx") or data[:2] == b"PK"
    raw = _xlsx_rows(data) if is_xlsx else _csv_rows(data)
    if not raw:
        raise InvalidInput(_("The file is empty."))
    header = [normalize_name(cell) for cell in raw[0]]
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = HEADER_LOOKUP.get(cell)
        if column and column not in positions:
            positions[column] = index
    missing = [
        FRENCH_HEADERS[COLUMNS.index(column)] for column in COLUMNS if column not in positions
    ]
    if missing:
        raise InvalidInput(
            _("These columns are missing from the first row: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    rows = []
    for number, cells in enumerate(raw[1:], start=2):
        if not any((cell or "").strip() for cell in cells):
            continue
        row = {"row": number}
        for column, index in positions.items():
            row[column] = (cells[index] if index < len(cells) else "").strip()
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise InvalidInput(
                _("The file has more than %(max)s rows. Split it into smaller files.")
                % {"max": MAX_ROWS}
            )
    if not rows:
        raise InvalidInput(_("The file has a header but no rows."))
    return rows


# -- planning --------------------------------------------------------------


@dataclass
class PlannedRow:
    row: int
    values: dict
    errors: list[str] = field(default_factory=list)
    organization: str = ""  # "found", "new" or "" (seat without organization)
    seat: str = ""  # "new", "existing" or "updated"
    holder: str = ""  # "assign", "replace", "same" or "" (vacant seat)
    replaces: str = ""
    # Resolved values used by the service.
    organization_obj: Organization | None = None
    organization_key: str = ""
    seat_obj: Seat | None = None
    seat_key: tuple = ()
    sector_obj: Sector | None = None
    actor_type: str = ""
    position: str = ""
    email: str = ""
    full_name: str = ""


@dataclass
class Plan:
    rows: list[PlannedRow]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def error_rows(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.errors]

    @property
    def counts(self) -> dict[str, int]:
        new_orgs = {r.organization_key for r in self.rows if r.organization == "new"}
        new_seats = {r.seat_key for r in self.rows if r.seat == "new"}
        updated_seats = {r.seat_key for r in self.rows if r.seat == "updated"}
        return {
            "rows": len(self.rows),
            "organizations_created": len(new_orgs),
            "seats_created": len(new_seats),
            "seats_updated": len(updated_seats - new_seats),
            "holders_named": sum(1 for r in self.rows if r.holder in ("assign", "replace")),
        }


def _sector_lookup() -> dict[str, Sector]:
    lookup = {}
    for sector in Sector.objects.all():
        for spelling in (sector.code, sector.name_fr, sector.name_en):
            lookup[normalize_name(spelling)] = sector
    return lookup


def build_plan(*, table, rows: list[dict]) -> Plan:
    """Check each row and say what importing it would do; write nothing.

    A constant number of queries: sectors, the registry's keys, the table's
    open seats with their holders, and the people named by e-mail.
    """
    from tablee.accounts.models import User
    from tablee.members import selectors

    sectors = _sector_lookup()
    organizations_by_name: dict[str, Organization] = {}
    organizations_by_acronym: dict[str, Organization] = {}
    for organization in Organization.objects.alive().select_related("sector"):
        organizations_by_name[organization.name_key] = organization
        if organization.acronym_key:
            organizations_by_acronym.setdefault(organization.acronym_key, organization)
    seats_by_org: dict[int, Seat] = {}
    seats_by_label: dict[str, Seat] = {}
    for seat in selectors.seat_list(table=table):
        if seat.organization_id:
            seats_by_org[seat.organization_id] = seat
        else:
            seats_by_label[normalize_name(seat.label)] = seat
    emails = {(row.get("email") or "").strip().lower() for row in rows} - {""}
    people = {person.email.lower(): person for person in User.objects.filter(email__in=emails)}

    planned: list[PlannedRow] = []
    taken: dict[tuple, int] = {}
    new_seat_types: dict[tuple, str] = {}
    for values in rows:
        line = PlannedRow(row=values["row"], values=values)
        planned.append(line)
        org_name = values.get("organization", "")
        email = values.get("email", "").strip().lower()
        first, last = values.get("first_name", ""), values.get("last_name", "")
        line.full_name = " ".join(part for part in (first, last) if part)
        if values.get("sector"):
            line.sector_obj = sectors.get(normalize_name(values["sector"]))
            if line.sector_obj is None:
                line.errors.append(
                    _("Unknown sector “%(value)s”: use a code or a name from the list.")
                    % {"value": values["sector"]}
                )
        if values.get("actor_type"):
            line.actor_type = ACTOR_LOOKUP.get(normalize_name(values["actor_type"]), "")
            if not line.actor_type:
                line.errors.append(
                    _(
                        "Unknown type of actor “%(value)s”: "
                        "write stratégique, tactique or expérience vécue."
                    )
                    % {"value": values["actor_type"]}
                )
        if email:
            try:
                validate_email(email)
            except ValidationError:
                line.errors.append(
                    _("“%(value)s” is not a valid e-mail address.") % {"value": email}
                )
            line.email = email
            line.position = ROLE_LOOKUP.get(normalize_name(values.get("role", "")), "")
            if not line.position:
                line.errors.append(_("Write the role: représentant(e) or substitut."))
            if email not in people and not line.full_name:
                line.errors.append(_("Give the first and last name of a new person."))
        elif values.get("role") or line.full_name:
            line.errors.append(_("Give the person's e-mail address."))

        # Which seat: a citizen seat by its name, else the organization's seat.
        key = normalize_name(org_name)
        seat = seats_by_label.get(key) if key else None
        if seat is not None:
            line.seat_obj = seat
            line.seat_key = ("seat", seat.pk)
        elif key:
            organization = organizations_by_name.get(key) or organizations_by_acronym.get(key)
            if organization is not None:
                line.organization = "found"
                line.organization_obj = organization
                line.organization_key = organization.name_key
                seat = seats_by_org.get(organization.pk)
            else:
                line.organization = "new"
                line.organization_key = key
            line.seat_key = ("seat", seat.pk) if seat else ("org", line.organization_key)
            line.seat_obj = seat
        else:
            if not email:
                line.errors.append(_("Give an organization, or a person for a citizen seat."))
            line.seat_key = ("citizen", email)
        if line.seat_obj is None:
            line.seat = "new"
            # An earlier row of the file may already describe this new seat.
            line.actor_type = line.actor_type or new_seat_types.get(line.seat_key, "")
            if line.actor_type:
                new_seat_types.setdefault(line.seat_key, line.actor_type)
            if not line.actor_type:
                line.errors.append(_("Give the type of actor of this new seat."))
        else:
            seat_sector = selectors.seat_sector(line.seat_obj)
            changed_type = line.actor_type and line.actor_type != line.seat_obj.actor_type
            changed_sector = line.sector_obj and seat_sector != line.sector_obj
            line.seat = "updated" if (changed_type or changed_sector) else "existing"
        if line.position:
            slot = (line.seat_key, line.position)
            if slot in taken:
                line.errors.append(
                    _("Row %(other)s already names someone in this position of this seat.")
                    % {"other": taken[slot]}
                )
            else:
                taken[slot] = line.row
            current = selectors.holder_of(line.seat_obj, line.position) if line.seat_obj else None
            if current is None:
                line.holder = "assign"
            elif current.person.email.lower() == email:
                line.holder = "same"
            else:
                line.holder = "replace"
                line.replaces = str(current.person)
    return Plan(rows=planned)


def template_rows() -> list[list[str]]:
    """An example row under the French header, for the downloadable template."""
    return [
        list(FRENCH_HEADERS),
        [
            "Centre d'action bénévole",
            "communautaire",
            "Prénom",
            "Nom",
            "prenom.nom@example.org",
            ROLE_EXPORT[Position.REPRESENTATIVE],
            ACTOR_EXPORT[ActorType.TACTICAL],
        ],
    ]


def to_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(rows)
    # A BOM lets Excel open the accents correctly.
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sièges"
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_table(*, table) -> list[list[str]]:
    """The table's open seats and holders under the French header."""
    from tablee.members import selectors

    lines = [list(FRENCH_HEADERS)]
    for row in selectors.export_rows(table=table):
        lines.append(
            [
                row["organization"],
                row["sector"],
                row["first_name"],
                row["last_name"],
                row["email"],
                ROLE_EXPORT.get(row["role"], ""),
                ACTOR_EXPORT.get(row["actor_type"], ""),
            ]
        )
    return lines
