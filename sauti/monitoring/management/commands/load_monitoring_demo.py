"""Load a demo monitoring project: clinic exit interviews in Kenya and Malawi, two years of them.

A fresh installation shows community-led monitoring end to end: a published
project of the Kisumu demo group with a coordinator, a monitor and an analyst;
12 health facilities in four areas; an exit-interview form built from an
XLSForm made here in code (so that the XLSForm path is the one a real upload
takes); about 1 500 synthetic interviews over eight quarters (2024Q1–2025Q4)
whose rates improve over time; four public indicators with targets; six
barrier reports; and two comments published word for word.

Three facilities see fewer than ten interviews a quarter on purpose, so that
the dashboards show disclosure control at work (their cells are suppressed).
Interviews are drawn from a seeded random generator: every run makes the same
data. They are written with ``bulk_create`` (no per-row signals), so the
pre-aggregated indicator cells are rebuilt once at the end.

Idempotent: the project is found by its organisation and title; if it is there
nothing is changed. Run ``load_demo`` first (it makes the demo people and the
organisation). Everything is ``is_demo`` and says "(demo)" in its name.
"""

from __future__ import annotations

import io
import os
import random
import secrets
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sauti.accounts.management.commands.load_demo import DEFAULT_PASSWORD
from sauti.accounts.models import Organisation, User
from sauti.monitoring import xlsform
from sauti.monitoring.models import (
    BarrierReport,
    Form,
    FormVersion,
    Indicator,
    Project,
    PublicText,
    Site,
    Submission,
    TeamMember,
    quarter_start,
)
from sauti.monitoring.services_barriers import hash_code, new_follow_up_code
from sauti.monitoring.submission_xml import form_shape, parse_submission

ORGANISATION_SLUG = "demo-kisumu-health-rights"
TITLE = "Clinic exit interviews, Kenya and Malawi (demo)"
MAIL_DOMAIN = "demo.sauti.localhost"
SEED = 2024
FORM_ID = "clinic_exit_interview"
FORM_VERSION = "2024010101"
FIRST_QUARTER = date(2024, 1, 1)
QUARTERS = 8

# (email, display name, language, role): the coordinator administers the organisation.
TEAM = [
    (f"amina@{MAIL_DOMAIN}", "Amina K.", "en", TeamMember.Role.COORDINATOR),
    (f"wanjiru@{MAIL_DOMAIN}", "Wanjiru O.", "en", TeamMember.Role.MONITOR),
    (f"chikondi@{MAIL_DOMAIN}", "Chikondi P.", "en", TeamMember.Role.ANALYST),
]

# (code, name, country, area, latitude, longitude, interviews a quarter: low, high)
SITES = [
    ("KSM-01", "Kondele Health Centre (demo)", "KE", "Kisumu", "-0.0821", "34.7712", 16, 22),
    ("KSM-02", "Nyalenda Dispensary (demo)", "KE", "Kisumu", "-0.1103", "34.7598", 16, 22),
    ("KSM-03", "Manyatta Clinic (demo)", "KE", "Kisumu", "-0.0912", "34.7846", 4, 8),
    ("SYA-01", "Bondo Sub-County Hospital (demo)", "KE", "Siaya", "-0.0987", "34.2745", 16, 22),
    ("SYA-02", "Ugunja Health Centre (demo)", "KE", "Siaya", "0.1869", "34.2921", 16, 22),
    ("SYA-03", "Usenge Dispensary (demo)", "KE", "Siaya", "-0.0523", "34.0417", 5, 9),
    ("LLW-01", "Area 25 Health Centre (demo)", "MW", "Lilongwe", "-13.9197", "33.7663", 16, 22),
    ("LLW-02", "Kawale Health Centre (demo)", "MW", "Lilongwe", "-13.9912", "33.7902", 16, 22),
    ("LLW-03", "Chileka Health Centre (demo)", "MW", "Lilongwe", "-13.8621", "33.6954", 16, 22),
    ("ZBA-01", "Zomba City Clinic (demo)", "MW", "Zomba", "-15.3856", "35.3188", 16, 22),
    ("ZBA-02", "Matawale Health Centre (demo)", "MW", "Zomba", "-15.3967", "35.3431", 16, 22),
    ("ZBA-03", "Domasi Rural Hospital (demo)", "MW", "Zomba", "-15.2856", "35.3812", 3, 7),
]

