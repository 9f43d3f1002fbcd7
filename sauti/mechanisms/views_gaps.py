"""Gap analysis pages: the world, a WHO region, a country. Public, read-only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control

from sauti.core.models import Country, Region

from . import gaps


def gaps_global(request: HttpRequest) -> HttpResponse:
    indicator = gaps.indicator_from(request.GET.get("indicator"))
    return render(request, "mechanisms/gaps_global.html", gaps.global_gaps(indicator))


def gaps_region(request: HttpRequest, code: str) -> HttpResponse:
    region = get_object_or_404(Region, code=code.upper())
    indicator = gaps.indicator_from(request.GET.get("indicator"))
    return render(request, "mechanisms/gaps_region.html", gaps.region_gaps(region, indicator))


def gaps_country(request: HttpRequest, code: str) -> HttpResponse:
    country = get_object_or_404(Country.objects.select_related("region"), code=code.upper())
    return render(request, "mechanisms/gaps_country.html", gaps.country_gaps(country))


# Five minutes: a new record shows on the map soon, and a reader moving between the
# global and region pages (or back) does not download the map again.
@cache_control(public=True, max_age=300)
def gaps_map(request: HttpRequest) -> HttpResponse:
    """The map of the global or a region's gap page, as an image of its own."""
    indicator = gaps.indicator_from(request.GET.get("indicator"))
    region = None
    if code := request.GET.get("region"):
        region = get_object_or_404(Region, code=code.upper())
    return HttpResponse(
        gaps.map_svg(indicator, region), content_type="image/svg+xml; charset=utf-8"
    )
