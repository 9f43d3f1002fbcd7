"""The calendar's lists and feeds take the same number of queries for 5 or 40 opportunities.

Each opportunity carries what could cost a query each if read one by one: a
translation, topics, a country (whose name comes from CLDR, never a query),
engagements public and members-only, and a time zone or none.
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from sauti.opportunities.models import Engagement, Opportunity
from sauti.opportunities.schedule import build_schedule
from tests.conftest import client_for

from ..factories import OrganisationFactory
from .factories import make_opportunity

pytestmark = pytest.mark.django_db

FIRST = date(2030, 3, 1)
COUNTRIES = ("KE", "BR", "IN")


def add(count: int, offset: int) -> None:
    """``count`` more public opportunities in March 2030, a third in Kenya."""
    for n in range(offset, offset + count):
        start = FIRST + timedelta(days=n % 28)
        schedule = (
            build_schedule(
                start_date=start,
                start_time=time(9, 30),
                end_time=time(12),
                time_zone="Africa/Nairobi",
            )
            if n % 2
            else build_schedule(start_date=start, end_date=start + timedelta(days=n % 3))
        )
        opportunity = make_opportunity(
            title=f"Hearing {n}",
            country=COUNTRIES[n % 3],
            state="cancelled" if n % 7 == 0 else "published",
            engagement_deadline=date(2030, 2, 20),
            description=f"About hearing {n}",
            **schedule.as_fields(),
        )
        opportunity.set_current_language("fr")
        opportunity.title = f"Audience {n}"
        opportunity.save()
        opportunity.topics.set(["opportunities", "commitments"][: 1 + n % 2])
        for visibility in Engagement.Visibility.values:
            Engagement.objects.create(
                opportunity=opportunity,
                organisation=OrganisationFactory(),
                note="We will be there",
                visibility=visibility,
                outcome="Spoke" if n % 2 else "",
            )


def queries(client, url: str) -> tuple[int, bytes]:
    client.get(url)  # what is loaded once per process (the interface's translations…)
    # parler keeps translations in the cache: a cold cache shows any query per item.
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    body = response.content
    return len(captured), body


URLS = {
    "list": "opportunities:list",
    "list by country": "opportunities:list",
    "list with open deadline": "opportunities:list",
    "month": "opportunities:month",
    "iCalendar feed": "opportunities:ics",
    "iCalendar feed of a country": "opportunities:ics",
    "Atom feed": "opportunities:atom",
}


def url_for(name: str) -> str:
    if name == "month":
        return reverse("opportunities:month", args=[2030, 3])
    query = {
        "list by country": "?country=ke",
        "list with open deadline": "?open_deadline=1",
        "iCalendar feed of a country": "?country=ke",
    }.get(name, "")
    return reverse(URLS[name]) + query


@pytest.fixture(autouse=True)
def _only_ours(db):
    """Nothing but the generated opportunities (the migrations seed recurring moments)."""
    Opportunity.objects.all().delete()


@pytest.mark.parametrize("role", ["anonymous", "member"])
@pytest.mark.parametrize("name", list(URLS))
def test_queries_do_not_grow_with_the_number_of_opportunities(request, name, role):
    client = client_for(None if role == "anonymous" else request.getfixturevalue(role))
    url = url_for(name)
    add(5, 0)
    few, _body = queries(client, url)
    add(35, 5)
    many, body = queries(client, url)
    assert many == few, f"{url}: {few} queries for 5 opportunities, {many} for 40"
    # And the 40 are really there (a bounded count of an empty page would prove nothing).
    if name.startswith("iCalendar"):
        events = Calendar.from_ical(body).walk("VEVENT")
        assert len(events) == (40 if name == "iCalendar feed" else 14)
    else:
        assert b"Hearing 39" in body
        assert b"Hearing 36" in body


def test_the_past_list_counts_engagements_in_one_query(member):
    """Past opportunities show how many organisations engaged: not one query each."""
    client = client_for(member)
    url = reverse("opportunities:list") + "?past=1"

    def past(count: int, offset: int) -> None:
        add(count, offset)
        Opportunity.objects.filter(start_date__year=2030).update(
            start_date=date(2020, 3, 1), end_date=date(2020, 3, 2)
        )

    past(5, 0)
    few, _body = queries(client, url)
    past(35, 5)
    many, body = queries(client, url)
    assert many == few
    assert b"Hearing 39" in body
