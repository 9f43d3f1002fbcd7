from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "sauti.commitments"
    label = "commitments"
    verbose_name = _("Commitments and scorecards")

    def ready(self) -> None:
        import reversion

        from . import rules  # noqa: F401 (declares the permissions)
        from .models import Commitment, CountryAssessment, Cycle, Evidence, Framework

        # A version of an assessment holds its evidence too (who added what, when).
        if not reversion.is_registered(CountryAssessment):
            reversion.register(Evidence)
            reversion.register(CountryAssessment, follow=["evidence"])
        # The framework is data that administrators extend and correct in the admin:
        # each save there is a version, in every language (admin.py uses VersionAdmin).
        for model, follow in (
            (Commitment, ["translations"]),
            (Framework, ["translations", "commitments"]),
            (Cycle, ["translations"]),
        ):
            if not reversion.is_registered(model):
                reversion.register(model._parler_meta.root_model)
                reversion.register(model, follow=follow)
