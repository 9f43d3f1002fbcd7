"""The letter-template editor's forms: the text in one language and the optional paragraphs.

``TemplateEditor`` binds the two together, because the letter and its paragraphs
are checked against each other (every paragraph has its marker in the letter,
every marker names a paragraph) and every problem of the page is reported at
once, before anything is saved. The same editor serves the "Preview" button and
the live preview (``views_templates.template_preview``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from sauti.accounts.models import Organisation
from sauti.core.forms import BoundedModelChoiceField

from . import preview, template_checks
from .forms_messages import coalitions_for, language_choices
from .models import LetterTemplate
from .services_templates import ParagraphText

PARAGRAPHS_PREFIX = "paragraphs"
MAX_PARAGRAPHS = 20


def _text_attrs(language: str | None, rows: int | None = None) -> dict[str, Any]:
    attrs: dict[str, Any] = {"dir": "auto"}
    if language:
        # The browser checks spelling in the language the text is written in.
        attrs["lang"] = language
    if rows:
        attrs["rows"] = rows
    return attrs


class TemplateTextForm(forms.Form):
    """Title, subject and letter in one language; the coalition and language when new."""

    coalition = BoundedModelChoiceField(
        label=gettext_lazy("Coalition"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=gettext_lazy("The template is written in its name."),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the template"), choices=language_choices
    )
    # Not ``required``: ``template_checks`` says what is missing, in its own words.
    title = forms.CharField(
        label=gettext_lazy("Title"),
        required=False,
        help_text=gettext_lazy("How the template is listed, e.g. Letter to the budget committee."),
    )
    subject = forms.CharField(
        label=gettext_lazy("Subject"),
        required=False,
        help_text=gettext_lazy("One line; placeholders may be used."),
    )
    body = forms.CharField(
        label=gettext_lazy("Letter"),
        required=False,
        widget=forms.Textarea,
        help_text=gettext_lazy(
            "Plain text. An empty line starts a new paragraph; *words* between stars are "
            "emphasised; lines starting with “- ” make a list. Placeholders such as "
            "{{ country }} are filled in for each campaign."
        ),
    )

    def __init__(
        self, *args: Any, user: Any, new: bool, language: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if new:
            coalitions = coalitions_for(user).order_by("name")
            field = self.fields["coalition"]
            field.queryset = coalitions  # type: ignore[attr-defined]
            if len(coalitions) == 1:
                # One coalition: nothing to choose; the page names it.
                field.widget = forms.HiddenInput()
                self.initial.setdefault("coalition", coalitions[0].pk)
            self.coalitions = list(coalitions)
        else:
            del self.fields["coalition"]
            del self.fields["language"]
            self.coalitions = []
        self.fields["title"].widget.attrs.update(_text_attrs(language))
        self.fields["subject"].widget.attrs.update(_text_attrs(language))
        self.fields["body"].widget.attrs.update(_text_attrs(language, rows=20))

    def clean_title(self) -> str:
        title = template_checks.normalise(self.cleaned_data["title"])
        if problems := template_checks.check_title(title):
            raise forms.ValidationError(problems)
        return title

    def clean_subject(self) -> str:
        return template_checks.normalise(self.cleaned_data["subject"])

    def clean_body(self) -> str:
        return template_checks.normalise(self.cleaned_data["body"])


class ParagraphForm(forms.Form):
    """One optional paragraph (``id`` is set for one the template already has)."""

    id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    code = forms.CharField(
        label=gettext_lazy("Code"),
        required=False,
        help_text=gettext_lazy(
            "A short name: the letter marks the paragraph's place with "
            "{{ paragraph:code }}, e.g. {{ paragraph:budget }}."
        ),
    )
    label = forms.CharField(
        label=gettext_lazy("What it is about"),
        required=False,
        help_text=gettext_lazy("Shown to the coalition that switches the paragraph on or off."),
    )
    text = forms.CharField(
        label=pgettext_lazy("optional paragraph", "Paragraph"),
        required=False,
        widget=forms.Textarea,
    )

    def __init__(self, *args: Any, language: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update({"dir": "ltr", "autocapitalize": "none"})
        self.fields["label"].widget.attrs.update(_text_attrs(language))
        self.fields["text"].widget.attrs.update(_text_attrs(language, rows=4))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in ("code", "label", "text"):
            if name in data:
                data[name] = template_checks.normalise(data[name])
        if all(name in data for name in ("code", "label", "text")):
            problems = template_checks.check_paragraph(data["code"], data["label"], data["text"])
            for name, messages in problems.items():
                for message in messages:
                    self.add_error(name, message)
        return data


class BaseParagraphFormSet(forms.BaseFormSet):
    def __init__(
        self,
        *args: Any,
        language: str | None = None,
        known_ids: Collection[int] | None = None,
        **kwargs: Any,
    ) -> None:
        # ``known_ids``: the template's paragraphs (None: a new template or a preview,
        # where ids are not looked at).
        self.known_ids = known_ids
        self.language = language
        kwargs.setdefault("prefix", PARAGRAPHS_PREFIX)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "language": self.language}

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this paragraph")
            form.fields["DELETE"].label_suffix = ""

    def rows(self) -> list[forms.Form]:
        """The paragraphs the writer keeps: not removed, not a blank extra row."""
        if not self.is_bound:
            return []
        return [
            form
            for index, form in enumerate(self.forms)
            if not (self.can_delete and self._should_delete_form(form))
            and (index < self.initial_form_count() or form.has_changed())
        ]

    def clean(self) -> None:
        seen: dict[str, int] = {}
        ids: set[int] = set()
        for form in self.rows():
            data = getattr(form, "cleaned_data", {})
            code = data.get("code")
            if code:
                if code in seen:
                    form.add_error(
                        "code",
                        _("Another paragraph already has the code “%(code)s”.") % {"code": code},
                    )
                seen.setdefault(code, 1)
            pk = data.get("id")
            if pk is not None and self.known_ids is not None:
                if pk not in self.known_ids or pk in ids:
                    raise forms.ValidationError(
                        _(
                            "The paragraphs changed since this page was opened: open it again "
                            "and redo your changes."
                        )
                    )
                ids.add(pk)

    def raw_rows(self) -> list[dict[str, str]]:
        """What each kept row says, valid or not (for the preview and the cross-checks)."""
        return [
            {
                name: template_checks.normalise(str(form[name].value() or ""))
                for name in ("code", "label", "text")
            }
            for form in self.rows()
        ]

    def paragraphs(self) -> list[ParagraphText]:
        """The paragraphs to save (call after ``is_valid``)."""
        return [
            ParagraphText(
                code=form.cleaned_data["code"],
                label=form.cleaned_data["label"],
                text=form.cleaned_data["text"],
                id=form.cleaned_data.get("id"),
            )
            for form in self.rows()
        ]


ParagraphFormSet = forms.formset_factory(
    ParagraphForm,
    formset=BaseParagraphFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_PARAGRAPHS,
    validate_max=True,
)


@dataclass(frozen=True)
class Problem:
    """One line of the error summary: which field, what is wrong, where to go."""

    field: str
    message: str
    anchor: str


class TemplateEditor:
    """The text form and the paragraph formset, checked together."""

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        user: Any,
        template: LetterTemplate | None = None,
        language: str | None = None,
        initial: Mapping[str, Any] | None = None,
        paragraphs: list[dict[str, Any]] | None = None,
        preview_only: bool = False,
    ) -> None:
        self.template = template
        self.form = TemplateTextForm(
            data,
            user=user,
            new=template is None and not preview_only,
            language=language,
            initial=dict(initial or {}),
        )
        known_ids: Collection[int] | None = None
        if template is not None and not preview_only:
            known_ids = set(template.optional_paragraphs.values_list("pk", flat=True))  # type: ignore[attr-defined]
        self.paragraph_forms = ParagraphFormSet(
            data, initial=paragraphs or [], language=language, known_ids=known_ids
        )
        self._checked = False

    @staticmethod
    def with_another_row(data: QueryDict) -> QueryDict:
        """``data`` with one more (blank) paragraph row: "Add a paragraph" without JavaScript."""
        more = data.copy()
        key = f"{PARAGRAPHS_PREFIX}-TOTAL_FORMS"
        try:
            total = int(more.get(key, "0"))
        except ValueError:
            total = 0
        more[key] = str(min(max(total, 0) + 1, MAX_PARAGRAPHS))
        return more

    def is_valid(self) -> bool:
        """Check everything (both parts, and the letter against its paragraphs)."""
        if not self._checked:
            self._checked = True
            form_ok = self.form.is_valid()
            paragraphs_ok = self.paragraph_forms.is_valid()
            codes = [row["code"] for row in self.paragraph_forms.raw_rows() if row["code"]]
            if "body" in self.form.cleaned_data:
                problems = template_checks.check_letter(
                    self.form.cleaned_data.get("subject", ""),
                    self.form.cleaned_data["body"],
                    codes,
                )
                for name, messages in problems.items():
                    for message in messages:
                        self.form.add_error(name, message)
            self._valid = form_ok and paragraphs_ok and self.form.is_valid()
        return self._valid

    def problems(self) -> list[Problem]:
        """Every error on the page, each naming its field (for the summary at the top)."""
        if not self.form.is_bound or not self._checked:
            return []
        found: list[Problem] = []
        for name, messages in self.form.errors.items():
            if name in self.form.fields:
                bound = self.form[name]
                label, anchor = str(bound.label), bound.auto_id
            else:
                label, anchor = _("Template"), "letter-form"
            found += [Problem(label, message, anchor) for message in messages]
        for message in self.paragraph_forms.non_form_errors():
            found.append(Problem(_("Optional paragraphs"), message, "paragraphs"))
        for number, form in enumerate(self.paragraph_forms.forms, start=1):
            for name, messages in form.errors.items():
                bound = form[name] if name in form.fields else None
                label = _("Optional paragraph %(number)d: %(field)s") % {
                    "number": number,
                    "field": bound.label if bound is not None else "",
                }
                anchor = bound.auto_id if bound is not None else "paragraphs"
                found += [Problem(label, message, anchor) for message in messages]
        return found

    def paragraphs(self) -> list[ParagraphText]:
        return self.paragraph_forms.paragraphs()

    def preview(self, language: str) -> dict[str, Any]:
        """The letter as readers will see it, from what was typed (saved or not)."""
        self.is_valid()
        subject = template_checks.normalise(str(self.form["subject"].value() or ""))
        body = template_checks.normalise(str(self.form["body"].value() or ""))
        rows = self.paragraph_forms.raw_rows()
        labels = {row["code"]: row["label"] or row["code"] for row in rows if row["code"]}
        return {
            "subject": preview.line_with_labels(subject, language),
            "body": preview.with_labels(body, language, labels),
            "has_text": bool(subject or body),
            "paragraphs": [
                {
                    "code": row["code"],
                    "label": row["label"] or row["code"],
                    "text": preview.with_labels(row["text"], language),
                }
                for row in rows
                if row["code"] or row["text"]
            ],
        }
