"""Users, organisations and coalitions, memberships and email subscriptions."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from sauti.core.models import (
    MODERATORS_GROUP,
    Country,
    Hideable,
    HideableQuerySet,
    Region,
    Topic,
)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person with an account. Signs in with email; shows only a chosen public name."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("public name"),
        max_length=80,
        help_text=_("Shown to others. It does not have to be your legal name."),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or _("member %(id)s") % {"id": self.pk}

    @property
    def is_moderator(self) -> bool:
        return self.is_superuser or self.groups.filter(name=MODERATORS_GROUP).exists()


class Constituency(models.Model):
    """A group of people an organisation serves or a mechanism represents."""

    class Code(models.TextChoices):
        WOMEN = "women", _("Women")
        YOUTH = "youth", _("Adolescents and youth")
        HIV = "hiv", _("People living with HIV")
        KEY_POPULATIONS = "key_populations", _("Key populations")
        DISABILITY = "disability", _("Persons with disabilities")
        INDIGENOUS = "indigenous", _("Indigenous peoples")
        RURAL = "rural", _("Rural communities")
        MIGRANTS = "migrants", _("Migrants and refugees")
        OLDER = "older", _("Older people")
        HEALTH_WORKERS = "health_workers", _("Health workers")

    code = models.CharField(max_length=20, primary_key=True, choices=Code.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("constituency")
        verbose_name_plural = _("constituencies")

    def __str__(self) -> str:
        return str(self.Code(self.code).label)


class OrganisationQuerySet(HideableQuerySet):
    pass


class Organisation(Hideable, TranslatableModel):
    """A civil-society organisation, community group or coalition.

    A network/coalition is an organisation whose members are organisations
    (see :class:`NetworkMembership`); networks nest.
    """

    class Kind(models.TextChoices):
        COMMUNITY = "community", _("Community group")
        NGO = "ngo", _("Non-governmental organisation")
        NETWORK = "network", _("Network or coalition")
        PROFESSIONAL = "professional", _("Professional association")
        ACADEMIC = "academic", _("Academic or research institution")
        GOVERNMENT = "government", _("Government body")
        AGENCY = "agency", _("UN or donor agency")

    class Level(models.TextChoices):
        LOCAL = "local", _("Local")
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        GLOBAL = "global", _("Global")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=80, unique=True, allow_unicode=False)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("country of the head office"),
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="organisations", verbose_name=_("WHO regions of work")
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="organisations_working",
        verbose_name=_("countries of work"),
    )
    constituencies = models.ManyToManyField(
        Constituency,
        blank=True,
        related_name="organisations",
        verbose_name=_("constituencies served"),
    )
    website = models.URLField(_("website"), blank=True, max_length=300)
    public_email = models.EmailField(_("public contact email"), blank=True)
    original_language = models.CharField(
        _("language of the description"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    translations = TranslatedFields(
        description=models.TextField(_("description"), max_length=5000, blank=True),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations_created",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = [Lower("name")]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(Lower("name"), name="organisation_lower_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("accounts:organisation", args=[self.slug])

    @property
    def is_network(self) -> bool:
        return self.kind == self.Kind.NETWORK


class Membership(models.Model):
    """A person's place in an organisation, from request to acceptance."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        EDITOR = "editor", _("Editor")
        ADMIN = "admin", _("Administrator")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACTIVE = "active", _("Active")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    message = models.TextField(_("message to the administrators"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.role}, {self.status})"


class NetworkMembership(models.Model):
    """An organisation's membership of a network or coalition."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACTIVE = "active", _("Active")
        DECLINED = "declined", _("Declined")

    network = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="member_links")
    member = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="network_links")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.UniqueConstraint(fields=["network", "member"], name="one_link_per_network"),
            models.CheckConstraint(
                condition=~models.Q(network=models.F("member")), name="network_not_own_member"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} ∈ {self.network} ({self.status})"


class Subscription(models.Model):
    """An email address that follows countries, regions and topics (double opt-in)."""

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language of the emails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    countries = models.ManyToManyField(Country, blank=True, verbose_name=_("countries"))
    regions = models.ManyToManyField(Region, blank=True, verbose_name=_("WHO regions"))
    topics = models.ManyToManyField(Topic, blank=True, verbose_name=_("topics"))
    calendar_digest = models.BooleanField(_("weekly digest of the advocacy calendar"), default=True)
    # The Monday of the week whose digest was sent: a run that stops halfway and is
    # started again sends nobody the same week twice.
    calendar_digest_sent_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("email subscription")
        verbose_name_plural = _("email subscriptions")

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
