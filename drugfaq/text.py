"""Small text helpers every output path needs; kept free of heavy imports."""

from __future__ import annotations

import re

DISCLAIMER = "Not medical advice: for decisions about treatment, ask a doctor, nurse or pharmacist."

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e]")


def clean(text: str) -> str:
    """Make untrusted text safe to print: control and escape characters are shown, not obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}",
                        text)


def plain_title(name: str, brands: list[str], typed: str | None) -> str:
    """The title line: "Herceptin (trastuzumab)" when a brand was typed, else the generic name."""
    for brand in brands:
        if typed and brand.lower() == typed.strip().lower():
            return f"{brand} ({name})"
    return name[:1].upper() + name[1:]
