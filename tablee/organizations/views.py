"""Pages of the registry of organizations, its sectors, and a table's relations.

Each view: resolve → authorize → validate → call a service → respond.
"""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tablee.core.errors import DomainError
from tablee.core.forms import ConfirmForm, SearchForm, add_domain_error, posted
from tablee.core.pagination import paginate
from tablee.core.permissions import can, require
from tablee.core.tenancy import TableRequest, table_view
from tablee.organizations import selectors, services
from tablee.organizations.forms import (
    OrganizationCreateForm,
    OrganizationEditForm,
    OrganizationFilterForm,
    RelationEndForm,
    RelationForm,
    SectorEditForm,
    SectorForm,
)
from tablee.organizations.models import OrganizationKind, RelationLevel
from tablee.organizations.network import LEVEL_LINE, WAVE_LINE, relation_network, wave_network

# Registry -----------------------------------------------------------------


def _organization_or_404(organization_id: int, *, include_deleted: bool = False):
    organization = selectors.organization_get(
        organization_id=organization_id, include_deleted=include_deleted
    )
    if organization is None:
        raise Http404
    return organization


def _organization_values(data: dict) -> dict:
    return {
        "name": data["name"],
        "acronym": data["acronym"],
        "sector": data["sector"],
        "kind": data["kind"],
        "territory": data["territory"],
        "website": data["website"],
        "contact_email": data["contact_email"],
        "contact_phone": data["contact_phone"],
    }


@login_required
@require_http_methods(["GET"])
def organization_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "organizations.view_registry")
    filters = OrganizationFilterForm(request.GET)
    data = filters.cleaned_data if filters.is_valid() else {}
    sector = data.get("sector")
    page = paginate(
        request,
        selectors.organization_list(
            search=data.get("q", ""),
            sector_id=sector.pk if sector else None,
            kind=data.get("kind", ""),
        ),
        per_page=30,
    )
    template = "organizations/organization_list.html"
    if request.htmx:
        template += "#organization-results"
    return render(
        request,
        template,
        {
            "page": page,
            "filters": filters,
            "filtered": bool(data.get("q") or sector or data.get("kind")),
            # Also read by the results fragment, which an HTMX search renders alone.
            "can_add": can(request.user, "organizations.add_organization"),
        },
    )


