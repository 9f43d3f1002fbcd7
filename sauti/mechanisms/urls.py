from django.urls import path

from . import urls_bulk, urls_gaps, views

app_name = "mechanisms"

urlpatterns = [
    path("mechanisms/", views.mechanism_list, name="list"),
    path("mechanisms/new/", views.mechanism_create, name="create"),
    path("mechanisms/compare/", views.mechanism_compare, name="compare"),
    path("mechanisms/case-studies/", views.case_study_list, name="case_studies"),
    path("mechanisms/case-studies/<slug:slug>/", views.case_study_detail, name="case_study"),
    path("mechanisms/<int:pk>/", views.mechanism_detail, name="detail"),
    path("mechanisms/<int:pk>/edit/", views.mechanism_edit, name="edit"),
    path("mechanisms/<int:pk>/history/", views.mechanism_history, name="history"),
    path("mechanisms/<int:pk>/assess/", views.mechanism_assess, name="assess"),
    path("mechanisms/<int:pk>/verify/", views.mechanism_verify, name="verify"),
    path("mechanisms/<int:pk>/delete/", views.mechanism_delete, name="delete"),
    path("mechanisms/sources/<int:pk>/document/", views.source_document, name="source_document"),
]

# Import/export and the gap analysis live in their own modules to keep each small.
urlpatterns += urls_bulk.urlpatterns + urls_gaps.urlpatterns
