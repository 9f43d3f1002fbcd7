"""Monitoring tests work with small groups (k = 5), so the operator's floor is set to 5.

The platform's default threshold is 10 and a project's ``k`` never goes under the
operator's (``Project.k``); tests that check that rule set the setting themselves.
"""

import pytest

from sauti.monitoring.models import TeamMember

from .factories import on_team


@pytest.fixture(autouse=True)
def operator_threshold_of_five(settings):
    settings.SAUTI_DISCLOSURE_THRESHOLD = 5


# One person per role on the test module's ``project`` (each module defines its own).
@pytest.fixture
def coordinator(project):
    return on_team(project, TeamMember.Role.COORDINATOR)


@pytest.fixture
def analyst(project):
    return on_team(project, TeamMember.Role.ANALYST)


@pytest.fixture
def monitor(project):
    return on_team(project, TeamMember.Role.MONITOR)


@pytest.fixture
def viewer(project):
    return on_team(project, TeamMember.Role.VIEWER)
