"""The calendar's reader-facing parts: time zones, coordination, reports, history, places.

Every view is tried by each role: anonymous, outsider (signed in, no
organisation), member/editor/org_admin of ``organisation``, ``other_member``
(member of another organisation), moderator, site_admin.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sauti.accounts.models import Organisation
from sauti.core.models import AuditLogEntry, Country
from sauti.opportunities import selectors, services
from sauti.opportunities.middleware import TIME_ZONE_COOKIE
from sauti.opportunities.models import Engagement, Opportunity
from sauti.opportunities.schedule import build_schedule
from sauti.reports.models import ShadowReport
from tests.conftest import client_for
from tests.factories import MembershipFactory, OrganisationFactory
from tests.permissions import LOGIN, ROLES, assert_outcome, user_for
from tests.reports.factories import CycleFactory, ShadowReportFactory

from .factories import make_opportunity

pytestmark = pytest.mark.django_db

ALL_ROLES = [*ROLES, "other_member"]
TODAY = timezone.localdate


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Mombasa Patients Network")


@pytest.fixture
def other_member(other_organisation):
    return MembershipFactory(organisation=other_organisation).user


def coming(**extra) -> Opportunity:
    return make_opportunity(start=TODAY() + timedelta(days=30), **extra)


def started(**extra) -> Opportunity:
    return make_opportunity(start=TODAY() - timedelta(days=3), **extra)


def timed(start: date, **extra) -> Opportunity:
    """14:00 to 17:00 in São Paulo."""
    schedule = build_schedule(
        start_date=start, start_time=time(14), end_time=time(17), time_zone="America/Sao_Paulo"
    )
    return make_opportunity(start=start, **{**schedule.as_fields(), **extra})


def engaged(opportunity, organisation, *, visibility="public", note="Joint statement", **extra):
    return Engagement.objects.create(
        opportunity=opportunity,
        organisation=organisation,
        note=note,
        visibility=visibility,
        **extra,
    )


def page_of(client: Client, opportunity: Opportunity) -> str:
    response = client.get(opportunity.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


# --- The reader's time zone ---------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_choose_a_time_zone(request, role):
    client = client_for(user_for(request, role))
    page = client.get(reverse("opportunities:time_zone")).content.decode()
    assert '<option value="Europe/Paris"' in page and 'name="csrfmiddlewaretoken"' in page
    response = client.post(
        reverse("opportunities:time_zone"), {"time_zone": "Africa/Nairobi", "next": "/en/calendar/"}
    )
    assert response.status_code == 302 and response["Location"] == "/en/calendar/"
    assert response.cookies[TIME_ZONE_COOKIE].value == "Africa/Nairobi"


def test_the_cookie_lasts_a_year_for_the_whole_site():
    response = Client().post(reverse("opportunities:time_zone"), {"time_zone": "Europe/Paris"})
    cookie = response.cookies[TIME_ZONE_COOKIE]
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["samesite"] == "Lax" and cookie["path"] == "/" and cookie["httponly"]
    assert response["Location"] == reverse("opportunities:list")


def test_the_choice_is_a_post_with_csrf():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("opportunities:time_zone"), {"time_zone": "Europe/Paris"})
    assert response.status_code == 403
    assert TIME_ZONE_COOKIE not in response.cookies


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "/" + "a" * 3000,
    ],
)
def test_an_open_redirect_is_refused(target):
    response = Client().post(
        reverse("opportunities:time_zone"), {"time_zone": "Europe/Paris", "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("opportunities:list")


def test_no_header_can_be_slipped_into_the_redirect():
    response = Client().post(
        reverse("opportunities:time_zone"),
        {"time_zone": "Europe/Paris", "next": "/en/calendar/\r\nSet-Cookie: x=1"},
    )
    assert "\n" not in response["Location"] and "x" not in response.cookies


@pytest.mark.parametrize("zone", ["Mars/Olympus", "localtime", "../../etc/passwd", "", "x" * 300])
def test_an_unknown_zone_is_refused(zone):
    response = Client().post(reverse("opportunities:time_zone"), {"time_zone": zone})
    assert response.status_code == 200
    assert response.context["form"].errors["time_zone"]
    assert TIME_ZONE_COOKIE not in response.cookies


def test_the_select_is_on_its_own_page_not_on_every_calendar_page():
    opportunity = timed(TODAY() + timedelta(days=30))
    client = Client()
    for url in (
        reverse("opportunities:list"),
        reverse("opportunities:month_now"),
        opportunity.get_absolute_url(),
    ):
        page = client.get(url).content.decode()
        assert '<option value="Europe/Paris"' not in page
        assert f'href="{reverse("opportunities:time_zone")}?next=' in page, url


def test_the_zone_page_speaks_the_reader_language():
    page = Client().get("/fr/calendar/time-zone/").content.decode()
    assert ">Paris</option>" in page and "Addis-Abeba" in page


def test_timed_events_show_their_own_time_and_the_reader_time():
    opportunity = timed(date(2030, 3, 10))
    client = Client()
    client.cookies[TIME_ZONE_COOKIE] = "Europe/Paris"
    page = page_of(client, opportunity)
    # 14:00 in São Paulo (UTC−3) is 18:00 in Paris (UTC+1) in March.
    assert "March 10, 2030, 2 p.m. to March 10, 2030, 5 p.m. (America/Sao_Paulo time)" in page
    assert "In your time zone (Europe/Paris): March 10, 2030, 6 p.m. to March 10, 2030, 9 p.m." in (
        page
    )
    listing = client.get(reverse("opportunities:list")).content.decode()
    assert "March 10, 2030, 2 p.m. (America/Sao_Paulo)" in listing
    assert "In your time zone (Europe/Paris): March 10, 2030, 6 p.m." in listing
    assert "Times are also shown in your time zone: Europe/Paris." in listing


def test_without_a_choice_the_reader_time_is_utc():
    opportunity = timed(date(2030, 3, 10))
    page = page_of(Client(), opportunity)
    assert "(America/Sao_Paulo time)" in page
    assert "In your time zone (UTC): March 10, 2030, 5 p.m. to March 10, 2030, 8 p.m." in page


def test_the_reader_in_the_event_zone_is_not_told_twice():
    opportunity = timed(date(2030, 3, 10))
    client = Client()
    client.cookies[TIME_ZONE_COOKIE] = "America/Sao_Paulo"
    assert "In your time zone" not in page_of(client, opportunity)


@pytest.mark.parametrize("cookie", ["Mars/Olympus", "../../etc/passwd", "localtime", "\x00", ""])
def test_a_bad_time_zone_cookie_is_ignored(cookie):
    opportunity = timed(date(2030, 3, 10))
    client = Client()
    client.cookies[TIME_ZONE_COOKIE] = cookie
    page = page_of(client, opportunity)
    assert "In your time zone (UTC): March 10, 2030, 5 p.m." in page


def test_all_day_events_show_dates_only():
    opportunity = make_opportunity(start=date(2030, 12, 12))
    client = Client()
    client.cookies[TIME_ZONE_COOKIE] = "Pacific/Auckland"
    page = page_of(client, opportunity)
    assert "Dec. 12, 2030" in page and "In your time zone" not in page
    listing = client.get(reverse("opportunities:list")).content.decode()
    assert "Dec. 12, 2030" in listing and "In your time zone (" not in listing


def test_the_zone_does_not_outlive_the_request():
    client = Client()
    client.cookies[TIME_ZONE_COOKIE] = "Asia/Tokyo"
    response = client.get(reverse("opportunities:list"))
    assert timezone.get_current_timezone_name() == "UTC"
    assert "Cookie" in response["Vary"]


def test_today_in_the_month_table_is_the_reader_today():
    client = Client()
    client.cookies[TIME_ZONE_COOKIE] = "Pacific/Kiritimati"  # UTC+14
    response = client.get(reverse("opportunities:month_now"))
    kiritimati = timezone.now().astimezone(ZoneInfo("Pacific/Kiritimati")).date()
    assert response.context["today"] == kiritimati
    assert 'aria-current="date"' in response.content.decode()


# --- Engagements: reminders, withdrawing, what was done -----------------------------


def test_an_engagement_keeps_its_reminder(member, organisation):
    opportunity = coming(engagement_deadline=TODAY() + timedelta(days=20))
    client = client_for(member)
    url = reverse("opportunities:engage", args=[opportunity.pk])
    page = page_of(client, opportunity)
    assert 'name="remind_days_before"' in page and "No reminder" in page
    data = {"organisation": organisation.pk, "note": "Side event", "visibility": "public"}
    client.post(url, {**data, "remind_days_before": "3"})
    assert Engagement.objects.get().remind_days_before == 3
    client.post(url, {**data, "remind_days_before": ""})
    assert Engagement.objects.get().remind_days_before is None
    client.post(url, {**data, "remind_days_before": "5", "note": "Changed"})
    assert Engagement.objects.get().note == "Side event"  # refused as a whole


def test_a_note_of_ten_thousand_characters_is_refused(member, organisation):
    opportunity = coming()
    response = client_for(member).post(
        reverse("opportunities:engage", args=[opportunity.pk]),
        {"organisation": organisation.pk, "note": "x" * 10_000, "visibility": "public"},
        follow=True,
    )
    assert not Engagement.objects.exists()
    assert "at most 1000 characters" in response.content.decode()


EXPECTED_WITHDRAW = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 302,
    "editor": 302,
    "org_admin": 302,
    "other_member": 403,
    "moderator": 403,
    "site_admin": 302,
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_withdraw_an_engagement(request, role, organisation):
    engagement = engaged(coming(), organisation)
    url = reverse("opportunities:withdraw", args=[engagement.opportunity_id, engagement.pk])
    response = client_for(user_for(request, role)).post(url)
    assert_outcome(response, EXPECTED_WITHDRAW[role], url)
    assert Engagement.objects.exists() == (EXPECTED_WITHDRAW[role] != 302)
    if EXPECTED_WITHDRAW[role] == 302:
        assert AuditLogEntry.objects.filter(action="opportunity.withdraw").exists()


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_withdraw_button_is_shown_to_the_organisation_only(request, role, organisation):
    engagement = engaged(coming(), organisation)
    page = page_of(client_for(user_for(request, role)), engagement.opportunity)
    url = reverse("opportunities:withdraw", args=[engagement.opportunity_id, engagement.pk])
    assert (url in page) == (EXPECTED_WITHDRAW[role] == 302)


def test_a_members_only_engagement_is_not_found_by_outsiders(outsider, organisation):
    engagement = engaged(coming(), organisation, visibility="members")
    url = reverse("opportunities:withdraw", args=[engagement.opportunity_id, engagement.pk])
    assert client_for(outsider).post(url).status_code == 404
    assert Engagement.objects.exists()


def test_no_withdrawing_once_the_moment_has_started(member, organisation):
    engagement = engaged(started(), organisation)
    url = reverse("opportunities:withdraw", args=[engagement.opportunity_id, engagement.pk])
    assert url not in page_of(client_for(member), engagement.opportunity)
    assert client_for(member).post(url).status_code == 403
    assert Engagement.objects.exists()


def test_withdraw_and_outcome_take_only_post(member, organisation):
    engagement = engaged(started(), organisation)
    for name in ("withdraw", "outcome"):
        url = reverse(f"opportunities:{name}", args=[engagement.opportunity_id, engagement.pk])
        assert client_for(member).get(url).status_code == 405


def test_an_engagement_of_another_opportunity_is_not_found(member, organisation):
    engagement = engaged(coming(), organisation)
    elsewhere = coming(title="Another")
    url = reverse("opportunities:withdraw", args=[elsewhere.pk, engagement.pk])
    assert client_for(member).post(url).status_code == 404


EXPECTED_OUTCOME = {**EXPECTED_WITHDRAW}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_say_what_was_done(request, role, organisation):
    engagement = engaged(started(), organisation)
    url = reverse("opportunities:outcome", args=[engagement.opportunity_id, engagement.pk])
    client = client_for(user_for(request, role))
    response = client.post(url, {"outcome": "We delivered the statement."})
    assert_outcome(response, EXPECTED_OUTCOME[role], url)
    engagement.refresh_from_db()
    if EXPECTED_OUTCOME[role] == 302:
        assert engagement.outcome == "We delivered the statement."
        assert engagement.outcome_at is not None
        assert AuditLogEntry.objects.filter(action="opportunity.outcome").exists()
        page = page_of(client, engagement.opportunity)
        assert 'id="done"' in page and "We delivered the statement." in page
    else:
        assert engagement.outcome == ""


def test_nothing_is_done_before_the_moment(member, organisation):
    engagement = engaged(coming(), organisation)
    url = reverse("opportunities:outcome", args=[engagement.opportunity_id, engagement.pk])
    assert client_for(member).post(url, {"outcome": "Too early"}).status_code == 403
    page = page_of(client_for(member), engagement.opportunity)
    assert "What was done" not in page


def test_html_in_what_was_done_is_neither_kept_nor_run(member, organisation):
    engagement = engaged(started(), organisation)
    url = reverse("opportunities:outcome", args=[engagement.opportunity_id, engagement.pk])
    client_for(member).post(url, {"outcome": "<script>alert(1)</script>Met the <b>minister</b>"})
    engagement.refresh_from_db()
    assert "<" not in engagement.outcome and "minister" in engagement.outcome
    # Even if markup reaches the database another way, the page escapes it.
    Engagement.objects.filter(pk=engagement.pk).update(outcome="<script>alert(1)</script>")
    page = page_of(Client(), engagement.opportunity)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


@pytest.mark.parametrize("outcome", ["", "   ", "<b></b>", "y" * 2001])
def test_an_empty_or_overlong_outcome_is_refused(member, organisation, outcome):
    engagement = engaged(started(), organisation)
    url = reverse("opportunities:outcome", args=[engagement.opportunity_id, engagement.pk])
    client_for(member).post(url, {"outcome": outcome})
    engagement.refresh_from_db()
    assert engagement.outcome == ""


@pytest.mark.parametrize("role", ALL_ROLES)
def test_members_only_engagements_and_outcomes_stay_with_members(request, role, organisation):
    opportunity = started()
    engaged(opportunity, organisation, visibility="members", note="Quiet lobbying", outcome="Met")
    page = page_of(client_for(user_for(request, role)), opportunity)
    sees = role not in ("anonymous", "outsider")
    assert ("Quiet lobbying" in page) == sees
    assert ("Kisumu Health Rights Forum" in page) == sees


def test_past_moments_show_what_was_done_in_numbers(member, organisation, other_organisation):
    opportunity = make_opportunity(title="Past hearing", start=TODAY() - timedelta(days=40))
    engaged(opportunity, organisation, outcome="Statement delivered")
    engaged(opportunity, other_organisation)
    engaged(opportunity, OrganisationFactory(), visibility="members", outcome="Quiet meeting")
    url = reverse("opportunities:list") + "?past=1"
    public = Client().get(url).content.decode()
    assert "Past hearing" in public
    assert "2 organisations engaged · 1 said what it did" in public
    members = client_for(member).get(url).content.decode()
    assert "3 organisations engaged · 2 said what they did" in members
    coming_list = Client().get(reverse("opportunities:list")).content.decode()
    assert "organisations engaged" not in coming_list


def test_the_past_list_counts_in_one_query(django_assert_max_num_queries, organisation):
    for n in range(12):
        opportunity = make_opportunity(title=f"Past {n}", start=TODAY() - timedelta(days=40 + n))
        engaged(opportunity, organisation, outcome="Done")
    client = Client()
    client.get(reverse("opportunities:list") + "?past=1")
    with django_assert_max_num_queries(8):
        page = client.get(reverse("opportunities:list") + "?past=1").content.decode()
    assert page.count("1 organisation engaged · 1 said what it did") == 12


# --- Shadow reports linked to the moment --------------------------------------------


@pytest.fixture
def coalition(organisation, member, editor, org_admin):
    Organisation.objects.filter(pk=organisation.pk).update(kind=Organisation.Kind.NETWORK)
    organisation.refresh_from_db()
    return organisation


def with_files(report: ShadowReport) -> ShadowReport:
    report.docx.save("r.docx", ContentFile(b"PK\x03\x04 docx"), save=False)
    report.state = ShadowReport.State.DONE
    report.save()
    return report


@pytest.fixture
def private_report(coalition):
    return with_files(ShadowReportFactory(coalition=coalition, title="Unpublished findings"))


@pytest.fixture
def public_report(coalition):
    return with_files(
        ShadowReportFactory(coalition=coalition, title="Promises and practice", is_public=True)
    )


EXPECTED_LINK = {
    "anonymous": LOGIN,
    "outsider": 302,
    "member": 302,
    "editor": 302,
    "org_admin": 302,
    "other_member": 302,
    "moderator": 302,
    "site_admin": 302,
}
LINKS = {"editor", "org_admin"}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_link_a_report(request, role, private_report):
    opportunity = coming()
    url = reverse("opportunities:link_report", args=[opportunity.pk])
    client = client_for(user_for(request, role))
    page = page_of(client, opportunity)
    assert ("Link a shadow report your coalition wrote" in page) == (role in LINKS)
    response = client.post(url, {"report": private_report.pk})
    assert_outcome(response, EXPECTED_LINK[role], url)
    # Site admins pass every rule, but the form lists their own coalitions' reports.
    assert opportunity.reports.exists() == (role in LINKS)
    assert AuditLogEntry.objects.filter(action="opportunity.link_report").exists() == (
        role in LINKS
    )


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_unlink_a_report(request, role, private_report, public_report):
    opportunity = coming()
    opportunity.reports.add(private_report, public_report)
    client = client_for(user_for(request, role))
    outcomes = {}
    for report in (private_report, public_report):
        url = reverse("opportunities:unlink_report", args=[opportunity.pk, report.pk])
        outcomes[report.pk] = client.post(url).status_code
    if role == "anonymous":
        assert set(outcomes.values()) == {302}
        assert opportunity.reports.count() == 2
    elif role in ("editor", "org_admin", "site_admin"):
        assert set(outcomes.values()) == {302}
        assert not opportunity.reports.exists()
    elif role == "member":  # reads the coalition's reports, does not edit them
        assert set(outcomes.values()) == {403}
    else:  # the private report does not exist for them
        assert outcomes == {private_report.pk: 404, public_report.pk: 403}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_a_private_report_title_never_leaks(request, role, private_report, public_report):
    opportunity = coming()
    opportunity.reports.add(private_report, public_report)
    page = page_of(client_for(user_for(request, role)), opportunity)
    assert "Promises and practice" in page
    in_coalition = role in ("member", "editor", "org_admin", "site_admin")
    assert ("Unpublished findings" in page) == in_coalition
    assert (private_report.get_absolute_url() in page) == in_coalition


def test_a_report_of_another_coalition_cannot_be_linked(editor, coalition):
    stranger = with_files(ShadowReportFactory(title="Theirs", cycle=CycleFactory()))
    opportunity = coming()
    response = client_for(editor).post(
        reverse("opportunities:link_report", args=[opportunity.pk]), {"report": stranger.pk}
    )
    assert response.status_code == 302
    assert not opportunity.reports.exists()


def test_reports_link_only_to_public_moments(editor, private_report):
    opportunity = coming(state="pending", created_by=editor)
    url = reverse("opportunities:link_report", args=[opportunity.pk])
    assert client_for(editor).post(url, {"report": private_report.pk}).status_code == 403


def test_the_report_page_says_which_moments_it_was_written_for(member, public_report):
    opportunity = coming(title="World Health Assembly")
    hidden = coming(title="Pending hearing", state="pending")
    services.link_report(opportunity, public_report, acting_user=None)
    services.link_report(hidden, public_report, acting_user=None)
    page = Client().get(public_report.get_absolute_url()).content.decode()
    assert "Written for:" in page
    assert (
        f'<a href="{opportunity.get_absolute_url()}" dir="auto">World Health Assembly</a>' in page
    )
    assert "Pending hearing" not in page


# --- Country and region pages ---------------------------------------------------------


def test_country_and_region_pages_show_coming_moments():
    make_opportunity(title="Kenya budget hearing", start=TODAY() + timedelta(days=5))
    make_opportunity(title="Old Kenya hearing", start=TODAY() - timedelta(days=5))
    make_opportunity(title="Brazil hearing", country="BR", start=TODAY() + timedelta(days=5))
    country = Client().get("/en/countries/ke/").content.decode()
    assert "Coming advocacy moments" in country
    assert "Kenya budget hearing" in country
    assert "Old Kenya hearing" not in country and "Brazil hearing" not in country
    assert f'href="{reverse("opportunities:list")}?country=ke"' in country
    assert f'href="{reverse("opportunities:ics")}?country=ke"' in country
    region = Client().get("/en/regions/afr/").content.decode()
    assert "Kenya budget hearing" in region and "Brazil hearing" not in region
    assert f'href="{reverse("opportunities:list")}?region=afr"' in region


def test_the_pages_show_at_most_ten(django_assert_max_num_queries):
    for n in range(15):
        make_opportunity(title=f"Hearing {n:02}", start=TODAY() + timedelta(days=n + 1))
    with django_assert_max_num_queries(5):
        page = Client().get("/en/countries/ke/").content.decode()
    shown = [n for n in range(15) if f"Hearing {n:02}" in page]
    assert len(shown) <= 10
    assert Client().get("/en/regions/xyz/").status_code == 404


def test_the_calendar_is_in_the_main_navigation():
    page = Client().get("/en/").content.decode()
    assert f'<a href="{reverse("opportunities:list")}">Calendar</a>' in page


# --- History --------------------------------------------------------------------------


@pytest.fixture
def versioned(member, moderator):
    data = {
        "title": "Budget hearing",
        "description": "",
        "how_to_engage": "",
        "original_language": "en",
        "kind": "budget_cycle",
        "level": "national",
        "country": Country.objects.get(pk="KE"),
        **build_schedule(start_date=date(2030, 3, 10)).as_fields(),
    }
    opportunity = services.propose_opportunity(acting_user=member, data=data)
    services.publish_opportunity(opportunity, acting_user=moderator)
    services.update_opportunity(
        opportunity,
        acting_user=member,
        data={**data, "title": "County budget hearing", "place": "Kisumu"},
    )
    return opportunity


@pytest.mark.parametrize("role", ROLES)
def test_the_history_says_who_changed_what(request, role, versioned, member):
    url = reverse("opportunities:history", args=[versioned.pk])
    page = client_for(user_for(request, role)).get(url).content.decode()
    assert "Changed: title and place" in page
    assert "Published" in page and "Added to the calendar" in page
    assert member.display_name in page
    for code in (">update<", ">create<", ">publish<"):
        assert code not in page


def test_the_history_speaks_french(versioned, catalogue):
    catalogue(
        "fr",
        {
            "Changed: %(fields)s": "Modifié : %(fields)s",
            "Added to the calendar": "Ajouté au calendrier",
            "Published": "Publié",
            "title": "titre",
            "place": "lieu",
        },
    )
    page = Client().get(f"/fr/calendar/{versioned.pk}/history/").content.decode()
    assert "Modifié : titre et lieu" in page
    assert "Ajouté au calendrier" in page and "Publié" in page
    assert "Changed:" not in page and ">update<" not in page


def test_the_history_reads_in_few_queries(versioned, member, django_assert_max_num_queries):
    for n in range(10):
        services.update_opportunity(
            versioned,
            acting_user=member,
            data={"title": f"Title {n}", "level": "national", "country": versioned.country},
        )
    with django_assert_max_num_queries(10):
        page = Client().get(reverse("opportunities:history", args=[versioned.pk]))
    assert page.content.decode().count("Changed: title") == 11


def test_describing_nothing_is_nothing(versioned):
    selectors.describe_versions(versioned, [])
    assert selectors.reports_for(versioned, AnonymousUser()) == []


def test_the_first_edit_of_a_generated_moment_is_an_edit(member):
    opportunity = make_opportunity(title="UHC Day", start=date(2030, 12, 12))
    services.update_opportunity(
        opportunity,
        acting_user=member,
        data={"title": "UHC Day 2030", "level": "national", "country": opportunity.country},
    )
    page = Client().get(reverse("opportunities:history", args=[opportunity.pk])).content.decode()
    assert "<td>Edited</td>" in page and "Added to the calendar" not in page
