"""Who may write key messages, declared once (imported by ``CampaignsConfig.ready``).

Reading the library is open to everyone. A national message, or an adaptation of
any message, speaks for a coalition: its editors and administrators write it, as
they write the coalition's shadow reports. Site administrators pass every rule.
"""

from __future__ import annotations

import rules

from sauti.reports.rules import edits_for_a_coalition, edits_for_the_coalition, is_coalition

# No object: may the user write for at least one coalition (shows "Add", opens the form)?
rules.add_perm("campaigns.write_keymessage", edits_for_a_coalition)
# The object is the coalition the message is written for.
rules.add_perm("campaigns.add_keymessage", is_coalition & edits_for_the_coalition)
