"""URLs of the campaign delivery views (included by ``urls.py`` in the "campaigns" namespace)."""

urlpatterns: list = []
