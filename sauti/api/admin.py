from django.contrib import admin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens can be looked at and revoked here, never read: only their hash is kept."""

    list_display = ["name", "prefix", "owner", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "prefix", "owner__email"]
    raw_id_fields = ["owner"]
    readonly_fields = ["owner", "prefix", "created_at", "last_used_at"]
    fields = ["owner", "name", "prefix", "scopes", "created_at", "last_used_at", "revoked_at"]

    def has_add_permission(self, request) -> bool:
        # A token made here would have no secret anyone could use.
        return False
