"""Build ``sauti/core/data/world-110m.json``: a small, pre-projected world map.

How to reproduce the bundled file::

    npm pack world-atlas@2.0.2            # or download the tarball from the registry
    tar xzf world-atlas-2.0.2.tgz         # unpacks into ./package/
    .venv/bin/python -m sauti.core.tools.build_world_map package/

The script reads ``countries-110m.json`` (outlines), ``countries-50m.json`` (and,
for Tuvalu only, ``countries-10m.json``) for the Member States too small for the
1:110m file, and writes the map next to ``who_member_states.csv``. Pure Python,
no dependencies: it decodes the TopoJSON itself.

Choices, and why:

- **Equal Earth projection** (Šavrič, Patterson & Jenny, 2018). A choropleth
  compares areas, so the projection must be equal-area: Mercator or Robinson
  would inflate Russia and Canada against Africa. Equal Earth is equal-area,
  looks familiar, and is a closed-form polynomial (Robinson needs a table).
- **Simplify after projecting, arc by arc** (Douglas–Peucker in map units).
  TopoJSON stores each shared border once; simplifying the arc rather than the
  ring keeps neighbours' borders identical, so no slivers or gaps appear.
- **Integer coordinates in a ~1000-unit-wide view box, relative path commands**:
  at that size a unit is well under a pixel on a phone and the numbers are 1-3
  characters. Rings smaller than ``MIN_RING_AREA`` are dropped (a country always
  keeps its largest ring).
- **Member States missing from the 1:110m file** (29 small island and enclave
  states) are stored as a point (the centroid of their largest polygon at
  1:50m) which the renderer draws as a small circle; states whose simplified
  outline is smaller than ``SMALL_AREA`` (Luxembourg, Vanuatu) get a point too.
- **The antimeridian**: world-atlas leaves cutting at 180° to d3; here Russia's
  and Fiji's rings are cut and closed along the map's curved edge.
- The output is deterministic: the same package gives the same bytes.
- **Areas without an ISO 3166 code** in Natural Earth (Somaliland, Northern
  Cyprus, Kosovo) are merged into the Member State the United Nations counts
  them in (SO, CY, RS): Sauti's data are keyed by ISO code and no data can
  exist for them separately. Other areas that are not WHO Member States
  (Greenland, Western Sahara, Taiwan, Palestine…) are drawn as one neutral
  shape. Antarctica is left out. These are editorial choices: change
  ``MERGE_INTO`` and ``DROP`` to revisit them.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path

Point = tuple[float, float]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MEMBERS_CSV = DATA_DIR / "who_member_states.csv"
OUTPUT = DATA_DIR / "world-110m.json"

WIDTH = 1000  # view-box width in map units
MARGIN = 6  # map units around the drawing (room for the small-state circles)
TOLERANCE = 0.5  # Douglas–Peucker tolerance in map units
MIN_RING_AREA = 1.5  # drop islands smaller than this (square map units)
SMALL_AREA = 5.0  # a Member State smaller than this also gets a point, to be seen

# Natural Earth names of areas without an ISO code -> Member State (alpha-2).
MERGE_INTO = {"Somaliland": "SO", "N. Cyprus": "CY", "Kosovo": "RS"}
DROP = {"010"}  # Antarctica
# Used only if a point is found in none of the files (not the case for 2.0.2).
FALLBACK_POINTS = {"798": (179.19, -8.52)}  # Tuvalu, Funafuti

SOURCE = (
    "Natural Earth 1:110m and 1:50m Admin 0 countries (v4.1.0, public domain) "
    "via the npm package world-atlas@2.0.2 (ISC licence, (c) Michael Bostock); "
    "built by sauti/core/tools/build_world_map.py"
)


# --- Equal Earth ---------------------------------------------------------------
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> Point:
    """Project degrees to Equal Earth on the unit sphere, y pointing north."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


