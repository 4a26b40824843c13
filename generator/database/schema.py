"""The one declaration of every entry field and of the reference data in site_config/.

The validator, the editor JSON Schema (`site_config/schema/entry.schema.json`) and the field
reference in the contributor docs are all derived from the declarations below.
"""

from __future__ import annotations

from collections.abc import Mapping as TMapping
from collections.abc import Sequence as TSequence
from typing import Any

from . import places
from .fieldtypes import (
    Choice,
    Context,
    Date,
    EntryRef,
    Field,
    Identifier,
    Integer,
    ListOf,
    Localized,
    Markdown,
    Object,
    Pattern,
    Text,
    Url,
    Year,
)
from .suggest import guess_hint

TECHNOLOGY = "technology"
LOCAL_WISDOM = "local-wisdom"
VILLAGE = "village"
KINDS = (TECHNOLOGY, LOCAL_WISDOM, VILLAGE)
ONLY_TECHNOLOGY = frozenset({TECHNOLOGY})
ONLY_LOCAL_WISDOM = frozenset({LOCAL_WISDOM})
ONLY_VILLAGE = frozenset({VILLAGE})
KNOWLEDGE = frozenset({TECHNOLOGY, LOCAL_WISDOM})  # what can be transferred, as opposed to where it is used
VILLAGE_PROGRAMME_START = 2009  # หมู่บ้านแม่ข่าย วท. began in 2552 BE

PHONE = Pattern(r"\+?[0-9][0-9 -]{5,22}[0-9]", "bad-phone", "phone number, quoted", "หมายเลขโทรศัพท์ในเครื่องหมายคำพูด", 30)
EMAIL = Pattern(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+",
    "bad-email",
    "e-mail address",
    "อีเมล",
)
LINE_ID = Pattern(r"@?[A-Za-z0-9._-]{2,40}", "bad-line-id", "LINE id, quoted", "ไอดีไลน์ในเครื่องหมายคำพูด", 41)

NAME = Localized(Text(120))


def _choice(source: str, en: str, th: str, file: str = "site_config/taxonomies.yaml") -> Choice:
    return Choice(source, en, th, file)


PROVINCE = _choice("provinces", "province", "จังหวัด", "site_config/provinces.yaml")
INSTITUTION = _choice("institutions", "institution", "หน่วยงาน", "site_config/institutions.yaml")


def _cost_rule(value: dict[str, Any], ctx: Context, path: str) -> None:
    low, high = value.get("cost_min"), value.get("cost_max")
    if low is not None and high is not None and high < low:
        ctx.report("cost-range", ctx.positions[f"{path}.cost_max"], f"{path}.cost_max", cost_min=low, cost_max=high)


CONTACT = Object(
    [
        Field("name", NAME, "Contact person", "ชื่อผู้ติดต่อ"),
        Field("phone", PHONE, "Phone number, quoted", "หมายเลขโทรศัพท์ ใส่ในเครื่องหมายคำพูด", example="081 234 5678"),
        Field("email", EMAIL, "E-mail address", "อีเมล", example="clinic@example.ac.th"),
        Field("line", LINE_ID, "LINE id, quoted", "ไอดีไลน์ ใส่ในเครื่องหมายคำพูด", example="@clinic"),
        Field("website", Url(), "Web page (https://)", "เว็บไซต์ (https://)"),
    ],
    where_en="contact",
    where_th="ข้อมูลติดต่อ",
)

IP = Object(
    [
        Field(
            "status",
            _choice("ip_status", "intellectual-property status", "สถานะทรัพย์สินทางปัญญา"),
            "Intellectual-property status",
            "สถานะทรัพย์สินทางปัญญา",
            required=True,
        ),
        Field(
            "number", Text(40), "Registration or application number, quoted", "เลขที่คำขอหรือเลขทะเบียน ใส่ในเครื่องหมายคำพูด"
        ),
    ],
    where_en="ip",
    where_th="ทรัพย์สินทางปัญญา",
)

