"""Journeys through a sign-on campaign: from the template to the response (issue 5).

A coalition's editor, signed in with a second factor, writes a French letter to
Senegal's minister of health from the built-in template, previews it once and
saves the draft; the page shows the two chosen priorities in French. She opens it
for signatures. Three people sign in their own browsers: two confirm from the link
in their email (the link shows a button; pressing it confirms), one does not; one
of them signs again with the same address in other letter case and is answered
exactly as the first time. The public page counts two signatories and names them
as each chose. She closes the signatures, downloads the DOCX (its signatory table
has the two rows) and the PDF (the French letter's text; page 1 drawn with
``pdftoppm`` has ink on it), records that the letter went by hand, then the
minister's response: the public page shows it and both confirmed signers, and only
they, get it by email. In Arabic, the campaign page is right to left and its sign
form works without JavaScript.

What a person sees is checked through the page (text, roles, labels); the database
serves only to set the scene (people, coalition, second factor, the Arabic campaign)
and to read the expected texts (the key messages' French wording).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import docx as python_docx
import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from PIL import Image
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from sauti.accounts.models import Membership, Organisation
from sauti.campaigns.models import Campaign, KeyMessage, Letter
from sauti.core.i18n import country_name
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from .helpers import Site, enter_totp, expect_language, sign_in_here

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

EDITOR = "aissatou.ba@example.org"
SECRET = "JBSWY3DPEHPK3PXP"  # the editor's authenticator
COALITION = "Réseau sénégalais pour la participation en santé"
TITLE = "Sénégal : institutionnaliser la participation sociale en santé"
CONTACT = "Aïssatou Ba, coordination@rsps.example.sn, +221 33 800 00 00"
NEXT_MOMENT = "le vote de la loi de finances 2027, en novembre"
MINISTER = {
    "Name": "Ibrahima Sy",
    "Form of address": "Monsieur le Ministre",
    "Institution": "Ministère de la Santé et de l’Action sociale",
    "Email address": "cabinet@sante.example.sn",
}
# Two built-in key messages (migration data), ticked as the letter's priorities.
PRIORITIES = ("ask-governments-budget-line", "ask-governments-legal-basis")
# The two who confirm (one for an organisation, hiding her name; one in his own name)
# and the one who never does.
ORGANISATION_SIGNER = {
    "kind": "On behalf of an organisation",
    "organisation": "Association des usagers de la santé de Thiès",
    "name": "Mariama Faye",
    "email": "mariama.faye@example.org",
    "show_name": False,
}
PERSON_SIGNER = {
    "kind": "As an individual",
    "name": "Moussa Ndiaye",
    "role": "Infirmier",
    "email": "moussa.ndiaye@example.org",
    "show_name": True,
}
SILENT_SIGNER = {
    "kind": "As an individual",
    "name": "Fatou Sarr",
    "email": "fatou.sarr@example.org",
    "show_name": True,
}
RESPONSE = (
    "Le ministère prend acte de la lettre. Un décret sur les cadres de concertation en "
    "santé sera présenté au Conseil des ministres avant la fin de l’année."
)


@pytest.fixture
def english() -> Iterator[None]:
    """``reverse`` and the catalogue in the journey's UI language."""
    with translation.override("en"):
        yield


def post_button(page: Page, field: str) -> Locator:
    """The submit button of the form holding ``field`` (the header has none)."""
    return page.locator("form", has=page.locator(field)).locator("button[type=submit]")


def success(page: Page) -> Locator:
    return page.locator("main ul.messages li.msg-success")


def status(page: Page) -> Locator:
    """The campaign page's "Status" (the first entry of its facts)."""
    return page.locator("main dl > dd").first


