"""The letter-template editor: coalitions write, edit, translate and copy templates.

Every bad input is answered on the page, naming the field, and stores nothing;
"Preview" (button or live) saves nothing; coalition templates are readable by
everyone; only a coalition's editors and administrators change its templates,
and only site administrators the built-in one.
"""

from __future__ import annotations

import gzip
import re

import pytest
import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from reversion.models import Version

from sauti.accounts.models import Membership, Organisation
from sauti.campaigns import services_templates, template_checks
from sauti.campaigns.data import letter_template as builtin_data
from sauti.campaigns.models import LetterTemplate, OptionalParagraph
from sauti.core.i18n import native_language_name
from sauti.core.models import AuditLogEntry

from ..conftest import client_for
from ..core.test_content_security import problems_in
from ..factories import MembershipFactory, OrganisationFactory
from ..permissions import LOGIN, ROLES, assert_outcome, user_for

pytestmark = pytest.mark.django_db

BODY = (
    "Dear {{ addressee_title }},\n\n"
    "We write about health councils in {{ country }}. We ask for:\n\n"
    "- a legal basis\n- a *budget line*\n\n"
    "{{ paragraph:budget }}\n\n"
    "Yours,\n{{ coalition }}"
)
BUDGET = ("budget", "Budget request", "We ask for a line in the {{ country }} budget.")
TranslationModel = LetterTemplate._parler_meta.root_model
ParagraphTranslation = OptionalParagraph._parler_meta.root_model


def post_data(*, coalition=None, paragraphs=(BUDGET,), ids=(), initial=0, **fields):
    """The editor's form as a browser posts it (``coalition`` and ``language`` when new)."""
    data = {
        "title": "Fund the county health committees",
        "subject": "Social participation in {{ country }}",
        "body": BODY,
        "paragraphs-TOTAL_FORMS": str(len(paragraphs)),
        "paragraphs-INITIAL_FORMS": str(initial),
        "paragraphs-MIN_NUM_FORMS": "0",
        "paragraphs-MAX_NUM_FORMS": "20",
        "save": "1",
    }
    if coalition is not None:
        data.update(coalition=str(coalition.pk), language="en")
    for index, (code, label, text) in enumerate(paragraphs):
        data.update(
            {
                f"paragraphs-{index}-code": code,
                f"paragraphs-{index}-label": label,
                f"paragraphs-{index}-text": text,
            }
        )
        if index < len(ids):
            data[f"paragraphs-{index}-id"] = str(ids[index])
    data.update(fields)
    return data


def counts():
    return (
        LetterTemplate.objects.count(),
        TranslationModel.objects.count(),
        OptionalParagraph.objects.count(),
        ParagraphTranslation.objects.count(),
        AuditLogEntry.objects.count(),
    )


def stored_text():
    return sorted(
        TranslationModel.objects.values_list(
            "master_id", "language_code", "title", "subject", "body"
        )
    ) + sorted(
        ParagraphTranslation.objects.values_list("master_id", "language_code", "label", "text")
    )


def make_template(coalition, *, language="en", body=BODY, paragraphs=(BUDGET,)):
    template = LetterTemplate(organisation=coalition, original_language=language)
    template.set_current_language(language)
    template.title = "Our own letter"
    template.subject = "Participation in {{ country }}"
    template.body = body
    template.save()
    for position, (code, label, text) in enumerate(paragraphs):
        paragraph = OptionalParagraph(template=template, code=code, position=position)
        paragraph.set_current_language(language)
        paragraph.label, paragraph.text = label, text
        paragraph.save()
    return template


def builtin():
    return LetterTemplate.objects.get(code=builtin_data.TEMPLATE["code"])


def builtin_post_data(template, language="en", **changes):
    """The built-in letter (or a copy of it) posted back as it stands, with ``changes``."""
    spec = builtin_data.TEMPLATE
    fields = {name: spec[name][language] for name in ("title", "subject", "body")}
    fields.update(changes)
    return post_data(
        ids=list(template.optional_paragraphs.values_list("pk", flat=True)),
        initial=len(spec["optional"]),
        paragraphs=[
            (optional["code"], optional["label"][language], optional["text"][language])
            for optional in spec["optional"]
        ],
        **fields,
    )


@pytest.fixture
def own_template(coalition):
    return make_template(coalition)


@pytest.fixture
def ngo_editor(db):
    """An editor of an organisation that is not a coalition (writes no template)."""
    return MembershipFactory(
        organisation=OrganisationFactory(kind=Organisation.Kind.NGO), role=Membership.Role.EDITOR
    ).user


ADD = reverse("campaigns:letter_template_add")
PREVIEW = reverse("campaigns:letter_template_preview")


def edit_url(template, language=None):
    url = reverse("campaigns:letter_template_edit", args=[template.pk])
    return f"{url}?language={language}" if language else url


def errors_of(response) -> str:
    """The error summary at the top of the page (what the writer reads first)."""
    page = response.content.decode()
    assert 'class="error-summary"' in page, page[:3000]
    return page.split('class="error-summary"', 1)[1].split("</div>", 1)[0]


# --- Writing a template -----------------------------------------------------------------


