"""/api/v1/monitoring/: published projects, their sites, forms and public aggregates.

The API shows what a public dashboard shows and nothing more: an unpublished or
hidden project is a 404; site coordinates are rounded to the project's public
precision (the exact value never leaves); a withheld group has no count and no
value. Raw submissions need an API token whose owner is a coordinator or an
analyst of the project; for any other token the project does not exist.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from sauti.api.auth import issue_token
from sauti.core.models import AuditLogEntry, Country
from sauti.monitoring.models import (
    Form,
    FormVersion,
    Indicator,
    Project,
    Site,
    Submission,
    TeamMember,
)

from ..factories import UserFactory
from .test_schema_conformance import EXAMPLES, load
from .test_schema_conformance import (
    _keep_the_test_connection_open as _keep_the_test_connection_open,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def operator_threshold_of_five(settings):
    """These projects publish groups of 5; the platform's default floor is 10."""
    settings.SAUTI_DISCLOSURE_THRESHOLD = 5


K = 5
BASE = "/api/v1/monitoring/projects/"


@pytest.fixture
def country():
    return Country.objects.filter(code="KE").first() or Country.objects.create(
        code="KE", name="Kenya"
    )


@pytest.fixture
def project(organisation, country):
    project = Project.objects.create(
        organisation=organisation,
        title="Clinic watch",
        min_group_size=K,
        is_published=True,
        published_at=timezone.now(),
        public_coordinate_decimals=1,
    )
    project.countries.add(country)
    return project


@pytest.fixture
def unpublished(organisation):
    return Project.objects.create(organisation=organisation, title="Quiet watch", min_group_size=K)


@pytest.fixture
def form(project):
    return Form.objects.create(project=project, form_id="exit", title="Exit interview")


@pytest.fixture
def version(form):
    return FormVersion.objects.create(
        form=form, version="2026111501", xml="<x/>", md5="md5:0", validation="passed"
    )


@pytest.fixture
def sites(project, country):
    return [
        Site.objects.create(
            project=project,
            name="Alpha clinic",
            area="North",
            country=country,
            latitude=Decimal("-1.28333"),
            longitude=Decimal("36.81667"),
        ),
        Site.objects.create(project=project, name="Beta clinic", area="North", country=country),
        Site.objects.create(project=project, name="Gamma clinic", area="South", country=country),
    ]


_numbers = iter(range(1, 10**6))


def make(version, site, *, status=Submission.Status.APPROVED, data=None):
    return Submission.objects.create(
        project=version.form.project,
        form_version=version,
        site=site,
        instance_id=f"uuid:{next(_numbers)}",
        xml="<data/>",
        xml_sha256="0" * 64,
        data=data if data is not None else {"paid": "yes", "wait": "12"},
        status=status,
    )


@pytest.fixture
def data(version, sites):
    alpha, beta, gamma = sites
    for _ in range(6):
        make(version, alpha, data={"paid": "yes"})
    for _ in range(2):
        make(version, alpha, data={"paid": "no"})
    for _ in range(7):
        make(version, beta, data={"paid": "no"})
    for _ in range(2):
        make(version, gamma, data={"paid": "yes"})  # fewer than k: withheld
    make(version, alpha, status=Submission.Status.NEW, data={"paid": "secret"})


def on_team(project, role):
    user = UserFactory()
    TeamMember.objects.create(project=project, user=user, role=role)
    return user


def bearer(user) -> dict[str, str]:
    _token, raw = issue_token(owner=user, name="script", scopes=[])
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def get(path: str, **headers):
    return Client().get(BASE + path, **headers)


# --- Projects ----------------------------------------------------------------------


def test_the_list_shows_published_projects_only(project, unpublished, organisation):
    hidden = Project.objects.create(
        organisation=organisation, title="Hidden watch", is_published=True
    )
    Project.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    response = get("")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [project.pk]
    (item,) = items
    assert item["title"] == "Clinic watch"
    assert item["organisation"] == {"slug": organisation.slug, "name": organisation.name}
    assert item["countries"] == ["KE"]
    assert item["k"] == K
    assert item["coordinate_decimals"] == 1
    assert item["url"].endswith(f"/en/monitoring/{project.pk}/public/")
    assert set(item["period"]) == {"starts_on", "ends_on"}


def test_one_project(project):
    response = get(f"{project.pk}")
    assert response.status_code == 200
    assert response.json()["title"] == "Clinic watch"