def one_line(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def coalition_editor() -> None:
    """A coalition (a network, no country of its own) and its editor, with an authenticator."""
    coalition = OrganisationFactory(name=COALITION, kind=Organisation.Kind.NETWORK, country_id=None)
    editor = UserFactory(email=EDITOR, display_name="Aïssatou Ba")
    MembershipFactory(user=editor, organisation=coalition, role=Membership.Role.EDITOR)
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": SECRET})


def priorities() -> list[tuple[str, str]]:
    """(English label of the checkbox, French text in the letter) of each chosen priority."""
    found = []
    for code in PRIORITIES:
        message = KeyMessage.objects.get(code=code)
        english = message.safe_translation_getter("text", language_code="en")
        french = message.safe_translation_getter("text", language_code="fr")
        assert english and french and english != french, code
        found.append((one_line(english), one_line(french)))
    return found


def sign(page: Page, signer: dict, email_address: str | None = None) -> None:
    """Fill in the campaign page's sign form as ``signer`` and send it."""
    form = page.locator("main form", has=page.get_by_role("button", name="Sign", exact=True))
    form.get_by_role("radio", name=signer["kind"]).check()
    if "organisation" in signer:
        form.get_by_label("Organisation:", exact=True).fill(signer["organisation"])
    form.get_by_label("Your name").fill(signer["name"])
    form.get_by_label("Your role").fill(signer.get("role", ""))
    form.get_by_label("Email address").fill(email_address or signer["email"])
    show = form.get_by_role("checkbox", name="Show my name on the public list")
    show.set_checked(signer["show_name"])
    form.get_by_role("button", name="Sign", exact=True).click()


def sent(site: Site, detail_path: str) -> re.Pattern[str]:
    """The "check your email" page (the form's ``#sign`` anchor follows the redirect)."""
    return re.compile(re.escape(site(f"{detail_path}sign/sent/")) + r"(#sign)?$")


def sign_from_a_fresh_browser(
    new_page: Callable[..., Page], site: Site, detail_path: str, signer: dict
) -> tuple[Page, str]:
    """Sign anonymously; return the page and the "check your email" answer's text."""
    page = new_page()
    page.goto(site(detail_path))
    sign(page, signer)
    expect(page).to_have_url(sent(site, detail_path))
    expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Check your email"))
    return page, page.locator("main").inner_text()


def confirm_by_email(page: Page, site: Site, email_address: str) -> None:
    """Open the link of the confirmation email: a button, which confirms when pressed."""
    link = site.mail.link(site.mail.latest(to=email_address), "/campaigns/confirm/")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Confirm your signature"))
    expect(page.locator("main")).to_contain_text(TITLE)
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Thank you for signing"))
    expect(page.locator("main")).to_contain_text(gettext("Your signature is confirmed and counts."))


def drawn_page_one(pdf: Path, out: Path) -> Path | None:
    """Page 1 of ``pdf`` as a PNG at 60 dpi, or ``None`` where poppler-utils is missing."""
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):  # .ci/run installs poppler-utils: missing there is a failure
            pytest.fail("pdftoppm is missing: apt-get install poppler-utils")
        return None
    stem = out / "letter-page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(stem)],
        check=True,
        timeout=60,
    )
    pngs = sorted(out.glob("letter-page*.png"))
    assert len(pngs) == 1, pngs
    return pngs[0]


# --- 1. From the template to the response --------------------------------------------


