from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from parler.admin import TranslatableAdmin

from .models import Membership, NetworkMembership, Organisation, Subscription, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "display_name", "language"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]})
    ]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(TranslatableAdmin):
    list_display = ["name", "kind", "level", "country", "is_demo", "hidden_at"]
    list_filter = ["kind", "level", "is_demo"]
    search_fields = ["name", "acronym"]
    inlines = [MembershipInline]
    filter_horizontal = ["countries", "regions", "constituencies"]


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(admin.ModelAdmin):
    list_display = ["network", "member", "status", "created_at"]
    list_filter = ["status"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "confirmed_at", "created_at"]
    list_filter = ["language"]
    search_fields = ["email"]
