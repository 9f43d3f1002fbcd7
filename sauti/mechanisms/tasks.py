"""Background tasks of the mechanisms registry (run by ``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from sauti.accounts.models import Organisation, User

from . import imports


@task()
def import_confirmed_rows(token: str, user_id: int, organisation_id: int | None) -> int:
    """Write a confirmed import. In the background because ten thousand rows take
    seconds, longer than a proxy may wait for a response; the person who imports
    watches its page, which says when it is done."""
    user = User.objects.get(pk=user_id)
    pending = imports.load_pending(token, user=user)
    if pending.state != imports.RUNNING:
        return 0  # already written (a task retried), or never started
    organisation = None
    if organisation_id is not None:
        organisation = Organisation.objects.get(pk=organisation_id)
    return imports.run_started(pending, acting_user=user, organisation=organisation)
