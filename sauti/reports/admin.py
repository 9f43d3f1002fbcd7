from django.contrib import admin

from .models import ShadowReport


@admin.register(ShadowReport)
class ShadowReportAdmin(admin.ModelAdmin):
    list_display = ("title", "coalition", "country", "cycle", "language", "state", "is_public")
    list_filter = ("state", "is_public", "language")
    search_fields = ("title", "coalition__name")
    raw_id_fields = ("coalition", "created_by")
    filter_horizontal = ("case_studies",)
    readonly_fields = ("state", "progress", "error", "pdf_problem", "pdf_error", "generated_at")
