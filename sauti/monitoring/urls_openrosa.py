"""OpenRosa URLs for phones: outside the language prefix, a collector token first."""

from django.urls import path

from . import openrosa

app_name = "openrosa"

urlpatterns = [
    path("collect/<str:key>/formList", openrosa.form_list, name="form_list"),
    path(
        "collect/<str:key>/forms/<str:form_id>/<str:version>/form.xml",
        openrosa.form_download,
        name="form",
    ),
    path(
        "collect/<str:key>/forms/<str:form_id>/<str:version>/manifest",
        openrosa.manifest,
        name="manifest",
    ),
    path("collect/<str:key>/submission", openrosa.submission, name="submission"),
]
