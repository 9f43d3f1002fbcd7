"""/api/v1/campaigns/: public campaigns and their public lists of signatories, read by anyone.

The API shows what the public pages show and nothing more: never a draft or a
hidden campaign (404, as for an id that does not exist), never an email address
(of an addressee or a signer), never a signature that does not count, and a
person's name and role only where they chose to show them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from babel.dates import format_date
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from sauti.accounts.models import Membership, Organisation
from sauti.campaigns.models import Addressee, Campaign, Letter, Signature

from ..conftest import client_for
from ..factories import OrganisationFactory
from .test_schema_conformance import EXAMPLES, load
from .test_schema_conformance import (
    _keep_the_test_connection_open as _keep_the_test_connection_open,
)

LIST = "/api/v1/campaigns/"
NOW = timezone.now()


def make_coalition(slug: str, name: str) -> Organisation:
    return OrganisationFactory(slug=slug, name=name, kind=Organisation.Kind.NETWORK)


def make_campaign(coalition, title, *, state=Campaign.State.OPEN, country="KE", **fields):
    campaign = Campaign.objects.create(
        coalition=coalition, title=title, state=state, country_id=country, **fields
    )
    Letter.objects.create(
        campaign=campaign,
        language="en",
        subject="Participation: {{ institution }}",
        body="{{ date }}\n\nDear {{ addressee_title }},\n\nFund the *health councils*.",
    )
    return campaign


def sign(campaign, name, *, kind="organisation", counts=True, **fields) -> Signature:
    defaults = {
        "email": f"{name.lower().replace(' ', '.')}@example.org",
        "organisation_name": f"{name} Group" if kind == "organisation" else "",
        "confirmed_at": NOW if counts else None,
        "country_id": "KE",
    }
    return Signature.objects.create(
        campaign=campaign, kind=kind, name=name, **{**defaults, **fields}
    )


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@pytest.fixture
def coalitions(db):
    return {
        "kenya": make_coalition("kenya-uhc-coalition", "Kenya UHC Coalition"),
        "brazil": make_coalition("forum-conselhos", "Fórum dos Conselhos"),
    }


@pytest.fixture
def campaigns(coalitions):
    kenya, brazil = coalitions["kenya"], coalitions["brazil"]
    made = {
        "open": make_campaign(
            kenya, "Fund the health councils", deadline=NOW + timedelta(days=20), opened_at=NOW
        ),
        "closed": make_campaign(kenya, "Closed letter", state=Campaign.State.CLOSED),
        "sent": make_campaign(brazil, "Carta enviada", state=Campaign.State.SENT, country="BR"),
        "answered": make_campaign(
            brazil,
            "Carta respondida",
            state=Campaign.State.RESPONDED,
            country="BR",
            response_text="Agradecemos a carta.",
            response_date=NOW.date(),
        ),
        "draft": make_campaign(kenya, "Secret draft", state=Campaign.State.DRAFT),
        "hidden": make_campaign(
            kenya, "Hidden letter", hidden_at=NOW, hidden_reason="Spam", is_demo=True
        ),
    }
    # Newest first, as on the web list.
    for age, name in enumerate(["open", "closed", "sent", "answered", "draft", "hidden"]):
        Campaign.objects.filter(pk=made[name].pk).update(created_at=NOW - timedelta(days=age))
    return made


# --- The list ------------------------------------------------------------------------


def test_the_list_holds_public_campaigns_newest_first(campaigns):
    assert ids(Client().get(LIST)) == [
        campaigns[name].pk for name in ("open", "closed", "sent", "answered")
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "br"}, ["sent", "answered"]),
        ({"country": "KE"}, ["open", "closed"]),
        ({"country": "SN"}, []),
        ({"state": "open"}, ["open"]),
        ({"state": "responded"}, ["answered"]),
        ({"coalition": "forum-conselhos"}, ["sent", "answered"]),
        ({"coalition": "nobody"}, []),
        ({"coalition": "kenya-uhc-coalition", "state": "closed"}, ["closed"]),
    ],
)
def test_the_filters(campaigns, query, expected):
    assert ids(Client().get(LIST, query)) == [campaigns[name].pk for name in expected]


@pytest.mark.parametrize(
    "query",
    [
        {"state": "draft"},
        {"state": "any"},
        {"country": "KEN"},
        {"country": "K1"},
        {"coalition": "not a slug"},
        {"coalition": "x" * 81},
        {"updated_since": "yesterday"},
        {"updated_since": "0001-01-01T00:00:00+01:00"},
        {"page": "0"},
        {"page": "887623268178805653504"},
    ],
)
def test_bad_filter_values_are_a_422_naming_the_parameter(campaigns, query):
    response = Client().get(LIST, query)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == next(iter(query))


def test_updated_since(campaigns):
    Campaign.objects.update(updated_at=datetime(2025, 1, 1, tzinfo=UTC))
    sent = campaigns["sent"]
    Campaign.objects.filter(pk=sent.pk).update(updated_at=datetime(2025, 6, 1, 12, tzinfo=UTC))
    assert ids(Client().get(LIST, {"updated_since": "2025-06-01T12:00:00Z"})) == [sent.pk]
    # An offset is the same instant in UTC; a time without one is read as UTC.
    assert ids(Client().get(LIST, {"updated_since": "2025-06-01T14:00:00+02:00"})) == [sent.pk]
    assert ids(Client().get(LIST, {"updated_since": "2025-06-01T12:00:01"})) == []
    response = Client().get(LIST, {"updated_since": "2025-06-01T12:00:00Z"})
    assert response["Last-Modified"] == "Sun, 01 Jun 2025 12:00:00 GMT"


def test_pages(campaigns):
    response = Client().get(LIST, {"page_size": 3, "page": 2})
    assert response.json()["count"] == 4
    assert ids(response) == [campaigns["answered"].pk]


# --- One campaign ---------------------------------------------------------------------


def test_a_campaign_as_the_api_gives_it(campaigns):
    campaign = campaigns["open"]
    Letter.objects.create(
        campaign=campaign, language="fr", subject="Participation", body="{{ addressee_title }},"
    )
    Addressee.objects.create(
        campaign=campaign,
        name="Dr A. Minister",
        title="Minister",
        institution="Ministry of Health",
        email="minister@health.example.org",
    )
    Addressee.objects.create(
        campaign=campaign, name="B. Treasurer", institution="Treasury", email="t@example.org"
    )
    sign(campaign, "Counted")
    sign(campaign, "Unconfirmed", counts=False)
    response = Client().get(f"{LIST}{campaign.pk}")
    assert response.status_code == 200
    item = response.json()
    assert item["id"] == campaign.pk
    assert item["url"] == f"http://127.0.0.1:8000/en/campaigns/{campaign.pk}/"
    assert item["title"] == "Fund the health councils"
    assert item["coalition"] == {
        "id": campaign.coalition_id,
        "slug": "kenya-uhc-coalition",
        "name": "Kenya UHC Coalition",
    }
    assert (item["country"], item["state"], item["signers"]) == ("KE", "open", "organisations")
    assert item["deadline"] is not None and item["opened_at"] is not None
    assert item["closed_at"] is None and item["sent_at"] is None
    assert item["signatory_count"] == 1
    assert item["is_demo"] is False
    assert item["addressees"] == [
        {"name": "Dr A. Minister", "title": "Minister", "institution": "Ministry of Health"},
        {"name": "B. Treasurer", "title": "", "institution": "Treasury"},
    ]
    english, french = item["letters"]
    # The final text of the public page: addressed to the first addressee, dated today.
    assert english["language"] == "en"
    assert english["subject"] == "Participation: Ministry of Health"
    today = format_date(timezone.localdate(), format="long", locale="en")
    assert english["body"].startswith(f"{today}\n\n")
    assert "Dear Minister,\n\nFund the *health councils*." in english["body"]
    assert french == {"language": "fr", "subject": "Participation", "body": "Minister,"}
    assert "@" not in json.dumps(item)


def test_a_response_is_given(campaigns):
    item = Client().get(f"{LIST}{campaigns['answered'].pk}").json()
    assert item["response_text"] == "Agradecemos a carta."
    assert item["response_date"] == NOW.date().isoformat()


@pytest.mark.parametrize("name", ["draft", "hidden"])
@pytest.mark.parametrize("role", [None, "member", "moderator"])
def test_drafts_and_hidden_campaigns_are_not_found(request, campaigns, coalitions, name, role):
    # The read API is public data only, whoever asks (the web page shows drafts to members).
    user = request.getfixturevalue(role) if role else None
    if role == "member":
        Membership.objects.create(
            user=user,
            organisation=coalitions["kenya"],
            role=Membership.Role.EDITOR,
            status=Membership.Status.ACTIVE,
        )
    client = client_for(user)
    pk = campaigns[name].pk
    for url in (f"{LIST}{pk}", f"{LIST}{pk}/signatories"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json() == {"detail": "Not Found"}
    assert pk not in ids(client.get(LIST))


@pytest.mark.parametrize("pk", ["999999", "9223372036854775807"])
def test_an_unknown_id_is_a_404(campaigns, pk):
    assert Client().get(f"{LIST}{pk}").status_code == 404
    assert Client().get(f"{LIST}{pk}/signatories").status_code == 404


@pytest.mark.parametrize("pk", ["0", "-1", "abc", "9223372036854775808"])
def test_an_impossible_id_is_a_422(campaigns, pk):
    assert Client().get(f"{LIST}{pk}").status_code == 422
    assert Client().get(f"{LIST}{pk}/signatories").status_code == 422


# --- Signatories -----------------------------------------------------------------------


@pytest.fixture
def signed(campaigns, organisation):
    """The open campaign's signatures: some count, some do not."""
    campaign = campaigns["open"]
    Organisation.objects.filter(pk=organisation.pk).update(name="Registered Forum")
    signatures = {
        "shown_org": sign(campaign, "Achieng O.", role="Director", show_name=True),
        "hidden_org": sign(
            campaign, "Hidden Person", role="Secret role", organisation_name="Quiet Group"
        ),
        "shown_person": sign(
            campaign, "Wanjiru K.", kind="individual", role="Nurse", show_name=True, country_id="UG"
        ),
        "hidden_person": sign(campaign, "Nameless Signer", kind="individual", role="Doctor"),
        "no_country": sign(
            campaign, "Global Person", organisation_name="Global Group", country_id=None
        ),
        "approved": sign(
            campaign,
            "Admin Person",
            organisation_name="Registered Forum",
            organisation=organisation,
            organisation_approved_at=NOW,
        ),
        # None of these count, nor appear.
        "unconfirmed": sign(campaign, "Unconfirmed Person", counts=False, show_name=True),
        "held": sign(campaign, "Held Person", held_for_review=True, show_name=True),
        "removed": sign(campaign, "Removed Person", removed_at=NOW, show_name=True),
        "unapproved": sign(
            campaign,
            "Waiting Person",
            organisation_name="Waiting Forum",
            organisation=organisation,
            show_name=True,
        ),
    }
    return campaign, signatures