ADOPTION = Object(
    [
        Field("cost_min", Integer(0, 100_000_000), "Lowest cost to adopt, in baht", "ค่าใช้จ่ายต่ำสุดในการนำไปใช้ (บาท)"),
        Field("cost_max", Integer(0, 100_000_000), "Highest cost to adopt, in baht", "ค่าใช้จ่ายสูงสุดในการนำไปใช้ (บาท)"),
        Field("training_days", Integer(0, 365), "Days of training needed", "จำนวนวันที่ต้องฝึกอบรม"),
        Field(
            "requirements",
            Localized(Markdown(4000)),
            "What an adopter needs (space, equipment, skills)",
            "สิ่งที่ผู้นำไปใช้ต้องมี (พื้นที่ อุปกรณ์ ทักษะ)",
        ),
    ],
    where_en="adoption",
    where_th="การนำไปใช้",
    rules=[_cost_rule],
)

IMAGE = Object(
    [
        Field("file", Text(100), "File name in the entry's own folder", "ชื่อไฟล์ในโฟลเดอร์ของรายการ", required=True),
        Field(
            "alt",
            Localized(Text(250)),
            "What the image shows, for people who cannot see it",
            "คำอธิบายภาพสำหรับผู้ที่มองไม่เห็นภาพ",
            required=True,
        ),
        Field("credit", Text(200), "Who took or owns the image", "ผู้ถ่ายหรือเจ้าของภาพ"),
    ],
    where_en="an image",
    where_th="รูปภาพ",
)

COMMUNITY = Object(
    [
        Field("name", NAME, "Name of the community or group", "ชื่อชุมชนหรือกลุ่ม", required=True),
        Field("village", Text(120), "Village (Thai)", "หมู่บ้าน"),
        Field("subdistrict", Text(120), "Subdistrict (tambon, Thai)", "ตำบล"),
        Field("district", Text(120), "District (amphoe, Thai)", "อำเภอ"),
        Field("province", PROVINCE, "Province", "จังหวัด", required=True),
    ],
    where_en="community",
    where_th="ชุมชน",
)

HOLDER = Object(
    [
        Field("name", NAME, "Name of the knowledge holder", "ชื่อผู้ถือครองภูมิปัญญา", required=True),
        Field("role", Localized(Text(200)), "Their role or expertise", "บทบาทหรือความเชี่ยวชาญ"),
    ],
    where_en="a knowledge holder",
    where_th="ผู้ถือครองภูมิปัญญา",
)

CONSENT = Object(
    [
        Field(
            "method",
            _choice("consent_method", "consent method", "วิธีการให้ความยินยอม"),
            "How consent was given",
            "วิธีการให้ความยินยอม",
            required=True,
        ),
        Field("date", Date(), "When consent was given", "วันที่ให้ความยินยอม", required=True),
        Field("given_by", NAME, "Who gave consent", "ผู้ให้ความยินยอม", required=True),
        Field(
            "attribution",
            Localized(Text(400)),
            "How the site must credit the knowledge",
            "ข้อความให้เกียรติเจ้าของภูมิปัญญาที่ต้องแสดง",
            required=True,
        ),
    ],
    where_en="consent",
    where_th="ความยินยอม",
)


