"""Running a monitoring project: create and edit it, its team, its sites, collector tokens.

Every change goes through here, checks its input again (a form is not the only
caller) and writes the audit log. Bad input raises ``ValidationError`` and
changes nothing.

Site import keeps the checked upload between the check and the confirmation in
a private file (``MEDIA_ROOT/site_imports/<token>``), named by a random token
that only the uploader's session knows: the confirm step checks that file again
against the project as it is then, so what is written is what the person saw
(or, if the project changed in between, a fresh list of problems).
"""

from __future__ import annotations

import contextlib
import re
import secrets
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.accounts.models import Membership, Organisation
from sauti.core.privacy import disclosure_threshold
from sauti.core.services import log_action

from . import site_import
from .models import SMALLEST_GROUP, CollectorToken, Project, Site, TeamMember
from .rules import coordinates

Role = TeamMember.Role
PROJECT_FIELDS = (
    "title",
    "description",
    "starts_on",
    "ends_on",
    "min_group_size",
    "public_coordinate_decimals",
)

# --- Projects --------------------------------------------------------------


def projects_for(user: Any) -> QuerySet[Project]:
    """The projects ``user`` may open: on the team, or administering the organisation."""
    projects = Project.objects.visible().select_related("organisation")
    if not user.is_authenticated:
        return projects.none()
    if user.is_superuser:
        return projects
    administered = Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE, role=Membership.Role.ADMIN
    ).values("organisation")
    return projects.filter(Q(team__user=user) | Q(organisation__in=administered)).distinct()


def organisations_administered(user: Any) -> QuerySet[Organisation]:
    """Organisations ``user`` may create a project for."""
    return Organisation.objects.visible().filter(
        memberships__user=user,
        memberships__status=Membership.Status.ACTIVE,
        memberships__role=Membership.Role.ADMIN,
    )