def signatories(campaign, **query):
    response = Client().get(f"{LIST}{campaign.pk}/signatories", query)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_public_list_of_signatories(signed):
    campaign, _signatures = signed
    answer = signatories(campaign)
    assert (answer["count"], answer["total"], answer["unnamed"]) == (5, 6, 1)
    # Without a country: first on SQLite, last on PostgreSQL (where NULL sorts last).
    assert {
        "kind": "organisation",
        "organisation": "Global Group",
        "country": None,
        "name": None,
        "role": None,
    } in (answer["items"][0], answer["items"][-1])
    # The page's order: by country, organisations before individuals, then by name.
    assert [item for item in answer["items"] if item["country"]] == [
        {
            "kind": "organisation",
            "organisation": "Achieng O. Group",
            "country": "KE",
            "name": "Achieng O.",
            "role": "Director",
        },
        {
            "kind": "organisation",
            "organisation": "Quiet Group",
            "country": "KE",
            "name": None,
            "role": None,
        },
        {
            "kind": "organisation",
            "organisation": "Registered Forum",
            "country": "KE",
            "name": None,
            "role": None,
        },
        {
            "kind": "individual",
            "organisation": None,
            "country": "UG",
            "name": "Wanjiru K.",
            "role": "Nurse",
        },
    ]
    text = json.dumps(answer)
    for absent in (
        "@",
        "Hidden Person",
        "Secret role",
        "Nameless",
        "Doctor",
        "Unconfirmed",
        "Held",
        "Removed",
        "Waiting",
    ):
        assert absent not in text, absent


