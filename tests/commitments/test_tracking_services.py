"""Country tracking services: recording assessments with evidence, consolidated assessments,
and the email that announces a publication."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reversion.models import Version

from sauti.accounts.models import Organisation
from sauti.commitments import services
from sauti.commitments.models import (
    Consolidated,
    ConsolidatedEntry,
    CountryAssessment,
    Evidence,
    Status,
)
from sauti.core.models import AuditLogEntry, Country
from sauti.mechanisms.models import Mechanism

from ..factories import OrganisationFactory
from ..mechanisms.factories import MechanismFactory
from .factories import (
    PDF,
    ConsolidatedEntryFactory,
    ConsolidatedFactory,
    CountryAssessmentFactory,
    closed_cycle,
    framework_with,
    join,
    open_cycle,
    subscriber,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kenya():
    return Country.objects.get(pk="KE")


@pytest.fixture
def commitments():
    return framework_with(3)[1]


def record(organisation, kenya, cycle, commitment, user, **kwargs):
    kwargs.setdefault("status", Status.INITIAL)
    return services.record_assessment(
        organisation=organisation,
        country=kenya,
        cycle=cycle,
        commitment=commitment,
        acting_user=user,
        **kwargs,
    )


def assert_nothing_stored():
    assert not CountryAssessment.objects.exists()
    assert not Evidence.objects.exists()


# --- Recording -------------------------------------------------------------------------------
def test_recording_creates_a_version_and_an_audit_entry(organisation, editor, kenya, commitments):
    cycle = open_cycle()
    assessment = record(
        organisation,
        kenya,
        cycle,
        commitments[0],
        editor,
        narrative="<b>Minutes</b> show a council",
        evidence=[{"title": "Health Act", "url": "https://example.org/act"}],
    )
    assert assessment.status == Status.INITIAL
    assert assessment.narrative == "Minutes show a council"  # markup stripped
    assert assessment.created_by == editor
    assert [e.title for e in assessment.evidence.all()] == ["Health Act"]
    versions = Version.objects.get_for_object(assessment)
    assert versions.count() == 1
    assert versions[0].revision.user == editor
    assert versions[0].revision.comment == "create"
    # The version holds the evidence as it was.
    assert versions[0].revision.version_set.count() == 2
    entry = AuditLogEntry.objects.get(action="commitments.assess")
    assert entry.actor == editor
    assert entry.data["evidence_added"] == 1


def test_changing_keeps_every_version_and_one_row(organisation, editor, kenya, commitments):
    cycle = open_cycle()
    record(organisation, kenya, cycle, commitments[0], editor, status=Status.INITIAL)
    assessment = record(
        organisation, kenya, cycle, commitments[0], editor, status=Status.IN_PROGRESS
    )
    assert CountryAssessment.objects.count() == 1
    versions = Version.objects.get_for_object(assessment)
    assert [v.field_dict["status"] for v in versions] == ["in_progress", "initial"]
    assert versions[0].revision.comment == "status"
    assert AuditLogEntry.objects.filter(action="commitments.assess_change").count() == 1


def test_saving_unchanged_makes_no_new_version(organisation, editor, kenya, commitments):
    cycle = open_cycle()
    assessment = record(organisation, kenya, cycle, commitments[0], editor, narrative="Same")
    record(organisation, kenya, cycle, commitments[0], editor, narrative="Same")
    assert Version.objects.get_for_object(assessment).count() == 1


def test_organisations_do_not_overwrite_each_other(organisation, editor, kenya, commitments):
    cycle = open_cycle()
    other = OrganisationFactory()
    record(organisation, kenya, cycle, commitments[0], editor, status=Status.INITIAL)
    record(other, kenya, cycle, commitments[0], editor, status=Status.NO_ACTION)
    assert set(CountryAssessment.objects.values_list("status", flat=True)) == {
        "initial",
        "no_action",
    }


def test_evidence_can_be_removed_and_the_history_keeps_it(organisation, editor, kenya, commitments):
    cycle = open_cycle()
    assessment = record(
        organisation,
        kenya,
        cycle,
        commitments[0],
        editor,
        evidence=[{"title": "Old report", "url": "https://example.org/old"}],
    )
    old = assessment.evidence.get()
    record(organisation, kenya, cycle, commitments[0], editor, remove_evidence=[old.pk])
    assert not Evidence.objects.exists()
    versions = Version.objects.get_for_object(assessment)
    assert versions[0].revision.comment == "evidence"
    assert versions[1].revision.version_set.filter(object_repr="Old report").exists()


# --- Refusals: nothing stored ---------------------------------------------------------------
def test_a_closed_cycle_is_refused_and_nothing_is_stored(organisation, editor, kenya, commitments):
    cycle = closed_cycle()
    with pytest.raises(ValidationError) as error:
        record(
            organisation,
            kenya,
            cycle,
            commitments[0],
            editor,
            evidence=[{"title": "Report", "url": "https://example.org/r"}],
        )
    assert "is closed" in error.value.messages[0]
    assert_nothing_stored()
    assert not AuditLogEntry.objects.filter(action__startswith="commitments.").exists()


def test_a_change_in_a_closed_cycle_is_refused(organisation, editor, kenya, commitments):
    cycle = closed_cycle()
    assessment = CountryAssessmentFactory(
        organisation=organisation, cycle=cycle, commitment=commitments[0], status=Status.INITIAL
    )
    with pytest.raises(ValidationError):
        record(organisation, kenya, cycle, commitments[0], editor, status=Status.LARGELY_ACHIEVED)
    with pytest.raises(ValidationError):
        services.add_evidence(
            assessment, title="Late", url="https://example.org", acting_user=editor
        )
    assessment.refresh_from_db()
    assert assessment.status == Status.INITIAL
    assert not Evidence.objects.exists()


def test_a_cycle_not_open_yet_is_refused(organisation, editor, kenya, commitments):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    cycle = open_cycle(opens_on=today + datetime.timedelta(days=3), closes_on=None)
    with pytest.raises(ValidationError) as error:
        record(organisation, kenya, cycle, commitments[0], editor)
    assert "opens for assessments" in error.value.messages[0]
    assert_nothing_stored()


@pytest.mark.parametrize(
    "url",
    ["not a link", "javascript:alert(1)", "ftp://example.org/file", "https://", "example"],
)
def test_evidence_links_that_are_not_urls_are_refused(
    organisation, editor, kenya, commitments, url
):
    with pytest.raises(ValidationError) as error:
        record(
            organisation,
            kenya,
            open_cycle(),
            commitments[0],
            editor,
            evidence=[{"title": "A link", "url": url}],
        )
    assert "is not a web address" in error.value.messages[0]
    assert_nothing_stored()


def office_file(name: str, *, macro: bool = False) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        if macro:
            archive.writestr("word/vbaProject.bin", b"\0")
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.mark.parametrize(
    "upload",
    [
        lambda: SimpleUploadedFile("minutes.pdf", b"<html><script>alert(1)</script></html>"),
        lambda: SimpleUploadedFile("tool.exe", b"MZ\x90\x00\x03"),
        lambda: SimpleUploadedFile("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        lambda: office_file("report.docm", macro=True),
    ],
    ids=["html-named-pdf", "exe", "svg", "macro-word"],
)
def test_a_file_that_is_not_a_document_is_refused_by_content(
    organisation, editor, kenya, commitments, upload
):
    with pytest.raises(ValidationError) as error:
        record(
            organisation,
            kenya,
            open_cycle(),
            commitments[0],
            editor,
            evidence=[{"title": "Minutes", "document": upload()}],
        )
    assert "This kind of file is not accepted." in error.value.messages[0]
    assert_nothing_stored()


def test_a_file_over_10_mb_is_refused(organisation, editor, kenya, commitments):
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        record(
            organisation,
            kenya,
            open_cycle(),
            commitments[0],
            editor,
            evidence=[{"title": "Budget", "document": big}],
        )
    assert "the limit is 10.0\xa0MB" in error.value.messages[0]
    assert_nothing_stored()


def test_a_document_is_kept_under_a_random_name(organisation, editor, kenya, commitments):
    assessment = record(
        organisation,
        kenya,
        open_cycle(),
        commitments[0],
        editor,
        evidence=[{"title": "Minutes", "document": SimpleUploadedFile("Amina Otieno.pdf", PDF)}],
    )
    name = assessment.evidence.get().document.name
    assert name.startswith("commitments/evidence/") and name.endswith(".pdf")
    assert "Amina" not in name


def test_a_mechanism_of_the_registry_counts_as_evidence(organisation, editor, kenya, commitments):
    mechanism = MechanismFactory(name="Kisumu County Health Forum", country_id="KE")
    assessment = record(
        organisation,
        kenya,
        open_cycle(),
        commitments[0],
        editor,
        evidence=[{"mechanism": mechanism}],
    )
    evidence = assessment.evidence.get()
    assert evidence.mechanism == mechanism
    assert evidence.title == "Kisumu County Health Forum"


def test_a_mechanism_of_another_country_is_refused(organisation, editor, kenya, commitments):
    mechanism = MechanismFactory(country_id="TH")
    with pytest.raises(ValidationError):
        record(
            organisation,
            kenya,
            open_cycle(),
            commitments[0],
            editor,
            evidence=[{"title": "Forum", "mechanism": mechanism}],
        )
    assert_nothing_stored()
    assert Mechanism.objects.count() == 1


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"title": "Only a title"}, "needs a link, a document or a mechanism"),
        ({"url": "https://example.org"}, "Give the evidence a title."),
    ],
)
def test_incomplete_evidence_is_refused(organisation, editor, kenya, commitments, item, message):
    with pytest.raises(ValidationError) as error:
        record(organisation, kenya, open_cycle(), commitments[0], editor, evidence=[item])
    assert message in error.value.messages[0]
    assert_nothing_stored()


def test_an_unknown_status_is_refused(organisation, editor, kenya, commitments):
    with pytest.raises(ValidationError):
        record(organisation, kenya, open_cycle(), commitments[0], editor, status="excellent")
    assert_nothing_stored()


def test_several_at_once_are_all_or_nothing(organisation, editor, kenya, commitments):
    cycle = open_cycle()
    items = [
        {"commitment": commitments[0], "status": Status.INITIAL, "evidence": []},
        {
            "commitment": commitments[1],
            "status": Status.IN_PROGRESS,
            "evidence": [{"title": "Doc", "document": SimpleUploadedFile("x.exe", b"MZ")}],
        },
    ]
    with pytest.raises(ValidationError):
        services.record_assessments(
            organisation=organisation, country=kenya, cycle=cycle, items=items, acting_user=editor
        )
    assert_nothing_stored()
    items[1]["evidence"] = [{"title": "Doc", "document": SimpleUploadedFile("x.pdf", PDF)}]
    recorded = services.record_assessments(
        organisation=organisation, country=kenya, cycle=cycle, items=items, acting_user=editor
    )
    assert [a.status for a in recorded] == ["initial", "in_progress"]
    # One version per assessment, each with its own history.
    assert all(Version.objects.get_for_object(a).count() == 1 for a in recorded)


# --- Consolidated assessments ---------------------------------------------------------------
@pytest.fixture
def coalition(organisation):
    Organisation.objects.filter(pk=organisation.pk).update(kind=Organisation.Kind.NETWORK)
    organisation.refresh_from_db()
    return organisation


def test_only_a_network_can_consolidate(organisation, org_admin, kenya):
    with pytest.raises(ValidationError):
        services.start_consolidated(
            coalition=organisation, country=kenya, cycle=open_cycle(), acting_user=org_admin
        )
    assert not Consolidated.objects.exists()


def test_a_draft_starts_from_what_most_members_recorded(coalition, editor, kenya, commitments):
    cycle = open_cycle()
    members = [OrganisationFactory() for _ in range(3)]
    for member in members:
        join(coalition, member)
    for member, status in zip(members, ["initial", "initial", "in_progress"], strict=True):
        CountryAssessmentFactory(
            organisation=member, cycle=cycle, commitment=commitments[0], status=status
        )
    draft = services.start_consolidated(
        coalition=coalition, country=kenya, cycle=cycle, acting_user=editor
    )
    assert draft.state == Consolidated.State.DRAFT
    assert [(e.commitment, e.status) for e in draft.entries.all()] == [(commitments[0], "initial")]
    # Asking again finds the same draft.
    again = services.start_consolidated(
        coalition=coalition, country=kenya, cycle=cycle, acting_user=editor
    )
    assert again == draft


def test_saving_a_draft_replaces_its_entries(coalition, editor, kenya, commitments):
    draft = ConsolidatedFactory(coalition=coalition)
    ConsolidatedEntryFactory(consolidated=draft, commitment=commitments[0])
    services.save_consolidated(
        draft,
        summary="We <i>agree</i>.",
        entries=[{"commitment": commitments[1], "status": "no_action", "note": "No budget"}],
        acting_user=editor,
    )
    draft.refresh_from_db()
    assert draft.summary == "We agree."
    assert [(e.commitment, e.status, e.note) for e in draft.entries.all()] == [
        (commitments[1], "no_action", "No budget")
    ]


@pytest.fixture
def network_of_networks(coalition, commitments):
    """coalition ⊃ {direct, sub-network ⊃ {nested ⊃ {too deep}}, asking (not yet active)}."""
    cycle = open_cycle()
    direct = OrganisationFactory(name="Direct member")
    sub = OrganisationFactory(name="Sub-network", kind=Organisation.Kind.NETWORK)
    nested = OrganisationFactory(name="Nested member", kind=Organisation.Kind.NETWORK)
    deep = OrganisationFactory(name="Too deep")
    asking = OrganisationFactory(name="Still asking")
    join(coalition, direct)
    join(coalition, sub)
    join(sub, nested)
    join(nested, deep)
    join(coalition, asking, active=False)
    for organisation, status in [
        (direct, "in_progress"),
        (sub, "initial"),
        (nested, "in_progress"),
        (deep, "no_action"),
        (asking, "no_action"),
        (coalition, "regressing"),  # the coalition's own record is not a member's
    ]:
        CountryAssessmentFactory(
            organisation=organisation, cycle=cycle, commitment=commitments[0], status=status
        )
    draft = ConsolidatedFactory(coalition=coalition, cycle=cycle)
    ConsolidatedEntryFactory(consolidated=draft, commitment=commitments[0], status="in_progress")
    return {"draft": draft, "direct": direct, "sub": sub, "nested": nested}


def test_publishing_keeps_the_active_members_statuses_one_level_deep(
    network_of_networks, org_admin
):
    found = network_of_networks
    published = services.publish_consolidated(found["draft"], acting_user=org_admin)
    assert published.is_published
    assert published.published_by == org_admin
    entry = published.entries.get()
    assert entry.member_statuses == {
        str(found["direct"].pk): "in_progress",
        str(found["sub"].pk): "initial",
        str(found["nested"].pk): "in_progress",
    }
    assert AuditLogEntry.objects.filter(action="commitments.consolidated_publish").exists()


def test_a_published_assessment_does_not_change_when_members_do(
    network_of_networks, org_admin, editor, commitments
):
    found = network_of_networks
    services.publish_consolidated(found["draft"], acting_user=org_admin)
    CountryAssessment.objects.filter(organisation=found["direct"]).update(status="regressing")
    entry = ConsolidatedEntry.objects.get()
    assert entry.member_statuses[str(found["direct"].pk)] == "in_progress"
    with pytest.raises(ValidationError):
        services.save_consolidated(
            found["draft"], summary="Changed", entries=[], acting_user=editor
        )
    with pytest.raises(ValidationError):
        services.publish_consolidated(found["draft"], acting_user=org_admin)


def test_an_empty_draft_cannot_be_published(coalition, org_admin):
    draft = ConsolidatedFactory(coalition=coalition)
    with pytest.raises(ValidationError):
        services.publish_consolidated(draft, acting_user=org_admin)
    draft.refresh_from_db()
    assert not draft.is_published


# --- Email to subscribers --------------------------------------------------------------------
def test_publishing_emails_the_confirmed_subscribers_of_the_country(
    coalition, org_admin, commitments, mailoutbox, catalogue
):
    catalogue("fr", {"Initial steps": "Premiers pas"})
    draft = ConsolidatedFactory(coalition=coalition)
    ConsolidatedEntryFactory(consolidated=draft, commitment=commitments[0], status="initial")
    subscriber("follows-kenya@example.org")
    subscriber("suit-le-kenya@example.org", language="fr")
    subscriber("unconfirmed@example.org", confirmed=False)
    subscriber("follows-thailand@example.org", countries=["TH"])
    subscriber("follows-both@example.org", countries=["KE", "TH"])

    services.publish_consolidated(draft, acting_user=org_admin)

    recipients = sorted(message.to[0] for message in mailoutbox)
    assert recipients == [
        "follows-both@example.org",
        "follows-kenya@example.org",
        "suit-le-kenya@example.org",
    ]
    english = next(m for m in mailoutbox if m.to == ["follows-kenya@example.org"])
    assert coalition.name in english.subject and "Kenya" in english.subject
    assert "Commitment 1: Initial steps" in english.body
    assert f"/en/commitments/consolidated/{draft.pk}/" in english.body
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert english.extra_headers["List-Unsubscribe"].startswith("<http")
    french = next(m for m in mailoutbox if m.to == ["suit-le-kenya@example.org"])
    assert "Premiers pas" in french.body
    assert f"/fr/commitments/consolidated/{draft.pk}/" in french.body
    entry = AuditLogEntry.objects.get(action="commitments.consolidated_publish")
    assert entry.data["subscribers"] == 3


@pytest.mark.parametrize("hidden", ["draft", "coalition"])
def test_a_hidden_draft_is_neither_published_nor_emailed(
    coalition, org_admin, commitments, mailoutbox, hidden
):
    draft = ConsolidatedFactory(coalition=coalition)
    ConsolidatedEntryFactory(consolidated=draft, commitment=commitments[0], status="initial")
    subscriber("follows-kenya@example.org")
    target = draft if hidden == "draft" else coalition
    type(target).objects.filter(pk=target.pk).update(hidden_at=timezone.now())

    with pytest.raises(ValidationError, match="hidden"):
        services.publish_consolidated(draft, acting_user=org_admin)

    draft.refresh_from_db()
    assert not draft.is_published
    assert mailoutbox == []


def test_a_refused_publication_sends_no_email(coalition, org_admin, mailoutbox):
    subscriber("follows-kenya@example.org")
    draft = ConsolidatedFactory(coalition=coalition)
    with pytest.raises(ValidationError):
        services.publish_consolidated(draft, acting_user=org_admin)
    assert mailoutbox == []
