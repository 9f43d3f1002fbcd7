"""Joint advocacy: key messages, letter templates, sign-on campaigns and their signatures.

A coalition writes a campaign from a template: the final letter in one or more
languages, its addressees, a deadline and who may sign. Organisations sign
through a contact person who confirms by email (and, where the organisation is
registered on Sauti, an administrator of it approves); individuals sign where
the campaign allows. A signature counts once its email is confirmed; the public
list shows what each signer agreed to show. Letters are plain text with a tiny
markup (``sauti.campaigns.markup``): paragraphs, ``*emphasis*``, ``- `` lists.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from sauti.accounts.models import Organisation
from sauti.core.models import Country, Hideable, HideableQuerySet


class Audience(models.TextChoices):
    MINISTRY_OF_HEALTH = "ministry_of_health", _("Ministry of health")
    MINISTRY_OF_FINANCE = "ministry_of_finance", _("Ministry of finance")
    PARLIAMENTARIANS = "parliamentarians", _("Parliamentarians")
    DONORS = "donors", _("Donors")
    MEDIA = "media", _("Media")
    COMMUNITIES = "communities", _("Communities")


class MessageTopic(models.TextChoices):
    WHAT_IT_IS = "what_it_is", _("What social participation is")
    WHY_PRIORITISE = "why_prioritise", _("Why governments should prioritise it")
    MEANINGFUL = "meaningful_participation", _("What meaningful participation takes")
    WHA77 = "wha77_commitments", _("The WHA77 commitments")
    ASKS_GOVERNMENTS = "asks_governments", _("Asks to governments")
    ASKS_DONORS = "asks_donors", _("Asks to donors")
    ASKS_WHO = "asks_who", _("Asks to WHO")


class KeyMessage(Hideable, TranslatableModel):
    """A short, sourced talking point; built in, or a coalition's own (national) message."""

    code = models.SlugField(_("code"), max_length=80, unique=True, null=True, blank=True)
    translations = TranslatedFields(
        text=models.TextField(_("message"), max_length=1000),
    )
    original_language = models.CharField(
        _("language of the message"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    topic = models.CharField(_("topic"), max_length=30, choices=MessageTopic.choices)
    # A list of ``Audience`` values; filtered in Python or with a LIKE on both databases.
    audiences = models.JSONField(_("audiences"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="key_messages",
        verbose_name=_("country (national messages)"),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="key_messages",
        verbose_name=_("written by"),
    )
    adapted_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        verbose_name=_("adapted from"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = HideableQuerySet.as_manager()

    class Meta:
        ordering = ["topic", "id"]
        verbose_name = _("key message")
        verbose_name_plural = _("key messages")

    def __str__(self) -> str:
        text = str(self.safe_translation_getter("text", any_language=True) or "")
        return text[:80]

    @property
    def is_builtin(self) -> bool:
        return self.organisation_id is None


class LetterTemplate(Hideable, TranslatableModel):
    """A letter with placeholders (``{{ country }}``) and optional paragraphs."""

    code = models.SlugField(_("code"), max_length=80, unique=True, null=True, blank=True)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        subject=models.CharField(_("subject"), max_length=300, blank=True),
        body=models.TextField(_("letter"), max_length=20000),
    )
    original_language = models.CharField(
        _("language of the template"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="letter_templates",
        verbose_name=_("written by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = HideableQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")

    def __str__(self) -> str:
        return str(self.safe_translation_getter("title", any_language=True) or self.code or "")


class OptionalParagraph(TranslatableModel):
    """A paragraph an editor switches on or off (``{{ paragraph:budget }}`` marks its place)."""

    template = models.ForeignKey(
        LetterTemplate, on_delete=models.CASCADE, related_name="optional_paragraphs"
    )
    code = models.SlugField(_("code"), max_length=40)
    translations = TranslatedFields(
        label=models.CharField(_("label"), max_length=200),
        text=models.TextField(_("paragraph"), max_length=5000),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["template", "code"], name="one_paragraph_per_code")
        ]

    def __str__(self) -> str:
        return self.code


class CampaignQuerySet(HideableQuerySet):
    def public(self) -> CampaignQuerySet:
        """Not drafts, not hidden, and not of a coalition a moderator hid."""
        return (
            self.visible()
            .exclude(state=Campaign.State.DRAFT)
            .filter(coalition__hidden_at__isnull=True)
        )


class Campaign(Hideable, models.Model):
    """A joint letter a coalition gathers signatures for, sends, and follows up."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for signatures")
        CLOSED = "closed", _("Closed")
        SENT = "sent", _("Sent")
        RESPONDED = "responded", _("Response received")

    class Signers(models.TextChoices):
        ORGANISATIONS = "organisations", _("Organisations")
        INDIVIDUALS = "individuals", _("Individuals")
        BOTH = "both", _("Organisations and individuals")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("coalition"),
    )
    template = models.ForeignKey(
        LetterTemplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
        verbose_name=_("written from"),
    )
    title = models.CharField(_("title"), max_length=200)
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("country"),
    )
    key_messages = models.ManyToManyField(
        KeyMessage, blank=True, related_name="campaigns", verbose_name=_("priorities")
    )
    signers = models.CharField(
        _("who may sign"), max_length=15, choices=Signers.choices, default=Signers.ORGANISATIONS
    )
    deadline = models.DateTimeField(_("deadline for signatures"), null=True, blank=True)
    # What the letters were written from, kept so that an organiser can go back to
    # the template's form: placeholder values ({"contact": "…"}) and the codes of
    # the optional paragraphs switched on.
    values = models.JSONField(default=dict, blank=True)
    optional_paragraphs = models.JSONField(default=list, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_by_hand = models.BooleanField(_("sent by hand"), default=False)
    response_date = models.DateField(_("date of the response"), null=True, blank=True)
    response_text = models.TextField(_("response"), max_length=20000, blank=True)
    response_document = models.FileField(
        _("response document"), upload_to="campaigns/responses/", blank=True
    )
    # Set when signatories and followers were told of the response (never twice).
    response_notified_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN and (
            self.deadline is None or self.deadline > timezone.now()
        )


class Letter(models.Model):
    """The final letter of a campaign in one language (the text signers sign)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="letters")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("letter"), max_length=20000)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "language"], name="one_letter_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.campaign} ({self.language})"


class Addressee(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="addressees")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    institution = models.CharField(_("institution"), max_length=300, blank=True)
    email = models.EmailField(_("email address"), blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class SignatureQuerySet(models.QuerySet):
    def counted(self) -> SignatureQuerySet:
        """Signatures that count: confirmed, not removed, not held, approved where needed."""
        return self.filter(
            models.Q(organisation__isnull=True) | models.Q(organisation_approved_at__isnull=False),
            confirmed_at__isnull=False,
            removed_at__isnull=True,
            held_for_review=False,
        )


class Signature(models.Model):
    """One signer: an organisation through its contact person, or an individual.

    Counts once ``confirmed_at`` is set (double opt-in, link valid 7 days) and,
    for an organisation registered on Sauti, once one of its administrators
    approved (``organisation_approved_at``). ``show_name`` false keeps the
    person's name off the public list (the organisation's name still shows; an
    individual then counts without a name). The email is kept to confirm, to
    tell signers of the response, and to refuse a second signature; it never
    appears on public pages or the public API.
    """

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("On behalf of an organisation")
        INDIVIDUAL = "individual", _("As an individual")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="signatures")
    kind = models.CharField(_("signing"), max_length=15, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signatures",
        verbose_name=_("organisation registered on Sauti"),
    )
    organisation_kind = models.CharField(_("kind of organisation"), max_length=30, blank=True)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    show_name = models.BooleanField(_("show my name on the public list"), default=False)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    organisation_approved_at = models.DateTimeField(null=True, blank=True)
    held_for_review = models.BooleanField(default=False)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_reason = models.TextField(blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                "campaign", Lower("email"), name="one_signature_per_email_per_campaign"
            )
        ]
        indexes = [
            models.Index(fields=["campaign", "confirmed_at", "id"], name="signature_public_list")
        ]

    def __str__(self) -> str:
        return self.organisation_name or self.name


class Follower(models.Model):
    """Someone who asked by email to hear when the campaign is sent and answered.

    Double opt-in like signatures (a signed-in user's own address counts at once);
    the address is used for nothing else and never shown.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="followers")
    email = models.EmailField(_("email address"))
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                "campaign", Lower("email"), name="one_follower_per_email_per_campaign"
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign} ← {self.email}"


class Delivery(models.Model):
    """One sending of the letter to one addressee (by the worker), or a send by hand."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deliveries")
    addressee = models.ForeignKey(Addressee, null=True, on_delete=models.SET_NULL)
    recipient = models.EmailField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    by_hand = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.campaign} → {self.recipient or _('by hand')}"
