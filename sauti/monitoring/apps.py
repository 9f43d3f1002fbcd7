from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """Community-led monitoring: projects, sites, XLSForms, OpenRosa submissions, dashboards."""

    name = "sauti.monitoring"
    verbose_name = _("Community-led monitoring")

    def ready(self) -> None:
        from . import aggregates  # models are ready only now

        aggregates.connect()
