"""The weekly digest of the advocacy calendar for email subscribers.

What a subscriber gets
----------------------
Published opportunities (cancelled ones too, marked as such: a cancellation is
news) that have not ended and start in the next eight weeks, plus those whose
deadline to engage falls in the next two weeks even if the moment itself is
further away. An opportunity is in someone's digest when at least one of these
holds:

- its country is one they follow (national and subnational moments);
- its WHO region is one they follow (everything in the region, as on the
  region's page), or it is a *regional* moment of the region of a country they
  follow (the regional committee concerns Kenya's followers);
- it has a topic they follow;
- it is global and they follow at least one country or region (a global moment
  concerns every place; someone who follows only topics gets the global ones
  with those topics).

The email has two sections: the deadlines to engage in the next two weeks, then
what is coming up. Nothing matched: no email that week.

How it scales
-------------
Subscriptions are read in primary-key order, ``batch_size`` at a time (keyset
pagination: ``pk > last``, never ``OFFSET``), with one query per many-to-many
table per batch for what they follow. Subscribers who follow the same things in
the same language get the same digest, so its subject and body are rendered
once per distinct (language, countries, regions, topics) and kept in a bounded
LRU cache; each opportunity's entry is rendered once per language. The
candidate opportunities are loaded once per run: eight weeks of a calendar is a
small set. Only the links are personal (manage link, one-click unsubscribe
headers), added to each message.

Why not :func:`sauti.core.mail.queue_email`
-------------------------------------------
Every other email goes through the task queue, one task row per message holding
the rendered text and the address. For a digest that would write 100 000 rows a
week holding 100 000 addresses, into the table the worker polls for the urgent
emails (confirmations, password resets), which would then wait behind the
digest. This job is itself the background work (a weekly scheduled command), so
it sends directly: one mail connection per batch, ``send_messages`` for the batch.

Restartable
-----------
``Subscription.calendar_digest_sent_on`` holds the Monday of the week last
sent. A batch is marked with one UPDATE once the mail connection is open (a mail
server that is down fails before anyone is marked) and before its messages are
handed over, so a run that stops halfway and is started again sends nobody twice
the same week; if the server fails in the middle of a batch, the rest of that
batch misses one week's digest rather than anyone receiving two. Subscribers
with nothing to receive are marked too: the rerun does not look at them again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from babel.lists import format_list
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from sauti.accounts.models import Subscription
from sauti.accounts.services import manage_url, unsubscribe_headers
from sauti.core.i18n import babel_locale, country_name, language_name
from sauti.core.models import Country, Region, Topic

from .models import Engagement, Level, Opportunity

HORIZON_DAYS = 56  # eight weeks
DEADLINE_DAYS = 14  # "deadlines to engage in the next two weeks"
MAX_ITEMS = 25  # per section; the rest is one link away, in the calendar
CACHE_SIZE = 4096  # rendered digests kept at once (distinct follows × language)
TEMPLATE = "opportunities/email/digest"
# Stands for the personal manage link in a shared body; the NUL characters cannot
# come from user content (Django's form fields refuse them).
MANAGE_URL = "\x00manage-url\x00"
LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


@dataclass
class DigestResult:
    """What a run did: emails sent, subscribers with nothing to receive, digests rendered."""

    sent: int = 0
    skipped: int = 0
    rendered: int = 0
    batches: int = 0

    @property
    def subscribers(self) -> int:
        return self.sent + self.skipped


@dataclass(frozen=True)
class Follows:
    """What a subscriber follows, and in which language: the key of a shared digest."""

    language: str
    countries: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Digest:
    subject: str
    body: str  # with MANAGE_URL where the personal link goes


def week_start(day: date) -> date:
    """The Monday of ``day``'s week: the mark of a digest sent that week."""
    return day - timedelta(days=day.weekday())


