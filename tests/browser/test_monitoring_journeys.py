"""Journeys through community-led monitoring (issue 7): from a starter form to the public.

1. An organisation's administrator, signed in with a second factor, creates a clinic
   watch (smallest group published: 5), imports three sites from a CSV (preview, then
   confirm), adds the starter "Service-user exit interview" and puts a monitor on the
   team by email. The monitor, in a browser with JavaScript off, fills the web form
   ten times: five at the first clinic, two at the second, three at the third. The
   administrator approves the page of submissions, defines a public share indicator
   (treated with respect = yes, by site, target 80), reads it on the dashboard, opens
   "Publish" (a preview of what the public sees) and publishes. An anonymous visitor
   sees the first clinic's figure and no figure for the two clinics with fewer than
   five respondents.

   Why three sites: with two, one of them below k, the public page must also hide the
   other site's figure (secondary suppression: total minus the shown site would give
   the hidden one away). Two small sites that together hold at least k people protect
   each other, so the large one can be shown.

2. In Arabic and without JavaScript, someone reports a barrier to care without an
   account, keeps the follow-up code, and after the organisation has referred the
   report to a paralegal partner (in English) reads the status and the outcome.

What a person sees is checked through the page; the database sets the scene (people,
organisation, second factor, the published project of journey 2) and checks the one
thing no page can show: that no IP address was kept with the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Locator, Page, expect

from sauti.accounts.models import Membership
from sauti.core.models import AuditLogEntry
from sauti.monitoring import services_projects, services_publication
from sauti.monitoring.models import BarrierReport, Project, Site
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from .helpers import Site as LiveSite
from .helpers import enter_totp, expect_language, sign_in, sign_in_here

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

ORGANISATION = "Kisumu Community Health Watch"
ADMIN = "akinyi.otieno@example.org"
SECRET = "JBSWY3DPEHPK3PXP"  # the administrator's authenticator
MONITOR = "brian.ochieng@example.org"
PROJECT = "Clinic watch Kisumu 2026"
FORM = "Service-user exit interview"
SITES_CSV = (
    "code,name,kind,country,area,latitude,longitude\n"
    "KSM-01,Kisumu County Hospital,facility,KE,Kisumu Central,-0.09172,34.76803\n"
    "KSM-02,Nyalenda Health Centre,facility,KE,Kisumu East,,\n"
    "KSM-03,Manyatta Dispensary,facility,KE,Kisumu East,,\n"
)
BIG, SMALL, OTHER = "Kisumu County Hospital", "Nyalenda Health Centre", "Manyatta Dispensary"
CODES = {BIG: "KSM-01", SMALL: "KSM-02", OTHER: "KSM-03"}
# Answers to "Did the health workers treat you with respect?", per site.
ANSWERS = {
    BIG: ["Yes", "Yes", "No", "Yes", "Yes"],  # 4 of 5: 80%, the target
    SMALL: ["Yes", "Yes"],
    OTHER: ["No", "No", "Yes"],
}  # in all 7 of 10: 70%
INDICATOR = "Treated with respect"
RESPECT = "Did the health workers treat you with respect?"
CONSENT = "Does the person agree to answer?"


@pytest.fixture
def english() -> Iterator[None]:
    """``reverse`` and the catalogue in the journey's UI language."""
    with translation.override("en"):
        yield


def success(page: Page) -> Locator:
    return page.locator("main ul.messages li.msg-success")


