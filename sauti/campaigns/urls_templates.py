"""URLs of the letter-template editor (included by ``urls.py`` in the "campaigns" namespace)."""

urlpatterns: list = []
