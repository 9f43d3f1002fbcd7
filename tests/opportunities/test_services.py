from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from reversion.models import Version

from sauti.core.models import AuditLogEntry, Country
from sauti.opportunities import services
from sauti.opportunities.models import Opportunity, RecurringMoment
from sauti.opportunities.schedule import build_schedule

pytestmark = pytest.mark.django_db


def data(**extra):
    return {
        "title": "Audiência pública do orçamento da saúde",
        "description": "",
        "how_to_engage": "Enviar contribuição escrita",
        "original_language": "pt",
        "kind": "budget_cycle",
        "level": "national",
        "country": Country.objects.get(pk="BR"),
        "engagement_deadline": date(2030, 3, 1),
        **build_schedule(
            start_date=date(2030, 3, 10),
            start_time=time(14),
            end_time=time(17),
            time_zone="America/Sao_Paulo",
        ).as_fields(),
        **extra,
    }


def test_members_propose_and_moderators_publish(member, moderator):
    opportunity = services.propose_opportunity(acting_user=member, data=data())
    assert opportunity.state == "pending"
    assert opportunity.region_id == "AMR"
    services.publish_opportunity(opportunity, acting_user=moderator)
    assert opportunity.state == "published" and opportunity.published_by == moderator
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {"opportunity.propose", "opportunity.publish"} <= actions


def test_a_time_edit_keeps_the_uid_and_raises_the_sequence(member):
    opportunity = services.propose_opportunity(acting_user=member, data=data())
    uid, sequence = opportunity.uid, opportunity.sequence
    services.update_opportunity(opportunity, acting_user=member, data=data(title="Nova"))
    assert opportunity.sequence == sequence  # a text change is not a schedule change
    moved = build_schedule(
        start_date=date(2030, 3, 11), start_time=time(14), time_zone="America/Sao_Paulo"
    ).as_fields()
    services.update_opportunity(opportunity, acting_user=member, data=data(**moved))
    opportunity.refresh_from_db()
    assert opportunity.uid == uid and opportunity.sequence == sequence + 1
    assert Version.objects.get_for_object(opportunity).count() == 3


def test_cancelling_raises_the_sequence(member, moderator):
    opportunity = services.propose_opportunity(acting_user=member, data=data())
    services.cancel_opportunity(opportunity, reason="Postponed", acting_user=moderator)
    assert opportunity.state == "cancelled" and opportunity.sequence == 1


def test_reject_returns_a_draft_with_the_reason(member, moderator):
    opportunity = services.propose_opportunity(acting_user=member, data=data())
    services.reject_opportunity(opportunity, reason="No source", acting_user=moderator)
    assert opportunity.state == "draft" and opportunity.review_note == "No source"


def test_a_non_web_link_is_refused_and_nothing_stored(member):
    with pytest.raises(ValidationError):
        services.propose_opportunity(
            acting_user=member, data=data(online_url="javascript:alert(1)")
        )
    assert not Opportunity.objects.filter(created_by=member).exists()


def test_national_needs_a_country(member):
    with pytest.raises(ValidationError):
        services.propose_opportunity(acting_user=member, data=data(country=None))


def test_generation_is_idempotent():
    moment = RecurringMoment.objects.get(code="uhc-day")
    Opportunity.objects.filter(recurring_moment=moment).delete()
    created = services.generate_occurrences(moment, [2040, 2041])
    assert [o.start_date for o in created] == [date(2040, 12, 12), date(2041, 12, 12)]
    assert services.generate_occurrences(moment, [2040, 2041]) == []
    created[0].set_current_language("fr")
    assert created[0].title == "Journée de la couverture sanitaire universelle"


def test_engagement_is_one_per_organisation(member, organisation):
    opportunity = services.propose_opportunity(acting_user=member, data=data())
    services.engage(
        opportunity, organisation=organisation, note="a", visibility="public", acting_user=member
    )
    services.engage(
        opportunity, organisation=organisation, note="b", visibility="members", acting_user=member
    )
    assert opportunity.engagements.get().note == "b"


def test_seeded_moments_are_in_seven_languages():
    moment = RecurringMoment.objects.get(code="world-health-assembly")
    assert moment.translations.count() == 7
    assert Opportunity.objects.filter(recurring_moment=moment, occurrence_year=2025).exists()
