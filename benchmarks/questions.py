"""Accuracy of `drugfaq ask` on real consumer questions, with the scorer in ../shared/bench/.

Usage: python benchmarks/questions.py [scorer options, e.g. --misses 40]
Skips, saying so, when ../shared/bench is not there (a fresh clone without shared/).
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "score"

if __name__ == "__main__":
    if not SCORER.exists():
        print(f"skipped: the question benchmark is not here ({SCORER})")
        sys.exit(0)
    cmd = f"{shlex.quote(sys.executable)} -m drugfaq"
    sys.exit(subprocess.run([sys.executable, str(SCORER), "--drugfaq", cmd, *sys.argv[1:]]).returncode)