def test_the_list_says_what_the_page_says(signed):
    campaign, signatures = signed
    page = Client().get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    assert "6 signatories" in page and "(1 person signed without showing their name.)" in page
    for item in signatories(campaign)["items"]:
        assert (item["organisation"] or item["name"]) in page
    for name in ("hidden_org", "hidden_person", "held", "removed", "unconfirmed", "unapproved"):
        assert signatures[name].name not in page


def test_signatories_in_pages(signed):
    campaign, _signatures = signed
    second = signatories(campaign, page=2, page_size=2)
    assert second["count"] == 5
    everyone = signatories(campaign)["items"]
    assert len(everyone) == 5
    assert second["items"] == everyone[2:4]
    assert signatories(campaign, page=4, page_size=2)["items"] == []
    assert signatories(campaign, page=1_000_000)["items"] == []


@pytest.mark.parametrize(
    "query", [{"page": "0"}, {"page_size": "0"}, {"page_size": "101"}, {"page": "x"}]
)
def test_bad_pages_of_signatories_are_a_422(signed, query):
    campaign, _signatures = signed
    response = Client().get(f"{LIST}{campaign.pk}/signatories", query)
    assert response.status_code == 422


def test_a_campaign_without_signatories(campaigns):
    answer = signatories(campaigns["sent"])
    assert answer == {"count": 0, "total": 0, "unnamed": 0, "items": []}


