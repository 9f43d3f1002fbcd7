from django.urls import path

from . import feeds, views

app_name = "opportunities"

urlpatterns = [
    path("calendar/", views.opportunity_list, name="list"),
    path("calendar/month/", views.month_view, name="month_now"),
    path("calendar/month/<int:year>/<int:month>/", views.month_view, name="month"),
    path("calendar/feed.ics", views.calendar_ics, name="ics"),
    path("calendar/feed.atom", feeds.OpportunityFeed(), name="atom"),
    path("calendar/new/", views.opportunity_create, name="create"),
    path("calendar/review/", views.moderation_queue, name="queue"),
    path("calendar/<int:pk>/", views.opportunity_detail, name="detail"),
    path("calendar/<int:pk>/event.ics", views.opportunity_ics, name="event_ics"),
    path("calendar/<int:pk>/edit/", views.opportunity_edit, name="edit"),
    path("calendar/<int:pk>/history/", views.opportunity_history, name="history"),
    path("calendar/<int:pk>/publish/", views.opportunity_publish, name="publish"),
    path("calendar/<int:pk>/reject/", views.opportunity_reject, name="reject"),
    path("calendar/<int:pk>/resubmit/", views.opportunity_resubmit, name="resubmit"),
    path("calendar/<int:pk>/cancel/", views.opportunity_cancel, name="cancel"),
    path("calendar/<int:pk>/engage/", views.opportunity_engage, name="engage"),
    path(
        "calendar/<int:pk>/engagements/<int:engagement_pk>/withdraw/",
        views.engagement_withdraw,
        name="withdraw",
    ),
    path(
        "calendar/<int:pk>/engagements/<int:engagement_pk>/outcome/",
        views.engagement_outcome,
        name="outcome",
    ),
    path("calendar/<int:pk>/reports/link/", views.report_link, name="link_report"),
    path(
        "calendar/<int:pk>/reports/<int:report_pk>/unlink/",
        views.report_unlink,
        name="unlink_report",
    ),
    path("calendar/time-zone/", views.time_zone, name="time_zone"),
]
