"""Forms of the indicator pages and the dashboard's filters.

An indicator is computed over one question of one form; people choose that
question from a list read from the form's current XForm rather than typing a
path, because a mistyped path silently counts nothing. The list is a plain
``<select>`` with one group of options per form (no JavaScript); the form and
the question are checked against each other when the form is sent.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sauti.commitments.models import Indicator as ScorecardIndicator
from sauti.core.forms import BoundedModelChoiceField

from .indicators import quarter_label
from .models import Form, FormVersion, Indicator, Project, Site
from .submission_xml import form_shape

#: A form with more questions than this offers its first ones (a real form has far fewer).
MAX_QUESTIONS = 500


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def question_paths(xform: str) -> list[str]:
    """The answer paths (``"group/question"``) of an XForm's primary instance, in form order.

    Left out: the ``meta`` block (instance ID, not an answer), questions inside a
    repeat (their answers are lists, which indicators do not count) and
    attachments (photos, recordings). Any XML this cannot read gives no paths:
    the indicator form then asks for the path as text.
    """
    try:
        html = SafeET.fromstring(xform, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        shape = form_shape(xform)
    except (ValueError, ParseError):  # DefusedXmlException and SubmissionXMLError are ValueErrors
        return []
    root = None
    for elem in html.iter():
        if _local(elem.tag) == "instance" and not elem.get("id"):
            children = [child for child in elem if isinstance(child.tag, str)]
            root = children[0] if children else None
            break
    if root is None:
        return []
    skipped = shape.repeats | shape.binaries
    paths: list[str] = []

    def walk(elem: Any, prefix: str) -> None:
        for child in elem:
            name = _local(child.tag)
            if not name or len(paths) >= MAX_QUESTIONS:
                continue
            path = f"{prefix}{name}"
            if path in skipped or (not prefix and name == "meta"):
                continue
            if any(isinstance(grandchild.tag, str) for grandchild in child):
                walk(child, f"{path}/")
            elif path not in paths:
                paths.append(path)

    walk(root, "")
    return paths


def questions_by_form(project: Project) -> dict[int, list[str]]:
    """{form pk: answer paths of its current (else latest) version} for the project's forms."""
    questions: dict[int, list[str]] = {}
    versions = FormVersion.objects.filter(form__project=project).order_by(
        "form_id", "-is_current", "-created_at", "-id"
    )
    for form_pk, xml in versions.values_list("form_id", "xml"):
        if form_pk not in questions:
            questions[form_pk] = question_paths(xml)
    return questions


class IndicatorForm(forms.ModelForm):
    """Define an indicator: which form and question, what to compute, the target."""

    class Meta:
        model = Indicator
        fields = [
            "title",
            "form",
            "kind",
            "field",
            "value",
            "group_by",
            "target",
            "target_direction",
            "is_public",
            "scorecard_indicator",
            "order",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "value": forms.TextInput(attrs={"dir": "auto"}),
        }
        help_texts = {
            "value": gettext_lazy(
                "For a share: the answer that is counted, as the form stores it (e.g. yes)."
            ),
            "field": gettext_lazy(
                "A share or a mean needs a question; a count without one counts every "
                "approved submission."
            ),
        }

    def __init__(
        self, *args: Any, project: Project, may_publish: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        if not may_publish:
            # Analysts define indicators; putting one before the public is a publishing
            # decision (coordinators): the field shows, but its posted value is ignored.
            self.fields["is_public"].disabled = True
            self.fields["is_public"].help_text = gettext_lazy(
                "Only a coordinator can put an indicator on the public dashboard."
            )
        forms_qs = Form.objects.filter(project=project).order_by("title", "id")
        self.fields["form"] = BoundedModelChoiceField(
            label=gettext_lazy("Form"), queryset=forms_qs, empty_label=None
        )
        scorecard = ScorecardIndicator.objects.filter(is_active=True)
        current = self.instance.scorecard_indicator_id
        if current:
            scorecard = ScorecardIndicator.objects.filter(is_active=True) | (
                ScorecardIndicator.objects.filter(pk=current)
            )
        self.fields["scorecard_indicator"] = BoundedModelChoiceField(
            label=gettext_lazy("Feeds the scorecard indicator"),
            queryset=scorecard.distinct().order_by("code"),
            required=False,
            empty_label=gettext_lazy("None"),
        )
        self.questions = questions_by_form(project)
        titles = dict(forms_qs.values_list("pk", "title"))
        groups: list[tuple[str, list[tuple[str, str]]]] = [
            (title, [(path, path) for path in self.questions.get(form_pk, [])])
            for form_pk, title in titles.items()
            if self.questions.get(form_pk)
        ]
        field = self.fields["field"]
        if groups:
            choices: list[Any] = [("", _("No question (count every submission)"))]
            kept = self.instance.field
            if kept and not any(kept == path for _t, options in groups for path, _l in options):
                # A question removed from the form since: keep it choosable, say so.
                choices.append((kept, _("%(path)s (not in the current version)") % {"path": kept}))
            choices.extend(groups)
            field.widget = forms.Select(choices=choices, attrs={"dir": "ltr"})
        else:
            field.widget = forms.TextInput(attrs={"dir": "ltr"})
        self.fields["target"].widget.attrs["step"] = "any"

    def clean_field(self) -> str:
        return self.cleaned_data.get("field", "").strip()

    def clean_value(self) -> str:
        return self.cleaned_data.get("value", "").strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen, path = data.get("form"), data.get("field")
        if chosen is not None and path:
            known = self.questions.get(chosen.pk) or []
            kept = self.instance.pk and path == self.instance.field
            if known and path not in known and not kept:
                self.add_error(
                    "field",
                    _("“%(path)s” is not a question of the form “%(form)s”.")
                    % {"path": path, "form": chosen.title},
                )
        target = data.get("target")
        if (
            data.get("kind") == Indicator.Kind.SHARE
            and target is not None
            and not 0 <= target <= 100
        ):
            self.add_error("target", _("The target of a share is a percentage, 0 to 100."))
        return data


VIEW_CHOICES = [
    ("", gettext_lazy("As each indicator is defined")),
    (Indicator.GroupBy.SITE, gettext_lazy("By site")),
    (Indicator.GroupBy.AREA, gettext_lazy("By area")),
    (Indicator.GroupBy.QUARTER, gettext_lazy("Over time")),
]


class DashboardFilterForm(forms.Form):
    """The dashboard's filters, from the query string: a quarter, an area and a view."""

    quarter = forms.ChoiceField(label=gettext_lazy("Quarter"), required=False)
    area = forms.ChoiceField(label=gettext_lazy("Area"), required=False)
    view = forms.ChoiceField(label=gettext_lazy("View"), required=False, choices=VIEW_CHOICES)

    def __init__(self, *args: Any, quarters: list[date], areas: list[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = [("", _("All quarters"))] + [
            (day.isoformat(), quarter_label(day)) for day in reversed(quarters)
        ]
        self.fields["area"].choices = [("", _("All areas"))] + [(area, area) for area in areas]

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for ``indicators.compute`` (none when the query was not valid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "quarter": date.fromisoformat(data["quarter"]) if data.get("quarter") else None,
            "area": data.get("area") or None,
            "group_by": data.get("view") or None,
        }


def areas_of(project: Project) -> list[str]:
    """The areas of the project's sites, each once (as indicators group them, ignoring case)."""
    areas: dict[str, str] = {}
    for area in Site.objects.filter(project=project).values_list("area", flat=True):
        if area.strip():
            areas.setdefault(area.strip().casefold(), area.strip())
    return sorted(areas.values(), key=str.casefold)
