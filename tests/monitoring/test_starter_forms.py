"""The starter library of monitoring forms: the definitions, the workbooks, the pages (issue 7).

Every starter form must convert as an upload would, carry all seven languages on
every question and choice, stay simple enough for the built-in web form, and be
added to a project through the same service as an XLSForm upload.
"""

from __future__ import annotations

import html
import io
import shutil

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from sauti.core.models import AuditLogEntry
from sauti.monitoring import starter, xlsform
from sauti.monitoring.models import Form, FormVersion
from sauti.monitoring.starter_forms import CATALOGUE, COLUMN_LANGUAGES, LANGUAGE_CODES
from sauti.monitoring.starter_forms.common import ALLOWED_TYPES
from tests.conftest import client_for
from tests.permissions import assert_outcome, user_for

from .test_form_upload import MANAGE, PERMISSION_ROLES
from .test_form_upload import no_java as no_java  # the fixtures
from .test_form_upload import project as project

HAS_JAVA = shutil.which("java") is not None
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SLUGS = list(CATALOGUE)
LABEL_COLUMNS = [f"label::{name}" for name in COLUMN_LANGUAGES.values()]


def read_back(data: bytes) -> dict[str, list[dict[str, object]]]:
    """The sheets of a workbook as lists of {header: value}, the way a person reads them."""
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    sheets = {}
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        sheets[ws.title] = [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]
    wb.close()
    return sheets


# -- the definitions and their workbooks --------------------------------------


def test_the_library_has_the_four_forms():
    assert SLUGS == [
        "facility_observation",
        "exit_interview",
        "stockout_check",
        "community_scorecard",
    ]
    assert LANGUAGE_CODES == ("en", "fr", "es", "pt", "ar", "ru", "zh-hans")


@pytest.mark.parametrize("slug", SLUGS)
def test_each_form_converts_without_errors_or_warnings(slug):
    form = CATALOGUE[slug]
    conversion = xlsform.convert(starter.build_xlsx(form), starter.filename(form), validate=False)
    assert conversion.form_id == form.form_id
    assert conversion.version == form.version
    assert conversion.title == str(form.title)
    assert conversion.languages == list(COLUMN_LANGUAGES.values())
    # Not even the language-code warning: "(zh)", not "(zh-hans)", for pyxform 4.5.
    assert conversion.problems == []
    assert "instanceID" in conversion.xml


@pytest.mark.skipif(not HAS_JAVA, reason="ODK Validate needs Java")
@pytest.mark.parametrize("slug", SLUGS)
def test_each_form_passes_odk_validate(slug):
    form = CATALOGUE[slug]
    assert xlsform.convert(starter.build_xlsx(form), starter.filename(form)).validated is True


@pytest.mark.parametrize("slug", SLUGS)
def test_every_label_is_filled_in_all_seven_languages(slug):
    form = CATALOGUE[slug]
    sheets = read_back(starter.build_xlsx(form))
    assert set(sheets) == {"survey", "choices", "settings"}
    for sheet in ("survey", "choices"):
        assert sheets[sheet], sheet
        for row in sheets[sheet]:
            for column in LABEL_COLUMNS:
                value = row[column]
                assert isinstance(value, str) and value.strip(), (sheet, row["name"], column)
    for row in sheets["survey"]:
        hints = [row.get(f"hint::{name}") for name in COLUMN_LANGUAGES.values()]
        # A hint is in all seven languages or in none.
        assert all(hints) or not any(hints), row["name"]
    assert sheets["settings"] == [
        {
            "form_id": form.form_id,
            "version": form.version,
            "form_title": str(form.title),
            "default_language": "English (en)",
        }
    ]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_translations_differ_from_english(slug):
    """A label copied from English instead of translated shows up here (numbers aside)."""
    form = CATALOGUE[slug]
    texts = [q.label for q in form.questions] + [
        c.label for choices in form.choices.values() for c in choices
    ]
    for text in texts:
        english = text["en"]
        if any(ch.isalpha() for ch in english) and english not in {"No"}:
            for lang in ("ar", "ru", "zh-hans"):
                assert text[lang] != english, (lang, english)


@pytest.mark.parametrize("slug", SLUGS)
def test_each_form_is_simple_and_of_the_right_size(slug):
    form = CATALOGUE[slug]
    assert 8 <= form.question_count <= 15
    assert len(form.questions) <= 16
    names = [q.name for q in form.questions]
    assert len(names) == len(set(names))
    for question in form.questions:
        assert question.type.split()[0] in ALLOWED_TYPES
    assert form.list_names() <= set(form.choices)
    for choices in form.choices.values():
        assert len({c.name for c in choices}) == len(choices)
    header = read_back(starter.build_xlsx(form))["survey"][0]
    for column in ("relevant", "constraint", "calculation", "repeat_count", "choice_filter"):
        assert column not in header


@pytest.mark.parametrize("slug", SLUGS)
def test_no_form_asks_for_a_personal_identifier(slug):
    for question in CATALOGUE[slug].questions:
        assert not {"name", "phone", "address", "email"} & set(question.name.split("_"))
        if question.type != "note":
            label = question.label["en"].lower()
            assert "your name" not in label and "phone number" not in label


def test_the_exit_interview_asks_consent_first():
    questions = [q for q in CATALOGUE["exit_interview"].questions if q.type != "note"]
    assert questions[0].name == "consent" and questions[0].required
    gender = CATALOGUE["exit_interview"].choices["gender"]
    assert "prefer_not" in [c.name for c in gender]


# -- the public library page and the downloads -----------------------------