def test_an_editor_writes_a_template_for_their_coalition(coalition, editor):
    client = client_for(editor)
    page = client.get(ADD).content.decode()
    assert "Written in the name of <bdi>Kisumu Health Rights Forum</bdi>" in page
    response = client.post(ADD, post_data(coalition=coalition))
    template = LetterTemplate.objects.get(organisation=coalition)
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:letter_template", args=[template.pk])
    assert template.original_language == "en"
    assert template.created_by == editor
    assert template.safe_translation_getter("body", language_code="en") == BODY
    paragraph = template.optional_paragraphs.get()
    assert (paragraph.code, paragraph.label, paragraph.text) == BUDGET
    entry = AuditLogEntry.objects.get(action="campaigns.add_lettertemplate")
    assert entry.actor == editor and entry.target_id == str(template.pk)
    assert entry.data["paragraphs"] == ["budget"]

    detail = client.get(response["Location"]).content.decode()
    assert "Fund the county health committees" in detail
    assert "Written by <bdi>Kisumu Health Rights Forum</bdi>." in detail
    assert "<em>budget line</em>" in detail
    assert '<mark class="placeholder optional">Optional paragraph: Budget request</mark>' in detail


def test_the_template_is_written_in_the_language_chosen(coalition, editor):
    data = post_data(
        coalition=coalition,
        language="fr",
        title="Financer les comités",
        body="Madame la ministre,\n\n{{ paragraph:budget }}",
    )
    assert client_for(editor).post(ADD, data).status_code == 302
    template = LetterTemplate.objects.get(organisation=coalition)
    assert template.original_language == "fr"
    assert list(template.get_available_languages()) == ["fr"]
    assert list(template.optional_paragraphs.get().get_available_languages()) == ["fr"]


def test_a_template_without_optional_paragraphs(coalition, editor):
    data = post_data(coalition=coalition, paragraphs=(), body="Dear {{ addressee_title }},")
    # The blank extra row a browser sends is ignored.
    data.update({"paragraphs-TOTAL_FORMS": "1", "paragraphs-0-code": ""})
    assert client_for(editor).post(ADD, data).status_code == 302
    assert not OptionalParagraph.objects.filter(template__organisation=coalition).exists()


def test_an_editor_of_several_coalitions_chooses_and_cannot_pick_another(coalition, editor):
    second = OrganisationFactory(name="Second coalition", kind=Organisation.Kind.NETWORK)
    MembershipFactory(organisation=second, user=editor, role=Membership.Role.ADMIN)
    foreign = OrganisationFactory(name="Not theirs", kind=Organisation.Kind.NETWORK)
    client = client_for(editor)
    page = client.get(ADD).content.decode()
    assert '<select name="coalition"' in page
    assert "Second coalition" in page and "Not theirs" not in page

    before = counts()
    response = client.post(ADD, post_data(coalition=foreign))
    assert response.status_code == 200
    assert "Coalition" in errors_of(response)
    assert counts() == before

    assert client.post(ADD, post_data(coalition=second)).status_code == 302
    assert LetterTemplate.objects.filter(organisation=second).count() == 1