COMMENTS = [
    "The nurse explained my medicines clearly.",
    "We waited outside in the sun for most of the morning.",
    "The pharmacy had no paracetamol, we were sent to buy it in town.",
    "A man at the gate asked for money to get a card.",
    "Staff were kind to my mother.",
    "The toilets were locked.",
    "The clinic opened late because the clinical officer was at a meeting.",
    "Thank you for asking us.",
]
PUBLISHED_COMMENTS = COMMENTS[1], COMMENTS[4]

# (barrier, site code, status, days ago, description, outcome or "", outcome public)
BARRIERS = [
    (
        BarrierReport.Barrier.INFORMAL_PAYMENT,
        "KSM-01",
        BarrierReport.Status.CLOSED,
        200,
        "I was told to pay 200 shillings to be seen faster.",
        "Raised with the facility committee; the in-charge reminded staff that services "
        "are free and put up a notice at the gate.",
        True,
    ),
    (
        BarrierReport.Barrier.STOCK_OUT,
        "LLW-02",
        BarrierReport.Status.REFERRED,
        90,
        "No antimalarials for children for two weeks.",
        "",
        False,
    ),
    (
        BarrierReport.Barrier.DELAYED,
        "SYA-02",
        BarrierReport.Status.TRIAGED,
        40,
        "We waited five hours with a sick baby.",
        "",
        False,
    ),
    (
        BarrierReport.Barrier.DISRESPECT,
        "ZBA-01",
        BarrierReport.Status.RECEIVED,
        12,
        "A nurse shouted at a young mother in front of everyone.",
        "",
        False,
    ),
    (
        BarrierReport.Barrier.DISTANCE,
        "",
        BarrierReport.Status.RECEIVED,
        5,
        "The nearest clinic is 14 km away and there is no transport at night.",
        "",
        False,
    ),
    (
        BarrierReport.Barrier.DISCRIMINATION,
        "KSM-02",
        BarrierReport.Status.CLOSED,
        150,
        "I was refused HIV testing because I came without my husband.",
        "",
        False,
    ),
]


def exit_interview_xlsform() -> bytes:
    """The exit interview as an XLSForm workbook, as a coordinator would write it."""
    from openpyxl import Workbook

    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "required", "constraint"])
    survey.append(["today", "today", "", "", ""])
    survey.append(
        [
            "integer",
            "waited_minutes",
            "How many minutes did you wait before you were seen?",
            "yes",
            ". >= 0 and . <= 1440",
        ]
    )
    survey.append(
        ["select_one yes_no", "respected", "Did staff treat you with respect?", "yes", ""]
    )
    survey.append(
        [
            "select_one yes_no",
            "paid_informally",
            "Were you asked to pay anything not on the official price list?",
            "yes",
            "",
        ]
    )
    survey.append(
        ["select_one yes_no", "got_medicines", "Did you get all the medicines prescribed?", "", ""]
    )
    survey.append(["text", "comment", "Anything else you want to tell us?", "", ""])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    choices.append(["yes_no", "yes", "Yes"])
    choices.append(["yes_no", "no", "No"])
    settings_sheet = workbook.create_sheet("settings")
    settings_sheet.append(["form_title", "form_id", "version"])
    settings_sheet.append(["Clinic exit interview (demo)", FORM_ID, FORM_VERSION])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def instance_xml(instance_id: str, answers: dict[str, str]) -> bytes:
    """A minimal instance as ODK Collect submits it for the exit interview."""
    fields = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in answers.items())
    return (
        f'<data xmlns:orx="http://openrosa.org/xforms" id="{FORM_ID}" version="{FORM_VERSION}">'
        f"{fields}<orx:meta><orx:instanceID>{instance_id}</orx:instanceID></orx:meta></data>"
    ).encode()


def _yes(rng: random.Random, rate: float) -> str:
    return "yes" if rng.random() < rate else "no"


