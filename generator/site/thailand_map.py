"""A map of Thailand's 77 provinces as inline SVG, each province a link shaded by its number of entries.

The shapes come from `@svg-maps/thailand` (CC-BY-4.0), simplified once into mapdata/thailand.json
(see mapdata/README.md). Their location ids are the package's own; MAP_TO_PROVINCE joins them to
the province ids of site_config/provinces.yaml. The markup needs no JavaScript: every province is
an `<a>` with an accessible name, reachable by keyboard.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..database.reference import ReferenceData
from ..thai import collation_key
from ..uitext import fill

MAP_FILE = Path(__file__).parent / "mapdata" / "thailand.json"
BUCKETS = 4  # shades for provinces with entries; a fifth, lightest shade means none

# The package's location id → our province id. Written out (not matched by name) because the
# package spells some names differently: Buriram (Buri Ram), Phangnga (Phang-nga).
MAP_TO_PROVINCE: dict[str, str] = {
    "bkk": "bangkok",
    "spk": "samut-prakan",
    "nbi": "nonthaburi",
    "pte": "pathum-thani",
    "aya": "phra-nakhon-si-ayutthaya",
    "atg": "ang-thong",
    "lri": "lop-buri",
    "sbr": "sing-buri",
    "cnt": "chai-nat",
    "sri": "saraburi",
    "cbi": "chon-buri",
    "ryg": "rayong",
    "cti": "chanthaburi",
    "trt": "trat",
    "cco": "chachoengsao",
    "pri": "prachin-buri",
    "nyk": "nakhon-nayok",
    "skw": "sa-kaeo",
    "nma": "nakhon-ratchasima",
    "brm": "buri-ram",
    "srn": "surin",
    "ssk": "si-sa-ket",
    "ubn": "ubon-ratchathani",
    "yst": "yasothon",
    "cpm": "chaiyaphum",
    "acr": "amnat-charoen",
    "bkn": "bueng-kan",
    "nbp": "nong-bua-lam-phu",
    "kkn": "khon-kaen",
    "udn": "udon-thani",
    "lei": "loei",
    "nki": "nong-khai",
    "mkm": "maha-sarakham",
    "ret": "roi-et",
    "ksn": "kalasin",
    "snk": "sakon-nakhon",
    "npm": "nakhon-phanom",
    "mdh": "mukdahan",
    "cmi": "chiang-mai",
    "lpn": "lamphun",
    "lpg": "lampang",
    "utd": "uttaradit",
    "pre": "phrae",
    "nan": "nan",
    "pyo": "phayao",
    "cri": "chiang-rai",
    "msn": "mae-hong-son",
    "nsn": "nakhon-sawan",
    "uti": "uthai-thani",
    "kpt": "kamphaeng-phet",
    "tak": "tak",
    "sti": "sukhothai",
    "plk": "phitsanulok",
    "pct": "phichit",
    "pnb": "phetchabun",
    "rbr": "ratchaburi",
    "kri": "kanchanaburi",
    "spb": "suphan-buri",
    "npt": "nakhon-pathom",
    "skn": "samut-sakhon",
    "skm": "samut-songkhram",
    "pbi": "phetchaburi",
    "pkn": "prachuap-khiri-khan",
    "nrt": "nakhon-si-thammarat",
    "kbi": "krabi",
    "pna": "phang-nga",
    "pkt": "phuket",
    "sni": "surat-thani",
    "rng": "ranong",
    "cpn": "chumphon",
    "ska": "songkhla",
    "stn": "satun",
    "trg": "trang",
    "plg": "phatthalung",
    "ptn": "pattani",
    "yla": "yala",
    "nwt": "narathiwat",
}
# Shapes that are not provinces: drawn as water, not links.
WATER = frozenset({"lksg"})  # Songkhla Lake (ทะเลสาบสงขลา)


@dataclass(frozen=True)
class Shape:
    """One location of the map file."""

    id: str
    name: str
    path: str


@dataclass(frozen=True)
class MapData:
    """The map file: its viewBox and shapes."""

    view_box: str
    shapes: tuple[Shape, ...]


@dataclass(frozen=True)
class Bucket:
    """A shade of the map: provinces with `low`–`high` entries."""

    index: int
    low: int
    high: int

    @property
    def label(self) -> str:
        """`0`, `3` or `4–12`."""
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class ProvinceRow:
    """A province in the map's text alternative."""

    id: str
    name: str
    count: int
    bucket: int
    villages: int = 0