def test_add_a_paragraph_without_javascript_adds_a_row_and_saves_nothing(coalition, editor):
    before = counts()
    data = post_data(coalition=coalition)
    del data["save"]
    data["add_paragraph"] = "1"
    response = client_for(editor).post(ADD, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert counts() == before
    assert 'name="paragraphs-1-code"' in page
    assert 'name="paragraphs-TOTAL_FORMS" value="2"' in page
    # What was typed is kept.
    assert 'value="Fund the county health committees"' in page
    assert "error-summary" not in page


def test_removing_a_paragraph_row(coalition, editor):
    data = post_data(coalition=coalition, paragraphs=(BUDGET, ("meeting", "Meeting", "Meet us.")))
    data["paragraphs-1-DELETE"] = "on"
    assert client_for(editor).post(ADD, data).status_code == 302
    paragraphs = OptionalParagraph.objects.filter(template__organisation=coalition)
    assert list(paragraphs.values_list("code", flat=True)) == ["budget"]


# --- Validation: every bad input answered, nothing stored ------------------------------------


BAD_INPUTS = [
    pytest.param(
        {"body": "Dear {{ unknown }},\n\n{{ paragraph:budget }}"},
        ["Letter", "{{ unknown }} is not a placeholder", "{{ country }} (Country)"],
        id="unknown-placeholder",
    ),
    pytest.param(
        {"body": "Dear {{ country,\n\n{{ paragraph:budget }}"},
        ["A placeholder is not closed: “{{ country,” needs }} after the name."],
        id="unclosed-braces",
    ),
    pytest.param(
        {"body": "Dear country }},\n\n{{ paragraph:budget }}"},
        ["closes a placeholder that was never opened"],
        id="unopened-braces",
    ),
    pytest.param(
        {"body": "Dear {{ }},\n\n{{ paragraph:budget }}"},
        ["“{{ }}” has no name inside"],
        id="empty-placeholder",
    ),
    pytest.param(
        {"body": "Dear {country},\n\n{{ paragraph:budget }}"},
        ["“{country}” has single braces: write {{ country }}"],
        id="single-braces-around-a-placeholder",
    ),
    pytest.param(
        {"body": "Dear {{{ country }}},\n\n{{ paragraph:budget }}"},
        ["not three"],
        id="triple-braces",
    ),
    pytest.param(
        {"body": "Dear all,<script>alert(1)</script>\n\n{{ paragraph:budget }}"},
        ["Remove the script or code"],
        id="script-tag",
    ),
    pytest.param(
        {"body": "See [our site](javascript:alert(1))\n\n{{ paragraph:budget }}"},
        ["Remove the script or code"],
        id="javascript-link",
    ),
    pytest.param(
        {"body": "Dear <b>Minister</b>,\n\n{{ paragraph:budget }}"},
        ["“&lt;b&gt;” looks like HTML", "*words* between stars"],
        id="html-tag",
    ),
    pytest.param(
        {"title": '<a href="javascript:alert(1)">Click</a>'},
        ["Title", "Remove the script or code"],
        id="javascript-in-title",
    ),
    pytest.param(
        {"subject": "<img src=x onerror=alert(1)>"},
        ["Subject", "Remove the script or code"],
        id="event-handler-in-subject",
    ),
    pytest.param(
        {"subject": "First line\nSecond line"},
        ["Subject", "Write it on one line."],
        id="subject-on-two-lines",
    ),
    pytest.param(
        {"body": "Dear all,\n\n{{ paragraph:budget }}\n\n{{ paragraph:meeting }}"},
        ["{{ paragraph:meeting }} marks an optional paragraph the template does not have"],
        id="marker-of-no-paragraph",
    ),
    pytest.param(
        {"body": "Dear all, without the budget."},
        ["The optional paragraph “budget” has no place in the letter"],
        id="paragraph-without-marker",
    ),
    pytest.param(
        {"body": "Dear all, {{ paragraph:budget }} inline."},
        ["Put {{ paragraph:budget }} on a line of its own"],
        id="marker-inside-a-sentence",
    ),
    pytest.param(
        {"body": "{{ paragraph:budget }}\n\n" + "x" * template_checks.BODY_LENGTH},
        ["Keep it within 20000 characters"],
        id="letter-too-long",
    ),
    pytest.param(
        {"title": "t" * 201},
        ["Title", "Keep it within 200 characters (it has 201)"],
        id="title-too-long",
    ),
    pytest.param({"title": "  "}, ["Give the template a title."], id="no-title"),
    pytest.param(
        {"body": "", "paragraphs-0-code": "", "paragraphs-0-label": "", "paragraphs-0-text": ""},
        ["Write the letter."],
        id="no-letter",
    ),
    pytest.param(
        {"paragraphs-0-label": "<b>Budget</b>"},
        ["Optional paragraph 1: What it is about", "looks like HTML"],
        id="html-in-paragraph-label",
    ),
    pytest.param(
        {"paragraphs-0-text": "We ask {{ minister }}."},
        ["Optional paragraph 1: Paragraph", "{{ minister }} is not a placeholder"],
        id="unknown-placeholder-in-paragraph",
    ),
    pytest.param(
        {"paragraphs-0-text": "See {{ paragraph:budget }}."},
        ["optional paragraphs are marked only in the letter of a template"],
        id="marker-inside-a-paragraph",
    ),
    pytest.param(
        {"paragraphs-0-code": "the budget!", "body": "Dear all,\n\n{{ paragraph:the budget! }}"},
        ["Optional paragraph 1: Code", "Use only letters, numbers, hyphens"],
        id="paragraph-code-not-a-slug",
    ),
    pytest.param(
        {
            "paragraphs-TOTAL_FORMS": "2",
            "paragraphs-1-code": "budget",
            "paragraphs-1-label": "Again",
            "paragraphs-1-text": "Twice.",
        },
        ["Another paragraph already has the code “budget”."],
        id="duplicate-paragraph-code",
    ),
]


@pytest.mark.parametrize(("fields", "expected"), BAD_INPUTS)
def test_bad_input_is_answered_and_nothing_is_stored(coalition, editor, fields, expected):
    before = counts()
    response = client_for(editor).post(ADD, post_data(coalition=coalition, **fields))
    assert response.status_code == 200
    summary = errors_of(response)
    assert "Nothing was saved" in summary
    for text in expected:
        assert text in summary, summary
    assert counts() == before


@pytest.mark.parametrize(("fields", "expected"), BAD_INPUTS[:9])
def test_bad_input_on_edit_changes_nothing(own_template, editor, fields, expected):
    before, text = counts(), stored_text()
    paragraph = own_template.optional_paragraphs.get()
    response = client_for(editor).post(
        edit_url(own_template, "en"), post_data(ids=[paragraph.pk], initial=1, **fields)
    )
    assert response.status_code == 200
    summary = errors_of(response)
    for item in expected:
        assert item in summary
    assert counts() == before
    assert stored_text() == text


def test_every_problem_is_reported_at_once(coalition, editor):
    response = client_for(editor).post(
        ADD,
        post_data(
            coalition=coalition,
            title="",
            subject="<script>x</script>",
            body="Dear {{ minister }},",
        ),
    )
    summary = errors_of(response)
    assert "Nothing was saved: correct these 4 problems." in summary
    assert "Give the template a title." in summary
    assert "Remove the script or code" in summary
    assert "{{ minister }} is not a placeholder" in summary
    assert "The optional paragraph “budget” has no place" in summary
    # Each one links to its field.
    assert '<a href="#id_title">Title</a>' in summary
    assert '<a href="#id_subject">Subject</a>' in summary
    assert '<a href="#id_body">Letter</a>' in summary


def test_errors_are_in_the_writers_language(coalition, editor, catalogue):
    catalogue("fr", {"Give the template a title.": "Donnez un titre au modèle."})
    with translation.override("fr"):
        url = reverse("campaigns:letter_template_add")
    response = client_for(editor).post(url, post_data(coalition=coalition, title=""))
    assert "Donnez un titre au modèle." in errors_of(response)


def test_a_tampered_paragraph_id_is_refused(own_template, editor, coalition):
    other = make_template(coalition)
    stranger = other.optional_paragraphs.get()
    before, text = counts(), stored_text()
    response = client_for(editor).post(
        edit_url(own_template, "en"), post_data(ids=[stranger.pk], initial=1)
    )
    assert "The paragraphs changed since this page was opened" in errors_of(response)
    assert (counts(), stored_text()) == (before, text)


# --- Preview ---------------------------------------------------------------------------------


def test_the_preview_button_shows_the_letter_and_saves_nothing(coalition, editor):
    before = counts()
    data = post_data(coalition=coalition)
    del data["save"]
    data["preview"] = "1"
    response = client_for(editor).post(ADD, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert counts() == before
    preview = page.split('id="letter-preview" aria-live="polite">', 1)[1]
    assert '<mark class="placeholder" title="{{ country }}">Country</mark>' in preview
    assert "<li>a <em>budget line</em></li>" in preview
    assert '<mark class="placeholder optional">Optional paragraph: Budget request</mark>' in preview
    assert "error-summary" not in page


def test_the_preview_shows_errors_beside_the_letter(coalition, editor):
    data = post_data(coalition=coalition, body="Dear {{ minister }},\n\n{{ paragraph:budget }}")
    del data["save"]
    data["preview"] = "1"
    before = counts()
    response = client_for(editor).post(ADD, data)
    assert "{{ minister }} is not a placeholder" in errors_of(response)
    assert '<mark class="placeholder unknown">{{ minister }}</mark>' in response.content.decode()
    assert counts() == before


def test_the_live_preview_returns_a_fragment_and_saves_nothing(own_template, editor):
    before = counts()
    data = post_data(body="Dear {{ minister }},\n\n{{ paragraph:budget }}")
    response = client_for(editor).post(PREVIEW, data)
    fragment = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "<html" not in fragment
    assert '<mark class="placeholder unknown">{{ minister }}</mark>' in fragment
    assert "Not ready to save: 1 problem." in fragment
    assert "{{ minister }} is not a placeholder" in fragment
    assert counts() == before


def test_nothing_typed_can_become_a_tag_in_the_preview(coalition, editor):
    data = post_data(
        coalition=coalition,
        subject="<i>s</i>",
        body="<script>alert(1)</script>\n\n{{ paragraph:budget }}",
        **{"paragraphs-0-label": "<b>bold</b>", "paragraphs-0-text": "<img src=x>"},
    )
    for url in (PREVIEW, ADD):
        data.pop("save", None)
        data["preview"] = "1"
        page = client_for(editor).post(url, data).content.decode()
        assert "<b>bold" not in page
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "<i>s</i>" not in page
        assert "Optional paragraph: &lt;b&gt;bold&lt;/b&gt;" in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_stored_label_with_a_tag_is_shown_as_text(coalition):
    template = make_template(coalition, paragraphs=[("budget", "<b>Budget</b>", "<i>x</i>")])
    page = Client().get(reverse("campaigns:letter_template", args=[template.pk])).content.decode()
    assert "<b>Budget" not in page and "<i>x" not in page
    assert "&lt;b&gt;Budget&lt;/b&gt;" in page


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", LOGIN),
        ("outsider", 403),
        ("member", 403),
        ("editor", 200),
        ("org_admin", 200),
        ("moderator", 403),
        ("site_admin", 200),
        ("ngo_editor", 403),
    ],
)
def test_who_may_use_the_live_preview(request, coalition, role, expected):
    user = user_for(request, role)
    response = client_for(user).post(PREVIEW, post_data())
    assert_outcome(response, expected, PREVIEW)


