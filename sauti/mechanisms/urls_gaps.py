"""Gap analysis URLs, included by ``urls.py`` under the ``mechanisms`` namespace."""

from django.urls import path

from . import views_gaps

urlpatterns = [
    path("mechanisms/gaps/", views_gaps.gaps_global, name="gaps_global"),
    path("mechanisms/gaps/map.svg", views_gaps.gaps_map, name="gaps_map"),
    path("mechanisms/gaps/regions/<str:code>/", views_gaps.gaps_region, name="gaps_region"),
    path("mechanisms/gaps/countries/<str:code>/", views_gaps.gaps_country, name="gaps_country"),
]
