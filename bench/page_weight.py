"""Page-weight benchmark: how many compressed bytes each main page costs.

Run from the project root:

    .venv/bin/python bench/page_weight.py

It builds a throwaway SQLite database in a temporary folder (migrations, compiled
translations, demo data, the mechanisms registry's demo data and case studies),
fetches each main page in English and Arabic with Django's test client, then
every stylesheet, script and image the page refers to, and prints a Markdown
table. The mechanisms pages are the list, the record with the most assessments,
a comparison of four records, the case studies and one of them, the gap
analysis of Kenya, of the African region and of the world, and the import page
(signed in as a member of a demo organisation). Sizes are gzip level 6 of the decoded bytes,
computed here, so that they do not depend on which responses the server
happened to compress. It is a benchmark, not a test: it prints, it never fails.

The budgets come from DESIGN.md: the first response (HTML + CSS, compressed)
fits in 14 KB (the first round trip of a new TCP connection); a whole page
stays under 60 KB without user images.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_RESPONSE_BUDGET = 14 * 1024
WHOLE_PAGE_BUDGET = 60 * 1024
LANGUAGES = ["en", "ar"]

# (label, path after the language prefix or None, path without prefix or None)
PAGES = [
    ("home", "/", None),
    ("organisations list", "/organisations/", None),
    ("organisation page", "/organisations/demo-global-health-voices/", None),
    ("countries list", "/countries/", None),
    ("country page (Kenya)", "/countries/ke/", None),
    ("region page (AFR)", "/regions/afr/", None),
    ("subscribe", "/subscribe/", None),
    ("login", "/accounts/login/", None),
    ("signup", "/accounts/signup/", None),
    ("API docs", None, "/api/v1/docs/"),
]


IMPORT_PAGE = "import (signed in)"  # fetched as a member of a demo organisation


def mechanism_pages() -> list[tuple[str, str | None, str | None]]:
    """The registry's pages, on the demo data (ids and slugs are known once it is loaded)."""
    from django.db.models import Count

    from sauti.mechanisms.models import CaseStudy, Mechanism

    busiest = list(
        Mechanism.objects.visible()
        .annotate(n=Count("assessments"))
        .order_by("-n", "pk")
        .values_list("pk", flat=True)[:4]
    )
    pages = [("mechanisms list", "/mechanisms/", None)]
    if busiest:
        pages.append((f"mechanism page (#{busiest[0]})", f"/mechanisms/{busiest[0]}/", None))
        compared = "&".join(f"id={pk}" for pk in busiest)
        label = f"compare ({len(busiest)} mechanisms)"
        pages.append((label, f"/mechanisms/compare/?{compared}", None))
    pages.append(("case studies list", "/mechanisms/case-studies/", None))
    study = CaseStudy.objects.order_by("slug").first()
    if study:
        url = f"/mechanisms/case-studies/{study.slug}/"
        pages.append((f"case study ({study.slug})", url, None))
    pages += [
        ("gaps: country (Kenya)", "/mechanisms/gaps/countries/ke/", None),
        ("gaps: region (AFR)", "/mechanisms/gaps/regions/afr/", None),
        ("gaps: global", "/mechanisms/gaps/", None),
        (IMPORT_PAGE, "/mechanisms/import/", None),
    ]
    return pages


def calendar_pages() -> list[tuple[str, str | None, str | None]]:
    """The advocacy calendar's pages, on the demo moments (the busiest timed one)."""
    from django.db.models import Count

    from sauti.opportunities.models import Opportunity

    pages: list[tuple[str, str | None, str | None]] = [
        ("calendar list", "/calendar/", None),
        ("calendar month", "/calendar/month/", None),
        ("calendar time zone", "/calendar/time-zone/", None),
    ]
    timed = (
        Opportunity.objects.published()
        .filter(all_day=False)
        .annotate(n=Count("engagements"))
        .order_by("-n", "pk")
        .first()
    )
    if timed is not None:
        pages.append((f"calendar moment (#{timed.pk})", f"/calendar/{timed.pk}/", None))
    return pages


def campaign_pages() -> list[tuple[str, str | None, str | None]]:
    """Joint advocacy's public pages, on the demo campaigns (the open one with signatories)."""
    from sauti.campaigns.models import Campaign, LetterTemplate

    pages: list[tuple[str, str | None, str | None]] = [
        ("campaigns list", "/campaigns/", None),
        ("key messages", "/advocacy/messages/", None),
        ("letter templates", "/advocacy/letters/", None),
    ]
    builtin = LetterTemplate.objects.filter(organisation__isnull=True).first()
    if builtin is not None:
        pages.append(("built-in letter template", f"/advocacy/letters/{builtin.pk}/", None))
    for campaign in Campaign.objects.public().filter(is_demo=True).order_by("pk")[:2]:
        pages.append(
            (f"campaign ({campaign.get_state_display()})", f"/campaigns/{campaign.pk}/", None)
        )
    return pages