@pytest.mark.usefixtures("english")
def test_a_coalition_letter_from_draft_to_response(
    new_page: Callable[..., Page], site: Site, tmp_path: Path
) -> None:
    """Write, preview, open, sign and confirm, close, download, send by hand, respond."""
    coalition_editor()
    chosen = priorities()
    list_path = reverse("campaigns:list")
    deadline = timezone.localtime() + timedelta(days=14)
    senegal = country_name("SN", "fr")

    # 1. The editor signs in with her second factor and writes the campaign.
    editor = new_page(accept_downloads=True)
    dialogs: list[str] = []
    editor.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    home_path = reverse("core:home")
    editor.goto(site(reverse("account_login") + f"?next={home_path}"))
    sign_in_here(editor, EDITOR)
    expect(editor).to_have_url(re.compile(r"/2fa/authenticate/"))
    enter_totp(editor, SECRET)
    expect(editor).to_have_url(site(home_path))
    editor.get_by_role("navigation", name="Main").get_by_role("link", name="Campaigns").click()
    expect(editor).to_have_url(site(list_path))
    expect(editor.get_by_role("heading", level=1)).to_have_text("Campaigns")
    editor.get_by_role("link", name="Write a campaign").click()
    expect(editor).to_have_url(site(reverse("campaigns:new")))
    expect(editor.get_by_role("heading", level=1)).to_have_text("Write a campaign")
    main = editor.locator("main")
    expect(main).to_contain_text(f"Coalition: {COALITION}")

    editor.get_by_label("Title of the campaign").fill(TITLE)
    editor.get_by_label("Country:", exact=True).select_option(label="Senegal")
    languages = editor.get_by_role("group", name="Languages of the letter")
    languages.get_by_role("checkbox", name="English").uncheck()
    languages.get_by_role("checkbox", name="Français").check()
    editor.get_by_label("Contact person and details").fill(CONTACT)
    editor.get_by_label("Next policy moment").fill(NEXT_MOMENT)
    for english, _french in chosen:
        editor.get_by_role("checkbox", name=english, exact=True).check()
    editor.get_by_role("radio", name="Organisations and individuals").check()
    editor.get_by_label("Deadline for signatures").fill(deadline.strftime("%Y-%m-%dT18:00"))
    addressee = editor.get_by_role("group", name="Addressee 1")
    for label, value in MINISTER.items():
        addressee.get_by_label(label).fill(value)

    # Preview once: the French letter with both messages in French, nothing saved yet.
    editor.get_by_role("button", name="Preview").click()
    expect(editor).to_have_url(site(reverse("campaigns:new")))
    preview = editor.locator("#preview")
    expect(preview.get_by_role("heading", level=2)).to_have_text("Preview")
    expect(preview.get_by_role("status")).to_contain_text("Nothing is saved yet.")
    letter = preview.locator('article.letter[lang="fr"]')
    expect(letter).to_have_count(1)
    expect(preview.locator("article.letter")).to_have_count(1)  # French only
    for _english, french in chosen:
        expect(letter).to_contain_text(french)
    expect(letter).to_contain_text(senegal)
    expect(letter).to_contain_text(NEXT_MOMENT)
    # The form comes back as it was filled.
    expect(editor.get_by_label("Title of the campaign")).to_have_value(TITLE)
    expect(languages.get_by_role("checkbox", name="Français")).to_be_checked()
    for english, _french in chosen:
        expect(editor.get_by_role("checkbox", name=english, exact=True)).to_be_checked()

    editor.get_by_role("button", name="Save as a draft").click()
    expect(editor).to_have_url(re.compile(re.escape(site(list_path)) + r"\d+/$"))
    detail_path = editor.url.removeprefix(site.url)
    expect(success(editor)).to_have_text(
        gettext(
            "The campaign is saved as a draft: only your coalition sees it. "
            "Check the letter, then open it for signatures."
        )
    )
    expect(editor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(main).to_contain_text(
        gettext("Draft: only the coalition's members and the moderators see this campaign.")
    )
    letter = main.locator('article.letter[lang="fr"]')
    for _english, french in chosen:
        expect(letter.get_by_role("listitem").filter(has_text=french)).to_have_count(1)
    expect(letter).to_contain_text(MINISTER["Form of address"])
    expect(letter).to_contain_text(CONTACT)
    expect(main.locator("ul.addressees")).to_contain_text(MINISTER["Institution"])

    # Nobody else learns that the draft exists.
    visitor = new_page()
    response = visitor.goto(site(detail_path))
    assert response is not None and response.status == 404

    # 2. Open for signatures.
    editor.get_by_role("button", name="Open for signatures").click()
    expect(editor).to_have_url(site(detail_path))
    expect(status(editor)).to_have_text(str(Campaign.State.OPEN.label))
    expect(editor.get_by_role("heading", name="Sign this letter")).to_be_visible()

    # 3. Three people sign, each in their own browser; two confirm from their email.
    organisation_signer, first_answer = sign_from_a_fresh_browser(
        new_page, site, detail_path, ORGANISATION_SIGNER
    )
    person_signer, person_answer = sign_from_a_fresh_browser(
        new_page, site, detail_path, PERSON_SIGNER
    )
    assert person_answer == first_answer  # the same for everyone
    sign_from_a_fresh_browser(new_page, site, detail_path, SILENT_SIGNER)
    confirm_by_email(organisation_signer, site, ORGANISATION_SIGNER["email"])
    confirm_by_email(person_signer, site, PERSON_SIGNER["email"])

    # Signing again with the same address in other letter case: the same answer.
    person_signer.goto(site(detail_path))
    sign(person_signer, PERSON_SIGNER, email_address=PERSON_SIGNER["email"].upper())
    expect(person_signer).to_have_url(sent(site, detail_path))
    expect(person_signer.get_by_role("heading", level=1)).to_have_text(gettext("Check your email"))
    assert person_signer.locator("main").inner_text() == person_answer
    # Only the address's owner learns, by email, that nothing changed.
    again = site.mail.latest(to=PERSON_SIGNER["email"])
    assert "/campaigns/confirm/" not in site.mail.text(again)
    assert one_line(site.mail.text(again)).startswith(
        gettext(
            "Someone asked to sign the letter “%(title)s” with this address. This address has "
            "already been used to sign it, so nothing changed."
        )
        % {"title": TITLE}
    ), site.mail.text(again)

    # 4. The public page: two signatories, named as each chose.
    visitor.goto(site(detail_path))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    count = visitor.locator("#signatories + p[role=status]")
    expect(count).to_have_text(
        ngettext("%(counter)s signatory", "%(counter)s signatories", 2) % {"counter": 2}
    )
    listed = visitor.locator("main ul.signatories > li")
    expect(listed).to_have_count(2)
    expect(listed.filter(has_text=ORGANISATION_SIGNER["organisation"])).to_have_text(
        ORGANISATION_SIGNER["organisation"]
    )
    expect(listed.filter(has_text=PERSON_SIGNER["name"])).to_have_text(
        f"{PERSON_SIGNER['name']}, {PERSON_SIGNER['role']}"
    )
    public = visitor.locator("main")
    for hidden in (
        ORGANISATION_SIGNER["name"],
        SILENT_SIGNER["name"],
        ORGANISATION_SIGNER["email"],
        PERSON_SIGNER["email"],
        MINISTER["Email address"],
    ):
        expect(public).not_to_contain_text(hidden)

    # 5. The organiser closes the signatures and downloads the letter.
    editor.reload()
    editor.get_by_role("button", name="Close signatures").click()
    expect(editor).to_have_url(site(detail_path))
    expect(status(editor)).to_have_text(str(Campaign.State.CLOSED.label))
    expect(editor.get_by_role("heading", name="Sign this letter")).to_have_count(0)
    downloads = main.locator("ul.downloads > li")
    expect(downloads).to_have_count(1)  # one letter, in French

    with editor.expect_download() as download:
        downloads.get_by_role("link", name="Word (DOCX)").click()
    name = download.value.suggested_filename
    assert name.endswith("-letter-fr.docx"), name
    docx_file = tmp_path / name
    download.value.save_as(docx_file)
    document = python_docx.Document(str(docx_file))
    with translation.override("fr"):
        headers = [
            gettext("Organisation or person"),
            gettext("Country"),
            gettext("Signed as"),
            gettext("Name"),
            gettext("Role"),
        ]
        kinds = {
            "organisation": gettext("On behalf of an organisation"),
            "individual": gettext("As an individual"),
        }
    tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == headers]
    assert len(tables) == 1, [[c.text for c in t.rows[0].cells] for t in document.tables]
    rows = sorted([cell.text for cell in row.cells] for row in tables[0].rows[1:])
    assert rows == sorted(
        [
            [ORGANISATION_SIGNER["organisation"], senegal, kinds["organisation"], "", ""],
            [PERSON_SIGNER["name"], senegal, kinds["individual"], "", PERSON_SIGNER["role"]],
        ]
    ), rows
    written = "\n".join(paragraph.text for paragraph in document.paragraphs)
    for _english, french in chosen:
        assert french in one_line(written)
    assert SILENT_SIGNER["name"] not in written and ORGANISATION_SIGNER["name"] not in written

    with editor.expect_download() as download:
        downloads.get_by_role("link", name="PDF").click()
    name = download.value.suggested_filename
    assert name.endswith("-letter-fr.pdf"), name
    pdf_file = tmp_path / name
    download.value.save_as(pdf_file)
    data = pdf_file.read_bytes()
    assert data.startswith(b"%PDF")
    printed = one_line(pdf_text(data))
    assert "Mise en œuvre de la résolution WHA77" in printed, printed[:400]
    for _english, french in chosen:
        assert french in printed, printed[:400]
    assert ORGANISATION_SIGNER["organisation"] in printed
    assert ORGANISATION_SIGNER["name"] not in printed
    png = drawn_page_one(pdf_file, tmp_path)
    if png is not None:
        with Image.open(png) as image:
            width, height = image.size
            assert abs(height / width - 297 / 210) < 0.01, image.size  # A4
            ink = sum(image.convert("L").histogram()[:160])  # darker than light grey
        assert ink > 2_000, ink

    # 6. The letter went by hand; then the minister answered.
    editor.get_by_role("link", name="Record that it was sent by hand").click()
    expect(editor.get_by_role("heading", level=1)).to_have_text(
        "Record that the letter was sent by hand"
    )
    today = timezone.localdate()
    editor.get_by_label("Date it was delivered").fill(today.isoformat())
    editor.get_by_label("Note").fill("Remise en main propre au cabinet du ministre.")
    editor.get_by_role("button", name="Record").click()
    expect(success(editor)).to_have_text(gettext("Recorded: the letter was sent by hand."))
    editor.goto(site(detail_path))
    expect(status(editor)).to_have_text(str(Campaign.State.SENT.label))
    editor.get_by_role("link", name="Record the response").click()
    expect(editor.get_by_role("heading", level=1)).to_have_text("Record the response")
    editor.get_by_label("Date of the response").fill(today.isoformat())
    editor.get_by_label("Response:", exact=True).fill(RESPONSE)
    editor.get_by_role("button", name="Save the response").click()
    expect(editor).to_have_url(site(detail_path))
    expect(success(editor)).to_have_text(
        gettext("The response is recorded. Signatories and followers are being told.")
    )

    visitor.reload()
    expect(visitor.get_by_role("heading", name="Response", exact=True)).to_be_visible()
    expect(visitor.locator("#response ~ div.prose")).to_contain_text(RESPONSE)
    expect(status(visitor)).to_have_text(str(Campaign.State.RESPONDED.label))

    # 7. Both confirmed signers, and only they, are told of the response by email.
    for signer in (ORGANISATION_SIGNER, PERSON_SIGNER):
        message = site.mail.latest(to=signer["email"])
        assert TITLE in str(message["Subject"]), message["Subject"]
        body = one_line(site.mail.text(message))
        assert one_line(RESPONSE) in body, body
        assert site(detail_path) in body, body
    silent = site.mail.latest(to=SILENT_SIGNER["email"])
    assert "/campaigns/confirm/" in site.mail.text(silent)  # still only the confirmation
    assert not dialogs, dialogs


