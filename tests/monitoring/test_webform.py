"""The built-in web form: simple XForms filled in a browser without JavaScript (issue 7).

Forms are real pyxform output: XLSForms built with openpyxl (as in
``test_xlsform.py``) and converted with ``xlsform.convert``.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sauti.monitoring import webform, xlsform
from sauti.monitoring.models import Form, FormVersion, Project, Site, Submission
from tests.conftest import client_for
from tests.permissions import LOGIN, assert_outcome, user_for

from .test_xlsform import workbook

pytestmark = pytest.mark.django_db

SURVEY = [
    [
        "type",
        "name",
        "label::English (en)",
        "label::Français (fr)",
        "hint::English (en)",
        "required",
    ],
    ["start", "start", "", "", "", ""],
    ["begin_group", "visit", "The visit", "La visite", "", ""],
    ["integer", "waited", "Minutes waited", "Minutes d'attente", "Your best guess", "yes"],
    ["decimal", "paid", "Amount paid", "Montant payé", "", ""],
    ["date", "day", "Day of the visit", "Jour de la visite", "", ""],
    ["end_group", "", "", "", "", ""],
    ["select_one yn", "seen", "Were you seen?", "Avez-vous été reçu ?", "", "yes"],
    ["select_multiple problem", "problems", "Problems", "Problèmes", "", ""],
    ["note", "thanks", "Thank you", "Merci", "", ""],
    ["text", "comment", "Comment", "Commentaire", "", ""],
]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Français (fr)"],
    ["yn", "yes", "Yes", "Oui"],
    ["yn", "no", "No", "Non"],
    ["problem", "cost", "Cost", "Coût"],
    ["problem", "stock", "Stock-out", "Rupture de stock"],
]
SETTINGS = [
    ["form_id", "version", "form_title", "default_language"],
    ["exit_interview", "2026111501", "Exit interview", "English (en)"],
]
GOOD = {"q:visit/waited": "45", "q:visit/day": "2026-11-20", "q:seen": "yes"}


def xform(survey=SURVEY, choices=CHOICES) -> str:
    sheets = {"survey": survey, "choices": choices, "settings": SETTINGS}
    return xlsform.convert(workbook(sheets), "exit.xlsx", validate=False).xml


def make_form(project, xml: str, *, is_open: bool = True) -> Form:
    form = Form.objects.create(
        project=project, form_id="exit_interview", title="Exit interview", is_open=is_open
    )
    FormVersion.objects.create(
        form=form,
        version="2026111501",
        xml=xml,
        md5=xlsform.md5_of(xml),
        validation=FormVersion.Validation.NOT_RUN,
    )
    return form


@pytest.fixture(scope="module")
def simple_xml() -> str:
    return xform()


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch")


@pytest.fixture
def form(project, simple_xml):
    return make_form(project, simple_xml)


@pytest.fixture
def site(project, organisation):
    from sauti.core.models import Country

    country = Country.objects.first() or Country.objects.create(code="KE", name="Kenya")
    return Site.objects.create(project=project, name="Mbale clinic", country=country)


def url(form, language="en") -> str:
    return f"/{language}" + reverse("monitoring:webform", args=[form.project_id, form.pk])[3:]


def token_of(page: str) -> str:
    return re.search(r'name="instance" value="([^"]+)"', page).group(1)


def fill(client, form, answers=GOOD, **extra):
    page = client.get(url(form)).content.decode()
    data = {"instance": token_of(page), **answers, **extra}
    return client.post(url(form), data), data


# -- parsing ------------------------------------------------------------------------


def test_questions_are_read_with_labels_choices_and_groups(simple_xml):
    parsed = webform.parse_form(simple_xml, "en")
    assert parsed.is_simple
    assert (parsed.form_id, parsed.version) == ("exit_interview", "2026111501")
    kinds = {q.path: q.kind for q in parsed.questions}
    assert kinds == {
        "visit/waited": "integer",
        "visit/paid": "decimal",
        "visit/day": "date",
        "seen": "select1",
        "problems": "select",
        "thanks": "note",
        "comment": "text",
    }
    assert [s.heading for s in parsed.sections] == ["The visit", ""]
    waited = parsed.questions[0]
    assert (waited.label, waited.hint, waited.required) == (
        "Minutes waited",
        "Your best guess",
        True,
    )
    assert [c.label for c in parsed.questions[3].choices] == ["Yes", "No"]


def test_the_page_language_picks_the_translation_and_falls_back_to_the_default(simple_xml):
    french = webform.parse_form(simple_xml, "fr")
    assert french.sections[0].heading == "La visite"
    assert [c.label for c in french.questions[3].choices] == ["Oui", "Non"]
    assert webform.parse_form(simple_xml, "sw").sections[0].heading == "The visit"


@pytest.mark.parametrize(
    "row",
    [
        ["text", "why", "Why?", "", "", ""],  # with relevant below
        ["begin_repeat", "person", "Person", "", "", ""],
        ["image", "photo", "Photo", "", "", ""],
        ["calculate", "double", "", "", "", ""],
        ["geopoint", "where", "Where", "", "", ""],
    ],
)
def test_forms_needing_an_xforms_engine_are_not_simple(row):
    header = ["type", "name", "label", "relevant", "calculation", "constraint"]
    survey = [header, ["integer", "age", "Age", "", "", ""]]
    if row[1] == "why":
        survey.append(["text", "why", "Why?", "${age} > 5", "", ""])
    elif row[1] == "person":
        survey += [["begin_repeat", "person", "Person", "", "", ""]]
        survey += [["text", "name", "Name", "", "", ""], ["end_repeat", "", "", "", "", ""]]
    elif row[1] == "double":
        survey.append(["calculate", "double", "", "", "${age} * 2", ""])
    else:
        survey.append(row)
    parsed = webform.parse_form(xform(survey, [["list_name", "name", "label"]]), "en")
    assert not parsed.is_simple and parsed.problems


def test_the_instance_has_the_root_of_the_form_and_its_instance_id(simple_xml):
    from datetime import UTC, datetime

    from sauti.monitoring.submission_xml import parse_submission

    parsed = webform.parse_form(simple_xml, "en")
    answers, errors = webform.clean_answers(
        parsed, {"q:visit/waited": ["45"], "q:seen": ["yes"], "q:problems": ["stock", "cost"]}
    )
    assert not errors
    xml = webform.build_instance(
        parsed, answers, "uuid:1", started=datetime(2026, 11, 20, tzinfo=UTC)
    )
    assert xml.startswith(b'<data id="exit_interview" version="2026111501">')
    submission = parse_submission(xml)
    assert submission.instance_id == "uuid:1"
    assert submission.data["visit/waited"] == "45"
    assert submission.data["problems"] == "cost stock"
    assert str(submission.collected_on) == "2026-11-20"


def test_a_tampered_instance_token_is_refused():
    token = webform.new_instance_token()
    assert webform.read_instance_token(token)[0].startswith("uuid:")
    assert webform.read_instance_token(token[:-2] + "xx") is None
    assert webform.read_instance_token("") is None


# -- the page -----------------------------------------------------------------------


def test_the_page_shows_the_form_in_english_and_in_french(form, monitor, site):
    client = client_for(monitor)
    page = client.get(url(form)).content.decode()
    assert "Minutes waited" in page and "Your best guess" in page and "The visit" in page
    assert 'type="number" step="1"' in page and 'type="date"' in page
    assert 'type="radio"' in page and 'type="checkbox"' in page
    assert "Mbale clinic" in page and 'name="instance"' in page
    french = client.get(url(form, "fr")).content.decode()
    assert "Minutes d&#x27;attente" in french and "Avez-vous été reçu ?" in french
    assert "Rupture de stock" in french


def test_many_choices_become_a_drop_down_list(project, monitor):
    choices = [["list_name", "name", "label"]] + [["n", f"c{i}", f"Choice {i}"] for i in range(8)]
    survey = [["type", "name", "label"], ["select_one n", "pick", "Pick one"]]
    form = make_form(project, xform(survey, choices))
    page = client_for(monitor).get(url(form)).content.decode()
    assert 'type="radio"' not in page
    assert '<option value="c7"' in page


def test_a_post_stores_one_web_submission_with_its_site(form, monitor, site):
    client = client_for(monitor)
    response, _data = fill(
        client, form, {**GOOD, "q:problems": ["cost", "stock"]}, site=str(site.pk)
    )
    assert response.status_code == 302
    assert response["Location"].endswith(
        reverse("monitoring:webform_received", args=[form.project_id, form.pk])[3:]
    )
    submission = Submission.objects.get()
    assert submission.source == Submission.Source.WEB
    assert submission.site == site
    assert submission.submitted_by.user == monitor
    assert submission.form_version.form == form
    assert submission.instance_id.startswith("uuid:")
    assert submission.data["visit/waited"] == "45"
    assert submission.data["visit/day"] == "2026-11-20"
    assert submission.data["seen"] == "yes"
    assert submission.data["problems"] == "cost stock"
    page = client.get(response["Location"]).content.decode()
    assert "Received" in page and "Fill another" in page


def test_the_same_page_posted_twice_is_stored_once(form, monitor):
    client = client_for(monitor)
    response, data = fill(client, form)
    again = client.post(url(form), data)
    assert response.status_code == again.status_code == 302
    assert "again=1" in again["Location"]
    assert Submission.objects.count() == 1
    assert "already been received" in client.get(again["Location"]).content.decode()


def test_a_missing_required_answer_keeps_every_answer_and_stores_nothing(form, monitor):
    client = client_for(monitor)
    response, _data = fill(
        client,
        form,
        {"q:visit/waited": "", "q:visit/paid": "12.5", "q:seen": "no", "q:comment": "Long wait"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "This question needs an answer." in page
    assert 'value="12.5"' in page and 'value="Long wait"' in page
    assert 'value="no" checked' in page
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"q:visit/waited": "soon"}, "Enter a whole number."),
        ({"q:visit/paid": "12x"}, "Enter a number."),
        ({"q:visit/day": "20/11/2026"}, "Enter a date as YYYY-MM-DD."),
        ({"q:seen": "maybe"}, "Choose one of the answers listed."),
        ({"q:problems": ["cost", "bribe"]}, "Choose among the answers listed."),
    ],
)
def test_bad_answers_are_shown_next_to_the_field(form, monitor, answers, message):
    response, _data = fill(client_for(monitor), form, {**GOOD, **answers})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    typed = next(iter(answers.values()))
    if isinstance(typed, str) and "visit/" in next(iter(answers)):
        assert f'value="{typed}" type="text"' in page  # kept, in an input that can hold it
    assert not Submission.objects.exists()


def test_a_site_of_another_project_is_refused(form, monitor, organisation, site):
    other = Project.objects.create(organisation=organisation, title="Other")
    foreign = Site.objects.create(project=other, name="Elsewhere", country=site.country)
    response, _data = fill(client_for(monitor), form, site=str(foreign.pk))
    assert "Choose a site from the list." in response.content.decode()
    assert not Submission.objects.exists()


def test_a_tampered_page_is_not_stored(form, monitor):
    client = client_for(monitor)
    response = client.post(url(form), {"instance": "uuid:chosen-by-me", **GOOD})
    assert response.status_code == 200
    assert "could not be read back" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_closed_form_says_so_and_stores_nothing(project, simple_xml, monitor):
    form = make_form(project, simple_xml, is_open=False)
    client = client_for(monitor)
    page = client.get(url(form)).content.decode()
    assert "This form is closed" in page and 'name="instance"' not in page
    token = webform.new_instance_token()
    response = client.post(url(form), {"instance": token, **GOOD})
    assert "This form is closed" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_form_with_a_repeat_or_relevant_is_not_offered(project, monitor):
    survey = [
        ["type", "name", "label", "relevant"],
        ["integer", "age", "Age", ""],
        ["text", "why", "Why?", "${age} > 5"],
    ]
    form = make_form(project, xform(survey, [["list_name", "name", "label"]]))
    client = client_for(monitor)
    page = client.get(url(form)).content.decode()
    assert "cannot be filled in the browser" in page
    assert reverse("monitoring:tokens", args=[project.pk])[3:] in page
    assert 'name="instance"' not in page
    client.post(url(form), {"instance": webform.new_instance_token(), "q:age": "3"})
    assert not Submission.objects.exists()


def test_the_form_page_links_to_the_web_form_for_a_coordinator(form, coordinator):
    detail = reverse("monitoring:form", args=[form.project_id, form.pk])
    page = client_for(coordinator).get(detail).content.decode()
    assert "Fill in the browser" in page
    form.is_open = False
    form.save()
    assert "Fill in the browser" not in client_for(coordinator).get(detail).content.decode()


def test_impossible_ids_are_404(form, monitor):
    client = client_for(monitor)
    base = f"/en/monitoring/{form.project_id}/forms/"
    assert client.get(f"{base}99999999999999/fill/").status_code == 404
    assert client.get(f"{base}{form.pk + 1000}/fill/").status_code == 404


# -- permissions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", LOGIN),
        ("outsider", 404),
        ("org_admin", 403),
        ("monitor", 200),
        ("coordinator", 200),
        ("analyst", 403),
        ("viewer", 403),
    ],
)
def test_who_may_fill_the_form(request, form, role, expected):
    target = url(form)
    response = client_for(user_for(request, role)).get(target)
    assert_outcome(response, expected, target)
    received = f"{target}received/"
    assert_outcome(client_for(user_for(request, role)).get(received), expected, received)


@pytest.mark.parametrize("role", ["analyst", "viewer", "outsider"])
def test_who_may_not_fill_cannot_post_either(request, form, role):
    data = {"instance": webform.new_instance_token(), **GOOD}
    response = client_for(user_for(request, role)).post(url(form), data)
    assert response.status_code == (404 if role == "outsider" else 403)
    assert not Submission.objects.exists()