def monitoring_pages() -> list[tuple[str, str | None, str | None]]:
    """Community-led monitoring's public pages, on the demo project (1 500 submissions)."""
    from sauti.monitoring.models import Project

    pages: list[tuple[str, str | None, str | None]] = [
        ("monitoring home", "/monitoring/", None),
        ("starter forms", "/monitoring/starter-forms/", None),
        ("barrier follow-up", "/monitoring/follow-up/", None),
    ]
    project = Project.objects.visible().filter(is_demo=True, is_published=True).first()
    if project is not None:
        pages += [
            ("public monitoring dashboard", f"/monitoring/{project.pk}/public/", None),
            ("report a barrier", f"/monitoring/{project.pk}/report/", None),
        ]
    return pages


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class AssetFinder(HTMLParser):
    """Collect the stylesheets, scripts and images a page makes the browser fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.others: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link":
            rel = a.get("rel", "").lower().split()
            if "stylesheet" in rel and a.get("href"):
                self.stylesheets.append(a["href"])
            elif "icon" in rel and a.get("href"):
                self.others.append(a["href"])
        elif tag in {"script", "img", "source"} and a.get("src"):
            self.others.append(a["src"])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def setup_django(var_dir: str) -> None:
    os.environ["SAUTI_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sauti.settings")
    os.environ.pop("DATABASE_URL", None)  # always the throwaway SQLite database
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("compiletranslations", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_mechanisms_demo", stdout=io.StringIO())
    call_command("load_calendar_demo", stdout=io.StringIO())
    call_command("load_campaigns_demo", stdout=io.StringIO())
    call_command("load_monitoring_demo", stdout=io.StringIO())


def member_client():
    """A client signed in as an active member of a demo organisation (for the import page)."""
    from django.test import Client

    from sauti.accounts.models import Membership

    client = Client()
    membership = (
        Membership.objects.filter(status=Membership.Status.ACTIVE, organisation__is_demo=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is not None:
        client.force_login(membership.user)
    return client


def body_of(response) -> bytes:
    """The decoded body of a test-client response (streamed or not, gzipped or not)."""
    if getattr(response, "streaming", False):
        data = b"".join(response.streaming_content)
    else:
        data = response.content
    if response.get("Content-Encoding", "") == "gzip":
        data = gzip.decompress(data)
    return data


def fetch_asset(client, url: str) -> bytes | None:
    """Fetch a same-origin asset through the client; fall back to the static finders."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    parts = urlsplit(url)
    if parts.netloc and parts.netloc not in {"testserver", ""}:
        return None  # another origin: not ours to count (and there should be none)
    path = parts.path
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    if response.status_code == 200:
        return body_of(response)
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        if found:
            return Path(found).read_bytes()
    return None


def measure(client, url: str, language: str) -> dict[str, object]:
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_ACCEPT_LANGUAGE=language)
    html = body_of(response)
    finder = AssetFinder()
    finder.feed(html.decode("utf-8", "replace"))

    seen: set[str] = set()
    css_gz = other_gz = 0
    missing: list[str] = []
    pending = [(u, True) for u in finder.stylesheets] + [(u, False) for u in finder.others]
    while pending:
        ref, is_css = pending.pop(0)
        absolute = urljoin(url, ref)
        if absolute in seen or absolute.startswith("data:"):
            continue
        seen.add(absolute)
        data = fetch_asset(client, absolute)
        if data is None:
            missing.append(absolute)
            continue
        if is_css:
            css_gz += gz(data)
            for inner in CSS_URL.findall(data.decode("utf-8", "replace")):
                if not inner.startswith("data:"):
                    pending.append((urljoin(absolute, inner), False))
        else:
            other_gz += gz(data)
    html_gz = gz(html)
    return {
        "status": response.status_code,
        "html": html_gz,
        "first": html_gz + css_gz,
        "whole": html_gz + css_gz + other_gz,
        "missing": missing,
    }


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="sauti-bench-") as var_dir:
        setup_django(var_dir)
        from django.test import Client

        anonymous, member = Client(), member_client()
        rows = []
        notes = []
        every = PAGES + mechanism_pages() + calendar_pages() + campaign_pages() + monitoring_pages()
        for label, prefixed, plain in every:
            client = member if label == IMPORT_PAGE else anonymous
            languages = LANGUAGES if prefixed else [LANGUAGES[0]]
            for language in languages:
                url = f"/{language}{prefixed}" if prefixed else plain
                result = measure(client, url, language)
                name = f"{label} ({language})" if prefixed else f"{label} (no language prefix)"
                if result["status"] != 200:
                    notes.append(f"{url} answered {result['status']}")
                for ref in result["missing"]:
                    notes.append(f"{url}: could not fetch {ref}")
                first_ok = result["first"] <= FIRST_RESPONSE_BUDGET
                whole_ok = result["whole"] <= WHOLE_PAGE_BUDGET
                rows.append(
                    f"| {name} | {kb(result['html'])} | {kb(result['first'])} "
                    f"| {kb(result['whole'])} | {'yes' if first_ok else '**no**'} "
                    f"| {'yes' if whole_ok else '**no**'} |"
                )

    print(
        "| page | HTML (gz) | first response HTML+CSS (gz) | whole page (gz) "
        "| within 14 KB? | within 60 KB? |"
    )
    print("|---|--:|--:|--:|:-:|:-:|")
    for row in rows:
        print(row)
    if notes:
        print()
        for note in notes:
            print(f"- {note}")
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a benchmark reports, it does not fail the build
        print(f"page_weight: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
