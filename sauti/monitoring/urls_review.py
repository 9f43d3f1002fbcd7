"""URLs of the monitoring review views (included by ``urls.py`` in the "monitoring" namespace)."""

urlpatterns: list = []