@pytest.mark.parametrize("suffix", ["", "/sites", "/forms", "/aggregates"])
def test_an_unpublished_hidden_or_unknown_project_is_404(organisation, unpublished, suffix):
    hidden = Project.objects.create(organisation=organisation, title="Hidden", is_published=True)
    Project.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    for pk in (unpublished.pk, hidden.pk, 999_999, 2**63 - 1):
        response = get(f"{pk}{suffix}")
        assert response.status_code == 404, (pk, response.content)
        assert "Quiet watch" not in response.content.decode()


@pytest.mark.parametrize("pk", ["0", "abc", str(2**70)])
def test_an_impossible_id_is_refused_not_a_server_error(pk):
    assert get(pk).status_code in (404, 422)


# --- Sites -------------------------------------------------------------------------


def test_sites_with_rounded_coordinates(project, sites):
    response = get(f"{project.pk}/sites")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["name"] for item in items] == ["Alpha clinic", "Beta clinic", "Gamma clinic"]
    alpha = items[0]
    assert alpha["latitude"] == -1.3
    assert alpha["longitude"] == 36.8
    assert alpha["kind"] == "facility"
    assert alpha["country"] == "KE"
    assert alpha["area"] == "North"
    assert items[1]["latitude"] is None
    body = response.content.decode()
    assert "1.28333" not in body
    assert "36.81667" not in body
    assert "1.28" not in body


def test_coordinates_follow_the_project_precision(project, sites):
    Project.objects.filter(pk=project.pk).update(public_coordinate_decimals=0)
    alpha = get(f"{project.pk}/sites").json()["items"][0]
    assert (alpha["latitude"], alpha["longitude"]) == (-1.0, 37.0)


# --- Forms -------------------------------------------------------------------------


def test_forms_with_their_current_version(project, form, version):
    FormVersion.objects.filter(pk=version.pk).update(is_current=False)
    FormVersion.objects.create(
        form=form, version="2026111601", xml="<y/>", md5="md5:1", validation="passed"
    )
    Form.objects.create(project=project, form_id="closed", title="Closed form", is_open=False)
    response = get(f"{project.pk}/forms")
    assert response.status_code == 200
    assert response.json() == [
        {"form_id": "closed", "title": "Closed form", "open": False, "version": None},
        {"form_id": "exit", "title": "Exit interview", "open": True, "version": "2026111601"},
    ]
    assert "<y/>" not in response.content.decode()


# --- Aggregates --------------------------------------------------------------------


def test_public_indicators_with_withheld_groups(project, form, data):
    Indicator.objects.create(
        project=project,
        form=form,
        title="Asked to pay",
        kind="share",
        field="paid",
        value="yes",
        is_public=True,
    )
    Indicator.objects.create(project=project, form=form, title="Team only", kind="count")
    response = get(f"{project.pk}/aggregates")
    assert response.status_code == 200
    (share,) = response.json()
    assert share["title"] == "Asked to pay"
    assert share["kind"] == "share"
    assert share["k"] == K
    groups = {group["label"]: group for group in share["groups"]}
    assert groups["Alpha clinic"] == {
        "label": "Alpha clinic",
        "respondents": 8,
        "value": 0.75,
        "withheld": None,
    }
    # Gamma rests on 2 people (< k): withheld, and Beta with it (else Gamma = total − others).
    assert groups["Gamma clinic"]["respondents"] is None
    assert groups["Gamma clinic"]["value"] is None
    assert groups["Gamma clinic"]["withheld"] == "small"
    assert groups["Beta clinic"]["value"] is None
    assert groups["Beta clinic"]["withheld"] == "complement"
    assert share["total"]["respondents"] == 17
    assert share["total"]["value"] == round(8 / 17, 4)
    assert "Team only" not in response.content.decode()
    assert "secret" not in response.content.decode()


def test_a_count_total_under_k_is_withheld(project, form, version, sites):
    for _ in range(3):
        make(version, sites[0])
    Indicator.objects.create(
        project=project, form=form, title="Visits", kind="count", is_public=True
    )
    (count,) = get(f"{project.pk}/aggregates").json()
    assert count["total"] == {"respondents": None, "value": None, "withheld": "small"}
    assert all(group["value"] is None for group in count["groups"])


# --- Submissions (team only, with a token) -----------------------------------------


