"""Reference data from site_config/: provinces, regions, taxonomies, institutions and UI strings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Problem
from ..uitext import placeholders
from . import schema, yamlio
from .fieldtypes import INVALID, Context, Localized, Object, Text
from .messages import make_problem
from .model import Contact, Institution, LText, Province, Region, Term
from .suggest import Options, did_you_mean, guess_hint
from .uikeys import FILLED_IN, UI_KEYS

PROVINCES_FILE = "provinces.yaml"
REGIONS_FILE = "regions.yaml"
TAXONOMIES_FILE = "taxonomies.yaml"
INSTITUTIONS_FILE = "institutions.yaml"
UI_FILE = "ui.yaml"

UI_STRING = Localized(Text(400), english_required=True)


@dataclass
class ReferenceData:
    """Everything in site_config/ that entries refer to, validated."""

    provinces: dict[str, Province] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    taxonomies: dict[str, dict[str, Term]] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)
    ui: dict[str, LText] = field(default_factory=dict)

    def choices(self) -> dict[str, list[str]]:
        """The ids each Choice field may take, in file order, each list with the ids' names (for did-you-mean)."""
        result: dict[str, list[str]] = {
            name: Options(terms, {i: (t.label.th, t.label.en) for i, t in terms.items()})
            for name, terms in self.taxonomies.items()
        }
        result["provinces"] = Options(
            self.provinces, {i: (p.name.th, p.name.en, *p.also_th, *p.also_en) for i, p in self.provinces.items()}
        )
        result["institutions"] = Options(
            self.institutions,
            {i: (u.name.th, u.name.en, u.short.th, u.short.en) for i, u in self.institutions.items()},
        )
        return result


def _placeholder_problems(display: str, key: str, node: yamlio.Node, value: dict[str, str]) -> list[Problem]:
    """Braces that are no placeholder, or values the site does not give (or one it gives left out), in one text."""
    assert isinstance(node, yamlio.Mapping)  # UI_STRING accepted it
    expected = FILLED_IN.get(key, frozenset())
    problems: list[Problem] = []
    for lang in ("th", "en"):
        names = placeholders(value[lang])
        if names is not None and names == set(expected):
            continue
        pos = node.items[lang].start
        lang_th = "ภาษาไทย" if lang == "th" else "ภาษาอังกฤษ"
        code = "ui-text-braces" if names is None else "ui-text-placeholders"
        found, given = _shown(names or ()), _shown(expected)
        problems.append(
            make_problem(
                code,
                display,
                pos.line,
                pos.column,
                f"{key}.{lang}",
                key=key,
                lang=lang,
                lang_th=lang_th,
                found=found,
                given=given,
            )
        )
    return problems


def _shown(names: Iterable[str]) -> str:
    return " ".join(f"{{{n}}}" for n in sorted(names)) or "—"


def _config_problem(path: str, pos: yamlio.Pos, field_path: str, en: str, th: str) -> Problem:
    return make_problem("config-invalid", path, pos.line, pos.column, field_path, detail=en, detail_th=th)


def _load(
    folder: Path, name: str, spec: Object, choices: dict[str, list[str]], problems: list[Problem]
) -> tuple[Any, yamlio.Node | None]:
    """Load and check one site_config file; returns (value or INVALID, node)."""
    display = f"site_config/{name}"
    root, found, text = yamlio.load_file(folder / name, display)
    problems.extend(found)
    if root is None or text is None or any(p.is_error for p in found):
        return INVALID, root
    ctx = Context(path=display, text=text, choices=choices, today=dt.date.max)
    value = spec.check(root, ctx, "")
    problems.extend(ctx.problems)
    return value, root


