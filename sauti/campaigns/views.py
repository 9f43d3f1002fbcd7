"""Campaigns: the public page, signing, confirming, and the organisers' actions."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Campaign


def campaign_list(request: HttpRequest) -> HttpResponse:
    campaigns = Campaign.objects.public().select_related("coalition", "country")[:50]
    return render(request, "campaigns/list.html", {"campaigns": campaigns})


def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.public(), pk=pk)
    return render(request, "campaigns/detail.html", {"campaign": campaign})
