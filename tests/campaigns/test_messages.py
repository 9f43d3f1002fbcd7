"""The key-message library, its one-page brief, and the built-in letter template.

The built-in content comes from the data migration: 30 messages and one letter
in the seven languages. A coalition's editors and administrators add national
messages and adapt any message (the adaptation links to its source); nobody
else may, and a script in a message is refused.
"""

from __future__ import annotations

import importlib
import io
import os

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone, translation

from sauti.accounts.models import Membership, Organisation
from sauti.campaigns import brief_pdf, markup, selectors
from sauti.campaigns.data import key_messages, letter_template
from sauti.campaigns.models import Audience, KeyMessage, LetterTemplate, MessageTopic
from sauti.core.models import AuditLogEntry
from sauti.reports import fonts
from sauti.reports.pdf import LIBRARIES, PdfUnavailable

from ..conftest import client_for
from ..core.test_content_security import problems_in
from ..factories import MembershipFactory, OrganisationFactory
from ..permissions import LOGIN, assert_outcome, user_for

pytestmark = pytest.mark.django_db

LANGUAGES = {code for code, _name in settings.LANGUAGES}
DEFINITION = "what-it-is-definition"


def builtin(code: str) -> KeyMessage:
    return KeyMessage.objects.get(code=code)


def text_of(code: str, language: str) -> str:
    spec = next(spec for spec in key_messages.MESSAGES if spec["code"] == code)
    return spec["text"][language]


def national_message(
    coalition, *, country="KE", text="Kenya's county health committees need a budget.", **fields
):
    message = KeyMessage(
        organisation=coalition,
        country_id=country,
        topic=fields.pop("topic", MessageTopic.ASKS_GOVERNMENTS),
        audiences=fields.pop("audiences", [Audience.MINISTRY_OF_FINANCE]),
        original_language="en",
        **fields,
    )
    message.set_current_language("en")
    message.text = text
    message.save()
    return message


@pytest.fixture
def coalition(organisation, member, editor, org_admin):
    Organisation.objects.filter(pk=organisation.pk).update(kind=Organisation.Kind.NETWORK)
    organisation.refresh_from_db()
    return organisation


def form_data(coalition, **changes):
    return {
        "coalition": coalition.pk,
        "country": "KE",
        "language": "en",
        "topic": MessageTopic.ASKS_GOVERNMENTS,
        "audiences": [Audience.MINISTRY_OF_HEALTH, Audience.PARLIAMENTARIANS],
        "text": "Kenya's county health committees should sit every quarter.",
        "source": "Kenya Health Act 2017",
        "source_url": "https://example.org/health-act",
        **changes,
    }


# --- The built-in content ------------------------------------------------------------


def test_the_thirty_builtin_messages_exist_in_seven_languages():
    messages = KeyMessage.objects.filter(organisation=None).prefetch_related("translations")
    assert messages.count() == 30
    for message in messages:
        assert {t.language_code for t in message.translations.all()} == LANGUAGES
        assert all(t.text.strip() for t in message.translations.all())
        assert message.topic in MessageTopic.values
        assert message.audiences and set(message.audiences) <= set(Audience.values)
        assert message.source in key_messages.SOURCES.values()
    assert set(messages.values_list("topic", flat=True)) == set(MessageTopic.values)


def test_the_builtin_letter_template_exists_in_seven_languages():
    template = LetterTemplate.objects.get(code=letter_template.TEMPLATE["code"])
    paragraphs = list(template.optional_paragraphs.all())
    codes = tuple(paragraph.code for paragraph in paragraphs)
    assert codes == ("budget", "marginalised", "monitoring", "meeting-request")
    for language in LANGUAGES:
        template.set_current_language(language)
        assert template.title and template.subject
        assert markup.unknown_placeholders(template.body, codes) == []
        for paragraph in paragraphs:
            paragraph.set_current_language(language)
            assert paragraph.label and paragraph.text


def test_loading_again_changes_nothing_and_reversing_removes_only_builtin_content(coalition):
    migration = importlib.import_module("sauti.campaigns.migrations.0002_builtin_content")
    mine = national_message(coalition)
    translations = KeyMessage._parler_meta.root_model.objects.count()
    migration.load(django_apps, None)
    assert KeyMessage.objects.filter(organisation=None).count() == 30
    assert KeyMessage._parler_meta.root_model.objects.count() == translations
    assert LetterTemplate.objects.count() == 1
    migration.unload(django_apps, None)
    assert list(KeyMessage.objects.all()) == [mine]
    assert LetterTemplate.objects.count() == 0


