"""The scorecard services: atomic, audit-logged, and never writing across scorecards."""

from __future__ import annotations

import pytest

from sauti.commitments import scorecard_services as services
from sauti.commitments.models import GroupScore, ScorecardItem
from sauti.core.models import AuditLogEntry

from .scorecard_factories import (
    ActionFactory,
    IndicatorFactory,
    ScorecardFactory,
    add_item,
    example_scorecard,
)


def test_scores_for_items_of_another_scorecard_are_refused(editor, organisation):
    ours, _items = example_scorecard(organisation)
    theirs, (their_item, _other) = example_scorecard(organisation)
    group = ours.groups.first()
    before = GroupScore.objects.count()
    with pytest.raises(ValueError, match="another scorecard"):
        services.record_group_scores(
            ours, group, acting_user=editor, scores={their_item.pk: (5, "")}
        )
    with pytest.raises(ValueError, match="another scorecard"):
        services.record_group_scores(
            theirs, group, acting_user=editor, scores={their_item.pk: (5, "")}
        )
    with pytest.raises(ValueError, match="another scorecard"):
        services.record_self_assessment(ours, acting_user=editor, scores={their_item.pk: (5, "")})
    assert GroupScore.objects.count() == before
    assert not AuditLogEntry.objects.filter(action="scorecard.scores").exists()


def test_actions_and_groups_of_another_scorecard_are_refused(editor, organisation):
    ours, _items = example_scorecard(organisation)
    theirs, _items = example_scorecard(organisation)
    their_action = ActionFactory(scorecard=theirs)
    with pytest.raises(ValueError):
        services.save_actions(
            ours,
            acting_user=editor,
            actions=[(their_action, {"action": "x", "responsible": "y", "due_on": None})],
        )
    their_group = theirs.groups.first()
    with pytest.raises(ValueError):
        services.save_groups(
            ours,
            acting_user=editor,
            groups=[(their_group, {"label": "x", "constituency": None, "size": 3})],
        )
    their_action.refresh_from_db()
    their_group.refresh_from_db()
    assert their_action.action != "x" and their_group.label != "x"


def test_indicators_keep_library_order_then_custom(editor, organisation):
    scorecard = ScorecardFactory(organisation=organisation)
    b = IndicatorFactory(code="b-respect", text="Respect")
    a = IndicatorFactory(code="a-waiting", text="Waiting")
    custom = add_item(scorecard, text="Opening hours")
    services.set_indicators(
        scorecard, acting_user=editor, library=[b, a], custom=[(custom, "Opening hours")]
    )
    assert [(i.order, i.label) for i in scorecard.items.all()] == [
        (0, "Waiting"),
        (1, "Respect"),
        (2, "Opening hours"),
    ]
    services.set_indicators(scorecard, acting_user=editor, library=[a], custom=[])
    assert [i.label for i in scorecard.items.all()] == ["Waiting", "Opening hours"]
    services.set_indicators(
        scorecard, acting_user=editor, library=[a], custom=[], removed_custom=[custom]
    )
    assert list(ScorecardItem.objects.values_list("indicator__code", flat=True)) == ["a-waiting"]


def test_publishing_an_empty_scorecard_is_refused(editor, organisation):
    scorecard = ScorecardFactory(organisation=organisation, is_published=False)
    assert services.missing_for_publication(scorecard) == ["groups", "indicators", "scores"]
    with pytest.raises(ValueError):
        services.set_published(scorecard, published=True, acting_user=editor)
    scorecard.refresh_from_db()
    assert not scorecard.is_published


def test_follow_up_rejects_an_unknown_progress(editor, organisation):
    action = ActionFactory(scorecard=ScorecardFactory(organisation=organisation))
    with pytest.raises(ValueError):
        services.update_follow_up(action, acting_user=editor, progress="finished", note="")
    action.refresh_from_db()
    assert action.progress == "planned"
