"""drugfaq speed, as ratios to a one-command Typer hello-world run with the same Python and Typer.

Usage: python benchmarks/run.py [--runs N] [--readme]   (--readme writes the result into README.md)
Prints each target, its measured ratio or figure, and whether it is met. Commands run interleaved
with the baseline, and the time compared is each process's CPU time (user + system, from wait4):
on a shared 2-core machine wall time swings with whatever else runs, CPU time much less. Medians.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
PY = sys.executable
DRUGFAQ = [PY, "-m", "drugfaq"]
HELLO = '''import typer
app = typer.Typer()
@app.command()
def main(name: str = "world"):
    print(f"hello {name}")
if __name__ == "__main__":
    app()
'''


def run_once(cmd: list[str], env: dict[str, str], stdin: bytes | None = None) -> tuple[float, int]:
    """CPU time (user + system) in ms and peak RSS in KB of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    if stdin is not None:
        proc.stdin.write(stdin)  # type: ignore[union-attr]
        proc.stdin.close()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    del start
    elapsed = (usage.ru_utime + usage.ru_stime) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss


def interleaved(cmds: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            times[name].append(run_once(cmd, env)[0])
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=25)
    ap.add_argument("--readme", action="store_true", help="write the result into README.md's speed block")
    args = ap.parse_args()
    WORK.mkdir(exist_ok=True)
    hello = WORK / "hello.py"
    hello.write_text(HELLO)
    env = {**os.environ, "DRUGFAQ_CACHE_DIR": str(WORK / "cache"), "PYTHONDONTWRITEBYTECODE": ""}
    env.pop("DRUGFAQ_DATA", None)
    subprocess.run([PY, "-m", "compileall", "-q", str(HERE.parent / "drugfaq")], check=True)  # as an install would
    kb = WORK / "kb10k"
    if not (kb / "synthetic-019.yaml").exists():
        subprocess.run([PY, str(HERE / "generate_kb.py"), str(kb), "10000"], check=True)
    big = ["--data", str(kb)]
    cmds = {
        "baseline": [PY, str(hello)],
        "plain": [*DRUGFAQ, "herceptin", "--format", "plain"],
        "ask": [*DRUGFAQ, "ask", "is herceptin chemo", "--format", "json"],
        "rich": [*DRUGFAQ, "herceptin", "--format", "rich", "--color", "always"],
        "plain-10k": [*DRUGFAQ, "herceptin", "--format", "plain", *big],
        "ask-10k": [*DRUGFAQ, "ask", "is herceptin chemo", "--format", "json", *big],
    }
    for name, cmd in cmds.items():  # warm the caches (compiling 10,000 drugs takes a while once)
        run_once(cmd, env)
    t = {k: statistics.median(v) for k, v in interleaved(cmds, env, args.runs).items()}
    base = t["baseline"]

    import typer

    imports = subprocess.run([PY, "-X", "importtime", str(hello)], capture_output=True, text=True, env=env).stderr
    pydantic = "pydantic" in imports
    questions = [q.encode() for q in ("is herceptin chemo", "what is herceptin used for", "how long is herceptin given",
                                      "can i get pregnant after herceptin", "what happens after herceptin treatment")]
    stream = b"\n".join(questions * 2000) + b"\n"
    one, _ = run_once([*DRUGFAQ, "ask", "-", "--format", "json"], env, questions[0] + b"\n")
    many, _ = run_once([*DRUGFAQ, "ask", "-", "--format", "json"], env, stream)
    rate = 10_000 / max((many - one) / 1000, 1e-9)
    _, rss = run_once([*DRUGFAQ, "herceptin", "--format", "plain"], env)

    rows = [
        ("profile, plain, piped", t["plain"] / base, "<= 1.30x", t["plain"] / base <= 1.30),
        ("ask, json", t["ask"] / base, "<= 1.50x", t["ask"] / base <= 1.50),
        ("profile, rich", t["rich"] / base, "<= 2.00x", t["rich"] / base <= 2.00),
        ("profile with 10,000 drugs vs bundled", t["plain-10k"] / t["plain"], "<= 1.15x", t["plain-10k"] / t["plain"] <= 1.15),
        ("ask with 10,000 drugs vs bundled", t["ask-10k"] / t["ask"], "<= 1.15x", t["ask-10k"] / t["ask"] <= 1.15),
    ]
    lines = [f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"Typer {typer.__version__}; {args.runs} interleaved runs, medians",
             f"baseline (Typer hello-world): {base:.1f} ms CPU; it imports pydantic: {'YES (regression)' if pydantic else 'no'}"]
    lines += [f"{name:40s} {ratio:5.2f}x  goal {goal:9s} {'met' if ok else 'NOT MET'}" for name, ratio, goal, ok in rows]
    lines.append(f"{'ask - over 10,000 questions':40s} {rate:7.0f} questions/s  goal >= 2000  {'met' if rate >= 2000 else 'NOT MET'}")
    lines.append(f"{'peak memory of a profile lookup':40s} {rss / 1024:7.1f} MB  goal <= 60  {'met' if rss / 1024 <= 60 else 'NOT MET'}")
    if pydantic:
        lines.append("Typer now imports pydantic when a command runs: pin the previous release (see pyproject.toml)")
    print("\n".join(lines))
    if args.readme:
        from readme_block import write

        write("speed", lines, "The ratios use CPU time, so they hold steadier than wall time on a busy machine.")

if __name__ == "__main__":
    main()
