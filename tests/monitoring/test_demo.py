"""The monitoring demo: loaded twice it changes nothing, and it shows what the app does."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.management import call_command

from sauti.monitoring.models import (
    BarrierReport,
    Indicator,
    IndicatorCell,
    Project,
    PublicText,
    Site,
    Submission,
    TeamMember,
)

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Project,
            TeamMember,
            Site,
            Submission,
            Indicator,
            IndicatorCell,
            BarrierReport,
            PublicText,
        )
    }


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_monitoring_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Project.objects.get(is_demo=True)


def test_running_twice_changes_nothing(demo):
    before = counts()
    call_command("load_monitoring_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
    assert Project.objects.filter(is_demo=True).count() == 1


def test_everything_is_marked_demo(demo):
    assert "(demo)" in demo.title
    assert demo.is_published
    assert all("(demo)" in name for name in demo.sites.values_list("name", flat=True))
    assert demo.barriers.count() == 6
    assert not demo.barriers.filter(is_demo=False).exists()
    assert set(demo.countries.values_list("code", flat=True)) == {"KE", "MW"}
    assert set(demo.team.values_list("role", flat=True)) == {"coordinator", "monitor", "analyst"}


def test_approved_submissions_span_eight_quarters(demo):
    submissions = demo.submissions.all()
    assert 1200 <= submissions.count() <= 1800
    approved = submissions.filter(status=Submission.Status.APPROVED)
    assert approved.count() > 0.8 * submissions.count()
    assert submissions.filter(status=Submission.Status.NEW).exists()
    assert submissions.filter(status=Submission.Status.FLAGGED).exists()
    quarters = set(approved.values_list("quarter", flat=True))
    assert len(quarters) == 8
    assert min(quarters).isoformat() == "2024-01-01"
    assert max(quarters).isoformat() == "2025-10-01"


def test_some_sites_are_small_enough_to_be_suppressed(demo):
    per_cell = Counter(
        demo.submissions.filter(status=Submission.Status.APPROVED).values_list("site_id", "quarter")
    )
    assert any(n < demo.min_group_size for n in per_cell.values())


def test_public_indicators_are_built_and_show_on_the_dashboard(demo):
    indicators = demo.indicators.all()
    assert indicators.count() == 4
    assert all(i.is_public and i.target is not None for i in indicators)
    assert all(i.cells.exists() for i in indicators)
    assert PublicText.objects.filter(project=demo).count() == 2
    assert demo.barriers.filter(outcome_public=True).exclude(outcome="").count() == 1


def test_the_demo_project_is_on_the_monitoring_home(demo, client):
    html = client.get("/en/monitoring/").content.decode()
    assert demo.title in html
