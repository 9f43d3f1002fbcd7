"""Barrier reports: the public form, the follow-up code, the triage pages."""

from __future__ import annotations

import pytest
from django.utils import timezone

from sauti.core.models import AuditLogEntry, Country
from sauti.monitoring import services_barriers as services
from sauti.monitoring.models import BarrierReport, Project, Site

from ..conftest import client_for
from ..permissions import LOGIN, assert_outcome, user_for

pytestmark = pytest.mark.django_db

IP = "203.0.113.77"


@pytest.fixture
def project(organisation):
    # The public channel opens with the public dashboard.
    return Project.objects.create(
        organisation=organisation, title="Clinic watch Kisumu", is_published=True
    )


@pytest.fixture
def site(project):
    return Site.objects.create(project=project, name="Kisumu County Hospital", country_id="KE")


def report_data(site=None, **overrides):
    data = {
        "barrier": "informal_payment",
        "site": str(site.pk) if site else "",
        "place": "" if site else "Dispensary near the market",
        "country": "KE",
        "area": "",
        "happened_on": "",
        "description": "The nurse asked for 500 shillings before seeing my child.",
        "contact": "",
        "website": "",
    }
    data.update(overrides)
    return data


def submit(client, project, data):
    return client.post(f"/en/monitoring/{project.pk}/report/", data, REMOTE_ADDR=IP)


def make_report(project, **values):
    return services.submit_report(
        project=project,
        values={
            "barrier": "stock_out",
            "place": "Clinic",
            "country": Country.objects.get(pk="KE"),
            **values,
        },
    )


# --- The public form -------------------------------------------------------


def test_anyone_reports_anonymously_and_no_ip_is_kept(client, project, site):
    response = submit(client, project, report_data(site))
    assert response.status_code == 200
    report = BarrierReport.objects.get()
    assert report.site == site
    for field in BarrierReport._meta.concrete_fields:
        assert IP not in str(getattr(report, field.attname))
    entry = AuditLogEntry.objects.get(action="monitoring.barrier_reported")
    assert entry.actor is None
    assert IP not in str(entry.__dict__)


def test_a_signed_in_reporter_is_not_linked(project, member):
    client = client_for(member)
    submit(client, project, report_data())
    entry = AuditLogEntry.objects.get(action="monitoring.barrier_reported")
    assert entry.actor is None
    assert not any(
        f.is_relation and f.related_model is type(member) for f in BarrierReport._meta.fields
    )


def test_the_code_is_shown_once_and_only_its_hash_is_stored(client, project):
    response = submit(client, project, report_data())
    code = response.context["code"]
    assert len(code) == 24 and code.count("-") == 4
    assert code in response.content.decode()
    assert not set(code.replace("-", "")) & set("01OIL")
    report = BarrierReport.objects.get()
    assert report.follow_up_hash == services.hash_code(code)
    assert services.normalise_code(code) not in str(report.__dict__)
    follow = client.post("/en/monitoring/follow-up/", {"code": code.lower().replace("-", " ")})
    assert follow.context["report"] == report
    assert "Received" in follow.content.decode()


def test_a_hidden_project_has_no_public_form(client, project):
    project.hidden_at = timezone.now()
    project.save()
    assert client.get(f"/en/monitoring/{project.pk}/report/").status_code == 404
    assert submit(client, project, report_data()).status_code == 404
    assert not BarrierReport.objects.exists()


