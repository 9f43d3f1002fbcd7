"""/api/v1/opportunities/: the calendar read by anyone, written with a ``calendar:write`` token.

Reads show what the public calendar shows (published and cancelled, not hidden;
engagements marked public only). Writes act as the token's owner through the web
form's validation and the calendar services: a member's proposal waits for a
moderator, editing follows ``opportunities.change_opportunity``, refusals are the
form's own messages in the language asked for, and a refused request stores nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from reversion.models import Version
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from sauti.accounts.models import Membership
from sauti.api.auth import issue_token, revoke_token
from sauti.commitments.models import Commitment
from sauti.core.models import AuditLogEntry
from sauti.opportunities.forms import OpportunityForm
from sauti.opportunities.models import Engagement, Opportunity

from ..factories import MembershipFactory, OrganisationFactory
from ..opportunities.factories import make_opportunity
from .commitments_factories import framework_with
from .test_schema_conformance import EXAMPLES, load
from .test_schema_conformance import (
    _keep_the_test_connection_open as _keep_the_test_connection_open,
)

LIST = "/api/v1/opportunities/"
WRITE = ["calendar:write"]
TODAY = timezone.localdate()
SOON = TODAY + timedelta(days=30)
NEW = {
    "title": "Audiência pública do orçamento da saúde",
    "original_language": "pt",
    "kind": "consultation",
    "level": "national",
    "country": "BR",
    "start_date": "2030-03-10",
    "start_time": "14:00",
    "end_time": "17:00",
    "time_zone": "America/Sao_Paulo",
}


@pytest.fixture(autouse=True)
def _empty_calendar(db):
    """The migrations seed recurring moments (UHC Day, …): start from an empty calendar."""
    Opportunity.objects.all().delete()


def bearer(user, scopes=WRITE):
    _token, raw = issue_token(owner=user, name="script", scopes=scopes)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def send(method, url, body, headers=None, client=None):
    data = body if isinstance(body, str) else json.dumps(body)
    client = client or Client()
    return getattr(client, method)(url, data, content_type="application/json", **(headers or {}))


def post(body, headers=None, **kwargs):
    return send("post", LIST, body, headers, **kwargs)


def patch(pk, body, headers=None, **kwargs):
    return send("patch", f"{LIST}{pk}", body, headers, **kwargs)


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def messages(response):
    return {tuple(item["loc"][2:]): item["msg"] for item in response.json()["detail"]}


# --- Reading -------------------------------------------------------------------------


@pytest.fixture
def calendar(organisation):
    """Coming and past opportunities in several places, and some nobody else may see."""
    kenya = make_opportunity(title="Kenya budget hearing", start=SOON, country="KE")
    kenya.set_current_language("fr")
    kenya.title = "Audience budgétaire du Kenya"
    kenya.description = "Lire le projet."
    kenya.save()
    kenya.topics.set(["opportunities", "commitments"])
    return {
        "kenya": kenya,
        "brazil": make_opportunity(
            title="Conferência Nacional de Saúde",
            start=SOON + timedelta(days=10),
            country="BR",
            kind="consultation",
            engagement_deadline=SOON,
            original_language="en",
        ),
        "global": make_opportunity(
            title="World Health Assembly",
            start=SOON + timedelta(days=20),
            country="CH",
            level="global",
            kind="who_governing_body",
        ),
        "cancelled": make_opportunity(
            title="Cancelled hearing", start=SOON + timedelta(days=5), state="cancelled"
        ),
        "past": make_opportunity(title="Last year's hearing", start=TODAY - timedelta(days=300)),
        "older": make_opportunity(title="Older hearing", start=TODAY - timedelta(days=600)),
        "pending": make_opportunity(title="Pending", start=SOON, state="pending"),
        "draft": make_opportunity(title="Draft", start=SOON, state="draft"),
        "hidden": make_opportunity(title="Hidden", start=SOON, hidden_at=timezone.now()),
    }


def test_the_list_shows_coming_public_opportunities_soonest_first(calendar):
    assert ids(Client().get(LIST)) == [
        calendar[name].pk for name in ("kenya", "cancelled", "brazil", "global")
    ]


def test_past_opportunities_newest_first(calendar):
    assert ids(Client().get(LIST, {"past": "true"})) == [
        calendar["past"].pk,
        calendar["older"].pk,
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "ke"}, ["kenya", "cancelled"]),
        ({"country": "BR"}, ["brazil"]),
        ({"country": "XX"}, []),
        ({"region": "amr"}, ["brazil"]),
        ({"level": "global"}, ["global"]),
        ({"kind": "consultation"}, ["brazil"]),
        ({"topic": "commitments"}, ["kenya"]),
        ({"open_deadline": "true"}, ["brazil"]),
        ({"country": "KE", "kind": "consultation"}, []),
    ],
)
def test_the_filters_of_the_web_list(calendar, query, expected):
    assert ids(Client().get(LIST, query)) == [calendar[name].pk for name in expected]


def test_unknown_filter_values_are_a_422(calendar):
    for query in ({"kind": "party"}, {"level": "planet"}, {"topic": "x"}, {"past": "maybe"}):
        assert Client().get(LIST, query).status_code == 422, query


def test_updated_since(calendar):
    Opportunity.objects.update(updated_at=datetime(2025, 1, 1, tzinfo=UTC))
    brazil = calendar["brazil"]
    Opportunity.objects.filter(pk=brazil.pk).update(updated_at=datetime(2025, 6, 1, 12, tzinfo=UTC))
    assert ids(Client().get(LIST, {"updated_since": "2025-06-01T12:00:00Z"})) == [brazil.pk]
    # A time with an offset is the same instant in UTC; one without is read as UTC.
    assert ids(Client().get(LIST, {"updated_since": "2025-06-01T14:00:00+02:00"})) == [brazil.pk]
    assert ids(Client().get(LIST, {"updated_since": "2025-06-01T12:00:01"})) == []
    response = Client().get(LIST, {"updated_since": "2025-06-01T12:00:00Z"})
    assert response["Last-Modified"] == "Sun, 01 Jun 2025 12:00:00 GMT"
    assert Client().get(LIST, {"updated_since": "yesterday"}).status_code == 422
    assert Client().get(LIST, {"updated_since": "0001-01-01T00:00:00+01:00"}).status_code == 422


def test_pages(calendar):
    response = Client().get(LIST, {"page_size": 2, "page": 2})
    assert response.json()["count"] == 4
    assert ids(response) == [calendar["brazil"].pk, calendar["global"].pk]


def test_an_opportunity_as_the_api_gives_it(calendar, organisation):
    kenya = calendar["kenya"]
    framework, commitments = framework_with(2)
    kenya.commitments.set(commitments)
    Engagement.objects.create(opportunity=kenya, organisation=organisation, note="Joint letter")
    item = Client().get(LIST, {"country": "KE"}).json()["items"][0]
    assert item["id"] == kenya.pk
    assert item["uid"] == str(kenya.uid)
    assert item["sequence"] == 0
    assert item["state"] == "published"
    assert (item["kind"], item["level"], item["country"], item["region"]) == (
        "budget_cycle",
        "national",
        "KE",
        "AFR",
    )
    assert item["all_day"] is True
    assert item["start_date"] == item["end_date"] == SOON.isoformat()
    assert item["starts_at"] == f"{SOON.isoformat()}T00:00:00Z"
    assert item["ends_at"] == f"{(SOON + timedelta(days=1)).isoformat()}T00:00:00Z"
    assert item["time_zone"] == ""
    assert item["title"] == "Kenya budget hearing"
    assert item["original_language"] == "en"
    assert item["translations"] == {
        "en": {"title": "Kenya budget hearing", "description": "", "how_to_engage": ""},
        "fr": {
            "title": "Audience budgétaire du Kenya",
            "description": "Lire le projet.",
            "how_to_engage": "",
        },
    }
    assert item["topics"] == ["commitments", "opportunities"]
    assert item["commitments"] == [
        {"id": c.pk, "framework": framework.code, "number": c.number} for c in commitments
    ]
    assert item["engagements"] == [
        {
            "organisation": {"slug": organisation.slug, "name": organisation.name},
            "note": "Joint letter",
        }
    ]
    assert item["is_demo"] is False
    assert item["url"].endswith(f"/en/calendar/{kenya.pk}/")
    assert item["ics_url"].endswith(f"/en/calendar/{kenya.pk}/event.ics")
    assert Client().get(item["ics_url"].split("8000", 1)[-1]).status_code == 200


def test_a_timed_opportunity_is_given_in_utc(db):
    opportunity = make_opportunity(
        start=date(2030, 3, 10),
        all_day=False,
        starts_at=datetime(2030, 3, 10, 17, tzinfo=UTC),
        ends_at=datetime(2030, 3, 10, 20, tzinfo=UTC),
        time_zone="America/Sao_Paulo",
        country="BR",
    )
    item = Client().get(f"{LIST}{opportunity.pk}").json()
    assert (item["starts_at"], item["ends_at"]) == ("2030-03-10T17:00:00Z", "2030-03-10T20:00:00Z")
    assert item["time_zone"] == "America/Sao_Paulo"
    assert item["all_day"] is False


def test_members_only_engagements_are_never_given(calendar, organisation, member):
    kenya = calendar["kenya"]
    Engagement.objects.create(opportunity=kenya, organisation=organisation, note="Public")
    Engagement.objects.create(
        opportunity=kenya,
        organisation=OrganisationFactory(slug="quiet"),
        note="Members only",
        visibility=Engagement.Visibility.MEMBERS,
    )
    Engagement.objects.create(
        opportunity=kenya,
        organisation=OrganisationFactory(slug="gone", hidden_at=timezone.now()),
        note="Hidden organisation",
    )
    signed_in = Client()
    signed_in.force_login(member)
    for response in (
        Client().get(f"{LIST}{kenya.pk}"),
        Client().get(LIST, {"country": "KE"}),
        signed_in.get(f"{LIST}{kenya.pk}"),
        Client().get(f"{LIST}{kenya.pk}", **bearer(member)),
    ):
        body = response.json()
        item = body["items"][0] if "items" in body else body
        assert [e["note"] for e in item["engagements"]] == ["Public"]


@pytest.mark.parametrize("name", ["pending", "draft", "hidden"])
def test_what_is_not_public_is_a_404_to_the_public(calendar, name, outsider, member):
    url = f"{LIST}{calendar[name].pk}"
    assert Client().get(url).status_code == 404
    signed_in = Client()
    signed_in.force_login(outsider)
    assert signed_in.get(url).status_code == 404
    # A member's token does not show other people's proposals.
    assert Client().get(url, **bearer(member)).status_code == 404


@pytest.mark.parametrize("name", ["kenya", "cancelled", "past"])
def test_public_ones_are_readable_by_id(calendar, name):
    response = Client().get(f"{LIST}{calendar[name].pk}")
    assert response.status_code == 200
    assert response.json()["id"] == calendar[name].pk
    assert "Last-Modified" in response


def test_an_unknown_id_is_a_404(db):
    assert Client().get(f"{LIST}999999").status_code == 404
    assert Client().get(f"{LIST}{2**63}").status_code == 422


def test_the_proposer_reads_their_proposal_with_their_token(member):
    pending = make_opportunity(title="Mine", state="pending", created_by=member, start=SOON)
    url = f"{LIST}{pending.pk}"
    response = Client().get(url, **bearer(member))
    assert response.status_code == 200
    assert response.json()["state"] == "pending"
    assert response["Cache-Control"] == "private"
    # Without the calendar scope a token reads what the public reads.
    assert Client().get(url, **bearer(member, scopes=[])).status_code == 404
    assert Client().get(url, HTTP_AUTHORIZATION="Bearer sauti_nope").status_code == 401


def test_moderators_read_hidden_and_pending_ones(calendar, moderator):
    client = Client()
    client.force_login(moderator)
    for name in ("pending", "hidden"):
        assert client.get(f"{LIST}{calendar[name].pk}").status_code == 200


def test_the_list_takes_the_same_number_of_queries_for_5_or_40(organisation):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert Client().get(LIST, {"page_size": 100}).status_code == 200
        return len(captured)

    def add(count, offset):
        for n in range(count):
            opportunity = make_opportunity(
                title=f"Hearing {offset + n}", start=SOON + timedelta(days=offset + n)
            )
            opportunity.topics.set(["opportunities"])
            Engagement.objects.create(
                opportunity=opportunity,
                organisation=OrganisationFactory(slug=f"org-{offset + n}"),
                note="We will be there",
            )

    add(5, 0)
    few = queries()
    add(35, 5)
    assert Client().get(LIST, {"page_size": 100}).json()["count"] == 40
    assert queries() == few


# --- Authentication and permission ---------------------------------------------------


@pytest.fixture
def mine(member):
    """A published opportunity the member proposed."""
    return make_opportunity(title="Mine", created_by=member, start=SOON)


def write_requests(pk):
    return [("post", LIST, NEW), ("patch", f"{LIST}{pk}", {"place": "Brasília"})]


@pytest.mark.parametrize("index", [0, 1])
@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "Authentication required"),
        ("Token abc", "must read 'Bearer <token>'"),
        ("Bearer sauti_not-a-real-token", "Unknown API token"),
    ],
)
def test_without_a_valid_token_writes_are_a_401(mine, index, header, message):
    method, url, body = write_requests(mine.pk)[index]
    response = send(method, url, body, {} if header is None else {"HTTP_AUTHORIZATION": header})
    assert response.status_code == 401
    assert message in response.json()["detail"]
    assert Opportunity.objects.count() == 1
    assert Opportunity.objects.get().place == ""


def test_a_signed_in_session_is_not_a_token(member):
    client = Client()
    client.force_login(member)
    assert post(NEW, client=client).status_code == 401
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize("index", [0, 1])
def test_a_revoked_token_is_a_401(mine, member, index):
    token, raw = issue_token(owner=member, name="old", scopes=WRITE)
    revoke_token(token, acting_user=member)
    method, url, body = write_requests(mine.pk)[index]
    response = send(method, url, body, {"HTTP_AUTHORIZATION": f"Bearer {raw}"})
    assert response.status_code == 401
    assert response.json() == {"detail": "This API token has been revoked."}
    assert Opportunity.objects.count() == 1


def test_a_token_without_the_calendar_scope_is_a_403(mine, member):
    headers = bearer(member, scopes=["mechanisms:write", "commitments:write"])
    for method, url, body in write_requests(mine.pk):
        response = send(method, url, body, headers)
        assert response.status_code == 403
        assert "calendar:write" in response.json()["detail"]
    assert Opportunity.objects.count() == 1
    assert Opportunity.objects.get().place == ""


def test_someone_in_no_organisation_cannot_propose(outsider):
    response = post(NEW, bearer(outsider))
    assert response.status_code == 403
    assert "members of an organisation" in response.json()["detail"]
    assert not Opportunity.objects.exists()


def test_a_former_member_can_no_longer_propose_nor_edit(mine, member):
    headers = bearer(member)
    Membership.objects.filter(user=member).update(status=Membership.Status.DECLINED)
    assert post(NEW, headers).status_code == 403
    assert patch(mine.pk, {"place": "Nairobi"}, headers).status_code == 403
    assert Opportunity.objects.count() == 1


def test_members_change_only_their_own_proposals(mine, editor):
    other = make_opportunity(title="Someone else's", start=SOON + timedelta(days=1))
    headers = bearer(editor)
    response = patch(other.pk, {"place": "Nairobi"}, headers)
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Only its proposer and moderators can change this opportunity."
    )
    other.refresh_from_db()
    assert other.place == ""


def test_what_the_owner_cannot_see_is_a_404(calendar, member):
    headers = bearer(member)
    for name in ("pending", "hidden"):
        assert patch(calendar[name].pk, {"place": "x"}, headers).status_code == 404
    assert patch(999999, {"place": "x"}, headers).status_code == 404


def test_no_csrf_token_is_needed_with_an_api_token(member):
    client = Client(enforce_csrf_checks=True)
    assert post(NEW, bearer(member), client=client).status_code == 201


# --- Proposing -----------------------------------------------------------------------


def test_a_members_proposal_waits_for_a_moderator(member, organisation):
    commitment = Commitment.objects.filter(is_active=True).first()
    body = {
        **NEW,
        "title": "  Audiência <b>pública</b> do orçamento ",
        "description": "Leia <i>isto</i>.\nDepois, envie.",
        "how_to_engage": "Enviar contribuição escrita",
        "online_url": "https://example.org/live",
        "official_url": "example.org/hearing",
        "engagement_deadline": "2030-03-01",
        "topics": ["opportunities"],
        "commitments": [commitment.pk] if commitment else [],
        "organisation": organisation.slug,
    }
    response = post(body, bearer(member))
    assert response.status_code == 201, response.content
    item = response.json()
    created = Opportunity.objects.get()
    assert item["id"] == created.pk
    assert item["state"] == created.state == "pending"
    assert created.created_by == member
    assert created.organisation == organisation
    assert item["title"] == "Audiência pública do orçamento"
    assert item["description"] == "Leia isto.\nDepois, envie."
    assert item["translations"].keys() == {"pt"}
    assert item["region"] == "AMR"
    assert (item["starts_at"], item["ends_at"]) == ("2030-03-10T17:00:00Z", "2030-03-10T20:00:00Z")
    assert item["official_url"] == "https://example.org/hearing"
    assert item["topics"] == ["opportunities"]
    assert len(item["commitments"]) == (1 if commitment else 0)
    assert item["sequence"] == 0
    assert AuditLogEntry.objects.filter(action="opportunity.propose").count() == 1
    assert Version.objects.get_for_object(created).count() == 1
    # Not on the public calendar until a moderator publishes it.
    assert Client().get(f"{LIST}{created.pk}").status_code == 404
    assert ids(Client().get(LIST, {"past": "true"})) == []


def test_a_moderators_opportunity_is_published_at_once(moderator):
    response = post({**NEW, "start_time": None, "end_time": None}, bearer(moderator))
    assert response.status_code == 201
    assert response.json()["state"] == "published"
    assert response.json()["all_day"] is True
    assert Client().get(f"{LIST}{response.json()['id']}").status_code == 200


def test_the_language_defaults_to_english(member):
    body = {key: value for key, value in NEW.items() if key != "original_language"}
    assert post(body, bearer(member)).json()["original_language"] == "en"


def test_an_organisation_the_owner_does_not_belong_to_is_refused(member):
    OrganisationFactory(slug="elsewhere")
    for slug in ("elsewhere", "nowhere"):
        response = post({**NEW, "organisation": slug}, bearer(member))
        assert response.status_code == 422
        assert ("organisation",) in messages(response)
    assert not Opportunity.objects.exists()


def test_a_likely_duplicate_needs_saying_it_is_not_one(member):
    headers = bearer(member)
    assert post(NEW, headers).status_code == 201
    response = post({**NEW, "start_time": "09:00", "end_time": "10:00"}, headers)
    assert response.status_code == 422
    assert ("not_a_duplicate",) in messages(response)
    assert Opportunity.objects.count() == 1
    response = post({**NEW, "start_time": "09:00", "end_time": "10:00", "not_a_duplicate": True})
    assert response.status_code == 401
    response = post(
        {**NEW, "start_time": "09:00", "end_time": "10:00", "not_a_duplicate": True}, headers
    )
    assert response.status_code == 201
    assert Opportunity.objects.count() == 2


INVALID = [
    ({"end_date": "2030-03-09"}, "end_date"),
    ({"start_time": "18:00", "end_time": "17:00"}, "end_date"),
    ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
    ({"time_zone": ""}, "time_zone"),
    ({"time_zone": "../../etc/passwd"}, "time_zone"),
    ({"start_date": "1900-03-10", "start_time": None, "end_time": None}, "start_date"),
    ({"end_date": "2200-01-01"}, "end_date"),
    ({"engagement_deadline": "2101-01-01"}, "engagement_deadline"),
    ({"online_url": "javascript:alert(1)"}, "online_url"),
    ({"official_url": "ftp://example.org/file"}, "official_url"),
    ({"official_url": "file:///etc/passwd"}, "official_url"),
    ({"title": "<script>alert(1)</script>"}, "title"),
    ({"title": "   "}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"description": "x" * 5001}, "description"),
    ({"country": None}, "country"),
    ({"country": "XX"}, "country"),
    ({"level": "regional", "country": None}, "region"),
    ({"start_time": "14:00+02:00"}, "start_time"),
    ({"end_time": "17:00", "start_time": None}, "start_time"),
]


@pytest.mark.parametrize(("change", "field"), INVALID)
def test_refusals_store_nothing(member, change, field):
    response = post({**NEW, **change}, bearer(member))
    assert response.status_code == 422, response.content
    assert (field,) in messages(response), response.json()
    assert not Opportunity.objects.exists()
    assert not AuditLogEntry.objects.filter(action__startswith="opportunity.").exists()


@pytest.mark.parametrize(
    "body",
    [
        {**NEW, "kind": "party"},
        {**NEW, "start_date": "2030-02-30"},
        {**NEW, "topics": ["gossip"]},
        {**NEW, "unknown_field": 1},
        {**NEW, "title": "\ud800"},
        {key: value for key, value in NEW.items() if key != "title"},
        "not json",
    ],
)
def test_malformed_bodies_are_a_4xx(member, body):
    response = post(body, bearer(member))
    assert response.status_code in (400, 422)
    assert not Opportunity.objects.exists()


def form_messages(data):
    """What the web form says of the same input (in the active language)."""
    form = OpportunityForm(data, user=None)
    assert not form.is_valid()
    return {
        (field,): error.messages[0]
        for field, errors in form.errors.as_data().items()
        for error in errors
    }


FRENCH = {
    "The end is before the start.": "La fin est avant le début.",
    "“%(zone)s” is not a time zone we know. Use a name such as Africa/Nairobi.": (
        "« %(zone)s » n’est pas un fuseau horaire connu. Indiquez par exemple Africa/Nairobi."
    ),
    "Give a year between %(first)s and %(last)s.": (
        "Indiquez une année entre %(first)s et %(last)s."
    ),
    "Remove the script or code: write plain text (line breaks are kept).": (
        "Retirez le script ou le code : écrivez du texte simple."
    ),
}


@pytest.mark.parametrize(
    ("change", "form_change"),
    [
        ({"end_date": "2030-03-09"}, {"end_date": "2030-03-09"}),
        ({"time_zone": "Mars/Olympus_Mons"}, {"time_zone": "Mars/Olympus_Mons"}),
        ({"end_date": "2200-01-01"}, {"end_date": "2200-01-01"}),
        ({"online_url": "javascript:alert(1)"}, {"online_url": "javascript:alert(1)"}),
        ({"title": "<script>alert(1)</script>"}, {"title": "<script>alert(1)</script>"}),
    ],
)
def test_refusals_say_what_the_web_form_says_in_the_readers_language(
    member, catalogue, change, form_change
):
    catalogue("fr", FRENCH)
    response = post({**NEW, **change}, {**bearer(member), "HTTP_ACCEPT_LANGUAGE": "fr"})
    assert response.status_code == 422
    assert response["Content-Language"] == "fr"
    with translation.override("fr"):
        expected = form_messages({**NEW, **form_change})
    assert messages(response) == expected
    with translation.override("en"):
        assert expected != form_messages({**NEW, **form_change})  # French, not English
    assert not Opportunity.objects.exists()


def test_in_english_without_accept_language(member):
    response = post({**NEW, "end_date": "2030-03-09"}, bearer(member))
    assert messages(response) == {("end_date",): "The end is before the start."}


# --- Editing -------------------------------------------------------------------------


def test_a_change_of_time_raises_the_sequence(mine, member):
    headers = bearer(member)
    response = patch(mine.pk, {"place": "Nairobi", "title": "My hearing"}, headers)
    assert response.status_code == 200, response.content
    assert response.json()["sequence"] == 0
    assert response.json()["place"] == "Nairobi"
    response = patch(
        mine.pk,
        {"start_time": "10:00", "end_time": "12:30", "time_zone": "Africa/Nairobi"},
        headers,
    )
    assert response.status_code == 200, response.content
    item = response.json()
    assert item["sequence"] == 1
    assert item["all_day"] is False
    assert item["starts_at"] == f"{SOON.isoformat()}T07:00:00Z"
    assert item["title"] == "My hearing"
    assert item["place"] == "Nairobi"
    mine.refresh_from_db()
    assert mine.sequence == 1
    assert Version.objects.get_for_object(mine).count() == 2
    assert AuditLogEntry.objects.filter(action="opportunity.update").count() == 2


def test_only_the_fields_sent_change(mine, member):
    mine.topics.set(["opportunities"])
    Opportunity.objects.filter(pk=mine.pk).update(engagement_deadline=SOON, place="Kisumu")
    response = patch(mine.pk, {"engagement_deadline": None}, bearer(member))
    assert response.status_code == 200
    item = response.json()
    assert item["engagement_deadline"] is None
    assert item["place"] == "Kisumu"
    assert item["topics"] == ["opportunities"]
    assert item["title"] == "Mine"
    assert item["start_date"] == SOON.isoformat()


def test_an_empty_change_changes_nothing(mine, member):
    response = patch(mine.pk, {}, bearer(member))
    assert response.status_code == 200
    assert not AuditLogEntry.objects.filter(action="opportunity.update").exists()


def test_a_refused_change_changes_nothing(mine, member):
    headers = bearer(member)
    for body in (
        {"start_date": "2030-03-10", "end_date": "2030-03-01"},
        {"official_url": "javascript:alert(1)"},
        {"title": "<b></b>"},
        {"time_zone": "Nowhere/Else", "start_time": "10:00"},
    ):
        response = patch(mine.pk, body, headers)
        assert response.status_code == 422, body
    mine.refresh_from_db()
    assert (mine.title, mine.sequence, mine.official_url, mine.all_day) == ("Mine", 0, "", True)
    assert not AuditLogEntry.objects.filter(action="opportunity.update").exists()


def test_moderators_change_anyones(mine, moderator):
    mine.organisation = OrganisationFactory(slug="theirs")
    mine.save()
    day = (SOON + timedelta(days=1)).isoformat()
    # The end stays where it was unless it is sent too: the end is before the start.
    assert patch(mine.pk, {"start_date": day}, bearer(moderator)).status_code == 422
    response = patch(mine.pk, {"start_date": day, "end_date": day}, bearer(moderator))
    assert response.status_code == 200, response.content
    assert response.json()["sequence"] == 1
    mine.refresh_from_db()
    assert mine.organisation.slug == "theirs"


def test_a_proposal_can_be_changed_while_it_waits(member):
    created = post(NEW, bearer(member)).json()
    response = patch(created["id"], {"title": "Better title"}, bearer(member))
    assert response.status_code == 200
    assert response.json()["state"] == "pending"
    assert response.json()["title"] == "Better title"


def test_another_organisations_member_is_refused(mine):
    stranger = MembershipFactory(organisation=OrganisationFactory(slug="other")).user
    assert patch(mine.pk, {"place": "x"}, bearer(stranger)).status_code == 403


# --- OpenAPI -------------------------------------------------------------------------


@pytest.fixture
def schema(db):
    return Client().get("/api/v1/openapi.json").json()


def test_the_endpoints_are_described(schema):
    paths = schema["paths"]
    assert "security" not in paths["/api/v1/opportunities/"]["get"]
    assert "security" not in paths["/api/v1/opportunities/{id}"]["get"]
    for path, method, body, success in (
        ("/api/v1/opportunities/", "post", "OpportunityIn", "201"),
        ("/api/v1/opportunities/{id}", "patch", "OpportunityPatch", "200"),
    ):
        operation = paths[path][method]
        assert operation["security"] == [{"ApiTokenAuth": []}]
        assert set(operation["responses"]) == {success, "401", "403", "404", "422"}
        content = operation["requestBody"]["content"]["application/json"]["schema"]
        assert content == {"$ref": f"#/components/schemas/{body}"}
    parameters = {p["name"] for p in paths["/api/v1/opportunities/"]["get"]["parameters"]}
    assert parameters == {
        "level",
        "region",
        "country",
        "kind",
        "topic",
        "open_deadline",
        "past",
        "updated_since",
        "page",
        "page_size",
    }
    item = schema["components"]["schemas"]["OpportunityOut"]["properties"]
    assert {"uid", "sequence", "starts_at", "translations", "engagements", "ics_url"} <= set(item)
    assert "calendar:write" in schema["info"]["description"]


# --- Generated requests (Schemathesis) --------------------------------------------------

PATHS = ["/api/v1/opportunities/", "/api/v1/opportunities/{id}"]
valid_writes = load(GenerationMode.POSITIVE).include(path=PATHS).exclude(method="GET")
any_requests = load(GenerationMode.NEGATIVE).include(path=PATHS)


@pytest.fixture
def authorised(member, organisation, mine):
    """A member's token, an opportunity of theirs to change, their organisation."""
    return {"headers": {"Authorization": bearer(member)["HTTP_AUTHORIZATION"]}, "mine": mine}


def aim(case, authorised, organisation):
    """Point a generated request at things that exist, so that it can succeed."""
    if "id" in (case.path_parameters or {}):
        case.path_parameters["id"] = authorised["mine"].pk
    if isinstance(case.body, dict):
        if "country" in case.body:
            case.body["country"] = "KE"
        if "organisation" in case.body:
            case.body["organisation"] = organisation.slug


@pytest.fixture
def _no_rate_limit(monkeypatch):
    from sauti.api import mechanisms

    monkeypatch.setattr(mechanisms.WRITE_THROTTLE[0], "num_requests", 10**6)


@pytest.mark.django_db
@pytest.mark.usefixtures("_keep_the_test_connection_open", "_no_rate_limit")
@valid_writes.parametrize()
@EXAMPLES
def test_generated_writes_are_answered_as_documented(case, authorised, organisation):
    aim(case, authorised, organisation)
    case.call_and_validate(
        headers=authorised["headers"],
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("_keep_the_test_connection_open", "_no_rate_limit")
@any_requests.parametrize()
@EXAMPLES
def test_invalid_requests_never_cause_a_server_error(case, authorised):
    response = case.call_and_validate(headers=authorised["headers"], checks=[not_a_server_error])
    assert response.status_code < 500
