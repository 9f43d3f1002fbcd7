from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "sauti.commitments"
    label = "commitments"
    verbose_name = _("Commitments and scorecards")

    def ready(self) -> None:
        import reversion

        from . import rules  # noqa: F401 (declares the permissions)
        from .models import CountryAssessment, Evidence

        # A version of an assessment holds its evidence too (who added what, when).
        if not reversion.is_registered(CountryAssessment):
            reversion.register(Evidence)
            reversion.register(CountryAssessment, follow=["evidence"])
