"""The framework is data: site administrators add frameworks (e.g. the 2023 UN Political
Declaration on UHC), commitments, reporting cycles and scorecard indicators here, in
every language (parler's language tabs), without code changes.

What organisations record — country assessments, consolidated assessments and
scorecards — belongs to them: the admin shows it for support and oversight but
neither adds, edits nor deletes it (moderators hide content on the site, where
the action is audit-logged).
"""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin, TranslatableStackedInline
from reversion.admin import VersionAdmin

from .models import (
    ActionItem,
    Commitment,
    Consolidated,
    ConsolidatedEntry,
    CountryAssessment,
    Cycle,
    Evidence,
    Framework,
    Indicator,
    ParticipantGroup,
    Scorecard,
    ScorecardItem,
)


# --- The framework, editable -------------------------------------------------------------
class CommitmentInline(TranslatableStackedInline):
    model = Commitment
    extra = 0
    fields = ["number", "code", "title", "description", "evidence_guidance", "is_active"]
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(VersionAdmin, TranslatableAdmin):
    list_display = [
        "code",
        "__str__",
        "adopted_on",
        "commitment_count",
        "is_active",
        "order",
        "language_column",
    ]
    list_filter = ["is_active"]
    search_fields = ["code", "translations__name"]
    fields = ["code", "name", "description", "adopted_on", "source_url", "is_active", "order"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [CommitmentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_commitments=Count("commitments"))

    @admin.display(description=_("commitments"), ordering="_commitments")
    def commitment_count(self, obj: Framework) -> int:
        return obj._commitments


@admin.register(Commitment)
class CommitmentAdmin(VersionAdmin, TranslatableAdmin):
    list_display = ["__str__", "framework", "code", "is_active", "language_column"]
    list_display_links = ["__str__"]
    list_filter = ["framework", "is_active"]
    list_select_related = ["framework"]
    search_fields = ["code", "translations__title"]
    fields = [
        "framework",
        "number",
        "code",
        "title",
        "description",
        "evidence_guidance",
        "is_active",
    ]


@admin.register(Cycle)
class CycleAdmin(VersionAdmin, TranslatableAdmin):
    list_display = [
        "code",
        "__str__",
        "year",
        "opens_on",
        "closes_on",
        "open_today",
        "is_custom",
        "language_column",
    ]
    list_filter = ["is_custom", "year"]
    search_fields = ["code", "translations__name"]
    fields = ["code", "name", "year", "is_custom", "opens_on", "closes_on"]

    @admin.display(description=_("open for assessments"), boolean=True)
    def open_today(self, obj: Cycle) -> bool:
        return obj.is_open()


@admin.register(Indicator)
class IndicatorAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "commitment", "is_active", "language_column"]
    list_filter = ["is_active", "commitment__framework"]
    list_select_related = ["commitment"]
    search_fields = ["code", "translations__text"]
    fields = ["code", "text", "guidance", "commitment", "is_active"]
    autocomplete_fields = ["commitment"]


# --- What organisations record, read-only -----------------------------------------------
class ReadOnlyMixin:
    """View only: organisations' records change through the site's own services."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyTabularInline(ReadOnlyMixin, admin.TabularInline):
    extra = 0
    can_delete = False


class EvidenceInline(ReadOnlyTabularInline):
    model = Evidence
    fields = ["title", "url", "document", "mechanism", "added_at"]


@admin.register(CountryAssessment)
class CountryAssessmentAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = [
        "country",
        "cycle",
        "commitment",
        "organisation",
        "status",
        "updated_at",
        "is_demo",
    ]
    list_filter = ["cycle", "commitment__framework", "status", "is_demo", "country__region"]
    list_select_related = ["country", "cycle", "commitment", "organisation"]
    search_fields = ["organisation__name", "country__code", "country__alpha3", "narrative"]
    date_hierarchy = "updated_at"
    inlines = [EvidenceInline]


class ConsolidatedEntryInline(ReadOnlyTabularInline):
    model = ConsolidatedEntry
    fields = ["commitment", "status", "note", "member_statuses"]


@admin.register(Consolidated)
class ConsolidatedAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = [
        "coalition",
        "country",
        "cycle",
        "state",
        "published_at",
        "hidden_at",
        "is_demo",
    ]
    list_filter = ["state", "cycle", "is_demo", "country__region"]
    list_select_related = ["coalition", "country", "cycle"]
    search_fields = ["coalition__name", "country__code", "country__alpha3", "summary"]
    inlines = [ConsolidatedEntryInline]


class ParticipantGroupInline(ReadOnlyTabularInline):
    model = ParticipantGroup
    fields = ["label", "constituency", "size"]


class ScorecardItemInline(ReadOnlyTabularInline):
    model = ScorecardItem
    fields = ["order", "indicator", "text", "self_score"]


class ActionItemInline(ReadOnlyTabularInline):
    model = ActionItem
    fields = ["action", "responsible", "due_on", "progress", "updated_at"]


@admin.register(Scorecard)
class ScorecardAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = [
        "place_name",
        "place_kind",
        "country",
        "organisation",
        "held_on",
        "cycle",
        "is_published",
        "hidden_at",
        "is_demo",
    ]
    list_filter = ["place_kind", "is_published", "cycle", "is_demo", "country__region"]
    list_select_related = ["country", "organisation", "cycle"]
    search_fields = ["place_name", "organisation__name", "country__code", "facilitators"]
    date_hierarchy = "held_on"
    inlines = [ParticipantGroupInline, ScorecardItemInline, ActionItemInline]
