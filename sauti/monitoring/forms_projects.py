"""Forms of the monitoring project pages: the project, its team, a site, a token, an import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sauti.accounts.models import Organisation
from sauti.core.models import Country

from . import site_import
from .models import SMALLEST_GROUP, Project, Site, TeamMember

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def country_choices() -> list[tuple[str, str]]:
    """Countries by their name in the reader's language."""
    return sorted(
        ((country.code, country.name) for country in Country.objects.all()),
        key=lambda choice: choice[1],
    )


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = [
            "title",
            "description",
            "countries",
            "starts_on",
            "ends_on",
            "min_group_size",
            "public_coordinate_decimals",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "countries": forms.SelectMultiple(attrs={"size": 8}),
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "description": forms.Textarea(attrs={"dir": "auto", "rows": 5}),
        }

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["countries"]
        field.queryset = Country.objects.all()
        field.widget.choices = country_choices()
        self.fields["min_group_size"].widget.attrs["min"] = SMALLEST_GROUP
        if organisations is not None:
            self.fields["organisation"] = forms.ModelChoiceField(
                label=gettext_lazy("Organisation"), queryset=organisations
            )
            self.order_fields(["organisation"])
            if len(organisations) == 1 and not self.is_bound:
                self.initial.setdefault("organisation", organisations[0].pk)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The period cannot end before it starts."))
        return data

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data.get(name) for name in ProjectForm.Meta.fields if name != "countries"}

    @property
    def organisation(self) -> Organisation | None:
        return self.cleaned_data.get("organisation")


class AddMemberForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        help_text=gettext_lazy("The address the person signs in to Sauti with."),
    )
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=TeamMember.Role.choices)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=TeamMember.Role.choices)


class SiteForm(forms.ModelForm):
    class Meta:
        model = Site
        fields = ["code", "name", "kind", "country", "area", "latitude", "longitude"]
        widgets = {
            "name": forms.TextInput(attrs={"dir": "auto"}),
            "area": forms.TextInput(attrs={"dir": "auto"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["country"]
        field.label = _("Country")
        field.widget.choices = [("", "---------"), *country_choices()]

    def clean_code(self) -> str:
        code = (self.cleaned_data.get("code") or "").strip()
        if code:
            clash = Site.objects.filter(project=self.instance.project, code=code)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError(_("Another site of this project has this code."))
        return code


class TokenForm(forms.Form):
    label = forms.CharField(
        label=gettext_lazy("Label"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("To tell your tokens apart, e.g. the phone it is on."),
    )


class SiteImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet (CSV or XLSX)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "At most %(size)s and %(rows)s rows. The first row holds the column names."
        ) % {
            "size": filesizeformat(site_import.max_bytes()),
            "rows": formats.number_format(site_import.max_rows(), force_grouping=True),
        }
        self.fields["file"].widget.attrs["accept"] = (
            ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = site_import.max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s. Split it into smaller files.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload
