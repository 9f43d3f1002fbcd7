"""URLs of the monitoring dashboards views (included by ``urls.py`` in the "monitoring" namespace)."""

urlpatterns: list = []
