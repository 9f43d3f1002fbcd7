"""The letter-template editor: write, edit, translate, copy, preview.

Every page works without JavaScript: "Preview" and "Add a paragraph" are submit
buttons that re-render the form with what was typed, saving nothing. With
JavaScript, ``js/letter-preview.js`` posts the same form to ``template_preview``
as the writer types and swaps in the fragment it returns.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sauti.core.i18n import native_language_name
from sauti.core.models import MAX_ID

from . import services_templates, template_checks
from .forms_messages import coalitions_for
from .forms_templates import TemplateEditor
from .models import LetterTemplate

FORM = "campaigns/letters/form.html"
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def template_or_404(pk: int) -> LetterTemplate:
    """A template everyone may read (built in, or of a visible coalition)."""
    if not 1 <= pk <= MAX_ID:
        raise Http404
    return get_object_or_404(
        services_templates.readable_templates().select_related("organisation"), pk=pk
    )


def _reader_language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _render_form(
    request: HttpRequest,
    editor: TemplateEditor,
    *,
    template: LetterTemplate | None,
    language: str | None,
    show_preview: bool,
    status: int = 200,
) -> HttpResponse:
    context: dict[str, Any] = {
        "editor": editor,
        "form": editor.form,
        "formset": editor.paragraph_forms,
        "problems": editor.problems(),
        "template": template,
        "language": language,
        "language_name": native_language_name(language) if language else "",
        "placeholders": template_checks.known_placeholders(_reader_language()),
        "preview": editor.preview(_reader_language()) if show_preview else None,
    }
    if template is not None:
        context["languages"] = services_templates.languages(template)
        available = {state.code for state in context["languages"] if state.written}
        original = template.original_language
        context["new_language"] = language not in available
        context["source_name"] = native_language_name(
            services_templates.shown_language(template, original)
        )
        if language != original and original in available:
            context["original"] = {
                "name": native_language_name(original),
                "code": original,
                "body": template.safe_translation_getter("body", language_code=original),
            }
    return render(request, FORM, context, status=status)


def _handle(
    request: HttpRequest,
    editor: TemplateEditor,
    *,
    template: LetterTemplate | None,
    language: str | None,
    save: Any,
) -> HttpResponse:
    """The editor's three submit buttons: add a row, preview, save."""
    if request.method == "POST" and "add_paragraph" in request.POST:
        editor = TemplateEditor(
            TemplateEditor.with_another_row(request.POST),
            user=request.user,
            template=template,
            language=language,
        )
        return _render_form(
            request, editor, template=template, language=language, show_preview=False
        )
    if request.method == "POST" and "preview" in request.POST:
        editor.is_valid()  # errors show beside the preview; nothing is saved
        return _render_form(
            request, editor, template=template, language=language, show_preview=True
        )
    if request.method == "POST":
        if editor.is_valid():
            try:
                saved = save(editor)
            except ValidationError as error:
                # The service checks again; what the form let through is reported the same way.
                for message in error.messages:
                    editor.form.add_error(None, message)
            else:
                return redirect("campaigns:letter_template", pk=saved.pk)
        return _render_form(
            request, editor, template=template, language=language, show_preview=True
        )
    return _render_form(request, editor, template=template, language=language, show_preview=False)


@login_required
def template_add(request: HttpRequest) -> HttpResponse:
    """A coalition's new template, written in one language."""
    if not request.user.has_perm("campaigns.write_lettertemplate"):
        raise PermissionDenied
    editor = TemplateEditor(
        request.POST or None,
        user=request.user,
        initial={"language": _reader_language()},
        language=request.POST.get("language") or _reader_language(),
    )

    def save(editor: TemplateEditor) -> LetterTemplate:
        data = editor.form.cleaned_data
        template = services_templates.create_template(
            coalition=data["coalition"],
            language=data["language"],
            title=data["title"],
            subject=data["subject"],
            body=data["body"],
            paragraphs=editor.paragraphs(),
            acting_user=request.user,
        )
        messages.success(request, _("Your template is saved. Everyone can now read and use it."))
        return template

    return _handle(request, editor, template=None, language=None, save=save)


