from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<str:code>/", views.country_detail, name="country"),
    path("regions/<str:code>/", views.region_detail, name="region"),
    path("report/<str:kind>/<int:pk>/", views.report_abuse, name="report"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/<int:pk>/", views.moderation_decide, name="moderation_decide"),
    path("moderation/audit/", views.audit_log, name="audit_log"),
    path("open-data/", views.open_data, name="open_data"),
]
