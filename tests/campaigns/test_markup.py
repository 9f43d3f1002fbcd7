"""The letters' markup: what a reader sees, and what can never get through."""

from __future__ import annotations

import pytest

from sauti.campaigns import markup


def test_paragraphs_emphasis_and_lists():
    text = (
        "Dear *Minister*,\n\nWe ask:\n\n- a *legal* basis\n- a budget line\n\n"
        "Thank you,\nThe coalition"
    )
    assert markup.to_html(text) == (
        '<p dir="auto">Dear <em>Minister</em>,</p>\n'
        '<p dir="auto">We ask:</p>\n'
        "<ul><li>a <em>legal</em> basis</li><li>a budget line</li></ul>\n"
        '<p dir="auto">Thank you,<br>The coalition</p>'
    )


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<a href="javascript:alert(1)">here</a>',
        "<img src=x onerror=alert(1)>",
        "*<b>bold</b>*",
    ],
)
def test_no_markup_of_ours_can_carry_html(text):
    html = markup.to_html(text)
    assert "<script" not in html and "<a " not in html and "<img" not in html and "<b>" not in html
    assert "&lt;" in html


def test_arithmetic_is_not_emphasis():
    assert "<em>" not in markup.to_html("2 * 3 * 4 = 24")


def test_unknown_placeholders_are_named_once():
    text = "{{ country }} {{ unknown }} {{unknown}} {{ minister_name }} {{ date }}"
    assert markup.unknown_placeholders(text) == ["unknown", "minister_name"]


def test_filling_leaves_no_placeholder_behind():
    text = "To {{ addressee_title }} {{ addressee_name }}, {{ institution }}: {{ contact }}"
    filled = markup.fill(text, {"addressee_title": "Dr", "addressee_name": "Achieng"})
    assert filled == "To Dr Achieng, : "
    assert markup.placeholders_in(filled) == []


def test_optional_paragraph_markers_are_known_only_for_the_templates_paragraphs():
    text = "{{ paragraph:budget }}\n\n{{ paragraph:other }}"
    assert markup.unknown_placeholders(text, paragraphs=("budget",)) == ["paragraph:other"]


def test_the_built_in_letter_uses_only_known_placeholders_in_every_language():
    from sauti.campaigns.data.letter_template import LANGUAGES, TEMPLATE

    codes = tuple(paragraph["code"] for paragraph in TEMPLATE["optional"])
    for language in LANGUAGES:
        for text in (TEMPLATE["body"][language], TEMPLATE["subject"][language]):
            assert markup.unknown_placeholders(text, paragraphs=codes) == [], language
            assert "<" not in text
