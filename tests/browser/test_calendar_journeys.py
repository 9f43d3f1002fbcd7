"""Journeys through the advocacy calendar, in Portuguese (and English), French and Arabic.

A member of a Brazilian organisation proposes a national budget hearing; a moderator
publishes it; two organisations say they will engage, one for everyone to see and one
for members only; a subscriber who follows Brazil confirms by email and receives the
weekly digest; the country's iCalendar feed carries the hearing at 17:00 UTC and is
strictly valid RFC 5545; the proposer moves it an hour later and the feed's SEQUENCE
goes up; in Arabic the month table shows it, right to left. Without JavaScript, a
reader chooses Paris as their time zone and sees the hearing's time converted.

Pages are found by address and form field names, never by English wording; what is
checked is what does not depend on it: titles, names, links, times formatted by
Django in the page's language, texts read from the catalogue, and ``lang``/``dir``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext
from playwright.sync_api import Locator, Page, expect

from sauti.accounts.models import MODERATORS_GROUP, Membership, Subscription
from sauti.opportunities.models import Engagement, Kind, Level, Opportunity
from sauti.opportunities.schedule import build_schedule
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.opportunities.factories import make_opportunity
from tests.opportunities.rfc5545 import (
    needs_libical,  # noqa: F401 - a fixture, used by name
    strictly_valid,
)

from .helpers import Site, enter_totp, expect_language, sign_in_here

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

PROPOSER = "joana@example.org"
ENGAGER = "tiago@example.org"
MODERATOR = "moderacao@example.org"
SUBSCRIBER = "leitora@example.org"
SECRET = "JBSWY3DPEHPK3PXP"  # the moderator's authenticator
SAO_PAULO = "America/Sao_Paulo"  # UTC-3 all year since 2019

TITLE = "Audiência pública nacional sobre o orçamento da saúde"
DESCRIPTION = "A Comissão de Orçamento ouve a sociedade civil sobre a proposta de 2027."
HOW_TO_ENGAGE = "Envie uma contribuição escrita e peça a palavra à secretaria da Comissão."
PUBLIC_NOTE = "Declaração conjunta sobre atenção primária"
MEMBERS_NOTE = "Reunião prévia com a relatoria, ainda reservada"


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The journey's language (parametrized indirectly); ``reverse`` and the catalogue follow it."""
    with translation.override(request.param):
        yield request.param


def url(site: Site, name: str, *args: object, query: str = "") -> str:
    """The live address of a named URL, in the active language."""
    return site(reverse(name, args=args) + (f"?{query}" if query else ""))


def path(name: str, *args: object) -> str:
    return reverse(f"opportunities:{name}", args=args)


def post_button(page: Page, field: str) -> Locator:
    """The submit button of the form holding ``field`` (the header has none)."""
    return page.locator("form", has=page.locator(field)).locator("button[type=submit]")


def sign_in_to(page: Page, site: Site, next_path: str, email_address: str) -> None:
    """Sign in from the login page in the active language, then land on ``next_path``."""
    page.goto(url(site, "account_login", query=f"next={next_path}"))
    sign_in_here(page, email_address)


def success(page: Page) -> Locator:
    return page.locator("main ul.messages li.msg-success")


def in_zone(value: datetime, zone: str, language: str) -> str:
    """``value`` as the pages show it: DATETIME_FORMAT in ``language``, in ``zone``."""
    with translation.override(language), timezone.override(ZoneInfo(zone)):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def feed_event(page: Page, site: Site, href: str, uid: str) -> icalendar.Event:
    """Fetch a calendar feed as a calendar app would, check it strictly, find one event."""
    response = page.request.get(site(href))
    assert response.ok, response.status
    assert response.headers["content-type"].startswith("text/calendar")
    body = response.body()
    strictly_valid(body)
    calendar = icalendar.Calendar.from_ical(body)
    events = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == f"{uid}@sauti"]
    assert len(events) == 1, body.decode()
    return events[0]


def member_of(email_address: str, display_name: str, organisation: str) -> Membership:
    return MembershipFactory(
        user=UserFactory(email=email_address, display_name=display_name),
        organisation=OrganisationFactory(name=organisation, country_id="BR"),
        role=Membership.Role.EDITOR,
    )


# --- 1. A Brazilian budget hearing, from proposal to calendars ---------------------------


