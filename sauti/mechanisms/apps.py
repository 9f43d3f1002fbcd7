from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MechanismsConfig(AppConfig):
    name = "sauti.mechanisms"
    label = "mechanisms"
    verbose_name = _("Participation mechanisms")

    def ready(self) -> None:
        import reversion

        from .models import Mechanism, Source

        # Versions keep the translated name/description and the sources with the record.
        translation_model = Mechanism._parler_meta.root_model
        if not reversion.is_registered(translation_model):
            reversion.register(translation_model)
            reversion.register(Source)
            reversion.register(Mechanism, follow=["translations", "sources"])
