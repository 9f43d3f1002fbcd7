"""The world choropleth: every Member State findable, right classes, no-data by texture,
escaped text, valid XML, links, and a size budget."""

from __future__ import annotations

import csv
import gzip
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from sauti.core import maps
from sauti.core.i18n import country_name
from sauti.core.tools import build_world_map as build

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """Parse our own output to inspect it (and to prove it is well-formed XML)."""
    return ET.fromstring(markup)  # noqa: S314


MEMBERS_CSV = maps.DATA_FILE.parent / "who_member_states.csv"
BINS = [25, 50, 75]


def members() -> list[dict[str, str]]:
    with MEMBERS_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def render(values=None, **options) -> str:
    arguments = {
        "bins": BINS,
        "title": "Legal basis",
        "description": "Share of answers saying a law exists.",
        **options,
    }
    return str(maps.world_choropleth(values or {}, **arguments))


def map_svg(html: str) -> ET.Element:
    root = parse(html)
    return root.find(f"{SVG}svg[@class='map']")


def shapes_by_title(svg: ET.Element) -> dict[str, ET.Element]:
    """Title text -> the element it names (a shape, a <g> or an <a>)."""
    found = {}
    for element in svg.iter():
        title = element.find(f"{SVG}title")
        if title is not None and element is not svg:
            found[title.text] = element
    return found


def fills(element: ET.Element) -> set[str]:
    return {e.get("fill") for e in element.iter() if e.tag in (f"{SVG}path", f"{SVG}circle")}


def test_the_data_file_has_every_member_state_with_a_shape_or_a_point():
    world = maps.world_map()
    rows = members()
    assert len(rows) == 194
    assert set(world.shapes) == {row["alpha2"] for row in rows}
    for row in rows:
        shape = world.shapes[row["alpha2"]]
        assert shape.numeric == row["numeric"]
        assert shape.d or shape.point, row["alpha2"]
    for small in ("TV", "NR", "MV", "AD", "SM", "MC", "SG", "KI", "LU"):
        assert world.shapes[small].point is not None


def test_the_data_file_stays_small():
    assert maps.DATA_FILE.stat().st_size < 90_000


def test_the_map_is_north_up_and_west_left():
    def centre(alpha2: str) -> tuple[float, float]:
        numbers = [int(n) for n in re.findall(r"-?\d+", maps.world_map().shapes[alpha2].d)]
        return float(numbers[0]), float(numbers[1])  # the first point of the first ring

    assert centre("NO")[1] < centre("ZA")[1]  # Norway above South Africa
    assert centre("BR")[0] < centre("CN")[0]  # Brazil left of China
    assert centre("CA")[1] < centre("AR")[1]


def test_every_member_state_is_drawn_with_its_name_in_a_title():
    svg = map_svg(render())
    titles = shapes_by_title(svg)
    for row in members():
        name = country_name(row["alpha2"])
        matches = [t for t in titles if t.startswith(f"{name}: ")]
        assert len(matches) == 1, name
        element = titles[matches[0]]
        drawn = [e for e in element.iter() if e.tag in (f"{SVG}path", f"{SVG}circle")]
        assert drawn, name


def test_names_follow_the_active_language():
    with translation.override("fr"):
        svg = map_svg(render({"DE": 10}))
    assert any(title.startswith("Allemagne") for title in shapes_by_title(svg))


def test_values_fall_in_the_right_bins():
    assert [maps.classify(v, BINS) for v in (0, 24.9, 25, 49.99, 50, 75, 1000, -5)] == [
        0,
        0,
        1,
        1,
        2,
        3,
        3,
        0,
    ]
    assert maps.classify(None, BINS) is None
    assert maps.classify(float("nan"), BINS) is None

    palette = maps.PALETTES[4]
    values = {"KE": 10, "FR": 25, "BR": 60, "IN": 75, "TV": 80}
    titles = shapes_by_title(map_svg(render(values)))

    def fill_of(alpha2: str) -> set[str]:
        name = country_name(alpha2)
        return fills(next(e for t, e in titles.items() if t.startswith(f"{name}: ")))

    assert fill_of("KE") == {palette[0]}
    assert fill_of("FR") == {palette[1]}
    assert fill_of("BR") == {palette[2]}
    assert fill_of("IN") == {palette[3]}
    assert fill_of("TV") == {palette[3]}  # drawn as a circle


