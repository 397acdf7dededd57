"""Shell completion: scripts for bash, zsh and fish, and the names they complete."""

from __future__ import annotations

from drugfaq.errors import UsageError

COMPLETE_VAR = "_DRUGFAQ_COMPLETE"
SHELLS = ("bash", "zsh", "fish")


def script(shell: str) -> str:
    if shell not in SHELLS:
        raise UsageError(f"unknown shell {shell!r}; choose from {', '.join(SHELLS)}")
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="drugfaq", complete_var=COMPLETE_VAR, shell=shell) + "\n"


def names(incomplete: str) -> list[str]:
    """Drug ids and brand names starting with what was typed."""
    from drugfaq.store import Store

    prefix = incomplete.lower()
    out: list[str] = []
    for row in Store.open().listing():
        for n in [row["id"], *row["brands"]]:
            if n.lower().startswith(prefix) and " " not in n:
                out.append(n.lower() if n != row["id"] else n)
    return sorted(set(out))[:200]


def class_names(incomplete: str) -> list[str]:
    from drugfaq.store import Store

    return sorted(c.id for c in Store.open().classes().values() if c.id.startswith(incomplete.lower()))
