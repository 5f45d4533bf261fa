"""Check a plan workbook row by row and say what importing it would do.

`build_plan` takes the rows of `spreadsheet.read_workbook` and matches
them against the process: objectives by title, actions by title within
the process, indicators by action and name, values by indicator and date,
resources by action, organization and kind (the n-th such row of the file
meets the n-th such commitment). Each row gets its errors, in the reader's
language, and an outcome: create, update or same. Nothing is written here;
`services.plan_import` writes a plan without errors, all or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tablee.funding.models import ResourceKind
from tablee.funding.services import MAX_AMOUNT, MAX_HOURS, MAX_QUANTITY
from tablee.organizations.models import normalize_name
from tablee.plans.models import ActionOrigin, ActionStatus, PartnerRole
from tablee.reports import selectors
from tablee.reports.spreadsheet import SHEET_BY_KEY, SHEET_LANGUAGE, SHEETS
from tablee.results.models import PERCENT_UNIT, IndicatorKind
from tablee.results.services import MAX_ABS_VALUE

CREATE, UPDATE, SAME = "create", "update", "same"
LEVELS = ("objectives", "axes", "actions", "indicators", "values", "resources")

# The words the export writes (French labels), so an export reads back as is.
STATUS_EXPORT = dict(ActionStatus.choices)
ORIGIN_EXPORT = dict(ActionOrigin.choices)
KIND_EXPORT = dict(IndicatorKind.choices)
RESOURCE_EXPORT = dict(ResourceKind.choices)
ROLE_EXPORT = dict(PartnerRole.choices)
# Short spellings people write in their own spreadsheets.
_EXTRA_WORDS = {
    "status": {
        ActionStatus.PLANNED: ("prevue", "a venir", "planifie", "planifiee"),
        ActionStatus.UNDER_WAY: ("en cours", "en marche", "in progress"),
        ActionStatus.DONE: ("terminee", "realisee", "complete", "completee", "fait"),
        ActionStatus.LATE: ("en retard",),
        ActionStatus.SUSPENDED: ("suspendue",),
        ActionStatus.ABANDONED: ("abandonnee",),
    },
    "origin": {
        ActionOrigin.FIXED: ("fixee", "non negociable", "fixee d avance", "fixed"),
        ActionOrigin.CO_CONSTRUCTED: ("coconstruite", "co construite", "co constructed"),
    },
    "kind": {
        IndicatorKind.HOW_MUCH: ("combien", "quantite", "how much"),
        IndicatorKind.HOW_WELL: ("qualite", "comment", "how well"),
        IndicatorKind.BETTER_OFF: ("effet", "effets", "mieux", "better off"),
    },
    "resource": {
        ResourceKind.STAFF_HOURS: ("heures", "heures de travail", "hours", "temps"),
        ResourceKind.MATERIAL: ("materiel",),
        ResourceKind.MONEY: ("argent", "financier", "dollars"),
        ResourceKind.IN_KIND: ("en nature", "nature"),
    },
    "role": {
        PartnerRole.LEAD: ("co porte", "coporteur", "porteur", "lead"),
        PartnerRole.CONTRIBUTES: ("contribue", "contributes"),
        PartnerRole.SUPPORTS: ("soutient", "appuie", "supports"),
        PartnerRole.INFORMED: ("informe", "tenu informe", "informed"),
    },
}
_CHOICES = {
    "status": ActionStatus,
    "origin": ActionOrigin,
    "kind": IndicatorKind,
    "resource": ResourceKind,
    "role": PartnerRole,
}
_lookups: dict[str, dict[str, str]] = {}


def _lookup(name: str) -> dict[str, str]:
    """Map every accepted spelling (code, French and English labels…) to a code."""
    if name not in _lookups:
        choices = _CHOICES[name]
        table: dict[str, str] = {}
        for language in (SHEET_LANGUAGE, "en"):
            with translation.override(language):
                for value, label in choices.choices:
                    table.setdefault(normalize_name(str(label)), value)
        for value in choices.values:
            table[normalize_name(value)] = value
        for value, words in _EXTRA_WORDS[name].items():
            for word in words:
                table.setdefault(normalize_name(word), value)
        _lookups[name] = table
    return _lookups[name]


def choice(name: str, text: str) -> str:
    return _lookup(name).get(normalize_name(text), "")


# ---------------------------------------------------------------- partners cell

_PARENS = re.compile(r"^(?P<name>.*?)\s*\((?P<inside>[^()]*)\)\s*$")
_DETAIL_SEPARATOR = " : "


def partners_cell(partners) -> str:
    """Write partners as `Organisme (rôle : précision); Autre (rôle)`."""
    with translation.override(SHEET_LANGUAGE):
        items = []
        for partner in partners:
            inside = str(ROLE_EXPORT[partner.role])
            if partner.role_detail:
                inside = f"{inside}{_DETAIL_SEPARATOR}{partner.role_detail}"
            items.append(f"{partner.organization.name} ({inside})")
    return "; ".join(items)


def _split_partners(text: str) -> list[tuple[str, str, str]]:
    """Return (organization, role text, detail, whole item) for each partner of the cell."""
    items = []
    for piece in text.split(";"):
        piece = piece.strip()
        if not piece:
            continue
        match = _PARENS.match(piece)
        if match:
            inside = match.group("inside")
            role, _sep, detail = inside.partition(":")
            items.append((match.group("name").strip(), role.strip(), detail.strip(), piece))
        else:
            items.append((piece, "", "", piece))
    return items


# ---------------------------------------------------------------- values


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    text = text.split(" ")[0].split("T")[0]
    for pattern in (r"(\d{4})-(\d{1,2})-(\d{1,2})", r"(\d{4})/(\d{1,2})/(\d{1,2})"):
        match = re.fullmatch(pattern, text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    raise ValueError(text)


def _parse_number(text: str) -> Decimal | None:
    text = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    text = text.rstrip("$%").lstrip("$").strip()
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    elif "," in text:
        text = text.replace(",", "")
    number = Decimal(text)
    if not number.is_finite():
        raise InvalidOperation(text)
    return number


def title_key(text: str) -> str:
    """The matching key of a title: spaces collapsed, case ignored."""
    return " ".join(text.split()).casefold()


def _same_number(a, b, places: str) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(a).quantize(Decimal(places)) == Decimal(b).quantize(Decimal(places))


# ---------------------------------------------------------------- the plan


@dataclass
class PlannedRow:
    sheet: str
    row: int
    values: dict
    errors: list[str] = field(default_factory=list)
    outcome: str = ""  # CREATE, UPDATE or SAME
    label: str = ""  # what the row is about, for the preview
    target: object = None  # the existing object it updates
    data: dict = field(default_factory=dict)  # checked values for the service


@dataclass
class PlanSheet:
    key: str
    title: str
    rows: list[PlannedRow] = field(default_factory=list)
    present: bool = True

    @property
    def error_rows(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.errors]


@dataclass
class ImportPlan:
    sheets: list[PlanSheet]
    new_axes: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(sheet.error_rows for sheet in self.sheets)

    @property
    def errors(self) -> list[tuple[str, int, str]]:
        """(sheet title, row, message) of every error, sheet by sheet."""
        return [
            (sheet.title, row.row, message)
            for sheet in self.sheets
            for row in sheet.rows
            for message in row.errors
        ]

    def sheet(self, key: str) -> PlanSheet:
        return next(sheet for sheet in self.sheets if sheet.key == key)

    @property
    def counts(self) -> dict[str, int]:
        """Created / updated / unchanged per level, e.g. `actions_created`."""
        result: dict[str, int] = {}
        for key in LEVELS:
            if key == "axes":
                result["axes_created"] = len(self.new_axes)
                continue
            rows = self.sheet(key).rows
            result[f"{key}_created"] = sum(1 for r in rows if r.outcome == CREATE)
            result[f"{key}_updated"] = sum(1 for r in rows if r.outcome == UPDATE)
            result[f"{key}_unchanged"] = sum(1 for r in rows if r.outcome == SAME)
        return result

    @property
    def changes(self) -> int:
        counts = self.counts
        return sum(v for k, v in counts.items() if not k.endswith("_unchanged"))


class _Checker:
    """Validation helpers that write into one row's error list."""

    def __init__(self, line: PlannedRow) -> None:
        self.line = line

    def error(self, message: str) -> None:
        self.line.errors.append(message)

    def text(self, key: str, *, limit: int, label: str, required: str = "") -> str:
        value = (self.line.values.get(key) or "").strip()
        if required and not value:
            self.error(required)
        if len(value) > limit:
            self.error(
                _("%(column)s: keep it under %(limit)s characters.")
                % {"column": label, "limit": limit}
            )
        return value

    def date(self, key: str, label: str) -> date | None:
        text = self.line.values.get(key) or ""
        try:
            return _parse_date(text)
        except ValueError:
            self.error(
                _("%(column)s: « %(value)s » is not a date; write it as 2025-03-31.")
                % {"column": label, "value": text}
            )
            return None

    def number(
        self, key: str, label: str, *, maximum: Decimal, percent: bool = False, positive=False
    ) -> Decimal | None:
        text = self.line.values.get(key) or ""
        try:
            number = _parse_number(text)
        except (InvalidOperation, ValueError):
            self.error(
                _("%(column)s: « %(value)s » is not a number.") % {"column": label, "value": text}
            )
            return None
        if number is None:
            return None
        if abs(number) > maximum:
            self.error(
                _("%(column)s: %(value)s is too large; check the figure.")
                % {"column": label, "value": text}
            )
            return None
        if positive and number < 0:
            self.error(_("%(column)s: a negative value is refused.") % {"column": label})
            return None
        if percent and not Decimal(0) <= number <= Decimal(100):
            self.error(
                _(
                    "%(column)s: the indicator is a percentage, so the value must be "
                    "from 0 to 100 (not %(value)s)."
                )
                % {"column": label, "value": text}
            )
            return None
        return number


