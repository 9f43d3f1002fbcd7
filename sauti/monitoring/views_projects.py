"""Monitoring project pages: the list, a project, its team, its sites and collector tokens.

Someone who may not see a project gets "not found" for every page of it (its
existence is not revealed); someone on the team who may not do a thing there
gets "not allowed". Every page works without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sauti.core.i18n import country_name
from sauti.core.models import MAX_ID

from . import services_projects as services
from . import site_import, webform
from .forms_projects import (
    AddMemberForm,
    ProjectForm,
    RoleForm,
    SiteForm,
    SiteImportForm,
    TokenForm,
)
from .models import BarrierReport, CollectorToken, Project, Site, Submission, TeamMember
from .rules import coordinates

PREVIEW_ROWS = 20


def project_for(request: HttpRequest, pk: int, perm: str = "monitoring.view_project") -> Project:
    """The project, if the user may see it (else 404) and do ``perm`` on it (else 403)."""
    if not 1 <= pk <= MAX_ID:
        raise Http404
    project = get_object_or_404(Project.objects.visible().select_related("organisation"), pk=pk)
    if not request.user.has_perm("monitoring.view_project", project):
        raise Http404
    if perm != "monitoring.view_project" and not request.user.has_perm(perm, project):
        raise PermissionDenied
    return project


def _errors_to_form(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        for message in error.messages:
            form.add_error(None, message)


# --- Projects --------------------------------------------------------------


def project_list(request: HttpRequest) -> HttpResponse:
    """The monitoring home: one's own projects, and every published dashboard.

    Open to anonymous visitors too, because published dashboards and the
    barrier report form are public; they see only the published list.
    """
    user = request.user
    signed_in = user.is_authenticated
    return render(
        request,
        "monitoring/projects/list.html",
        {
            "projects": (
                services.projects_for(user).prefetch_related("countries") if signed_in else []
            ),
            "published": Project.objects.visible()
            .filter(is_published=True)
            .select_related("organisation")
            .prefetch_related("countries")
            .order_by("title", "id"),
            "may_create": signed_in and services.organisations_administered(user).exists(),
        },
    )


@login_required
def project_add(request: HttpRequest) -> HttpResponse:
    organisations = services.organisations_administered(request.user)
    if not organisations.exists():
        raise PermissionDenied
    form = ProjectForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(
                organisation=form.organisation,
                values=form.values(),
                countries=form.cleaned_data["countries"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The project is created; you are its coordinator."))
            return redirect(project)
    return render(request, "monitoring/projects/form.html", {"form": form, "project": None})


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The project hub: one section per kind of work, each shown only to roles that may do it.

    The counts (to review, open barriers) are what a coordinator acts on next,
    so they sit next to the links rather than behind them.
    """
    project = project_for(request, pk)
    user = request.user

    def may(perm: str) -> bool:
        return user.has_perm(f"monitoring.{perm}", project)

    may_review = may("review_submissions")
    may_triage = may("triage_barriers")
    may_collect = services.collector_membership(project, user) is not None
    return render(
        request,
        "monitoring/projects/detail.html",
        {
            "project": project,
            "team": project.team.select_related("user"),
            "site_count": project.sites.count(),
            "may_change": may("change_project"),
            "may_manage_team": may("manage_team"),
            "may_manage_forms": may("manage_forms"),
            "may_collect": may_collect,
            "fillable_forms": webform.fillable_forms(project) if may_collect else [],
            "may_view_submissions": may("view_submissions"),
            "may_review": may_review,
            "may_define_indicators": may("define_indicators"),
            "may_export": may("export_submissions"),
            "may_publish": may("publish"),
            "may_triage": may_triage,
            "form_count": project.forms.count(),
            "to_review": (
                project.submissions.filter(status=Submission.Status.NEW, is_current=True).count()
                if may_review
                else None
            ),
            "open_barriers": (
                project.barriers.exclude(status=BarrierReport.Status.CLOSED).count()
                if may_triage
                else None
            ),
        },
    )


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.change_project")
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_project(
                project,
                values=form.values(),
                countries=form.cleaned_data["countries"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The project is saved."))
            return redirect(project)
    project.refresh_from_db()  # a ModelForm that failed validation changed the instance
    return render(request, "monitoring/projects/form.html", {"form": form, "project": project})


# --- Team ------------------------------------------------------------------


def _team_page(
    request: HttpRequest, project: Project, form: AddMemberForm, status: int = 200
) -> HttpResponse:
    members = list(project.team.select_related("user"))
    rows = [
        (member, RoleForm(initial={"role": member.role}, prefix=f"m{member.pk}"))
        for member in members
    ]
    return render(
        request,
        "monitoring/projects/team.html",
        {"project": project, "form": form, "rows": rows},
        status=status,
    )


@login_required
def team(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.manage_team")
    form = AddMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.add_member(
                project,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is on the team as %(role)s.")
                % {"name": member.user, "role": member.get_role_display()},
            )
            return redirect("monitoring:team", pk=project.pk)
    return _team_page(request, project, form, status=400 if form.errors else 200)


def _member(project: Project, member_pk: int) -> TeamMember:
    if not 1 <= member_pk <= MAX_ID:
        raise Http404
    return get_object_or_404(
        TeamMember.objects.select_related("user"), pk=member_pk, project=project
    )


@login_required
@require_POST
def team_role(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.manage_team")
    member = _member(project, member_pk)
    form = RoleForm(request.POST, prefix=f"m{member.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
        return redirect("monitoring:team", pk=project.pk)
    try:
        services.change_role(member, role=form.cleaned_data["role"], acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The role is changed."))
    return redirect("monitoring:team", pk=project.pk)


@login_required
@require_POST
def team_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.manage_team")
    member = _member(project, member_pk)
    try:
        services.remove_member(member, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is no longer on the team.") % {"name": member.user})
    if not request.user.has_perm("monitoring.view_project", project):
        return redirect("monitoring:list")  # someone took themself off the team
    if not request.user.has_perm("monitoring.manage_team", project):
        return redirect(project)
    return redirect("monitoring:team", pk=project.pk)


# --- Sites -----------------------------------------------------------------


@login_required
def sites(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk)
    return render(
        request,
        "monitoring/projects/sites.html",
        {
            "project": project,
            "sites": project.sites.all(),
            "may_manage": request.user.has_perm("monitoring.manage_sites", project),
        },
    )


@login_required
def site_edit(request: HttpRequest, pk: int, site_pk: int | None = None) -> HttpResponse:
    project = project_for(request, pk, "monitoring.manage_sites")
    if site_pk is None:
        site = Site(project=project)
    else:
        if not 1 <= site_pk <= MAX_ID:
            raise Http404
        site = get_object_or_404(Site, pk=site_pk, project=project)
    form = SiteForm(request.POST or None, instance=site)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_site(form.instance, acting_user=request.user)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The site is saved."))
            return redirect("monitoring:sites", pk=project.pk)
    return render(
        request,
        "monitoring/projects/site_form.html",
        {"project": project, "form": form, "site": site if site_pk else None},
    )


def _session_key(project: Project) -> str:
    return f"monitoring_site_import_{project.pk}"


def _preview(checked: site_import.SiteImport) -> list[dict[str, Any]]:
    kinds = dict(Site.Kind.choices)
    return [
        {
            "code": row.get("code", ""),
            "name": row.get("name", ""),
            "kind": kinds.get(row.get("kind", ""), ""),
            "country": country_name(row["country"]) if row.get("country") else "",
            "area": row.get("area", ""),
            "updates": bool(row.get("code")) and row.get("code") in checked.existing_codes,
        }
        for row in checked.rows[:PREVIEW_ROWS]
    ]


@login_required
def sites_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a file: see every problem (nothing kept), or go on to the confirm page."""
    project = project_for(request, pk, "monitoring.manage_sites")
    form = SiteImportForm(request.POST or None, request.FILES or None)
    checked = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        checked = site_import.check_sites(project, upload)
        if checked.ok:
            previous = request.session.get(_session_key(project))
            if previous:
                services.forget_upload(previous.get("token", ""))
            request.session[_session_key(project)] = {
                "token": services.keep_upload(upload),
                "filename": upload.name or "",
            }
            return redirect("monitoring:sites_import_confirm", pk=project.pk)
        if not checked.problem_count:
            form.add_error("file", _("The file has no site to import."))
            checked = None
    return render(
        request,
        "monitoring/projects/sites_import.html",
        {"project": project, "form": form, "result": checked},
        status=400 if form.errors or checked is not None else 200,
    )


@login_required
def sites_import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Show what the kept file will create and update; on POST, check it again and write it."""
    project = project_for(request, pk, "monitoring.manage_sites")
    pending = request.session.get(_session_key(project)) or {}
    token = pending.get("token", "")
    if request.method == "POST":
        if "cancel" in request.POST:
            services.forget_upload(token)
            request.session.pop(_session_key(project), None)
            return redirect("monitoring:sites_import", pk=project.pk)
        checked, counts = services.import_kept_upload(project, token, acting_user=request.user)
        if counts is not None:
            request.session.pop(_session_key(project), None)
            created, updated = counts
            messages.success(
                request,
                ngettext(
                    "Import done: %(created)s site created, %(updated)s updated.",
                    "Import done: %(created)s sites created, %(updated)s updated.",
                    created,
                )
                % {"created": created, "updated": updated},
            )
            return redirect("monitoring:sites", pk=project.pk)
    else:
        checked = services.check_kept_upload(project, token)
    if checked is None:
        request.session.pop(_session_key(project), None)
        messages.error(request, _("There is no file waiting to be imported: upload it again."))
        return redirect("monitoring:sites_import", pk=project.pk)
    if not checked.ok:
        # The project changed since the check: show the new problems, keep nothing.
        services.forget_upload(token)
        request.session.pop(_session_key(project), None)
        return render(
            request,
            "monitoring/projects/sites_import.html",
            {"project": project, "form": SiteImportForm(), "result": checked},
            status=400,
        )
    return render(
        request,
        "monitoring/projects/sites_import_confirm.html",
        {
            "project": project,
            "result": checked,
            "filename": pending.get("filename", ""),
            "preview": _preview(checked),
        },
    )


# --- Collector tokens ------------------------------------------------------


def _server_url(request: HttpRequest, key: str) -> str:
    """The "server URL" a phone is set up with: ``https://host/collect/<key>/``."""
    form_list = reverse("openrosa:form_list", args=[key])
    return request.build_absolute_uri(form_list[: -len("formList")])


@login_required
def tokens(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk)
    member = services.collector_membership(project, request.user)
    if member is None:
        raise PermissionDenied
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = services.create_token(
            project, label=form.cleaned_data["label"], acting_user=request.user
        )
        messages.success(request, _("Your token is ready. Set up ODK Collect with its server URL."))
        return redirect(f"{reverse('monitoring:tokens', args=[project.pk])}#token-{token.pk}")
    rows = [
        {
            "token": token,
            "mine": token.member.user_id == request.user.pk,
            "url": _server_url(request, token.key)
            if token.member.user_id == request.user.pk and token.revoked_at is None
            else "",
        }
        for token in services.tokens_shown_to(project, request.user)
    ]
    return render(
        request,
        "monitoring/projects/tokens.html",
        {
            "project": project,
            "form": form,
            "rows": rows,
            "sees_all": coordinates(request.user, project),
            "basic_url": request.build_absolute_uri(
                reverse("openrosa:form_list_basic", args=[project.pk])[: -len("formList")]
            ),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int, token_pk: int) -> HttpResponse:
    project = project_for(request, pk)
    if not 1 <= token_pk <= MAX_ID:
        raise Http404
    token = get_object_or_404(
        CollectorToken.objects.select_related("member", "project"), pk=token_pk, project=project
    )
    if not services.may_revoke(token, request.user):
        if services.collector_membership(project, request.user) is None:
            raise PermissionDenied
        raise Http404  # another monitor's token: not even its existence is shown
    services.revoke_token(token, acting_user=request.user)
    messages.success(request, _("The token is revoked: phones using it can no longer connect."))
    return redirect("monitoring:tokens", pk=project.pk)
