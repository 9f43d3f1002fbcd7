from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from sauti.opportunities.models import Opportunity
from tests.conftest import client_for
from tests.permissions import LOGIN, ROLES, assert_outcome, user_for

from .factories import make_opportunity

pytestmark = pytest.mark.django_db


def form_data(**extra):
    return {
        "title": "Audiência pública do <b>orçamento</b>",
        "description": "Leia <b>isto</b> &amp; <i>aquilo</i>",
        "original_language": "pt",
        "kind": "consultation",
        "level": "national",
        "country": "BR",
        "start_date": "2030-03-10",
        "start_time": "14:00",
        "end_time": "17:00",
        "time_zone": "America/Sao_Paulo",
        "how_to_engage": "Enviar contribuição escrita",
        "engagement_deadline": "2030-03-01",
        **extra,
    }


@pytest.mark.parametrize("role", ROLES)
def test_public_pages(request, role):
    opportunity = make_opportunity()
    client = client_for(user_for(request, role))
    for url in (
        reverse("opportunities:list"),
        reverse("opportunities:month", args=[2030, 3]),
        reverse("opportunities:detail", args=[opportunity.pk]),
        reverse("opportunities:event_ics", args=[opportunity.pk]),
        reverse("opportunities:ics"),
        reverse("opportunities:atom"),
        reverse("opportunities:history", args=[opportunity.pk]),
    ):
        assert client.get(url).status_code == 200, url


EXPECTED_CREATE = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 200,
    "editor": 200,
    "org_admin": 200,
    "moderator": 200,
    "site_admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_propose(request, role):
    url = reverse("opportunities:create")
    assert_outcome(client_for(user_for(request, role)).get(url), EXPECTED_CREATE[role], url)


EXPECTED_QUEUE = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 403,
    "org_admin": 403,
    "moderator": 200,
    "site_admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_review(request, role):
    url = reverse("opportunities:queue")
    assert_outcome(client_for(user_for(request, role)).get(url), EXPECTED_QUEUE[role], url)


@pytest.mark.parametrize("role", ROLES)
def test_a_pending_proposal_is_seen_by_its_proposer_and_moderators(request, role, member):
    opportunity = make_opportunity(state="pending", created_by=member)
    url = reverse("opportunities:detail", args=[opportunity.pk])
    expected = 200 if role in ("member", "moderator", "site_admin") else 404
    assert client_for(user_for(request, role)).get(url).status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit(request, role, member):
    opportunity = make_opportunity(created_by=member)
    url = reverse("opportunities:edit", args=[opportunity.pk])
    expected = {"anonymous": LOGIN, "member": 200, "moderator": 200, "site_admin": 200}
    assert_outcome(client_for(user_for(request, role)).get(url), expected.get(role, 403), url)


def test_member_proposes_moderator_publishes_organisations_engage(member, moderator, organisation):
    client = client_for(member)
    response = client.post(reverse("opportunities:create"), form_data())
    assert response.status_code == 302
    opportunity = Opportunity.objects.get(created_by=member)
    opportunity.set_current_language("pt")
    assert opportunity.state == "pending"
    assert "<" not in opportunity.title and "<" not in opportunity.description
    assert opportunity.title == "Audiência pública do orçamento"

    anonymous = client_for(None)
    assert anonymous.get(opportunity.get_absolute_url()).status_code == 404

    queue = client_for(moderator)
    assert opportunity.title in queue.get(reverse("opportunities:queue")).content.decode()
    queue.post(reverse("opportunities:publish", args=[opportunity.pk]))
    opportunity.refresh_from_db()
    assert opportunity.state == "published"

    client.post(
        reverse("opportunities:engage", args=[opportunity.pk]),
        {"organisation": organisation.pk, "note": "Joint statement", "visibility": "members"},
    )
    assert opportunity.engagements.count() == 1
    # A members-only note is not shown to the public.
    page = anonymous.get(opportunity.get_absolute_url()).content.decode()
    assert "Joint statement" not in page
    assert "Joint statement" in client.get(opportunity.get_absolute_url()).content.decode()

    feed = anonymous.get(reverse("opportunities:ics") + "?country=br")
    calendar = Calendar.from_ical(feed.content)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    event = events[f"{opportunity.uid}@sauti"]
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART").isoformat() == "2030-03-10T17:00:00+00:00"

    # Edit the time: same UID, higher SEQUENCE.
    response = client.post(
        reverse("opportunities:edit", args=[opportunity.pk]),
        form_data(start_time="15:00", end_time="18:00"),
    )
    assert response.status_code == 302
    calendar = Calendar.from_ical(
        anonymous.get(reverse("opportunities:ics") + "?country=br").content
    )
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == f"{opportunity.uid}@sauti")
    assert event["SEQUENCE"] == 1