class _Registry:
    """Organizations of the registry by name or acronym, and the table's seats."""

    def __init__(self, table) -> None:
        self.by_key: dict[str, object] = {}
        acronyms: dict[str, object] = {}
        for organization in selectors.registry_organizations():
            self.by_key[organization.name_key] = organization
            if organization.acronym_key:
                acronyms.setdefault(organization.acronym_key, organization)
        for key, organization in acronyms.items():
            self.by_key.setdefault(key, organization)
        self.seated = selectors.seated_organization_ids(table=table)

    def find(self, name: str):
        return self.by_key.get(normalize_name(name))


def build_plan(*, process, sheets: dict[str, list[dict]], today: date | None = None) -> ImportPlan:
    """Check every row of `sheets` against `process`; write nothing.

    A constant number of queries whatever the size of the file or the plan.
    """
    from tablee.reports.selectors import export_actions, export_indicators, export_resources

    today = today or timezone.localdate()
    table = process.table
    plan = ImportPlan(
        sheets=[PlanSheet(key=s.key, title=s.title, present=s.key in sheets) for s in SHEETS]
    )
    registry = _Registry(table)
    people = {person.email.lower(): person for person in selectors.table_people(table=table)}

    # -- objectives ----------------------------------------------------------
    existing_objectives = {
        title_key(o.title): o for o in selectors.objective_list(process=process)
    }
    objectives_in_file: dict[str, int] = {}
    titles = SHEET_BY_KEY["objectives"].columns
    for values in sheets.get("objectives", []):
        line = PlannedRow(sheet="objectives", row=values["row"], values=values)
        plan.sheet("objectives").rows.append(line)
        check = _Checker(line)
        title = check.text(
            "objective",
            limit=300,
            label=titles[0].header,
            required=_("Give the objective's title."),
        )
        description = check.text("description", limit=5000, label=titles[1].header)
        line.label = title
        key = title_key(title)
        if key and key in objectives_in_file:
            check.error(
                _("Row %(row)s already describes this objective.")
                % {"row": objectives_in_file[key]}
            )
        elif key:
            objectives_in_file[key] = line.row
        line.data = {"title": " ".join(title.split()), "description": description}
        current = existing_objectives.get(key)
        line.target = current
        if current is None:
            line.outcome = CREATE
        elif current.title != line.data["title"] or current.description != description:
            line.outcome = UPDATE
        else:
            line.outcome = SAME

    known_objectives = set(existing_objectives) | set(objectives_in_file)

    # -- actions -------------------------------------------------------------
    actions = export_actions(process=process)
    existing_actions = {}
    for action in actions:
        existing_actions.setdefault(title_key(action.title), action)
    axes: dict[tuple[str, str], object] = {}
    objective_titles = {o.pk: title_key(o.title) for o in existing_objectives.values()}
    for axis in selectors.import_axes(process=process):
        axes.setdefault((objective_titles.get(axis.objective_id, ""), title_key(axis.title)), axis)
    actions_in_file: dict[str, int] = {}
    columns = {c.key: c.header for c in SHEET_BY_KEY["actions"].columns}
    for values in sheets.get("actions", []):
        line = PlannedRow(sheet="actions", row=values["row"], values=values)
        plan.sheet("actions").rows.append(line)
        _check_action(
            line=line,
            columns=columns,
            known_objectives=known_objectives,
            existing_actions=existing_actions,
            actions_in_file=actions_in_file,
            axes=axes,
            plan=plan,
            registry=registry,
            people=people,
        )
    known_actions = set(existing_actions) | set(actions_in_file)

    # -- indicators ----------------------------------------------------------
    indicators = export_indicators(process=process)
    existing_indicators = {}
    for indicator in indicators:
        existing_indicators.setdefault(
            (title_key(indicator.action.title), title_key(indicator.name)), indicator
        )
    indicator_units: dict[tuple[str, str], str] = {
        key: indicator.unit for key, indicator in existing_indicators.items()
    }
    indicators_in_file: dict[tuple[str, str], int] = {}
    columns = {c.key: c.header for c in SHEET_BY_KEY["indicators"].columns}
    for values in sheets.get("indicators", []):
        line = PlannedRow(sheet="indicators", row=values["row"], values=values)
        plan.sheet("indicators").rows.append(line)
        check = _Checker(line)
        action_title = check.text(
            "action", limit=300, label=columns["action"], required=_("Name the action.")
        )
        if action_title and title_key(action_title) not in known_actions:
            check.error(
                _("No action titled « %(title)s » in the plan or the Actions sheet.")
                % {"title": action_title}
            )
        name = check.text(
            "indicator", limit=300, label=columns["indicator"], required=_("Name the indicator.")
        )
        line.label = name
        key = (title_key(action_title), title_key(name))
        if name and key in indicators_in_file:
            check.error(
                _("Row %(row)s already describes this indicator of this action.")
                % {"row": indicators_in_file[key]}
            )
        elif name:
            indicators_in_file[key] = line.row
        kind_text = values.get("kind", "")
        kind = choice("kind", kind_text)
        if not kind:
            check.error(
                _("%(column)s: « %(value)s » is unknown; write combien, qualité or effet.")
                % {"column": columns["kind"], "value": kind_text}
            )
        unit = check.text("unit", limit=40, label=columns["unit"])
        percent = unit == PERCENT_UNIT
        baseline = check.number(
            "baseline_value", columns["baseline_value"], maximum=MAX_ABS_VALUE, percent=percent
        )
        target = check.number(
            "target_value", columns["target_value"], maximum=MAX_ABS_VALUE, percent=percent
        )
        baseline_on = check.date("baseline_on", columns["baseline_on"])
        target_on = check.date("target_on", columns["target_on"])
        if baseline_on and target_on and target_on < baseline_on:
            check.error(_("The target date comes before the baseline date."))
        source = check.text("source", limit=300, label=columns["source"])
        indicator_units[key] = unit
        line.data = {
            "action": title_key(action_title),
            "name": " ".join(name.split()),
            "kind": kind,
            "unit": unit,
            "baseline_value": baseline,
            "baseline_on": baseline_on,
            "target_value": target,
            "target_on": target_on,
            "source": source,
        }
        current = existing_indicators.get(key)
        line.target = current
        if current is None:
            line.outcome = CREATE
            continue
        if percent and not current.is_percentage:
            outside = [
                m for m in current.measures.all() if not Decimal(0) <= m.value <= Decimal(100)
            ]
            if outside:
                check.error(
                    _(
                        "Some recorded values of this indicator are outside 0–100: "
                        "it cannot become a percentage."
                    )
                )
        same = (
            current.name == line.data["name"]
            and current.kind == kind
            and current.unit == unit
            and _same_number(current.baseline_value, baseline, "0.0001")
            and _same_number(current.target_value, target, "0.0001")
            and current.baseline_on == baseline_on
            and current.target_on == target_on
            and current.source == source
        )
        line.outcome = SAME if same else UPDATE
    known_indicators = set(existing_indicators) | set(indicators_in_file)

    # -- values --------------------------------------------------------------
    existing_values = {
        (key, measure.measured_on): measure
        for key, indicator in existing_indicators.items()
        for measure in indicator.measures.all()
    }
    values_in_file: dict[tuple, int] = {}
    columns = {c.key: c.header for c in SHEET_BY_KEY["values"].columns}
    for values in sheets.get("values", []):
        line = PlannedRow(sheet="values", row=values["row"], values=values)
        plan.sheet("values").rows.append(line)
        check = _Checker(line)
        action_title = check.text(
            "action", limit=300, label=columns["action"], required=_("Name the action.")
        )
        name = check.text(
            "indicator", limit=300, label=columns["indicator"], required=_("Name the indicator.")
        )
        key = (title_key(action_title), title_key(name))
        line.label = name
        if action_title and name and key not in known_indicators:
            check.error(
                _(
                    "No indicator « %(name)s » for the action « %(action)s » in the plan "
                    "or the Indicators sheet."
                )
                % {"name": name, "action": action_title}
            )
        measured_on = check.date("measured_on", columns["measured_on"])
        if measured_on is None and not line.errors:
            check.error(_("Give the date of the measure."))
        value = check.number(
            "value",
            columns["value"],
            maximum=MAX_ABS_VALUE,
            percent=indicator_units.get(key) == PERCENT_UNIT,
        )
        if value is None and not (values.get("value") or "").strip():
            check.error(_("Give the value measured."))
        source = check.text("source", limit=300, label=columns["source"])
        note = check.text("note", limit=2000, label=columns["note"])
        if measured_on is not None:
            if (key, measured_on) in values_in_file:
                check.error(
                    _("Row %(row)s already gives a value for this indicator on this date.")
                    % {"row": values_in_file[(key, measured_on)]}
                )
            else:
                values_in_file[(key, measured_on)] = line.row
        line.data = {
            "indicator": key,
            "measured_on": measured_on,
            "value": value,
            "source": source,
            "note": note,
        }
        current = existing_values.get((key, measured_on))
        line.target = current
        if current is None:
            line.outcome = CREATE
        elif (
            _same_number(current.value, value, "0.0001")
            and current.source == source
            and current.note == note
        ):
            line.outcome = SAME
        else:
            line.outcome = UPDATE
        if line.outcome != SAME and measured_on and measured_on > today:
            check.error(_("A value cannot be measured in the future."))

    # -- resources -----------------------------------------------------------
    existing_resources: dict[tuple, list] = {}
    for commitment in export_resources(process=process):
        existing_resources.setdefault(
            (title_key(commitment.action.title), commitment.organization_id, commitment.kind), []
        ).append(commitment)
    seen_resources: dict[tuple, int] = {}
    columns = {c.key: c.header for c in SHEET_BY_KEY["resources"].columns}
    for values in sheets.get("resources", []):
        line = PlannedRow(sheet="resources", row=values["row"], values=values)
        plan.sheet("resources").rows.append(line)
        check = _Checker(line)
        action_title = check.text(
            "action", limit=300, label=columns["action"], required=_("Name the action.")
        )
        if action_title and title_key(action_title) not in known_actions:
            check.error(
                _("No action titled « %(title)s » in the plan or the Actions sheet.")
                % {"title": action_title}
            )
        org_name = check.text(
            "organization",
            limit=200,
            label=columns["organization"],
            required=_("Name the organization that commits the resource."),
        )
        organization = registry.find(org_name) if org_name else None
        if org_name and organization is None:
            check.error(
                _("Unknown organization « %(name)s »: write its name as in the registry.")
                % {"name": org_name}
            )
        line.label = org_name
        kind_text = values.get("kind", "")
        kind = choice("resource", kind_text)
        if not kind:
            check.error(
                _(
                    "%(column)s: « %(value)s » is unknown; write heures de travail, "
                    "matériel, argent or en nature."
                )
                % {"column": columns["kind"], "value": kind_text}
            )
        maximum = MAX_HOURS if kind == ResourceKind.STAFF_HOURS else MAX_QUANTITY
        quantity = check.number("quantity", columns["quantity"], maximum=maximum, positive=True)
        amount = check.number("amount", columns["amount"], maximum=MAX_AMOUNT, positive=True)
        unit = check.text("unit", limit=40, label=columns["unit"])
        note = check.text("note", limit=300, label=columns["note"])
        raw_quantity = (values.get("quantity") or "").strip()
        raw_amount = (values.get("amount") or "").strip()
        if kind == ResourceKind.STAFF_HOURS and not raw_quantity:
            check.error(_("Say how many hours are committed."))
        elif kind == ResourceKind.MONEY and not raw_amount:
            check.error(_("Say how many dollars are committed."))
        elif not raw_quantity and not raw_amount:
            check.error(_("Give a quantity, a value in dollars, or both."))
        if kind == ResourceKind.STAFF_HOURS and not unit:
            unit = "h"
        if quantity is None:
            unit = ""
        line.data = {
            "action": title_key(action_title),
            "organization": organization,
            "kind": kind,
            "quantity": quantity,
            "unit": unit,
            "amount": amount,
            "note": note,
        }
        key = (title_key(action_title), getattr(organization, "pk", None), kind)
        index = seen_resources.get(key, 0)
        seen_resources[key] = index + 1
        candidates = existing_resources.get(key, [])
        current = candidates[index] if index < len(candidates) else None
        line.target = current
        if current is None:
            line.outcome = CREATE
        elif (
            _same_number(current.quantity, quantity, "0.01")
            and _same_number(current.amount, amount, "0.01")
            and current.unit == unit
            and current.note == note
        ):
            line.outcome = SAME
        else:
            line.outcome = UPDATE
    return plan


