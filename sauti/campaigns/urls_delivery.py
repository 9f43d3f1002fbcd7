"""URLs of the campaign delivery views (included by ``urls.py`` in the "campaigns" namespace)."""

from django.urls import path

from . import views_delivery

urlpatterns: list = [
    path("campaigns/<int:pk>/send/", views_delivery.send, name="send"),
    path("campaigns/<int:pk>/sent-by-hand/", views_delivery.sent_by_hand, name="sent_by_hand"),
    path("campaigns/<int:pk>/deliveries/", views_delivery.delivery_log, name="deliveries"),
    path(
        "campaigns/<int:pk>/deliveries/<int:delivery_pk>/retry/",
        views_delivery.delivery_retry,
        name="delivery_retry",
    ),
    path("campaigns/<int:pk>/response/", views_delivery.response, name="response"),
    path(
        "campaigns/<int:pk>/response/document/",
        views_delivery.response_document,
        name="response_document",
    ),
    path("campaigns/<int:pk>/follow/", views_delivery.follow, name="follow"),
    path("campaigns/<int:pk>/follow/sent/", views_delivery.follow_sent, name="follow_sent"),
    path("campaigns/follow/<str:token>/", views_delivery.follow_confirm, name="follow_confirm"),
    path("campaigns/unfollow/<str:token>/", views_delivery.unfollow, name="unfollow"),
]