# --- 2. In Arabic, without JavaScript ---------------------------------------------------

ARABIC_TITLE = "السنغال: مأسسة المشاركة الاجتماعية في الصحة"


def open_arabic_campaign() -> Campaign:
    coalition = OrganisationFactory(name=COALITION, kind=Organisation.Kind.NETWORK, country_id=None)
    campaign = Campaign.objects.create(
        coalition=coalition,
        title=ARABIC_TITLE,
        country_id="SN",
        state=Campaign.State.OPEN,
        signers=Campaign.Signers.BOTH,
        opened_at=timezone.now(),
        deadline=timezone.now() + timedelta(days=14),
    )
    Letter.objects.create(
        campaign=campaign,
        language="ar",
        subject="تنفيذ القرار WHA77 بشأن المشاركة الاجتماعية في الصحة",
        body="معالي الوزير،\n\nنطلب منكم *إطارا قانونيا* للمشاركة الاجتماعية.",
    )
    return campaign


def test_the_arabic_page_signs_without_javascript(
    new_page: Callable[..., Page], site: Site
) -> None:
    """Right to left, and the sign form is a plain form: sign → "check your email"."""
    campaign = open_arabic_campaign()
    with translation.override("ar"):
        detail_path = reverse("campaigns:detail", args=[campaign.pk])
        sent_path = reverse("campaigns:sign_sent", args=[campaign.pk])
        check_your_email = gettext("Check your email")
    assert detail_path == f"/ar/campaigns/{campaign.pk}/"

    reader = new_page(java_script_enabled=False)
    reader.goto(site(detail_path))
    expect_language(reader, "ar")
    expect(reader.get_by_role("heading", level=1)).to_have_text(ARABIC_TITLE)
    expect(reader.locator('main article.letter[lang="ar"]')).to_contain_text("إطارا قانونيا")
    form = reader.locator("form", has=reader.locator("#id_email"))
    form.locator('input[name=kind][value="individual"]').check()
    form.locator("#id_name").fill("عائشة جالو")
    form.locator("#id_email").fill("aicha.diallo@example.org")
    form.locator("#id_show_name").check()
    form.locator("button[type=submit]").click()

    expect(reader).to_have_url(re.compile(re.escape(site(sent_path)) + r"(#sign)?$"))
    expect_language(reader, "ar")
    expect(reader.get_by_role("heading", level=1)).to_have_text(check_your_email)
    expect(reader.locator(f'main a[href="{detail_path}"]')).to_have_text(ARABIC_TITLE)
    link = site.mail.link(site.mail.latest(to="aicha.diallo@example.org"), "/campaigns/confirm/")
    assert link.startswith(site("/ar/")), link