@pytest.mark.django_db
def test_anyone_sees_the_library_with_a_download_per_form(client):
    response = client.get(reverse("monitoring:starter_forms"))
    assert response.status_code == 200
    page = response.content.decode()
    for slug in SLUGS:
        assert str(CATALOGUE[slug].title) in page
        assert reverse("monitoring:starter_form_download", args=[slug]) in page
    assert "Are the opening hours posted where service users can see them?" in page
    assert "العربية" in page and "中文" in page


@pytest.mark.django_db
def test_the_library_shows_the_questions_in_the_reader_language(client):
    with translation.override("fr"):
        url = reverse("monitoring:starter_forms")
    assert url.startswith("/fr/")
    page = html.unescape(client.get(url).content.decode())
    assert "Les heures d'ouverture sont-elles affichées à la vue des usagers ?" in page
    with translation.override("zh-hans"):
        url = reverse("monitoring:starter_forms")
    assert "开放时间是否张贴在服务使用者看得到的地方？" in client.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_the_download_is_an_xlsx(client, slug):
    response = client.get(reverse("monitoring:starter_form_download", args=[slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    form = CATALOGUE[slug]
    assert response["Content-Disposition"] == f'attachment; filename="{slug}-{form.version}.xlsx"'
    assert response.content.startswith(b"PK")
    assert read_back(response.content)["settings"][0]["form_id"] == form.form_id


@pytest.mark.django_db
def test_an_unknown_starter_form_is_404(client):
    url = reverse("monitoring:starter_form_download", args=["no_such_form"])
    assert client.get(url).status_code == 404


# -- adding a starter form to a project ------------------------------------


def add(client, project, slug):
    return client.post(reverse("monitoring:starter_form_add", args=[project.pk]), {"starter": slug})


@pytest.mark.parametrize("slug", SLUGS)
def test_adding_creates_a_form_and_its_version(project, coordinator, slug, no_java):
    client = client_for(coordinator)
    response = add(client, project, slug)
    form = Form.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:form", args=[project.pk, form.pk])
    starter_form = CATALOGUE[slug]
    assert (form.project, form.form_id, form.title) == (
        project,
        starter_form.form_id,
        str(starter_form.title),
    )
    version = form.versions.get()
    assert version.is_current and version.version == starter_form.version
    assert version.uploaded_by == coordinator
    assert version.warnings == [
        {
            "sheet": None,
            "row": None,
            "message": "The form was not checked by ODK Validate: "
            "Java is not installed on the server.",
            "detail": "",
        }
    ]
    assert read_back(version.xlsform.read())["settings"][0]["form_id"] == starter_form.form_id
    assert AuditLogEntry.objects.filter(action="monitoring.form_upload").count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "is added, version" in page


def test_adding_the_same_form_twice_says_so_and_stores_nothing_more(project, coordinator, no_java):
    client = client_for(coordinator)
    add(client, project, "exit_interview")
    response = add(client, project, "exit_interview")
    assert response.status_code == 200
    page = response.content.decode()
    assert "This project already has this version of “Service-user exit interview”." in page
    assert "(already in this project)" in page
    assert FormVersion.objects.count() == 1


@pytest.mark.parametrize("posted", [{}, {"starter": "no_such_form"}, {"starter": "../x"}])
def test_a_bad_choice_is_refused_with_a_message(project, coordinator, posted):
    url = reverse("monitoring:starter_form_add", args=[project.pk])
    response = client_for(coordinator).post(url, posted)
    assert response.status_code == 200
    assert "Choose one of the starter forms." in response.content.decode()
    assert not Form.objects.exists()


def test_the_add_page_lists_the_forms(project, coordinator):
    page = client_for(coordinator).get(reverse("monitoring:starter_form_add", args=[project.pk]))
    text = page.content.decode()
    for slug in SLUGS:
        assert f'value="{slug}"' in text and str(CATALOGUE[slug].title) in text


def test_an_impossible_project_is_404(coordinator):
    client = client_for(coordinator)
    assert client.get("/en/monitoring/0/forms/starter/").status_code == 404
    assert client.get("/en/monitoring/99999999999999999999/forms/starter/").status_code == 404


@pytest.mark.parametrize("role", PERMISSION_ROLES)
def test_who_may_see_the_add_page(request, project, role):
    url = reverse("monitoring:starter_form_add", args=[project.pk])
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, MANAGE[role], url)


@pytest.mark.parametrize("role", PERMISSION_ROLES)
def test_who_may_add(request, project, role, no_java):
    url = reverse("monitoring:starter_form_add", args=[project.pk])
    response = add(client_for(user_for(request, role)), project, "stockout_check")
    expected = {**MANAGE, "org_admin": 302, "coordinator": 302}[role]
    assert_outcome(response, expected, url)
    assert FormVersion.objects.exists() == (expected == 302)


@pytest.mark.parametrize("role", PERMISSION_ROLES)
@pytest.mark.django_db
def test_anyone_may_see_the_library_and_download(request, role):
    client = client_for(user_for(request, role))
    assert client.get(reverse("monitoring:starter_forms")).status_code == 200
    url = reverse("monitoring:starter_form_download", args=["community_scorecard"])
    assert client.get(url).status_code == 200


def test_the_forms_page_links_to_the_library(project, coordinator, viewer):
    url = reverse("monitoring:forms", args=[project.pk])
    page = client_for(coordinator).get(url).content.decode()
    assert reverse("monitoring:starter_form_add", args=[project.pk]) in page
    page = client_for(viewer).get(url).content.decode()
    assert reverse("monitoring:starter_forms") in page
    assert reverse("monitoring:starter_form_add", args=[project.pk]) not in page
