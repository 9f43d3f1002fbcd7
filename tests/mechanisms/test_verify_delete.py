"""Moderators mark records verified, and delete them with a reason kept in the audit log."""

from __future__ import annotations

import pytest
from django.urls import reverse
from reversion.models import Version

from sauti.core.models import AuditLogEntry
from sauti.mechanisms.models import Assessment, Mechanism, Source

from ..conftest import client_for
from .factories import AssessmentFactory, MechanismFactory, mechanism_form_data


@pytest.fixture
def mechanism(db):
    return MechanismFactory(name="Mombasa Health Facility Committee", sources=["Gazette notice"])


def verify(user, mechanism, value="yes", **kwargs):
    url = reverse("mechanisms:verify", args=[mechanism.pk])
    return client_for(user).post(url, {"verified": value}, **kwargs)


def delete(user, mechanism, reason="Duplicate of another record", **kwargs):
    url = reverse("mechanisms:delete", args=[mechanism.pk])
    return client_for(user).post(url, {"reason": reason}, **kwargs)


# --- Verify -------------------------------------------------------------------------


def test_moderator_marks_a_record_verified(moderator, mechanism):
    page = client_for(moderator).get(mechanism.get_absolute_url()).content.decode()
    assert "Mark as verified" in page
    assert "Not yet verified" in page

    response = verify(moderator, mechanism, follow=True)
    assert response.redirect_chain == [(mechanism.get_absolute_url(), 302)]
    page = response.content.decode()
    assert "Marked as verified." in page
    assert "Verified by a moderator" in page
    assert "Remove verification" in page

    mechanism.refresh_from_db()
    assert mechanism.is_verified
    assert mechanism.verified_by == moderator
    assert mechanism.verified_at is not None
    entry = AuditLogEntry.objects.get(action="mechanism.verify")
    assert entry.actor == moderator
    assert entry.target_id == str(mechanism.pk)


def test_moderator_takes_the_mark_back(moderator, site_admin, mechanism):
    verify(moderator, mechanism)
    response = verify(site_admin, mechanism, "no", follow=True)
    assert "Verification removed." in response.content.decode()
    mechanism.refresh_from_db()
    assert not mechanism.is_verified
    assert mechanism.verified_by is None
    assert mechanism.verified_at is None
    assert AuditLogEntry.objects.get(action="mechanism.unverify").actor == site_admin


@pytest.mark.parametrize("value", ["", "maybe", "YES", "true"])
def test_anything_but_yes_does_not_verify(moderator, mechanism, value):
    verify(moderator, mechanism, value)
    mechanism.refresh_from_db()
    assert not mechanism.is_verified


def test_verified_mark_shows_in_the_list(moderator, mechanism):
    verify(moderator, mechanism)
    page = client_for(None).get(reverse("mechanisms:list")).content.decode()
    assert "<strong>Verified</strong>" in page


def test_verifying_is_not_an_edit_of_the_record(moderator, mechanism):
    verify(moderator, mechanism)
    assert not Version.objects.get_for_object(mechanism).exists()


def test_an_edit_keeps_the_verified_mark_and_says_who_changed_it(
    moderator, member, organisation, mechanism
):
    verify(moderator, mechanism)
    url = reverse("mechanisms:edit", args=[mechanism.pk])
    data = mechanism_form_data(organisation, source_title="", source_url="")
    client_for(member).post(url, data)
    mechanism.refresh_from_db()
    assert mechanism.is_verified
    assert Version.objects.get_for_object(mechanism)[0].revision.user == member


def test_verifying_an_unknown_record_is_not_found(moderator):
    response = client_for(moderator).post("/en/mechanisms/999999/verify/", {"verified": "yes"})
    assert response.status_code == 404


# --- Delete -------------------------------------------------------------------------


def test_moderator_deletes_with_a_reason(moderator, mechanism):
    AssessmentFactory(mechanism=mechanism)
    pk = mechanism.pk
    response = delete(moderator, mechanism, "Invented <b>record</b>", follow=True)
    assert response.redirect_chain == [(reverse("mechanisms:list"), 302)]
    assert "The record was deleted." in response.content.decode()

    assert not Mechanism.objects.filter(pk=pk).exists()
    assert not Source.objects.exists()
    assert not Assessment.objects.exists()
    entry = AuditLogEntry.objects.get(action="mechanism.delete")
    assert entry.actor == moderator
    assert entry.target_id == str(pk)
    assert entry.target_repr == "Mombasa Health Facility Committee"
    assert entry.reason == "Invented record"  # plain text


def test_delete_form_is_offered_to_moderators(moderator, member, mechanism):
    assert (
        "Delete this record"
        in client_for(moderator).get(mechanism.get_absolute_url()).content.decode()
    )
    assert (
        "Delete this record"
        not in client_for(member).get(mechanism.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize("reason", ["", "   ", "<script></script>", "r" * 1001])
def test_delete_without_a_usable_reason_keeps_the_record(moderator, mechanism, reason):
    response = delete(moderator, mechanism, reason, follow=True)
    assert response.redirect_chain == [(mechanism.get_absolute_url(), 302)]
    assert "Give a reason: it is recorded in the audit log." in response.content.decode()
    assert Mechanism.objects.filter(pk=mechanism.pk).exists()
    assert not AuditLogEntry.objects.filter(action="mechanism.delete").exists()


def test_deleted_record_is_gone_from_every_page(moderator, mechanism):
    pk = mechanism.pk
    delete(moderator, mechanism)
    client = client_for(None)
    assert client.get(f"/en/mechanisms/{pk}/").status_code == 404
    assert client.get(f"/en/mechanisms/{pk}/history/").status_code == 404
    assert "Mombasa" not in client.get(reverse("mechanisms:list")).content.decode()
    assert "Mombasa" not in client.get(f"/en/mechanisms/compare/?id={pk}").content.decode()


def test_earlier_versions_remain_recoverable_after_delete(moderator, member, organisation):
    client_for(member).post(reverse("mechanisms:create"), mechanism_form_data(organisation))
    mechanism = Mechanism.objects.get()
    delete(moderator, mechanism)
    deleted = Version.objects.get_deleted(Mechanism)
    assert [v.object_id for v in deleted] == [str(mechanism.pk)]


def test_deleting_an_unknown_record_is_not_found(moderator):
    response = client_for(moderator).post("/en/mechanisms/999999/delete/", {"reason": "x"})
    assert response.status_code == 404
