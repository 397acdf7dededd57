"""Write a benchmark's printed result into its README block, so the figures there are generated, not pasted."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def write(block: str, lines: list[str], note: str) -> None:
    """Replace what sits between `<!-- block -->` and `<!-- /block -->` with the lines and a dated note."""
    text = README.read_text()
    today = datetime.date.today().isoformat()
    body = "\n".join(["```", *lines, "```", f"Measured {today}. {note}".rstrip()])
    new, n = re.subn(rf"(<!-- {block} -->\n).*?(\n<!-- /{block} -->)", lambda m: m.group(1) + body + m.group(2),
                     text, flags=re.S)
    if n != 1:
        raise SystemExit(f"README.md has no <!-- {block} --> block")
    README.write_text(new)
    print(f"README.md: {block} block updated")