# --- Filters -------------------------------------------------------------------------


def test_filter_by_audience():
    found = selectors.MessageSearch(audience=Audience.DONORS).results()
    assert found
    assert all(Audience.DONORS in message.audiences for message in found)
    expected = sum(Audience.DONORS in spec["audiences"] for spec in key_messages.MESSAGES)
    assert len(found) == expected


def test_filter_by_topic():
    found = selectors.MessageSearch(topic=MessageTopic.ASKS_WHO).results()
    assert found
    assert {message.topic for message in found} == {MessageTopic.ASKS_WHO}


def test_filter_by_country_keeps_builtin_messages_and_that_country_only(coalition):
    kenyan = national_message(coalition, country="KE")
    ugandan = national_message(coalition, country="UG", text="Uganda's health unit committees.")
    found = selectors.MessageSearch(country="KE").results()
    assert kenyan in found and ugandan not in found
    assert sum(message.organisation_id is None for message in found) == 30
    everything = selectors.MessageSearch().results()
    assert kenyan in everything and ugandan in everything


def test_filters_combine_and_unknown_values_are_ignored(coalition):
    kenyan = national_message(coalition, audiences=[Audience.MEDIA], topic=MessageTopic.ASKS_DONORS)
    search = selectors.MessageSearch.from_query(
        {"audience": "media", "topic": "asks_donors", "country": "ke", "q": "committees"}
    )
    assert search.results() == [kenyan]
    assert selectors.MessageSearch.from_query({"audience": "<script>", "topic": "x"}) == (
        selectors.MessageSearch()
    )


def test_the_library_page_filters_by_audience_and_groups_by_topic(client):
    url = reverse("campaigns:messages")
    page = client.get(url, {"audience": Audience.MINISTRY_OF_FINANCE}).content.decode()
    for spec in key_messages.MESSAGES:
        text = spec["text"]["en"][:60].replace("'", "&#x27;")
        assert (text in page) == (Audience.MINISTRY_OF_FINANCE in spec["audiences"])
    assert str(MessageTopic.WHY_PRIORITISE.label) in page


def test_hidden_messages_are_not_listed(coalition):
    message = national_message(coalition, text="A message the moderators hid.")
    KeyMessage.objects.filter(pk=message.pk).update(hidden_at=timezone.now())
    assert message not in selectors.MessageSearch().results()
    assert client_for(None).get(reverse("campaigns:message", args=[message.pk])).status_code == 404


def test_the_library_page_needs_few_queries(client, coalition, django_assert_max_num_queries):
    for number in range(5):
        source = builtin(DEFINITION)
        national_message(coalition, text=f"Adapted message {number}", adapted_from=source)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("campaigns:messages"))
    assert response.status_code == 200


# --- Reading and copying -------------------------------------------------------------


def test_a_french_reader_sees_french_text(client):
    with translation.override("fr"):
        url = reverse("campaigns:messages")
    page = client.get(url).content.decode()
    assert text_of(DEFINITION, "fr")[:50] in page
    assert text_of(DEFINITION, "en")[:50] not in page


def test_each_message_is_copy_ready_without_javascript(client):
    page = client.get(reverse("campaigns:messages")).content.decode()
    message = builtin(DEFINITION)
    assert f'<textarea id="text-{message.pk}" class="copy-text" readonly' in page
    assert "js/copy.js" in page
    assert "<script>" not in page  # the strict CSP allows no inline script
    assert finders.find("js/copy.js")


# --- Who may add and adapt -----------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", LOGIN),
        ("outsider", 403),
        ("member", 403),
        ("editor", 200),
        ("org_admin", 200),
    ],
)
@pytest.mark.parametrize("page", ["add", "adapt"])
def test_who_may_add_and_adapt(request, coalition, role, expected, page):
    if page == "add":
        url = reverse("campaigns:message_add")
    else:
        url = reverse("campaigns:message_adapt", args=[builtin(DEFINITION).pk])
    client = client_for(user_for(request, role))
    assert_outcome(client.get(url), expected, url)
    before = KeyMessage.objects.count()
    response = client.post(url, form_data(coalition))
    if expected == 200:
        assert response.status_code == 302
        assert KeyMessage.objects.count() == before + 1
    else:
        assert_outcome(response, expected, url)
        assert KeyMessage.objects.count() == before


