"""URLs of the letter-template editor (included by ``urls.py`` in the "campaigns" namespace).

The list and the read-only page (``advocacy/letters/`` and ``advocacy/letters/<pk>/``)
are in ``urls.py``; editing a language is ``…/<pk>/edit/?language=fr``.
"""

from django.urls import path

from . import views_templates

urlpatterns = [
    path("advocacy/letters/add/", views_templates.template_add, name="letter_template_add"),
    path(
        "advocacy/letters/preview/",
        views_templates.template_preview,
        name="letter_template_preview",
    ),
    path(
        "advocacy/letters/<int:pk>/edit/",
        views_templates.template_edit,
        name="letter_template_edit",
    ),
    path(
        "advocacy/letters/<int:pk>/copy/",
        views_templates.template_copy,
        name="letter_template_copy",
    ),
]