# --- TopoJSON ------------------------------------------------------------------
def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute (longitude, latitude) points of every arc of a quantized topology."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_rest in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def geometry_rings(geometry: dict) -> list[list[int]]:
    """All rings (as arc references) of a Polygon or MultiPolygon, outer and holes alike."""
    if geometry.get("type") == "Polygon":
        return [list(ring) for ring in geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return [list(ring) for polygon in geometry["arcs"] for ring in polygon]
    return []


def arc_points(arcs: Sequence[Sequence[Point]], ref: int) -> list[Point]:
    """An arc's points in the direction of the reference (``~i`` means reversed)."""
    return list(arcs[ref]) if ref >= 0 else list(reversed(arcs[~ref]))


def ring_points(arcs: Sequence[Sequence[Point]], refs: Iterable[int]) -> list[Point]:
    points: list[Point] = []
    for ref in refs:
        part = arc_points(arcs, ref)
        points.extend(part[1:] if points else part)
    return points


def merge_rings(arcs: Sequence[Sequence[Point]], rings: list[list[int]]) -> list[list[Point]]:
    """Rings of the union of several areas: drop the borders they share, then stitch."""
    refs = [ref for ring in rings for ref in ring]
    present = set(refs)
    kept = [ref for ref in refs if ~ref not in present]
    by_start: dict[Point, list[int]] = {}
    for ref in kept:
        by_start.setdefault(arc_points(arcs, ref)[0], []).append(ref)
    used: set[int] = set()
    result: list[list[Point]] = []
    for first in kept:
        if first in used:
            continue
        chain = [first]
        used.add(first)
        start = arc_points(arcs, first)[0]
        end = arc_points(arcs, first)[-1]
        while end != start:
            following = next((r for r in by_start.get(end, []) if r not in used), None)
            if following is None:  # an open chain: cannot happen in a valid topology
                break
            chain.append(following)
            used.add(following)
            end = arc_points(arcs, following)[-1]
        result.append(ring_points(arcs, chain))
    return result


# --- The antimeridian ---------------------------------------------------------------
# world-atlas leaves cutting at ±180° to the renderer (d3 clips on the sphere): a few
# rings (Russia, Fiji) step from +180° to -180°. Each arc is cut into pieces that stay
# on one side; rings made of several pieces are closed along the map's edge.
Pieces = list[list[Point]]


def split_antimeridian(points: Sequence[Point]) -> Pieces:
    """Cut a (longitude, latitude) line where it crosses 180°, adding the crossings."""
    pieces: Pieces = [[points[0]]]
    for (lon0, lat0), (lon1, lat1) in pairwise(points):
        if abs(lon1 - lon0) <= 180:
            pieces[-1].append((lon1, lat1))
            continue
        edge = 180.0 if lon0 > 0 or (lon0 == 0 and lon1 < 0) else -180.0
        unwrapped = lon1 + 360 if edge > 0 else lon1 - 360
        t = 0.0 if unwrapped == lon0 else (edge - lon0) / (unwrapped - lon0)
        lat = lat0 + t * (lat1 - lat0)
        if pieces[-1][-1] != (edge, lat):
            pieces[-1].append((edge, lat))
        pieces.append([(-edge, lat)])
        if (lon1, lat1) != (-edge, lat):
            pieces[-1].append((lon1, lat1))
    return pieces


def piece_refs(arcs: Sequence[Pieces], ref: int) -> Pieces:
    if ref >= 0:
        return [list(piece) for piece in arcs[ref]]
    return [list(reversed(piece)) for piece in reversed(arcs[~ref])]


def ring_fragments(arcs: Sequence[Pieces], refs: Iterable[int]) -> Pieces:
    """A ring as the runs of points between crossings of 180°: one run if it crosses none
    (a closed ring), otherwise runs that begin and end on the map's edge."""
    fragments: Pieces = []
    for ref in refs:
        for index, piece in enumerate(piece_refs(arcs, ref)):
            if fragments and index == 0:
                fragments[-1].extend(piece[1:])
            else:
                fragments.append(piece)
    if len(fragments) > 1:  # the ring's first run continues its last one
        fragments[0] = fragments.pop() + fragments[0][1:]
    return fragments


# --- Geometry helpers ------------------------------------------------------------
def ring_area(points: Sequence[Point]) -> float:
    """Unsigned shoelace area."""
    total = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        total += x0 * y1 - x1 * y0
    return abs(total) / 2


def ring_centroid(points: Sequence[Point]) -> Point:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:  # a degenerate ring: average its points
        return (
            sum(p[0] for p in points) / len(points),
            sum(p[1] for p in points) / len(points),
        )
    return cx / (3 * area), cy / (3 * area)


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Keep the first and last point and every point further than ``tolerance`` from
    the simplified line (iterative, so long arcs do not hit the recursion limit)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - x0, py - y0)
            else:
                distance = abs(dy * px - dx * py + x1 * y0 - y1 * x0) / length
            if distance > worst:
                worst, index = distance, i
        if index != -1 and worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def rounded_ring(points: Sequence[Point]) -> list[tuple[int, int]]:
    """Integer points without repeats; the closing point is implied (SVG ``z``)."""
    result: list[tuple[int, int]] = []
    for x, y in points:
        p = (round(x), round(y))
        if not result or p != result[-1]:
            result.append(p)
    while len(result) > 1 and result[-1] == result[0]:
        result.pop()
    return result