@pytest.mark.usefixtures("needs_libical")
@pytest.mark.parametrize("language", ["pt", "en"], indirect=True)
def test_a_national_budget_hearing_from_proposal_to_calendars(
    new_page: Callable[..., Page], site: Site, language: str
) -> None:
    """Propose, moderate, engage, follow by email, subscribe in a calendar, reschedule."""
    proposer_org = member_of(PROPOSER, "Joana Silva", "Rede Saúde Brasil").organisation
    engager_org = member_of(ENGAGER, "Tiago Souza", "Instituto Orçamento e Direitos").organisation
    moderator = UserFactory(email=MODERATOR, display_name="Moderação Sauti")
    Group.objects.get(name=MODERATORS_GROUP).user_set.add(moderator)
    Authenticator.objects.create(
        user=moderator, type=Authenticator.Type.TOTP, data={"secret": SECRET}
    )
    today = timezone.localdate()
    day = today + timedelta(days=21)
    deadline = today + timedelta(days=10)
    list_path = path("list")
    country_query = "country=br"

    # 1. The member proposes the hearing, in Portuguese, from the calendar.
    proposer = new_page()
    sign_in_to(proposer, site, list_path, PROPOSER)
    expect(proposer).to_have_url(site(list_path))
    expect_language(proposer, language)
    proposer.locator(f'main a[href="{path("create")}"]').click()
    expect(proposer).to_have_url(site(path("create")))
    expect_language(proposer, language)
    expect(proposer.locator("#id_original_language")).to_have_value(language)
    proposer.locator("#id_title").fill(TITLE)
    proposer.locator("#id_description").fill(DESCRIPTION)
    proposer.locator("#id_original_language").select_option("pt")
    proposer.locator("#id_kind").select_option(Kind.BUDGET_CYCLE)
    proposer.locator("#id_level").select_option(Level.NATIONAL)
    proposer.locator("#id_country").select_option("BR")
    proposer.locator("#id_start_date").fill(day.isoformat())
    proposer.locator("#id_start_time").fill("14:00")
    proposer.locator("#id_end_time").fill("17:00")
    proposer.locator("#id_time_zone").fill(SAO_PAULO)
    proposer.locator("#id_place").fill("Câmara dos Deputados, Brasília")
    proposer.locator("#id_how_to_engage").fill(HOW_TO_ENGAGE)
    proposer.locator("#id_engagement_deadline").fill(deadline.isoformat())
    proposer.locator("#id_organisation").select_option(str(proposer_org.pk))
    post_button(proposer, "#id_title").click()

    expect(proposer).to_have_url(re.compile(re.escape(site(path("list"))) + r"\d+/$"))
    hearing = Opportunity.objects.get(created_by__email=PROPOSER)  # the migrations add others
    detail_path = path("detail", hearing.pk)
    expect(proposer).to_have_url(site(detail_path))
    expect_language(proposer, language)
    assert hearing.state == Opportunity.State.PENDING
    assert (hearing.starts_at, hearing.ends_at) == (
        datetime.combine(day, time(17), tzinfo=UTC),
        datetime.combine(day, time(20), tzinfo=UTC),
    )
    assert hearing.original_language == "pt"
    assert hearing.country_id == "BR" and hearing.organisation == proposer_org
    expect(success(proposer)).to_have_text(
        gettext("Thank you. A moderator will review the opportunity before it is published.")
    )
    expect(proposer.locator("main h1")).to_have_text(TITLE)
    expect(proposer.locator("main p.notice")).to_have_text(
        gettext("Waiting for a moderator's review: only you and the moderators see it.")
    )
    expect(proposer.locator("main")).to_contain_text(HOW_TO_ENGAGE)
    # The event's own time, then the reader's (UTC until they choose one).
    when = proposer.locator("main dl dd").first
    expect(when).to_contain_text(in_zone(hearing.starts_at, SAO_PAULO, language))
    expect(when).to_contain_text(in_zone(hearing.ends_at, SAO_PAULO, language))
    expect(when.locator("small").first).to_contain_text(in_zone(hearing.starts_at, "UTC", language))

    # Nobody else sees it yet: a 404, and not on the calendar.
    visitor = new_page()
    response = visitor.goto(site(detail_path))
    assert response is not None and response.status == 404
    visitor.goto(site(list_path + f"?{country_query}"))
    expect_language(visitor, language)
    expect(visitor.locator(f'main a[href="{detail_path}"]')).to_have_count(0)

    # 2. The moderator signs in with a second factor and publishes it from the queue.
    moderation = new_page()
    queue_path = path("queue")
    sign_in_to(moderation, site, queue_path, MODERATOR)
    expect(moderation).to_have_url(re.compile(r"/2fa/authenticate/"))
    expect_language(moderation, language)
    enter_totp(moderation, SECRET)
    expect(moderation).to_have_url(site(queue_path))
    expect_language(moderation, language)
    card = moderation.locator(
        "main section.card", has=moderation.locator(f'a[href="{detail_path}"]')
    )
    expect(card.locator("h2")).to_have_text(TITLE)
    expect(card).to_contain_text(proposer_org.name)
    card.locator(f'form[action="{path("publish", hearing.pk)}"] button[type=submit]').click()
    expect(moderation).to_have_url(site(queue_path))
    expect(success(moderation)).to_have_text(gettext("Published."))
    expect(moderation.locator(f'main a[href="{detail_path}"]')).to_have_count(0)
    hearing.refresh_from_db()
    assert hearing.state == Opportunity.State.PUBLISHED
    assert hearing.published_by == moderator

    # It is on Brazil's calendar now, and its page is public.
    visitor.goto(site(list_path + f"?{country_query}"))
    expect(visitor.locator(f'main ul.opportunities a[href="{detail_path}"]')).to_have_text(TITLE)
    response = visitor.goto(site(detail_path))
    assert response is not None and response.status == 200
    expect_language(visitor, language)
    expect(visitor.locator("main h1")).to_have_text(TITLE)
    expect(visitor.locator("main p.notice")).to_have_count(0)
    expect(visitor.locator("main ul.engagements")).to_have_count(0)

    # 3. Two organisations say they will engage: one for everyone, one for members only.
    proposer.goto(site(detail_path))
    proposer.locator("#id_organisation").select_option(str(proposer_org.pk))
    proposer.locator("#id_note").fill(PUBLIC_NOTE)
    proposer.locator(f'input[name=visibility][value="{Engagement.Visibility.PUBLIC}"]').check()
    post_button(proposer, "#id_note").click()
    expect(proposer).to_have_url(site(detail_path))
    expect(success(proposer)).to_have_text(
        gettext("Thank you. Others can now see that your organisation engages.")
    )

    engager = new_page()
    sign_in_to(engager, site, detail_path, ENGAGER)
    expect(engager).to_have_url(site(detail_path))
    expect_language(engager, language)
    engager.locator("#id_organisation").select_option(str(engager_org.pk))
    engager.locator("#id_note").fill(MEMBERS_NOTE)
    engager.locator(f'input[name=visibility][value="{Engagement.Visibility.MEMBERS}"]').check()
    post_button(engager, "#id_note").click()
    expect(engager).to_have_url(site(detail_path))
    expect(success(engager)).to_be_visible()
    assert {(e.organisation, e.visibility) for e in hearing.engagements.all()} == {
        (proposer_org, Engagement.Visibility.PUBLIC),
        (engager_org, Engagement.Visibility.MEMBERS),
    }

    # Anyone sees the public one; a member of the other organisation sees both.
    visitor.reload()
    engagements = visitor.locator("main ul.engagements > li")
    expect(engagements).to_have_count(1)
    expect(engagements).to_contain_text(proposer_org.name)
    expect(engagements).to_contain_text(PUBLIC_NOTE)
    expect(visitor.locator("main")).not_to_contain_text(engager_org.name)
    expect(visitor.locator("main")).not_to_contain_text(MEMBERS_NOTE)
    proposer.reload()
    engagements = proposer.locator("main ul.engagements > li")
    expect(engagements).to_have_count(2)
    members_only = engagements.filter(
        has=proposer.locator(f'a[href="{engager_org.get_absolute_url()}"]')
    )
    expect(members_only).to_contain_text(MEMBERS_NOTE)
    expect(members_only.locator("small")).to_have_text(f"({gettext('visible to members')})")

    # 4. A reader follows Brazil by email, and confirms from the link sent.
    follower = new_page()
    subscribe_path = reverse("accounts:subscribe")
    follower.goto(site(subscribe_path))
    expect_language(follower, language)
    expect(follower.locator("#id_language")).to_have_value(language)
    follower.locator("#id_email").fill(SUBSCRIBER)
    follower.locator("#id_language").select_option("pt")
    follower.locator("#id_countries").select_option("BR")
    expect(follower.locator("#id_calendar_digest")).to_be_checked()
    post_button(follower, "#id_email").click()
    expect(follower).to_have_url(site(subscribe_path))
    expect(follower.locator("#id_email")).to_have_count(0)  # the "check your email" page
    confirm = site.mail.link(site.mail.latest(to=SUBSCRIBER), "/subscribe/confirm/")
    # The email is in Portuguese; its link keeps the language of the page used to subscribe.
    assert confirm.startswith(site.url + f"/{language}/"), confirm
    follower.goto(confirm)
    expect_language(follower, language)
    expect(follower.locator("main")).to_contain_text(SUBSCRIBER)
    follower.locator("main form button[type=submit]").click()
    expect(follower.locator("main form")).to_have_count(0)
    subscription = Subscription.objects.get(email=SUBSCRIBER)
    assert subscription.is_confirmed
    assert list(subscription.countries.values_list("pk", flat=True)) == ["BR"]

    # The weekly digest runs: the follower's email lists the hearing, in Portuguese.
    call_command("send_calendar_digest", stdout=io.StringIO())
    digest = site.mail.latest(to=SUBSCRIBER)
    with translation.override("pt"):
        pt_detail_path = path("detail", hearing.pk)
        engages = ngettext(
            "%(counter)s organisation engages", "%(counter)s organisations engage", 1
        ) % {"counter": 1}
    assert site.mail.link(digest, pt_detail_path) == site(pt_detail_path)
    body = site.mail.text(digest)
    assert TITLE in body, body
    assert in_zone(hearing.starts_at, SAO_PAULO, "pt") in body, body
    assert engages in body, body  # the members-only engagement is not counted
    assert f"<{site.url}/" in str(digest["List-Unsubscribe"])
    subscription.refresh_from_db()
    assert subscription.calendar_digest_sent_on is not None

    # 5. Brazil's iCalendar feed, through the calendar's link: the hearing at 17:00 UTC.
    visitor.goto(site(list_path + f"?{country_query}"))
    feed_path = f"{path('ics')}?{country_query}"
    feed_link = visitor.locator(f'main a[href="{feed_path}"]')
    expect(feed_link).to_have_count(1)
    href = feed_link.get_attribute("href")
    assert href is not None
    event = feed_event(visitor, site, href, str(hearing.uid))
    assert str(event["SUMMARY"]) == TITLE
    assert event.decoded("DTSTART") == datetime.combine(day, time(17), tzinfo=UTC)
    assert event.decoded("DTEND") == datetime.combine(day, time(20), tzinfo=UTC)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]) == site(detail_path)
    assert str(event["X-SAUTI-TIMEZONE"]) == SAO_PAULO
    first_sequence = int(event["SEQUENCE"])
    # "Add to your calendar" on the event's page gives the same event.
    visitor.goto(site(detail_path))
    event_path = path("event_ics", hearing.pk)
    expect(visitor.locator(f'main a[href="{event_path}"]')).to_have_count(1)
    single = feed_event(visitor, site, event_path, str(hearing.uid))
    assert int(single["SEQUENCE"]) == first_sequence
    assert single.decoded("DTSTART") == event.decoded("DTSTART")

    # 6. The proposer moves it an hour later; calendars get the same event, revised.
    proposer.goto(site(detail_path))
    proposer.locator(f'main a[href="{path("edit", hearing.pk)}"]').click()
    expect(proposer).to_have_url(site(path("edit", hearing.pk)))
    expect_language(proposer, language)
    expect(proposer.locator("#id_title")).to_have_value(TITLE)
    expect(proposer.locator("#id_start_time")).to_have_value("14:00")
    expect(proposer.locator("#id_end_time")).to_have_value("17:00")
    expect(proposer.locator("#id_time_zone")).to_have_value(SAO_PAULO)
    proposer.locator("#id_start_time").fill("15:00")
    proposer.locator("#id_end_time").fill("18:00")
    post_button(proposer, "#id_title").click()
    expect(proposer).to_have_url(site(detail_path))
    expect(success(proposer)).to_be_visible()
    hearing.refresh_from_db()
    assert hearing.starts_at == datetime.combine(day, time(18), tzinfo=UTC)
    expect(proposer.locator("main dl dd").first).to_contain_text(
        in_zone(hearing.starts_at, SAO_PAULO, language)
    )
    event = feed_event(visitor, site, href, str(hearing.uid))
    assert int(event["SEQUENCE"]) > first_sequence
    assert event.decoded("DTSTART") == datetime.combine(day, time(18), tzinfo=UTC)
    assert event.decoded("DTEND") == datetime.combine(day, time(21), tzinfo=UTC)
    assert str(event["SUMMARY"]) == TITLE

    # 7. In Arabic, right to left: the list, then the month table with the hearing.
    visitor.goto(site(list_path + f"?{country_query}"))
    visitor.locator("header details.langs summary").click()
    visitor.locator('header details.langs a[hreflang="ar"]').click()
    with translation.override("ar"):
        ar_list_path = path("list")
        ar_detail_path = path("detail", hearing.pk)
        ar_month_path = path("month", day.year, day.month)
    expect(visitor).to_have_url(site(f"{ar_list_path}?{country_query}"))
    expect_language(visitor, "ar")
    expect(visitor.locator(f'main a[href="{ar_detail_path}"]')).to_have_text(TITLE)
    visitor.goto(site(ar_month_path))
    expect_language(visitor, "ar")
    cell = visitor.locator(f'main table.month td:has(time[datetime="{day.isoformat()}"])')
    expect(cell).to_have_count(1)
    expect(cell.locator(f'a[href="{ar_detail_path}"]')).to_have_text(TITLE)
    expect(visitor.locator(f'main table.month a[href="{ar_detail_path}"]')).to_have_count(1)