@login_required
@require_http_methods(["GET"])
def organization_detail(request: HttpRequest, organization_id: int) -> HttpResponse:
    require(request.user, "organizations.view_registry")
    organization = _organization_or_404(
        organization_id, include_deleted=can(request.user, "organizations.delete_organization")
    )
    tables = selectors.organization_tables_with_open_seat(
        organization=organization, user=request.user
    )
    return render(
        request,
        "organizations/organization_detail.html",
        {"organization": organization, "tables": tables},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organization_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "organizations.add_organization")
    similar = []
    existing = None
    show_confirm = request.method == "POST" and bool(request.POST.get("confirm_similar"))
    form = OrganizationCreateForm(posted(request), show_confirm=show_confirm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organization = services.organization_create(
                actor=request.user,
                confirm_similar=data["confirm_similar"],
                **_organization_values(data),
            )
        except services.PossibleDuplicate as error:
            similar = error.extra.get("similar", [])
            form = OrganizationCreateForm(request.POST, show_confirm=True)
            form.is_valid()
            form.add_error(None, error.message)
        except DomainError as error:
            existing = error.extra if error.extra.get("existing_url") else None
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("“%(name)s” was added to the registry.") % {"name": organization.name},
            )
            return redirect("organizations:organization-detail", organization.pk)
    return render(
        request,
        "organizations/organization_form.html",
        {"form": form, "similar": similar, "existing": existing, "organization": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organization_edit(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = _organization_or_404(organization_id)
    require(request.user, "organizations.change_organization", organization)
    initial = {
        "name": organization.name,
        "acronym": organization.acronym,
        "sector": organization.sector_id,
        "kind": organization.kind,
        "territory": organization.territory,
        "website": organization.website,
        "contact_email": organization.contact_email,
        "contact_phone": organization.contact_phone,
        "version": organization.updated_at.isoformat(),
    }
    form = OrganizationEditForm(
        posted(request), initial=initial, current_sector=organization.sector
    )
    existing = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.organization_update(
                organization=organization,
                actor=request.user,
                read_at_version=parse_datetime(data["version"]) if data["version"] else None,
                **_organization_values(data),
            )
        except DomainError as error:
            existing = error.extra if error.extra.get("existing_url") else None
            add_domain_error(form, error)
        else:
            messages.success(request, _("The organization's entry was saved."))
            return redirect("organizations:organization-detail", organization.pk)
    return render(
        request,
        "organizations/organization_form.html",
        {"form": form, "organization": organization, "existing": existing, "similar": []},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organization_delete(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = _organization_or_404(organization_id)
    require(request.user, "organizations.delete_organization", organization)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_delete(organization=organization, actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("“%(name)s” was deleted from the registry. It can be restored.")
                % {"name": organization.name},
            )
            return redirect("organizations:organization-list")
    return render(
        request,
        "organizations/organization_delete.html",
        {"organization": organization, "form": form},
    )


@login_required
@require_http_methods(["GET"])
def organization_deleted_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "organizations.delete_organization")
    page = paginate(request, selectors.organization_list_deleted(), per_page=50)
    return render(request, "organizations/organization_deleted_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def organization_restore(request: HttpRequest, organization_id: int) -> HttpResponse:
    require(request.user, "organizations.delete_organization")
    organization = _organization_or_404(organization_id, include_deleted=True)
    if organization.deleted_at is None:
        raise Http404
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.organization_restore(organization=organization, actor=request.user)
        messages.success(
            request, _("“%(name)s” is back in the registry.") % {"name": organization.name}
        )
        return redirect("organizations:organization-detail", organization.pk)
    return render(
        request,
        "organizations/organization_restore.html",
        {"organization": organization, "form": form},
    )


# Sectors ------------------------------------------------------------------


def _sector_or_404(sector_id: int):
    sector = selectors.sector_get(sector_id=sector_id)
    if sector is None:
        raise Http404
    return sector


@login_required
@require_http_methods(["GET"])
def sector_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "organizations.manage_sectors")
    return render(
        request, "organizations/sector_list.html", {"sectors": list(selectors.sector_list())}
    )


@login_required
@require_http_methods(["GET", "POST"])
def sector_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "organizations.manage_sectors")
    form = SectorForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            sector = services.sector_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The sector “%(name)s” was added.") % {"name": sector})
            return redirect("organizations:sector-list")
    return render(request, "organizations/sector_form.html", {"form": form, "sector": None})


@login_required
@require_http_methods(["GET", "POST"])
def sector_edit(request: HttpRequest, sector_id: int) -> HttpResponse:
    require(request.user, "organizations.manage_sectors")
    sector = _sector_or_404(sector_id)
    form = SectorEditForm(
        posted(request),
        initial={
            "name_fr": sector.name_fr,
            "name_en": sector.name_en,
            "seen_name_fr": sector.name_fr,
            "seen_name_en": sector.name_en,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        seen = (data["seen_name_fr"], data["seen_name_en"])
        try:
            services.sector_update(
                sector=sector,
                actor=request.user,
                name_fr=data["name_fr"],
                name_en=data["name_en"],
                read_names=seen if any(seen) else None,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The sector was renamed."))
            return redirect("organizations:sector-list")
    return render(request, "organizations/sector_form.html", {"form": form, "sector": sector})


@login_required
@require_http_methods(["GET", "POST"])
def sector_toggle(request: HttpRequest, sector_id: int) -> HttpResponse:
    """Retire a sector in use, or put a retired one back in use (with confirmation)."""
    require(request.user, "organizations.manage_sectors")
    sector = _sector_or_404(sector_id)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.sector_set_active(
                sector=sector, actor=request.user, is_active=not sector.is_active
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if sector.is_active:
                messages.success(
                    request, _("The sector “%(name)s” is retired.") % {"name": sector}
                )
            else:
                messages.success(
                    request, _("The sector “%(name)s” is in use again.") % {"name": sector}
                )
            return redirect("organizations:sector-list")
    return render(request, "organizations/sector_toggle.html", {"sector": sector, "form": form})


# Relations ----------------------------------------------------------------


def _relation_or_404(request: TableRequest, relation_id: int):
    relation = selectors.relation_get(table=request.table, relation_id=relation_id)
    if relation is None:
        raise Http404
    return relation


@table_view
@require_http_methods(["GET"])
def relation_list(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "organizations.view_relations", table)
    search = SearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    level = request.GET.get("level", "")
    if level not in RelationLevel.values:
        level = ""
    page = paginate(
        request, selectors.relation_list_current(table=table, search=query, level=level), 50
    )
    template = "organizations/relation_list.html"
    if request.htmx:
        template += "#relation-results"
    return render(
        request,
        template,
        {
            "table": table,
            "page": page,
            "search": search,
            "query": query,
            "level": level,
            "levels": RelationLevel.choices,
            "can_record": can(request.user, "organizations.record_relation", table),
        },
    )


@table_view
@require_http_methods(["GET"])
def relation_history(request: TableRequest, relation_id: int) -> HttpResponse:
    relation = _relation_or_404(request, relation_id)
    require(request.user, "organizations.view_relations", request.table)
    rows = list(
        selectors.relation_pair_history(
            table=request.table, first_id=relation.first_id, second_id=relation.second_id
        )
    )
    return render(
        request,
        "organizations/relation_history.html",
        {
            "table": request.table,
            "relation": relation,
            "rows": rows,
            "current": next((row for row in rows if row.ended_on is None), None),
            "can_record": can(request.user, "organizations.record_relation", request.table),
        },
    )


def _record(request: TableRequest, form, *, first, second, expected_current_id):
    data = form.cleaned_data
    return services.relation_record(
        table=request.table,
        actor=request.user,
        first=first,
        second=second,
        level=data["level"],
        started_on=data["started_on"],
        agreement_title=data["agreement_title"],
        agreement_start=data["agreement_start"],
        agreement_end=data["agreement_end"],
        agreement_document=data["agreement_document"] or None,
        note=data["note"],
        expected_current_id=expected_current_id,
    )


@table_view
@require_http_methods(["GET", "POST"])
def relation_create(request: TableRequest) -> HttpResponse:
    table = request.table
    require(request.user, "organizations.record_relation", table)
    initial = {
        "first": request.GET.get("first", ""),
        "second": request.GET.get("second", ""),
    }
    form = RelationForm(
        posted(request), request.FILES if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            relation = _record(
                request,
                form,
                first=form.cleaned_data["first"],
                second=form.cleaned_data["second"],
                expected_current_id=services.UNCHECKED,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The relation was recorded."))
            return redirect("relations:relation-history", table.slug, relation.pk)
    return render(
        request,
        "organizations/relation_form.html",
        {"table": table, "form": form, "relation": None},
    )


@table_view
@require_http_methods(["GET", "POST"])
def relation_change(request: TableRequest, relation_id: int) -> HttpResponse:
    table = request.table
    relation = _relation_or_404(request, relation_id)
    require(request.user, "organizations.record_relation", table)
    if relation.ended_on is not None:
        raise Http404
    initial = {
        "first": relation.first_id,
        "second": relation.second_id,
        "level": relation.level,
        "agreement_title": relation.agreement_title,
        "agreement_start": relation.agreement_start,
        "agreement_end": relation.agreement_end,
        "note": relation.note,
        "current": str(relation.pk),
    }
    form = RelationForm(
        posted(request), request.FILES if request.method == "POST" else None, initial=initial
    )
    # The pair is fixed here; only how it relates changes.
    del form.fields["first"], form.fields["second"]
    if request.method == "POST" and form.is_valid():
        seen = form.cleaned_data["current"]
        try:
            new = _record(
                request,
                form,
                first=relation.first,
                second=relation.second,
                expected_current_id=int(seen) if seen.isdigit() else None,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The change of relation was recorded."))
            return redirect("relations:relation-history", table.slug, new.pk)
    return render(
        request,
        "organizations/relation_form.html",
        {"table": table, "form": form, "relation": relation},
    )


@table_view
@require_http_methods(["GET", "POST"])
def relation_end(request: TableRequest, relation_id: int) -> HttpResponse:
    table = request.table
    relation = _relation_or_404(request, relation_id)
    require(request.user, "organizations.record_relation", table)
    if relation.ended_on is not None:
        raise Http404
    form = RelationEndForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.relation_end(
                relation=relation, actor=request.user, ended_on=form.cleaned_data["ended_on"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The relation was ended; it stays in the history."))
            return redirect("relations:relation-list", table.slug)
    return render(
        request,
        "organizations/relation_end.html",
        {"table": table, "relation": relation, "form": form},
    )


@table_view
@require_http_methods(["GET"])
def relation_document(request: TableRequest, relation_id: int) -> HttpResponse:
    """Serve an agreement document to the people who may see the table's relations."""
    relation = _relation_or_404(request, relation_id)
    require(request.user, "organizations.view_relations", request.table)
    if not relation.agreement_document:
        raise Http404
    name = relation.agreement_document.name
    extension = name.rsplit(".", 1)[-1].lower()
    filename = f"{slugify(relation.agreement_title) or 'agreement'}.{extension}"
    try:
        handle = relation.agreement_document.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=services.document_content_type(name),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _survey_wave(request: TableRequest):
    """The closed survey waves the page may draw, and the one asked for (`?wave=`).

    Only when the relations survey app is installed; an unknown or still
    open wave is not found.
    """
    if not apps.is_installed("tablee.relationsurvey"):
        return None, []
    from tablee.relationsurvey import selectors as survey

    waves = survey.wave_closed_list(table=request.table, now=timezone.now())
    raw = request.GET.get("wave", "")
    if not raw:
        return None, waves
    wave = next((w for w in waves if str(w.pk) == raw), None)
    if wave is None:
        raise Http404
    require(request.user, "relationsurvey.view_results", wave)
    return wave, waves


@table_view
@require_http_methods(["GET"])
def relation_network_view(request: TableRequest) -> HttpResponse:
    """The network drawn from the recorded relations (default) or a closed survey wave."""
    table = request.table
    require(request.user, "organizations.view_relations", table)
    wave, waves = _survey_wave(request)
    context = {"table": table, "waves": waves, "wave": wave, "kinds": OrganizationKind.choices}
    if wave is None:
        network = relation_network(table=table)
        levels = [(value, label, LEVEL_LINE[value]) for value, label in RelationLevel.choices]
    else:
        from tablee.relationsurvey import selectors as survey
        from tablee.relationsurvey.models import JointWork, TieRule

        rule = survey.clean_rule(request.GET.get("rule"), wave.tie_rule)
        level = survey.clean_level(request.GET.get("level"), wave.tie_level)
        network = wave_network(table=table, wave=wave, rule=rule, level=level)
        levels = [(v, label, WAVE_LINE[v]) for v, label in JointWork.choices if v >= level]
        context.update(
            rule=rule,
            level=level,
            rules=TieRule.choices,
            level_choices=[(value, label) for value, label in JointWork.choices if value >= 1],
        )
    context.update(network=network, graph_data=network.graph_data(), levels=levels)
    return render(request, "organizations/relation_network.html", context)