def test_the_honeypot_stores_nothing(client, project):
    response = submit(client, project, report_data(website="http://spam.example"))
    assert response.status_code == 200
    assert "code" not in response.context or not response.context.get("code")
    assert not BarrierReport.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"description": "<script>alert(1)</script>"},
        {"place": '<img src=x onerror="alert(1)">'},
        {"description": "x" * 10_000},
        {"place": "", "site": ""},
        {"barrier": "bogus"},
        {"country": "ZZ"},
        {"happened_on": "2999-01-01"},
    ],
)
def test_bad_input_stores_nothing(client, project, overrides):
    response = submit(client, project, report_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not BarrierReport.objects.exists()


def test_a_site_of_another_project_is_refused(client, project, organisation):
    other = Project.objects.create(organisation=organisation, title="Other")
    foreign = Site.objects.create(project=other, name="Elsewhere", country_id="KE")
    submit(client, project, report_data(foreign))
    assert not BarrierReport.objects.exists()


# --- Follow-up -------------------------------------------------------------


def test_a_wrong_code_gets_a_neutral_answer_and_is_rate_limited(client, project):
    _report, code = make_report(project)
    answers = set()
    for wrong in ["AAAA-BBBB-CCCC-DDDD-EEEE", "short", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"]:
        response = client.post("/en/monitoring/follow-up/", {"code": wrong})
        assert response.context["report"] is None
        assert response.context["not_found"]
        answers.add("No report matches this code" in response.content.decode())
    assert answers == {True}
    for _ in range(2):
        client.post("/en/monitoring/follow-up/", {"code": "AAAA-AAAA-AAAA-AAAA-AAAA"})
    blocked = client.post("/en/monitoring/follow-up/", {"code": code})
    assert blocked.context["blocked"] and blocked.context["report"] is None


def test_the_outcome_is_shown_only_when_public(client, project):
    report, code = make_report(project)
    report.outcome = "The facility refunded the payment."
    report.save()
    assert (
        "refunded" not in client.post("/en/monitoring/follow-up/", {"code": code}).content.decode()
    )
    report.outcome_public = True
    report.save()
    assert "refunded" in client.post("/en/monitoring/follow-up/", {"code": code}).content.decode()


# --- Triage ----------------------------------------------------------------

TRIAGE = {
    "anonymous": LOGIN,
    "outsider": 404,
    "member": 404,
    "moderator": 404,
    "org_admin": 200,
    "coordinator": 200,
    "monitor": 403,
    "analyst": 403,
    "viewer": 403,
}


@pytest.mark.parametrize("which", ["list", "detail"])
@pytest.mark.parametrize("role", list(TRIAGE))
def test_who_may_triage(request, project, role, which):
    report, _code = make_report(project)
    address = f"/en/monitoring/{project.pk}/barriers/"
    if which == "detail":
        address += f"{report.pk}/"
    response = client_for(user_for(request, role)).get(address)
    assert_outcome(response, TRIAGE[role], address)


@pytest.mark.parametrize("role", list(TRIAGE))
def test_who_may_record_the_outcome(request, project, role):
    report, _code = make_report(project)
    address = f"/en/monitoring/{project.pk}/barriers/{report.pk}/"
    data = {"status": "referred", "referred_to": "Legal aid paralegals", "outcome": ""}
    response = client_for(user_for(request, role)).post(address, data)
    report.refresh_from_db()
    if TRIAGE[role] == 200:
        assert response.status_code == 302
        assert (report.status, report.referred_to) == ("referred", "Legal aid paralegals")
        assert AuditLogEntry.objects.filter(action="monitoring.barrier_triaged").exists()
    else:
        assert_outcome(response, TRIAGE[role], address)
        assert report.status == "received"


def test_a_script_in_the_outcome_is_refused(project, coordinator):
    report, _code = make_report(project)
    address = f"/en/monitoring/{project.pk}/barriers/{report.pk}/"
    data = {"status": "closed", "outcome": "<script>x</script>"}
    response = client_for(coordinator).post(address, data)
    assert response.status_code == 200
    report.refresh_from_db()
    assert (report.status, report.outcome) == ("received", "")


def test_a_report_of_another_project_is_not_found(project, coordinator, organisation):
    other = Project.objects.create(organisation=organisation, title="Other")
    report, _code = make_report(other)
    response = client_for(coordinator).get(f"/en/monitoring/{project.pk}/barriers/{report.pk}/")
    assert response.status_code == 404


def test_the_public_pages_open_without_an_account(client, project, site):
    page = client.get(f"/en/monitoring/{project.pk}/report/")
    assert page.status_code == 200
    assert site.name in page.content.decode()
    assert client.get("/en/monitoring/follow-up/").status_code == 200
    assert "sessionid" not in page.cookies