# --- 2. Without JavaScript, a reader in Paris sees the hearing in their own time --------


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_choose_a_time_zone_without_javascript(
    new_page: Callable[..., Page], site: Site, language: str
) -> None:
    """The choice is a plain form and a cookie: the event page converts the times."""
    day = timezone.localdate() + timedelta(days=21)
    schedule = build_schedule(
        start_date=day, start_time=time(14), end_time=time(17), time_zone=SAO_PAULO
    )
    hearing = make_opportunity(
        title=TITLE, country="BR", start=day, original_language="pt", **schedule.as_fields()
    )
    detail_path = path("detail", hearing.pk)
    zone_path = path("time_zone")
    paris = "Europe/Paris"

    reader = new_page(java_script_enabled=False)
    reader.goto(site(detail_path))
    expect_language(reader, language)
    when = reader.locator("main dl dd").first
    expect(when).to_contain_text(in_zone(hearing.starts_at, SAO_PAULO, language))
    expect(when.locator("small").first).to_contain_text(in_zone(hearing.starts_at, "UTC", language))
    expect(when).not_to_contain_text(paris)

    # "Change time zone" keeps the way back to the event.
    change = when.locator(f'a[href^="{zone_path}?"]')
    expect(change).to_have_count(1)
    change.click()
    expect(reader).to_have_url(re.compile(re.escape(site(zone_path)) + r"\?next="))
    expect_language(reader, language)
    expect(reader.locator("#id_time_zone")).to_have_value("UTC")
    reader.locator("#id_time_zone").select_option(paris)
    post_button(reader, "#id_time_zone").click()

    expect(reader).to_have_url(site(detail_path))
    expect_language(reader, language)
    converted = reader.locator("main dl dd").first.locator("small").first
    expect(converted).to_contain_text(paris)
    expect(converted).to_contain_text(in_zone(hearing.starts_at, paris, language))
    expect(converted).to_contain_text(in_zone(hearing.ends_at, paris, language))
    # 14:00 in São Paulo is 17:00 UTC, 18:00 or 19:00 in Paris (summer time or not).
    paris_start = hearing.starts_at.astimezone(ZoneInfo(paris))
    assert paris_start.hour in (18, 19)
    expect(converted).to_contain_text(f"{paris_start.hour}:00")
    # The event's own time is unchanged.
    expect(reader.locator("main dl dd").first).to_contain_text(
        in_zone(hearing.starts_at, SAO_PAULO, language)
    )

    # The calendar keeps the choice too, as does the time-zone page.
    reader.goto(site(path("list") + "?country=br"))
    expect(reader.locator("main p.tz")).to_contain_text(paris)
    item = reader.locator(
        "main ul.opportunities li", has=reader.locator(f'a[href="{detail_path}"]')
    )
    expect(item).to_contain_text(in_zone(hearing.starts_at, paris, language))
    reader.goto(site(zone_path))
    expect(reader.locator("#id_time_zone")).to_have_value(paris)
