from django.contrib import admin
from parler.admin import TranslatableAdmin

from .models import Engagement, Opportunity, RecurringMoment


@admin.register(Opportunity)
class OpportunityAdmin(TranslatableAdmin):
    list_display = ("__str__", "kind", "level", "country", "start_date", "state", "is_demo")
    list_filter = ("state", "kind", "level", "is_demo")
    raw_id_fields = ("created_by", "published_by", "organisation", "recurring_moment")


@admin.register(RecurringMoment)
class RecurringMomentAdmin(TranslatableAdmin):
    list_display = ("code", "kind", "rule", "month", "day", "is_active", "is_demo")


@admin.register(Engagement)
class EngagementAdmin(admin.ModelAdmin):
    list_display = ("opportunity", "organisation", "visibility", "created_at")
    raw_id_fields = ("opportunity", "organisation", "created_by")
