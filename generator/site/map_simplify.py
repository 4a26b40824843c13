"""One-off: shrink the `@svg-maps/thailand` paths into generator/site/mapdata/thailand.json.

Usage (see generator/site/mapdata/README.md):

    npm pack @svg-maps/thailand@2.0.0 && tar xzf svg-maps-thailand-2.0.0.tgz
    python -m generator.site.map_simplify package/index.js generator/site/mapdata/thailand.json

Neighbouring provinces share their border points in the source, so each border is simplified once
(Douglas-Peucker on the shared stretch between junctions) and both provinces get the same line: no
gaps or overlaps appear between them. Coordinates are snapped to a grid of GRID viewBox units and
written as small relative integers, with the viewBox scaled to match.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

GRID = 0.5  # viewBox units per output unit: 1 unit ≈ half a pixel on a phone; invisible
TOLERANCE = 1.6  # Douglas-Peucker tolerance in output units (0.8 viewBox units): no visible change
SNAP = 10  # source points are matched on a 0.1-unit grid: the source's relative steps drift a little

Point = tuple[int, int]
_SUBPATH = re.compile(r"m([^mz]*)z", re.IGNORECASE)
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")


def parse_rings(d: str) -> list[list[Point]]:
    """The closed rings of a path made of `m … z` subpaths with implicit relative line-tos, on the snap grid."""
    rings = []
    x = y = 0.0
    for sub in _SUBPATH.findall(d):
        nums = [float(n) for n in _NUMBER.findall(sub)]
        ring: list[Point] = []
        for i in range(0, len(nums) - 1, 2):
            x, y = x + nums[i], y + nums[i + 1]
            if i == 0:
                start = (x, y)
            p = (round(x * SNAP), round(y * SNAP))
            if not ring or ring[-1] != p:
                ring.append(p)
        while len(ring) > 1 and ring[0] == ring[-1]:
            ring.pop()
        x, y = start  # after z the current point is the subpath's start
        if len(ring) >= 3:
            rings.append(ring)
    return rings


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to the segment a–b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """The points of a line that stay within `tolerance` of it (ends kept)."""
    if len(points) <= 2:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify(rings_by_id: dict[str, list[list[Point]]], tolerance: float) -> dict[str, list[list[Point]]]:
    """Simplify every ring, stretch by stretch, so that shared borders stay identical on both sides."""
    owners: dict[Point, set[tuple[str, int]]] = defaultdict(set)
    for loc, rings in rings_by_id.items():
        for n, ring in enumerate(rings):
            for p in ring:
                owners[p].add((loc, n))

    def owner_ids(p: Point) -> frozenset[str]:
        return frozenset(o[0] for o in owners[p])

    cache: dict[tuple[Point, ...], list[Point]] = {}

    def stretch(points: list[Point]) -> list[Point]:
        # The same stretch is met in both directions; simplify one canonical direction.
        forward = tuple(points)
        backward = forward[::-1]
        key = min(forward, backward)
        if key not in cache:
            cache[key] = douglas_peucker(list(key), tolerance * GRID * SNAP)
        return cache[key] if key == forward else cache[key][::-1]

    out: dict[str, list[list[Point]]] = {}
    for loc, rings in rings_by_id.items():
        out[loc] = []
        for ring in rings:
            size = len(ring)
            fixed = [
                owner_ids(ring[i]) != owner_ids(ring[i - 1]) or owner_ids(ring[i]) != owner_ids(ring[(i + 1) % size])
                for i in range(size)
            ]
            if not any(fixed):  # an island: keep its first point and the point farthest from it
                far = max(range(size), key=lambda i: math.dist(ring[0], ring[i]))
                fixed[0] = fixed[far] = True
            start = fixed.index(True)
            ordered = ring[start:] + ring[:start] + [ring[start]]
            marks = fixed[start:] + fixed[:start] + [True]
            result: list[Point] = []
            begin = 0
            for i in range(1, len(ordered)):
                if marks[i]:
                    result += stretch(ordered[begin : i + 1])[:-1]
                    begin = i
            out[loc].append(result)
    return out


def path_data(rings: list[list[Point]]) -> str:
    """SVG path data on the output grid: relative moves and implicit relative line-tos, integers only."""
    parts = []
    x = y = 0
    scale = SNAP * GRID
    for ring in rings:
        grid: list[Point] = []
        for p in ring:
            q = (round(p[0] / scale), round(p[1] / scale))
            if not grid or grid[-1] != q:
                grid.append(q)
        if len(grid) > 1 and grid[0] == grid[-1]:
            grid.pop()
        if len(grid) < 3:
            continue
        steps = []
        for gx, gy in grid:
            steps.append(_pair(gx - x, gy - y))
            x, y = gx, gy
        parts.append("m" + "".join(steps).lstrip(" ") + "z")
        x, y = grid[0]  # after z the current point is the subpath's start
    return "".join(parts)


def _pair(dx: int, dy: int) -> str:
    # A minus sign separates numbers by itself; otherwise a space does.
    return (f" {dx}" if dx >= 0 else f"{dx}") + (f" {dy}" if dy >= 0 else f"{dy}")


def convert(source: dict[str, Any], tolerance: float = TOLERANCE) -> dict[str, Any]:
    """The simplified map: viewBox scaled to the output grid and one path per location."""
    rings = {loc["id"]: parse_rings(loc["path"]) for loc in source["locations"]}
    simple = simplify(rings, tolerance)
    x0, y0, width, height = (float(v) for v in source["viewBox"].split())
    box = " ".join(str(round(v / GRID)) for v in (x0, y0, width, height))
    return {
        "viewBox": box,
        "locations": [
            {"id": loc["id"], "name": loc["name"], "path": path_data(simple[loc["id"]])} for loc in source["locations"]
        ],
    }


def load_package_index(path: Path) -> dict[str, Any]:
    """The map object of the package's index.js (`export default {…}`)."""
    text = path.read_text(encoding="utf-8").strip()
    text = text.removeprefix("export default").strip().rstrip(";")
    value: dict[str, Any] = json.loads(text)
    return value


def main(argv: list[str]) -> int:
    """Convert the package's index.js into the vendored JSON and print the sizes."""
    if len(argv) != 2:
        print("usage: python -m generator.site.map_simplify <package/index.js> <out.json>", file=sys.stderr)
        return 2
    source = load_package_index(Path(argv[0]))
    result = convert(source)
    Path(argv[1]).write_text(json.dumps(result, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    before = sum(len(loc["path"]) for loc in source["locations"])
    after = sum(len(loc["path"]) for loc in result["locations"])
    print(f"{len(result['locations'])} locations; path data {before:,} → {after:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
