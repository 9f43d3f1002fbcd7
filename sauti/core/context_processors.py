"""Template context every page needs: the language switcher and the licence."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation


def site(request: HttpRequest) -> dict[str, Any]:
    current = translation.get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path()
    switcher = [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "language_switcher": switcher,
        "content_licence": settings.SAUTI_CONTENT_LICENCE,
        "content_licence_url": settings.SAUTI_CONTENT_LICENCE_URL,
    }