def test_an_editor_of_an_organisation_that_is_not_a_coalition_may_not_add(organisation):
    user = MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user
    response = client_for(user).get(reverse("campaigns:message_add"))
    assert response.status_code == 403


def test_an_editor_may_not_write_for_another_coalition(coalition, editor):
    other = OrganisationFactory(kind=Organisation.Kind.NETWORK)
    url = reverse("campaigns:message_add")
    response = client_for(editor).post(url, form_data(other))
    assert response.status_code == 200
    assert "coalition" in response.context["form"].errors
    assert not KeyMessage.objects.filter(organisation=other).exists()


def test_a_coalition_editor_adds_a_national_message(coalition, editor):
    response = client_for(editor).post(reverse("campaigns:message_add"), form_data(coalition))
    message = KeyMessage.objects.get(organisation=coalition)
    assert response["Location"] == reverse("campaigns:message", args=[message.pk])
    assert message.country_id == "KE"
    assert message.adapted_from is None
    assert message.created_by == editor
    assert message.audiences == [Audience.MINISTRY_OF_HEALTH, Audience.PARLIAMENTARIANS]
    assert AuditLogEntry.objects.filter(
        action="campaigns.add_keymessage", target_id=str(message.pk)
    ).exists()
    listed = client_for(None).get(reverse("campaigns:messages"), {"country": "KE"})
    assert "county health committees should sit every quarter" in listed.content.decode()


def test_adapting_keeps_the_link_to_the_source(coalition, editor):
    source = builtin(DEFINITION)
    client = client_for(editor)
    with translation.override("fr"):
        url = reverse("campaigns:message_adapt", args=[source.pk])
    form = client.get(url).context["form"]
    assert form.initial["text"] == text_of(DEFINITION, "fr")
    assert form.initial["topic"] == source.topic
    data = form_data(coalition, language="fr", text="Au Sénégal, la participation sociale …")
    client.post(url, data)
    adaptation = KeyMessage.objects.get(adapted_from=source)
    assert adaptation.organisation == coalition
    assert adaptation.original_language == "fr"
    assert adaptation.safe_translation_getter("text", language_code="fr").startswith("Au Sénégal")
    source_url = reverse("campaigns:message", args=[source.pk])
    page = client_for(None).get(reverse("campaigns:message", args=[adaptation.pk]))
    assert f'href="{source_url}"' in page.content.decode()
    assert AuditLogEntry.objects.filter(action="campaigns.adapt_keymessage").exists()
    # The source message lists its adaptations.
    assert "Au Sénégal" in client_for(None).get(source_url).content.decode()


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script> Fund participation.",
        '<a href="javascript:alert(1)">Fund participation</a>',
        "<img src=x onerror=alert(1)> Fund participation.",
    ],
)
def test_a_script_in_a_message_is_refused(coalition, editor, text):
    response = client_for(editor).post(
        reverse("campaigns:message_add"), form_data(coalition, text=text)
    )
    assert response.status_code == 200
    assert "text" in response.context["form"].errors
    assert not KeyMessage.objects.filter(organisation=coalition).exists()


def test_a_message_too_long_is_refused(coalition, editor):
    data = form_data(coalition, text="x" * 1001)
    response = client_for(editor).post(reverse("campaigns:message_add"), data)
    assert "text" in response.context["form"].errors
    assert not KeyMessage.objects.filter(organisation=coalition).exists()


# --- The one-page brief --------------------------------------------------------------


def test_the_brief_lists_the_chosen_messages(client):
    chosen = [builtin(DEFINITION), builtin("ask-donors-fund-participation")]
    left_out = builtin("why-equity")
    url = reverse("campaigns:brief")
    page = client.get(url, {"m": [m.pk for m in chosen] + ["nonsense"]}).content.decode()
    for message in chosen:
        assert text_of(message.code, "en")[:50] in page
    assert text_of(left_out.code, "en")[:50] not in page
    assert "css/messages.css" in page
    with open(finders.find("css/messages.css"), encoding="utf-8") as stylesheet:
        assert "@media print" in stylesheet.read()