def _check_action(
    *,
    line: PlannedRow,
    columns: dict[str, str],
    known_objectives: set[str],
    existing_actions: dict,
    actions_in_file: dict[str, int],
    axes: dict,
    plan: ImportPlan,
    registry: _Registry,
    people: dict,
) -> None:
    values = line.values
    check = _Checker(line)
    objective_title = check.text(
        "objective",
        limit=300,
        label=columns["objective"],
        required=_("Name the objective this action serves."),
    )
    if objective_title and title_key(objective_title) not in known_objectives:
        check.error(
            _("No objective titled « %(title)s » in the plan or the Objectives sheet.")
            % {"title": objective_title}
        )
    title = check.text(
        "action", limit=300, label=columns["action"], required=_("Say what the action is.")
    )
    line.label = title
    key = title_key(title)
    if key and key in actions_in_file:
        check.error(
            _("Row %(row)s already describes an action with this title.")
            % {"row": actions_in_file[key]}
        )
    elif key:
        actions_in_file[key] = line.row
    current = existing_actions.get(key)
    line.target = current
    axis_title = check.text("axis", limit=300, label=columns["axis"])
    axis_key = (title_key(objective_title), title_key(axis_title))
    axis = axes.get(axis_key) if axis_title else None
    if axis_title and axis is None and not line.errors:
        plan.new_axes.setdefault(axis_key, " ".join(axis_title.split()))
    description = check.text("description", limit=5000, label=columns["description"])
    starts_on = check.date("starts_on", columns["starts_on"])
    ends_on = check.date("ends_on", columns["ends_on"])
    if starts_on and ends_on and ends_on < starts_on:
        check.error(_("The end comes before the start. Check the dates."))
    status_text = values.get("status", "")
    status = choice("status", status_text) if status_text else ActionStatus.PLANNED
    if not status:
        check.error(
            _(
                "%(column)s: « %(value)s » is unknown; write prévue, en cours, réalisée, "
                "en retard, suspendue or abandonnée."
            )
            % {"column": columns["status"], "value": status_text}
        )
    origin_text = values.get("origin", "")
    origin = choice("origin", origin_text) if origin_text else ActionOrigin.CO_CONSTRUCTED
    if not origin:
        check.error(
            _("%(column)s: « %(value)s » is unknown; write fixée d'avance or coconstruite.")
            % {"column": columns["origin"], "value": origin_text}
        )
    org_name = check.text("organization", limit=200, label=columns["organization"])
    organization = registry.find(org_name) if org_name else None
    if org_name and organization is None:
        check.error(
            _("Unknown organization « %(name)s »: write its name as in the registry.")
            % {"name": org_name}
        )
    elif (
        organization is not None
        and organization.pk not in registry.seated
        and (current is None or current.accountable_organization_id != organization.pk)
    ):
        check.error(
            _("The accountable organization « %(name)s » holds no seat at the table.")
            % {"name": organization.name}
        )
    email = check.text("person", limit=254, label=columns["person"]).lower()
    person = None
    if email:
        current_person = current.accountable_person if current is not None else None
        if current_person is not None and current_person.email.lower() == email:
            person = current_person
        else:
            try:
                validate_email(email)
            except ValidationError:
                check.error(_("« %(value)s » is not a valid e-mail address.") % {"value": email})
            else:
                person = people.get(email)
                if person is None:
                    check.error(
                        _("No one at this table has the e-mail address « %(value)s ».")
                        % {"value": email}
                    )
    partners = []
    kept = {p.organization_id for p in current.partners.all()} if current is not None else set()
    seen: set[int] = set()
    for name, role_text, detail, piece in _split_partners(values.get("partners", "")):
        partner = registry.find(piece) or registry.find(name)
        if partner is not None and registry.find(piece) is partner:
            role_text, detail = "", ""
        if partner is None:
            check.error(
                _("Unknown partner organization « %(name)s »: write its name as in the registry.")
                % {"name": name}
            )
            continue
        role = choice("role", role_text) if role_text else PartnerRole.CONTRIBUTES
        if not role:
            check.error(
                _(
                    "Unknown role « %(value)s » for %(name)s; write co-porte, contribue, "
                    "soutient or tenu informé."
                )
                % {"value": role_text, "name": partner.name}
            )
            continue
        if partner.pk in seen:
            check.error(_("%(name)s is listed twice as a partner.") % {"name": partner.name})
            continue
        seen.add(partner.pk)
        if partner.pk not in kept and partner.pk not in registry.seated:
            check.error(
                _("%(name)s holds no seat at the table and cannot be a partner.")
                % {"name": partner.name}
            )
            continue
        if len(detail) > 200:
            check.error(_("Describe each partner's role in under 200 characters."))
            continue
        partners.append((partner, role, detail))
    line.data = {
        "objective": title_key(objective_title),
        "axis": axis_key if axis_title else None,
        "title": " ".join(title.split()),
        "description": description,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "status": status,
        "origin": origin,
        "organization": organization,
        "person": person,
        "partners": partners,
    }
    if current is None:
        line.outcome = CREATE
        return
    current_partners = sorted(
        (p.organization_id, p.role, p.role_detail) for p in current.partners.all()
    )
    new_partners = sorted((p.pk, role, detail) for p, role, detail in partners)
    current_axis = (
        (title_key(current.objective.title), title_key(current.axis.title))
        if current.axis
        else None
    )
    same = (
        current.title == line.data["title"]
        and title_key(current.objective.title) == line.data["objective"]
        and current_axis == line.data["axis"]
        and current.description == description
        and current.starts_on == starts_on
        and current.ends_on == ends_on
        and current.status == status
        and current.origin == origin
        and current.accountable_organization_id == getattr(organization, "pk", None)
        and current.accountable_person_id == getattr(person, "pk", None)
        and current_partners == new_partners
    )
    line.outcome = SAME if same else UPDATE
