"""State changes of community scorecards: each step of the exercise, publication, follow-up.

Every step of the form saves on its own (a draft stays unpublished), so an
exercise typed on a phone in a meeting room loses at most the step being
typed when the network drops. Each function is atomic and writes one audit
log entry; the views and, later, the API call the same functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from sauti.accounts.models import User
from sauti.core.services import log_action

from .models import ActionItem, GroupScore, Indicator, ParticipantGroup, Scorecard, ScorecardItem

# (score, reasons) per item id; a score of ``None`` means "not scored".
Scores = Mapping[int, tuple[int | None, str]]

DETAIL_FIELDS = (
    "organisation",
    "country",
    "place_kind",
    "place_name",
    "mechanism",
    "held_on",
    "facilitators",
    "cycle",
)


def _touch(scorecard: Scorecard) -> None:
    scorecard.updated_at = timezone.now()
    scorecard.save(update_fields=["updated_at"])


@transaction.atomic
def create_scorecard(*, acting_user: User, data: Mapping[str, Any]) -> Scorecard:
    """Start a scorecard exercise as an unpublished draft."""
    scorecard = Scorecard(created_by=acting_user, is_published=False)
    for field in DETAIL_FIELDS:
        if field in data:
            setattr(scorecard, field, data[field])
    scorecard.save()
    log_action("scorecard.create", acting_user=acting_user, target=scorecard)
    return scorecard


@transaction.atomic
def update_scorecard(
    scorecard: Scorecard, *, acting_user: User, data: Mapping[str, Any]
) -> Scorecard:
    """Change the details of an exercise (place, date, facilitators, cycle)."""
    # The organisation stays: moving an exercise to another organisation would
    # hand its data to people who did not collect it.
    changed = []
    for field in DETAIL_FIELDS:
        if field in data and field != "organisation" and getattr(scorecard, field) != data[field]:
            setattr(scorecard, field, data[field])
            changed.append(field)
    scorecard.updated_at = timezone.now()
    scorecard.save()
    log_action(
        "scorecard.update", acting_user=acting_user, target=scorecard, data={"fields": changed}
    )
    return scorecard


@transaction.atomic
def save_groups(
    scorecard: Scorecard,
    *,
    acting_user: User,
    groups: Sequence[tuple[ParticipantGroup | None, Mapping[str, Any]]],
    removed: Iterable[ParticipantGroup] = (),
) -> list[ParticipantGroup]:
    """Add or change participant groups (label, constituency, size); remove others with
    their scores."""
    removed_ids = [group.pk for group in removed if group.pk]
    ParticipantGroup.objects.filter(scorecard=scorecard, pk__in=removed_ids).delete()
    saved = []
    for group, values in groups:
        target = group or ParticipantGroup(scorecard=scorecard)
        if target.scorecard_id != scorecard.pk:
            raise ValueError("a group of another scorecard")
        for field in ("label", "constituency", "size"):
            setattr(target, field, values[field])
        target.save()
        saved.append(target)
    _touch(scorecard)
    log_action(
        "scorecard.groups",
        acting_user=acting_user,
        target=scorecard,
        data={"saved": len(saved), "removed": len(removed_ids)},
    )
    return saved


@transaction.atomic
def set_indicators(
    scorecard: Scorecard,
    *,
    acting_user: User,
    library: Iterable[Indicator],
    custom: Sequence[tuple[ScorecardItem | None, str]],
    removed_custom: Iterable[ScorecardItem] = (),
) -> list[ScorecardItem]:
    """Choose the exercise's indicators: those ticked in the library, then those written
    for it. Unticked indicators go, with the scores given for them."""
    chosen = {indicator.pk: indicator for indicator in library}
    existing = {item.indicator_id: item for item in scorecard.items.filter(indicator__isnull=False)}
    for indicator_id, item in existing.items():
        if indicator_id not in chosen:
            item.delete()
    removed_ids = [item.pk for item in removed_custom if item.pk]
    ScorecardItem.objects.filter(
        scorecard=scorecard, indicator__isnull=True, pk__in=removed_ids
    ).delete()

    items: list[ScorecardItem] = []
    # Library indicators in the library's order, then custom ones as written.
    for indicator in sorted(chosen.values(), key=lambda i: i.code):
        items.append(
            existing.get(indicator.pk) or ScorecardItem(scorecard=scorecard, indicator=indicator)
        )
    for item, text in custom:
        target = item or ScorecardItem(scorecard=scorecard)
        if target.scorecard_id != scorecard.pk or target.indicator_id is not None:
            raise ValueError("not a custom indicator of this scorecard")
        target.text = text
        items.append(target)
    for order, item in enumerate(items):
        item.order = order
        item.save()
    _touch(scorecard)
    log_action(
        "scorecard.indicators",
        acting_user=acting_user,
        target=scorecard,
        data={"library": sorted(chosen), "custom": len(custom)},
    )
    return items


def _own_items(scorecard: Scorecard, scores: Scores) -> dict[int, ScorecardItem]:
    items = {item.pk: item for item in scorecard.items.all()}
    unknown = set(scores) - set(items)
    if unknown:
        raise ValueError(f"items of another scorecard: {sorted(unknown)}")
    return items


@transaction.atomic
def record_group_scores(
    scorecard: Scorecard, group: ParticipantGroup, *, acting_user: User, scores: Scores
) -> None:
    """Record one group's score (1–5) and reasons per indicator; an empty score clears it."""
    if group.scorecard_id != scorecard.pk:
        raise ValueError("a group of another scorecard")
    _own_items(scorecard, scores)
    for item_id, (score, reasons) in scores.items():
        if score is None:
            GroupScore.objects.filter(item_id=item_id, group=group).delete()
        else:
            GroupScore.objects.update_or_create(
                item_id=item_id, group=group, defaults={"score": score, "reasons": reasons}
            )
    _touch(scorecard)
    log_action(
        "scorecard.scores",
        acting_user=acting_user,
        target=scorecard,
        data={"group": group.pk, "scored": sum(1 for s, _r in scores.values() if s)},
    )


