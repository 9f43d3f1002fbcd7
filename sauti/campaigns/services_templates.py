"""Coalitions' own letter templates: write one, translate or edit it, start from a copy.

Every function checks permission and the text itself (``template_checks``) again,
whoever calls it (the editor's views today, an API tomorrow), writes in one
transaction and leaves an entry in the audit log. ``LetterTemplate`` is not
registered with django-reversion; if it ever is, each save becomes a revision.

The optional paragraphs belong to the template, not to one language: their codes
(and the ``{{ paragraph:code }}`` markers) are shared by every translation, their
label and text are translated. Renaming a paragraph's code while editing one
language renames its marker in the other languages; removing a paragraph removes
its marker everywhere. A paragraph added in one language is missing from the
others until someone writes it there: ``languages`` reports which need it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.accounts.models import Organisation
from sauti.core.i18n import native_language_name
from sauti.core.services import log_action

from . import template_checks
from .models import LetterTemplate, OptionalParagraph

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass(frozen=True)
class ParagraphText:
    """One optional paragraph as written in one language (``id`` of an existing one)."""

    code: str
    label: str
    text: str
    id: int | None = None


@dataclass
class LanguageState:
    """A language of a template: written or not, and what its text still lacks."""

    code: str
    name: str
    written: bool
    original: bool = False
    # What the checks say of its subject and letter, and the codes of the optional
    # paragraphs not yet written in it.
    problems: list[str] = field(default_factory=list)
    missing_paragraphs: list[str] = field(default_factory=list)


# --- Reads used by the editor's pages ------------------------------------------------


def readable_templates() -> QuerySet[LetterTemplate]:
    """Built-in templates and those of visible coalitions: readable by everyone."""
    return LetterTemplate.objects.visible().filter(
        Q(organisation__isnull=True) | Q(organisation__hidden_at__isnull=True)
    )


def shown_language(template: LetterTemplate, wanted: str) -> str:
    """The reader's language when the template has it, else its own language."""
    available = set(template.get_available_languages())
    if wanted in available:
        return wanted
    if template.original_language in available:
        return template.original_language
    return next(iter(sorted(available)), template.original_language)


def languages(template: LetterTemplate) -> list[LanguageState]:
    """Each of the site's languages: whether the template is written in it, and
    for those written, what they lack (a paragraph added in another language…)."""
    texts = {t.language_code: t for t in template.translations.all()}  # type: ignore[attr-defined]
    paragraphs = list(template.optional_paragraphs.prefetch_related("translations"))  # type: ignore[attr-defined]
    codes = [paragraph.code for paragraph in paragraphs]
    states = []
    for code in LANGUAGE_CODES:
        state = LanguageState(
            code=code,
            name=native_language_name(code),
            written=code in texts,
            original=code == template.original_language,
        )
        if state.written:
            text = texts[code]
            errors = template_checks.check_letter(text.subject, text.body, codes)
            state.problems = [message for messages in errors.values() for message in messages]
            state.missing_paragraphs = [
                paragraph.code
                for paragraph in paragraphs
                if code not in {t.language_code for t in paragraph.translations.all()}
            ]
        states.append(state)
    return states


# --- Changes ---------------------------------------------------------------------------


@contextlib.contextmanager
def _revision(acting_user: Any, comment: str) -> Iterator[None]:
    """A django-reversion revision when the model is registered, else nothing."""
    if not reversion.is_registered(LetterTemplate):
        yield
        return
    with reversion.create_revision():
        yield
        if getattr(acting_user, "is_authenticated", False):
            reversion.set_user(acting_user)
        reversion.set_comment(comment)


def _check(
    *, language: str, title: str, subject: str, body: str, paragraphs: Sequence[ParagraphText]
) -> None:
    """Refuse (ValidationError by field) what the editor's form would refuse."""
    errors: dict[str, list[str]] = {}
    if language not in LANGUAGE_CODES:
        errors["language"] = [_("Choose one of the languages of the site.")]
    if problems := template_checks.check_title(title):
        errors["title"] = problems
    codes = [paragraph.code for paragraph in paragraphs]
    errors.update(template_checks.check_letter(subject, body, codes))
    for number, paragraph in enumerate(paragraphs, start=1):
        for name, problems in template_checks.check_paragraph(
            paragraph.code, paragraph.label, paragraph.text
        ).items():
            errors[f"paragraphs-{number}-{name}"] = problems
    if len(set(codes)) != len(codes):
        errors["paragraphs"] = [_("Give each optional paragraph its own code.")]
    if errors:
        raise ValidationError(errors)


