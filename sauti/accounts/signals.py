"""Privacy hooks on third-party models."""

from __future__ import annotations

from typing import Any

from allauth.usersessions.models import UserSession
from django.db.models.signals import pre_save
from django.dispatch import receiver

NO_IP = "0.0.0.0"  # noqa: S104 - a placeholder, never a bind address


@receiver(pre_save, sender=UserSession)
def forget_session_ip(sender: type, instance: UserSession, **kwargs: Any) -> None:
    """Never store where someone signed in from: an IP address can locate an activist."""
    instance.ip = NO_IP
