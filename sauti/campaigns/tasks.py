"""Background tasks of campaigns (run by ``manage.py db_worker``): sending the letter to
its addressees, and telling signatories and followers that it was sent or answered.

Tasks carry ids, never addresses or rendered text: the task table is read by
every worker and kept for a while, and the people are in the campaign's own
tables already. What each task does is in ``services_delivery``.
"""

from __future__ import annotations

import logging

from django.core.mail import get_connection
from django_tasks import task

from . import services_delivery
from .models import Campaign

logger = logging.getLogger(__name__)


@task()
def send_delivery(*, delivery_id: int, language: str) -> bool:
    """Send the letter to one addressee and record the outcome on its ``Delivery``."""
    return services_delivery.deliver(delivery_id, language)


@task()
def notify(*, campaign_id: int, notice: str) -> int:
    """Queue the notices of a campaign ("sent" or "response") in batches of ids.

    Returns the number of batches queued.
    """
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        return 0
    batches = 0
    for kind, ids in services_delivery.notice_batches(campaign, notice):
        send_notices.enqueue(campaign_id=campaign_id, notice=notice, kind=kind, ids=ids)
        batches += 1
    return batches


@task()
def send_notices(*, campaign_id: int, notice: str, kind: str, ids: list[int]) -> int:
    """Send one batch of notices over one mail connection; one email per person.

    A refused address does not stop the batch; if any failed, the task fails at
    the end (after sending the others) so the worker's records show it.
    """
    campaign = Campaign.objects.select_related("coalition").filter(pk=campaign_id).first()
    if campaign is None:
        return 0
    messages = services_delivery.notice_messages(campaign, notice, kind, ids)
    if not messages:
        return 0
    sent = failed = 0
    with get_connection() as connection:
        for message in messages:
            try:
                sent += connection.send_messages([message]) or 0
            except Exception as error:  # one refused address must not stop the others
                failed += 1
                logger.warning(
                    "Notice %s of campaign %s not sent: %s",
                    notice,
                    campaign_id,
                    type(error).__name__,
                )
    if failed:
        raise RuntimeError(f"{failed} of {len(messages)} notices could not be sent")
    return sent
