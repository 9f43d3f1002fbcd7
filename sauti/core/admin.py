from django.contrib import admin

from .models import AbuseReport, AuditLogEntry, Country


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "alpha3", "name", "region"]
    list_filter = ["region"]
    search_fields = ["code", "alpha3"]


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is written by services and never edited."""

    list_display = ["created_at", "actor", "action", "target_repr", "reason"]
    list_filter = ["action"]
    search_fields = ["action", "target_repr", "reason"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AbuseReport)
class AbuseReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "reason", "content_type", "object_id", "status"]
    list_filter = ["status", "reason"]
