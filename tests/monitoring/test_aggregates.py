"""Pre-aggregated indicator cells are never stale: whatever happens to submissions, the
cells equal a computation from scratch, and the dashboard figures follow at once."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sauti.core.models import Country
from sauti.monitoring import aggregates, indicators, services_review
from sauti.monitoring.models import (
    Form,
    FormVersion,
    Indicator,
    IndicatorCell,
    Project,
    Site,
    Submission,
    quarter_start,
)

from .test_review import make

pytestmark = pytest.mark.django_db

APPROVED = Submission.Status.APPROVED


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch", min_group_size=5)


@pytest.fixture
def version(project):
    form = Form.objects.create(project=project, form_id="exit", title="Exit interview")
    return FormVersion.objects.create(
        form=form, version="1", xml="<x/>", md5="md5:0", validation="passed"
    )


@pytest.fixture
def sites(project):
    country = Country.objects.first() or Country.objects.create(code="KE", name="Kenya")
    return [
        Site.objects.create(project=project, name="Alpha", area="North", country=country),
        Site.objects.create(project=project, name="Beta", area="South", country=country),
    ]


@pytest.fixture
def share(project, version):
    indicator = Indicator.objects.create(
        project=project, form=version.form, title="Paid", kind="share", field="paid", value="yes"
    )
    aggregates.rebuild_indicator(indicator)
    return indicator


def cells(indicator):
    return {
        (c.site_key, c.quarter): (c.n, c.hits, c.total)
        for c in IndicatorCell.objects.filter(indicator=indicator)
    }


def from_scratch(indicator):
    aggregates.rebuild_indicator(indicator)
    return cells(indicator)


def total_share(indicator):
    return indicators.compute(indicator, k=5).total.value


def test_approving_one_submission_updates_the_figures_at_once(version, sites, share):
    pending = [make(version, site=sites[0], data={"paid": "yes"}) for _ in range(5)]
    for submission in pending[:4]:
        submission.status = APPROVED
        submission.save()
    make(version, site=sites[0], status=APPROVED, data={"paid": "no"})
    assert indicators.compute(share, k=5).total.value == Fraction(4, 5)

    services_review.review(pending[4], action="approve", acting_user=None)

    assert indicators.compute(share, k=5).total.value == Fraction(5, 6)


def test_rejecting_removes_the_answer_from_the_figures(version, sites, share):
    subs = [make(version, site=sites[0], status=APPROVED, data={"paid": "yes"}) for _ in range(6)]
    services_review.review(subs[0], action="reject", note="Duplicate visit", acting_user=None)
    assert indicators.compute(share, k=5).total.count == 5


def test_bulk_approval_through_update_is_counted(project, version, sites, share):
    subs = [make(version, site=sites[1], data={"paid": "no"}) for _ in range(7)]
    services_review.approve_many(project, [s.pk for s in subs], acting_user=None)
    assert cells(share) == from_scratch(share)
    assert indicators.compute(share, k=5).total.count == 7


def test_an_edit_replaces_the_submission_it_edits(version, sites, share):
    old = make(version, site=sites[0], status=APPROVED, data={"paid": "yes"})
    new = make(version, site=sites[0], status=APPROVED, data={"paid": "no"}, replaces=old)
    old.is_current = False
    old.save(update_fields=["is_current"])
    assert cells(share) == from_scratch(share)
    (cell,) = IndicatorCell.objects.filter(indicator=share)
    assert (cell.n, cell.hits) == (1, 0)
    new.delete()
    assert cells(share) == from_scratch(share) == {}


def test_removing_a_site_moves_its_answers_to_no_site(version, sites, share):
    for _ in range(3):
        make(version, site=sites[0], status=APPROVED, data={"paid": "yes"})
    sites[0].delete()
    assert set(cells(share)) == {(aggregates.NO_SITE, quarter_start(timezone.localdate()))}


def test_an_indicator_created_in_the_admin_is_built_on_first_read(project, version, sites):
    for _ in range(5):
        make(version, site=sites[0], status=APPROVED, data={"paid": "yes"})
    indicator = Indicator.objects.create(
        project=project, form=version.form, title="All", kind="count"
    )
    assert indicators.compute(indicator, k=5).total.value == 5


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["create", "approve", "reject", "edit", "delete", "move"]),
        st.integers(min_value=0, max_value=30),
        st.sampled_from(["yes", "no", "", "7"]),
        st.sampled_from([dt.date(2025, 1, 5), dt.date(2025, 5, 9), None]),
    ),
    max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(operations=OPERATIONS)
def test_cells_always_equal_a_computation_from_scratch(operations, version, sites, share):
    """Whatever sequence of saves and deletes, the kept cells are the exact ones."""
    Submission.objects.all().delete()
    aggregates.rebuild_indicator(share)
    mean = Indicator.objects.create(
        project=share.project, form=share.form, title="Wait", kind="mean", field="paid"
    )
    aggregates.rebuild_indicator(mean)
    alive: list[Submission] = []
    for action, index, answer, day in operations:
        if action == "create" or not alive:
            alive.append(
                make(version, site=sites[index % 2], data={"paid": answer}, collected_on=day)
            )
            continue
        submission = alive[index % len(alive)]
        submission.refresh_from_db()
        if action == "approve":
            submission.status = APPROVED
            submission.save(update_fields=["status"])
        elif action == "reject":
            submission.status = Submission.Status.REJECTED
            submission.save()
        elif action == "edit" and submission.is_current:
            edit = make(
                version,
                site=submission.site,
                status=submission.status,
                data={"paid": answer},
                collected_on=day,
                replaces=submission,
            )
            submission.is_current = False
            submission.save(update_fields=["is_current"])
            alive.append(edit)
        elif action == "delete":
            Submission.objects.filter(pk=submission.pk).first().delete()
            alive.remove(submission)
        elif action == "move":
            submission.site = sites[(index + 1) % 2]
            submission.save()
    for indicator in (share, mean):
        assert cells(indicator) == from_scratch(indicator)
    mean.delete()


def test_a_large_form_builds_the_cells_in_the_worker_and_says_so_meanwhile(
    project, version, sites, settings, monkeypatch
):
    """Saving an indicator never holds the request for a million answers."""
    from django.urls import reverse

    from sauti.monitoring import panels, services_indicators, tasks
    from tests.conftest import client_for

    from .factories import on_team

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    monkeypatch.setattr(aggregates, "SYNC_REBUILD_LIMIT", 3)
    for _ in range(5):
        make(version, site=sites[0], status=APPROVED, data={"paid": "yes"})
    indicator = Indicator(
        project=project, form=version.form, title="Paid", kind="share", field="paid", value="yes"
    )
    services_indicators.save_indicator(indicator, acting_user=None)

    result = indicators.compute(indicator, k=5)
    assert result.pending and result.groups == ()
    page = client_for(on_team(project, "viewer")).get(
        reverse("monitoring:project_dashboard", args=[project.pk])
    )
    assert "These figures are being computed" in page.content.decode()
    assert "being computed" in panels.panel(result).total_text

    tasks.rebuild_indicator_cells.call(indicator_id=indicator.pk)  # what the worker runs
    indicator.refresh_from_db()
    result = indicators.compute(indicator, k=5)
    assert not result.pending and result.total.value == 1
