"""Who may do what with country assessments, consolidated assessments and scorecards.

Recording a status speaks for an organisation, so it takes an editor or an
administrator of that organisation (a plain member reads and discusses).
A coalition's consolidated assessment is drafted by its editors and published
by its administrators, because publishing notifies every subscriber of the
country. Moderators may hide anything; site administrators manage the
framework and the cycles in the admin.
"""

from __future__ import annotations

import rules

from sauti.accounts.models import Membership, Organisation
from sauti.accounts.rules import is_moderator, is_org_admin, is_org_editor


@rules.predicate
def edits_for_the_organisation(user, obj) -> bool:
    """An editor or administrator of the organisation ``obj`` is, or belongs to."""
    organisation = obj if isinstance(obj, Organisation) else getattr(obj, "organisation", None)
    return is_org_editor(user, organisation)


def _edits_for_any(user, **organisation: object) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user,
            status=Membership.Status.ACTIVE,
            role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN],
            organisation__hidden_at__isnull=True,
            **{f"organisation__{key}": value for key, value in organisation.items()},
        ).exists()
    )


@rules.predicate
def edits_for_an_organisation(user) -> bool:
    """An editor or administrator of at least one organisation (the pages to record)."""
    return _edits_for_any(user)


@rules.predicate
def edits_for_a_coalition(user) -> bool:
    """An editor or administrator of at least one network or coalition."""
    return _edits_for_any(user, kind=Organisation.Kind.NETWORK)


@rules.predicate
def is_coalition(user, organisation) -> bool:
    return organisation is not None and organisation.kind == Organisation.Kind.NETWORK


@rules.predicate
def edits_for_the_coalition(user, consolidated) -> bool:
    return consolidated is not None and is_org_editor(user, consolidated.coalition)


@rules.predicate
def administers_the_coalition(user, consolidated) -> bool:
    return consolidated is not None and is_org_admin(user, consolidated.coalition)


@rules.predicate
def is_public(user, obj) -> bool:
    if obj is None:
        return True
    if getattr(obj, "is_hidden", False):
        return False
    # What a hidden organisation published is hidden with it.
    owner = getattr(obj, "organisation", None) or getattr(obj, "coalition", None)
    if owner is not None and owner.is_hidden:
        return False
    return getattr(obj, "is_published", True)


rules.add_perm("commitments.record_assessments", edits_for_an_organisation)
rules.add_perm("commitments.assess_country", edits_for_the_organisation)
rules.add_perm("commitments.change_countryassessment", edits_for_the_organisation)
rules.add_perm("commitments.view_consolidated", is_public | edits_for_the_coalition | is_moderator)
rules.add_perm("commitments.start_consolidated", edits_for_a_coalition)
rules.add_perm("commitments.consolidate_for", is_coalition & edits_for_the_organisation)
rules.add_perm("commitments.change_consolidated", edits_for_the_coalition)
rules.add_perm("commitments.publish_consolidated", administers_the_coalition)
rules.add_perm("commitments.view_scorecard", is_public | edits_for_the_organisation | is_moderator)
rules.add_perm("commitments.add_scorecard", edits_for_the_organisation)
rules.add_perm("commitments.change_scorecard", edits_for_the_organisation)
rules.add_perm("commitments.hide_content", is_moderator)
