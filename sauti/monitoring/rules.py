"""Who may do what in a monitoring project.

A project belongs to an organisation: its administrators (and site
administrators) create projects for it and manage the team. Inside a project,
roles decide: coordinators run it (sites, forms, tokens, review, publish),
monitors collect (their own tokens, the web form), analysts read submissions
and define indicators, viewers read the private dashboards. Moderators clean up
abuse on public parts (barrier reports' public outcomes) but do not read
submissions: collected data stays with the team.
"""

from __future__ import annotations

import rules

from sauti.accounts.rules import is_org_admin

from .models import Project, TeamMember


def _project(obj: object) -> Project | None:
    if isinstance(obj, Project):
        return obj
    return getattr(obj, "project", None)


def _has_role(user, obj, roles: tuple[str, ...]) -> bool:
    project = _project(obj)
    if project is None or not user.is_authenticated:
        return False
    return TeamMember.objects.filter(project=project, user=user, role__in=roles).exists()


@rules.predicate
def administers_the_organisation(user, obj) -> bool:
    project = _project(obj)
    organisation = project.organisation if project is not None else obj
    return is_org_admin(user, organisation)


@rules.predicate
def coordinates(user, obj) -> bool:
    return _has_role(user, obj, (TeamMember.Role.COORDINATOR,))


@rules.predicate
def collects(user, obj) -> bool:
    return _has_role(user, obj, (TeamMember.Role.COORDINATOR, TeamMember.Role.MONITOR))


@rules.predicate
def analyses(user, obj) -> bool:
    return _has_role(user, obj, (TeamMember.Role.COORDINATOR, TeamMember.Role.ANALYST))


@rules.predicate
def on_the_team(user, obj) -> bool:
    return _has_role(user, obj, tuple(TeamMember.Role.values))


runs = coordinates | administers_the_organisation

# ``obj`` is the organisation for "add", the project (or an object of it) otherwise.
rules.add_perm("monitoring.add_project", administers_the_organisation)
rules.add_perm("monitoring.view_project", on_the_team | administers_the_organisation)
rules.add_perm("monitoring.change_project", runs)
rules.add_perm("monitoring.manage_team", runs)
rules.add_perm("monitoring.manage_sites", runs)
rules.add_perm("monitoring.manage_forms", runs)
rules.add_perm("monitoring.collect", collects)
rules.add_perm("monitoring.review_submissions", coordinates)
rules.add_perm("monitoring.view_submissions", coordinates | on_the_team & analyses)
rules.add_perm("monitoring.export_submissions", coordinates | analyses)
rules.add_perm("monitoring.define_indicators", coordinates | analyses)
rules.add_perm("monitoring.publish", runs)
rules.add_perm("monitoring.triage_barriers", runs)
