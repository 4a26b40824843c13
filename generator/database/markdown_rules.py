"""What Markdown in an entry may contain: no raw HTML, safe links, images from the entry's own folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import images, urls

# An HTML tag, comment, declaration or processing instruction (autolinks like <https://…> are Markdown).
_HTML = re.compile(r"<(?:!--|!\[CDATA\[|![A-Za-z]|\?|/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$))")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel|ftp|file|javascript|data|vbscript):[^>\s]*)>", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\{\s*:")
# The target runs to the first ")" that closes no "(" of its own: [x](javascript:alert(1)) shows all of it.
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\)|\()*)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_REF_IMAGE = re.compile(r"!\[[^\]]*\]\[([^\]]*)\]")
_CODE = re.compile(r"`+[^`]*`+")

LINK_SCHEMES = ("https", "mailto", "tel")


@dataclass(frozen=True)
class Finding:
    """One problem in a Markdown text: its code, where it starts, and the message values."""

    code: str
    offset: int
    fragment: str
    params: dict[str, object] = field(default_factory=dict)


def _blank_code_spans(text: str) -> str:
    """Hide inline code so `<b>` written as code is not mistaken for HTML (offsets stay the same)."""
    return _CODE.sub(lambda m: " " * len(m.group()), text)


def find_problems(text: str, image_dir: images.ImageFolder | None) -> Iterator[Finding]:
    """Every rule the text breaks, in order of appearance."""
    if "<" not in text and "[" not in text and "{" not in text:
        return  # every rule needs one of these (most descriptions are plain text: six scans saved)
    scan = _blank_code_spans(text)
    for m in _AUTOLINK.finditer(scan):
        verdict = urls.check_url(m.group(1), schemes=LINK_SCHEMES)
        if verdict.error:
            yield _link_finding(m.start(1), m.group(1), verdict.error)
    scan_no_autolinks = _AUTOLINK.sub(lambda m: " " * len(m.group()), scan)
    reported: set[str] = set()  # elements already reported: their closing tags add nothing
    for m in _HTML.finditer(scan_no_autolinks):
        end = text.find(">", m.start())
        tag = text[m.start() : end + 1 if 0 <= end - m.start() < 40 else m.start() + 20]
        name = m.group().lstrip("<").lower()
        if name.startswith("/") and name[1:] in reported:
            continue
        reported.add(name)
        yield Finding("markdown-raw-html", m.start(), text[m.start() : m.start() + 10], {"tag": tag})
    for m in _ATTR_LIST.finditer(scan):
        yield Finding("markdown-attribute", m.start(), m.group())
    refs_used_by_images = {r.lower() for r in _REF_IMAGE.findall(scan)}
    for m in _INLINE_LINK.finditer(scan):
        is_image, target = m.group(1) == "!", m.group(2)
        yield from _check_target(target, is_image, m.start(2), image_dir)
    for m in _REF_DEF.finditer(scan):
        label = m.group(0).split("]")[0].lstrip(" [").lower()
        yield from _check_target(m.group(1), label in refs_used_by_images, m.start(1), image_dir)


def _link_finding(offset: int, target: str, reason: tuple[str, str]) -> Finding:
    return Finding(
        "markdown-link", offset, target[:30], {"value": target, "reason_en": reason[0], "reason_th": reason[1]}
    )


def _check_target(target: str, is_image: bool, offset: int, image_dir: images.ImageFolder | None) -> Iterator[Finding]:
    if is_image:
        reason = images.path_problem(target)
        if reason == images.WRONG_TYPE:
            yield Finding("image-type", offset, target[:30], {"value": target})
        elif reason:
            folder = images.display_folder(image_dir)
            yield Finding(
                "image-path",
                offset,
                target[:30],
                {"value": target, "reason_en": reason[0], "reason_th": reason[1], "folder": folder},
            )
        elif image_dir is not None:
            found = images.file_problem(image_dir, target)
            if found:
                yield Finding(found[0], offset, target[:30], {"value": target, **found[1]})
        return
    if target.startswith("#") and re.fullmatch(r"#[\w-]+", target):
        return  # a link to a heading on the same page
    verdict = urls.check_url(target, schemes=LINK_SCHEMES)
    if verdict.error:
        yield _link_finding(offset, target, verdict.error)
