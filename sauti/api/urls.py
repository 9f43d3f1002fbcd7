"""Pages to manage one's API tokens (included under the language prefix)."""

from django.urls import path

from . import views

app_name = "api_tokens"

urlpatterns = [
    path("me/api-tokens/", views.token_list, name="list"),
    path("me/api-tokens/<int:pk>/revoke/", views.token_revoke, name="revoke"),
]
