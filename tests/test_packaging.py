"""The wheel carries the knowledge: build it, install it into a fresh venv, run a lookup outside the tree."""

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_answers_from_outside_the_source_tree(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)], check=True,
                   capture_output=True)
    (wheel,) = dist.glob("drugfaq-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {"PATH": f"{env_dir / 'bin'}:/usr/bin:/bin", "DRUGFAQ_CACHE_DIR": str(tmp_path / "cache"),
           "HOME": str(tmp_path)}
    p = subprocess.run([str(env_dir / "bin" / "drugfaq"), "herceptin", "--format", "json"], capture_output=True,
                       text=True, cwd=outside, env=env)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["id"] == "trastuzumab"
    p = subprocess.run([str(py), "-m", "drugfaq", "ask", "is herceptin chemo", "-f", "plain"], capture_output=True,
                       text=True, cwd=outside, env=env)
    assert p.stdout.startswith("No. Herceptin (trastuzumab) is not chemotherapy")
    shown = subprocess.run([str(env_dir / "bin" / "drugfaq"), "--show-paths"], capture_output=True, text=True,
                           cwd=outside, env=env).stdout
    assert "site-packages/drugfaq/data" in shown
