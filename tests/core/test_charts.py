"""SVG bar and share charts: accessible names, values as text, escaping, right-to-left."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from sauti.core import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """Parse our own output to inspect it (and to prove it is well-formed XML)."""
    return ET.fromstring(markup)  # noqa: S314


def bars(rows, **options) -> ET.Element:
    arguments = {"title": "Mechanisms", "description": "Mechanisms by kind.", **options}
    return parse(str(charts.bar_chart(rows, **arguments)))


def shares(rows, **options) -> ET.Element:
    arguments = {"title": "Answers", "description": "Answers to the survey.", **options}
    return parse(str(charts.share_bars(rows, **arguments)))


def texts(svg: ET.Element) -> list[str]:
    return [text.text for text in svg.iter(f"{SVG}text")]


def value_bars(svg: ET.Element) -> list[ET.Element]:
    return [rect for rect in svg.iter(f"{SVG}rect") if rect.get("fill") == charts.BAR]


def test_bar_chart_is_an_image_with_a_title_and_a_description_listing_the_data():
    svg = bars([("Councils", 12), ("Hearings", 3)], id_prefix="b")
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "b-t b-d"
    assert svg.find(f"{SVG}title[@id='b-t']").text == "Mechanisms"
    assert svg.find(f"{SVG}desc[@id='b-d']").text == (
        "Mechanisms by kind. Councils: 12 and Hearings: 3"
    )
    assert "style" not in svg.attrib


def test_values_are_printed_next_to_the_bars():
    svg = bars([("Councils", 1234.5), ("Hearings", 3)])
    assert texts(svg) == ["Councils", "1,234.5", "Hearings", "3"]
    with translation.override("fr"):
        svg = bars([("Conseils", 1234.5)])
    assert texts(svg)[1] == "1\u202f234,5"


def test_bars_are_proportional_to_the_largest_value_or_max_value():
    svg = bars([("a", 10), ("b", 5), ("c", 0)])
    assert [rect.get("width") for rect in value_bars(svg)] == ["100%", "50%", "0%"]
    svg = bars([("a", 10), ("b", 30)], max_value=20)
    assert [rect.get("width") for rect in value_bars(svg)] == ["50%", "100%"]
    svg = bars([("a", 0)])
    assert [rect.get("width") for rect in value_bars(svg)] == ["0%"]


def test_a_custom_value_format():
    svg = bars([("a", 0.25)], value_format=lambda v: f"{v:.0%}")
    assert texts(svg)[1] == "25%"


def test_long_labels_wrap_and_the_chart_grows():
    short = bars([("Short", 1)])
    long = bars([("A very long label about participation mechanisms in national health", 1)])
    assert len(texts(long)) == 3  # two lines of label and the value
    assert float(long.get("height")) > float(short.get("height"))
    assert charts.wrap("社会参与卫生的法律依据" * 4, 20) == ["社会参与卫生的法律依据"[:10]] + [
        ("社会参与卫生的法律依据" * 4)[i : i + 10] for i in range(10, 44, 10)
    ]


def test_negative_values_are_refused():
    with pytest.raises(ValueError):
        charts.bar_chart([("a", -1)], title="t", description="d")


def test_labels_and_titles_are_escaped():
    html = str(
        charts.bar_chart(
            [("<script>alert(1)</script>", 1)],
            title="<b>x</b>",
            description="&",
            value_format=lambda v: "<i>1</i>",
        )
    )
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parse(html)
    html = str(charts.share_bars([("<script>", 1, 2)], title="<t>", description="<d>"))
    assert "<script" not in html and "<t>" not in html
    parse(html)


def test_left_to_right_bars_grow_from_the_left():
    svg = bars([("a", 10), ("b", 4)])
    assert svg.get("direction") == "ltr"
    assert [(r.get("x"), r.get("width")) for r in value_bars(svg)] == [
        ("0%", "100%"),
        ("0%", "40%"),
    ]
    assert next(svg.iter(f"{SVG}text")).get("x") == "0%"


def test_right_to_left_bars_are_mirrored():
    with translation.override("ar"):
        svg = bars([("أ", 10), ("ب", 4)])
    assert svg.get("direction") == "rtl"
    assert [(r.get("x"), r.get("width")) for r in value_bars(svg)] == [
        ("0%", "100%"),
        ("60%", "40%"),
    ]
    label, value = list(svg.iter(f"{SVG}text"))[2:4]
    assert label.get("x") == "100%"  # labels start at the right edge
    assert value.get("x") == "60%" and value.get("dx") == "-6"  # value left of the bar's end


def test_share_bars_print_n_of_total_and_the_share():
    svg = shares([("Has a legal basis", 40, 120), ("Has a budget", 90, 120), ("Nobody", 0, 0)])
    assert texts(svg) == [
        "Has a legal basis",
        "40 of 120 (33%)",
        "Has a budget",
        "90 of 120 (75%)",
        "Nobody",
        "0 of 0",
    ]
    tracks = [r for r in svg.iter(f"{SVG}rect") if r.get("fill") == charts.TRACK]
    assert len(tracks) == 3 and {t.get("width") for t in tracks} == {"100%"}
    widths = [r.get("width") for r in value_bars(svg)]
    assert widths == ["33.33%", "75%", "0%"]


def test_share_values_inside_long_bars_and_after_short_ones():
    svg = shares([("long", 90, 100), ("short", 10, 100)])
    values = [t for t in svg.iter(f"{SVG}text") if t.get("text-anchor")]
    assert [(t.get("text-anchor"), t.get("fill")) for t in values] == [
        ("end", charts.ON_BAR),
        ("start", charts.INK),
    ]


def test_share_bars_refuse_impossible_counts():
    with pytest.raises(ValueError):
        charts.share_bars([("a", 5, 4)], title="t", description="d")
    with pytest.raises(ValueError):
        charts.share_bars([("a", -1, 4)], title="t", description="d")


def test_share_bars_in_right_to_left():
    with translation.override("ar"):
        svg = shares([("أ", 1, 4)])
    assert svg.get("direction") == "rtl"
    assert [(r.get("x"), r.get("width")) for r in value_bars(svg)] == [("75%", "25%")]


def test_the_table_equivalent_of_a_bar_chart():
    table = charts.bar_table(
        [("Councils", 12), ("<script>", 3)],
        caption="Mechanisms by kind",
        label_header="Kind",
        value_header="Number",
    )
    html = render_to_string("includes/chart_table.html", {"table": table})
    assert html.startswith('<details class="chart-table"><summary>Show as a table</summary>')
    assert "<caption>Mechanisms by kind</caption>" in html
    assert '<th scope="col">Kind</th><th scope="col">Number</th>' in html
    assert '<tr><th scope="row">Councils</th><td>12</td></tr>' in html
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_the_table_equivalent_of_share_bars():
    table = charts.share_table(
        [("Has a legal basis", 40, 120), ("None", 0, 0)], caption="c", label_header="Item"
    )
    assert table.headers == ("Item", "Number", "Total", "Share")
    assert table.rows[0].cells == ("40", "120", "33%")
    assert table.rows[1].cells == ("0", "0", "–")


def test_ids_differ_between_charts_and_stay_stable():
    one = charts.bar_chart([("a", 1)], title="One", description="d")
    two = charts.bar_chart([("a", 1)], title="Two", description="d")
    assert parse(str(one)).get("aria-labelledby") != parse(str(two)).get("aria-labelledby")
    assert charts.bar_chart([("a", 1)], title="One", description="d") == one


def test_an_empty_chart_is_still_valid():
    svg = bars([])
    assert svg.get("role") == "img" and texts(svg) == []
