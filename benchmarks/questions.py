"""Accuracy of `drugfaq ask` on real consumer questions, with the scorer in ../shared/bench/.

Usage: python benchmarks/questions.py [scorer options, e.g. --misses 40] [--readme]
(--readme writes the summary into README.md's accuracy block.)
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
    readme = "--readme" in sys.argv
    options = [a for a in sys.argv[1:] if a != "--readme"]
    cmd = f"{shlex.quote(sys.executable)} -m drugfaq"
    run = subprocess.run([sys.executable, str(SCORER), "--drugfaq", cmd, *options], capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    if readme and run.returncode == 0:
        from readme_block import write

        summary = [line for line in run.stdout.splitlines()
                   if line.startswith(("questions ", "focus accuracy", "intent accuracy", "answered"))]
        write("accuracy", summary, "Goals: focus accuracy at least 95%, intent accuracy at least 85%, answered at "
              "least 75%. Focus and answered count only questions whose drug drugfaq covers.")
    sys.exit(run.returncode)
