from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "sauti.opportunities"
    label = "opportunities"
    verbose_name = _("Advocacy calendar")

    def ready(self) -> None:
        import reversion

        from .models import Opportunity

        # Versions keep the translated texts with the record.
        translation_model = Opportunity._parler_meta.root_model
        if not reversion.is_registered(translation_model):
            reversion.register(translation_model)
            reversion.register(Opportunity, follow=["translations"])
