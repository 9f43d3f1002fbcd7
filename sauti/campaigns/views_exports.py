"""Downloads of a campaign for its organisers: the letter with its signatories, the signatures.

Thin: permission, the file from :mod:`.exports`, a download that no cache keeps
(the signature files hold emails and hidden names). What cannot be made (no
letter yet, no PDF on this machine) is a message on the campaign's page, never
a 500.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import exports
from .models import Campaign
from .views import _campaign_or_404

PERMISSION = "campaigns.export_signatures"


def _download(content: bytes, extension: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    # Never shown inside Sauti's pages, whatever a browser guesses of it.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def _no_letter(request: HttpRequest, campaign: Campaign) -> HttpResponse:
    messages.error(
        request, _("This campaign has no letter yet: write it before downloading the letter.")
    )
    return redirect(campaign)


def _pdf_problem(unavailable: exports.PdfUnavailable) -> str:
    if unavailable.reason == exports.LIBRARIES:
        return _(
            "The PDF cannot be made on this server: WeasyPrint's system libraries are missing. "
            "Download the Word document instead."
        )
    if unavailable.reason == exports.FONTS:
        return _(
            "The PDF cannot be made on this server: the fonts for this language are missing. "
            "Download the Word document instead."
        )
    return _("The PDF could not be made. Download the Word document instead.")


def _letter(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    campaign = _campaign_or_404(request, pk, PERMISSION)
    # The language asked for, else the reader's; a letter in neither: the first one.
    wanted = request.GET.get("language") or request.LANGUAGE_CODE
    try:
        letter = exports.choose_letter(campaign, wanted)
    except exports.NoLetter:
        return _no_letter(request, campaign)
    name = exports.filename(campaign, f"letter-{letter.language}", extension)
    if extension == "docx":
        return _download(exports.letter_docx(campaign, letter.language), extension, name)
    try:
        content = exports.letter_pdf(campaign, letter.language)
    except exports.PdfUnavailable as unavailable:
        messages.error(request, _pdf_problem(unavailable))
        return redirect(campaign)
    return _download(content, extension, name)


@login_required
def letter_docx(request: HttpRequest, pk: int) -> HttpResponse:
    return _letter(request, pk, "docx")


@login_required
def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _letter(request, pk, "pdf")


@login_required
def signatures_csv(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk, PERMISSION)
    return _download(
        exports.signatures_csv(campaign), "csv", exports.filename(campaign, "signatures", "csv")
    )


@login_required
def signatures_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk, PERMISSION)
    return _download(
        exports.signatures_xlsx(campaign), "xlsx", exports.filename(campaign, "signatures", "xlsx")
    )
