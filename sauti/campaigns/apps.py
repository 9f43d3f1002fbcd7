from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "sauti.campaigns"
    label = "campaigns"
    verbose_name = _("Joint advocacy")

    def ready(self) -> None:
        # Rules of the key-message library live apart from the campaigns' ``rules.py``.
        from . import rules_messages  # noqa: F401
