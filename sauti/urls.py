"""Sauti's URLs: every page under a language prefix; the API and feeds outside it."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from sauti.api.api import api

handler404 = "sauti.core.views.page_not_found"

urlpatterns = [
    path("api/v1/", api.urls),
    # ODK Collect and Enketo: no language prefix, the collector token in the path.
    path("", include("sauti.monitoring.urls_openrosa")),
]

urlpatterns += i18n_patterns(
    path("", include("sauti.core.urls")),
    path("", include("sauti.accounts.urls")),
    path("", include("sauti.mechanisms.urls")),
    path("", include("sauti.commitments.urls")),
    path("", include("sauti.opportunities.urls")),
    path("", include("sauti.campaigns.urls")),
    path("", include("sauti.monitoring.urls")),
    path("", include("sauti.reports.urls")),
    path("", include("sauti.api.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
)
