"""Team exports of submissions: CSV, XLSX with repeat sheets, GeoJSON (issue 7)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sauti.core.models import AuditLogEntry, Country
from sauti.monitoring import exports
from sauti.monitoring.models import Form, FormVersion, Project, Site, Submission
from tests.conftest import client_for
from tests.permissions import LOGIN, assert_outcome, user_for

from .test_openrosa import FORM_XML

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous", "outsider", "org_admin", "coordinator", "analyst", "monitor", "viewer",
]  # fmt: skip
EXPORTERS = {"coordinator", "analyst"}
FORMATS = ["csv", "xlsx", "geojson"]
INJECTION = '=HYPERLINK("http://evil.example","x")'


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch")


@pytest.fixture
def form(project):
    return Form.objects.create(project=project, form_id="exit_interview", title="Exit interview")


@pytest.fixture
def version(form):
    return FormVersion.objects.create(
        form=form, version="1", xml=FORM_XML, md5="md5:0", validation="passed"
    )


@pytest.fixture
def site(project):
    country = Country.objects.first() or Country.objects.create(code="KE", name="Kenya")
    return Site.objects.create(
        project=project,
        code="KSM-1",
        name="Kisumu clinic",
        kind=Site.Kind.FACILITY,
        area="Kisumu",
        country=country,
        latitude=Decimal("-0.09170"),
        longitude=Decimal("34.76800"),
    )


_counter = iter(range(10**6))


def make(version, *, site=None, data=None, **extra):
    number = next(_counter)
    return Submission.objects.create(
        project=version.form.project,
        form_version=version,
        site=site,
        instance_id=f"uuid:export-{number}",
        xml="<data/>",
        xml_sha256="0" * 64,
        data=data if data is not None else {"wait": "45"},
        **extra,
    )


@pytest.fixture
def submission(version, site):
    return make(
        version,
        site=site,
        data={
            "wait": "45",
            "comment": INJECTION,
            "where": "-1.28333 36.81667 1700 5",
            "visits": [{"reason": "fever"}, {"reason": "=1+1"}],
        },
    )


def url_for(form, extension):
    return reverse(f"monitoring:submissions_{extension}", args=[form.project_id, form.pk])


@pytest.mark.parametrize("extension", FORMATS)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_export(request, form, submission, role, extension):
    url = url_for(form, extension)
    response = client_for(user_for(request, role)).get(url)
    if role == "anonymous":
        expected = LOGIN
    elif role in EXPORTERS:
        expected = 200
    elif role == "outsider":
        expected = 404
    else:
        expected = 403
    assert_outcome(response, expected, url)


def test_a_form_of_another_project_is_not_found(organisation, form, coordinator):
    other = Project.objects.create(organisation=organisation, title="Other")
    url = reverse("monitoring:submissions_csv", args=[other.pk, form.pk])
    assert client_for(coordinator).get(url).status_code == 404


@pytest.mark.parametrize("extension", FORMATS)
def test_downloads_are_not_cached_and_logged(form, submission, coordinator, extension):
    response = client_for(coordinator).get(url_for(form, extension))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == exports.CONTENT_TYPES[extension]
    assert "attachment" in response["Content-Disposition"]
    entry = AuditLogEntry.objects.get(action="monitoring.export_submissions")
    assert entry.actor == coordinator
    assert entry.data["format"] == extension


def test_csv_reads_back_with_formulas_neutralised(form, submission, coordinator):
    response = client_for(coordinator).get(url_for(form, "csv"))
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    row = rows[0]
    assert row["_uid"] == str(submission.uid)
    assert row["_site"] == "Kisumu clinic"
    assert row["wait"] == "45"
    assert row["comment"] == "'" + INJECTION
    assert row["visits"] == "2"


def test_only_current_submissions(version, form, submission, coordinator):
    old = make(version, data={"wait": "99"}, is_current=False)
    text = client_for(coordinator).get(url_for(form, "csv")).content.decode("utf-8-sig")
    uids = [row["_uid"] for row in csv.DictReader(io.StringIO(text))]
    assert uids == [str(submission.uid)]
    assert str(old.uid) not in text


def test_xlsx_has_a_sheet_per_repeat_with_the_parent_key(form, submission, coordinator):
    response = client_for(coordinator).get(url_for(form, "xlsx"))
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    assert workbook.sheetnames == ["submissions", "visits"]
    main = list(workbook["submissions"].iter_rows(values_only=True))
    header = list(main[0])
    values = dict(zip(header, main[1], strict=False))
    assert values["_uid"] == str(submission.uid)
    assert values["comment"] == "'" + INJECTION
    visits = list(workbook["visits"].iter_rows(values_only=True))
    assert list(visits[0][:3]) == ["_parent_key", "_key", "reason"]
    assert [row[0] for row in visits[1:]] == [str(submission.uid)] * 2
    assert [row[2] for row in visits[1:]] == ["fever", "'=1+1"]


def test_nested_repeats_point_at_their_parent_entry(version, form):
    make(version, data={"visits": [{"items": [{"drug": "ORS"}, {"drug": "zinc"}]}]})
    tables = exports.build_tables(exports.current_submissions(form))
    assert set(tables.repeats) == {"visits", "visits/items"}
    visit = tables.repeats["visits"].rows[0]
    items = tables.repeats["visits/items"].rows
    assert [item["_parent_key"] for item in items] == [visit["_key"]] * 2
    workbook = load_workbook(io.BytesIO(exports.submissions_xlsx(form)), read_only=True)
    assert workbook.sheetnames == ["submissions", "visits", "visits_items"]


def test_geojson_has_sites_and_geopoints(form, submission, site, coordinator):
    make(submission.form_version, data={"where": "not a place", "note": "12 34 x"})
    response = client_for(coordinator).get(url_for(form, "geojson"))
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    by_kind = {}
    for feature in collection["features"]:
        by_kind.setdefault(feature["properties"]["feature"], []).append(feature)
    (site_feature,) = by_kind["site"]
    assert site_feature["geometry"] == {"type": "Point", "coordinates": [34.768, -0.0917]}
    assert site_feature["properties"]["name"] == "Kisumu clinic"
    assert site_feature["properties"]["kind"] == "facility"
    assert site_feature["properties"]["area"] == "Kisumu"
    (point,) = by_kind["submission"]
    assert point["geometry"]["coordinates"] == [36.81667, -1.28333]
    assert point["properties"]["field"] == "where"
    assert point["properties"]["uid"] == str(submission.uid)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-1.28333 36.81667 1700 5", (-1.28333, 36.81667)),
        ("10 20", (10.0, 20.0)),
        ("91 20 0 0", None),
        ("hello", None),
        ("1 2 3 4 5", None),
        (42, None),
    ],
)
def test_parse_geopoint(value, expected):
    assert exports.parse_geopoint(value) == expected