def _place_rule(value: dict[str, Any], ctx: Context, path: str) -> None:
    """The district must be in the province and the subdistrict in the district (official DOPA lists)."""
    province_id = value["province"]
    code = places.province_code(province_id)
    if code is None:
        return  # an unknown province id is already reported
    province_th, province_en = _province_names(code)
    districts = places.districts(province_id)
    district = places.find(districts, value["district"])
    if district is None:
        others = places.district_elsewhere(value["district"])
        guess = places.suggestion(districts, value["district"])
        if others:
            hint = f' There is one in {" and ".join(en for _, en in others)}: check "province".'
            hint_th = f" มีอำเภอนี้ในจังหวัด{' และจังหวัด'.join(th for th, _ in others)} กรุณาตรวจสอบช่อง province"
        else:
            hint, hint_th = guess_hint(guess)
        ctx.report(
            "unknown-district",
            ctx.positions[f"{path}.district"],
            f"{path}.district",
            value=value["district"],
            province=province_en,
            province_th=province_th,
            hint=hint,
            hint_th=hint_th,
        )
        return
    if places.find(places.subdistricts(district.code), value["subdistrict"]) is not None:
        return
    elsewhere = places.subdistrict_elsewhere(province_id, value["subdistrict"])
    if elsewhere:
        hint = f' There is one in {" and ".join(d.en for d in elsewhere)} district: check "district".'
        hint_th = f" มีตำบลนี้ในอำเภอ{' และอำเภอ'.join(d.th for d in elsewhere)} กรุณาตรวจสอบช่อง district"
    else:
        guess = places.suggestion(places.subdistricts(district.code), value["subdistrict"])
        hint, hint_th = guess_hint(guess)
    ctx.report(
        "unknown-subdistrict",
        ctx.positions[f"{path}.subdistrict"],
        f"{path}.subdistrict",
        value=value["subdistrict"],
        district=district.en,
        district_th=district.th,
        province=province_en,
        province_th=province_th,
        hint=hint,
        hint_th=hint_th,
    )


def _province_names(code: str) -> tuple[str, str]:
    import geothai

    province = geothai.province(code)
    return (province.name_th, province.name_en) if province else (code, code)


PLACE = Object(
    [
        Field("village", NAME, "Name of the village, e.g. บ้านหนองบัว", "ชื่อหมู่บ้าน เช่น บ้านหนองบัว", required=True),
        Field("moo", Integer(1, 99), "Village number (หมู่ที่)", "หมู่ที่"),
        Field(
            "subdistrict",
            Text(60),
            "Subdistrict (tambon), official name in Thai or English",
            "ตำบล ชื่อทางการภาษาไทยหรืออังกฤษ",
            required=True,
        ),
        Field(
            "district",
            Text(60),
            "District (amphoe), official name in Thai or English",
            "อำเภอ ชื่อทางการภาษาไทยหรืออังกฤษ",
            required=True,
        ),
        Field("province", PROVINCE, "Province", "จังหวัด", required=True),
    ],
    where_en="place",
    where_th="ที่ตั้ง",
    rules=[_place_rule],
)

COUPON_SERVICES = ListOf(_choice("coupon_services", "STI-coupon service", "บริการคูปองวิทย์"), min_items=1, max_items=6)


def _date_rules(value: dict[str, Any], ctx: Context, path: str) -> None:
    added, reviewed = value.get("date_added"), value.get("date_reviewed")
    if added and reviewed and reviewed < added:
        ctx.report(
            "date-order",
            ctx.positions["date_reviewed"],
            "date_reviewed",
            later="date_reviewed",
            later_value=reviewed.isoformat(),
            earlier="date_added",
            earlier_value=added.isoformat(),
        )
    consent = value.get("consent")
    if consent and added and consent["date"] > added:
        ctx.report(
            "date-order",
            ctx.positions["consent.date"],
            "consent.date",
            later="date_added",
            later_value=added.isoformat(),
            earlier="consent.date",
            earlier_value=consent["date"].isoformat(),
        )


