"""The key-message library and letter templates.

Everything works without JavaScript: each message sits in a read-only text
area the reader can select and copy (``js/copy.js`` only adds a "Copy"
button), and the brief is a plain GET form of checkboxes.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sauti.core.choices import country_choices
from sauti.core.i18n import native_language_name
from sauti.reports.pdf import PdfUnavailable

from . import brief_pdf, preview, selectors, services_messages, services_templates, views_templates
from .data import letter_template as builtin_letter
from .forms_messages import KeyMessageForm
from .models import KeyMessage


def _filters(search: selectors.MessageSearch) -> list[dict[str, object]]:
    return [
        {
            "name": "audience",
            "label": _("Written for"),
            "choices": selectors.audience_choices(),
            "selected": search.audience,
        },
        {
            "name": "topic",
            "label": _("Topic"),
            "choices": selectors.topic_choices(),
            "selected": search.topic,
        },
        {
            "name": "country",
            "label": _("Country"),
            "choices": country_choices(),
            "selected": search.country,
        },
    ]


def message_list(request: HttpRequest) -> HttpResponse:
    search = selectors.MessageSearch.from_query(request.GET)
    found = search.results()
    return render(
        request,
        "campaigns/messages/list.html",
        {
            "search": search,
            "filters": _filters(search),
            "count": len(found),
            "groups": selectors.by_topic(found),
            "can_add": request.user.has_perm("campaigns.write_keymessage"),
            "brief_size": selectors.BRIEF_SIZE,
        },
    )


def message_detail(request: HttpRequest, pk: int) -> HttpResponse:
    message = selectors.visible_message(pk)
    if message is None:
        raise Http404
    adaptations = selectors.with_text(
        list(
            message.adaptations.visible()  # type: ignore[attr-defined]
            .filter(organisation__hidden_at__isnull=True)
            .select_related("country", "organisation")
            .prefetch_related("translations")
        )
    )
    return render(
        request,
        "campaigns/messages/detail.html",
        {
            "message": message,
            "topic": dict(selectors.topic_choices()).get(message.topic, message.topic),
            "adaptations": adaptations,
            "can_add": request.user.has_perm("campaigns.write_keymessage"),
        },
    )


def _may_write(request: HttpRequest) -> None:
    if not request.user.has_perm("campaigns.write_keymessage"):
        raise PermissionDenied


def _save(request: HttpRequest, form: KeyMessageForm, source: KeyMessage | None) -> KeyMessage:
    data = form.cleaned_data
    return services_messages.write_message(
        coalition=data["coalition"],
        country=data["country"],
        language=data["language"],
        topic=data["topic"],
        audiences=data["audiences"],
        text=data["text"],
        source=data["source"],
        source_url=data["source_url"],
        adapted_from=source,
        acting_user=request.user,
    )


@login_required
def message_add(request: HttpRequest) -> HttpResponse:
    _may_write(request)
    form = KeyMessageForm(
        request.POST or None, user=request.user, initial={"language": get_language()}
    )
    if request.method == "POST" and form.is_valid():
        message = _save(request, form, None)
        flash.success(request, _("Your message is in the library."))
        return redirect("campaigns:message", pk=message.pk)
    return render(request, "campaigns/messages/form.html", {"form": form, "source": None})


@login_required
def message_adapt(request: HttpRequest, pk: int) -> HttpResponse:
    _may_write(request)
    source = selectors.visible_message(pk)
    if source is None:
        raise Http404
    initial: dict[str, Any] = {
        "language": get_language(),
        "topic": source.topic,
        "audiences": source.audiences,
        "text": source.shown_text,  # type: ignore[attr-defined]
        "source": source.source,
        "source_url": source.source_url,
    }
    form = KeyMessageForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        message = _save(request, form, source)
        flash.success(request, _("Your adaptation is in the library, linked to its source."))
        return redirect("campaigns:message", pk=message.pk)
    return render(request, "campaigns/messages/form.html", {"form": form, "source": source})


def _brief_context(request: HttpRequest) -> dict[str, Any]:
    chosen = selectors.chosen(request.GET.getlist("m"))
    return {
        "groups": selectors.by_topic(chosen),
        "count": len(chosen),
        "today": timezone.localdate(),
        "query": urlencode([("m", message.pk) for message in chosen]),
        "brief_size": selectors.BRIEF_SIZE,
    }


def brief(request: HttpRequest) -> HttpResponse:
    """The chosen messages on one printable page (``?m=1&m=5``)."""
    return render(request, "campaigns/messages/brief.html", _brief_context(request))


def brief_download(request: HttpRequest) -> HttpResponse:
    context = _brief_context(request)
    if not context["count"]:
        return redirect("campaigns:brief")
    language = get_language() or "en"
    try:
        content = brief_pdf.render(context, language)
    except PdfUnavailable as unavailable:
        # Say why instead of failing: the HTML brief still prints from the browser.
        context["pdf_problem"] = unavailable.reason
        context["pdf_error"] = unavailable.detail if request.user.is_staff else ""
        return render(request, "campaigns/messages/brief.html", context, status=503)
    response = HttpResponse(content, content_type=brief_pdf.CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="key-messages.pdf"'
    return response


def letter_template_list(request: HttpRequest) -> HttpResponse:
    # Built-in templates first, then the coalitions' own: sharing them is the point.
    templates = list(
        services_templates.readable_templates()
        .select_related("organisation")
        .prefetch_related("translations")
        .order_by(F("organisation").asc(nulls_first=True), "id")
    )
    language = get_language() or "en"
    return render(
        request,
        "campaigns/messages/letter_list.html",
        {
            "templates": [
                {
                    "template": template,
                    "language": services_templates.shown_language(template, language),
                }
                for template in templates
            ],
            "can_write": request.user.has_perm("campaigns.write_lettertemplate"),
        },
    )


def letter_template_detail(request: HttpRequest, pk: int) -> HttpResponse:
    template = views_templates.template_or_404(pk)
    reader = get_language() or "en"
    # The reader's language when written, else the template's own (marked as such).
    language = services_templates.shown_language(template, reader)
    paragraphs = list(template.optional_paragraphs.prefetch_related("translations"))
    labels = {
        paragraph.code: paragraph.safe_translation_getter(
            "label", language_code=language, any_language=True
        )
        or ""
        for paragraph in paragraphs
    }
    can_change = request.user.has_perm("campaigns.change_lettertemplate", template)
    states = services_templates.languages(template) if can_change else []
    return render(
        request,
        "campaigns/messages/letter_detail.html",
        {
            "template": template,
            "language": language,
            "language_name": native_language_name(language),
            "other_language": language != reader,
            "title": template.safe_translation_getter(
                "title", language_code=language, any_language=True
            ),
            "subject": preview.line_with_labels(
                template.safe_translation_getter(
                    "subject", language_code=language, any_language=True
                )
                or "",
                reader,
            ),
            "body": preview.with_labels(
                template.safe_translation_getter("body", language_code=language, any_language=True)
                or "",
                reader,
                labels,
            ),
            "paragraphs": [
                {
                    "code": paragraph.code,
                    "label": labels[paragraph.code],
                    "text": preview.with_labels(
                        paragraph.safe_translation_getter(
                            "text", language_code=language, any_language=True
                        )
                        or "",
                        reader,
                    ),
                }
                for paragraph in paragraphs
            ],
            "placeholders": [
                (name, preview.placeholder_label(name, reader))
                for name in builtin_letter.PLACEHOLDERS
            ],
            "sources": builtin_letter.SOURCES
            if template.code == builtin_letter.TEMPLATE["code"]
            else [],
            "can_change": can_change,
            "can_copy": request.user.has_perm("campaigns.write_lettertemplate"),
            "can_start": request.user.has_perm("campaigns.start_campaign"),
            "written": [state for state in states if state.written],
            "missing": [state for state in states if not state.written],
        },
    )