def test_the_brief_form_of_the_library_leads_to_the_brief(client):
    page = client.get(reverse("campaigns:messages")).content.decode()
    assert f'<form method="get" action="{reverse("campaigns:brief")}">' in page
    assert 'name="m" value="' in page


def test_an_empty_brief_says_how_to_choose(client):
    response = client.get(reverse("campaigns:brief"))
    assert response.status_code == 200
    assert "tick the messages you want" in response.content.decode()


def _pdf_tools_missing() -> str:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        return f"WeasyPrint cannot run here: {error}"
    missing = fonts.missing_for("en")
    return f"fonts missing: {', '.join(missing)}" if missing else ""


@pytest.fixture
def needs_pdf():
    reason = _pdf_tools_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must be able to print PDFs: {reason}")
        pytest.skip(reason)


def test_the_brief_downloads_as_a_pdf(client, needs_pdf):
    from pypdf import PdfReader

    message = builtin(DEFINITION)
    response = client.get(reverse("campaigns:brief_pdf"), {"m": [message.pk]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    assert "Social participation in health" in " ".join(reader.pages[0].extract_text().split())


def test_without_weasyprint_the_pdf_says_so_instead_of_failing(client, monkeypatch):
    def unavailable():
        raise PdfUnavailable(LIBRARIES, "no Pango here")

    monkeypatch.setattr(brief_pdf, "weasyprint_module", unavailable)
    response = client.get(reverse("campaigns:brief_pdf"), {"m": [builtin(DEFINITION).pk]})
    assert response.status_code == 503
    page = response.content.decode()
    assert "WeasyPrint" in page
    assert "no Pango here" not in page  # technical details only for staff
    assert text_of(DEFINITION, "en")[:50] in page


# --- The letter template -------------------------------------------------------------


def test_the_letter_template_shows_placeholders_as_labels_in_the_readers_language(client):
    template = LetterTemplate.objects.get(code=letter_template.TEMPLATE["code"])
    with translation.override("fr"):
        url = reverse("campaigns:letter_template", args=[template.pk])
    page = client.get(url).content.decode()
    assert letter_template.TEMPLATE["title"]["fr"] in page
    assert '<mark class="placeholder" title="{{ country }}">Pays</mark>' in page
    assert letter_template.PLACEHOLDERS["priorities"]["fr"] in page
    assert "<em>institutionnaliser</em>" in page
    for optional in letter_template.TEMPLATE["optional"]:
        assert optional["label"]["fr"] in page
    # No raw placeholder is left in the letter itself.
    letter = page.split('<div class="letter">', 1)[1].split("</div>", 1)[0]
    assert letter.count("{{") == letter.count('title="{{')


def test_the_letter_templates_are_listed(client):
    response = client.get(reverse("campaigns:letter_templates"))
    assert letter_template.TEMPLATE["title"]["en"] in response.content.decode()


def test_topics_and_audiences_are_named_in_the_readers_language(client):
    with translation.override("fr"):
        url = reverse("campaigns:messages")
    page = client.get(url, {"audience": Audience.DONORS}).content.decode()
    assert key_messages.TOPICS["asks_donors"]["fr"] in page
    assert f'<span class="tag">{key_messages.AUDIENCES["donors"]["fr"]}</span>' in page


def test_a_pdf_of_nothing_sends_back_to_the_brief(client):
    response = client.get(reverse("campaigns:brief_pdf"))
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:brief")


def test_no_page_needs_inline_script_or_style(coalition, editor):
    message = builtin(DEFINITION)
    template = LetterTemplate.objects.get()
    client = client_for(editor)
    urls = [
        reverse("campaigns:messages"),
        reverse("campaigns:message", args=[message.pk]),
        reverse("campaigns:message_add"),
        reverse("campaigns:message_adapt", args=[message.pk]),
        reverse("campaigns:brief") + f"?m={message.pk}",
        reverse("campaigns:letter_templates"),
        reverse("campaigns:letter_template", args=[template.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert problems_in(response.content.decode()) == [], url
