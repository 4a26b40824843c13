"""QR codes drawn at build time as inline SVG (segno), so printed sheets lead back to their page."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, label: str) -> str:
    """An accessible inline SVG QR code for `url` (error correction M, 4-module quiet zone)."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(
        buffer, kind="svg", scale=4, border=4, xmldecl=False, svgns=True, title=label, svgclass="tc-qr", lineclass=None
    )
    return buffer.getvalue().decode("utf-8")