def path_data(rings: Iterable[Sequence[tuple[int, int]]]) -> str:
    """``M x y l dx dy dx dy … z`` per ring: relative steps are 1-3 characters each."""

    def number(value: int, first: bool) -> str:
        return str(value) if first or value < 0 else f" {value}"

    parts = []
    for ring in rings:
        (x, y), rest = ring[0], ring[1:]
        text = [f"M{x}{number(y, False)}l"]
        first = True
        for px, py in rest:
            text.append(number(px - x, first) + number(py - y, False))
            x, y, first = px, py, False
        parts.append("".join(text) + "z")
    return "".join(parts)


# --- Build -------------------------------------------------------------------------
def read_members(path: Path = MEMBERS_CSV) -> dict[str, str]:
    """ISO numeric -> alpha-2 for the WHO Member States."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["numeric"]: row["alpha2"] for row in csv.DictReader(handle)}


def load(path: Path) -> tuple[dict, list[list[Point]]]:
    topology = json.loads(path.read_text(encoding="utf-8"))
    return topology, decode_arcs(topology)


def point_of(package: Path, numeric: str) -> Point:
    """Centroid (longitude, latitude) of the largest polygon of a country at 1:50m
    (1:10m if absent): the largest, because a multipolygon may straddle 180°."""
    for name in ("countries-50m.json", "countries-10m.json"):
        file = package / name
        if not file.exists():
            continue
        topology, arcs = load(file)
        for geometry in topology["objects"]["countries"]["geometries"]:
            if geometry.get("id") == numeric:
                rings = [ring_points(arcs, ring) for ring in geometry_rings(geometry)]
                return ring_centroid(max(rings, key=ring_area))
    if numeric in FALLBACK_POINTS:
        return FALLBACK_POINTS[numeric]
    raise SystemExit(f"No geometry for ISO {numeric} in {package}")


def build(package: Path, tolerance: float = TOLERANCE, min_area: float = MIN_RING_AREA) -> dict:
    members = read_members()
    alpha_of_name = dict(MERGE_INTO)
    topology, lonlat_arcs = load(package / "countries-110m.json")
    geometries = topology["objects"]["countries"]["geometries"]

    # Group the rings (arc references) by Member State; the rest is "other".
    member_rings: dict[str, list[list[int]]] = {}
    other_rings: list[list[int]] = []
    for geometry in geometries:
        numeric = geometry.get("id")
        if numeric in DROP:
            continue
        alpha2 = members.get(numeric or "") or alpha_of_name.get(geometry["properties"]["name"])
        if alpha2:
            member_rings.setdefault(alpha2, []).extend(geometry_rings(geometry))
        else:
            other_rings.extend(geometry_rings(geometry))

    numeric_of = {alpha2: numeric for numeric, alpha2 in members.items()}
    missing = sorted(a for a in members.values() if a not in member_rings)
    points_lonlat = {a: point_of(package, numeric_of[a]) for a in missing}

    # Project; find the bounds of what is drawn; scale to WIDTH; simplify per arc.
    used = {
        ref if ref >= 0 else ~ref for rings in member_rings.values() for r in rings for ref in r
    }
    used |= {ref if ref >= 0 else ~ref for r in other_rings for ref in r}
    projected_points = {a: equal_earth(*p) for a, p in points_lonlat.items()}
    drawn = [equal_earth(*p) for i in used for p in lonlat_arcs[i]]
    drawn += [*projected_points.values(), equal_earth(180, 0), equal_earth(-180, 0)]
    xs, ys = [x for x, _ in drawn], [y for _, y in drawn]
    scale = (WIDTH - 2 * MARGIN) / (max(xs) - min(xs))
    left, top = min(xs), max(ys)

    def to_map(p: Point) -> Point:  # SVG's y axis points down
        return (p[0] - left) * scale + MARGIN, (top - p[1]) * scale + MARGIN

    height = math.ceil((max(ys) - min(ys)) * scale + 2 * MARGIN)
    map_arcs: list[Pieces] = [[] for _ in lonlat_arcs]
    for i in used:
        map_arcs[i] = [
            douglas_peucker([to_map(equal_earth(*p)) for p in piece], tolerance)
            for piece in split_antimeridian(lonlat_arcs[i])
        ]

    def latitude_at(y: float) -> float:
        target = top - (y - MARGIN) / scale
        south, north = -90.0, 90.0
        for _ in range(60):
            middle = (south + north) / 2
            south, north = (
                (middle, north) if equal_earth(0, middle)[1] < target else (south, middle)
            )
        return (south + north) / 2

    def along_edge(start: Point, end: Point) -> list[Point]:
        """Points of the map's curved edge (±180°) strictly between two of its points."""
        lon = 180.0 if start[0] > WIDTH / 2 else -180.0
        lat0, lat1 = latitude_at(start[1]), latitude_at(end[1])
        steps = max(1, math.ceil(abs(lat1 - lat0) / 0.5))
        line = [start]
        line += [
            to_map(equal_earth(lon, lat0 + (lat1 - lat0) * k / steps)) for k in range(1, steps)
        ]
        return douglas_peucker([*line, end], tolerance)[1:-1]

    def closed(fragments: Pieces) -> Pieces:
        if len(fragments) == 1:
            return fragments
        sides: dict[bool, Pieces] = {}
        for fragment in fragments:
            sides.setdefault(fragment[0][0] > WIDTH / 2, []).append(fragment)
        if any(len(group) != 1 for group in sides.values()):
            raise SystemExit("A ring crosses 180° more than twice: extend closed().")
        return [f + along_edge(f[-1], f[0]) for (f,) in sides.values()]

    def shapes(rings: list[list[int]], merge: bool) -> list[list[tuple[int, int]]]:
        if merge:  # no merged area touches 180°: each arc is a single piece
            flat = [pieces[0] if pieces else [] for pieces in map_arcs]
            point_rings = merge_rings(flat, rings)
        else:
            point_rings = [r for ring in rings for r in closed(ring_fragments(map_arcs, ring))]
        candidates = [r for r in (rounded_ring(p) for p in point_rings) if len(r) >= 3]
        if not candidates:
            return []
        largest = max(candidates, key=ring_area)
        return [r for r in candidates if r is largest or ring_area(r) >= min_area]

    merged_targets = set(MERGE_INTO.values())
    countries: dict[str, dict] = {}
    for alpha2 in sorted(members.values()):
        entry: dict = {"numeric": numeric_of[alpha2]}
        if alpha2 in member_rings:
            rings = shapes(member_rings[alpha2], merge=alpha2 in merged_targets)
            entry["d"] = path_data(rings)
            if sum(ring_area(r) for r in rings) < SMALL_AREA:
                x, y = ring_centroid(max(rings, key=ring_area))
                entry["point"] = [round(x, 1), round(y, 1)]
        else:
            x, y = to_map(projected_points[alpha2])
            entry["point"] = [round(x, 1), round(y, 1)]
        countries[alpha2] = entry

    # The outline of the globe (cut at the view box's top and bottom): drawn as the sea.
    south, north = latitude_at(height), min(90.0, latitude_at(0))
    east = [(180.0, north + (south - north) * k / 90) for k in range(91)]
    outline = [to_map(equal_earth(*p)) for p in [*east, *((-lon, lat) for lon, lat in east[::-1])]]
    sphere = rounded_ring(douglas_peucker(outline, tolerance))

    return {
        "source": SOURCE,
        "licence": "Public domain (Natural Earth); world-atlas packaging ISC",
        "projection": "Equal Earth",
        "viewBox": [0, 0, WIDTH, height],
        "sphere": path_data([sphere]),
        "countries": countries,
        "other": path_data(shapes(other_rings, merge=False)),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked world-atlas@2.0.2 folder")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    parser.add_argument("--min-area", type=float, default=MIN_RING_AREA)
    args = parser.parse_args(argv)
    data = build(args.package, tolerance=args.tolerance, min_area=args.min_area)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, sort_keys=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    points = sum(1 for c in data["countries"].values() if "point" in c)
    sys.stdout.write(
        f"{args.output}: {len(text.encode())} bytes, {len(data['countries'])} Member States "
        f"({points} as points), view box {data['viewBox']}\n"
    )


if __name__ == "__main__":
    main()