class Command(BaseCommand):
    help = "Load a demo community-led monitoring project (idempotent; run load_demo first)."

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        organisation = Organisation.objects.filter(slug=ORGANISATION_SLUG).first()
        if organisation is None:
            raise CommandError("Run load_demo first: it makes the demo organisations and people.")
        if Project.objects.filter(organisation=organisation, title=TITLE).exists():
            self.stdout.write("monitoring demo: already there, nothing changed")
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_PASSWORD)
        rng = random.Random(SEED)  # noqa: S311 - synthetic data, the same on every run
        project = self._project(organisation)
        members = self._team(project, password)
        sites = self._sites(project)
        version = self._form(project, members[TeamMember.Role.COORDINATOR].user)
        submissions = self._submissions(project, version, sites, members, rng)
        self._indicators(project, version.form, members[TeamMember.Role.COORDINATOR].user)
        self._barriers(project, sites)
        self._public_texts(project, submissions, members[TeamMember.Role.COORDINATOR].user)
        from sauti.monitoring.aggregates import rebuild_project

        rebuild_project(project)
        self.stdout.write(
            f"monitoring demo: project “{project.title}” with {len(sites)} sites and "
            f"{len(submissions):,} submissions; team logins: "
            f"{', '.join(email for email, *_rest in TEAM)} (the demo password)"
        )

    def _project(self, organisation: Organisation) -> Project:
        project = Project.objects.create(
            organisation=organisation,
            title=TITLE,
            description=(
                "Fictional project, made for the demonstration: trained community monitors "
                "interview people leaving twelve health facilities about waiting times, "
                "respect, informal payments and medicines, every quarter since 2024."
            ),
            starts_on=FIRST_QUARTER,
            ends_on=date(2025, 12, 31),
            min_group_size=10,
            is_published=True,
            published_at=timezone.now(),
            is_demo=True,
        )
        project.countries.set(["KE", "MW"])
        return project

    def _team(self, project: Project, password: str) -> dict[str, TeamMember]:
        members = {}
        for email, name, language, role in TEAM:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email, password=password, display_name=name, language=language
                )
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            members[role] = TeamMember.objects.create(project=project, user=user, role=role)
        return members

    def _sites(self, project: Project) -> dict[str, tuple[Site, int, int]]:
        sites = {}
        for code, name, country, area, latitude, longitude, low, high in SITES:
            site = Site.objects.create(
                project=project,
                code=code,
                name=name,
                country_id=country,
                area=area,
                latitude=Decimal(latitude),
                longitude=Decimal(longitude),
            )
            sites[code] = (site, low, high)
        return sites

    def _form(self, project: Project, coordinator: User) -> FormVersion:
        data = exit_interview_xlsform()
        # ODK Validate needs Java and takes seconds; the demo form is known to be valid.
        conversion = xlsform.convert(data, f"{FORM_ID}.xlsx", validate=False)
        form = Form.objects.create(project=project, form_id=FORM_ID, title=conversion.title)
        version = FormVersion(
            form=form,
            version=conversion.version,
            xml=conversion.xml,
            md5=conversion.md5,
            validation=FormVersion.Validation.NOT_RUN,
            uploaded_by=coordinator,
        )
        version.xlsform.save(f"{secrets.token_hex(12)}.xlsx", ContentFile(data), save=False)
        version.save()
        return version

    def _submissions(
        self,
        project: Project,
        version: FormVersion,
        sites: dict[str, tuple[Site, int, int]],
        members: dict[str, TeamMember],
        rng: random.Random,
    ) -> list[Submission]:
        shape = form_shape(version.xml)
        collectors = [members[TeamMember.Role.MONITOR], members[TeamMember.Role.COORDINATOR]]
        rows = []
        for number in range(QUARTERS):
            quarter = date(FIRST_QUARTER.year + number // 4, number % 4 * 3 + 1, 1)
            progress = number / (QUARTERS - 1)  # 0 in 2024Q1 … 1 in 2025Q4
            last = number == QUARTERS - 1
            for code, (site, low, high) in sites.items():
                # Each facility starts a little better or worse than the others.
                offset = (sum(map(ord, code)) % 7 - 3) / 100
                for _ in range(rng.randint(low, high)):
                    collected_on = quarter + timedelta(days=rng.randint(0, 88))
                    answers = {
                        "today": collected_on.isoformat(),
                        "waited_minutes": str(
                            max(5, int(rng.gauss(95 - 40 * progress + 200 * offset, 25)))
                        ),
                        "respected": _yes(rng, 0.62 + 0.2 * progress + offset),
                        "paid_informally": _yes(rng, 0.3 - 0.18 * progress - offset / 2),
                        "got_medicines": _yes(rng, 0.66 + 0.12 * progress + offset),
                        "comment": rng.choice(COMMENTS) if rng.random() < 0.15 else "",
                    }
                    instance_id = f"uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}"
                    xml = instance_xml(instance_id, answers)
                    parsed = parse_submission(xml, shape=shape)
                    roll = rng.random()
                    if last and roll < 0.3:
                        status, note = Submission.Status.NEW, ""
                    elif roll > 0.96:
                        status = Submission.Status.FLAGGED
                        note = "Interview shorter than two minutes: check with the monitor."
                    else:
                        status, note = Submission.Status.APPROVED, ""
                    received = timezone.make_aware(
                        datetime.combine(collected_on, time(rng.randint(8, 17), rng.randint(0, 59)))
                    ) + timedelta(hours=rng.randint(0, 30))
                    rows.append(
                        Submission(
                            uid=uuid.UUID(int=rng.getrandbits(128), version=4),
                            project=project,
                            form_version=version,
                            site=site,
                            instance_id=parsed.instance_id,
                            xml=xml.decode("utf-8"),
                            xml_sha256=parsed.sha256,
                            data=parsed.data,
                            status=status,
                            review_note=note,
                            submitted_by=rng.choice(collectors),
                            device_id=f"demo-phone-{rng.randint(1, 6)}",
                            received_at=received,
                            collected_on=parsed.collected_on,
                            quarter=quarter_start(parsed.collected_on),
                            source=Submission.Source.OPENROSA,
                        )
                    )
        return Submission.objects.bulk_create(rows, batch_size=500)

    def _indicators(self, project: Project, form: Form, coordinator: User) -> None:
        specs: list[dict[str, Any]] = [
            {
                "title": "Treated with respect",
                "kind": Indicator.Kind.SHARE,
                "field": "respected",
                "value": "yes",
                "group_by": Indicator.GroupBy.SITE,
                "target": Decimal(80),
                "target_direction": Indicator.TargetDirection.AT_LEAST,
            },
            {
                "title": "Asked to pay informally",
                "kind": Indicator.Kind.SHARE,
                "field": "paid_informally",
                "value": "yes",
                "group_by": Indicator.GroupBy.AREA,
                "target": Decimal(10),
                "target_direction": Indicator.TargetDirection.AT_MOST,
            },
            {
                "title": "Mean waiting time (minutes)",
                "kind": Indicator.Kind.MEAN,
                "field": "waited_minutes",
                "value": "",
                "group_by": Indicator.GroupBy.QUARTER,
                "target": Decimal(60),
                "target_direction": Indicator.TargetDirection.AT_MOST,
            },
            {
                "title": "Interviews by quarter",
                "kind": Indicator.Kind.COUNT,
                "field": "",
                "value": "",
                "group_by": Indicator.GroupBy.QUARTER,
                "target": Decimal(150),
                "target_direction": Indicator.TargetDirection.AT_LEAST,
            },
        ]
        for order, spec in enumerate(specs):
            Indicator.objects.create(
                project=project,
                form=form,
                is_public=True,
                order=order,
                created_by=coordinator,
                **spec,
            )

    def _barriers(self, project: Project, sites: dict[str, tuple[Site, int, int]]) -> None:
        now = timezone.now()
        for barrier, code, status, days_ago, description, outcome, public in BARRIERS:
            site = sites[code][0] if code else None
            created = now - timedelta(days=days_ago)
            BarrierReport.objects.create(
                project=project,
                barrier=barrier,
                site=site,
                place="" if site else "Kadimo village",
                country_id=site.country_id if site else "KE",
                area=site.area if site else "Siaya",
                happened_on=(created - timedelta(days=2)).date(),
                description=description,
                # Only the hash of a code nobody is shown: demo reports cannot be followed up.
                follow_up_hash=hash_code(new_follow_up_code()),
                status=status,
                referred_to="District health office" if status == "referred" else "",
                outcome=outcome,
                outcome_public=public,
                created_at=created,
                updated_at=created + timedelta(days=3),
                is_demo=True,
            )

    def _public_texts(
        self, project: Project, submissions: list[Submission], coordinator: User
    ) -> None:
        for text in PUBLISHED_COMMENTS:
            source = next(
                s
                for s in submissions
                if s.status == Submission.Status.APPROVED and s.data.get("comment") == text
            )
            PublicText.objects.create(
                project=project,
                submission=source,
                field="comment",
                text=text,
                approved_by=coordinator,
            )
