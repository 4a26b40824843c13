"""`python -m generator synth`: a valid synthetic database of N entries, for benchmarks only.

Texts are recombined from the bundled sample entries, so lengths and vocabulary are realistic Thai
and English. Entries are spread over every category, province and institution; images are hard links
to a few shared files. Deterministic for a given N and seed.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from pathlib import Path

from .atomic import folder_in_use, not_a_folder
from .database.validate import check_database

COPIED = ("site_config", "content")


def output_problem(out: Path) -> str | None:
    """Why synth may not replace `out`: only a folder holding nothing but an earlier synthetic database may go."""
    if not out.is_dir():
        return not_a_folder(out)
    strangers = sorted(p.name for p in out.iterdir() if p.name not in (*COPIED, "technologies"))
    technologies = out / "technologies"
    if technologies.is_dir():  # a real database has the same folders: its entries are not named synth-…
        strangers += sorted(
            f"technologies/{i.name}/{f.name}"
            for i in technologies.iterdir()
            for f in (i.iterdir() if i.is_dir() else ())
            if not f.name.startswith("synth-")
        )
    return folder_in_use(
        out, strangers, ("more than a synthetic database", "ไฟล์อื่นนอกจากฐานข้อมูลจำลอง"), ("synth", "synth ")
    )


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.strip("\n").split("\n")) + "\n"


def _paragraphs(texts: list[str]) -> list[str]:
    return [p.strip() for t in texts for p in t.split("\n\n") if p.strip() and not p.lstrip().startswith("#")]


def synthesize(source: Path, out: Path, count: int, seed: int = 1) -> int:
    """Write `count` entries (plus site_config and content) into `out`; returns the number written."""
    catalog, reference, _ = check_database(source)
    if catalog is None:
        raise ValueError("the source database has errors; run `python -m generator check` first")
    rng = random.Random(seed)
    samples = list(catalog.entries.values())
    th_paras = _paragraphs([e.description.th for e in samples])
    en_paras = _paragraphs([e.description.en for e in samples if e.description.en])
    # one spelling per keyword: the checker refuses the same keyword twice in any letter case
    keywords_th = sorted({k.casefold(): k for e in samples for k in e.keywords.th}.values())
    keywords_en = sorted({k.casefold(): k for e in samples for k in (e.keywords.en or ())}.values())
    images = sorted(Path(i.source) for e in samples for i in e.images)
    categories = list(reference.taxonomies["categories"])
    provinces = list(reference.provinces)
    institutions = list(reference.institutions)
    audiences = list(reference.taxonomies["audiences"])
    readiness = list(reference.taxonomies["readiness"])
    ip_status = [s for s in reference.taxonomies["ip_status"] if s != "community-owned"]

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in COPIED:
        shutil.copytree(source / name, out / name)
    start = dt.date(2006, 1, 1)
    for n in range(count):
        template = samples[n % len(samples)]
        entry_id = f"synth-{n:05d}"
        institution = institutions[n % len(institutions)]
        category = categories[n % len(categories)]
        kind = "local-wisdom" if n % 4 == 3 else "technology"
        english = n % 10 != 9
        places = sorted(rng.sample(provinces, 1 + n % 3))  # every province, in no pattern tied to n
        added = start + dt.timedelta(days=(n * 37) % 7300)
        reviewed = min(added + dt.timedelta(days=30 + n % 900), dt.date(2026, 10, 1))
        desc_th = "\n\n".join(rng.sample(th_paras, 3))
        desc_en = "\n\n".join(rng.sample(en_paras, 3))
        title_th = f"{template.title.th} รุ่นที่ {n + 1}"
        title_en = f"{template.title.en or 'Technology'} (version {n + 1})"
        lines = [
            "# yaml-language-server: $schema=../../site_config/schema/entry.schema.json",
            f"id: {entry_id}",
            f"kind: {kind}",
            f"institution: {institution}",
            "title:",
            f"  th: {_quote(title_th)}",
            *([f"  en: {_quote(title_en)}"] if english else []),
            "summary:",
            f"  th: {_quote(template.summary.th)}",
            *([f"  en: {_quote(template.summary.en or title_en)}"] if english else []),
            "description:",
            "  th: " + _block(desc_th + "\n\n### รายละเอียดเพิ่มเติม\n- " + rng.choice(th_paras)[:120], 4).rstrip("\n"),
            *(["  en: " + _block(desc_en, 4).rstrip("\n")] if english else []),
            f"category: {category}",
            "keywords:",
            f"  th: [{', '.join(_quote(k) for k in rng.sample(keywords_th, 4))}]",
            *([f"  en: [{', '.join(_quote(k) for k in rng.sample(keywords_en, 4))}]"] if english else []),
            f"audiences: [{', '.join(rng.sample(audiences, 2))}]",
            f"value_chain: [{rng.choice(['upstream', 'midstream', 'downstream'])}]",
            f"provinces: [{', '.join(places)}]",
            f"ip:\n  status: {'community-owned' if kind == 'local-wisdom' else rng.choice(ip_status)}",
        ]
        if kind == "technology":
            lines.append(f"readiness: {rng.choice(readiness)}")
            low = rng.randrange(1, 50) * 1000
            lines.append(f"adoption:\n  cost_min: {low}\n  cost_max: {low + rng.randrange(0, 100) * 1000}")
        else:
            lines += [
                "community:",
                "  name:",
                f"    th: {_quote('กลุ่มชุมชนตัวอย่าง ' + str(n))}",
                f"  province: {places[0]}",
                "holders:",
                "  - name:",
                f"      th: {_quote('ปราชญ์ชาวบ้าน ' + str(n))}",
                "consent:",
                "  method: written",
                f"  date: {(added - dt.timedelta(days=10)).isoformat()}",
                "  given_by:",
                f"    th: {_quote('ปราชญ์ชาวบ้าน ' + str(n))}",
                "  attribution:",
                f"    th: {_quote('ภูมิปัญญาของกลุ่มชุมชนตัวอย่าง ' + str(n))}",
            ]
        folder = out / "technologies" / institution
        folder.mkdir(parents=True, exist_ok=True)
        if images and n % 3 == 0:
            image = images[n % len(images)]
            (folder / entry_id).mkdir()
            os.link(image, folder / entry_id / image.name)  # shared bytes: a hard link, not a copy
            lines += [
                "images:",
                f"  - file: {image.name}",
                "    alt:",
                f"      th: {_quote('ภาพประกอบ ' + title_th)}",
                *([f"      en: {_quote('Illustration of ' + title_en)}"] if english else []),
            ]
        lines += [f"date_added: {added.isoformat()}", f"date_reviewed: {reviewed.isoformat()}"]
        (folder / f"{entry_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count