def _initial(
    template: LetterTemplate, language: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The form's starting text in ``language``: the translation, or (for a language
    not written yet) the original text to translate over, markers and all."""
    source = language
    if language not in template.get_available_languages():
        source = services_templates.shown_language(template, template.original_language)
    initial = {
        name: template.safe_translation_getter(name, language_code=source, any_language=True) or ""
        for name in ("title", "subject", "body")
    }
    paragraphs = []
    for paragraph in template.optional_paragraphs.prefetch_related("translations"):  # type: ignore[attr-defined]
        written = language in {t.language_code for t in paragraph.translations.all()}
        wanted = language if written else source
        paragraphs.append(
            {
                "id": paragraph.pk,
                "code": paragraph.code,
                "label": paragraph.safe_translation_getter(
                    "label", language_code=wanted, any_language=True
                )
                or "",
                "text": paragraph.safe_translation_getter(
                    "text", language_code=wanted, any_language=True
                )
                or "",
            }
        )
    return initial, paragraphs


@login_required
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the template in one language (``?language=fr``), or write a new language."""
    template = template_or_404(pk)
    if not request.user.has_perm("campaigns.change_lettertemplate", template):
        raise PermissionDenied
    language = request.GET.get("language") or template.original_language
    if language not in LANGUAGE_CODES:
        raise Http404
    initial, paragraphs = _initial(template, language)
    editor = TemplateEditor(
        request.POST or None,
        user=request.user,
        template=template,
        language=language,
        initial=initial,
        paragraphs=paragraphs,
    )

    def save(editor: TemplateEditor) -> LetterTemplate:
        data = editor.form.cleaned_data
        saved = services_templates.save_translation(
            template,
            language=language,
            title=data["title"],
            subject=data["subject"],
            body=data["body"],
            paragraphs=editor.paragraphs(),
            acting_user=request.user,
        )
        messages.success(
            request,
            _("The template's text in %(language)s is saved.")
            % {"language": native_language_name(language)},
        )
        return saved

    return _handle(request, editor, template=template, language=language, save=save)


@login_required
@require_POST
def template_preview(request: HttpRequest) -> HttpResponse:
    """The preview fragment for what the editor's form holds (live preview), saving nothing."""
    if not request.user.has_perm("campaigns.write_lettertemplate"):
        raise PermissionDenied
    editor = TemplateEditor(request.POST, user=request.user, preview_only=True)
    context = {
        "preview": editor.preview(_reader_language()),
        "problems": editor.problems(),
    }
    response = render(request, "campaigns/letters/_preview.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def template_copy(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a coalition's own template from this one (every language, every paragraph)."""
    source = template_or_404(pk)
    if not request.user.has_perm("campaigns.write_lettertemplate"):
        raise PermissionDenied
    coalitions = list(coalitions_for(request.user).order_by("name"))
    error = ""
    if request.method == "POST":
        chosen = next(
            (c for c in coalitions if str(c.pk) == request.POST.get("coalition", "")), None
        )
        if chosen is None:
            error = _("Choose one of your coalitions.")
        else:
            copy = services_templates.copy_template(
                source, coalition=chosen, acting_user=request.user
            )
            messages.success(
                request,
                _("This is your coalition's copy: change what you need and save."),
            )
            url = reverse("campaigns:letter_template_edit", args=[copy.pk])
            return redirect(f"{url}?language={copy.original_language}")
    available = set(source.get_available_languages())
    return render(
        request,
        "campaigns/letters/copy.html",
        {
            "source": source,
            "coalitions": coalitions,
            "error": error,
            "languages": [
                native_language_name(code) for code in LANGUAGE_CODES if code in available
            ],
            "paragraph_count": source.optional_paragraphs.count(),  # type: ignore[attr-defined]
        },
        status=400 if error else 200,
    )
