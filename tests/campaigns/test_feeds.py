"""The Atom feed of new campaigns: public ones only, newest opened first, for everyone or one
country, in the reader's language, with the coalitions' text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sauti.campaigns.models import Campaign

from ..conftest import client_for

ATOM = "{http://www.w3.org/2005/Atom}"
NOW = timezone.now()


def make(coalition, title, *, state=Campaign.State.OPEN, country="KE", opened_days_ago=1, **kw):
    return Campaign.objects.create(
        coalition=coalition,
        title=title,
        state=state,
        country_id=country,
        opened_at=NOW - timedelta(days=opened_days_ago) if opened_days_ago is not None else None,
        **kw,
    )


def parse(response) -> ET.Element:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own feed)


def entries(url: str, client=None) -> list[dict]:
    feed = parse((client or client_for(None)).get(url))
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "id": entry.findtext(f"{ATOM}id"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def titles(url: str) -> list[str]:
    return [entry["title"] for entry in entries(url)]


@pytest.fixture
def campaigns(coalition):
    return {
        "new": make(coalition, "Newest letter", opened_days_ago=1),
        "older": make(coalition, "Older letter", opened_days_ago=5, state=Campaign.State.CLOSED),
        "brazil": make(
            coalition,
            "Carta ao Ministério",
            country="BR",
            opened_days_ago=3,
            state=Campaign.State.RESPONDED,
        ),
        "draft": make(coalition, "Secret draft", state=Campaign.State.DRAFT, opened_days_ago=0),
        "hidden": make(coalition, "Hidden letter", opened_days_ago=0, hidden_at=NOW),
    }


def test_new_public_campaigns_newest_opened_first(campaigns):
    assert titles(reverse("campaigns:feed")) == [
        "Newest letter",
        "Carta ao Ministério",
        "Older letter",
    ]


def test_drafts_and_hidden_campaigns_never_appear(campaigns, member, moderator):
    # Not even for those who may read them on the site: a feed is public, and cached.
    for user in (None, member, moderator):
        body = client_for(user).get(reverse("campaigns:feed")).content.decode()
        assert "Secret draft" not in body and "Hidden letter" not in body
    Campaign.objects.filter(pk=campaigns["new"].pk).update(state=Campaign.State.DRAFT)
    assert "Newest letter" not in titles(reverse("campaigns:feed"))


def test_one_country(campaigns):
    feed = reverse("campaigns:feed")
    assert titles(f"{feed}?country=BR") == ["Carta ao Ministério"]
    assert titles(f"{feed}?country=ke") == ["Newest letter", "Older letter"]
    assert titles(reverse("campaigns:country_feed", args=["br"])) == ["Carta ao Ministério"]
    assert titles(reverse("campaigns:country_feed", args=["sn"])) == []


@pytest.mark.parametrize("country", ["ZZ", "KEN", "k", "<b>", "1"])
def test_an_unknown_country_is_a_404(campaigns, country):
    assert client_for(None).get(reverse("campaigns:feed"), {"country": country}).status_code == 404
    url = reverse("campaigns:country_feed", args=[country])
    assert client_for(None).get(url).status_code == 404


def test_the_feed_describes_itself(campaigns):
    response = client_for(None).get(reverse("campaigns:country_feed", args=["br"]))
    feed = parse(response)
    assert feed.findtext(f"{ATOM}title") == "Campaigns in Brazil · Sauti"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["alternate"].endswith("/en/campaigns/?country=BR")
    assert links["self"].endswith("/en/campaigns/countries/br/feed.atom")


def test_an_entry(campaigns, coalition):
    campaign = campaigns["new"]
    Campaign.objects.filter(pk=campaign.pk).update(deadline=NOW + timedelta(days=10))
    (entry,) = [e for e in entries(reverse("campaigns:feed")) if e["title"] == "Newest letter"]
    assert entry["link"] == f"http://testserver/en/campaigns/{campaign.pk}/"
    assert entry["author"] == coalition.name
    assert entry["id"] == f"urn:uuid:{campaign.uid}"
    assert entry["summary"].startswith("Open for signatures until ")
    assert f"Coalition: {coalition.name}." in entry["summary"]
    assert entry["summary"].endswith("Country: Kenya.")


@pytest.mark.parametrize(
    ("fields", "summary"),
    [
        ({"deadline": None}, "Open for signatures, without a deadline."),
        ({"deadline": NOW - timedelta(hours=1)}, "The deadline for signatures has passed."),
        ({"state": Campaign.State.SENT}, "Status: Sent."),
        ({"state": Campaign.State.RESPONDED}, "Status: Response received."),
    ],
)
def test_the_summary_says_where_the_campaign_stands(campaigns, fields, summary):
    Campaign.objects.filter(pk=campaigns["new"].pk).update(**fields)
    (entry,) = [e for e in entries(reverse("campaigns:feed")) if e["title"] == "Newest letter"]
    assert entry["summary"].startswith(summary)


def test_the_feed_speaks_the_readers_language(campaigns, catalogue):
    catalogue(
        "fr",
        {"Campaigns · Sauti": "Campagnes · Sauti", "Status: %(state)s.": "Statut : %(state)s."},
    )
    with translation.override("fr"):
        url = reverse("campaigns:feed")
    assert url.startswith("/fr/")
    response = client_for(None).get(url)
    feed = parse(response)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert feed.findtext(f"{ATOM}title") == "Campagnes · Sauti"
    older = next(e for e in entries(url) if e["title"] == "Older letter")
    assert older["link"].startswith("http://testserver/fr/campaigns/")
    assert older["summary"].startswith("Statut : ")
    # The country in French, from CLDR.
    assert "Kenya" in older["summary"]
    brazil = next(e for e in entries(url) if e["title"] == "Carta ao Ministério")
    assert "Brésil" in brazil["summary"]


def test_user_text_is_escaped(coalition):
    coalition.name = 'Coalition <img src=x onerror="alert(1)">'
    coalition.save()
    make(coalition, "<script>alert('x')</script> & fund councils")
    response = client_for(None).get(reverse("campaigns:feed"))
    raw = response.content.decode()
    assert "<script>" not in raw and "<img" not in raw
    (entry,) = entries(reverse("campaigns:feed"))
    # A reader shows the title as the coalition wrote it: text, never markup.
    assert entry["title"] == "<script>alert('x')</script> & fund councils"
    assert entry["author"] == 'Coalition <img src=x onerror="alert(1)">'
    # The summary is HTML: the coalition's name in it is escaped once more.
    assert "&lt;img" in entry["summary"] and "<img" not in entry["summary"]


def test_at_most_50_entries(coalition, django_assert_max_num_queries):
    for n in range(60):
        make(coalition, f"Letter {n}", opened_days_ago=n + 1)
    with django_assert_max_num_queries(3):
        found = titles(reverse("campaigns:feed"))
    assert len(found) == 50 and found[0] == "Letter 0"
