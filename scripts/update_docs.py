"""Regenerate what the docs derive from the tool itself: the command reference and the README counts.

Usage: python scripts/update_docs.py          # rewrite docs/commands.md and README.md blocks
       python scripts/update_docs.py --check  # exit 1 when either is out of date (tests run this)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drugfaq.cli import COMMANDS  # noqa: E402


def help_text(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    p = subprocess.run([sys.executable, "-m", "drugfaq", *args, "--help"], capture_output=True, text=True, env=env,
                       cwd=ROOT)
    return "\n".join(line.rstrip() for line in p.stdout.strip().splitlines())


def command_reference() -> str:
    parts = ["# drugfaq command reference", "",
             "Generated from `--help` by `python scripts/update_docs.py`; a test fails when it drifts.", "",
             "## drugfaq", "", "```", help_text(), "```"]
    for name in COMMANDS:
        parts += ["", f"## drugfaq {name}", "", "```", help_text(name), "```"]
    return "\n".join(parts) + "\n"


def counts_line() -> str:
    from drugfaq.store import Store

    c = Store.open().counts()
    return f"{c['drugs']} drugs, {c['classes']} classes and {c['topics']} topics"


def readme_text() -> str:
    readme = (ROOT / "README.md").read_text()
    return re.sub(r"(<!-- counts -->).*?(<!-- /counts -->)", lambda m: f"{m.group(1)}{counts_line()}{m.group(2)}",
                  readme, flags=re.S)


def screenshot() -> str:
    """The README's picture: `drugfaq herceptin` rendered by the real rich renderer, exported as SVG."""
    from rich.console import Console

    from drugfaq import profile, render_rich
    from drugfaq.answering import answer_document
    from drugfaq.ask import ask
    from drugfaq.store import Store

    store = Store.open()
    console = Console(record=True, width=100, force_terminal=True, color_system="truecolor", file=open(os.devnull, "w"))
    console.print("$ drugfaq ask \"is herceptin chemo\"", style="bold")
    render_rich.render(answer_document(ask(store, "is herceptin chemo"), False), console, disclaimer=False)
    console.print()
    console.print("$ drugfaq herceptin --section classification --section monitoring --section pregnancy", style="bold")
    doc = profile.drug_document(store, store.drug("trastuzumab"), "herceptin")
    keep = ("classification", "monitoring", "pregnancy", "sources")
    render_rich.render(profile.pick_sections(doc, list(keep), ValueError), console)
    return console.export_svg(title="drugfaq")


def main() -> int:
    targets = {ROOT / "docs" / "commands.md": command_reference(), ROOT / "README.md": readme_text(),
               ROOT / "docs" / "herceptin.svg": screenshot()}
    stale = [p for p, text in targets.items() if not p.exists() or p.read_text() != text]
    if "--check" in sys.argv:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is out of date: run python scripts/update_docs.py")
        return 1 if stale else 0
    for p, text in targets.items():
        p.parent.mkdir(exist_ok=True)
        p.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
