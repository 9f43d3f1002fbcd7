from django.urls import path

from . import views, views_messages

app_name = "campaigns"

# Key messages and letter templates (views_messages.py).
message_patterns = [
    path("advocacy/messages/", views_messages.message_list, name="messages"),
]

# Campaigns and signatures (views.py).
campaign_patterns = [
    path("campaigns/", views.campaign_list, name="list"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="detail"),
]

urlpatterns = message_patterns + campaign_patterns