def test_titles_give_the_value_or_the_class_label():
    values = {"KE": 42}
    titles = shapes_by_title(map_svg(render(values, value_format=lambda v: f"{v:g} %")))
    assert "Kenya: 42 %" in titles
    titles = shapes_by_title(map_svg(render(values)))
    assert "Kenya: 25 to under 50" in titles
    titles = shapes_by_title(map_svg(render(values, labels=["low", "mid", "high", "top"])))
    assert "Kenya: mid" in titles


def test_no_data_is_a_hatch_pattern_not_only_a_colour():
    html = render({"KE": None, "FR": 30}, id_prefix="m1")
    root = parse(html)
    pattern = root.find(f".//{SVG}pattern[@id='m1-n']")
    assert pattern is not None
    assert pattern.find(f"{SVG}path") is not None  # the hatch lines
    titles = shapes_by_title(map_svg(html))
    assert fills(titles["Kenya: No data"]) == {"url(#m1-n)"}  # None
    assert fills(titles["Germany: No data"]) == {"url(#m1-n)"}  # absent
    legend = root.find(f"{SVG}svg[@class='map-legend']")
    # The legend carries its own hatch, so it still shows when the map is a separate image.
    legend_pattern = legend.find(f".//{SVG}pattern[@id='m1-ln']")
    assert legend_pattern is not None
    assert legend_pattern.find(f"{SVG}path") is not None
    assert "url(#m1-ln)" in {rect.get("fill") for rect in legend.findall(f"{SVG}rect")}
    assert "No data" in [text.text for text in legend.iter(f"{SVG}text")]


def test_the_legend_has_a_swatch_and_words_for_each_class():
    root = parse(render({}, labels=["A", "B", "C", "D"], no_data_label="Too few"))
    legend = root.find(f"{SVG}svg[@class='map-legend']")
    texts = [text.text for text in legend.iter(f"{SVG}text")]
    assert texts[:5] == ["A", "B", "C", "D", "Too few"]
    swatches = [rect.get("fill") for rect in legend.findall(f"{SVG}rect")]
    assert swatches[:4] == list(maps.PALETTES[4])
    assert legend.get("role") == "img"
    assert legend.find(f"{SVG}title").text.startswith("Legend: A, B, C, D, Too few")


def test_text_is_escaped():
    html = render(
        {"KE": 1},
        title="<script>alert(1)</script>",
        description='"><img src=x>',
        labels=["<b>low</b>", "b", "c", "d"],
        no_data_label="<i>none</i>",
        link_pattern='/x/{code}/"><script>',
    )
    assert "<script" not in html
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parse(html)  # still well-formed


def test_the_svg_is_well_formed_xml_with_an_accessible_name():
    html = render({"KE": 1}, id_prefix="w")
    root = parse(html)
    svg = map_svg(html)
    assert root.tag == "div"
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "w-t w-d"
    assert svg.find(f"{SVG}title[@id='w-t']").text == "Legal basis"
    assert svg.find(f"{SVG}desc[@id='w-d']").text == "Share of answers saying a law exists."
    assert "style=" not in html and "<style" not in html  # the CSP forbids inline style


def test_links_to_country_pages():
    html = render({"KE": 1}, link_pattern="/fr/countries/{code}/")
    svg = map_svg(html)
    assert svg.get("role") == "group"  # role="img" would hide the links
    links = list(svg.iter(f"{SVG}a"))
    assert len(links) == 194
    hrefs = {a.get("href") for a in links}
    assert "/fr/countries/ke/" in hrefs and "/fr/countries/tv/" in hrefs
    for a in links:
        assert a.find(f"{SVG}title") is not None  # the link's accessible name


def test_small_states_are_drawn_on_top():
    svg = map_svg(render())
    order = [
        title.text
        for element in svg.iter()
        if (title := element.find(f"{SVG}title")) is not None and element is not svg
    ]
    assert order.index("Italy: No data") < order.index("San Marino: No data")


def test_codes_may_be_numeric_but_must_be_member_states():
    assert maps.member_code("404") == "KE"
    assert maps.member_code("4") == "AF"
    assert maps.member_code("ke") == "KE"
    with pytest.raises(ValueError, match="not the ISO code"):
        render({"TW": 1})
    with pytest.raises(ValueError, match="not the ISO code"):
        render({"KEN": 1})


def test_bad_bins_labels_and_palettes_are_refused():
    with pytest.raises(ValueError, match="ascending"):
        render(bins=[50, 25])
    with pytest.raises(ValueError, match="labels"):
        render(labels=["a", "b"])
    with pytest.raises(ValueError, match="colours"):
        render(bins=list(range(10)))
    render(bins=[1, 2], palette=["#000", "#111", "#222"])


