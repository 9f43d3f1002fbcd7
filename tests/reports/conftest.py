"""Fixtures of the shadow report tests.

``organisation`` (the shared fixture whose members hold every role) is made a
coalition here, so that its editors and administrators write reports.
``needs_pdf`` skips a test where WeasyPrint, the Noto fonts or pdftoppm are
missing, except in CI (``CI`` set), where ``.ci/run`` installs them and a skip
would hide a missing install step.
"""

from __future__ import annotations

import os
import shutil

import pytest
from django.core.files.base import ContentFile

from sauti.accounts.models import Organisation
from sauti.reports import fonts
from sauti.reports.models import ShadowReport

from .factories import CycleFactory, ShadowReportFactory


def _pdf_tools_missing() -> str:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        return f"WeasyPrint cannot run here: {error}"
    if shutil.which("pdftoppm") is None:
        return "pdftoppm (poppler-utils) is not installed"
    missing = fonts.missing_for("ar") + fonts.missing_for("zh-hans")
    if missing:
        return f"fonts missing: {', '.join(missing)}"
    return ""


@pytest.fixture
def needs_pdf():
    reason = _pdf_tools_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must be able to print PDFs: {reason}")
        pytest.skip(reason)


@pytest.fixture
def coalition(organisation, member, editor, org_admin):
    Organisation.objects.filter(pk=organisation.pk).update(kind=Organisation.Kind.NETWORK)
    organisation.refresh_from_db()
    return organisation


@pytest.fixture
def cycle(db):
    return CycleFactory()


def with_files(report: ShadowReport, *, pdf: bool = True) -> ShadowReport:
    """Give a report generated files without generating it (fast permission tests)."""
    report.docx.save("r.docx", ContentFile(b"PK\x03\x04 docx"), save=False)
    if pdf:
        report.pdf.save("r.pdf", ContentFile(b"%PDF-1.7 pdf"), save=False)
    report.state = ShadowReport.State.DONE
    report.progress = 100
    report.save()
    return report


@pytest.fixture
def private_report(coalition, cycle):
    return with_files(ShadowReportFactory(coalition=coalition, cycle=cycle))


@pytest.fixture
def public_report(coalition, cycle):
    return with_files(ShadowReportFactory(coalition=coalition, cycle=cycle, is_public=True))
