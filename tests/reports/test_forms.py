"""Writing a report through its form: what is stored, what is refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sauti.core.models import AuditLogEntry, Country
from sauti.reports import services
from sauti.reports.models import ShadowReport

from ..conftest import client_for
from ..factories import OrganisationFactory
from .factories import ShadowReportFactory, case_study

pytestmark = pytest.mark.django_db


def _data(cycle, **changes):
    data = {
        "title": "Promises and practice",
        "country": "KE",
        "cycle": cycle.pk,
        "language": "fr",
        "foreword": "Why we wrote it.\n\nWho took part.",
        "recommendations": "Fund the councils.",
        "include_scorecards": "on",
    }
    return data | changes


def test_an_editor_writes_a_report(coalition, cycle, editor):
    study = case_study()
    response = client_for(editor).post(
        reverse("reports:create", args=[coalition.slug]),
        _data(cycle, case_studies=[study.pk]),
    )
    report = ShadowReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == report.get_absolute_url()
    assert (report.coalition, report.country_id, report.cycle) == (coalition, "KE", cycle)
    assert report.language == "fr"
    assert report.foreword == "Why we wrote it.\n\nWho took part."
    assert list(report.case_studies.all()) == [study]
    assert report.include_scorecards
    assert report.created_by == editor
    assert report.state == ShadowReport.State.NEW
    assert AuditLogEntry.objects.filter(action="reports.create", actor=editor).exists()


def test_markup_is_stripped_on_the_way_in(coalition, cycle, editor):
    client_for(editor).post(
        reverse("reports:create", args=[coalition.slug]),
        _data(
            cycle,
            title="<b>Bold</b> claims",
            recommendations="<script>alert(1)</script>Fund <i>the</i> councils.\n\nPublish.",
        ),
    )
    report = ShadowReport.objects.get()
    assert report.title == "Bold claims"
    assert report.recommendations == "Fund the councils.\n\nPublish."


def test_bad_input_gets_clear_errors(coalition, cycle, editor):
    response = client_for(editor).post(
        reverse("reports:create", args=[coalition.slug]),
        _data(cycle, title="<p></p>", country="XX", language="tlh") | {"cycle": "999999"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Give the report a title." in body
    assert body.count('class="error"') >= 4
    assert not ShadowReport.objects.exists()


def test_an_editor_changes_a_report(coalition, cycle, editor):
    report = ShadowReportFactory(coalition=coalition, cycle=cycle)
    response = client_for(editor).post(
        reverse("reports:edit", args=[report.pk]),
        _data(cycle, title="A new title", include_scorecards=""),
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.title == "A new title"
    assert not report.include_scorecards
    assert report.language == "fr"


def test_only_coalitions_write_shadow_reports(cycle, editor):
    with pytest.raises(ValidationError):
        services.create_report(
            coalition=OrganisationFactory(),
            country=Country.objects.get(pk="KE"),
            cycle=cycle,
            language="en",
            title="Not ours to write",
            acting_user=editor,
        )


def test_a_report_without_files_cannot_be_made_public(coalition, cycle, org_admin):
    report = ShadowReportFactory(coalition=coalition, cycle=cycle)
    response = client_for(org_admin).post(
        reverse("reports:publish", args=[report.pk]), {"public": "1"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert not report.is_public
