"""Who may do what on the calendar.

Any active member of an organisation proposes opportunities and says how their
organisation will engage; a proposal is public once a moderator publishes it.
The proposer may edit and cancel their own; moderators everything.
"""

from __future__ import annotations

import rules
from django.utils import timezone

from sauti.accounts.models import Membership
from sauti.accounts.rules import is_moderator, is_org_member


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
# Only a published moment is cancelled (a cancellation is public news); a pending or
# returned proposal is not made public by cancelling it.
rules.add_perm(
    "opportunities.cancel_opportunity",
    is_open & ((is_proposer & belongs_to_an_organisation) | is_moderator),
)
rules.add_perm("opportunities.moderate_opportunity", is_moderator)
rules.add_perm("opportunities.engage_opportunity", belongs_to_an_organisation & is_open)
rules.add_perm("opportunities.see_member_engagements", belongs_to_an_organisation | is_moderator)


def has_started(opportunity) -> bool:
    """Whether the moment has begun: an all-day one on its date (the same everywhere)."""
    if opportunity.all_day:
        return opportunity.start_date <= timezone.localdate()
    return opportunity.starts_at <= timezone.now()


# ``obj`` is an Engagement for the two rules below: an organisation speaks for itself,
# so only its own active members withdraw it or say what it did.
@rules.predicate
def speaks_for_the_organisation(user, engagement) -> bool:
    return engagement is not None and is_org_member(user, engagement.organisation)


@rules.predicate
def engagement_has_started(user, engagement) -> bool:
    return engagement is not None and has_started(engagement.opportunity)


@rules.predicate
def engagement_is_public(user, engagement) -> bool:
    return engagement is not None and is_public(user, engagement.opportunity)


# Once the moment has begun, an organisation records what it did rather than
# disappearing from the list: past moments keep their story.
rules.add_perm(
    "opportunities.withdraw_engagement", speaks_for_the_organisation & ~engagement_has_started
)
rules.add_perm(
    "opportunities.record_outcome",
    speaks_for_the_organisation & engagement_has_started & engagement_is_public,
)
# Reports are linked to public moments; each report is checked with
# ``reports.change_shadowreport`` (its coalition's editors).
rules.add_perm("opportunities.link_report", rules.is_authenticated & is_public)
