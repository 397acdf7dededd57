"""Shared fixtures: run the real CLI in-process (fast) or as a subprocess (for pipes, locales, terminals)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from drugfaq.cli import run

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ENV_KEYS = ("DRUGFAQ_DATA", "DRUGFAQ_BUNDLED_DATA", "DRUGFAQ_FORMAT", "DRUGFAQ_COLOR", "DRUGFAQ_NO_DISCLAIMER", "NO_COLOR", "_DRUGFAQ_COMPLETE")


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the whole session, so the bundled knowledge is compiled once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, cache_dir: Path) -> None:
    for key in ENV_KEYS:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("DRUGFAQ_CACHE_DIR", str(cache_dir))


@pytest.fixture
def drugfaq(capsys: pytest.CaptureFixture[str]):
    """drugfaq("herceptin", "--format", "json") -> Result, through the same entry point as the installed command."""

    def invoke(*args: str) -> Result:
        code = run(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def drugfaq_process(cache_dir: Path):
    """The CLI as a real subprocess (`python -m drugfaq`), for stdin, pipes, locales and terminals."""

    def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None,
               timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
        full_env = {k: v for k, v in os.environ.items() if k not in ENV_KEYS}
        full_env["DRUGFAQ_CACHE_DIR"] = str(cache_dir)
        full_env.update(env or {})
        data = input.encode() if isinstance(input, str) else input
        return subprocess.run([sys.executable, "-m", "drugfaq", *args], input=data, capture_output=True,
                              env=full_env, timeout=timeout, cwd=ROOT)

    return invoke