ENTRY_FIELDS: list[Field] = [
    Field(
        "id",
        Identifier(),
        "The entry's id; the file must be named <id>.yaml",
        "รหัสรายการ ชื่อไฟล์ต้องเป็น <รหัส>.yaml",
        required=True,
        example="solar-dryer-mango",
    ),
    Field(
        "kind",
        _choice("kinds", "entry kind", "ประเภทรายการ"),
        "technology or local-wisdom",
        "technology (เทคโนโลยี) หรือ local-wisdom (ภูมิปัญญาท้องถิ่น)",
        required=True,
    ),
    Field(
        "institution",
        INSTITUTION,
        "The institution that offers it; also the folder name",
        "หน่วยงานที่ให้บริการ และเป็นชื่อโฟลเดอร์",
        required=True,
    ),
    Field("title", Localized(Text(120)), "Title", "ชื่อเรื่อง", required=True),
    Field(
        "summary",
        Localized(Text(400)),
        "One or two sentences: what it is and who it helps",
        "สรุป 1–2 ประโยค ว่าคืออะไรและช่วยใคร",
        required=True,
    ),
    Field(
        "description",
        Localized(Markdown(20000)),
        "Full description in Markdown",
        "รายละเอียดในรูปแบบ Markdown",
        required=True,
    ),
    Field("category", _choice("categories", "category", "หมวดหมู่"), "Category", "หมวดหมู่", required=True),
    Field(
        "keywords",
        Localized(ListOf(Text(40), min_items=1, max_items=12)),
        "Search keywords, 1–12 per language",
        "คำสำคัญสำหรับค้นหา ภาษาละ 1–12 คำ",
        required=True,
    ),
    Field(
        "audiences",
        ListOf(_choice("audiences", "audience", "กลุ่มเป้าหมาย"), min_items=1, max_items=7),
        "Who it is for",
        "กลุ่มเป้าหมาย",
        required=KNOWLEDGE,
    ),
    Field(
        "value_chain",
        ListOf(_choice("value_chain", "value-chain stage", "ช่วงของห่วงโซ่คุณค่า"), min_items=1, max_items=3),
        "Stages of the value chain: upstream, midstream, downstream",
        "ต้นน้ำ กลางน้ำ ปลายน้ำ",
        required=KNOWLEDGE,
        kinds=KNOWLEDGE,
    ),
    Field(
        "provinces",
        ListOf(PROVINCE, min_items=1, max_items=77),
        "Provinces where it has been used",
        "จังหวัดที่มีการนำไปใช้แล้ว",
        required=KNOWLEDGE,
        kinds=KNOWLEDGE,
    ),
    Field(
        "readiness",
        _choice("readiness", "readiness level", "ระดับความพร้อม"),
        "How ready it is to transfer",
        "ระดับความพร้อมในการถ่ายทอด",
        required=ONLY_TECHNOLOGY,
        kinds=KNOWLEDGE,
    ),
    Field("ip", IP, "Intellectual property", "ทรัพย์สินทางปัญญา", required=KNOWLEDGE, kinds=KNOWLEDGE),
    Field(
        "adoption",
        ADOPTION,
        "What adopting it costs and needs",
        "ค่าใช้จ่ายและสิ่งที่ต้องมีในการนำไปใช้",
        kinds=KNOWLEDGE,
    ),
    Field(
        "researchers",
        ListOf(NAME, max_items=20),
        "People who developed it",
        "ผู้วิจัยหรือผู้พัฒนา",
        kinds=KNOWLEDGE,
    ),
    Field(
        "coupon_services",
        COUPON_SERVICES,
        "STI Coupon for OTOP Upgrade services this technology can deliver",
        "บริการคูปองวิทย์เพื่อโอทอปที่เทคโนโลยีนี้ให้บริการได้",
        kinds=ONLY_TECHNOLOGY,
    ),
    Field(
        "contact",
        CONTACT,
        "Whom to contact; the institution's clinic if absent",
        "ผู้ติดต่อ หากไม่ระบุจะใช้ข้อมูลของคลินิกเทคโนโลยีของหน่วยงาน",
    ),
    Field(
        "images",
        ListOf(IMAGE, max_items=12),
        "Images (JPEG, PNG or WebP, each ≤ 1 MB) in the folder named like the entry",
        "รูปภาพ (JPEG PNG หรือ WebP ไม่เกิน 1 MB) ในโฟลเดอร์ที่ชื่อเดียวกับรายการ",
    ),
    Field("related", ListOf(EntryRef(), max_items=10), "Ids of related entries", "รหัสของรายการที่เกี่ยวข้อง"),
    Field(
        "community",
        COMMUNITY,
        "The community that holds the knowledge",
        "ชุมชนเจ้าของภูมิปัญญา",
        required=ONLY_LOCAL_WISDOM,
        kinds=ONLY_LOCAL_WISDOM,
    ),
    Field(
        "holders",
        ListOf(HOLDER, min_items=1, max_items=20),
        "The knowledge holders (village sages)",
        "ผู้ถือครองภูมิปัญญา (ปราชญ์ชาวบ้าน)",
        required=ONLY_LOCAL_WISDOM,
        kinds=ONLY_LOCAL_WISDOM,
    ),
    Field(
        "consent",
        CONSENT,
        "The record of the community's consent and how to credit it",
        "บันทึกความยินยอมของชุมชนและการให้เกียรติ",
        required=ONLY_LOCAL_WISDOM,
        kinds=ONLY_LOCAL_WISDOM,
    ),
    Field(
        "place",
        PLACE,
        "Where the village is: village, subdistrict, district, province",
        "ที่ตั้งหมู่บ้าน: หมู่บ้าน ตำบล อำเภอ จังหวัด",
        required=ONLY_VILLAGE,
        kinds=ONLY_VILLAGE,
    ),
    Field(
        "occupation",
        Localized(Text(200)),
        "The village's main occupation",
        "อาชีพหลักของหมู่บ้าน",
        required=ONLY_VILLAGE,
        kinds=ONLY_VILLAGE,
    ),
    Field(
        "products",
        Localized(ListOf(Text(80), min_items=1, max_items=12)),
        "Its main products (often OTOP), 1–12",
        "ผลิตภัณฑ์หลัก (มักเป็นสินค้าโอทอป) 1–12 รายการ",
        required=ONLY_VILLAGE,
        kinds=ONLY_VILLAGE,
    ),
    Field(
        "technologies",
        ListOf(EntryRef(ONLY_TECHNOLOGY), min_items=1, max_items=30),
        "Ids of the technology entries the village applies",
        "รหัสของรายการเทคโนโลยีที่หมู่บ้านนำไปใช้",
        required=ONLY_VILLAGE,
        kinds=ONLY_VILLAGE,
    ),
    Field(
        "stage",
        _choice("village_stage", "village stage", "ระยะการพัฒนาหมู่บ้าน"),
        "year-1, year-2, year-3 (in development) or model (a model village others learn from)",
        "year-1 year-2 year-3 (อยู่ระหว่างพัฒนา) หรือ model (หมู่บ้านแม่ข่ายที่ผู้อื่นมาเรียนรู้ได้)",
        required=ONLY_VILLAGE,
        kinds=ONLY_VILLAGE,
    ),
    Field(
        "year_started",
        Year(VILLAGE_PROGRAMME_START),
        "Year the village joined the programme (Common Era)",
        "ปีที่หมู่บ้านเริ่มเข้าร่วมโครงการ (ค.ศ.)",
        required=ONLY_VILLAGE,
        kinds=ONLY_VILLAGE,
        example=2019,
    ),
    Field("date_added", Date(), "Date the entry was added", "วันที่เพิ่มรายการ", required=True, example="2024-03-15"),
    Field(
        "date_reviewed",
        Date(),
        "Date the entry was last checked",
        "วันที่ตรวจทานล่าสุด",
        required=True,
        example="2025-01-10",
    ),
]

