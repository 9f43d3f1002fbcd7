"""The key-message library and letter templates."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import KeyMessage


def message_list(request: HttpRequest) -> HttpResponse:
    messages = KeyMessage.objects.visible().prefetch_related("translations")
    return render(request, "campaigns/messages/list.html", {"messages": messages})
