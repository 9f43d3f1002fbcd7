"""End to end with a real third-party client: ODK Web Forms' engine fills our form.

``tests/e2e/xforms-engine/fill.mjs`` runs ``@getodk/xforms-engine`` (the engine
behind ODK Web Forms) headless in Node over jsdom against a live server: it reads
``formList``, downloads the form converted here from an XLSForm, answers it,
prepares the engine's own submission payload and sends it as ODK Collect does
(HEAD → 204, multipart POST of ``xml_submission_file`` → 201).

The Node packages are pinned in ``tests/e2e/xforms-engine/package-lock.json``
and are never installed by the test. Install them once with::

    npm ci --prefix tests/e2e/xforms-engine

Without them the test is skipped, unless ``CI`` is set: then it fails.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from sauti.monitoring.models import (
    CollectorToken,
    Form,
    FormVersion,
    Project,
    Submission,
    TeamMember,
)
from sauti.monitoring.xlsform import convert

from ..factories import UserFactory

# Runs apart (`-m e2e`, a second pytest run in `make test`): a transactional test flushes the
# database when it ends, which would empty the reference tables the following tests rely on.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CLIENT = Path(__file__).resolve().parents[1] / "e2e" / "xforms-engine"
INSTALL = "npm ci --prefix tests/e2e/xforms-engine"

SURVEY = [
    ["type", "name", "label", "required"],
    ["integer", "wait", "How many minutes did you wait?", "yes"],
    ["select_one yn", "seen", "Did a clinician see you?", "yes"],
    ["select_multiple fee", "fees", "What were you asked to pay for?", ""],
    ["text", "comment", "Anything else?", ""],
]
CHOICES = [
    ["list_name", "name", "label"],
    ["yn", "yes", "Yes"],
    ["yn", "no", "No"],
    ["fee", "card", "Clinic card"],
    ["fee", "drugs", "Drugs"],
    ["fee", "lab", "Lab test"],
]
SETTINGS = [
    ["form_id", "version", "form_title"],
    ["exit_interview", "2026112601", "Exit interview"],
]
ANSWERS = {"wait": "95", "seen": "yes", "fees": ["card", "lab"], "comment": "Asked for “tea”"}


def node_client() -> str:
    """The ``node`` binary, once the engine is installed; skip (or fail in CI) if not."""
    node = shutil.which("node")
    missing = None
    if node is None:
        missing = "Node.js (node) is not on PATH"
    elif not (CLIENT / "node_modules" / "@getodk" / "xforms-engine").is_dir():
        missing = f"{CLIENT / 'node_modules'} is missing: run `{INSTALL}`"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the xforms-engine end-to-end test: {missing}")
        pytest.skip(missing)
    return node


def xlsform() -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in {"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS}.items():
        sheet = wb.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def node():
    return node_client()


@pytest.fixture
def key(organisation):
    project = Project.objects.create(organisation=organisation, title="Clinic watch")
    conversion = convert(xlsform(), "exit_interview.xlsx", validate=False)
    form = Form.objects.create(project=project, form_id=conversion.form_id, title=conversion.title)
    FormVersion.objects.create(
        form=form,
        version=conversion.version,
        xml=conversion.xml,
        md5=conversion.md5,
        validation=FormVersion.Validation.NOT_RUN,
    )
    member = TeamMember.objects.create(
        project=project, user=UserFactory(), role=TeamMember.Role.MONITOR
    )
    return CollectorToken.objects.create(project=project, member=member).key


def fill(node: str, live_server, key: str, *options: str) -> dict:
    completed = subprocess.run(
        [node, "fill.mjs", "--base", live_server.url, "--token", key, *options],
        cwd=CLIENT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_the_engine_fills_and_submits_once_even_when_sent_again(node, live_server, key, tmp_path):
    saved = tmp_path / "submission.xml"
    first = fill(
        node,
        live_server,
        key,
        "--form-id",
        "exit_interview",
        "--answers",
        json.dumps(ANSWERS),
        "--save",
        str(saved),
    )
    assert (first["formList"], first["download"]) == (200, 200)
    assert first["status"] == "ready", first["violations"]
    assert (first["head"], first["post"]) == (204, 201), first
    assert first["instanceID"].startswith("uuid:")

    stored = Submission.objects.get()
    assert stored.instance_id == first["instanceID"]
    assert stored.xml == saved.read_text()
    assert stored.data["wait"] == "95"
    assert stored.data["seen"] == "yes"
    assert stored.data["fees"] == "card lab"
    assert stored.data["comment"] == "Asked for “tea”"

    again = fill(node, live_server, key, "--xml", str(saved))
    assert again["instanceID"] == first["instanceID"]
    assert (again["head"], again["post"]) == (204, 201), again
    assert Submission.objects.count() == 1


def test_an_upload_cut_midway_then_retried_is_stored_once(node, live_server, key):
    result = fill(
        node,
        live_server,
        key,
        "--form-id",
        "exit_interview",
        "--answers",
        json.dumps(ANSWERS),
        "--cut",
    )
    assert 0 < result["cut"]["sent"] < result["cut"]["total"]
    assert (result["head"], result["post"]) == (204, 201), result
    assert list(Submission.objects.values_list("instance_id", flat=True)) == [result["instanceID"]]
