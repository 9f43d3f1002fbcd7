"""URLs of the monitoring forms views (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_forms

urlpatterns = [
    path("monitoring/<int:pk>/forms/", views_forms.form_list, name="forms"),
    path("monitoring/<int:pk>/forms/upload/", views_forms.form_upload, name="form_upload"),
    path("monitoring/<int:pk>/forms/<int:form_pk>/", views_forms.form_detail, name="form"),
    path(
        "monitoring/<int:pk>/forms/<int:form_pk>/state/",
        views_forms.form_state,
        name="form_state",
    ),
    path(
        "monitoring/<int:pk>/forms/<int:form_pk>/versions/<int:version_pk>/form.xlsx",
        views_forms.form_xlsform,
        name="form_xlsform",
    ),
    path(
        "monitoring/<int:pk>/forms/<int:form_pk>/versions/<int:version_pk>/form.xml",
        views_forms.form_xml,
        name="form_xml",
    ),
]
