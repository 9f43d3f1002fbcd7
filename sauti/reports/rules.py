"""Who may do what with shadow reports.

A report speaks for a coalition: its editors and administrators write and
generate it. Until it is public, a report and its files are the coalition's
(any member reads them, nobody else learns that it exists). Making it public
speaks in the coalition's name to everyone, so it takes an administrator, as
publishing a consolidated assessment does. Site administrators pass every rule.
"""

from __future__ import annotations

import rules

from sauti.accounts.models import Membership, Organisation
from sauti.accounts.rules import is_org_admin, is_org_editor, is_org_member


def coalition_of(obj: object) -> Organisation | None:
    if isinstance(obj, Organisation):
        return obj
    return getattr(obj, "coalition", None)


@rules.predicate
def is_coalition(user, obj) -> bool:
    coalition = coalition_of(obj)
    return coalition is not None and coalition.kind == Organisation.Kind.NETWORK


@rules.predicate
def edits_for_the_coalition(user, obj) -> bool:
    return is_org_editor(user, coalition_of(obj))


@rules.predicate
def administers_the_coalition(user, obj) -> bool:
    return is_org_admin(user, coalition_of(obj))


@rules.predicate
def belongs_to_the_coalition(user, obj) -> bool:
    return is_org_member(user, coalition_of(obj))


@rules.predicate
def is_published(user, report) -> bool:
    return report is not None and report.is_published


@rules.predicate
def edits_for_a_coalition(user) -> bool:
    """An editor or administrator of at least one visible coalition (may start a report)."""
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user,
            status=Membership.Status.ACTIVE,
            role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN],
            organisation__kind=Organisation.Kind.NETWORK,
            organisation__hidden_at__isnull=True,
        ).exists()
    )


# ``obj`` is the coalition for "add", the report for the others.
rules.add_perm("reports.start_report", edits_for_a_coalition)
rules.add_perm("reports.add_shadowreport", is_coalition & edits_for_the_coalition)
rules.add_perm("reports.view_shadowreport", is_published | belongs_to_the_coalition)
rules.add_perm("reports.change_shadowreport", edits_for_the_coalition)
rules.add_perm("reports.publish_shadowreport", administers_the_coalition)