@dataclass(frozen=True)
class ProvinceMap:
    """The rendered map: SVG markup, its legend and the same numbers as rows."""

    svg: Markup
    legend: tuple[Bucket, ...]
    rows: tuple[ProvinceRow, ...]


@lru_cache(maxsize=1)
def load_map() -> MapData:
    """The vendored, simplified map."""
    raw: dict[str, Any] = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    shapes = tuple(Shape(loc["id"], loc["name"], loc["path"]) for loc in raw["locations"])
    return MapData(raw["viewBox"], shapes)


def buckets(counts: Mapping[str, int]) -> tuple[Bucket, ...]:
    """Shades: one for zero, then up to BUCKETS ranges growing geometrically up to the largest count."""
    top = max(counts.values(), default=0)
    out = [Bucket(0, 0, 0)]
    low = 1
    for k in range(1, BUCKETS + 1):
        # Counts are skewed (a few provinces hold many entries): geometric steps keep every shade in use.
        high = top if k == BUCKETS else math.floor(top ** (k / BUCKETS) + 1e-9)
        if high >= low:
            out.append(Bucket(len(out), low, high))
            low = high + 1
    return tuple(out)


def bucket_of(count: int, scale: tuple[Bucket, ...]) -> int:
    """The shade of a count."""
    return next(b.index for b in scale if b.low <= count <= b.high)


def render_map(
    reference: ReferenceData,
    counts: Mapping[str, int],
    lang: str,
    link: Callable[[str], str],
    dom_id: str = "tc-map",
    villages: Mapping[str, int] | None = None,
) -> ProvinceMap:
    """The map in `lang`: each province a link (`link("provinces/<id>.md")`) named "<province>: <n> entries"."""
    data = load_map()
    ui = reference.ui
    scale = buckets({p: counts.get(p, 0) for p in reference.provinces})
    title_id = f"{dom_id}-title"
    parts = [
        f'<svg class="tc-map__svg" viewBox="{escape(data.view_box)}" role="group" aria-labelledby="{title_id}">',
        f'<title id="{title_id}">{escape(ui["map_title"].get(lang))}</title>',
    ]
    rows = []
    for shape in data.shapes:
        if shape.id in WATER:
            parts.append(f'<path class="tc-map__water" d="{escape(shape.path)}" aria-hidden="true"/>')
            continue
        province = reference.provinces[MAP_TO_PROVINCE[shape.id]]
        count = counts.get(province.id, 0)
        shade = bucket_of(count, scale)
        name = province.name.get(lang)
        in_villages = (villages or {}).get(province.id, 0)
        said = f"{name}: {fill(ui['entries_count'].get(lang), count=count)}"
        if in_villages:
            said += f" ({fill(ui['map_villages'].get(lang), count=in_villages)})"
        label = escape(said)
        href = escape(link(f"provinces/{province.id}.md"))
        parts.append(
            f'<a class="tc-map__p tc-map__p--{shade}" href="{href}" aria-label="{label}" data-province="{province.id}">'
            f'<title>{label}</title><path d="{escape(shape.path)}"/></a>'
        )
        rows.append(ProvinceRow(province.id, name, count, shade, in_villages))
    parts.append("</svg>")
    rows.sort(key=lambda r: (collation_key(r.name), r.id))
    return ProvinceMap(Markup("".join(parts)), scale, tuple(rows))
