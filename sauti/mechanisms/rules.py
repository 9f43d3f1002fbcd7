"""Who may do what with mechanisms, assessments and case studies.

Any active member of an organisation may record and edit mechanisms (the
mapping is a shared, versioned record, like a wiki); assessing is done on
behalf of an organisation its assessor belongs to; moderators verify and
delete.
"""

from __future__ import annotations

import rules

from sauti.accounts.models import Membership
from sauti.accounts.rules import is_moderator


@rules.predicate
def belongs_to_an_organisation(user) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).exists()
    )


@rules.predicate
def is_visible(user, mechanism) -> bool:
    return mechanism is None or not mechanism.is_hidden


rules.add_perm("mechanisms.view_mechanism", is_visible | is_moderator)
rules.add_perm("mechanisms.add_mechanism", belongs_to_an_organisation | is_moderator)
rules.add_perm(
    "mechanisms.change_mechanism", (belongs_to_an_organisation & is_visible) | is_moderator
)
rules.add_perm("mechanisms.assess_mechanism", belongs_to_an_organisation & is_visible)
rules.add_perm("mechanisms.verify_mechanism", is_moderator)
rules.add_perm("mechanisms.delete_mechanism", is_moderator)
rules.add_perm("mechanisms.import_mechanisms", belongs_to_an_organisation | is_moderator)
