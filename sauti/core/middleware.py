"""Remember the language a reader chose, so that ``/`` sends them back to it."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import get_language_from_path

NUL = "\x00"
REPLACEMENT = "\ufffd"


class RememberLanguageMiddleware:
    """Set the language cookie when a page is read under a language prefix.

    The switcher is plain links (no form, no JavaScript); without this cookie
    the bare address would fall back to the browser's Accept-Language and undo
    the reader's choice. The cookie is functional and holds only a language code.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        cookie = settings.LANGUAGE_COOKIE_NAME
        if language and request.COOKIES.get(cookie) != language and response.status_code == 200:
            response.set_cookie(
                cookie,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=True,
            )
        return response


class NulBytesMiddleware:
    """Keep NUL bytes in addresses and query strings away from the database.

    PostgreSQL refuses text containing NUL (SQLite accepts it), so a crafted
    ``%00`` would turn a harmless lookup into a 500 on one backend only. The
    byte is replaced by U+FFFD, as a decoder does with a byte it cannot use:
    the lookup then runs and finds nothing, the same answer on both backends.
    Form fields already reject NUL through Django's own validator.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.path_info:
            request.path_info = request.path_info.replace(NUL, REPLACEMENT)
            request.path = request.path.replace(NUL, REPLACEMENT)
        if any(NUL in key or any(NUL in v for v in values) for key, values in request.GET.lists()):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(
                    key.replace(NUL, REPLACEMENT), [v.replace(NUL, REPLACEMENT) for v in values]
                )
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
