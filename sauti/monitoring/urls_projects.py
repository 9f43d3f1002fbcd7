"""URLs of the monitoring projects views (included by ``urls.py`` in the "monitoring" namespace)."""

urlpatterns: list = []