def _unique_ids(items: list[dict[str, Any]], display: str, section: str, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item["id"] in seen:
            problems.append(
                _config_problem(
                    display,
                    yamlio.Pos(1, 1),
                    f"{section}[{index}].id",
                    f'The id "{item["id"]}" is used twice.',
                    f'รหัส "{item["id"]}" ซ้ำกัน',
                )
            )
        seen.add(item["id"])


def load_reference(folder: Path) -> tuple[ReferenceData, list[Problem]]:
    """Load site_config/ in dependency order; problems say what is wrong and where."""
    problems: list[Problem] = []
    ref = ReferenceData()
    choices: dict[str, list[str]] = {}

    provinces, _ = _load(folder, PROVINCES_FILE, schema.PROVINCES, choices, problems)
    regions, _ = _load(folder, REGIONS_FILE, schema.REGIONS, choices, problems)
    if provinces is not INVALID and regions is not INVALID:
        _unique_ids(provinces["provinces"], f"site_config/{PROVINCES_FILE}", "provinces", problems)
        region_of: dict[str, str] = {}
        for region in regions["regions"]:
            for code in region["provinces"]:
                if code in region_of:
                    problems.append(
                        _config_problem(
                            f"site_config/{REGIONS_FILE}",
                            yamlio.Pos(1, 1),
                            f"regions.{region['id']}",
                            f"Province code {code} is in two regions.",
                            f"จังหวัดรหัส {code} อยู่ในสองภาค",
                        )
                    )
                region_of[code] = region["id"]
        for p in provinces["provinces"]:
            if p["code"] not in region_of:
                problems.append(
                    _config_problem(
                        f"site_config/{REGIONS_FILE}",
                        yamlio.Pos(1, 1),
                        "regions",
                        f"Province {p['en']} ({p['code']}) is in no region.",
                        f"จังหวัด{p['th']} ({p['code']}) ไม่อยู่ในภาคใด",
                    )
                )
                continue
            ref.provinces[p["id"]] = Province(
                p["id"],
                p["code"],
                p["iso"],
                LText(p["th"], p["en"]),
                region_of[p["code"]],
                tuple(p.get("also_th") or ()),
                tuple(p.get("also_en") or ()),
            )
        by_code = {p.code: p.id for p in ref.provinces.values()}
        for region in regions["regions"]:
            ref.regions[region["id"]] = Region(
                region["id"],
                LText(region["th"], region["en"]),
                tuple(by_code[c] for c in region["provinces"] if c in by_code),
            )
    choices["provinces"] = list(ref.provinces)

    taxonomies, _ = _load(folder, TAXONOMIES_FILE, schema.TAXONOMIES, choices, problems)
    if taxonomies is not INVALID:
        for name in schema.TAXONOMY_NAMES:
            _unique_ids(taxonomies[name], f"site_config/{TAXONOMIES_FILE}", name, problems)
            ref.taxonomies[name] = {
                t["id"]: Term(t["id"], LText(t["th"], t["en"]), LText.of(t.get("description")))
                for t in taxonomies[name]
            }
        kinds = set(ref.taxonomies["kinds"])
        if kinds != set(schema.KINDS):
            problems.append(
                _config_problem(
                    f"site_config/{TAXONOMIES_FILE}",
                    yamlio.Pos(1, 1),
                    "kinds",
                    f"kinds must be exactly {', '.join(schema.KINDS)}: the generator knows how to show those.",
                    f"kinds ต้องมีเฉพาะ {', '.join(schema.KINDS)} เท่านั้น",
                )
            )
    choices.update({name: list(terms) for name, terms in ref.taxonomies.items()})

    institutions, _ = _load(folder, INSTITUTIONS_FILE, schema.INSTITUTIONS, choices, problems)
    if institutions is not INVALID:
        _unique_ids(institutions["institutions"], f"site_config/{INSTITUTIONS_FILE}", "institutions", problems)
        for i in institutions["institutions"]:
            contact = Contact.of(i["contact"])
            assert contact is not None
            ref.institutions[i["id"]] = Institution(
                id=i["id"],
                name=LText(**i["name"]),
                short=LText(**i["short"]),
                clinic=LText(**i["clinic"]),
                province=i["province"],
                provinces_served=tuple(i["provinces_served"]),
                contact=contact,
                coupon_services=tuple(i.get("coupon_services", ())),
            )

    ref.ui = _load_ui(folder, problems)
    return ref, problems


def _load_ui(folder: Path, problems: list[Problem]) -> dict[str, LText]:
    """UI strings: a mapping of key → {th, en}; both languages are required."""
    display = f"site_config/{UI_FILE}"
    root, found, text = yamlio.load_file(folder / UI_FILE, display)
    problems.extend(found)
    if root is None or text is None:
        return {}  # `found` says why (missing, unreadable, not YAML)
    if not isinstance(root, yamlio.Mapping):
        problems.append(
            _config_problem(
                display,
                root.start,
                "",
                "ui.yaml must name each text and give it th: and en: (`site_name:` then `  th: …`).",
                "ui.yaml ต้องเป็นชื่อข้อความแต่ละรายการพร้อม th: และ en: (เช่น `site_name:` แล้วตามด้วย `  th: …`)",
            )
        )
        return {}
    ctx = Context(path=display, text=text)
    result: dict[str, LText] = {}
    for key, node in root.items.items():
        value = UI_STRING.check(node, ctx, key)
        if value is not INVALID:
            result[key] = LText(value["th"], value["en"])
            problems.extend(_placeholder_problems(display, key, node, value))
    problems.extend(ctx.problems)
    missing = sorted(UI_KEYS - root.items.keys())
    for key in missing:  # at the end of the file, where a text is added
        problems.append(make_problem("ui-text-missing", display, root.end.line, 1, key, key=key))
    for key in sorted(root.items.keys() - UI_KEYS):
        guess = did_you_mean(key, missing)  # a misspelt name is also a missing text
        hint_en, hint_th = guess_hint(guess)
        pos = root.key_pos[key]
        problems.append(
            make_problem("ui-text-unused", display, pos.line, pos.column, key, key=key, hint=hint_en, hint_th=hint_th)
        )
    return result