def h1(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def section(page: Page, heading: str) -> Locator:
    """A section of the project hub, by its heading."""
    return page.locator("main section", has=page.get_by_role("heading", name=heading, exact=True))


def fact(page: Page, term: str) -> Locator:
    """The description of ``term`` in the page's first list of facts."""
    return (
        page.locator("main dl")
        .first.locator("dt", has_text=term)
        .locator("xpath=following-sibling::dd[1]")
    )


def indicator_section(page: Page) -> Locator:
    return page.locator("main section.indicator", has=page.get_by_text(INDICATOR, exact=True))


def group_row(page: Page, label: str) -> Locator:
    """The row of a site in the indicator's table (the dashboard's visible one)."""
    return indicator_section(page).locator("table tbody tr", has=page.get_by_text(label))


def administrator_with_monitor() -> None:
    organisation = OrganisationFactory(name=ORGANISATION, country_id="KE")
    admin = UserFactory(email=ADMIN, display_name="Akinyi Otieno")
    MembershipFactory(user=admin, organisation=organisation, role=Membership.Role.ADMIN)
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    UserFactory(email=MONITOR, display_name="Brian Ochieng")


def fill_exit_interview(page: Page, site_name: str, respect: str) -> None:
    """One exit interview in the built-in web form, sent; back on the empty form."""
    page.get_by_label("Site (optional)").select_option(label=f"{site_name} ({CODES[site_name]})")
    page.get_by_role("group", name=CONSENT).get_by_label("Yes, agrees to answer").check()
    page.get_by_role("group", name=RESPECT).get_by_label(respect, exact=True).check()
    page.get_by_role("button", name="Send").click()
    expect(h1(page)).to_have_text("Received")
    expect(page.locator("main")).to_contain_text(f"Your answers to {FORM} are stored.")
    page.get_by_role("link", name="Fill another").click()
    expect(h1(page)).to_have_text(FORM)


# --- 1. From the starter form to the public dashboard -----------------------------------


@pytest.mark.usefixtures("english")
def test_a_clinic_watch_from_starter_form_to_public_dashboard(
    new_page: Callable[..., Page], site: LiveSite, settings
) -> None:
    # The operator's platform-wide floor (default 10) lets projects publish groups of 5.
    settings.SAUTI_DISCLOSURE_THRESHOLD = 5
    administrator_with_monitor()

    # 1. The administrator signs in with her second factor and creates the project.
    admin = new_page()
    home_path = reverse("core:home")
    admin.goto(site(reverse("account_login") + f"?next={home_path}"))
    sign_in_here(admin, ADMIN)
    expect(admin).to_have_url(re.compile(r"/2fa/authenticate/"))
    enter_totp(admin, SECRET)
    expect(admin).to_have_url(site(home_path))
    admin.get_by_role("navigation", name="Main").get_by_role("link", name="Monitoring").click()
    expect(h1(admin)).to_have_text("Community-led monitoring")
    admin.get_by_role("link", name="New project").click()
    expect(h1(admin)).to_have_text("Create a monitoring project")
    admin.get_by_label("Organisation:", exact=True).select_option(label=ORGANISATION)
    admin.get_by_label("Title:", exact=True).fill(PROJECT)
    admin.get_by_label("What is monitored:").fill(
        "Exit interviews at public clinics of Kisumu County."
    )
    admin.get_by_label("Countries:").select_option(label="Kenya")
    admin.get_by_label("Smallest group published:").fill("5")
    admin.get_by_role("button", name="Create the project").click()
    expect(h1(admin)).to_have_text(PROJECT)
    expect(success(admin)).to_have_text("The project is created; you are its coordinator.")
    expect(fact(admin, "Smallest group published")).to_have_text("5 respondents")
    expect(fact(admin, "Public dashboard")).to_have_text("Not published")
    hub_url = admin.url

    # 2. Three sites from a CSV: checked and previewed first, written on confirmation.
    section(admin, "Team").get_by_role("link", name="Sites").click()
    expect(h1(admin)).to_have_text("Sites")
    expect(admin.locator("main")).to_contain_text("No site yet.")
    admin.get_by_role("link", name="Import sites from a spreadsheet").click()
    expect(h1(admin)).to_have_text("Import sites from a spreadsheet")
    admin.get_by_label("Spreadsheet (CSV or XLSX)").set_input_files(
        files=[{"name": "sites.csv", "mimeType": "text/csv", "buffer": SITES_CSV.encode()}]
    )
    admin.get_by_role("button", name="Check the file").click()
    expect(h1(admin)).to_have_text("Confirm the import")
    expect(admin.get_by_role("status")).to_contain_text("“sites.csv” passed every check.")
    expect(admin.get_by_role("status")).to_contain_text("3 sites will be created.")
    preview = admin.locator("main table tbody tr")
    expect(preview).to_have_count(3)
    for name in (BIG, SMALL, OTHER):
        expect(admin.locator("main table")).to_contain_text(name)
    assert not Site.objects.exists()  # the preview writes nothing
    admin.get_by_role("button", name="Import these sites").click()
    expect(h1(admin)).to_have_text("Sites")
    expect(admin.locator("main table caption")).to_have_text("3 sites")
    for name in (BIG, SMALL, OTHER):
        expect(admin.locator("main table tbody")).to_contain_text(name)

    # 3. The starter form, added from the library as it is.
    admin.goto(hub_url)
    expect(section(admin, "Team")).to_contain_text("Akinyi Otieno")
    admin.get_by_role("link", name="Start from the starter form library").click()
    expect(h1(admin)).to_have_text("Add a starter form")
    admin.get_by_role("radio", name=FORM, exact=True).check()
    admin.get_by_role("button", name="Add to the project").click()
    expect(h1(admin)).to_contain_text(FORM)
    expect(success(admin)).to_be_visible()

    # 4. The monitor joins the team, by the address he signs in with.
    admin.goto(hub_url)
    expect(section(admin, "Forms")).to_contain_text("1 form")
    admin.get_by_role("link", name="Manage the team").click()
    expect(h1(admin)).to_have_text("Team")
    admin.get_by_label("Email address:").fill(MONITOR)
    admin.get_by_label("Role:", exact=True).select_option(label="Monitor")
    admin.get_by_role("button", name="Add to the team").click()
    expect(admin.locator("main table")).to_contain_text("Brian Ochieng")

    # 5. The monitor, in a phone browser without JavaScript, fills the form ten times.
    monitor = new_page(java_script_enabled=False)
    sign_in(monitor, site, MONITOR)
    monitor.get_by_role("navigation", name="Main").get_by_role("link", name="Monitoring").click()
    monitor.get_by_role("region", name="Your projects").get_by_role("link", name=PROJECT).click()
    expect(h1(monitor)).to_have_text(PROJECT)
    collect = section(monitor, "Collect")
    expect(collect).to_contain_text("Or fill a simple form here, in the browser:")
    collect.get_by_role("link", name=FORM).click()
    expect(h1(monitor)).to_have_text(FORM)
    for site_name, answers in ANSWERS.items():
        for answer in answers:
            fill_exit_interview(monitor, site_name, answer)

    # 6. The administrator approves the page of submissions.
    admin.goto(hub_url)
    expect(section(admin, "Submissions")).to_contain_text("10 submissions to review")
    section(admin, "Submissions").get_by_role("link", name="Submissions").click()
    expect(h1(admin)).to_have_text("Submissions")
    expect(admin.locator("main")).to_contain_text("10 submissions")
    rows = admin.locator("main table.submissions tbody tr")
    expect(rows).to_have_count(10)
    admin.get_by_role("button", name="Approve the submissions of this page still to review").click()
    expect(success(admin)).to_be_visible()
    for index in range(10):
        expect(rows.nth(index).locator("td").nth(3)).to_have_text("Approved")
    admin.goto(hub_url)
    expect(section(admin, "Submissions")).to_contain_text("0 submissions to review")

    # 7. A public share indicator over the respect question, by site, target 80.
    section(admin, "Indicators and dashboard").get_by_role("link", name="Indicators").click()
    expect(h1(admin)).to_have_text("Indicators")
    admin.get_by_role("link", name="Define an indicator").click()
    expect(h1(admin)).to_have_text("Define an indicator")
    admin.get_by_label("Title:", exact=True).fill(INDICATOR)
    admin.get_by_label("Form:", exact=True).select_option(label=FORM)
    admin.get_by_label("Kind:", exact=True).select_option(label="Share")
    admin.get_by_label("Question path:").select_option(value="respect")
    admin.get_by_label("Answer counted in the share:").fill("yes")
    admin.get_by_label("Grouped:").select_option(label="By site")
    admin.get_by_label("Target:", exact=True).fill("80")
    admin.get_by_label("The target is met when the figure is:").select_option(
        label="at least the target"
    )
    admin.get_by_label("On the public dashboard").check()
    admin.get_by_role("button", name="Save").click()
    expect(success(admin)).to_have_text("The indicator is saved.")
    listed = admin.locator("main table tbody tr", has_text=INDICATOR)
    expect(listed).to_contain_text("Share · respect = yes")
    expect(listed).to_contain_text("By site")
    expect(listed).to_contain_text("at least the target: 80 %")

    # 8. The team's dashboard: the first clinic's figure, the two small ones withheld.
    admin.get_by_role("link", name="Dashboard").click()
    expect(h1(admin)).to_have_text("Dashboard")
    expect(admin.locator("main")).to_contain_text(
        "A group of fewer than 5 respondents is not shown"
    )
    panel = indicator_section(admin)
    expect(panel).to_contain_text("All groups: 70% (10 respondents)")
    expect(panel).to_contain_text("All groups: target not met.")
    # Respondents, share, target: the two small clinics show no figure.
    expect(group_row(admin, BIG).locator("td")).to_have_text(["5", "80%", "met"])
    for small in (SMALL, OTHER):
        expect(group_row(admin, small).locator("td")).to_have_text(["fewer than 5", "—", "—"])

    # 9. "Publish": the preview says it is what the public sees; then publish.
    admin.goto(hub_url)
    expect(section(admin, "Publishing")).to_contain_text("The public dashboard is not published.")
    admin.get_by_role("link", name="Publish the dashboard").click()
    notice = admin.get_by_role("status").filter(has_text="Preview")
    expect(notice.get_by_role("heading")).to_have_text("Preview: this is what the public sees")
    expect(notice).to_contain_text("Not published: only the project team can see this page.")
    expect(indicator_section(admin)).to_contain_text("80%")
    notice.get_by_role("button", name="Publish").click()
    expect(success(admin)).to_have_text("The dashboard is public.")
    expect(admin.get_by_role("status").filter(has_text="Preview")).to_contain_text(
        "Published since"
    )

    # 10. An anonymous visitor finds the published dashboard and reads the figures.
    visitor = new_page()
    visitor.goto(site("/"))
    visitor.get_by_role("navigation", name="Main").get_by_role("link", name="Monitoring").click()
    visitor.get_by_role("region", name="Published dashboards").get_by_role(
        "link", name=PROJECT
    ).click()
    expect(h1(visitor)).to_have_text(PROJECT)
    expect(visitor.get_by_text("Preview: this is what the public sees")).to_have_count(0)
    public = visitor.locator("main")
    expect(public).to_contain_text(f"Run by {ORGANISATION}")
    expect(public).to_contain_text("a group of fewer than 5 respondents is not shown")
    panel = indicator_section(visitor)
    expect(panel).to_contain_text("Share · By site")
    expect(panel).to_contain_text("All groups: 70% (10 respondents)")
    expect(panel).to_contain_text("Not met.")
    # The chart's text equivalent: the figure for the large site only.
    panel.get_by_text("Show as a table").click()
    table = panel.locator("details.chart-table table")
    big = table.locator("tbody tr", has=visitor.get_by_role("rowheader", name=BIG))
    expect(big.locator("td")).to_have_text(["5", "80%"])
    for small in (SMALL, OTHER):
        row = table.locator("tbody tr", has=visitor.get_by_role("rowheader", name=small))
        expect(row.locator("td")).to_have_text(["fewer than 5", "—"])
    # The chart draws only the shown figure.
    chart = panel.locator("svg")
    expect(chart).to_contain_text(BIG)
    expect(chart).not_to_contain_text(SMALL)
    expect(chart).not_to_contain_text(OTHER)
    # The sites are listed with approximate locations and no count of their own.
    expect(visitor.get_by_role("columnheader", name="Approved submissions")).to_have_count(0)


# --- 2. A barrier report in Arabic, without JavaScript ----------------------------------

BARRIER_PROJECT = "رصد العيادات في الخرطوم"
PLACE = "مركز صحي الحاج يوسف"
DESCRIPTION = "طلب مني الموظف دفع مبلغ غير رسمي قبل أن أرى الطبيب."
PARTNER = "Paralegal partner: Legal Aid Network Khartoum"
OUTCOME = "The paralegal met the facility manager; the fee was refunded and the staff warned."


def published_project() -> Project:
    """A published project in Sudan, with its coordinator (who triages in English)."""
    organisation = OrganisationFactory(name="Sudan Health Watch", country_id="SD")
    admin = UserFactory(email=ADMIN, display_name="Amal Hassan")
    MembershipFactory(user=admin, organisation=organisation, role=Membership.Role.ADMIN)
    project = services_projects.create_project(
        organisation=organisation,
        values={"title": BARRIER_PROJECT, "min_group_size": 10},
        countries=["SD"],
        acting_user=admin,
    )
    return services_publication.set_published(project, published=True, acting_user=admin)


def test_report_a_barrier_without_an_account_in_arabic_without_javascript(
    new_page: Callable[..., Page], site: LiveSite
) -> None:
    project = published_project()
    with translation.override("ar"):
        report_path = reverse("monitoring:barrier_report", args=[project.pk])
        follow_up_path = reverse("monitoring:barrier_follow_up")
        informal_payment = str(BarrierReport.Barrier.INFORMAL_PAYMENT.label)
        referred = str(BarrierReport.Status.REFERRED.label)
        texts = {
            "report": gettext("Report a barrier to care"),
            "send": gettext("Send the report"),
            "thanks": gettext("Thank you: your report is received"),
            "follow_up": gettext("Follow up on a report"),
            "see": gettext("See the status"),
            "status": gettext("Status"),
            "what": gettext("What happened"),
            "outcome": gettext("Outcome"),
        }
    assert report_path.startswith("/ar/")

    # 1. Someone without an account opens the report page in Arabic, JavaScript off.
    reporter = new_page(java_script_enabled=False, locale="ar")
    reporter.goto(site(report_path))
    expect_language(reporter, "ar")
    expect(h1(reporter)).to_have_text(texts["report"])
    expect(reporter.locator("main")).to_contain_text(BARRIER_PROJECT)
    form = reporter.locator("main form", has=reporter.locator("[name=description]"))
    form.locator("select[name=barrier]").select_option(value="informal_payment")
    form.locator("input[name=place]").fill(PLACE)
    expect(form.locator("select[name=country]")).to_have_value("SD")  # the project's country
    form.locator("textarea[name=description]").fill(DESCRIPTION)
    expect(form.locator("input[name=contact]")).to_have_value("")  # anonymous
    form.get_by_role("button", name=texts["send"]).click()

    # 2. The answer: a private follow-up code, shown once.
    expect(h1(reporter)).to_have_text(texts["thanks"])
    expect_language(reporter, "ar")
    code = reporter.locator("main .follow-up-code code").inner_text().strip()
    assert len(code) >= 8, code
    # Kept: what was told; not kept: who told it, from where, or the code in clear.
    report = BarrierReport.objects.get(project=project)
    stored = str(BarrierReport.objects.filter(pk=report.pk).values().get())
    assert "127.0.0.1" not in stored and code not in stored
    assert report.description == DESCRIPTION and report.contact == ""
    logged = AuditLogEntry.objects.get(action="monitoring.barrier_reported")
    assert logged.actor is None and "127.0.0.1" not in str(logged.data)

    # 3. The coordinator triages it in English: referred to a paralegal partner.
    with translation.override("en"):
        barriers_path = reverse("monitoring:barriers", args=[project.pk])
    triage = new_page()
    triage.goto(site(reverse("account_login") + f"?next={barriers_path}"))
    sign_in_here(triage, ADMIN)
    expect(h1(triage)).to_have_text("Barrier reports")
    row = triage.locator("main table tbody tr", has_text=PLACE)
    expect(row).to_contain_text("Asked for an informal payment")
    expect(row).to_contain_text("Received")
    row.get_by_role("link").click()
    expect(h1(triage)).to_have_text("Asked for an informal payment")
    expect(triage.locator("main dl")).to_contain_text(DESCRIPTION)
    expect(triage.locator("main dl")).to_contain_text("Anonymous: no contact given")
    triage.get_by_label("Status:").select_option(label="Referred")
    triage.get_by_label("Referred to:").fill(PARTNER)
    triage.get_by_label("Outcome:", exact=True).fill(OUTCOME)
    triage.get_by_label("The reporter may read the outcome").check()
    triage.get_by_role("button", name="Save").click()
    expect(success(triage)).to_have_text("The follow-up is saved.")
    expect(triage.get_by_label("Status:")).to_have_value("referred")

    # 4. Back in Arabic, the reporter enters the code and reads what happened.
    reporter.get_by_role("link", name=texts["follow_up"]).click()
    expect(reporter).to_have_url(site(follow_up_path))
    expect_language(reporter, "ar")
    expect(h1(reporter)).to_have_text(texts["follow_up"])
    reporter.locator("main form input[name=code]").fill(code)
    reporter.get_by_role("button", name=texts["see"]).click()
    found = reporter.locator("main dl")
    expect(found).to_contain_text(BARRIER_PROJECT)
    expect(fact(reporter, texts["what"])).to_have_text(informal_payment)
    expect(fact(reporter, texts["status"])).to_have_text(referred)
    assert referred != "Referred"  # the Arabic catalogue's word
    expect(fact(reporter, texts["outcome"])).to_have_text(OUTCOME)
    expect_language(reporter, "ar")
