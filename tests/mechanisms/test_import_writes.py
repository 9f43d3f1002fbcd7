"""What an import writes: every field, the sources, one version per record in one revision,
one audit entry; and nothing at all when any part fails."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Revision, Version

from sauti.core.models import AuditLogEntry
from sauti.mechanisms import imports
from sauti.mechanisms.models import Mechanism, Source
from sauti.mechanisms.services import update_mechanism

from ..conftest import client_for
from .test_import_files import csv_file, good_row

FULL_ROW = {
    "name": "Conseil départemental de santé de Thiès",
    "description": "Se réunit chaque trimestre.\nPublie ses procès-verbaux.",
    "original_language": "fr",
    "country": "SEN",
    "subnational_area": "Thiès",
    "level": "district",
    "kind": "council",
    "is_formal": "oui",
    "legal_basis": "decree",
    "legal_citation": "Décret n° 2019-123",
    "year_established": "2019",
    "host_institution": "Région médicale de Thiès",
    "stage_priority_setting": "yes",
    "stage_planning": "yes",
    "stage_budgeting": "no",
    "stage_implementation": "",
    "stage_monitoring": "yes",
    "stage_evaluation": "no",
    "outcome": "advisory",
    "co_governs": "no",
    "spectrum": "involve",
    "selection": "election",
    "community_majority": "yes",
    "seats_government": "5",
    "seats_civil_society": "4",
    "seats_community": "8",
    "seats_health_workers": "2",
    "seats_academia": "1",
    "seats_private": "0",
    "constituencies": "women;youth;rural",
    "meeting_frequency": "quarterly",
    "last_meeting": "2025-01-30",
    "has_budget": "no",
    "has_secretariat": "yes",
    "has_office": "no",
    "has_allowances": "yes",
    "publishes_agendas": "yes",
    "publishes_minutes": "yes",
    "publishes_decisions": "no",
    "gives_feedback": "",
    "offers_capacity_building": "yes",
    "source_title": "Décret n° 2019-123\nProcès-verbal de janvier 2025",
    "source_url": "https://example.org/decret\n",
}


def validated(rows, header=None):
    result = imports.validate_upload(csv_file(rows, header), default_language="en")
    assert result.ok, [str(p) for p in result.problems]
    return result.rows


def test_every_column_lands_in_its_field(member, organisation):
    assert list(FULL_ROW) == list(imports.KEYS)
    count = imports.import_mechanisms(
        validated([FULL_ROW]), organisation=organisation, acting_user=member
    )
    assert count == 1
    mechanism = Mechanism.objects.get()
    assert mechanism.original_language == "fr"
    assert mechanism.safe_translation_getter("name", language_code="fr") == FULL_ROW["name"]
    assert mechanism.safe_translation_getter("description", language_code="fr") == (
        "Se réunit chaque trimestre.\nPublie ses procès-verbaux."
    )
    assert mechanism.country_id == "SN"
    assert (mechanism.level, mechanism.kind, mechanism.legal_basis) == (
        "district",
        "council",
        "decree",
    )
    assert mechanism.is_formal is True
    assert mechanism.year_established == 2019
    assert [getattr(mechanism, stage) for stage in Mechanism.STAGES] == [
        True,
        True,
        False,
        None,
        True,
        False,
    ]
    assert (mechanism.outcome, mechanism.spectrum, mechanism.selection) == (
        "advisory",
        "involve",
        "election",
    )
    assert (mechanism.seats_community, mechanism.seats_private) == (8, 0)
    assert sorted(mechanism.constituencies.values_list("code", flat=True)) == [
        "rural",
        "women",
        "youth",
    ]
    assert mechanism.meeting_frequency == "quarterly"
    assert mechanism.last_meeting == datetime.date(2025, 1, 30)
    assert (mechanism.has_budget, mechanism.has_secretariat, mechanism.gives_feedback) == (
        False,
        True,
        None,
    )
    assert list(mechanism.sources.values_list("title", "url")) == [
        ("Décret n° 2019-123", "https://example.org/decret"),
        ("Procès-verbal de janvier 2025", ""),
    ]
    assert mechanism.organisation == organisation
    assert mechanism.created_by == member
    assert not mechanism.is_verified
    assert not mechanism.is_demo


def test_one_revision_holds_the_first_version_of_every_record(member, organisation):
    rows = validated([good_row(n, constituencies="women") for n in range(3)])
    imports.import_mechanisms(rows, organisation=organisation, acting_user=member)
    revision = Revision.objects.get()
    assert revision.user == member
    assert revision.comment == "import"
    for mechanism in Mechanism.objects.all():
        versions = Version.objects.get_for_object(mechanism)
        assert len(versions) == 1
        assert versions[0].revision == revision
        assert versions[0].field_dict["constituencies"] == ["women"]
        assert versions[0].object_repr == mechanism.safe_translation_getter("name")
    kinds = sorted(v.content_type.model for v in revision.version_set.all())
    assert kinds == ["mechanism"] * 3 + ["mechanismtranslation"] * 3


def test_versions_hold_what_djangos_serialiser_writes(member, organisation):
    """The bulk path builds version data itself; it must be what reversion would store."""
    from django.core import serializers
    from reversion.revisions import _get_options

    imports.import_mechanisms(validated([FULL_ROW]), organisation=organisation, acting_user=member)
    mechanism = Mechanism.objects.get()
    translation = mechanism.translations.get()
    source = mechanism.sources.first()
    for obj in (mechanism, translation, source):
        version = Version.objects.get_for_object(obj).get()
        options = _get_options(type(obj))
        expected = serializers.serialize("json", [obj], fields=options.fields)
        assert json.loads(version.serialized_data) == json.loads(expected)


def test_an_edit_after_the_import_can_be_reverted_to_the_imported_version(member, organisation):
    imports.import_mechanisms(
        validated([good_row(1)]), organisation=organisation, acting_user=member
    )
    mechanism = Mechanism.objects.get()
    update_mechanism(
        mechanism,
        acting_user=member,
        data={"kind": "council", "name": "Renamed", "level": "national"},
    )
    Revision.objects.get(comment="import").revert()
    mechanism = Mechanism.objects.get()
    assert (mechanism.kind, mechanism.level) == ("forum", "municipal")
    translation = Mechanism._parler_meta.root_model.objects.get(master=mechanism)
    assert translation.name == "Kisumu County Health Forum 1"


def test_the_history_page_of_an_imported_record_shows_the_import(member, organisation):
    imports.import_mechanisms(
        validated([good_row(1)]), organisation=organisation, acting_user=member
    )
    mechanism = Mechanism.objects.get()
    response = client_for(member).get(reverse("mechanisms:history", args=[mechanism.pk]))
    assert response.status_code == 200
    assert member.display_name in response.content.decode()
    assert "Recorded by an import" in response.content.decode()


def test_one_audit_entry_with_the_count(member, organisation):
    imports.import_mechanisms(
        validated([good_row(n) for n in range(4)]), organisation=organisation, acting_user=member
    )
    entry = AuditLogEntry.objects.get()
    assert entry.action == "mechanism.import"
    assert entry.actor == member
    assert entry.data["count"] == 4
    assert entry.target_id == str(organisation.pk)


def test_a_failure_half_way_leaves_nothing(member, organisation, monkeypatch):
    rows = validated(
        [good_row(n, source_title="Act", source_url="https://example.org") for n in range(5)]
    )

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Source.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        imports.import_mechanisms(rows, organisation=organisation, acting_user=member)
    assert not Mechanism.objects.exists()
    assert not Mechanism._parler_meta.root_model.objects.exists()
    assert not Revision.objects.exists()
    assert not AuditLogEntry.objects.exists()


def test_a_failed_confirm_can_be_retried(member, organisation, monkeypatch):
    result = imports.validate_upload(csv_file([good_row(1)]), default_language="en")
    token = imports.save_pending(result, user=member, organisation=organisation, filename="x.csv")
    pending = imports.load_pending(token, user=member)
    monkeypatch.setattr(imports, "_record_versions", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        imports.confirm_pending(pending, acting_user=member, organisation=organisation)
    assert not Mechanism.objects.exists()
    monkeypatch.undo()
    pending = imports.load_pending(token, user=member)
    assert pending.state == imports.PENDING
    imports.confirm_pending(pending, acting_user=member, organisation=organisation)
    assert Mechanism.objects.count() == 1


def test_queries_are_per_batch_not_per_row(member, organisation):
    def queries_for(count: int) -> int:
        rows = validated(
            [good_row(n, constituencies="women;youth", source_title="Act") for n in range(count)]
        )
        with CaptureQueriesContext(connection) as context:
            imports.import_mechanisms(rows, organisation=organisation, acting_user=member)
        return len(context.captured_queries)

    small, large = queries_for(10), queries_for(400)
    assert small < 12
    # SQLite takes at most 999 parameters a statement: ~16 mechanisms per INSERT there.
    assert large < 400 / 5
