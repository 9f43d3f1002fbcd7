"""Forms for country tracking: an organisation's assessment (one commitment or several),
its evidence, and a coalition's consolidated assessment.

The forms check what a person can correct (a link that is not a web address, a
file that is not a document); the services check the same rules again for
every other caller, and the rules of the domain (a closed cycle).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Organisation
from sauti.core.models import Country
from sauti.core.text import clean_plain_text, validate_printable
from sauti.core.uploads import clean_document
from sauti.mechanisms.models import Mechanism

from .models import Commitment, CountryAssessment, Cycle, Status

DOCUMENT_HELP = _(
    "A PDF, office document or image of at most 10 MB. Remove names of people who could "
    "be put at risk before you upload it."
)
NOT_NOW = [("", _("— leave as it is —"))]
NOT_INCLUDED = [("", _("— not in this assessment —"))]


def status_choices() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in Status.choices]


class EvidenceForm(forms.Form):
    """One piece of evidence: a title with a link, a document or a mechanism of the registry."""

    title = forms.CharField(label=_("Title of the evidence"), max_length=300, required=False)
    url = forms.URLField(
        label=_("Link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        validators=[validate_printable],
    )
    document = forms.FileField(label=_("Document"), required=False, help_text=DOCUMENT_HELP)
    mechanism = forms.ModelChoiceField(
        label=_("Mechanism in the registry"),
        queryset=Mechanism.objects.none(),
        required=False,
        help_text=_("A participation mechanism of this country that shows the commitment at work."),
    )

    def __init__(self, *args: Any, country: Country, with_mechanism: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if with_mechanism:
            self.fields["mechanism"].queryset = (
                Mechanism.objects.visible().filter(country=country).prefetch_related("translations")
            )
        else:
            del self.fields["mechanism"]

    def clean_title(self) -> str:
        return clean_plain_text(self.cleaned_data["title"])

    def clean_document(self) -> Any:
        return clean_document(self.cleaned_data.get("document"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        title = data.get("title")
        has_source = data.get("url") or data.get("document") or data.get("mechanism")
        if has_source and not title and not data.get("mechanism"):
            self.add_error("title", _("Give the evidence a title."))
        if title and not has_source:
            self.add_error(
                "url",
                _("Add a link, a document or a mechanism from the registry.")
                if "mechanism" in self.fields
                else _("Add a link or a document."),
            )
        return data

    def is_empty(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (
            data.get("title") or data.get("url") or data.get("document") or data.get("mechanism")
        )

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data.get("title", ""),
            "url": data.get("url", ""),
            "document": data.get("document"),
            "mechanism": data.get("mechanism"),
        }


class OrganisationChoiceForm(forms.Form):
    """Which organisation a person records for (a GET form when they edit for several)."""

    organisation = forms.ModelChoiceField(
        label=_("Recording for"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class AssessmentForm(forms.Form):
    """An organisation's status for one commitment, its narrative and its evidence."""

    EXTRA_EVIDENCE = 2

    organisation = forms.ModelChoiceField(
        label=_("Assessing organisation"), queryset=Organisation.objects.none()
    )
    status = forms.ChoiceField(label=_("Status"), choices=status_choices, widget=forms.RadioSelect)
    narrative = forms.CharField(
        label=_("Narrative"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the government did or did not do, and how you know."),
    )
    remove_evidence = forms.MultipleChoiceField(
        label=_("Remove evidence"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self,
        *args: Any,
        organisations: Any,
        country: Country,
        assessment: CountryAssessment | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        existing = list(assessment.evidence.all()) if assessment else []
        self.fields["remove_evidence"].choices = [(str(e.pk), e.title) for e in existing]
        if not existing:
            del self.fields["remove_evidence"]
        if assessment is not None:
            self.initial.setdefault("status", assessment.status)
            self.initial.setdefault("narrative", assessment.narrative)
        data = args[0] if args else kwargs.get("data")
        files = args[1] if len(args) > 1 else kwargs.get("files")
        # The mechanism menu only where the registry has one for this country.
        with_mechanism = Mechanism.objects.visible().filter(country=country).exists()
        self.evidence_forms = [
            EvidenceForm(
                data,
                files,
                prefix=f"evidence-{index}",
                country=country,
                with_mechanism=with_mechanism,
            )
            for index in range(self.EXTRA_EVIDENCE)
        ]

    def clean_narrative(self) -> str:
        return clean_plain_text(self.cleaned_data["narrative"], multiline=True)

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return all([valid, *(form.is_valid() for form in self.evidence_forms)])

    def evidence(self) -> list[dict[str, Any]]:
        return [form.service_data() for form in self.evidence_forms if not form.is_empty()]

    def removed(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data.get("remove_evidence", [])]


class CountryAssessmentsForm(forms.Form):
    """Several commitments at once for one organisation, country and cycle: per commitment a
    status (or "leave as it is"), a narrative and one piece of evidence."""

    def __init__(
        self,
        *args: Any,
        commitments: list[Commitment],
        country: Country,
        existing: dict[int, CountryAssessment],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.commitments = commitments
        data = args[0] if args else kwargs.get("data")
        files = args[1] if len(args) > 1 else kwargs.get("files")
        self.rows = []
        for commitment in commitments:
            key = str(commitment.pk)
            current = existing.get(commitment.pk)
            self.fields[f"status-{key}"] = forms.ChoiceField(
                label=_("Status"),
                choices=lambda: NOT_NOW + status_choices(),
                required=False,
                initial=current.status if current else "",
            )
            self.fields[f"narrative-{key}"] = forms.CharField(
                label=_("Narrative"),
                max_length=10_000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=current.narrative if current else "",
            )
            evidence = EvidenceForm(
                data, files, prefix=f"evidence-{key}", country=country, with_mechanism=False
            )
            self.rows.append(
                {
                    "commitment": commitment,
                    "current": current,
                    "status": self[f"status-{key}"],
                    "narrative": self[f"narrative-{key}"],
                    "evidence": evidence,
                }
            )

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return all([valid, *(row["evidence"].is_valid() for row in self.rows)])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for row in self.rows:
            key = str(row["commitment"].pk)
            name = f"narrative-{key}"
            if name in data:
                data[name] = clean_plain_text(data[name], multiline=True)
        return data

    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound:
            return
        for row in self.rows:
            key = str(row["commitment"].pk)
            evidence = row["evidence"]
            status = self.cleaned_data.get(f"status-{key}") if hasattr(self, "cleaned_data") else ""
            if evidence.is_valid() and not evidence.is_empty() and not status:
                self.add_error(
                    f"status-{key}", _("Choose a status for the commitment you add evidence to.")
                )
        if hasattr(self, "cleaned_data") and not self.errors and not self.items():
            self.add_error(None, _("Choose a status for at least one commitment."))

    def items(self) -> list[dict[str, Any]]:
        result = []
        for row in self.rows:
            key = str(row["commitment"].pk)
            status = self.cleaned_data.get(f"status-{key}")
            if not status:
                continue
            evidence = row["evidence"]
            result.append(
                {
                    "commitment": row["commitment"],
                    "status": status,
                    "narrative": self.cleaned_data.get(f"narrative-{key}", ""),
                    "evidence": [] if evidence.is_empty() else [evidence.service_data()],
                }
            )
        return result


class StartConsolidatedForm(forms.Form):
    coalition = forms.ModelChoiceField(label=_("Coalition"), queryset=Organisation.objects.none())
    cycle = forms.ModelChoiceField(label=_("Reporting cycle"), queryset=Cycle.objects.none())

    def __init__(self, *args: Any, coalitions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coalition"].queryset = coalitions
        self.fields["cycle"].queryset = Cycle.objects.prefetch_related("translations")


class ConsolidatedForm(forms.Form):
    """The coalition's summary and, per commitment, its status and a note."""

    summary = forms.CharField(
        label=_("Summary"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the coalition concludes, in a few sentences. Subscribers read it first."),
    )

    def __init__(
        self, *args: Any, commitments: list[Commitment], entries: dict[int, Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.commitments = commitments
        self.rows = []
        for commitment in commitments:
            key = str(commitment.pk)
            entry = entries.get(commitment.pk)
            self.fields[f"status-{key}"] = forms.ChoiceField(
                label=_("Coalition's status"),
                choices=lambda: NOT_INCLUDED + status_choices(),
                required=False,
                initial=entry.status if entry else "",
            )
            self.fields[f"note-{key}"] = forms.CharField(
                label=_("Note"),
                max_length=5000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=entry.note if entry else "",
            )
            self.rows.append(
                {
                    "commitment": commitment,
                    "status": self[f"status-{key}"],
                    "note": self[f"note-{key}"],
                }
            )

    def clean_summary(self) -> str:
        return clean_plain_text(self.cleaned_data["summary"], multiline=True)

    def entries(self) -> list[dict[str, Any]]:
        result = []
        for commitment in self.commitments:
            key = str(commitment.pk)
            status = self.cleaned_data.get(f"status-{key}")
            if status:
                note = clean_plain_text(self.cleaned_data.get(f"note-{key}", ""), multiline=True)
                result.append({"commitment": commitment, "status": status, "note": note})
        return result
