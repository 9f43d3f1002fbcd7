"""Who may do what on the calendar.

Any active member of an organisation proposes opportunities and says how their
organisation will engage; a proposal is public once a moderator publishes it.
The proposer may edit and cancel their own; moderators everything.
"""

from __future__ import annotations

import rules

from sauti.accounts.models import Membership
from sauti.accounts.rules import is_moderator


@rules.predicate
def belongs_to_an_organisation(user) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, status=Membership.Status.ACTIVE, organisation__hidden_at__isnull=True
        ).exists()
    )


@rules.predicate
def is_public(user, opportunity) -> bool:
    return (
        opportunity is not None
        and not opportunity.is_hidden
        and opportunity.state
        in (
            "published",
            "cancelled",
        )
    )


@rules.predicate
def is_proposer(user, opportunity) -> bool:
    return (
        opportunity is not None
        and user.is_authenticated
        and opportunity.created_by_id == user.pk
        and not opportunity.is_hidden
    )


@rules.predicate
def is_open(user, opportunity) -> bool:
    return opportunity is not None and opportunity.state == "published"


rules.add_perm("opportunities.view_opportunity", is_public | is_proposer | is_moderator)
rules.add_perm("opportunities.add_opportunity", belongs_to_an_organisation | is_moderator)
rules.add_perm(
    "opportunities.change_opportunity", (is_proposer & belongs_to_an_organisation) | is_moderator
)
rules.add_perm("opportunities.cancel_opportunity", is_proposer | is_moderator)
rules.add_perm("opportunities.moderate_opportunity", is_moderator)
rules.add_perm("opportunities.engage_opportunity", belongs_to_an_organisation & is_open)
rules.add_perm("opportunities.see_member_engagements", belongs_to_an_organisation | is_moderator)
