"""Composing a campaign from a template, editing it, and timing it to the calendar.

Everything works as plain forms: "Preview" and "More addressee rows" are
submit buttons that render the page again and save nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sauti.core.i18n import native_language_name
from sauti.opportunities.models import Opportunity

from . import preview, services_compose
from .forms_compose import (
    ADDRESSEE_PREFIX,
    AddresseeFormSet,
    ComposeForm,
    DetailsForm,
    LetterForm,
    LinkMomentForm,
    NewAddresseeFormSet,
    addressee_initial,
    letter_initial,
    with_more_rows,
)
from .models import Campaign, LetterTemplate
from .views import _campaign_or_404


def _apply_errors(form: Form, error: ValidationError) -> None:
    """Put a service's errors on the form: on their field when it has one, else on top
    (the addressees' count, the template, a letter's check)."""
    if hasattr(error, "error_dict"):
        for key, messages_ in error.message_dict.items():
            form.add_error(key if key in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _previews(composition: services_compose.Composition) -> list[dict[str, Any]]:
    reader = get_language() or settings.LANGUAGE_CODE
    return [
        {
            "language": language,
            "language_name": native_language_name(language),
            "subject": preview.line_with_labels(subject, reader),
            "body": preview.with_labels(body, reader),
        }
        for language, (subject, body) in services_compose.compose(composition).items()
    ]


def _chooser(
    request: HttpRequest, templates: list[LetterTemplate], *, refused: bool
) -> HttpResponse:
    return render(
        request,
        "campaigns/compose/choose_template.html",
        {"templates": templates, "refused": refused},
        status=400 if refused else 200,
    )


def _the_template(templates: list[LetterTemplate], chosen: str | None) -> LetterTemplate | None:
    if chosen is None:
        return templates[0] if len(templates) == 1 else None
    return next((item for item in templates if str(item.pk) == chosen.strip()), None)


@login_required
def campaign_new(request: HttpRequest) -> HttpResponse:
    """Write a campaign from a template (``?template=<pk>`` chooses it)."""
    if not request.user.has_perm("campaigns.start_campaign"):
        raise PermissionDenied
    templates = list(services_compose.usable_templates())
    chosen = request.POST.get("template") if request.method == "POST" else None
    chosen = chosen or request.GET.get("template")
    template = _the_template(templates, chosen)
    if template is None:
        return _chooser(request, templates, refused=chosen is not None)
    data = request.POST if request.method == "POST" else None
    if data is not None and "more_addressees" in data:
        data = with_more_rows(data)
    form = ComposeForm(data, user=request.user, template=template)
    formset = NewAddresseeFormSet(data, prefix=ADDRESSEE_PREFIX)
    context: dict[str, Any] = {"form": form, "formset": formset, "template": template}
    if data is None or "more_addressees" in data:
        return render(request, "campaigns/compose/new.html", context)
    if form.is_valid() and formset.is_valid():
        composition = form.composition(formset.addressees())
        if form.check_composition(composition):
            if "preview" in data:
                context["previews"] = _previews(composition)
                return render(request, "campaigns/compose/new.html", context)
            try:
                campaign = services_compose.create_campaign(composition, acting_user=request.user)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "The campaign is saved as a draft: only your coalition sees it. "
                        "Check the letter, then open it for signatures."
                    ),
                )
                return redirect(campaign)
    return render(request, "campaigns/compose/new.html", context, status=400)


def _not_editable(request: HttpRequest, campaign: Campaign) -> HttpResponse:
    messages.error(request, _("The letter was sent: the campaign can no longer be edited."))
    return redirect(campaign)


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the details and addressees (until the letter is sent)."""
    campaign = _campaign_or_404(request, pk, "campaigns.change_campaign")
    if not services_compose.details_editable(campaign):
        return _not_editable(request, campaign)
    data = request.POST if request.method == "POST" else None
    if data is not None and "more_addressees" in data:
        data = with_more_rows(data)
    initial = {
        "title": campaign.title,
        "country": campaign.country_id or "",
        "signers": campaign.signers,
        "deadline": campaign.deadline,
    }
    form = DetailsForm(data, initial=initial)
    formset = AddresseeFormSet(data, initial=addressee_initial(campaign), prefix=ADDRESSEE_PREFIX)
    context = {"campaign": campaign, "form": form, "formset": formset}
    if data is None or "more_addressees" in data:
        return render(request, "campaigns/compose/edit.html", context)
    if form.is_valid() and formset.is_valid():
        try:
            services_compose.update_details(
                campaign,
                title=form.cleaned_data["title"],
                country=form.cleaned_data["country"],
                deadline=form.cleaned_data["deadline"],
                signers=form.cleaned_data["signers"],
                addressees=formset.addressees(),
                acting_user=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The campaign's details are saved."))
            return redirect(campaign)
    return render(request, "campaigns/compose/edit.html", context, status=400)


def _new_language(request: HttpRequest, written: set[str]) -> str:
    wanted = request.POST.get("new_language") if request.method == "POST" else None
    wanted = wanted or request.GET.get("add") or ""
    return wanted if wanted in dict(settings.LANGUAGES) and wanted not in written else ""


def _starting_text(campaign: Campaign, language: str) -> dict[str, str]:
    """A new language starts from the template in that language, composed as the
    campaign was; else from the first letter, to translate."""
    composition = services_compose.composition_of(campaign, [language])
    if composition is not None and language in services_compose.template_languages(
        composition.template
    ):
        subject, body = services_compose.compose(composition)[language]
        return {"subject": subject, "body": body}
    first = campaign.letters.first()
    return letter_initial(first) if first else {}


@login_required
def campaign_letters(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the letters' final text, or add a language, while nobody has signed."""
    campaign = _campaign_or_404(request, pk, "campaigns.change_campaign")
    existing = list(campaign.letters.all())
    written = {letter.language for letter in existing}
    locked = services_compose.letters_locked(campaign)
    context: dict[str, Any] = {"campaign": campaign, "letters": existing, "locked": locked}
    if locked:
        if request.method == "POST":
            messages.error(
                request, _("Someone has signed this letter: its text can no longer change.")
            )
        return render(
            request,
            "campaigns/compose/letters.html",
            context,
            status=400 if request.method == "POST" else 200,
        )
    data = request.POST if request.method == "POST" else None
    forms = [
        LetterForm(data, language=letter.language, initial=letter_initial(letter))
        for letter in existing
    ]
    new_language = _new_language(request, written)
    if new_language:
        forms.append(
            LetterForm(data, language=new_language, initial=_starting_text(campaign, new_language))
        )
    context.update(
        forms=forms,
        new_language=new_language,
        addable=[
            (code, native_language_name(code))
            for code, _name in settings.LANGUAGES
            if code not in written and code != new_language
        ],
    )
    if data is None:
        return render(request, "campaigns/compose/letters.html", context)
    if all(form.is_valid() for form in forms):
        texts = {
            form.language: (form.cleaned_data["subject"], form.cleaned_data["body"])
            for form in forms
        }
        try:
            services_compose.update_letters(campaign, texts, acting_user=request.user)
        except ValidationError as error:
            by_language = {form.language: form for form in forms}
            for key, messages_ in getattr(
                error, "message_dict", {"__all__": error.messages}
            ).items():
                language, _sep, name = key.rpartition("-")
                target = by_language.get(language) or (forms[0] if forms else None)
                if target is None:  # no letter yet: nothing to attach the error to
                    for message in messages_:
                        messages.error(request, message)
                    continue
                target.add_error(name if name in target.fields else None, messages_)
        else:
            messages.success(request, _("The letter is saved."))
            return redirect(campaign)
    return render(request, "campaigns/compose/letters.html", context, status=400)


@login_required
def campaign_timing(request: HttpRequest, pk: int) -> HttpResponse:
    """Time the campaign for moments of the advocacy calendar."""
    campaign = _campaign_or_404(request, pk, "campaigns.link_opportunity")
    form = LinkMomentForm(request.POST or None, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            services_compose.link_opportunity(
                campaign, form.cleaned_data["opportunity"], acting_user=request.user
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The campaign is timed for this moment."))
            return redirect(f"{campaign.get_absolute_url()}#timing")
    return render(
        request,
        "campaigns/compose/timing.html",
        {
            "campaign": campaign,
            "form": form,
            "moments": services_compose.linked_moments(campaign),
            "can_link": form.fields["opportunity"].queryset.exists(),  # type: ignore[attr-defined]
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def campaign_untime(request: HttpRequest, pk: int, opportunity_pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk, "campaigns.link_opportunity")
    opportunity = get_object_or_404(Opportunity, pk=opportunity_pk, campaigns=campaign)
    services_compose.unlink_opportunity(campaign, opportunity, acting_user=request.user)
    messages.success(request, _("The campaign is no longer timed for this moment."))
    return redirect(f"{campaign.get_absolute_url()}#timing")
