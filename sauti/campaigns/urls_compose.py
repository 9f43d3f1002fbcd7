"""URLs of the campaign compose views (included by ``urls.py`` in the "campaigns" namespace)."""

urlpatterns: list = []