@transaction.atomic
def record_self_assessment(scorecard: Scorecard, *, acting_user: User, scores: Scores) -> None:
    """Record the provider's or authority's own score and reasons per indicator."""
    items = _own_items(scorecard, scores)
    for item_id, (score, reasons) in scores.items():
        item = items[item_id]
        item.self_score = score
        item.self_reasons = reasons
        item.save(update_fields=["self_score", "self_reasons"])
    _touch(scorecard)
    log_action("scorecard.self_assessment", acting_user=acting_user, target=scorecard)


@transaction.atomic
def record_interface_outcome(scorecard: Scorecard, *, acting_user: User, outcome: str) -> None:
    """Record what the interface meeting of community and provider concluded."""
    scorecard.interface_outcome = outcome
    scorecard.updated_at = timezone.now()
    scorecard.save(update_fields=["interface_outcome", "updated_at"])
    log_action("scorecard.interface", acting_user=acting_user, target=scorecard)


@transaction.atomic
def save_actions(
    scorecard: Scorecard,
    *,
    acting_user: User,
    actions: Sequence[tuple[ActionItem | None, Mapping[str, Any]]],
    removed: Iterable[ActionItem] = (),
) -> list[ActionItem]:
    """Add or change the action plan (action, who is responsible, due date); remove others."""
    removed_ids = [action.pk for action in removed if action.pk]
    ActionItem.objects.filter(scorecard=scorecard, pk__in=removed_ids).delete()
    saved = []
    now = timezone.now()
    for action, values in actions:
        target = action or ActionItem(scorecard=scorecard)
        if target.scorecard_id != scorecard.pk:
            raise ValueError("an action of another scorecard")
        for field in ("action", "responsible", "due_on"):
            setattr(target, field, values[field])
        target.updated_at = now
        target.save()
        saved.append(target)
    _touch(scorecard)
    log_action(
        "scorecard.actions",
        acting_user=acting_user,
        target=scorecard,
        data={"saved": len(saved), "removed": len(removed_ids)},
    )
    return saved


@transaction.atomic
def update_follow_up(
    action: ActionItem, *, acting_user: User, progress: str, note: str
) -> ActionItem:
    """Record how an agreed action is going (planned, in progress, done, not done)."""
    if progress not in ActionItem.Progress.values:
        raise ValueError(f"unknown progress {progress!r}")
    before = action.progress
    action.progress = progress
    action.follow_up_note = note
    action.updated_at = timezone.now()
    action.save(update_fields=["progress", "follow_up_note", "updated_at"])
    _touch(action.scorecard)
    log_action(
        "scorecard.follow_up",
        acting_user=acting_user,
        target=action.scorecard,
        data={"action": action.pk, "from": before, "to": progress},
    )
    return action


def missing_for_publication(scorecard: Scorecard) -> list[str]:
    """What a scorecard needs before it can be published, as codes (empty: ready)."""
    missing = []
    if not scorecard.groups.exists():
        missing.append("groups")
    if not scorecard.items.exists():
        missing.append("indicators")
    if not GroupScore.objects.filter(group__scorecard=scorecard).exists():
        missing.append("scores")
    return missing


@transaction.atomic
def set_published(scorecard: Scorecard, *, published: bool, acting_user: User) -> Scorecard:
    """Publish a scorecard (its breakdown withholds small groups) or take it back to draft."""
    if published and missing_for_publication(scorecard):
        raise ValueError("the scorecard is not ready to be published")
    scorecard.is_published = published
    scorecard.updated_at = timezone.now()
    scorecard.save(update_fields=["is_published", "updated_at"])
    log_action(
        "scorecard.publish" if published else "scorecard.unpublish",
        acting_user=acting_user,
        target=scorecard,
    )
    return scorecard
