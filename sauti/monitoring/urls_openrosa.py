"""OpenRosa URLs for phones, outside the language prefix.

Two sets with the same views: a collector token first (``collect/<token>/…``),
or a project id for phones that sign in with HTTP Basic (``collect/p/<id>/…``,
HTTPS only). A token never contains "/", so ``collect/p/<id>/…`` cannot be
taken for a token URL.
"""

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
    # HTTP Basic (email address and password), HTTPS only.
    path("collect/p/<int:pk>/formList", openrosa.form_list_basic, name="form_list_basic"),
    path(
        "collect/p/<int:pk>/forms/<str:form_id>/<str:version>/form.xml",
        openrosa.form_download_basic,
        name="form_basic",
    ),
    path(
        "collect/p/<int:pk>/forms/<str:form_id>/<str:version>/manifest",
        openrosa.manifest_basic,
        name="manifest_basic",
    ),
    path("collect/p/<int:pk>/submission", openrosa.submission_basic, name="submission_basic"),
]
