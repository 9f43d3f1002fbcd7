"""URLs of publication (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_public as views

urlpatterns = [
    path("monitoring/published/", views.public_projects, name="public_projects"),
    path("monitoring/<int:pk>/public/", views.public_dashboard, name="public_dashboard"),
    path(
        "monitoring/<int:pk>/public/sites.geojson",
        views.public_sites_geojson,
        name="public_sites_geojson",
    ),
    path("monitoring/<int:pk>/publish/", views.publish, name="publish"),
    path("monitoring/<int:pk>/texts/", views.public_texts, name="public_texts"),
    path(
        "monitoring/<int:pk>/texts/<int:text_pk>/unpublish/",
        views.public_text_delete,
        name="public_text_delete",
    ),
]