def _check_project(values: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    if not (values.get("title") or "").strip():
        errors["title"] = [_("Give the project a title.")]
    size = values.get("min_group_size")
    floor = max(SMALLEST_GROUP, disclosure_threshold())  # the operator may set a higher floor
    if size is None or size < floor:
        errors["min_group_size"] = [
            _("The smallest group published is never below %(n)s.") % {"n": floor}
        ]
    starts_on, ends_on = values.get("starts_on"), values.get("ends_on")
    if isinstance(starts_on, date) and isinstance(ends_on, date) and ends_on < starts_on:
        errors["ends_on"] = [_("The period cannot end before it starts.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_project(
    *, organisation: Organisation, values: dict[str, Any], countries: Any, acting_user: Any
) -> Project:
    """A new project of ``organisation``; its creator becomes its first coordinator."""
    if not acting_user.has_perm("monitoring.add_project", organisation):
        raise ValidationError(_("You cannot create a project for this organisation."))
    _check_project(values)
    project = Project.objects.create(
        organisation=organisation,
        created_by=acting_user,
        **{name: values[name] for name in PROJECT_FIELDS if name in values},
    )
    project.countries.set(countries)
    TeamMember.objects.create(project=project, user=acting_user, role=Role.COORDINATOR)
    log_action("monitoring.project_create", acting_user=acting_user, target=project)
    return project


@transaction.atomic
def update_project(
    project: Project, *, values: dict[str, Any], countries: Any, acting_user: Any
) -> Project:
    _check_project(values)
    for name in PROJECT_FIELDS:
        if name in values:
            setattr(project, name, values[name])
    project.updated_at = timezone.now()
    project.save()
    project.countries.set(countries)
    log_action("monitoring.project_update", acting_user=acting_user, target=project)
    return project


# --- Team ------------------------------------------------------------------


def _other_coordinators(member: TeamMember) -> bool:
    return (
        TeamMember.objects.filter(project_id=member.project_id, role=Role.COORDINATOR)
        .exclude(pk=member.pk)
        .exists()
    )


@transaction.atomic
def add_member(project: Project, *, email: str, role: str, acting_user: Any) -> TeamMember:
    """Put the person with this email address (an existing account) on the team."""
    if role not in Role.values:
        raise ValidationError({"role": [_("Choose one of the roles.")]})
    address = (email or "").strip()
    user = (
        get_user_model().objects.filter(email__iexact=address, is_active=True).first()
        if address
        else None
    )
    if user is None:
        raise ValidationError({"email": [_("Nobody has a Sauti account with this email address.")]})
    if TeamMember.objects.filter(project=project, user=user).exists():
        raise ValidationError({"email": [_("This person is already on the team.")]})
    member = TeamMember.objects.create(project=project, user=user, role=role)
    log_action(
        "monitoring.team_add",
        acting_user=acting_user,
        target=project,
        data={"member": member.pk, "role": role},
    )
    return member


@transaction.atomic
def change_role(member: TeamMember, *, role: str, acting_user: Any) -> TeamMember:
    if role not in Role.values:
        raise ValidationError(_("Choose one of the roles."))
    # Lock the team so two changes at once cannot leave it without a coordinator.
    list(TeamMember.objects.select_for_update().filter(project_id=member.project_id))
    member.refresh_from_db()
    if role == member.role:
        return member
    if member.role == Role.COORDINATOR and not _other_coordinators(member):
        raise ValidationError(_("A project keeps at least one coordinator."))
    before, member.role = member.role, role
    member.save(update_fields=["role"])
    if role not in (Role.COORDINATOR, Role.MONITOR):  # no longer collects: phones stop now
        member.tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    log_action(
        "monitoring.team_role",
        acting_user=acting_user,
        target=member.project,
        data={"member": member.pk, "from": before, "to": role},
    )
    return member


@transaction.atomic
def remove_member(member: TeamMember, *, acting_user: Any) -> None:
    """Take someone off the team; their collector tokens go with them."""
    list(TeamMember.objects.select_for_update().filter(project_id=member.project_id))
    member.refresh_from_db()
    if member.role == Role.COORDINATOR and not _other_coordinators(member):
        raise ValidationError(_("A project keeps at least one coordinator."))
    project = member.project
    data = {"member": member.pk, "user": member.user_id, "role": member.role}
    member.delete()
    log_action("monitoring.team_remove", acting_user=acting_user, target=project, data=data)


# --- Sites -----------------------------------------------------------------


@transaction.atomic
def save_site(site: Site, *, acting_user: Any) -> Site:
    """Create or update one site (already validated by its form)."""
    site.full_clean()
    creating = site.pk is None
    site.save()
    log_action(
        "monitoring.site_create" if creating else "monitoring.site_update",
        acting_user=acting_user,
        target=site.project,
        data={"site": site.pk},
    )
    return site


_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _import_folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "site_imports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


KEPT_UPLOAD_LIFETIME = timedelta(hours=24)


def forget_expired_uploads() -> None:
    """Delete kept uploads nobody confirmed or cancelled within a day (they hold people's data)."""
    limit = time.time() - KEPT_UPLOAD_LIFETIME.total_seconds()
    for path in _import_folder().iterdir():
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()


def keep_upload(upload: Any) -> str:
    """Keep a checked upload until it is confirmed; return the token naming it.

    Uploads left unconfirmed are deleted a day later, when the next one is kept.
    """
    forget_expired_uploads()
    token = secrets.token_urlsafe(32)
    upload.seek(0)
    with (_import_folder() / token).open("wb") as handle:
        for chunk in iter(lambda: upload.read(64 * 1024), b""):
            handle.write(chunk)
    return token


def kept_upload_path(token: str) -> Path | None:
    if not token or not _TOKEN.match(token):
        return None
    path = _import_folder() / token
    return path if path.is_file() else None


def forget_upload(token: str) -> None:
    path = kept_upload_path(token)
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def check_kept_upload(project: Project, token: str) -> site_import.SiteImport | None:
    """Check the kept file again (the project may have changed); None if it is gone."""
    path = kept_upload_path(token)
    if path is None:
        return None
    with path.open("rb") as handle:
        return site_import.check_sites(project, handle)


def import_kept_upload(
    project: Project, token: str, *, acting_user: Any
) -> tuple[site_import.SiteImport | None, tuple[int, int] | None]:
    """Check the kept file again and, if still clean, write it; the file is then forgotten."""
    checked = check_kept_upload(project, token)
    if checked is None or not checked.ok:
        return checked, None
    counts = site_import.write_sites(project, checked, acting_user=acting_user)
    forget_upload(token)
    return checked, counts


# --- Collector tokens ------------------------------------------------------


def collector_membership(project: Project, user: Any) -> TeamMember | None:
    """The user's place on the team if it lets them collect (coordinator or monitor)."""
    if not user.is_authenticated:
        return None
    return TeamMember.objects.filter(
        project=project, user=user, role__in=(Role.COORDINATOR, Role.MONITOR)
    ).first()


def tokens_shown_to(project: Project, user: Any) -> QuerySet[CollectorToken]:
    """Coordinators see every token of the project; a monitor sees their own."""
    tokens = CollectorToken.objects.filter(project=project).select_related("member__user")
    if coordinates(user, project):
        return tokens
    return tokens.filter(member__user=user)


@transaction.atomic
def create_token(project: Project, *, label: str, acting_user: Any) -> CollectorToken:
    member = collector_membership(project, acting_user)
    if member is None:
        raise ValidationError(_("Only the project's coordinators and monitors collect."))
    token = CollectorToken.objects.create(
        project=project, member=member, label=(label or "").strip()[:100]
    )
    log_action(
        "monitoring.token_create",
        acting_user=acting_user,
        target=project,
        data={"token": token.pk},
    )
    return token


def may_revoke(token: CollectorToken, user: Any) -> bool:
    return token.member.user_id == getattr(user, "pk", None) or coordinates(user, token.project)


@transaction.atomic
def revoke_token(token: CollectorToken, *, acting_user: Any) -> CollectorToken:
    if not may_revoke(token, acting_user):
        raise ValidationError(_("You cannot revoke this token."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log_action(
            "monitoring.token_revoke",
            acting_user=acting_user,
            target=token.project,
            data={"token": token.pk},
        )
    return token
