"""URLs of the monitoring forms views (included by ``urls.py`` in the "monitoring" namespace)."""

urlpatterns: list = []
