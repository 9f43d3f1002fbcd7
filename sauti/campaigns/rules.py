"""Who may do what with campaigns and their signatures.

A campaign speaks for a coalition (an organisation of kind "network"): its
editors and administrators write it, open and close it, export its signatories
and remove or release signatures; moderators may do the same everywhere (they
clean up abuse). A draft is the coalition's: its members and moderators read
it, nobody else learns that it exists. An organisation registered on Sauti
approves signatures in its name through one of its administrators. Site
administrators pass every rule.
"""

from __future__ import annotations

import rules

from sauti.accounts.rules import is_moderator, is_org_admin
from sauti.reports.rules import (
    belongs_to_the_coalition,
    coalition_of,
    edits_for_a_coalition,
    edits_for_the_coalition,
)
from sauti.reports.rules import is_coalition as reports_is_coalition


@rules.predicate
def is_coalition(user, obj) -> bool:
    """A visible network: a hidden coalition starts no campaign (reports' rule, plus hiding)."""
    return reports_is_coalition(user, obj) and not coalition_of(obj).is_hidden


@rules.predicate
def is_public(user, campaign) -> bool:
    return (
        campaign is not None
        and not campaign.is_hidden
        and not campaign.coalition.is_hidden
        and campaign.state != "draft"
    )


@rules.predicate
def administers_the_signing_organisation(user, signature) -> bool:
    return signature is not None and is_org_admin(user, signature.organisation)


organises = edits_for_the_coalition | is_moderator

# ``obj`` is the coalition for "add", the campaign for the others (signature rules
# included: organisers act on the signatures of their own campaigns).
rules.add_perm("campaigns.start_campaign", edits_for_a_coalition)
rules.add_perm("campaigns.add_campaign", is_coalition & edits_for_the_coalition)
rules.add_perm("campaigns.view_campaign", is_public | belongs_to_the_coalition | is_moderator)
rules.add_perm("campaigns.change_campaign", organises)
rules.add_perm("campaigns.open_campaign", organises)
rules.add_perm("campaigns.close_campaign", organises)
rules.add_perm("campaigns.export_signatures", organises)
rules.add_perm("campaigns.remove_signature", organises)
rules.add_perm("campaigns.release_signature", organises)
# ``obj`` is the signature: only the signing organisation's administrators answer for it.
rules.add_perm(
    "campaigns.approve_signature", administers_the_signing_organisation | rules.is_superuser
)
# Sending the letter, recording that it went by hand, recording the response.
rules.add_perm("campaigns.send_campaign", organises)
rules.add_perm("campaigns.record_response", organises)
# Linking the campaign to a moment of the advocacy calendar.
rules.add_perm("campaigns.link_opportunity", organises)
