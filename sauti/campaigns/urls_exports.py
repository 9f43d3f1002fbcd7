"""URLs of the campaign exports views (included by ``urls.py`` in the "campaigns" namespace)."""

from django.urls import path

from . import views_exports

urlpatterns = [
    path("campaigns/<int:pk>/letter.docx", views_exports.letter_docx, name="letter_docx"),
    path("campaigns/<int:pk>/letter.pdf", views_exports.letter_pdf, name="letter_pdf"),
    path("campaigns/<int:pk>/signatures.csv", views_exports.signatures_csv, name="signatures_csv"),
    path(
        "campaigns/<int:pk>/signatures.xlsx",
        views_exports.signatures_xlsx,
        name="signatures_xlsx",
    ),
]
