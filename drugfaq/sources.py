"""Which knowledge files exist: a cheap walk, used on every run to fingerprint the cache."""

from __future__ import annotations

import os
from pathlib import Path

MAX_FILES = 10_000


def yaml_files(path: Path) -> list[Path]:
    """A file as given, or every *.yaml / *.yml below a folder, in a stable order."""
    if path.is_dir():
        found: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "exceptions")
            found += [Path(dirpath) / f for f in sorted(filenames) if f.endswith((".yaml", ".yml"))]
            if len(found) > MAX_FILES:
                break
        return found
    return [path]
