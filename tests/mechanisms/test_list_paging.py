"""The list's page: the shortcuts taken for speed show the same records as a plain query.

With 100 000 records the list counts and sorts ids only and loads the page's
records afterwards, and a search matching many records walks the list in order
(``MechanismSearch.page``, ``walk_in_order``); bench/mechanisms_list.py.
"""

from __future__ import annotations

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone

from sauti.mechanisms import selectors
from sauti.mechanisms.models import Mechanism
from sauti.mechanisms.selectors import MechanismSearch

from .factories import MechanismFactory


@pytest.fixture
def many(db):
    """30 records (two hidden, some found by "forum", in two countries), updated one by one."""
    start = timezone.now() - datetime.timedelta(days=1)
    for number in range(30):
        mechanism = MechanismFactory(
            name=f"{'Forum' if number % 3 else 'Council'} {number}",
            description="Meets the community forum." if number % 5 == 0 else "",
            country_id="KE" if number % 2 else "SN",
            has_budget=number % 4 == 0,
        )
        hidden = {"hidden_at": timezone.now()} if number in (7, 8) else {}
        # Some share a time, so that the id breaks the tie.
        Mechanism.objects.filter(pk=mechanism.pk).update(
            updated_at=start + datetime.timedelta(minutes=number // 2), **hidden
        )


def plain(query: str) -> list[int]:
    return list(MechanismSearch(QueryDict(query)).queryset().values_list("pk", flat=True))


def paged(query: str, per_page: int = 4) -> list[int]:
    search = MechanismSearch(QueryDict(query))
    first = search.page(1, per_page=per_page)
    ids = []
    for number in first.paginator.page_range:
        page = search.page(number, per_page=per_page)
        assert page.paginator.count == len(plain(query))
        assert all(isinstance(m, Mechanism) for m in page.object_list)
        ids += [m.pk for m in page.object_list]
    return ids


@pytest.mark.parametrize(
    "query",
    ["", "country=KE", "has_budget=yes", "q=forum", "q=forum&country=SN", "q=forum&sort=name"],
)
@pytest.mark.parametrize("walk_after", [0, 1000])
def test_pages_list_the_same_records_in_the_same_order(many, monkeypatch, query, walk_after):
    monkeypatch.setattr(selectors, "WALK_AFTER", walk_after)  # 0: every search walks
    assert paged(query) == plain(query)


def test_walking_in_order_finds_the_same_records(many):
    search = MechanismSearch(QueryDict("q=forum"))
    walked = search.queryset(walk_in_order=True).values_list("pk", flat=True)
    assert list(walked) == plain("q=forum")
    assert walked.count() == len(plain("q=forum")) > 0


def test_a_page_loads_its_records_in_a_fixed_number_of_queries(many, django_assert_max_num_queries):
    search = MechanismSearch(QueryDict("q=forum"))
    with django_assert_max_num_queries(4):  # count, ids, records, their translations
        page = search.page(2, per_page=4)
    with django_assert_max_num_queries(0):
        [(m.country.name, m.safe_translation_getter("name")) for m in page.object_list]
