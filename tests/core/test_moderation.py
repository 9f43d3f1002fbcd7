"""Reporting content, and what moderators do with reports (hide, dismiss, audit log)."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client
from django.urls import reverse

from sauti.accounts.models import Organisation
from sauti.core.models import AbuseReport, AuditLogEntry

from ..conftest import client_for


def report_url(organisation):
    return reverse("core:report", args=["organisation", organisation.pk])


def test_anonymous_report_keeps_no_trace_of_the_reporter(organisation):
    response = Client().post(
        report_url(organisation),
        {"reason": "false", "details": "This group does not exist.", "website": ""},
        follow=True,
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Reporter Browser 1.0",
    )
    assert response.redirect_chain == [(organisation.get_absolute_url(), 302)]
    assert "Thank you. A moderator will look at your report." in response.content.decode()
    report = AbuseReport.objects.get()
    assert report.content == organisation
    assert (report.reason, report.details, report.status) == (
        "false",
        "This group does not exist.",
        AbuseReport.Status.OPEN,
    )
    assert report.reporter is None
    # No field of the report holds the address or the browser.
    stored = [str(getattr(report, f.attname)) for f in AbuseReport._meta.concrete_fields]
    assert not any("203.0.113.9" in value or "Reporter Browser" in value for value in stored)
    entry = AuditLogEntry.objects.get(action="moderation.report")
    assert entry.actor is None
    assert entry.target == organisation


def test_signed_in_report_records_the_reporter(organisation, outsider):
    client_for(outsider).post(report_url(organisation), {"reason": "spam", "details": ""})
    assert AbuseReport.objects.get().reporter == outsider


def test_report_form_explains_what_is_kept(organisation):
    html = Client().get(report_url(organisation)).content.decode()
    assert "Your report does not record your IP address" in html
    assert "Kisumu Health Rights Forum" in html


def test_moderators_are_told_of_a_new_report(
    organisation, moderator, site_admin, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(report_url(organisation), {"reason": "spam", "details": ""})
    assert sorted(m.to[0] for m in mail.outbox) == sorted([moderator.email, site_admin.email])
    for message in mail.outbox:
        assert "http://127.0.0.1:8000/en/moderation/" in message.body


def test_honeypot_stores_nothing_but_thanks_all_the_same(organisation):
    response = Client().post(
        report_url(organisation),
        {"reason": "spam", "details": "buy now", "website": "http://spam.example"},
        follow=True,
    )
    assert "Thank you. A moderator will look at your report." in response.content.decode()
    assert not AbuseReport.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": "", "details": ""}, "This field is required."),
        ({"reason": "ugly", "details": ""}, "Select a valid choice. ugly is not one of"),
        ({"reason": "other", "details": "x" * 2001}, "at most 2000 characters"),
    ],
)
def test_invalid_report_shows_the_form_again(organisation, data, message):
    response = Client().post(report_url(organisation), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AbuseReport.objects.exists()


@pytest.fixture
def report(organisation):
    return AbuseReport.objects.create(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(organisation.pk),
        reason=AbuseReport.Reason.ENDANGERS,
        details="It names a member who is at risk.",
    )


def decide(user, report, action, reason="Names a person at risk"):
    return client_for(user).post(
        reverse("core:moderation_decide", args=[report.pk]),
        {"action": action, "reason": reason},
        follow=True,
    )


def test_queue_shows_open_reports(moderator, report):
    html = client_for(moderator).get(reverse("core:moderation")).content.decode()
    assert "It names a member who is at risk." in html
    assert "Kisumu Health Rights Forum" in html


def test_hide_takes_the_content_off_the_public_site(moderator, organisation, report):
    second = AbuseReport.objects.create(
        content_type=report.content_type, object_id=report.object_id, reason="spam"
    )
    response = decide(moderator, report, "hide")
    assert "The content is hidden." in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.is_hidden
    assert organisation.hidden_reason == "Names a person at risk"
    # Every open report on the same content is closed with it.
    for r in (report, second):
        r.refresh_from_db()
        assert (r.status, r.resolved_by) == (AbuseReport.Status.HIDDEN, moderator)
    assert Client().get(organisation.get_absolute_url()).status_code == 404
    assert Client().get(f"/api/v1/organisations/{organisation.slug}").status_code == 404
    entry = AuditLogEntry.objects.get(action="moderation.hide")
    assert (entry.actor, entry.reason, entry.target) == (
        moderator,
        "Names a person at risk",
        organisation,
    )


def test_dismiss_leaves_the_content_public(moderator, organisation, report):
    response = decide(moderator, report, "dismiss", reason="Checked with the organisation")
    assert "Report dismissed." in response.content.decode()
    report.refresh_from_db()
    assert (report.status, report.resolution_note) == (
        AbuseReport.Status.DISMISSED,
        "Checked with the organisation",
    )
    assert Client().get(organisation.get_absolute_url()).status_code == 200
    entry = AuditLogEntry.objects.get(action="moderation.dismiss")
    assert (entry.actor, entry.reason) == (moderator, "Checked with the organisation")
    dismissed = client_for(moderator).get(reverse("core:moderation"), {"status": "dismissed"})
    assert "Checked with the organisation" in dismissed.content.decode()


def test_a_decision_needs_a_reason(moderator, organisation, report):
    response = decide(moderator, report, "hide", reason="   ")
    assert "Give a reason: it is recorded in the audit log." in response.content.decode()
    report.refresh_from_db()
    organisation.refresh_from_db()
    assert report.status == AbuseReport.Status.OPEN
    assert not organisation.is_hidden
    assert not AuditLogEntry.objects.filter(action__startswith="moderation.").exists()


def test_unknown_action_changes_nothing(moderator, report):
    response = decide(moderator, report, "delete")
    assert "That action is not possible." in response.content.decode()
    report.refresh_from_db()
    assert report.status == AbuseReport.Status.OPEN


def test_unknown_status_filter_falls_back_to_open(moderator, report):
    response = client_for(moderator).get(reverse("core:moderation"), {"status": "<b>x"})
    assert response.status_code == 200
    assert "It names a member who is at risk." in response.content.decode()


def test_audit_log_lists_who_did_what_and_why(site_admin, moderator, report):
    decide(moderator, report, "hide")
    html = client_for(site_admin).get(reverse("core:audit_log")).content.decode()
    assert "moderation.hide" in html
    assert "Names a person at risk" in html
    assert moderator.display_name in html
    filtered = client_for(site_admin).get(reverse("core:audit_log"), {"action": "organisation."})
    assert "moderation.hide" not in filtered.content.decode()


def test_audit_log_survives_odd_input(site_admin):
    for params in ({"page": "abc"}, {"page": "99999"}, {"action": "x" * 500}):
        assert client_for(site_admin).get(reverse("core:audit_log"), params).status_code == 200


def test_restore_makes_hidden_content_public_again(moderator, organisation, report):
    decide(moderator, report, "hide")
    assert Client().get(organisation.get_absolute_url()).status_code == 404
    response = decide(moderator, report, "restore", reason="The organisation fixed its page")
    assert "The content is public again." in response.content.decode()
    assert Client().get(organisation.get_absolute_url()).status_code == 200
    report.refresh_from_db()
    assert report.status == AbuseReport.Status.RESTORED
    entry = AuditLogEntry.objects.get(action="moderation.restore")
    assert (entry.actor, entry.reason) == (moderator, "The organisation fixed its page")
