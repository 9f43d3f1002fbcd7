"""Who may write key messages, declared once (imported by ``CampaignsConfig.ready``).

Reading the library is open to everyone. A national message, or an adaptation of
any message, speaks for a coalition: its editors and administrators write it, as
they write the coalition's shadow reports. Site administrators pass every rule.
"""

from __future__ import annotations

import rules

from sauti.accounts.rules import is_org_editor
from sauti.reports.rules import edits_for_a_coalition, edits_for_the_coalition, is_coalition

# No object: may the user write for at least one coalition (shows "Add", opens the form)?
rules.add_perm("campaigns.write_keymessage", edits_for_a_coalition)
# The object is the coalition the message is written for.
rules.add_perm("campaigns.add_keymessage", is_coalition & edits_for_the_coalition)
# Letter templates of a coalition: "write" shows the button; "add" takes the coalition;
# "change" takes the template (its coalition's editors; built-in ones only site admins).
rules.add_perm("campaigns.write_lettertemplate", edits_for_a_coalition)
rules.add_perm("campaigns.add_lettertemplate", is_coalition & edits_for_the_coalition)


@rules.predicate
def edits_for_the_template_coalition(user, template) -> bool:
    """Built-in templates (no organisation) change only through site administrators."""
    return template is not None and is_org_editor(user, template.organisation)


rules.add_perm("campaigns.change_lettertemplate", edits_for_the_template_coalition)
