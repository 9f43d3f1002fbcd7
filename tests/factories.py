"""factory_boy factories shared by every test module."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from sauti.accounts.models import Membership, Organisation, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def verified(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Health Rights Group {n}")
    slug = factory.Sequence(lambda n: f"health-rights-group-{n}")
    kind = Organisation.Kind.NGO
    level = Organisation.Level.NATIONAL
    country_id = "KE"

    @factory.post_generation
    def description(self, create: bool, extracted: str | None, **kwargs: object) -> None:
        """``OrganisationFactory(description="…")`` writes it in the original language."""
        if create and extracted:
            self.set_current_language(self.original_language)
            self.description = extracted
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE
    decided_at = factory.LazyFunction(timezone.now)
