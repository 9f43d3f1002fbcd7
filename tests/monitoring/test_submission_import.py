"""Importing submissions exported from ODK Central or KoboToolbox (issue 7): every row is
checked first, problems name row and column, bad files write nothing, a second import of
the same file adds nothing, and only coordinators import."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from sauti.core.models import AuditLogEntry, Country
from sauti.monitoring.models import Form, FormVersion, Project, Site, Submission, TeamMember
from sauti.monitoring.submission_import import check_submissions, write_submissions
from tests.conftest import client_for
from tests.permissions import LOGIN, assert_outcome, user_for

from .factories import on_team

pytestmark = pytest.mark.django_db

FORM_XML = (
    '<?xml version="1.0"?><h:html xmlns="http://www.w3.org/2002/xforms" '
    'xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa">'
    "<h:head><h:title>Exit</h:title><model><instance>"
    '<data id="exit_interview" version="2026111501"><start/><today/>'
    "<visit><wait/><cost/><paid/><seen_on/></visit><comment/><multi/><loc/>"
    '<kids jr:template=""><kname/></kids><kids><kname/></kids><meta><instanceID/></meta></data>'
    '</instance><instance id="yn"><root><item><name>yes</name><label>Yes</label></item>'
    "<item><name>no</name><label>No</label></item></root></instance>"
    '<bind nodeset="/data/start" type="dateTime"/><bind nodeset="/data/today" type="date"/>'
    '<bind nodeset="/data/visit/wait" type="int"/><bind nodeset="/data/visit/cost" type="decimal"/>'
    '<bind nodeset="/data/visit/paid" type="string"/>'
    '<bind nodeset="/data/visit/seen_on" type="date"/>'
    '<bind nodeset="/data/comment" type="string"/><bind nodeset="/data/multi" type="string"/>'
    '<bind nodeset="/data/loc" type="geopoint"/><bind nodeset="/data/kids/kname" type="string"/>'
    '<bind nodeset="/data/meta/instanceID" type="string"/></model></h:head><h:body>'
    '<group ref="/data/visit"><input ref="/data/visit/wait"/><input ref="/data/visit/cost"/>'
    '<select1 ref="/data/visit/paid"><itemset nodeset="instance(\'yn\')/root/item">'
    '<value ref="name"/><label ref="label"/></itemset></select1>'
    '<input ref="/data/visit/seen_on"/></group><input ref="/data/comment"/>'
    '<select ref="/data/multi"><itemset nodeset="instance(\'yn\')/root/item"><value ref="name"/>'
    '<label ref="label"/></itemset></select><input ref="/data/loc"/>'
    '<group ref="/data/kids"><repeat nodeset="/data/kids"><input ref="/data/kids/kname"/>'
    "</repeat></group></h:body></h:html>"
)

CENTRAL_HEADER = [
    "SubmissionDate", "start", "today", "visit-wait", "visit-cost", "visit-paid",
    "visit-seen_on", "comment", "multi", "loc-Latitude", "loc-Longitude", "loc-Altitude",
    "loc-Accuracy", "meta-instanceID", "KEY", "SubmitterID", "SubmitterName",
    "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits",
    "FormVersion",
]  # fmt: skip


def central_row(number, *, wait="45", cost="1.5", paid="yes", seen="2026-02-03", site=None):
    row = [
        "2026-02-03T09:00:00.000Z", "2026-02-03T08:50:00.000+03:00", "2026-02-03", wait, cost,
        paid, seen, f"=comment {number}", "yes no", "-0.0917", "34.768", "1100", "5",
        f"uuid:c-{number}", f"uuid:c-{number}", "7", "Achieng", "0", "0", "", "", "collect:x",
        "0", "2026111501",
    ]  # fmt: skip
    return row + ([site] if site is not None else [])


KOBO_HEADER = [
    "start", "today", "visit/wait", "visit/cost", "visit/paid", "visit/seen_on", "comment",
    "multi", "multi/yes", "multi/no", "loc", "_loc_latitude", "_loc_longitude", "_id", "_uuid",
    "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
    "__version__", "_tags", "_index", "site",
]  # fmt: skip


def kobo_row(number, *, site="KSM-1"):
    return [
        "2026-01-10T08:00:00.000+03:00", "2026-01-10", 30, 2.25, "no", "2026-01-09",
        "All good", "no", 0, 1, "-0.09 34.76 0 0", -0.09, 34.76, 1000 + number,
        f"k-{number}", "2026-01-10T09:00:00", "", "", "submitted_via_web", "monitor1",
        "vAbCdEf", "", number, site,
    ]  # fmt: skip


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch")


@pytest.fixture
def form(project):
    form = Form.objects.create(project=project, form_id="exit_interview", title="Exit interview")
    FormVersion.objects.create(
        form=form, version="2026111501", xml=FORM_XML, md5="md5:1", validation="passed"
    )
    return form


@pytest.fixture
def site(project):
    country = Country.objects.filter(code="KE").first() or Country.objects.create(
        code="KE", name="Kenya"
    )
    return Site.objects.create(project=project, code="KSM-1", name="Kisumu clinic", country=country)


def csv_file(header, rows, *, delimiter=",", encoding="utf-8", name="export.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), content_type="text/csv")


def xlsx_file(header, rows, *, name="export.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def member_of(user, project):
    return TeamMember.objects.get(user=user, project=project)


def upload(client, form, file):
    url = reverse("monitoring:submission_import", args=[form.project_id, form.pk])
    return client.post(url, {"file": file})


def confirm(client, form):
    url = reverse("monitoring:submission_import_confirm", args=[form.project_id, form.pk])
    return client.post(url, {"confirm": "1"})


# --- Through the pages -----------------------------------------------------------


def test_a_central_csv_imports_every_row_through_the_pages(form, coordinator):
    client = client_for(coordinator)
    response = upload(client, form, csv_file(CENTRAL_HEADER, [central_row(n) for n in range(3)]))
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "3 new submissions will be added." in page
    assert "uuid:c-0" in page
    assert not Submission.objects.exists()  # the preview writes nothing

    done = confirm(client, form)
    assert done.status_code == 302
    assert done["Location"] == reverse("monitoring:submissions", args=[form.project_id])
    assert Submission.objects.count() == 3
    submission = Submission.objects.get(instance_id="uuid:c-1")
    assert submission.source == Submission.Source.IMPORT
    assert submission.status == Submission.Status.NEW
    assert submission.submitted_by == member_of(coordinator, form.project)
    assert submission.form_version.version == "2026111501"
    assert submission.device_id == "collect:x"
    assert submission.data["visit/wait"] == "45"
    assert submission.data["visit/cost"] == "1.5"
    assert submission.data["visit/paid"] == "yes"
    assert submission.data["visit/seen_on"] == "2026-02-03"
    assert submission.data["comment"] == "=comment 1"  # formula-looking text is data
    assert submission.data["multi"] == "yes no"
    assert submission.data["loc"] == "-0.0917 34.768 1100 5"
    assert submission.collected_on.isoformat() == "2026-02-03"
    assert submission.received_at.isoformat().startswith("2026-02-03T09:00")
    assert '<data id="exit_interview" version="2026111501">' in submission.xml
    assert "<visit><wait>45</wait>" in submission.xml
    assert "<meta><instanceID>uuid:c-1</instanceID></meta>" in submission.xml
    entry = AuditLogEntry.objects.get(action="monitoring.submissions_import")
    assert entry.data["created"] == 3


def test_importing_the_same_file_again_adds_nothing(form, coordinator):
    client = client_for(coordinator)
    rows = [central_row(n) for n in range(2)]
    upload(client, form, csv_file(CENTRAL_HEADER, rows))
    confirm(client, form)
    assert Submission.objects.count() == 2

    response = upload(client, form, csv_file(CENTRAL_HEADER, rows))
    page = client.get(response["Location"]).content.decode()
    assert "0 new submissions will be added." in page
    assert "2 submissions are already in Sauti with the same answers" in page
    confirm(client, form)
    assert Submission.objects.count() == 2


def test_a_kobo_xlsx_with_sites(form, coordinator, site):
    rows = [kobo_row(n) for n in range(4)]
    checked = check_submissions(form, xlsx_file(KOBO_HEADER, rows))
    assert checked.problems == []
    assert checked.warnings == []  # Kobo's extra columns are known, not "unknown"
    member = member_of(coordinator, form.project)
    assert write_submissions(form, checked, member=member, acting_user=coordinator) == (4, 0)
    submission = Submission.objects.get(instance_id="uuid:k-2")
    assert submission.site == site
    assert submission.data["visit/wait"] == "30"
    assert submission.data["visit/cost"] == "2.25"
    assert submission.data["visit/paid"] == "no"
    assert submission.data["loc"] == "-0.09 34.76 0 0"
    assert Submission.objects.filter(site=site).count() == 4


def test_bare_question_names_and_unknown_columns_warn(form):
    header = ["wait", "paid", "colour", "_uuid"]
    checked = check_submissions(form, csv_file(header, [["12", "yes", "blue", "x1"]]))
    assert checked.problems == []
    assert checked.rows[0].instance_id == "uuid:x1"
    assert any("“colour”" in warning for warning in checked.warnings)


def test_a_csv_with_bom_and_semicolons(form, coordinator):
    rows = [central_row(n) for n in range(2)]
    file = csv_file(CENTRAL_HEADER, rows, delimiter=";", encoding="utf-8-sig")
    assert file.read(3) == b"\xef\xbb\xbf"
    file.seek(0)
    checked = check_submissions(form, file)
    assert checked.problems == []
    assert checked.to_create == 2


# --- Refused files -----------------------------------------------------------------


def test_a_bad_number_names_row_and_column_and_writes_nothing(form, coordinator):
    client = client_for(coordinator)
    rows = [central_row(0), central_row(1, wait="about ten"), central_row(2, cost="1,5x")]
    response = upload(client, form, csv_file(CENTRAL_HEADER, rows))
    assert response.status_code == 400
    page = response.content.decode()
    assert "The file cannot be imported: 2 problems." in page
    assert '<td>3</td><td dir="auto">visit-wait</td>' in page
    assert "“about ten” is not a whole number" in page
    assert '<td>4</td><td dir="auto">visit-cost</td>' in page
    assert not Submission.objects.exists()


def test_bad_choice_and_bad_date(form):
    rows = [central_row(0, paid="maybe"), central_row(1, seen="03/02/2026")]
    checked = check_submissions(form, csv_file(CENTRAL_HEADER, rows))
    assert [(p.row, p.column) for p in checked.problems] == [
        (2, "visit-paid"),
        (3, "visit-seen_on"),
    ]
    assert "is not a choice of this question" in checked.problems[0].message
    assert "is not a date" in checked.problems[1].message
    assert checked.rows == [] and not checked.ok


def test_missing_and_duplicate_instance_ids(form):
    missing = central_row(1)
    missing[CENTRAL_HEADER.index("meta-instanceID")] = ""
    missing[CENTRAL_HEADER.index("KEY")] = ""
    rows = [central_row(0), missing, central_row(0)]
    checked = check_submissions(form, csv_file(CENTRAL_HEADER, rows))
    assert [(p.row, p.column) for p in checked.problems] == [
        (3, "meta-instanceID"),
        (4, "meta-instanceID"),
    ]
    assert checked.problems[0].message == "the instance ID is missing"
    assert "already in row 2" in checked.problems[1].message


def test_no_instance_id_column(form):
    checked = check_submissions(form, csv_file(["wait"], [["3"]]))
    assert checked.problems[0].row == 1
    assert "No column holds the instance ID" in checked.problems[0].message


def test_a_conflicting_submission_stops_the_import(form, coordinator):
    checked = check_submissions(form, csv_file(CENTRAL_HEADER, [central_row(0)]))
    write_submissions(
        form, checked, member=member_of(coordinator, form.project), acting_user=coordinator
    )
    changed = check_submissions(form, csv_file(CENTRAL_HEADER, [central_row(0, wait="99")]))
    assert changed.conflicts == 1
    assert not changed.ok
    assert "already has the submission uuid:c-0 with other answers" in changed.problems[0].message


def test_an_unknown_site_is_a_problem(form, site):
    checked = check_submissions(form, xlsx_file(KOBO_HEADER, [kobo_row(0, site="Nowhere")]))
    assert [(p.row, p.column) for p in checked.problems] == [(2, "site")]


def test_a_file_too_large(form, coordinator, settings):
    settings.SAUTI_SITE_IMPORT_MAX_BYTES = 200
    response = upload(
        client_for(coordinator), form, csv_file(CENTRAL_HEADER, [central_row(0), central_row(1)])
    )
    assert response.status_code == 400
    assert "the limit is 200" in response.content.decode()
    assert not Submission.objects.exists()


def test_too_many_rows(form, settings):
    settings.SAUTI_SUBMISSION_IMPORT_MAX_ROWS = 2
    rows = [central_row(n) for n in range(3)]
    checked = check_submissions(form, csv_file(CENTRAL_HEADER, rows))
    assert "too many rows" in checked.problems[0].message


def test_a_closed_form_takes_no_import(form):
    form.is_open = False
    form.save()
    checked = check_submissions(form, csv_file(CENTRAL_HEADER, [central_row(0)]))
    assert "closed" in checked.problems[0].message


# --- Who may ---------------------------------------------------------------------

ROLES = ["anonymous", "outsider", "org_admin", "coordinator", "analyst", "monitor", "viewer"]


@pytest.mark.parametrize("role", ROLES)
def test_who_may_import(request, form, role):
    url = reverse("monitoring:submission_import", args=[form.project_id, form.pk])
    response = client_for(user_for(request, role)).get(url)
    expected = {"anonymous": LOGIN, "outsider": 404, "coordinator": 200}.get(role, 403)
    assert_outcome(response, expected, url)


@pytest.mark.parametrize("role", ["analyst", "monitor", "viewer", "org_admin"])
def test_others_cannot_confirm(request, form, coordinator, role):
    client = client_for(coordinator)
    upload(client, form, csv_file(CENTRAL_HEADER, [central_row(0)]))
    response = confirm(client_for(user_for(request, role)), form)
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_a_form_of_another_project_is_not_found(form, coordinator, organisation):
    other = Project.objects.create(organisation=organisation, title="Other")
    url = reverse("monitoring:submission_import", args=[other.pk, form.pk])
    on_team(other, TeamMember.Role.COORDINATOR)
    assert client_for(coordinator).get(url).status_code == 404
    url = reverse("monitoring:submission_import", args=[form.project_id, 10**12])
    assert client_for(coordinator).get(url).status_code == 404


def test_the_form_page_links_to_the_import_for_coordinators(form, coordinator, org_admin):
    url = reverse("monitoring:form", args=[form.project_id, form.pk])
    link = "Import submissions (KoboToolbox, ODK Central)"
    assert link in client_for(coordinator).get(url).content.decode()
    assert link not in client_for(org_admin).get(url).content.decode()
