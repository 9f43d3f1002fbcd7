"""The public directory of organisations: search, filters, pages and CSV export."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from django.test import Client

from sauti.accounts.models import Organisation

from ..factories import OrganisationFactory

URL = "/en/organisations/"


CARD_LINK = re.compile(r'<h3[^>]*>\s*<a href="/en/organisations/[a-z0-9-]+/"[^>]*>([^<]+)</a>')


def names(response):
    """Organisation names in the result cards, in page order."""
    return [html.unescape(name) for name in CARD_LINK.findall(response.content.decode())]


@pytest.fixture
def directory(db):
    kenya = OrganisationFactory(
        name="Kisumu Health Rights Forum",
        acronym="KHRF",
        country_id="KE",
        kind=Organisation.Kind.NGO,
        level=Organisation.Level.LOCAL,
        description="Community scorecards for clinics around Lake Victoria.",
    )
    kenya.constituencies.set(["youth"])
    brazil = OrganisationFactory(
        name="Rede Saúde Participativa",
        country_id="BR",
        kind=Organisation.Kind.NETWORK,
        level=Organisation.Level.NATIONAL,
        original_language="pt",
        description="Conselhos de saúde e participação social.",
    )
    brazil.constituencies.set(["women", "rural"])
    # Head office in Switzerland (EUR) but working in Senegal (AFR).
    geneva = OrganisationFactory(
        name="Geneva Global Health Watch",
        country_id="CH",
        kind=Organisation.Kind.NGO,
        level=Organisation.Level.GLOBAL,
    )
    geneva.countries.set(["SN"])
    # No head office; declares the Western Pacific as its region of work.
    pacific = OrganisationFactory(
        name="Pacific Islands Health Voices",
        country_id=None,
        kind=Organisation.Kind.COMMUNITY,
        level=Organisation.Level.REGIONAL,
    )
    pacific.regions.set(["WPR"])
    return {"kenya": kenya, "brazil": brazil, "geneva": geneva, "pacific": pacific}


def test_lists_everyone_in_alphabetical_order(directory):
    response = Client().get(URL)
    assert response.status_code == 200
    assert names(response) == [
        "Geneva Global Health Watch",
        "Kisumu Health Rights Forum",
        "Pacific Islands Health Voices",
        "Rede Saúde Participativa",
    ]
    assert '<p role="status">4 organisations' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=kisumu", ["Kisumu Health Rights Forum"]),
        ("q=KHRF", ["Kisumu Health Rights Forum"]),
        ("q=lake+victoria", ["Kisumu Health Rights Forum"]),  # in the description
        ("q=conselhos", ["Rede Saúde Participativa"]),  # a description in Portuguese
        (
            "q=health",
            [
                "Geneva Global Health Watch",
                "Kisumu Health Rights Forum",
                "Pacific Islands Health Voices",
            ],
        ),
        ("country=ke", ["Kisumu Health Rights Forum"]),
        ("country=SN", ["Geneva Global Health Watch"]),  # a country of work
        ("region=AFR", ["Geneva Global Health Watch", "Kisumu Health Rights Forum"]),
        ("region=eur", ["Geneva Global Health Watch"]),  # head office in Geneva
        ("region=WPR", ["Pacific Islands Health Voices"]),  # a region of work
        ("region=AMR", ["Rede Saúde Participativa"]),
        ("kind=network", ["Rede Saúde Participativa"]),
        ("level=global", ["Geneva Global Health Watch"]),
        ("constituency=rural", ["Rede Saúde Participativa"]),
        ("constituency=youth", ["Kisumu Health Rights Forum"]),
        ("q=health&region=AFR&level=local", ["Kisumu Health Rights Forum"]),
    ],
)
def test_search_and_filters(directory, query, expected):
    response = Client().get(f"{URL}?{query}")
    assert response.status_code == 200
    assert names(response) == expected
    assert "Clear filters" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "country=%3Cscript%3E",
        "country=ZZZZZZ",
        "country=KEN",  # an alpha-3 code is not cut down to "KE"
        "region=nowhere",
        "kind=zzz",
        "level=%00",
        "constituency=" + "x" * 500,
        "q=" + "y" * 5000,
        "q=%F0%9F%92%A9",
        "q=%27%3B+DROP+TABLE+accounts_organisation%3B--",
    ],
)
def test_junk_filters_give_an_empty_page_not_an_error(directory, query):
    response = Client().get(f"{URL}?{query}")
    assert response.status_code == 200
    assert names(response) == []
    assert "No organisation matches these filters." in response.content.decode()
    assert Organisation.objects.count() == 4


def test_search_text_is_echoed_escaped(directory):
    response = Client().get(URL, {"q": '"><script>alert(1)</script>'})
    page = response.content.decode()
    assert "<script" not in page
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5", "99999999999999999999999"])
def test_odd_page_numbers_still_show_a_page(db, settings, page):
    settings.SAUTI_ORG_PAGE_SIZE = 2
    for n in range(5):
        OrganisationFactory(name=f"Org {n}")
    response = Client().get(URL, {"page": page})
    assert response.status_code == 200
    assert len(names(response)) in (1, 2)


def test_pagination_keeps_the_filters(db, settings):
    settings.SAUTI_ORG_PAGE_SIZE = 2
    for n in range(5):
        OrganisationFactory(name=f"Org {n}", kind=Organisation.Kind.NETWORK)
    OrganisationFactory(name="Org not a network")
    first = Client().get(URL, {"kind": "network"})
    assert names(first) == ["Org 0", "Org 1"]
    assert 'href="?kind=network&amp;page=2"' in first.content.decode()
    last = Client().get(URL, {"kind": "network", "page": "3"})
    assert names(last) == ["Org 4"]
    assert "Page 3 of 3" in last.content.decode()


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # so that spreadsheet programs read UTF-8
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_export_follows_the_filters(directory):
    response = Client().get(URL, {"region": "AFR", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="sauti-organisations.csv"'
    header, *rows = csv_rows(response)
    assert header == ["name", "acronym", "type", "level", "country", "website", "url"]
    assert rows == [
        [
            "Geneva Global Health Watch",
            "",
            "ngo",
            "global",
            "CH",
            "",
            f"http://127.0.0.1:8000/en/organisations/{directory['geneva'].slug}/",
        ],
        [
            "Kisumu Health Rights Forum",
            "KHRF",
            "ngo",
            "local",
            "KE",
            "",
            f"http://127.0.0.1:8000/en/organisations/{directory['kenya'].slug}/",
        ],
    ]


def test_csv_export_neutralises_formulas(db):
    OrganisationFactory(
        name='=HYPERLINK("http://evil.example","Click")', acronym="+SUM(1)", website=""
    )
    OrganisationFactory(name="@cmd", acronym="-2")
    rows = csv_rows(Client().get(URL, {"format": "csv"}))[1:]
    cells = {(row[0], row[1]) for row in rows}
    assert cells == {
        ('\'=HYPERLINK("http://evil.example","Click")', "'+SUM(1)"),
        ("'@cmd", "'-2"),
    }


def test_list_page_query_count_does_not_grow(db, django_assert_max_num_queries):
    for n in range(30):
        organisation = OrganisationFactory(name=f"Organisation {n:02}", country_id="KE")
        organisation.countries.set(["UG", "TZ"])
        organisation.constituencies.set(["youth"])
    with django_assert_max_num_queries(4):
        response = Client().get(URL)
    assert len(names(response)) == 25
