"""URLs of the monitoring exports views (included by ``urls.py`` in the "monitoring" namespace)."""

urlpatterns: list = []
