"""The assessment rubric: six dimensions from the CSO advocacy toolkit, scored 0–3.

Each score has a written descriptor that assessors see before they choose, so
that two organisations mean the same thing by "2". Written in our own words
from the toolkit's elements of meaningful participation.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Dimension:
    name: str
    label: Promise
    question: Promise
    descriptors: tuple[Promise, Promise, Promise, Promise]


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "legal",
        _("Legal foundation"),
        _("Is the mechanism backed by law or policy that says who takes part and what it decides?"),
        (
            _("0 – No legal or policy basis; it exists at someone's goodwill."),
            _("1 – Mentioned in a policy or guideline, but without a clear mandate."),
            _(
                "2 – Set up by a decree, regulation or law, but the mandate is partial or not applied."
            ),
            _(
                "3 – Established by law with a clear mandate, membership rules and obligations on the authority."
            ),
        ),
    ),
    Dimension(
        "inclusion",
        _("Inclusive representation"),
        _(
            "Do the people most affected, including marginalised groups, have seats and a real voice?"
        ),
        (
            _("0 – Members are officials or hand-picked; affected communities are absent."),
            _("1 – Some community or civil society seats, chosen by the authority."),
            _(
                "2 – Constituencies choose their own representatives; some marginalised groups are missing."
            ),
            _(
                "3 – Constituencies choose their representatives, marginalised groups are present, and their participation is supported."
            ),
        ),
    ),
    Dimension(
        "influence",
        _("Interaction and influence on decisions"),
        _("Does what participants say change decisions, across the policy cycle?"),
        (
            _("0 – Information only; no discussion with decision-makers."),
            _("1 – Participants are consulted, but there is no sign their input is used."),
            _("2 – Regular dialogue with decision-makers; input sometimes changes decisions."),
            _(
                "3 – Decisions are shared or binding, or the authority must respond to each recommendation."
            ),
        ),
    ),
    Dimension(
        "capacity",
        _("Capacity building"),
        _("Are participants and officials helped to take part meaningfully?"),
        (
            _("0 – No preparation, information or training."),
            _("1 – Documents are shared, sometimes too late or too technical."),
            _("2 – Some training or briefings for community members."),
            _("3 – Regular, planned capacity building for community members and officials alike."),
        ),
    ),
    Dimension(
        "accountability",
        _("Accountability and transparency"),
        _(
            "Are agendas, minutes and decisions public, and are participants told what happened to their input?"
        ),
        (
            _("0 – Nothing is published; participants hear nothing back."),
            _("1 – Some documents are available on request."),
            _(
                "2 – Agendas, minutes or decisions are published, but feedback to participants is rare."
            ),
            _(
                "3 – Everything is published on time, and participants are told what was done with their input."
            ),
        ),
    ),
    Dimension(
        "resources",
        _("Resources and independence"),
        _("Does the mechanism have the money, staff and space to work, and can it speak freely?"),
        (
            _("0 – No budget, staff or space; members pay their own costs."),
            _("1 – Occasional support, at the authority's discretion."),
            _("2 – A budget or secretariat exists, but it is too small or not secure."),
            _(
                "3 – A dedicated budget, a secretariat and allowances for community members, with room to disagree."
            ),
        ),
    ),
)

BY_NAME = {dimension.name: dimension for dimension in DIMENSIONS}
