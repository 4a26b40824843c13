"""The validated database as frozen, typed objects: what the renderer and the exports read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("th", "en")


@dataclass(frozen=True)
class LText:
    """Text in Thai and, where written, English."""

    th: str
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Thai when there is no English."""
        return self.en if lang == "en" and self.en is not None else self.th

    def has(self, lang: str) -> bool:
        """Whether the text exists in `lang` (Thai always does)."""
        return lang == "th" or self.en is not None

    @classmethod
    def of(cls, value: dict[str, str] | None) -> LText | None:
        """Build from a validated {th, en} mapping (None stays None)."""
        return cls(value["th"], value.get("en")) if value else None


@dataclass(frozen=True)
class LList:
    """Lists of short texts per language (keywords)."""

    th: tuple[str, ...]
    en: tuple[str, ...] | None = None

    def get(self, lang: str) -> tuple[str, ...]:
        """The list in `lang`, falling back to Thai."""
        return self.en if lang == "en" and self.en is not None else self.th


@dataclass(frozen=True)
class Term:
    """One taxonomy term: an id with Thai and English labels."""

    id: str
    label: LText
    description: LText | None = None


@dataclass(frozen=True)
class Province:
    """A province with its official codes and its region."""

    id: str
    code: str
    iso: str
    name: LText
    region: str
    also_th: tuple[str, ...] = ()
    also_en: tuple[str, ...] = ()

    def names(self, lang: str) -> tuple[str, ...]:
        """The province's name in `lang`, then the other names people use for it there (โคราช, Lopburi)."""
        return (self.name.get(lang), *(self.also_th if lang == "th" else self.also_en))

    def called(self, lang: str) -> tuple[str, ...]:
        """The other names worth showing: not the official name written as one word (Lopburi for Lop Buri)."""
        joined = self.name.get(lang).replace(" ", "").replace("-", "").casefold()
        return tuple(n for n in self.names(lang)[1:] if n.replace(" ", "").replace("-", "").casefold() != joined)


@dataclass(frozen=True)
class Region:
    """One of the six geographic regions and the ids of its provinces."""

    id: str
    name: LText
    provinces: tuple[str, ...]


@dataclass(frozen=True)
class Contact:
    """Ways to reach a person or a clinic."""

    name: LText | None = None
    phone: str | None = None
    email: str | None = None
    line: str | None = None
    website: str | None = None

    @classmethod
    def of(cls, value: dict[str, Any] | None) -> Contact | None:
        """Build from a validated contact mapping."""
        if not value:
            return None
        return cls(
            name=LText.of(value.get("name")),
            phone=value.get("phone"),
            email=value.get("email"),
            line=value.get("line"),
            website=value.get("website"),
        )


@dataclass(frozen=True)
class Institution:
    """A member university and its technology clinic."""

    id: str
    name: LText
    short: LText
    clinic: LText
    province: str
    provinces_served: tuple[str, ...]
    contact: Contact
    coupon_services: tuple[str, ...] = ()


@dataclass(frozen=True)
class Image:
    """An image of an entry, stored in the entry's own folder."""

    file: str
    alt: LText
    credit: str | None
    source: str  # the file on the build machine (a string: entries cross process boundaries by the thousand)


@dataclass(frozen=True)
class Holder:
    """A knowledge holder credited by a local-wisdom entry."""

    name: LText
    role: LText | None


@dataclass(frozen=True)
class Community:
    """The community that holds a piece of local wisdom."""

    name: LText
    province: str
    village: str | None = None
    subdistrict: str | None = None
    district: str | None = None


@dataclass(frozen=True)
class Consent:
    """The record of a community's consent to publish, and how to credit it."""

    method: str
    date: dt.date
    given_by: LText
    attribution: LText


@dataclass(frozen=True)
class Place:
    """Where a village is, with the official names and codes of its district and subdistrict."""

    village: LText
    province: str
    district: LText
    district_code: str
    subdistrict: LText
    subdistrict_code: str
    moo: int | None = None


@dataclass(frozen=True)
class Village:
    """What only a science and technology village records."""

    place: Place
    occupation: LText
    products: LList
    technologies: tuple[str, ...]
    stage: str
    year_started: int


@dataclass(frozen=True)
class Adoption:
    """What adopting a technology costs and needs."""

    cost_min: int | None = None
    cost_max: int | None = None
    training_days: int | None = None
    requirements: LText | None = None


