"""Web addresses that a browser will read the same way a reviewer does."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_HOST = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\\]")


@dataclass(frozen=True)
class UrlVerdict:
    """The result of checking an address: an (English, Thai) reason if refused, and the ASCII host form."""

    error: tuple[str, str] | None = None
    punycode: str | None = None


def _refuse(en: str, th: str) -> UrlVerdict:
    return UrlVerdict(error=(en, th))


def check_url(value: str, schemes: tuple[str, ...] = ("https",)) -> UrlVerdict:
    """Accept only absolute addresses in `schemes`, refusing every form browsers and Python read differently."""
    if _UNSAFE.search(value):
        if "\\" in value:
            return _refuse("it contains a backslash", "มีเครื่องหมาย \\")
        return _refuse("it contains spaces or invisible characters", "มีช่องว่างหรืออักขระที่มองไม่เห็น")
    if value.startswith("//"):
        return _refuse("it has no scheme (it starts with //)", "ไม่มีส่วน https: (ขึ้นต้นด้วย //)")
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unclosed "[" in an IPv6 host
        return _refuse("it is not a well-formed address", "รูปแบบที่อยู่ไม่ถูกต้อง")
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        if scheme == "http":
            return _refuse("http:// is not secure; use https://", "http:// ไม่ปลอดภัย กรุณาใช้ https://")
        allowed = ", ".join(f"{s}:" for s in schemes)
        return _refuse(f"only {allowed} addresses are allowed", f"ใช้ได้เฉพาะที่อยู่แบบ {allowed}")
    if scheme in ("mailto", "tel"):
        if not parts.path or ("@" in parts.path and scheme == "tel"):
            return _refuse("it is incomplete", "ที่อยู่ไม่ครบ")
        return UrlVerdict()
    if "@" in parts.netloc:
        return _refuse("it contains a user name before the host (@)", "มีชื่อผู้ใช้ก่อนชื่อโดเมน (@)")
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        return _refuse("its port is not a number", "หมายเลขพอร์ตไม่ถูกต้อง")
    del port
    punycode = None
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return _refuse("its host name is not valid", "ชื่อโดเมนไม่ถูกต้อง")
        punycode = value.replace(parts.netloc, parts.netloc.replace(host, ascii_host), 1)
        host = ascii_host
    if not _HOST.match(host):
        return _refuse("its host name is not a valid domain name", "ชื่อโดเมนไม่ถูกต้อง")
    return UrlVerdict(punycode=punycode)