def test_submissions_need_a_token(project, data):
    response = get(f"{project.pk}/submissions")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    bad = get(f"{project.pk}/submissions", HTTP_AUTHORIZATION="Bearer sauti_nope")
    assert bad.status_code == 401


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (TeamMember.Role.COORDINATOR, 200),
        (TeamMember.Role.ANALYST, 200),
        (TeamMember.Role.MONITOR, 404),
        (TeamMember.Role.VIEWER, 404),
        (None, 404),
    ],
)
def test_submissions_by_role(project, data, role, expected):
    user = on_team(project, role) if role else UserFactory()
    response = get(f"{project.pk}/submissions", **bearer(user))
    assert response.status_code == expected
    if expected == 200:
        body = response.json()
        assert body["count"] == Submission.objects.filter(project=project).count() == 18
        item = body["items"][0]
        assert set(item) >= {"uid", "instance_id", "status", "site", "received_at", "data"}
        assert AuditLogEntry.objects.filter(action="monitoring.api_read_submissions").exists()
    else:
        assert "paid" not in response.content.decode()


def test_the_team_reads_an_unpublished_project_through_its_token(unpublished):
    form = Form.objects.create(project=unpublished, form_id="f", title="F")
    version = FormVersion.objects.create(
        form=form, version="1", xml="<x/>", md5="md5:0", validation="passed"
    )
    make(version, None, status=Submission.Status.NEW, data={"q": "answer"})
    coordinator = on_team(unpublished, TeamMember.Role.COORDINATOR)
    response = get(f"{unpublished.pk}/submissions", **bearer(coordinator))
    assert response.status_code == 200
    assert response.json()["items"][0]["data"] == {"q": "answer"}
    assert response.json()["items"][0]["status"] == "new"
    # …while the public endpoints still do not show it.
    assert get(f"{unpublished.pk}").status_code == 404


def test_submissions_filter_by_status(project, data):
    coordinator = on_team(project, TeamMember.Role.COORDINATOR)
    response = get(f"{project.pk}/submissions?status=new", **bearer(coordinator))
    items = response.json()["items"]
    assert [item["data"] for item in items] == [{"paid": "secret"}]
    assert get(f"{project.pk}/submissions?status=bogus", **bearer(coordinator)).status_code == 422


def test_a_revoked_token_or_a_hidden_project_reads_nothing(project, data):
    coordinator = on_team(project, TeamMember.Role.COORDINATOR)
    token, raw = issue_token(owner=coordinator, name="script", scopes=[])
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    assert get(f"{project.pk}/submissions", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    Project.objects.filter(pk=project.pk).update(hidden_at=timezone.now())
    assert get(f"{project.pk}/submissions", **bearer(coordinator)).status_code == 404


# --- The OpenAPI document and generated requests (Schemathesis) ---------------------

PATHS = [
    BASE,
    f"{BASE}{{id}}",
    f"{BASE}{{id}}/sites",
    f"{BASE}{{id}}/forms",
    f"{BASE}{{id}}/aggregates",
    f"{BASE}{{id}}/submissions",
]


def test_the_openapi_document_describes_the_monitoring_api(db):
    schema = Client().get("/api/v1/openapi.json").json()
    for path in PATHS:
        assert set(schema["paths"]["/api/v1/monitoring/projects/" + path[len(BASE) :]]) == {"get"}
    submissions = schema["paths"]["/api/v1/monitoring/projects/{id}/submissions"]["get"]
    assert submissions["security"]  # a token is required
    public = schema["paths"]["/api/v1/monitoring/projects/{id}/aggregates"]["get"]
    assert "security" not in public


valid_requests = load(GenerationMode.POSITIVE).include(path=PATHS)
any_requests = load(GenerationMode.NEGATIVE).include(path=PATHS)


@pytest.fixture
def published(project, form, data):
    Indicator.objects.create(
        project=project,
        form=form,
        title="Asked to pay",
        kind="share",
        field="paid",
        value="yes",
        is_public=True,
    )
    Indicator.objects.create(
        project=project, form=form, title="Visits", kind="count", group_by="area", is_public=True
    )
    return project


@pytest.mark.django_db
@pytest.mark.usefixtures("_keep_the_test_connection_open")
@valid_requests.parametrize()
@EXAMPLES
def test_generated_requests_are_answered_as_documented(case, published):
    if "id" in (case.path_parameters or {}):
        case.path_parameters["id"] = published.pk
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
def test_invalid_requests_never_cause_a_server_error(case, published):
    response = case.call_and_validate(checks=[not_a_server_error])
    assert response.status_code < 500
