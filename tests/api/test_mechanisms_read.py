"""/api/v1/mechanisms/ and /api/v1/assessments/: the public, read-only side."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from sauti.mechanisms import services
from sauti.mechanisms.models import Mechanism

from ..factories import OrganisationFactory, UserFactory

LIST = "/api/v1/mechanisms/"
ASSESSMENTS = "/api/v1/assessments/"
SCORES = {"legal": 3, "inclusion": 2, "influence": 2, "capacity": 1, "accountability": 0}


def make_mechanism(name, *, translations=None, constituencies=(), sources=None, **fields):
    data = {
        "name": name,
        "description": fields.pop("description", ""),
        "country_id": fields.pop("country", "KE"),
        "level": fields.pop("level", Mechanism.Level.NATIONAL),
        "kind": fields.pop("kind", Mechanism.Kind.COUNCIL),
        "original_language": fields.pop("original_language", "en"),
        "constituencies": list(constituencies),
        **fields,
    }
    mechanism = services.create_mechanism(
        acting_user=None, data=data, sources=sources or [{"title": f"Source of {name}"}]
    )
    for language, (t_name, t_description) in (translations or {}).items():
        mechanism.set_current_language(language)
        mechanism.name = t_name
        mechanism.description = t_description
        mechanism.save()
    return mechanism


def assess(mechanism, organisation, *, on=None, resources=1, **scores):
    return services.record_assessment(
        mechanism,
        acting_user=UserFactory(),
        data={
            "organisation": organisation,
            "assessed_on": on or timezone.localdate(),
            **SCORES,
            "resources": resources,
            "evidence": {"legal": "Health Act 2017, s. 12"},
            "note": "Minutes read for 2024.",
            **scores,
        },
    )


@pytest.fixture
def registry(db):
    kenya = make_mechanism(
        "Kisumu County Health Forum",
        description="Quarterly forum on the county health budget.",
        country="KE",
        level=Mechanism.Level.DISTRICT,
        kind=Mechanism.Kind.FORUM,
        legal_basis=Mechanism.LegalBasis.LAW,
        legal_citation="County Health Act 2019",
        year_established=2019,
        has_budget=True,
        constituencies=["youth", "hiv"],
        translations={"fr": ("Forum de santé du comté de Kisumu", "Forum trimestriel.")},
        sources=[
            {"title": "County Health Act", "url": "https://example.org/act", "note": "Mandate"}
        ],
    )
    brazil = make_mechanism(
        "Conselho Nacional de Saúde",
        description="Conselho deliberativo.",
        country="BR",
        kind=Mechanism.Kind.COUNCIL,
        legal_basis=Mechanism.LegalBasis.CONSTITUTION,
        original_language="pt",
        constituencies=["women"],
        is_verified=True,
        year_established=1937,
    )
    thailand = make_mechanism(
        "National Health Assembly",
        country="TH",
        kind=Mechanism.Kind.ASSEMBLY,
        year_established=2007,
    )
    hidden = make_mechanism(
        "Hidden Council",
        country="KE",
        hidden_at=timezone.now(),
        hidden_reason="Spam",
    )
    return {"kenya": kenya, "brazil": brazil, "thailand": thailand, "hidden": hidden}


def names(data):
    return [item["name"] for item in data["items"]]


# --- The list ---------------------------------------------------------------


def test_list_shape_and_fields(registry):
    response = Client().get(LIST)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert set(data) == {"items", "count"}
    assert data["count"] == 3
    kenya = next(i for i in data["items"] if i["country"] == "KE")
    mechanism = registry["kenya"]
    for timestamp in ("created_at", "updated_at"):
        assert kenya.pop(timestamp).startswith(str(timezone.now().year))
    assert kenya == {
        "id": mechanism.pk,
        "name": "Kisumu County Health Forum",
        "description": "Quarterly forum on the county health budget.",
        "language": "en",
        "translations": {
            "en": {
                "name": "Kisumu County Health Forum",
                "description": "Quarterly forum on the county health budget.",
            },
            "fr": {
                "name": "Forum de santé du comté de Kisumu",
                "description": "Forum trimestriel.",
            },
        },
        "country": "KE",
        "region": "AFR",
        "subnational_area": "",
        "level": "district",
        "kind": "forum",
        "is_formal": None,
        "legal_basis": "law",
        "legal_citation": "County Health Act 2019",
        "year_established": 2019,
        "host_institution": "",
        "stage_priority_setting": None,
        "stage_planning": None,
        "stage_budgeting": None,
        "stage_implementation": None,
        "stage_monitoring": None,
        "stage_evaluation": None,
        "outcome": None,
        "co_governs": None,
        "spectrum": None,
        "selection": None,
        "community_majority": None,
        "seats_government": None,
        "seats_civil_society": None,
        "seats_community": None,
        "seats_health_workers": None,
        "seats_academia": None,
        "seats_private": None,
        "constituencies": ["hiv", "youth"],
        "meeting_frequency": None,
        "last_meeting": None,
        "has_budget": True,
        "has_secretariat": None,
        "has_office": None,
        "has_allowances": None,
        "publishes_agendas": None,
        "publishes_minutes": None,
        "publishes_decisions": None,
        "gives_feedback": None,
        "offers_capacity_building": None,
        "sources": [
            {
                "title": "County Health Act",
                "url": "https://example.org/act",
                "document": None,
                "note": "Mandate",
            }
        ],
        "latest_scores": None,
        "is_verified": False,
        "verified_at": None,
        "recorded_by": None,
        "is_demo": False,
        "url": f"http://127.0.0.1:8000/en/mechanisms/{mechanism.pk}/",
    }


def test_name_and_description_are_in_the_original_language(registry):
    brazil = Client().get(f"{LIST}{registry['brazil'].pk}").json()
    assert (brazil["name"], brazil["language"]) == ("Conselho Nacional de Saúde", "pt")
    assert brazil["translations"] == {
        "pt": {"name": "Conselho Nacional de Saúde", "description": "Conselho deliberativo."}
    }


def test_hidden_mechanisms_never_appear(registry):
    hidden = registry["hidden"]
    client = Client()
    for params in ({}, {"q": "hidden"}, {"country": "KE"}, {"sort": "name"}):
        assert "Hidden Council" not in names(client.get(LIST, params).json())
    assert client.get(f"{LIST}{hidden.pk}").status_code == 404
    assert client.get(f"{LIST}{hidden.pk}/assessments").status_code == 404


def test_assessments_of_hidden_mechanisms_never_appear(registry):
    organisation = OrganisationFactory()
    assess(registry["hidden"], organisation)
    assess(registry["kenya"], organisation)
    data = Client().get(ASSESSMENTS).json()
    assert data["count"] == 1
    assert data["items"][0]["mechanism"] == registry["kenya"].pk
    assert Client().get(ASSESSMENTS, {"mechanism": registry["hidden"].pk}).json()["count"] == 0


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "kisumu"}, ["Kisumu County Health Forum"]),
        ({"q": "comté"}, ["Kisumu County Health Forum"]),  # any language
        ({"q": "deliberativo"}, ["Conselho Nacional de Saúde"]),
        ({"country": "br"}, ["Conselho Nacional de Saúde"]),
        ({"country": "KE"}, ["Kisumu County Health Forum"]),
        ({"region": "SEAR"}, ["National Health Assembly"]),
        ({"level": "district"}, ["Kisumu County Health Forum"]),
        ({"kind": "assembly"}, ["National Health Assembly"]),
        ({"legal_basis": "constitution"}, ["Conselho Nacional de Saúde"]),
        ({"constituency": "women"}, ["Conselho Nacional de Saúde"]),
        ({"is_verified": "true"}, ["Conselho Nacional de Saúde"]),
        ({"is_verified": "yes"}, ["Conselho Nacional de Saúde"]),
        ({"has_budget": "yes"}, ["Kisumu County Health Forum"]),  # the web list's other filters
        ({"kind": "forum", "country": "BR"}, []),
        ({"country": "<script>"}, []),
        ({"q": "nothing like it"}, []),
    ],
)
def test_filters(registry, params, expected):
    response = Client().get(LIST, params)
    assert response.status_code == 200
    assert names(response.json()) == expected


def test_is_verified_false(registry):
    data = Client().get(LIST, {"is_verified": "false"}).json()
    assert sorted(names(data)) == ["Kisumu County Health Forum", "National Health Assembly"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["brazil", "kenya", "thailand"]),
        ("established", ["brazil", "thailand", "kenya"]),
        ("country", ["brazil", "kenya", "thailand"]),
    ],
)
def test_sort(registry, sort, expected):
    data = Client().get(LIST, {"sort": sort}).json()
    assert [item["id"] for item in data["items"]] == [registry[k].pk for k in expected]
    assert data["count"] == 3


def test_sort_by_name_lists_each_record_once_under_its_own_name(registry):
    # Kenya's record is also named "Forum de santé…" in French: it must not come twice.
    make_mechanism("Aaa", translations={"fr": ("Zzz", ""), "es": ("Mmm", "")})
    data = Client().get(LIST, {"sort": "name"}).json()
    assert names(data) == [
        "Aaa",
        "Conselho Nacional de Saúde",
        "Kisumu County Health Forum",
        "National Health Assembly",
    ]
    assert data["count"] == 4
    # Whatever language the client prefers.
    french = Client().get(LIST, {"sort": "name"}, HTTP_ACCEPT_LANGUAGE="fr").json()
    assert names(french) == names(data)


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "castle"},
        {"level": "galactic"},
        {"legal_basis": "whim"},
        {"constituency": "aliens"},
        {"sort": "random"},
        {"is_verified": "perhaps"},
        {"q": "x" * 101},
    ],
)
def test_invalid_filter_values_are_a_422(registry, params):
    response = Client().get(LIST, params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == next(iter(params))


def test_pagination(db):
    for n in range(55):
        make_mechanism(f"Committee {n:02}", kind=Mechanism.Kind.COMMITTEE)
    first = Client().get(LIST).json()
    assert (first["count"], len(first["items"])) == (55, 50)
    second = Client().get(LIST, {"page": 2}).json()
    assert len(second["items"]) == 5
    ids = {i["id"] for i in first["items"]} | {i["id"] for i in second["items"]}
    assert len(ids) == 55
    small = Client().get(LIST, {"page_size": 10, "page": 6}).json()
    assert len(small["items"]) == 5


@pytest.mark.parametrize("query", ["page=99999999999999999999", "page=0", "page_size=-1"])
def test_bad_page_parameters_are_a_422(db, query):
    response = Client().get(f"{LIST}?{query}")
    assert response.status_code == 422


def test_list_query_count_does_not_grow(db, django_assert_max_num_queries):
    organisation = OrganisationFactory()
    for n in range(30):
        mechanism = make_mechanism(
            f"Committee {n:02}",
            constituencies=["youth", "women"],
            translations={"fr": (f"Comité {n}", "")},
            organisation=organisation,
        )
        assess(mechanism, organisation)
    with django_assert_max_num_queries(9):
        data = Client().get(LIST).json()
    assert data["count"] == 30
    assert all(item["latest_scores"] for item in data["items"])


# --- One mechanism -----------------------------------------------------------------


def test_detail_with_latest_scores(registry):
    mechanism = registry["kenya"]
    first, second = OrganisationFactory(name="First"), OrganisationFactory(name="Second")
    assess(mechanism, first, on=date(2023, 5, 1), resources=0)
    newest = assess(mechanism, second, on=date(2024, 5, 1), resources=3)
    data = Client().get(f"{LIST}{mechanism.pk}").json()
    assert data["latest_scores"] == {
        "assessment_id": newest.pk,
        "assessed_on": "2024-05-01",
        "organisation": {"slug": second.slug, "name": "Second"},
        **SCORES,
        "resources": 3,
    }


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("999999", 404),
        ("0", 422),
        ("-1", 422),
        ("abc", 422),
        ("99999999999999999999999", 422),  # larger than any database integer
        ("%00", 422),
    ],
)
def test_unknown_or_malformed_id(db, path, status):
    assert Client().get(f"{LIST}{path}").status_code == status
    assert Client().get(f"{LIST}{path}/assessments").status_code == status


def test_detail_404_is_json(db):
    response = Client().get(f"{LIST}424242")
    assert response.json() == {"detail": "Not Found"}


def test_last_modified(registry):
    later = timezone.now() + timedelta(days=1)
    Mechanism.objects.filter(pk=registry["brazil"].pk).update(updated_at=later)
    response = Client().get(LIST)
    assert response["Last-Modified"] == http_date(later.timestamp())
    # Filtered: the newest among the records listed.
    kenya = Mechanism.objects.get(pk=registry["kenya"].pk)
    filtered = Client().get(LIST, {"country": "KE"})
    assert filtered["Last-Modified"] == http_date(kenya.updated_at.timestamp())
    detail = Client().get(f"{LIST}{kenya.pk}")
    assert detail["Last-Modified"] == http_date(kenya.updated_at.timestamp())
    assert (
        Client().get(f"{LIST}{kenya.pk}", HTTP_IF_MODIFIED_SINCE=detail["Last-Modified"])
    ).status_code == 304


def test_etag_gives_304(registry):
    client = Client()
    etag = client.get(LIST)["ETag"]
    assert client.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 304


# --- Assessments -----------------------------------------------------------------


def test_assessments_of_a_mechanism(registry):
    mechanism = registry["kenya"]
    organisation = OrganisationFactory(name="Kisumu Health Rights Forum", slug="khrf")
    older = assess(mechanism, organisation, on=date(2023, 1, 1))
    newer = assess(mechanism, organisation, on=date(2024, 1, 1), resources=3)
    assess(registry["brazil"], organisation)
    response = Client().get(f"{LIST}{mechanism.pk}/assessments")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [a["id"] for a in data["items"]] == [newer.pk, older.pk]
    item = data["items"][0]
    assert item.pop("created_at")
    assert item == {
        "id": newer.pk,
        "mechanism": mechanism.pk,
        "country": "KE",
        "organisation": {"slug": "khrf", "name": "Kisumu Health Rights Forum"},
        "assessed_on": "2024-01-01",
        **SCORES,
        "resources": 3,
        "evidence": {"legal": "Health Act 2017, s. 12"},
        "note": "Minutes read for 2024.",
    }


def test_the_assessor_is_not_exposed(registry):
    person = UserFactory(display_name="Private Person", email="private@example.org")
    services.record_assessment(
        registry["kenya"],
        acting_user=person,
        data={"organisation": OrganisationFactory(), **SCORES, "resources": 1},
    )
    for url in (ASSESSMENTS, f"{LIST}{registry['kenya'].pk}/assessments"):
        body = Client().get(url).content.decode()
        assert "Private Person" not in body
        assert "private@example.org" not in body
        assert "assessor" not in body
        assert f'"{person.pk}"' not in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"kenya", "brazil", "thailand"}),
        ({"country": "ke"}, {"kenya"}),
        ({"country": "BR"}, {"brazil"}),
        ({"country": "ZZ"}, set()),
        ({"organisation": "second"}, {"thailand"}),
    ],
)
def test_all_assessments_filtered(registry, params, expected):
    first = OrganisationFactory(slug="first")
    second = OrganisationFactory(slug="second")
    assess(registry["kenya"], first)
    assess(registry["brazil"], first)
    assess(registry["thailand"], second)
    data = Client().get(ASSESSMENTS, params).json()
    by_id = {registry[k].pk: k for k in ("kenya", "brazil", "thailand")}
    assert {by_id[a["mechanism"]] for a in data["items"]} == expected
    assert data["count"] == len(expected)


def test_all_assessments_filtered_by_mechanism(registry):
    organisation = OrganisationFactory()
    assess(registry["kenya"], organisation)
    assess(registry["brazil"], organisation)
    data = Client().get(ASSESSMENTS, {"mechanism": registry["brazil"].pk}).json()
    assert [a["mechanism"] for a in data["items"]] == [registry["brazil"].pk]


@pytest.mark.parametrize("params", [{"mechanism": "0"}, {"mechanism": "x"}, {"page": "0"}])
def test_bad_assessment_filters_are_a_422(db, params):
    assert Client().get(ASSESSMENTS, params).status_code == 422


def test_assessments_are_paginated(registry):
    organisation = OrganisationFactory()
    for n in range(55):
        assess(registry["kenya"], organisation, on=date(2020, 1, 1) + timedelta(days=n))
    data = Client().get(ASSESSMENTS).json()
    assert (data["count"], len(data["items"])) == (55, 50)
    assert data["items"][0]["assessed_on"] == "2020-02-24"
    per_mechanism = Client().get(f"{LIST}{registry['kenya'].pk}/assessments", {"page": 2}).json()
    assert len(per_mechanism["items"]) == 5


def test_read_endpoints_need_no_token(registry):
    for url in (LIST, f"{LIST}{registry['kenya'].pk}", ASSESSMENTS):
        response = Client().get(url, HTTP_AUTHORIZATION="Bearer not-a-token")
        assert response.status_code == 200