@dataclass(frozen=True)
class Entry:
    """One technology or piece of local wisdom, validated."""

    id: str
    kind: str
    institution: str
    title: LText
    summary: LText
    description: LText
    category: str
    keywords: LList
    audiences: tuple[str, ...]
    value_chain: tuple[str, ...]
    provinces: tuple[str, ...]
    ip_status: str | None
    ip_number: str | None
    date_added: dt.date
    date_reviewed: dt.date
    source: str  # repository-relative path of the YAML file
    readiness: str | None = None
    adoption: Adoption | None = None
    researchers: tuple[LText, ...] = ()
    contact: Contact | None = None
    images: tuple[Image, ...] = ()
    related: tuple[str, ...] = ()
    community: Community | None = None
    holders: tuple[Holder, ...] = ()
    consent: Consent | None = None
    village: Village | None = None
    coupon_services: tuple[str, ...] = ()
    missing_english: tuple[str, ...] = field(default=())
    image_folder: str = ""  # the entry's own folder on the build machine (a string, like Image.source)
    review_line: int = 1  # where `date_reviewed` is written, for warnings about it

    @property
    def has_english(self) -> bool:
        """Whether the entry's own texts exist in English."""
        return self.title.en is not None and self.summary.en is not None and self.description.en is not None


def entry_from_dict(
    value: dict[str, Any], source: str, image_folder: str, missing: list[str], review_line: int = 1
) -> Entry:
    """Turn a validated entry mapping into an Entry."""
    keywords = value["keywords"]
    adoption = value.get("adoption")
    ip = value.get("ip", {})
    village = _village(value)
    community = value.get("community")
    consent = value.get("consent")
    return Entry(
        id=value["id"],
        kind=value["kind"],
        institution=value["institution"],
        title=LText(**value["title"]),
        summary=LText(**value["summary"]),
        description=LText(**value["description"]),
        category=value["category"],
        keywords=LList(tuple(keywords["th"]), tuple(keywords["en"]) if "en" in keywords else None),
        audiences=tuple(value.get("audiences", ())),
        value_chain=tuple(value.get("value_chain", ())),
        provinces=(village.place.province,) if village else tuple(value["provinces"]),
        readiness=value.get("readiness"),
        ip_status=ip.get("status"),
        ip_number=ip.get("number"),
        adoption=Adoption(
            cost_min=adoption.get("cost_min"),
            cost_max=adoption.get("cost_max"),
            training_days=adoption.get("training_days"),
            requirements=LText.of(adoption.get("requirements")),
        )
        if adoption
        else None,
        researchers=tuple(LText(**r) for r in value.get("researchers", ())),
        contact=Contact.of(value.get("contact")),
        images=tuple(
            Image(file=i["file"], alt=LText(**i["alt"]), credit=i.get("credit"), source=f"{image_folder}/{i['file']}")
            for i in value.get("images", ())
        ),
        related=tuple(value.get("related", ())),
        community=Community(
            name=LText(**community["name"]),
            province=community["province"],
            village=community.get("village"),
            subdistrict=community.get("subdistrict"),
            district=community.get("district"),
        )
        if community
        else None,
        holders=tuple(Holder(name=LText(**h["name"]), role=LText.of(h.get("role"))) for h in value.get("holders", ())),
        consent=Consent(
            method=consent["method"],
            date=consent["date"],
            given_by=LText(**consent["given_by"]),
            attribution=LText(**consent["attribution"]),
        )
        if consent
        else None,
        village=village,
        coupon_services=tuple(value.get("coupon_services", ())),
        date_added=value["date_added"],
        date_reviewed=value["date_reviewed"],
        source=source,
        missing_english=tuple(missing),
        image_folder=image_folder,
        review_line=review_line,
    )


def _village(value: dict[str, Any]) -> Village | None:
    """The village part of an entry; its place was checked against the official lists."""
    place = value.get("place")
    if place is None:
        return None
    from .places import resolve

    found = resolve(place["province"], place["district"], place["subdistrict"])
    assert found is not None, "the schema checks places"
    district, subdistrict = found
    products = value["products"]
    return Village(
        place=Place(
            village=LText(**place["village"]),
            province=place["province"],
            district=LText(district.th, district.en),
            district_code=district.code,
            subdistrict=LText(subdistrict.th, subdistrict.en),
            subdistrict_code=subdistrict.code,
            moo=place.get("moo"),
        ),
        occupation=LText(**value["occupation"]),
        products=LList(tuple(products["th"]), tuple(products["en"]) if "en" in products else None),
        technologies=tuple(value["technologies"]),
        stage=value["stage"],
        year_started=value["year_started"],
    )