# --- Query counts ------------------------------------------------------------------------


def add_campaigns(coalition, count, offset):
    for n in range(offset, offset + count):
        campaign = make_campaign(coalition, f"Letter {n}")
        Letter.objects.create(campaign=campaign, language="fr", subject="Lettre", body="Bonjour")
        for m in range(2):
            Addressee.objects.create(campaign=campaign, name=f"Addressee {m}")
        sign(campaign, f"Signer {n}")
        sign(campaign, f"Other {n}", kind="individual", show_name=True)


def test_the_list_takes_a_fixed_number_of_queries(coalitions, django_assert_max_num_queries):
    add_campaigns(coalitions["kenya"], 40, 0)
    # Count, latest change, the page (with coalitions and signatory counts), letters,
    # addressees.
    with django_assert_max_num_queries(5):
        response = Client().get(LIST, {"page_size": 100})
    assert response.json()["count"] == 40
    assert all(item["signatory_count"] == 2 for item in response.json()["items"])


def test_one_campaign_takes_a_fixed_number_of_queries(coalitions, django_assert_max_num_queries):
    add_campaigns(coalitions["kenya"], 1, 0)
    campaign = Campaign.objects.get()
    for language in ("es", "pt", "ar", "ru", "zh-hans"):
        Letter.objects.create(campaign=campaign, language=language, subject="S", body="B")
    for n in range(30):
        Addressee.objects.create(campaign=campaign, name=f"More {n}")
    with django_assert_max_num_queries(4):
        assert Client().get(f"{LIST}{campaign.pk}").status_code == 200


def test_the_signatories_take_a_fixed_number_of_queries(coalitions, django_assert_max_num_queries):
    add_campaigns(coalitions["kenya"], 1, 0)
    campaign = Campaign.objects.get()
    for n in range(80):
        sign(campaign, f"Many {n}", country_id=["KE", "UG", "TZ"][n % 3])
    # The campaign, the listed count, the page, the total.
    with django_assert_max_num_queries(4):
        answer = signatories(campaign)
    assert answer["count"] == 82 and len(answer["items"]) == 82


# --- The OpenAPI document ----------------------------------------------------------------


def test_the_openapi_document_describes_the_campaigns(db):
    schema = Client().get("/api/v1/openapi.json").json()
    for path in (LIST, f"{LIST}{{id}}", f"{LIST}{{id}}/signatories"):
        assert set(schema["paths"][path]) == {"get"}, path
    parameters = {p["name"] for p in schema["paths"][LIST]["get"]["parameters"]}
    assert parameters == {"country", "state", "coalition", "updated_since", "page", "page_size"}
    components = schema["components"]["schemas"]
    assert "email" not in json.dumps(
        {name: components[name] for name in ("CampaignOut", "AddresseeOut", "SignatoryOut")}
    )
    states = components["CampaignOut"]["properties"]["state"]
    assert "draft" not in json.dumps(states)
    assert "campaigns" in schema["info"]["description"]


# --- Generated requests (Schemathesis) ----------------------------------------------------

PATHS = [LIST, f"{LIST}{{id}}", f"{LIST}{{id}}/signatories"]
valid_requests = load(GenerationMode.POSITIVE).include(path=PATHS)
any_requests = load(GenerationMode.NEGATIVE).include(path=PATHS)


def aim(case, signed):
    """Point a generated request at a campaign that exists, so that it can be found."""
    if "id" in (case.path_parameters or {}):
        case.path_parameters["id"] = signed[0].pk


@pytest.mark.django_db
@pytest.mark.usefixtures("_keep_the_test_connection_open")
@valid_requests.parametrize()
@EXAMPLES
def test_generated_requests_are_answered_as_documented(case, signed):
    aim(case, signed)
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("_keep_the_test_connection_open")
@any_requests.parametrize()
@EXAMPLES
def test_invalid_requests_never_cause_a_server_error(case, signed):
    response = case.call_and_validate(checks=[not_a_server_error])
    assert response.status_code < 500
