"""Monitoring tests work with small groups (k = 5), so the operator's floor is set to 5.

The platform's default threshold is 10 and a project's ``k`` never goes under the
operator's (``Project.k``); tests that check that rule set the setting themselves.
"""

import pytest


@pytest.fixture(autouse=True)
def operator_threshold_of_five(settings):
    settings.SAUTI_DISCLOSURE_THRESHOLD = 5