ENTRY = Object(ENTRY_FIELDS, where_en="an entry", where_th="รายการ", rules=[_date_rules])


# --- reference data in site_config/ ---

TERM = Object(
    [
        Field("id", Identifier(), "Term id", "รหัส", required=True),
        Field("th", Text(120), "Thai label", "ชื่อภาษาไทย", required=True),
        Field("en", Text(120), "English label", "ชื่อภาษาอังกฤษ", required=True),
        Field("description", Localized(Text(400), english_required=True), "Longer explanation", "คำอธิบาย"),
    ],
    where_en="a term",
    where_th="คำศัพท์",
)

TAXONOMY_NAMES = (
    "kinds",
    "categories",
    "audiences",
    "value_chain",
    "readiness",
    "ip_status",
    "consent_method",
    "village_stage",
    "coupon_services",
)
TAXONOMIES = Object(
    [Field(name, ListOf(TERM, min_items=1), name, name, required=True) for name in TAXONOMY_NAMES],
    where_en="taxonomies.yaml",
    where_th="taxonomies.yaml",
)

PROVINCES = Object(
    [
        Field(
            "provinces",
            ListOf(
                Object(
                    [
                        Field("id", Identifier(), "Province id", "รหัสจังหวัด", required=True),
                        Field(
                            "code",
                            Pattern(r"[0-9]{2}", "bad-number", "DOPA code", "รหัสกรมการปกครอง"),
                            "",
                            "",
                            required=True,
                        ),
                        Field(
                            "iso",
                            Pattern(r"TH-[0-9]{2}", "bad-number", "ISO 3166-2", "ISO 3166-2"),
                            "",
                            "",
                            required=True,
                        ),
                        Field("th", Text(60), "", "", required=True),
                        Field("en", Text(60), "", "", required=True),
                        Field("also_th", ListOf(Text(40), max_items=8), "Other Thai names", "ชื่ออื่นภาษาไทย"),
                        Field("also_en", ListOf(Text(40), max_items=8), "Other English names", "ชื่ออื่นภาษาอังกฤษ"),
                    ],
                    where_en="a province",
                    where_th="จังหวัด",
                ),
                min_items=77,
                max_items=77,
            ),
            "",
            "",
            required=True,
        )
    ]
)

