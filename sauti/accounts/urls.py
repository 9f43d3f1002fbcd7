from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisations/<slug:slug>/translate/",
        views.organisation_translate,
        name="organisation_translate",
    ),
    path("organisations/<slug:slug>/join/", views.organisation_join, name="join"),
    path("organisations/<slug:slug>/leave/", views.organisation_leave, name="leave"),
    path("organisations/<slug:slug>/members/", views.organisation_members, name="members"),
    path(
        "organisations/<slug:slug>/members/<int:pk>/",
        views.membership_decide,
        name="membership_decide",
    ),
    path("organisations/<slug:slug>/network/join/", views.network_join, name="network_join"),
    path(
        "organisations/<slug:slug>/network/<int:pk>/", views.network_decide, name="network_decide"
    ),
    path("me/", views.dashboard, name="dashboard"),
    path("me/profile/", views.profile, name="profile"),
    path("me/data.json", views.data_export, name="data_export"),
    path("me/delete/", views.account_delete, name="delete"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", views.subscription_confirm, name="subscription_confirm"),
    path("subscribe/manage/<str:token>/", views.subscription_manage, name="subscription_manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