def _write_text(
    template: LetterTemplate, language: str, title: str, subject: str, body: str
) -> None:
    template.set_current_language(language)
    template.title = title
    template.subject = subject
    template.body = body
    template.save()


@transaction.atomic
def create_template(
    *,
    coalition: Organisation,
    language: str,
    title: str,
    subject: str,
    body: str,
    paragraphs: Sequence[ParagraphText] = (),
    acting_user: Any,
) -> LetterTemplate:
    """Write a coalition's own template, in one language, with its optional paragraphs."""
    if not acting_user.has_perm("campaigns.add_lettertemplate", coalition):
        raise PermissionDenied
    _check(language=language, title=title, subject=subject, body=body, paragraphs=paragraphs)
    now = timezone.now()
    with _revision(acting_user, "create"):
        template = LetterTemplate(
            organisation=coalition,
            original_language=language,
            created_by=acting_user,
            created_at=now,
            updated_at=now,
        )
        _write_text(template, language, title, subject, body)
        for position, paragraph in enumerate(paragraphs):
            _new_paragraph(template, paragraph, language, position)
    log_action(
        "campaigns.add_lettertemplate",
        acting_user=acting_user,
        target=template,
        data={
            "coalition": coalition.pk,
            "language": language,
            "paragraphs": [paragraph.code for paragraph in paragraphs],
        },
    )
    return template


def _new_paragraph(
    template: LetterTemplate, paragraph: ParagraphText, language: str, position: int
) -> OptionalParagraph:
    optional = OptionalParagraph(template=template, code=paragraph.code, position=position)
    optional.set_current_language(language)
    optional.label = paragraph.label
    optional.text = paragraph.text
    optional.save()
    return optional


def _marker(code: str) -> re.Pattern[str]:
    return re.compile(r"\{\{\s*" + re.escape(template_checks.MARKER_PREFIX + code) + r"\s*\}\}")


def _without_markers(body: str, codes: set[str]) -> str:
    """``body`` without the markers of ``codes``, nor the empty paragraph each leaves."""
    pattern = re.compile(
        r"\{\{\s*"
        + re.escape(template_checks.MARKER_PREFIX)
        + "(?:"
        + "|".join(re.escape(code) for code in codes)
        + r")\s*\}\}"
    )
    if not codes or not pattern.search(body):
        return body
    kept = []
    for chunk in re.split(r"\n\s*\n", body):
        cleaned = pattern.sub("", chunk)
        if cleaned.strip():
            kept.append(chunk if cleaned == chunk else cleaned.strip())
    return "\n\n".join(kept)


def _renamed(body: str, renames: dict[str, str]) -> str:
    """``body`` with each marker ``{{ paragraph:old }}`` now naming ``renames[old]``."""
    if not renames:
        return body
    pattern = re.compile(
        r"\{\{\s*"
        + re.escape(template_checks.MARKER_PREFIX)
        + "("
        + "|".join(re.escape(code) for code in renames)
        + r")\s*\}\}"
    )
    return pattern.sub(
        lambda match: "{{ " + template_checks.MARKER_PREFIX + renames[match.group(1)] + " }}",
        body,
    )


