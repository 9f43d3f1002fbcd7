"""The weekly digest of the calendar: who receives what, in which language, once a week."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from sauti.accounts import services as accounts
from sauti.accounts.models import Organisation, Subscription
from sauti.core.i18n import language_name
from sauti.opportunities.digest import send_weekly_digest
from sauti.opportunities.models import Engagement, Opportunity

from .factories import make_opportunity

pytestmark = pytest.mark.django_db

MONDAY = date(2030, 3, 4)
SITE = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def _empty_calendar(db):
    """Without the recurring moments a migration loads: each test says what is on."""
    Opportunity.objects.all().delete()


def follower(
    email="follower@example.org",
    *,
    language="en",
    countries=(),
    regions=(),
    topics=(),
    confirmed=True,
    digest=True,
):
    subscription = Subscription.objects.create(
        email=email,
        language=language,
        confirmed_at=timezone.now() if confirmed else None,
        calendar_digest=digest,
    )
    subscription.countries.set(countries)
    subscription.regions.set(regions)
    subscription.topics.set(topics)
    return subscription


def translate(opportunity, language, title):
    opportunity.set_current_language(language)
    opportunity.title = title
    opportunity.save_translations()


def outbox_for(email):
    return [message for message in mail.outbox if message.to == [email]]


def the_digest_of(email):
    [message] = outbox_for(email)
    return message


def test_each_subscriber_reads_the_titles_in_their_language():
    opportunity = make_opportunity(title="Budget hearing", start=MONDAY + timedelta(days=6))
    translate(opportunity, "fr", "Audition sur le budget")
    translate(opportunity, "ar", "جلسة استماع بشأن الميزانية")
    follower("en@example.org", countries=["KE"])
    follower("fr@example.org", language="fr", countries=["KE"])
    follower("ar@example.org", language="ar", countries=["KE"])

    result = send_weekly_digest(today=MONDAY)

    assert (result.sent, result.skipped) == (3, 0)
    english = the_digest_of("en@example.org")
    assert english.subject == "[Sauti] Advocacy calendar: 1 moment in the coming weeks"
    assert "Budget hearing" in english.body
    assert f"{SITE}/en/calendar/{opportunity.pk}/" in english.body
    french = the_digest_of("fr@example.org")
    assert "Audition sur le budget" in french.body and "Budget hearing" not in french.body
    assert f"{SITE}/fr/calendar/{opportunity.pk}/" in french.body
    arabic = the_digest_of("ar@example.org")
    assert "جلسة استماع بشأن الميزانية" in arabic.body and "Budget hearing" not in arabic.body


def test_an_untranslated_title_is_shown_in_its_original_language_and_says_so():
    make_opportunity(title="Budget hearing", start=MONDAY + timedelta(days=6))
    follower("fr@example.org", language="fr", countries=["KE"])
    send_weekly_digest(today=MONDAY)
    body = the_digest_of("fr@example.org").body
    with translation.override("fr"):
        said = translation.gettext("(in %(language)s)") % {
            "language": language_name("en", in_language="fr")
        }
    assert f"Budget hearing {said}" in body


def test_what_each_subscriber_follows_decides_what_they_get(request):
    soon = MONDAY + timedelta(days=10)
    kenya = make_opportunity(title="Kenya budget hearing", start=soon, country="KE")
    senegal = make_opportunity(title="Senegal health plan", start=soon, country="SN")
    brazil = make_opportunity(
        title="Brazil consultation", start=soon, country="BR", kind="consultation"
    )
    brazil.topics.set(["consultations"])
    afro_committee = make_opportunity(
        title="Regional Committee for Africa", start=soon, country="KE", level="regional"
    )
    afro_committee.country = None
    afro_committee.save()
    euro_committee = make_opportunity(
        title="Regional Committee for Europe", start=soon, country="FR", level="regional"
    )
    euro_committee.country = None
    euro_committee.save()
    wha = make_opportunity(title="World Health Assembly", start=soon, country="CH", level="global")
    wha.country, wha.region = None, None
    wha.save()

    follower("kenya@example.org", countries=["KE"])
    follower("africa@example.org", regions=["AFR"])
    follower("topic@example.org", topics=["consultations"])
    follower("nothing@example.org", topics=["mechanisms"])

    result = send_weekly_digest(today=MONDAY)

    def titles(email):
        body = the_digest_of(email).body
        return {
            o.display_title
            for o in (kenya, senegal, brazil, afro_committee, euro_committee, wha)
            if o.display_title in body
        }

    # A country: its own moments, its region's regional ones, the global ones.
    assert titles("kenya@example.org") == {
        "Kenya budget hearing",
        "Regional Committee for Africa",
        "World Health Assembly",
    }
    # A region: everything in it, and the global ones; not other regions.
    assert titles("africa@example.org") == {
        "Kenya budget hearing",
        "Senegal health plan",
        "Regional Committee for Africa",
        "World Health Assembly",
    }
    # Only a topic: the moments with that topic, wherever they are; no global ones.
    assert titles("topic@example.org") == {"Brazil consultation"}
    # Nothing matches: no email at all.
    assert outbox_for("nothing@example.org") == []
    assert (result.sent, result.skipped) == (3, 1)


def test_unconfirmed_and_digest_off_subscribers_get_nothing():
    make_opportunity(start=MONDAY + timedelta(days=3))
    follower("unconfirmed@example.org", countries=["KE"], confirmed=False)
    follower("off@example.org", countries=["KE"], digest=False)
    result = send_weekly_digest(today=MONDAY)
    assert mail.outbox == []
    assert result.subscribers == 0


@pytest.mark.parametrize("state", ["draft", "pending"])
def test_unpublished_opportunities_never_appear(state):
    make_opportunity(title="Not reviewed yet", state=state, start=MONDAY + timedelta(days=3))
    follower(countries=["KE"])
    result = send_weekly_digest(today=MONDAY)
    assert mail.outbox == []
    assert result.skipped == 1


def test_hidden_opportunities_never_appear():
    make_opportunity(title="Visible one", start=MONDAY + timedelta(days=3))
    make_opportunity(
        title="Hidden by a moderator", start=MONDAY + timedelta(days=4), hidden_at=timezone.now()
    )
    follower(countries=["KE"])
    send_weekly_digest(today=MONDAY)
    body = the_digest_of("follower@example.org").body
    assert "Visible one" in body and "Hidden by a moderator" not in body


def test_a_cancelled_moment_is_listed_as_cancelled():
    make_opportunity(title="Called off", state="cancelled", start=MONDAY + timedelta(days=3))
    follower(countries=["KE"])
    send_weekly_digest(today=MONDAY)
    assert "Called off — Cancelled" in the_digest_of("follower@example.org").body


def test_only_the_coming_eight_weeks_and_the_deadlines_of_the_next_two():
    make_opportunity(title="Already over", start=MONDAY - timedelta(days=3))
    make_opportunity(title="In seven weeks", start=MONDAY + timedelta(days=49))
    make_opportunity(title="In nine weeks", start=MONDAY + timedelta(days=63))
    make_opportunity(
        title="Far away but answer now",
        start=MONDAY + timedelta(days=90),
        engagement_deadline=MONDAY + timedelta(days=10),
    )
    make_opportunity(
        title="Soon, deadline later",
        start=MONDAY + timedelta(days=30),
        engagement_deadline=MONDAY + timedelta(days=20),
    )
    follower(countries=["KE"])
    send_weekly_digest(today=MONDAY)
    message = the_digest_of("follower@example.org")
    body = message.body
    assert "Already over" not in body and "In nine weeks" not in body
    deadlines, coming = body.split("Coming up")
    assert "Deadlines to engage in the next two weeks" in deadlines
    assert "Far away but answer now" in deadlines
    assert f"Deadline to engage: {(MONDAY + timedelta(days=10)):%B} 14, 2030" in deadlines
    assert "In seven weeks" in coming and "Soon, deadline later" in coming
    assert message.subject == "[Sauti] Advocacy calendar: 3 moments in the coming weeks"


def test_the_count_of_organisations_that_engage_is_public_only(organisation, member):
    opportunity = make_opportunity(start=MONDAY + timedelta(days=3))
    Engagement.objects.create(opportunity=opportunity, organisation=organisation)
    other = Organisation.objects.create(
        name="Members only", slug="members-only", kind="ngo", level="national", country_id="KE"
    )
    Engagement.objects.create(opportunity=opportunity, organisation=other, visibility="members")
    follower(countries=["KE"])
    send_weekly_digest(today=MONDAY)
    assert "1 organisation engages" in the_digest_of("follower@example.org").body


def test_personal_links_and_one_click_unsubscribe():
    make_opportunity(start=MONDAY + timedelta(days=3))
    one = follower("one@example.org", language="fr", countries=["KE"])
    follower("two@example.org", countries=["KE"])
    result = send_weekly_digest(today=MONDAY)
    assert result.rendered == 2  # one body per language, shared by those who follow the same

    message = the_digest_of("one@example.org")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith(f"<{SITE}/fr/unsubscribe/") and header.endswith(">")
    assert message.message()["List-Unsubscribe"] == header
    with translation.override("fr"):
        prefix = reverse("accounts:subscription_manage", args=["x"]).removesuffix("x/")
    manage = re.search(re.escape(SITE + prefix) + r"([^/\s]+)/", message.body)
    assert manage, message.body
    assert accounts.subscription_from_token(manage.group(1), "manage") == one
    assert "\x00" not in message.body
    other = the_digest_of("two@example.org")
    assert other.extra_headers["List-Unsubscribe"] != header

    response = Client().post(
        header.strip("<>").removeprefix(SITE),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=one.pk).exists()


def test_same_follows_share_one_rendering():
    make_opportunity(start=MONDAY + timedelta(days=3))
    for n in range(5):
        follower(f"p{n}@example.org", countries=["KE"])
    result = send_weekly_digest(today=MONDAY, batch_size=2)
    assert (result.sent, result.rendered, result.batches) == (5, 1, 3)


def test_a_second_run_the_same_week_sends_nothing_and_next_week_sends_again():
    make_opportunity(start=MONDAY + timedelta(days=10))
    subscription = follower(countries=["KE"])
    assert send_weekly_digest(today=MONDAY).sent == 1
    assert send_weekly_digest(today=MONDAY + timedelta(days=3)).sent == 0
    assert len(mail.outbox) == 1
    subscription.refresh_from_db()
    assert subscription.calendar_digest_sent_on == MONDAY
    assert send_weekly_digest(today=MONDAY + timedelta(days=7)).sent == 1
    assert len(mail.outbox) == 2


class FailsOnSecondBatch(EmailBackend):
    batches = 0

    def send_messages(self, messages):
        FailsOnSecondBatch.batches += 1
        if FailsOnSecondBatch.batches == 2:
            raise ConnectionError("the process was stopped")
        return super().send_messages(messages)


class ServerDown(EmailBackend):
    def open(self):
        raise ConnectionError("mail server down")


def test_a_run_stopped_halfway_and_started_again_sends_nobody_twice(settings):
    make_opportunity(start=MONDAY + timedelta(days=10))
    for n in range(6):
        follower(f"p{n}@example.org", countries=["KE"])
    settings.EMAIL_BACKEND = f"{__name__}.FailsOnSecondBatch"
    FailsOnSecondBatch.batches = 0
    with pytest.raises(ConnectionError):
        send_weekly_digest(today=MONDAY, batch_size=2)
    assert len(mail.outbox) == 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_weekly_digest(today=MONDAY, batch_size=2).sent == 2
    addresses = [message.to[0] for message in mail.outbox]
    assert len(addresses) == len(set(addresses)) == 4  # the failed batch waits a week


def test_a_mail_server_that_is_down_marks_nobody(settings):
    make_opportunity(start=MONDAY + timedelta(days=10))
    follower(countries=["KE"])
    settings.EMAIL_BACKEND = f"{__name__}.ServerDown"
    with pytest.raises(ConnectionError):
        send_weekly_digest(today=MONDAY)
    assert Subscription.objects.get().calendar_digest_sent_on is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_weekly_digest(today=MONDAY).sent == 1


def queries_for(subscribers):
    Subscription.objects.all().delete()
    for n in range(subscribers):
        follower(
            f"p{n}@example.org",
            language=["en", "fr", "ar"][n % 3],
            countries=[["KE"], ["SN"], ["KE", "SN"]][n % 3],
            topics=["campaigns"] if n % 2 else [],
        )
    with CaptureQueriesContext(connection) as queries:
        result = send_weekly_digest(today=MONDAY)
    assert result.sent == subscribers
    return len(queries)


def test_query_count_does_not_grow_with_subscribers():
    for country in ("KE", "SN"):
        opportunity = make_opportunity(start=MONDAY + timedelta(days=3), country=country)
        opportunity.topics.set(["campaigns"])
    assert queries_for(10) == queries_for(50)


def test_the_command_reports_and_its_dry_run_sends_nothing():
    make_opportunity(start=timezone.localdate() + timedelta(days=3))
    subscription = follower(countries=["KE"])
    follower("other@example.org", countries=["SN"])

    out = _call("send_calendar_digest", "--dry-run")
    assert "1 digests would be sent; 1 subscribers skipped" in out
    assert mail.outbox == []
    subscription.refresh_from_db()
    assert subscription.calendar_digest_sent_on is None

    out = _call("send_calendar_digest")
    assert "1 digests sent; 1 subscribers skipped" in out
    assert [message.to for message in mail.outbox] == [["follower@example.org"]]
    assert "0 digests sent; 0 subscribers skipped" in _call("send_calendar_digest")


def _call(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# --- Choosing the digest when subscribing and on the manage page ------------


def test_subscribers_can_decline_the_digest_when_subscribing():
    data = {"email": "a@example.org", "language": "en", "countries": ["KE"], "website": ""}
    Client().post(reverse("accounts:subscribe"), data)
    assert Subscription.objects.get(email="a@example.org").calendar_digest is False
    Client().post(
        reverse("accounts:subscribe"),
        {**data, "email": "b@example.org", "calendar_digest": "on"},
    )
    assert Subscription.objects.get(email="b@example.org").calendar_digest is True


def test_the_subscribe_form_offers_the_digest_ticked():
    html = Client().get(reverse("accounts:subscribe")).content.decode()
    assert "Weekly digest of the advocacy calendar" in html
    assert re.search(r'<input type="checkbox" name="calendar_digest"[^>]* checked', html)


def test_the_manage_page_shows_and_changes_the_choice():
    subscription = follower(countries=["KE"])
    url = reverse(
        "accounts:subscription_manage",
        args=[accounts.subscription_token(subscription, "manage")],
    )
    client = Client()
    html = client.get(url).content.decode()
    assert re.search(r'<input type="checkbox" name="calendar_digest"[^>]* checked', html)
    client.post(url, {"language": "en", "countries": ["KE"]})
    subscription.refresh_from_db()
    assert subscription.calendar_digest is False
    html = client.get(url).content.decode()
    assert not re.search(r'<input type="checkbox" name="calendar_digest"[^>]* checked', html)
    make_opportunity(start=MONDAY + timedelta(days=3))
    assert send_weekly_digest(today=MONDAY).sent == 0
