"""The command surface: help with examples everywhere, docs generated from --help, lean imports, completion."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drugfaq.cli import COMMANDS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(drugfaq, command):
    r = drugfaq(command, "--help")
    assert r.code == 0
    assert "Example" in r.out


def test_docs_generated_from_the_tool_are_current():
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_docs.py"), "--check"], capture_output=True,
                       text=True)
    assert p.returncode == 0, p.stdout + p.stderr


def test_json_and_plain_paths_do_not_import_rich_or_yaml(cache_dir):
    code = (
        "import sys, io; from drugfaq.cli import run; sys.stdout = io.StringIO();"
        "run(['herceptin', '-f', 'plain']); run(['ask', 'is herceptin chemo', '-f', 'json']);"
        "run(['list', '-f', 'json']); sys.stdout = sys.__stdout__;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'yaml', 'rapidfuzz'}))"
    )
    warm = subprocess.run([sys.executable, "-m", "drugfaq", "herceptin"], capture_output=True,
                          env={"DRUGFAQ_CACHE_DIR": str(cache_dir), "PATH": "/usr/bin:/bin"})
    assert warm.returncode == 0
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={"DRUGFAQ_CACHE_DIR": str(cache_dir), "PATH": "/usr/bin:/bin"})
    assert p.stdout.strip() == "[]", p.stdout + p.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(drugfaq, shell):
    r = drugfaq("completion", shell)
    assert r.code == 0 and "_DRUGFAQ_COMPLETE" in r.out


def test_completion_offers_drug_names(cache_dir):
    for words, cword in (("drugfaq herc", "1"), ("drugfaq show herc", "2"), ("drugfaq compare herceptin perj", "3")):
        env = {"_DRUGFAQ_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword,
               "DRUGFAQ_CACHE_DIR": str(cache_dir), "PATH": "/usr/bin:/bin"}
        p = subprocess.run([sys.executable, "-m", "drugfaq"], capture_output=True, text=True, env=env)
        assert words.split()[-1] in " ".join(p.stdout.split()), (words, p.stdout + p.stderr)


def test_list_is_one_id_per_line_when_piped_and_json_has_aliases(drugfaq):
    ids = drugfaq("list", "-f", "plain").out.splitlines()
    assert "trastuzumab" in ids and ids == sorted(ids)
    rows = json.loads(drugfaq("list", "-f", "json").out)
    t = next(r for r in rows if r["id"] == "trastuzumab")
    assert {"id", "name", "brands", "aliases"} <= set(t)
    assert "Ogivri" in t["aliases"] and "trastuzumab-dkst" in t["aliases"]


def test_search_ranks_matches_and_exits_1_on_nothing(drugfaq):
    rows = json.loads(drugfaq("search", "HER2", "-f", "json").out)
    assert "trastuzumab" in [r["id"] for r in rows]
    assert drugfaq("search", "zzqxvw").code == 1


def test_compare_side_by_side(drugfaq):
    r = drugfaq("compare", "herceptin", "perjeta", "-f", "plain")
    assert r.code == 0 and "Herceptin (trastuzumab):" in r.out and "Perjeta (pertuzumab):" in r.out
    assert drugfaq("compare", "herceptin").code == 2


def test_classes_tree_and_one_class(drugfaq):
    tree = drugfaq("classes", "-f", "plain").out
    assert "anticancer drug" in tree and "  targeted therapy" in tree
    one = drugfaq("classes", "targeted therapy", "-f", "json")
    data = json.loads(one.out)
    assert "trastuzumab" in data["members"] and data["path"][0] == "anticancer drug"
    assert drugfaq("classes", "nonsense class").code == 1


def test_show_paths(drugfaq):
    r = drugfaq("--show-paths")
    assert r.code == 0 and "bundled data:" in r.out and "cache:" in r.out
