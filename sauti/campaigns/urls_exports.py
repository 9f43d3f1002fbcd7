"""URLs of the campaign exports views (included by ``urls.py`` in the "campaigns" namespace)."""

urlpatterns: list = []
