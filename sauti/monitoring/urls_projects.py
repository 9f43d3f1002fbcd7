"""URLs of the monitoring projects views (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_projects as views

urlpatterns = [
    path("monitoring/", views.project_list, name="list"),
    path("monitoring/new/", views.project_add, name="project_add"),
    path("monitoring/<int:pk>/", views.project_detail, name="project"),
    path("monitoring/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("monitoring/<int:pk>/team/", views.team, name="team"),
    path("monitoring/<int:pk>/team/<int:member_pk>/role/", views.team_role, name="team_role"),
    path("monitoring/<int:pk>/team/<int:member_pk>/remove/", views.team_remove, name="team_remove"),
    path("monitoring/<int:pk>/sites/", views.sites, name="sites"),
    path("monitoring/<int:pk>/sites/new/", views.site_edit, name="site_add"),
    path("monitoring/<int:pk>/sites/<int:site_pk>/edit/", views.site_edit, name="site_edit"),
    path("monitoring/<int:pk>/sites/import/", views.sites_import, name="sites_import"),
    path(
        "monitoring/<int:pk>/sites/import/confirm/",
        views.sites_import_confirm,
        name="sites_import_confirm",
    ),
    path("monitoring/<int:pk>/tokens/", views.tokens, name="tokens"),
    path(
        "monitoring/<int:pk>/tokens/<int:token_pk>/revoke/",
        views.token_revoke,
        name="token_revoke",
    ),
]