@dataclass
class Calendar:
    """The run's candidate opportunities, indexed by what people follow."""

    today: date
    opportunities: list[Opportunity] = field(default_factory=list)
    by_country: dict[str, list[int]] = field(default_factory=dict)
    by_region: dict[str, list[int]] = field(default_factory=dict)
    regional: dict[str, list[int]] = field(default_factory=dict)
    by_topic: dict[str, list[int]] = field(default_factory=dict)
    global_: list[int] = field(default_factory=list)
    region_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, today: date) -> Calendar:
        """Four queries, whatever the number of subscribers."""
        public = Q(
            engagements__visibility=Engagement.Visibility.PUBLIC,
            engagements__organisation__hidden_at__isnull=True,
        )
        deadline_soon = Q(
            engagement_deadline__gte=today,
            engagement_deadline__lt=today + timedelta(days=DEADLINE_DAYS),
        )
        opportunities = list(
            Opportunity.objects.published()
            .filter(Q(start_date__lt=today + timedelta(days=HORIZON_DAYS)) | deadline_soon)
            .filter(end_date__gte=today)
            .annotate(engaged=Count("engagements", filter=public))
            .select_related("country", "region")
            .prefetch_related("translations")
            .order_by("starts_at", "id")
        )
        calendar = cls(
            today=today,
            opportunities=opportunities,
            region_of=dict(Country.objects.values_list("code", "region_id")),
        )
        index = {opportunity.pk: i for i, opportunity in enumerate(opportunities)}
        topics = Opportunity.topics.through.objects.filter(opportunity_id__in=list(index))
        for opportunity_id, topic in topics.values_list("opportunity_id", "topic_id"):
            calendar.by_topic.setdefault(topic, []).append(index[opportunity_id])
        for i, opportunity in enumerate(opportunities):
            if opportunity.level == Level.GLOBAL:
                calendar.global_.append(i)
            if opportunity.country_id:
                calendar.by_country.setdefault(opportunity.country_id, []).append(i)
            if opportunity.region_id:
                calendar.by_region.setdefault(opportunity.region_id, []).append(i)
                if opportunity.level == Level.REGIONAL:
                    calendar.regional.setdefault(opportunity.region_id, []).append(i)
        return calendar

    def matching(self, follows: Follows) -> list[Opportunity]:
        """The opportunities for someone who follows ``follows``, soonest first."""
        found: set[int] = set()
        for country in follows.countries:
            found.update(self.by_country.get(country, ()))
            found.update(self.regional.get(self.region_of.get(country, ""), ()))
        for region in follows.regions:
            found.update(self.by_region.get(region, ()))
        for topic in follows.topics:
            found.update(self.by_topic.get(topic, ()))
        if follows.countries or follows.regions:
            found.update(self.global_)
        return [self.opportunities[i] for i in sorted(found)]

    def deadline_soon(self, opportunity: Opportunity) -> bool:
        deadline = opportunity.engagement_deadline
        return (
            not opportunity.is_cancelled
            and deadline is not None
            and self.today <= deadline < self.today + timedelta(days=DEADLINE_DAYS)
        )


def _title(opportunity: Opportunity, language: str) -> tuple[str, str]:
    """The title in ``language`` if translated, else the original, else any; and its language."""
    titles = {t.language_code: t.title for t in opportunity.translations.all()}
    for candidate in (language, opportunity.original_language, settings.LANGUAGE_CODE):
        if titles.get(candidate):
            return titles[candidate], candidate
    for code, title in titles.items():
        if title:
            return title, code
    return str(opportunity.uid), language