def test_the_live_preview_needs_a_post_with_the_csrf_token(coalition, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(PREVIEW).status_code == 405
    assert client.post(PREVIEW, post_data()).status_code == 403


# --- Editing and translating -----------------------------------------------------------------


def test_an_editor_changes_the_text(own_template, editor):
    paragraph = own_template.optional_paragraphs.get()
    client = client_for(editor)
    page = client.get(edit_url(own_template)).content.decode()
    assert "Our own letter" in page and 'name="paragraphs-0-id"' in page
    assert "is not written in" not in page
    data = post_data(
        ids=[paragraph.pk],
        initial=1,
        title="A better title",
        **{"paragraphs-0-label": "Budget line"},
    )
    response = client.post(edit_url(own_template, "en"), data)
    assert response.status_code == 302
    fresh = LetterTemplate.objects.get(pk=own_template.pk)
    assert fresh.safe_translation_getter("title", language_code="en") == "A better title"
    assert OptionalParagraph.objects.get(pk=paragraph.pk).label == "Budget line"
    entry = AuditLogEntry.objects.get(action="campaigns.change_lettertemplate")
    assert entry.actor == editor
    assert entry.data["language"] == "en" and entry.data["new_language"] is False


def test_adding_a_language_starts_from_the_original_and_keeps_it(own_template, editor):
    paragraph = own_template.optional_paragraphs.get()
    client = client_for(editor)
    page = client.get(edit_url(own_template, "fr")).content.decode()
    assert "Edit the template in français" in page
    # The original text to translate over, markers included.
    assert "{{ paragraph:budget }}" in page
    assert "The text in English, to translate from" in page
    assert "The template is not written in français yet: the form starts from the English" in page
    languages = page.split('id="languages-title"', 1)[1].split("</nav>", 1)[0]
    assert "missing" in languages and "original" in languages

    data = post_data(
        ids=[paragraph.pk],
        initial=1,
        title="Notre lettre",
        subject="Participation : {{ country }}",
        body="Madame la ministre,\n\n{{ paragraph:budget }}",
        paragraphs=[("budget", "Budget", "Nous demandons une ligne budgétaire.")],
    )
    assert client.post(edit_url(own_template, "fr"), data).status_code == 302
    template = LetterTemplate.objects.get(pk=own_template.pk)
    assert sorted(template.get_available_languages()) == ["en", "fr"]
    assert template.safe_translation_getter("title", language_code="fr") == "Notre lettre"
    assert template.safe_translation_getter("title", language_code="en") == "Our own letter"
    assert template.safe_translation_getter("body", language_code="en") == BODY
    fr_paragraph = OptionalParagraph.objects.get(pk=paragraph.pk)
    assert fr_paragraph.safe_translation_getter("label", language_code="fr") == "Budget"
    assert fr_paragraph.safe_translation_getter("label", language_code="en") == BUDGET[1]
    assert AuditLogEntry.objects.get(action="campaigns.change_lettertemplate").data["new_language"]

    with translation.override("fr"):
        url = reverse("campaigns:letter_template", args=[own_template.pk])
    detail = client.get(url).content.decode()
    assert "Notre lettre" in detail
    assert "Nous demandons une ligne budgétaire." in detail


def test_the_detail_page_lists_languages_written_and_missing(own_template, editor):
    page = client_for(editor).get(reverse("campaigns:letter_template", args=[own_template.pk]))
    page = page.content.decode()
    assert "Written in:" in page
    add_language = page.split('<select name="language" id="add-language">', 1)[1].split(
        "</select>"
    )[0]
    assert 'value="fr"' in add_language and 'value="en"' not in add_language
    assert add_language.count("<option") == 6


def test_a_reader_sees_the_original_language_marked(own_template):
    with translation.override("ru"):
        url = reverse("campaigns:letter_template", args=[own_template.pk])
    page = Client().get(url).content.decode()
    assert "Our own letter" in page
    with translation.override("ru"):
        written = gettext("Written in %(language)s.") % {"language": native_language_name("en")}
    assert written in page


def test_a_paragraph_added_in_one_language_is_flagged_in_the_others(own_template, editor):
    make_fr = own_template
    make_fr.set_current_language("fr")
    make_fr.title, make_fr.subject, make_fr.body = (
        "Lettre",
        "Objet",
        "Bonjour\n\n{{ paragraph:budget }}",
    )
    make_fr.save()
    paragraph = own_template.optional_paragraphs.get()
    data = post_data(
        ids=[paragraph.pk],
        initial=1,
        body=BODY + "\n\n{{ paragraph:meeting }}",
        paragraphs=[BUDGET, ("meeting", "Meeting", "Meet us.")],
    )
    client = client_for(editor)
    assert client.post(edit_url(own_template, "en"), data).status_code == 302
    page = client.get(edit_url(own_template, "en")).content.decode()
    languages = page.split('id="languages-title"', 1)[1].split("</nav>", 1)[0]
    french = languages.split('lang="fr"', 1)[1].split("</li>", 1)[0]
    assert "to review" in french


def test_renaming_and_removing_paragraphs_follows_in_every_language(coalition, editor):
    template = make_template(
        coalition,
        body="Dear all,\n\n{{ paragraph:budget }}\n\n{{ paragraph:meeting }}\n\nYours",
        paragraphs=[BUDGET, ("meeting", "Meeting", "Meet us.")],
    )
    template.set_current_language("fr")
    template.title, template.body = (
        "Lettre",
        ("Bonjour,\n\n{{ paragraph:budget }}\n\n{{paragraph:meeting}}\n\nSalutations"),
    )
    template.save()
    budget, meeting = template.optional_paragraphs.order_by("position")
    data = post_data(
        ids=[budget.pk, meeting.pk],
        initial=2,
        body="Dear all,\n\n{{ paragraph:money }}\n\nYours",
        paragraphs=[("money", "Money", "Money."), ("meeting", "Meeting", "Meet us.")],
        **{"paragraphs-1-DELETE": "on"},
    )
    response = client_for(editor).post(edit_url(template, "en"), data)
    assert response.status_code == 302, errors_of(response)
    assert list(template.optional_paragraphs.values_list("pk", "code")) == [(budget.pk, "money")]
    french = TranslationModel.objects.get(master=template, language_code="fr")
    assert french.body == "Bonjour,\n\n{{ paragraph:money }}\n\nSalutations"
    entry = AuditLogEntry.objects.get(action="campaigns.change_lettertemplate")
    assert entry.data["renamed"] == {"budget": "money"} and entry.data["removed"] == ["meeting"]


def test_two_paragraphs_may_swap_codes(coalition, editor):
    template = make_template(
        coalition,
        body="A\n\n{{ paragraph:one }}\n\n{{ paragraph:two }}",
        paragraphs=[("one", "One", "1"), ("two", "Two", "2")],
    )
    one, two = template.optional_paragraphs.order_by("position")
    data = post_data(
        ids=[one.pk, two.pk],
        initial=2,
        body="A\n\n{{ paragraph:two }}\n\n{{ paragraph:one }}",
        paragraphs=[("two", "One", "1"), ("one", "Two", "2")],
    )
    assert client_for(editor).post(edit_url(template, "en"), data).status_code == 302
    assert OptionalParagraph.objects.get(pk=one.pk).code == "two"
    assert OptionalParagraph.objects.get(pk=two.pk).code == "one"


def test_an_unknown_language_or_template_is_not_found(own_template, editor):
    client = client_for(editor)
    assert client.get(edit_url(own_template, "xx")).status_code == 404
    huge = reverse("campaigns:letter_template_edit", args=[10**30])
    assert client.get(huge).status_code == 404
    assert client.get(reverse("campaigns:letter_template", args=[10**30])).status_code == 404


# --- Starting from a copy ---------------------------------------------------------------------


def test_start_from_the_builtin_template_copies_every_language_and_paragraph(coalition, editor):
    source = builtin()
    source_text = sorted(TranslationModel.objects.filter(master=source).values_list())
    client = client_for(editor)
    detail = client.get(reverse("campaigns:letter_template", args=[source.pk])).content.decode()
    copy_url = reverse("campaigns:letter_template_copy", args=[source.pk])
    assert f'href="{copy_url}"' in detail
    page = client.get(copy_url).content.decode()
    assert "The copy holds the text in 7 languages" in page
    assert "It also holds its 4 optional paragraphs." in page

    response = client.post(copy_url, {"coalition": coalition.pk})
    copy = LetterTemplate.objects.get(organisation=coalition)
    assert response.status_code == 302
    assert response["Location"] == edit_url(copy, "en")
    assert sorted(copy.get_available_languages()) == sorted(builtin_data.LANGUAGES)
    for language in builtin_data.LANGUAGES:
        assert (
            copy.safe_translation_getter("body", language_code=language)
            == builtin_data.TEMPLATE["body"][language]
        )
    codes = [optional["code"] for optional in builtin_data.TEMPLATE["optional"]]
    assert list(copy.optional_paragraphs.values_list("code", flat=True)) == codes
    for paragraph in copy.optional_paragraphs.all():
        assert sorted(paragraph.get_available_languages()) == sorted(builtin_data.LANGUAGES)
    # The original is untouched, and the copy is the coalition's to edit.
    assert sorted(TranslationModel.objects.filter(master=source).values_list()) == source_text
    assert LetterTemplate.objects.get(pk=source.pk).organisation is None
    entry = AuditLogEntry.objects.get(action="campaigns.copy_lettertemplate")
    assert entry.data == {"coalition": coalition.pk, "copied_from": source.pk}
    edit = client.get(response["Location"])
    assert edit.status_code == 200
    # The copy is the coalition's to change.
    changed = builtin_post_data(copy, title="Our WHA77 letter")
    assert client.post(response["Location"], changed).status_code == 302
    assert LetterTemplate.objects.get(pk=copy.pk).title == "Our WHA77 letter"
    assert LetterTemplate.objects.get(pk=source.pk).title == builtin_data.TEMPLATE["title"]["en"]


def test_copying_for_a_coalition_one_does_not_edit_is_refused(coalition, editor):
    foreign = OrganisationFactory(kind=Organisation.Kind.NETWORK)
    before = counts()
    url = reverse("campaigns:letter_template_copy", args=[builtin().pk])
    response = client_for(editor).post(url, {"coalition": foreign.pk})
    assert response.status_code == 400
    assert "Choose one of your coalitions." in response.content.decode()
    assert counts() == before


def test_a_coalition_copies_another_coalitions_template(own_template):
    other = OrganisationFactory(name="Other coalition", kind=Organisation.Kind.NETWORK)
    their_editor = MembershipFactory(organisation=other, role=Membership.Role.EDITOR).user
    url = reverse("campaigns:letter_template_copy", args=[own_template.pk])
    assert client_for(their_editor).post(url, {"coalition": other.pk}).status_code == 302
    copy = LetterTemplate.objects.get(organisation=other)
    assert copy.safe_translation_getter("body", language_code="en") == BODY
    assert copy.optional_paragraphs.get().code == "budget"


# --- The list and the read-only page -----------------------------------------------------------


def test_the_list_shows_builtin_and_coalition_templates(own_template):
    page = Client().get(reverse("campaigns:letter_templates")).content.decode()
    assert builtin_data.TEMPLATE["title"]["en"] in page
    assert "Our own letter" in page
    assert "written by <bdi>Kisumu Health Rights Forum</bdi>" in page
    assert "built into Sauti" in page
    assert page.index(builtin_data.TEMPLATE["title"]["en"]) < page.index("Our own letter")


def test_the_list_costs_the_same_queries_for_many_templates(coalition):
    url = reverse("campaigns:letter_templates")
    make_template(coalition)
    with CaptureQueriesContext(connection) as few:
        Client().get(url)
    for _number in range(5):
        make_template(coalition)
    with CaptureQueriesContext(connection) as many:
        page = Client().get(url).content.decode()
    assert page.count("Our own letter") == 6
    assert len(many) == len(few)


def test_templates_of_a_hidden_coalition_are_not_shown(own_template, coalition):
    Organisation.objects.filter(pk=coalition.pk).update(hidden_at=timezone.now())
    page = Client().get(reverse("campaigns:letter_templates")).content.decode()
    assert "Our own letter" not in page
    url = reverse("campaigns:letter_template", args=[own_template.pk])
    assert Client().get(url).status_code == 404


ACTIONS = {"edit": "campaigns:letter_template_edit", "copy": "campaigns:letter_template_copy"}


@pytest.mark.parametrize(
    ("role", "can_edit", "can_copy"),
    [
        ("anonymous", False, False),
        ("outsider", False, False),
        ("member", False, False),
        ("editor", True, True),
        ("org_admin", True, True),
        ("moderator", False, False),
        ("site_admin", True, True),
        ("ngo_editor", False, False),
    ],
)
def test_the_detail_page_offers_what_each_person_may_do(
    request, own_template, role, can_edit, can_copy
):
    user = user_for(request, role)
    response = client_for(user).get(reverse("campaigns:letter_template", args=[own_template.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Our own letter" in page
    edit = reverse("campaigns:letter_template_edit", args=[own_template.pk])
    copy = reverse("campaigns:letter_template_copy", args=[own_template.pk])
    assert (f'href="{edit}?language=en"' in page) is can_edit
    assert ("Add a language" in page) is can_edit
    assert (f'href="{copy}"' in page) is can_copy


@pytest.mark.parametrize(
    ("role", "can_edit"),
    [("editor", False), ("org_admin", False), ("site_admin", True)],
)
def test_only_site_admins_are_offered_to_edit_the_builtin_template(
    request, coalition, role, can_edit
):
    template = builtin()
    page = client_for(user_for(request, role)).get(
        reverse("campaigns:letter_template", args=[template.pk])
    )
    edit = reverse("campaigns:letter_template_edit", args=[template.pk])
    assert (f'href="{edit}?language=' in page.content.decode()) is can_edit
    assert "Start from this template" in page.content.decode()


def test_the_list_offers_a_new_template_to_coalition_editors_only(coalition, editor, member):
    url = reverse("campaigns:letter_templates")
    assert ADD in client_for(editor).get(url).content.decode()
    assert ADD not in client_for(member).get(url).content.decode()
    assert ADD not in Client().get(url).content.decode()


# --- Permissions per view --------------------------------------------------------------------

WRITERS = {"editor": 200, "org_admin": 200, "site_admin": 200}


def _expected(role, allowed):
    if role == "anonymous":
        return LOGIN
    return allowed.get(role, 403)


@pytest.mark.parametrize("role", [*ROLES, "ngo_editor"])
def test_who_may_open_the_new_template_form(request, coalition, role):
    response = client_for(user_for(request, role)).get(ADD)
    assert_outcome(response, _expected(role, WRITERS), ADD)


@pytest.mark.parametrize("role", [*ROLES, "ngo_editor"])
def test_who_may_post_a_new_template(request, coalition, role):
    before = counts()
    response = client_for(user_for(request, role)).post(ADD, post_data(coalition=coalition))
    if role in ("editor", "org_admin"):
        assert response.status_code == 302
        assert LetterTemplate.objects.filter(organisation=coalition).count() == 1
        return
    if role == "site_admin":
        # A site administrator edits for no coalition: the form says so, nothing is stored.
        assert response.status_code == 200
        assert "Coalition" in errors_of(response)
    else:
        assert_outcome(response, _expected(role, {}), ADD)
    assert counts() == before


@pytest.mark.parametrize("role", [*ROLES, "ngo_editor"])
def test_who_may_edit_a_coalition_template(request, own_template, role):
    url = edit_url(own_template, "en")
    client = client_for(user_for(request, role))
    assert_outcome(client.get(url), _expected(role, WRITERS), url)
    before, text = counts(), stored_text()
    paragraph = own_template.optional_paragraphs.get()
    response = client.post(url, post_data(ids=[paragraph.pk], initial=1, title="Changed"))
    if role in WRITERS:
        assert response.status_code == 302
        assert LetterTemplate.objects.get(pk=own_template.pk).title == "Changed"
    else:
        assert_outcome(response, _expected(role, {}), url)
        assert (counts(), stored_text()) == (before, text)


@pytest.mark.parametrize("role", [*ROLES, "ngo_editor"])
def test_who_may_edit_the_builtin_template(request, coalition, role):
    template = builtin()
    url = edit_url(template, "en")
    client = client_for(user_for(request, role))
    assert_outcome(client.get(url), _expected(role, {"site_admin": 200}), url)
    before, text = counts(), stored_text()
    response = client.post(url, builtin_post_data(template, title="Changed"))
    if role == "site_admin":
        assert response.status_code == 302
        assert LetterTemplate.objects.get(pk=template.pk).title == "Changed"
    else:
        assert_outcome(response, _expected(role, {}), url)
        assert (counts(), stored_text()) == (before, text)


@pytest.mark.parametrize("role", [*ROLES, "ngo_editor"])
def test_who_may_copy_a_template(request, own_template, role):
    url = reverse("campaigns:letter_template_copy", args=[own_template.pk])
    client = client_for(user_for(request, role))
    assert_outcome(client.get(url), _expected(role, WRITERS), url)
    before = counts()
    response = client.post(url, {"coalition": own_template.organisation_id})
    if role in ("editor", "org_admin"):
        assert response.status_code == 302
        assert LetterTemplate.objects.filter(organisation=own_template.organisation).count() == 2
    else:
        expected = 400 if role == "site_admin" else _expected(role, {})
        assert_outcome(response, expected, url)
        assert counts() == before


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_a_coalition_template(request, own_template, role):
    url = reverse("campaigns:letter_template", args=[own_template.pk])
    assert client_for(user_for(request, role)).get(url).status_code == 200


# --- The services (the same rules whoever calls them) ------------------------------------------


def test_the_services_refuse_people_without_the_right_and_bad_text(coalition, member, editor):
    fields = {
        "coalition": coalition,
        "language": "en",
        "title": "T",
        "subject": "S",
        "body": "Dear {{ minister }}",
    }
    before = counts()
    with pytest.raises(PermissionDenied):
        services_templates.create_template(**fields, acting_user=member)
    with pytest.raises(ValidationError) as refused:
        services_templates.create_template(**fields, acting_user=editor)
    assert "{{ minister }} is not a placeholder" in refused.value.message_dict["body"][0]
    with pytest.raises(PermissionDenied):
        services_templates.copy_template(builtin(), coalition=coalition, acting_user=member)
    assert counts() == before


def test_a_save_becomes_a_revision_once_the_model_is_registered(coalition, editor):
    # Not registered today (the editor does not register it): saving writes no version.
    assert not reversion.is_registered(LetterTemplate)
    fields = {"coalition": coalition, "language": "en", "title": "T", "subject": "", "body": "B"}
    first = services_templates.create_template(**fields, acting_user=editor)
    assert not Version.objects.filter(object_id=str(first.pk)).exists()
    reversion.register(LetterTemplate)
    try:
        second = services_templates.create_template(**fields, acting_user=editor)
        versions = Version.objects.get_for_object(second)
        assert versions.count() == 1
        assert versions.get().revision.user == editor
    finally:
        reversion.unregister(LetterTemplate)


# --- The checks module (reused by the campaign composer) ---------------------------------------


@pytest.mark.parametrize("language", builtin_data.LANGUAGES)
def test_the_builtin_template_passes_the_checks_in_every_language(language):
    spec = builtin_data.TEMPLATE
    codes = [optional["code"] for optional in spec["optional"]]
    assert (
        template_checks.check_letter(spec["subject"][language], spec["body"][language], codes) == {}
    )
    for optional in spec["optional"]:
        assert (
            template_checks.check_paragraph(
                optional["code"], optional["label"][language], optional["text"][language]
            )
            == {}
        )


def test_a_final_letter_may_not_keep_paragraph_markers():
    errors = template_checks.check_letter(
        "Subject", "Dear all,\n\n{{ paragraph:budget }}", allow_markers=False
    )
    assert list(errors) == ["body"]
    assert "cannot be used here" in errors["body"][0]


def test_plain_text_that_only_looks_odd_is_accepted():
    body = (
        "Costs rose by < 5 % and {a, b} stay as written; see <https://who.int>.\n\n"
        "2 * 3 * 4, and if x < y > z nothing is a tag."
    )
    assert template_checks.check_letter("Costs < 5 %", body) == {}


def test_the_composer_can_narrow_the_placeholders():
    errors = template_checks.check_letter(
        "Hello", "Dear {{ addressee_name }} in {{ country }}", placeholders=("addressee_name",)
    )
    assert "{{ country }} is not a placeholder" in errors["body"][0]
    assert "{{ addressee_name }} (Name of the addressee)" in errors["body"][0]
    assert "{{ date }}" not in errors["body"][0]


def test_control_characters_are_dropped_and_line_endings_unified():
    assert template_checks.normalise(" a\r\nb\x00\x07c\t \r") == "a\nbc"


# --- Pages: no inline script, light ---------------------------------------------------------


def test_no_editor_page_needs_inline_script_or_style(own_template, editor, site_admin):
    client = client_for(editor)
    urls = [
        ADD,
        edit_url(own_template, "en"),
        edit_url(own_template, "ar"),
        reverse("campaigns:letter_template_copy", args=[own_template.pk]),
        reverse("campaigns:letter_template", args=[own_template.pk]),
        reverse("campaigns:letter_templates"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert problems_in(response.content.decode()) == [], url
    page = client.get(ADD).content.decode()
    assert re.search(r'<script src="[^"]*js/letter-preview\.js" defer></script>', page)
    assert 'data-preview-url="' + PREVIEW + '"' in page
    assert 'id="letter-preview" aria-live="polite"' in page


def test_the_edit_page_of_a_long_template_stays_light(coalition, editor, site_admin):
    response = client_for(site_admin).get(edit_url(builtin(), "fr"))
    assert response.status_code == 200
    assert len(gzip.compress(response.content)) <= 14 * 1024


# --- The live preview in a real browser (``pytest -m browser``) ------------------------------