REGIONS = Object(
    [
        Field(
            "regions",
            ListOf(
                Object(
                    [
                        Field("id", Identifier(), "", "", required=True),
                        Field("th", Text(60), "", "", required=True),
                        Field("en", Text(60), "", "", required=True),
                        Field(
                            "provinces",
                            ListOf(Pattern(r"[0-9]{2}", "bad-number", "", ""), min_items=1),
                            "",
                            "",
                            required=True,
                        ),
                    ],
                    where_en="a region",
                    where_th="ภาค",
                ),
                min_items=1,
            ),
            "",
            "",
            required=True,
        )
    ]
)

FULL_NAME = Localized(Text(160), english_required=True)
INSTITUTIONS = Object(
    [
        Field(
            "institutions",
            ListOf(
                Object(
                    [
                        Field("id", Identifier(), "", "", required=True),
                        Field("name", FULL_NAME, "", "", required=True),
                        Field("short", FULL_NAME, "", "", required=True),
                        Field("clinic", FULL_NAME, "", "", required=True),
                        Field("province", PROVINCE, "", "", required=True),
                        Field("provinces_served", ListOf(PROVINCE, min_items=1, max_items=77), "", "", required=True),
                        Field("contact", CONTACT, "", "", required=True),
                        Field("coupon_services", COUPON_SERVICES, "", ""),
                    ],
                    where_en="an institution",
                    where_th="หน่วยงาน",
                ),
                min_items=1,
            ),
            "",
            "",
            required=True,
        )
    ]
)


def entry_json_schema(choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
    """The editor JSON Schema for entry files (draft-07, understood by yaml-language-server)."""
    schema = ENTRY.json_schema(choices)
    kind_only: dict[str, list[str]] = {}
    for f in ENTRY_FIELDS:
        if f.kinds is not None:
            for kind in KINDS:
                if kind not in f.kinds:
                    kind_only.setdefault(kind, []).append(f.name)
    conditions = []
    for kind in KINDS:
        then: dict[str, Any] = {
            "required": [f.name for f in ENTRY_FIELDS if f.required_for(kind) and f.required is not True]
        }
        if kind in kind_only:
            then["properties"] = {name: False for name in kind_only[kind]}
        conditions.append({"if": {"properties": {"kind": {"const": kind}}}, "then": then})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "entry.schema.json",
        "title": "Technology Clinic entry / รายการคลินิกเทคโนโลยี",
        "description": "GENERATED from generator/database/schema.py by `python -m generator schema`. Do not edit.",
        **schema,
        "allOf": conditions,
    }
