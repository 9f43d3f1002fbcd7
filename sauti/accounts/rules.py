"""Who may do what with accounts and organisations, declared once.

Roles, from least to most: anonymous, signed-in user, organisation member,
editor, organisation administrator, site moderator, site administrator.
"""

from __future__ import annotations

import rules

from .models import MODERATORS_GROUP, Membership, Organisation


def _role_at_least(user, organisation: Organisation | None, roles: set[str]) -> bool:
    if organisation is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, organisation=organisation, status=Membership.Status.ACTIVE, role__in=roles
    ).exists()


@rules.predicate
def is_org_member(user, organisation: Organisation | None) -> bool:
    return _role_at_least(user, organisation, {"member", "editor", "admin"})


@rules.predicate
def is_org_editor(user, organisation: Organisation | None) -> bool:
    return _role_at_least(user, organisation, {"editor", "admin"})


@rules.predicate
def is_org_admin(user, organisation: Organisation | None) -> bool:
    return _role_at_least(user, organisation, {"admin"})


@rules.predicate
def is_visible(user, organisation: Organisation | None) -> bool:
    return organisation is not None and not organisation.is_hidden


is_moderator = rules.is_group_member(MODERATORS_GROUP) | rules.is_superuser
is_site_admin = rules.is_superuser

rules.add_perm("accounts.view_organisation", is_visible | is_org_member | is_moderator)
rules.add_perm("accounts.add_organisation", rules.is_authenticated)
rules.add_perm("accounts.change_organisation", is_org_editor | is_site_admin)
rules.add_perm("accounts.manage_members", is_org_admin | is_site_admin)
rules.add_perm("accounts.request_membership", rules.is_authenticated & is_visible)
rules.add_perm("core.moderate", is_moderator)
rules.add_perm("core.view_auditlog", is_site_admin)