def test_different_maps_get_different_ids():
    first = render(title="One")
    second = render(title="Two")
    id_of = re.compile(r'<pattern id="([^"]+)"')
    assert id_of.search(first).group(1) != id_of.search(second).group(1)
    assert render(title="One") == first  # and the same map the same bytes


def test_a_full_map_stays_within_its_size_budget():
    values = {row["alpha2"]: float(i % 100) for i, row in enumerate(members())}
    html = render(
        values, link_pattern="/zh-hans/countries/{code}/", value_format=lambda v: f"{v:g} %"
    )
    assert len(gzip.compress(html.encode(), 9)) < 40_000


def test_rtl_legend_is_mirrored():
    with translation.override("ar"):
        root = parse(render())
    legend = root.find(f"{SVG}svg[@class='map-legend']")
    assert legend.get("direction") == "rtl"
    assert {rect.get("x") for rect in legend.findall(f"{SVG}rect")} == {"100%"}


def test_the_parts_make_a_standalone_map_and_a_legend():
    map_part, legend = maps.choropleth_parts(
        {"KE": 42}, bins=[25, 50, 75], title="T", description="D", id_prefix="p"
    )
    whole = maps.world_choropleth(
        {"KE": 42}, bins=[25, 50, 75], title="T", description="D", id_prefix="p"
    )
    assert whole == f'<div class="choropleth">{map_part}{legend}</div>'
    standalone = ET.fromstring(map_part)  # noqa: S314 (our own output)
    assert standalone.tag == f"{SVG}svg"
    assert standalone.find(f".//{SVG}pattern[@id='p-n']") is not None


def test_the_table_equivalent():
    table = maps.choropleth_table(
        {"KE": 42, "FR": None},
        caption="Legal basis by country",
        value_header="Share",
        value_format=lambda v: f"{v:g} %",
        link_pattern="/en/countries/{code}/",
    )
    assert len(table.rows) == 194
    kenya = next(row for row in table.rows if row.label == "Kenya")
    assert kenya.cells == ("42 %",) and kenya.href == "/en/countries/ke/"
    assert next(row for row in table.rows if row.label == "France").cells == ("No data",)
    html = render_to_string("includes/chart_table.html", {"table": table})
    assert "<caption>Legal basis by country</caption>" in html
    assert '<th scope="col">Country</th><th scope="col">Share</th>' in html
    assert '<th scope="row"><a href="/en/countries/ke/">Kenya</a></th><td>42 %</td>' in html
    only = maps.choropleth_table({"KE": 1}, caption="c", value_header="v", include_missing=False)
    assert [row.label for row in only.rows] == ["Kenya"]


# --- The generator ----------------------------------------------------------------------
def test_topojson_arcs_are_delta_decoded_and_dequantized():
    topology = {
        "transform": {"scale": [0.5, 2], "translate": [10, -5]},
        "arcs": [[[0, 0], [2, 1], [-1, 3]]],
    }
    assert build.decode_arcs(topology) == [[(10.0, -5.0), (11.0, -3.0), (10.5, 3.0)]]


def test_douglas_peucker_keeps_corners_and_drops_near_straight_points():
    line = [(0, 0), (1, 0.1), (2, 0), (2, 5), (2.05, 6), (2, 10)]
    assert build.douglas_peucker(line, 0.5) == [(0, 0), (2, 0), (2, 10)]
    assert build.douglas_peucker(line, 0.01) == line


def test_equal_earth_is_north_up_and_symmetric():
    x, y = build.equal_earth(0, 0)
    assert (round(x, 9), round(y, 9)) == (0, 0)
    assert build.equal_earth(0, 60)[1] > 0 > build.equal_earth(0, -60)[1]
    east, west = build.equal_earth(90, 10), build.equal_earth(-90, 10)
    assert east[0] == pytest.approx(-west[0]) and east[1] == pytest.approx(west[1])


def test_lines_are_cut_at_the_antimeridian():
    pieces = build.split_antimeridian([(170.0, 0.0), (-170.0, 10.0), (-160.0, 10.0)])
    assert pieces == [[(170.0, 0.0), (180.0, 5.0)], [(-180.0, 5.0), (-170.0, 10.0), (-160.0, 10.0)]]


def test_path_data_is_relative_and_compact():
    assert build.path_data([[(10, 20), (12, 20), (12, 17)]]) == "M10 20l2 0 0-3z"


def test_the_bundled_file_matches_the_format():
    data = json.loads(maps.DATA_FILE.read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"]
    assert data["viewBox"][2] == 1000
    assert data["projection"] == "Equal Earth"
