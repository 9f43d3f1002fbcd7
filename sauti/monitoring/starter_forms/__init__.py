"""The starter library: four monitoring forms written by the Sauti team, in seven languages.

A project that has no form of its own can start from one of these (the page
``monitoring:starter_forms`` lists them; ``monitoring:starter_form_add`` adds one to a
project). They are deliberately simple (no repeat, skip logic, constraint or
calculation) so that the built-in web form can show them as well as ODK Collect.
"""

from __future__ import annotations

from .common import COLUMN_LANGUAGES, LANGUAGE_CODES, StarterForm
from .community_scorecard import FORM as COMMUNITY_SCORECARD
from .exit_interview import FORM as EXIT_INTERVIEW
from .facility_observation import FORM as FACILITY_OBSERVATION
from .stockout_check import FORM as STOCKOUT_CHECK

#: slug → form, in the order the library page lists them.
CATALOGUE: dict[str, StarterForm] = {
    form.slug: form
    for form in (FACILITY_OBSERVATION, EXIT_INTERVIEW, STOCKOUT_CHECK, COMMUNITY_SCORECARD)
}


def get(slug: str) -> StarterForm | None:
    """The starter form of that slug, or None."""
    return CATALOGUE.get(slug)


__all__ = ["CATALOGUE", "COLUMN_LANGUAGES", "LANGUAGE_CODES", "StarterForm", "get"]