def test_cancelled_events_are_marked_in_the_feed(moderator):
    opportunity = make_opportunity()
    client = client_for(moderator)
    client.post(reverse("opportunities:cancel", args=[opportunity.pk]), {"reason": "Postponed"})
    calendar = Calendar.from_ical(
        client_for(None).get(reverse("opportunities:event_ics", args=[opportunity.pk])).content
    )
    (event,) = calendar.walk("VEVENT")
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == date(2030, 3, 10)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"start_date": "2030-03-10", "end_date": "2030-03-09"}, "end_date"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"start_date": "20256-05-01"}, "start_date"),
        ({"start_date": "2101-05-01"}, "start_date"),
        ({"online_url": "ftp://example.org/x"}, "online_url"),
        ({"official_url": "javascript:alert(1)"}, "official_url"),
        ({"title": "<script>alert(1)</script>"}, "title"),
        ({"description": "Leia <script>alert(1)</script> isto"}, "description"),
        ({"description": "<img src=x onerror=alert(1)>"}, "description"),
        ({"how_to_engage": "<a href='javascript:alert(1)'>aqui</a>"}, "how_to_engage"),
        ({"description": "&lt;script&gt;alert(1)&lt;/script&gt;"}, "description"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(member, change, field):
    response = client_for(member).post(reverse("opportunities:create"), form_data(**change))
    assert response.status_code == 200
    assert response.context["form"].errors.get(field) or response.context["form"].non_field_errors()
    assert not Opportunity.objects.filter(created_by=member).exists()


def test_a_likely_duplicate_is_shown_until_confirmed(member):
    twin = make_opportunity(
        title="Hearing", kind="consultation", country="BR", start=date(2030, 3, 10)
    )
    client = client_for(member)
    response = client.post(reverse("opportunities:create"), form_data())
    assert response.status_code == 200
    assert twin.get_absolute_url() in response.content.decode()
    assert not Opportunity.objects.filter(created_by=member).exists()
    response = client.post(reverse("opportunities:create"), form_data(not_a_duplicate="on"))
    assert response.status_code == 302


def test_list_filters_and_groups_by_month(client):
    make_opportunity(title="Kenya hearing", start=date(2030, 3, 10))
    make_opportunity(title="Brazil hearing", country="BR", start=date(2030, 4, 2))
    page = client.get(reverse("opportunities:list") + "?country=ke").content.decode()
    assert "Kenya hearing" in page and "Brazil hearing" not in page
    page = client.get(reverse("opportunities:list") + "?region=amr").content.decode()
    assert "Brazil hearing" in page and "Kenya hearing" not in page
    page = client.get(reverse("opportunities:month", args=[2030, 4])).content.decode()
    assert "Brazil hearing" in page


def test_open_deadline_filter(client):
    make_opportunity(title="Open one", engagement_deadline=date(2030, 1, 1))
    make_opportunity(title="No deadline", start=date(2030, 3, 11))
    page = client.get(reverse("opportunities:list") + "?open_deadline=1").content.decode()
    assert "Open one" in page and "No deadline" not in page


def test_atom_feed_lists_published(client):
    make_opportunity(title="Kenya hearing")
    make_opportunity(title="Secret pending", state="pending")
    body = client.get(reverse("opportunities:atom")).content.decode()
    assert "Kenya hearing" in body and "Secret pending" not in body
