"""URLs of the monitoring barriers views (included by ``urls.py`` in the "monitoring" namespace)."""

urlpatterns: list = []
