"""Email plumbing: a development backend and the queued sender.

Every email leaves through :func:`queue_email`, which renders it in the
recipient's language now and hands the finished message to the task worker,
so a slow SMTP server never holds up a page.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import timezone, translation


class DevMailBackend(BaseEmailBackend):
    """Write each message to ``var/mail/<time>-<id>.eml`` and echo it to the console."""

    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        folder = Path(settings.EMAIL_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            raw = message.message().as_bytes(linesep="\n")
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
            (folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml").write_bytes(raw)
            if not self.fail_silently:
                sys.stdout.write(raw.decode("utf-8", "replace") + "\n" + "-" * 79 + "\n")
                sys.stdout.flush()
        return len(email_messages)


def queue_email(
    *,
    to: str,
    template: str,
    context: dict[str, Any],
    language: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Render ``<template>_subject.txt``/``_message.txt`` in ``language`` and queue the send."""
    from .tasks import send_email

    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_message.txt", context)
    subject = " ".join(subject.splitlines())
    send_email.enqueue(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        to=[to],
        headers=headers or {},
    )


def send_now(
    *, subject: str, body: str, to: list[str], headers: dict[str, str], html: str = ""
) -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=body, to=to, headers=headers, from_email=settings.DEFAULT_FROM_EMAIL
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