class Renderer:
    """Renders digests, once per distinct ``Follows``, and entries, once per language."""

    def __init__(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self.digests: OrderedDict[Follows, Digest | None] = OrderedDict()
        self.items: dict[tuple[str, int], str] = {}
        self.rendered = 0

    def get(self, follows: Follows) -> Digest | None:
        """The digest for ``follows`` (``None``: nothing to send), from the cache if there."""
        if follows in self.digests:
            self.digests.move_to_end(follows)
            return self.digests[follows]
        digest = self._render(follows)
        self.digests[follows] = digest
        if len(self.digests) > CACHE_SIZE:
            self.digests.popitem(last=False)
        return digest

    def _item(self, opportunity: Opportunity, language: str) -> str:
        key = (language, opportunity.pk)
        if key not in self.items:
            title, shown_in = _title(opportunity, language)
            if opportunity.country_id:
                where = opportunity.country.name
            elif opportunity.region_id:
                where = opportunity.region.name
            else:
                where = str(Level(opportunity.level).label)
            self.items[key] = render_to_string(
                f"{TEMPLATE}_item.txt",
                {
                    "opportunity": opportunity,
                    "title": title,
                    "title_language": ""
                    if shown_in == language
                    else language_name(shown_in, in_language=language),
                    "where": where,
                    "deadline_open": not opportunity.is_cancelled
                    and opportunity.deadline_open(self.calendar.today),
                    "engaged": opportunity.engaged,
                    "link": settings.SITE_URL + opportunity.get_absolute_url(),
                },
            ).strip()
        return self.items[key]

    def _followed(self, follows: Follows) -> str:
        names = sorted(country_name(code) for code in follows.countries)
        names += sorted(str(Region.Code(code).label) for code in follows.regions)
        names += sorted(str(Topic.Code(code).label) for code in follows.topics)
        return format_list(names, locale=babel_locale(follows.language))

    def _render(self, follows: Follows) -> Digest | None:
        matched = self.calendar.matching(follows)
        if not matched:
            return None
        today = self.calendar.today
        deadlines = sorted(
            (o for o in matched if self.calendar.deadline_soon(o)),
            key=lambda o: (o.engagement_deadline, o.starts_at, o.pk),
        )
        in_deadlines = {o.pk for o in deadlines}
        coming = [o for o in matched if o.pk not in in_deadlines]
        with translation.override(follows.language):
            context = {
                "today": today,
                "until": today + timedelta(days=HORIZON_DAYS - 1),
                "total": len(matched),
                "deadlines": [self._item(o, follows.language) for o in deadlines[:MAX_ITEMS]],
                "more_deadlines": max(0, len(deadlines) - MAX_ITEMS),
                "coming": [self._item(o, follows.language) for o in coming[:MAX_ITEMS]],
                "more_coming": max(0, len(coming) - MAX_ITEMS),
                "calendar_url": settings.SITE_URL + reverse("opportunities:list"),
                "followed": self._followed(follows),
                "manage_url": MANAGE_URL,
            }
            subject = render_to_string(f"{TEMPLATE}_subject.txt", context).strip()
            body = render_to_string(f"{TEMPLATE}_message.txt", context)
        self.rendered += 1
        subject = " ".join(subject.splitlines())
        return Digest(subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body=body)


def _recipients(monday: date, batch_size: int) -> Iterator[list[tuple[int, str, str]]]:
    """Batches of (pk, email, language) not yet sent this week, in pk order (keyset)."""
    due = (
        Subscription.objects.filter(confirmed_at__isnull=False, calendar_digest=True)
        .filter(Q(calendar_digest_sent_on__isnull=True) | Q(calendar_digest_sent_on__lt=monday))
        .order_by("pk")
    )
    last = 0
    while True:
        rows = list(due.filter(pk__gt=last).values_list("pk", "email", "language")[:batch_size])
        if not rows:
            return
        last = rows[-1][0]
        yield rows


def _follows(pks: list[int]) -> dict[int, tuple[set[str], set[str], set[str]]]:
    """What each subscription of a batch follows: one query per many-to-many table."""
    follows: dict[int, tuple[set[str], set[str], set[str]]] = {
        pk: (set(), set(), set()) for pk in pks
    }
    tables = (
        (Subscription.countries.through, "country_id"),
        (Subscription.regions.through, "region_id"),
        (Subscription.topics.through, "topic_id"),
    )
    for position, (through, column) in enumerate(tables):
        rows = through.objects.filter(subscription_id__in=pks).values_list(
            "subscription_id", column
        )
        for pk, code in rows:
            follows[pk][position].add(code)
    return follows


def _message(pk: int, email: str, language: str, digest: Digest) -> EmailMessage:
    """The digest with its reader's own links (in the reader's language)."""
    subscription = Subscription(pk=pk, email=email, language=language)
    with translation.override(language):
        headers = unsubscribe_headers(subscription)
        body = digest.body.replace(MANAGE_URL, manage_url(subscription))
    return EmailMessage(
        subject=digest.subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email],
        headers=headers,
    )


def _send(messages: list[EmailMessage], pks: list[int], monday: date) -> int:
    """Mark the batch as sent this week, then send it over one connection."""
    if not messages:
        Subscription.objects.filter(pk__in=pks).update(calendar_digest_sent_on=monday)
        return 0
    connection = get_connection()
    connection.open()  # a mail server that is down fails here, before anyone is marked
    try:
        Subscription.objects.filter(pk__in=pks).update(calendar_digest_sent_on=monday)
        return connection.send_messages(messages) or 0
    finally:
        connection.close()


def send_weekly_digest(
    *, today: date | None = None, batch_size: int = 1000, dry_run: bool = False
) -> DigestResult:
    """Email this week's calendar digest to every subscriber who has not had it yet.

    ``dry_run`` renders and counts but sends nothing and marks nobody.
    """
    today = today or timezone.localdate()
    monday = week_start(today)
    renderer = Renderer(Calendar.load(today))
    result = DigestResult()
    for rows in _recipients(monday, batch_size):
        pks = [pk for pk, _email, _language in rows]
        follows = _follows(pks)
        messages = []
        for pk, email, language in rows:
            language = language if language in LANGUAGES else settings.LANGUAGE_CODE
            countries, regions, topics = follows[pk]
            digest = renderer.get(
                Follows(language, frozenset(countries), frozenset(regions), frozenset(topics))
            )
            if digest is None:
                result.skipped += 1
            elif dry_run:
                result.sent += 1
            else:
                messages.append(_message(pk, email, language, digest))
        if not dry_run:
            result.sent += _send(messages, pks, monday)
        result.batches += 1
    result.rendered = renderer.rendered
    return result
