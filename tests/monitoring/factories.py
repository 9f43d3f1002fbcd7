"""Putting people on a monitoring project's team, for the tests."""

from sauti.monitoring.models import TeamMember
from tests.factories import UserFactory


def on_team(project, role):
    """A new user with ``role`` on ``project``'s team."""
    user = UserFactory(display_name=str(role).title())
    TeamMember.objects.create(project=project, user=user, role=role)
    return user
