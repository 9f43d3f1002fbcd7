from django.urls import include, path

from . import views, views_messages

app_name = "campaigns"

# Key messages and letter templates (views_messages.py).
message_patterns = [
    path("advocacy/messages/", views_messages.message_list, name="messages"),
    path("advocacy/messages/add/", views_messages.message_add, name="message_add"),
    path("advocacy/messages/brief/", views_messages.brief, name="brief"),
    path("advocacy/messages/brief.pdf", views_messages.brief_download, name="brief_pdf"),
    path("advocacy/messages/<int:pk>/", views_messages.message_detail, name="message"),
    path("advocacy/messages/<int:pk>/adapt/", views_messages.message_adapt, name="message_adapt"),
    path("advocacy/letters/", views_messages.letter_template_list, name="letter_templates"),
    path(
        "advocacy/letters/<int:pk>/",
        views_messages.letter_template_detail,
        name="letter_template",
    ),
]

# Campaigns and signatures (views.py).
campaign_patterns = [
    path("campaigns/", views.campaign_list, name="list"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="detail"),
    path("campaigns/<int:pk>/sign/", views.sign, name="sign"),
    path("campaigns/<int:pk>/sign/sent/", views.sign_sent, name="sign_sent"),
    path("campaigns/confirm/<str:token>/", views.confirm, name="confirm"),
    path("campaigns/<int:pk>/open/", views.campaign_open, name="open"),
    path("campaigns/<int:pk>/close/", views.campaign_close, name="close"),
    path("campaigns/<int:pk>/signatures/", views.signature_list, name="signatures"),
    path(
        "campaigns/<int:pk>/signatures/<int:signature_pk>/release/",
        views.signature_release,
        name="release",
    ),
    path(
        "campaigns/<int:pk>/signatures/<int:signature_pk>/remove/",
        views.signature_remove,
        name="remove",
    ),
    path(
        "campaigns/signatures/<int:signature_pk>/approve/", views.signature_approve, name="approve"
    ),
]

urlpatterns = [
    *message_patterns,
    *campaign_patterns,
    # Each part owns its own URL module (no app_name: they share "campaigns:").
    path("", include("sauti.campaigns.urls_templates")),
    path("", include("sauti.campaigns.urls_compose")),
    path("", include("sauti.campaigns.urls_exports")),
    path("", include("sauti.campaigns.urls_delivery")),
    path("", include("sauti.campaigns.urls_feeds")),
]