@transaction.atomic
def save_translation(
    template: LetterTemplate,
    *,
    language: str,
    title: str,
    subject: str,
    body: str,
    paragraphs: Sequence[ParagraphText],
    acting_user: Any,
) -> LetterTemplate:
    """Write the template's text in ``language`` (a new language or a change), with
    the paragraphs as they now are: new ones added, missing ones removed everywhere."""
    if not acting_user.has_perm("campaigns.change_lettertemplate", template):
        raise PermissionDenied
    _check(language=language, title=title, subject=subject, body=body, paragraphs=paragraphs)
    existing = {paragraph.pk: paragraph for paragraph in template.optional_paragraphs.all()}  # type: ignore[attr-defined]
    kept_ids = [paragraph.id for paragraph in paragraphs if paragraph.id is not None]
    if any(pk not in existing for pk in kept_ids) or len(set(kept_ids)) != len(kept_ids):
        raise ValidationError(
            {
                "paragraphs": [
                    _(
                        "The paragraphs changed since this page was opened: open it again "
                        "and redo your changes."
                    )
                ]
            }
        )
    is_new_language = language not in template.get_available_languages()
    removed = {existing[pk].code for pk in existing if pk not in kept_ids}
    renames = {
        existing[paragraph.id].code: paragraph.code
        for paragraph in paragraphs
        if paragraph.id is not None and existing[paragraph.id].code != paragraph.code
    }
    with _revision(acting_user, "translate" if is_new_language else "update"):
        OptionalParagraph.objects.filter(
            template=template, pk__in=[pk for pk in existing if pk not in kept_ids]
        ).delete()
        # Codes are unique per template: move renamed ones out of the way first, so
        # that swapping two codes works.
        for paragraph in paragraphs:
            if paragraph.id is not None and existing[paragraph.id].code != paragraph.code:
                OptionalParagraph.objects.filter(pk=paragraph.id).update(code=f"~{paragraph.id}")
        for position, paragraph in enumerate(paragraphs):
            if paragraph.id is None:
                _new_paragraph(template, paragraph, language, position)
                continue
            optional = existing[paragraph.id]
            optional.code = paragraph.code
            optional.position = position
            optional.set_current_language(language)
            optional.label = paragraph.label
            optional.text = paragraph.text
            optional.save()
        # The other languages follow renamed and removed paragraphs.
        for translation in template.translations.exclude(language_code=language):  # type: ignore[attr-defined]
            new_body = _without_markers(_renamed(translation.body, renames), removed)
            if new_body != translation.body:
                translation.body = new_body
                translation.save()
        template.updated_at = timezone.now()
        _write_text(template, language, title, subject, body)
    log_action(
        "campaigns.change_lettertemplate",
        acting_user=acting_user,
        target=template,
        data={
            "language": language,
            "new_language": is_new_language,
            "paragraphs": [paragraph.code for paragraph in paragraphs],
            "removed": sorted(removed),
            "renamed": renames,
        },
    )
    return template


@transaction.atomic
def copy_template(
    source: LetterTemplate, *, coalition: Organisation, acting_user: Any
) -> LetterTemplate:
    """Start a coalition's template from ``source``: every language and every paragraph."""
    if not acting_user.has_perm("campaigns.add_lettertemplate", coalition):
        raise PermissionDenied
    if not readable_templates().filter(pk=source.pk).exists():
        raise PermissionDenied
    now = timezone.now()
    with _revision(acting_user, "copy"):
        template = LetterTemplate.objects.create(
            organisation=coalition,
            original_language=source.original_language,
            created_by=acting_user,
            created_at=now,
            updated_at=now,
        )
        for text in source.translations.all():  # type: ignore[attr-defined]
            template.translations.create(  # type: ignore[attr-defined]
                language_code=text.language_code,
                title=text.title,
                subject=text.subject,
                body=text.body,
            )
        for paragraph in source.optional_paragraphs.prefetch_related("translations"):  # type: ignore[attr-defined]
            copy = OptionalParagraph.objects.create(
                template=template, code=paragraph.code, position=paragraph.position
            )
            for text in paragraph.translations.all():
                copy.translations.create(  # type: ignore[attr-defined]
                    language_code=text.language_code, label=text.label, text=text.text
                )
    log_action(
        "campaigns.copy_lettertemplate",
        acting_user=acting_user,
        target=template,
        data={"coalition": coalition.pk, "copied_from": source.pk},
    )
    return template


def paragraph_labels(template: LetterTemplate, language: str) -> dict[str, str]:
    """Code → label of the template's optional paragraphs, in ``language`` if written."""
    return {
        paragraph.code: str(
            paragraph.safe_translation_getter("label", language_code=language, any_language=True)
            or paragraph.code
        )
        for paragraph in template.optional_paragraphs.prefetch_related("translations")  # type: ignore[attr-defined]
    }
