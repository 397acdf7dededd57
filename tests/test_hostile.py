"""Hostile input of every kind: a clear one-line error, the documented exit code, never a traceback."""

import json
import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from drugfaq.store import Store

GOOD = """drugs:
  - id: testamab
    name: testamab
    summary: A made-up drug used by the tests.
    classification: {classes: [monoclonal-antibody]}
    references: [{title: Test, url: "https://example.org/testamab"}]
    reviewed: 2026-01-01
"""


def write(tmp_path: Path, text: str | bytes, name: str = "k.yaml") -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode())
    return p


def one_line_error(r) -> str:
    assert "Traceback" not in r.err
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    return lines[0]


@pytest.mark.parametrize("content, message", [
    ("!!python/object/apply:os.system ['touch /tmp/drugfaq-pwned']", "tags"),
    ("drugs: !!python/object/new:os.system [echo hi]", "tags"),
    ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "anchors and aliases"),
    ("drugs:\n  - id: x\n    id: y\n", "duplicate key"),
    ("", "empty file"),
    ("# only a comment\n", "empty file"),
    (b"drugs: [\xff\xfe]\n", "not UTF-8"),
    ("drugs: " + "[" * 5000 + "]" * 5000, "nest"),
    ("drugs:\n  - id: Bad Id\n", "drugs[0]"),
    ("drugs:\n  - {id: x, name: x, summary: s, classification: {classes: [nope]}, references: "
     "[{title: t, url: 'https://e.org'}], reviewed: 2026-01-01}\n", "unknown class 'nope'"),
    ("drugs:\n  - {id: x, name: x, summary: s, classification: {classes: [biologic]}, references: [], "
     "reviewed: 2026-01-01}\n", "references"),
    ("drugz: []\n", "unknown key"),
    ("- just\n- a list\n", "expected a mapping"),
    ("drugs: [\n", "not valid YAML"),
])
def test_broken_or_hostile_knowledge_files_get_one_line_and_exit_3(drugfaq, tmp_path, content, message):
    path = write(tmp_path, content)
    r = drugfaq("herceptin", "--data", str(path))
    assert r.code == 3
    line = one_line_error(r)
    assert message in line and str(path) in line
    assert not os.path.exists("/tmp/drugfaq-pwned")


def test_validate_reports_file_line_and_key_path(drugfaq, tmp_path):
    path = write(tmp_path, GOOD.replace("reviewed: 2026-01-01", "reviewed: someday"))
    r = drugfaq("validate", str(path))
    assert r.code == 3
    assert r.out.strip() == f"{path}:7: drugs[0].reviewed: invalid RFC3339 encoded date"


def test_validate_clean_file_exits_0(drugfaq, tmp_path):
    r = drugfaq("validate", str(write(tmp_path, GOOD)))
    assert r.code == 0 and r.out.startswith("ok:")


def test_validate_the_bundled_knowledge_is_clean(drugfaq):
    from drugfaq.store import bundled_data_dir

    r = drugfaq("validate", str(bundled_data_dir()))
    assert r.code == 0, r.out


def test_a_ten_megabyte_file_is_refused(drugfaq, tmp_path):
    path = write(tmp_path, "drugs: []\n" + "#" * (10 * 1024 * 1024))
    line = one_line_error(drugfaq("herceptin", "--data", str(path)))
    assert "over the 8 MB limit" in line


def test_duplicate_names_across_files_are_errors(drugfaq, tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD.replace("id: testamab", "id: other").replace("name: testamab", "name: other")
          .replace("A made-up", "Another made-up").replace("summary:", "brands: [testamab]\n    summary:"), "b.yaml")
    r = drugfaq("validate", str(tmp_path))
    assert r.code == 3 and "'testamab' is also a name of" in r.out


def test_a_flow_list_item_split_at_a_comma_is_an_error(drugfaq, tmp_path):
    # [a (b, c), d] reads as three items, "a (b", "c)" and "d": a silent fragment in the output
    path = write(tmp_path, GOOD.replace("summary:", "brands: [Testa (tablets, capsules), Testo]\n    summary:"))
    r = drugfaq("validate", str(path))
    assert r.code == 3 and "drugs[testamab].brands[0]: list item 'Testa (tablets' looks split" in r.out
    numbers = write(tmp_path, GOOD.replace("summary:", "brands: [Testa 100,000 units]\n    summary:"))
    assert "brands[1]: list item '000 units' looks split" in drugfaq("validate", str(numbers)).out
    quoted = write(tmp_path, GOOD.replace("summary:", 'brands: ["Testa (tablets, capsules)", Testo]\n    summary:'))
    assert drugfaq("validate", str(quoted)).code == 0


def test_a_folder_without_yaml_is_an_error(drugfaq, tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    line = one_line_error(drugfaq("herceptin", "--data", str(tmp_path)))
    assert "holds no .yaml files" in line


def test_missing_data_path_is_an_error(drugfaq, tmp_path):
    r = drugfaq("herceptin", "--data", str(tmp_path / "missing.yaml"))
    assert r.code == 3 and "no such file" in one_line_error(r)


def test_user_knowledge_adds_drugs_and_replaces_by_id(drugfaq, tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    assert json.loads(drugfaq("testamab", "-f", "json", "--data", str(path)).out)["id"] == "testamab"
    monkeypatch.setenv("DRUGFAQ_DATA", str(path))
    assert drugfaq("testamab", "-f", "json").code == 0
    override = write(tmp_path, GOOD.replace("id: testamab", "id: trastuzumab").replace("name: testamab",
                     "name: trastuzumab").replace("A made-up drug", "A clinic's own note"), "override.yaml")
    data = json.loads(drugfaq("trastuzumab", "-f", "json", "--data", str(override)).out)
    assert data["summary"] == "A clinic's own note used by the tests."


@pytest.mark.parametrize("question", [
    "\x1b[31mis herceptin chemo\x1b[0m", "[red]is herceptin chemo[/red]", "[/] is herceptin [bold]chemo",
    "is herceptin chemo" + "\x00\x07", "é" * 1000 + " herceptin",
])
def test_hostile_questions_are_printed_literally(drugfaq, question):
    for fmt in ("plain", "rich", "markdown", "json"):
        r = drugfaq("ask", question, "-f", fmt, "--color", "always" if fmt == "rich" else "never")
        assert "Traceback" not in r.err
        assert "\x1b[31m" not in r.out and "\x00" not in r.out
        if fmt == "json":
            assert json.loads(r.out)["question"]


def test_a_one_megabyte_question_answers_quickly(drugfaq):
    r = drugfaq("ask", "is herceptin chemo " + "blah " * 200_000, "-f", "json")
    assert r.code == 0 and json.loads(r.out)["verdict"] == "no"


def test_binary_garbage_on_stdin(drugfaq_process):
    p = drugfaq_process("ask", "-", "-f", "json", input=os.urandom(4096) + b"\nis herceptin chemo\n")
    assert b"Traceback" not in p.stderr
    assert json.loads(p.stdout.decode().splitlines()[-1])["verdict"] == "no"


def test_closed_stdout_is_quiet(tmp_path, cache_dir):
    import subprocess

    cmd = f"{sys.executable} -m drugfaq list | head -1; {sys.executable} -m drugfaq herceptin | head -c 10"
    p = subprocess.run(["bash", "-c", cmd], capture_output=True, env={**os.environ, "DRUGFAQ_CACHE_DIR": str(cache_dir)})
    assert p.stderr == b"", p.stderr
    first, second = p.stdout.split(b"\n")
    assert first.islower() and second == b"Herceptin "


def test_stdin_closed(drugfaq_process):
    import subprocess

    p = subprocess.run([sys.executable, "-m", "drugfaq", "ask", "-"], stdin=subprocess.DEVNULL, capture_output=True)
    assert p.returncode == 0 and p.stderr == b""


@pytest.mark.parametrize("env", [{"TERM": "dumb"}, {"COLUMNS": "20"}, {"LC_ALL": "C", "LANG": "C"},
                                 {"PYTHONIOENCODING": "latin-1"}, {"PYTHONIOENCODING": "ascii"}])
def test_odd_terminals_and_locales(drugfaq_process, env):
    for fmt in ("plain", "rich", "markdown"):
        p = drugfaq_process("herceptin", "-f", fmt, env=env)
        assert p.returncode == 0, p.stderr
        assert b"Traceback" not in p.stderr
        assert b"trastuzumab" in p.stdout


def test_unwritable_cache_still_answers(drugfaq, tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("DRUGFAQ_CACHE_DIR", str(locked / "cache"))
    try:
        r = drugfaq("herceptin", "-f", "json")
        assert r.code == 0 and json.loads(r.out)["id"] == "trastuzumab"
    finally:
        locked.chmod(stat.S_IRWXU)


def test_corrupted_cache_is_rebuilt(drugfaq, tmp_path, monkeypatch):
    monkeypatch.setenv("DRUGFAQ_CACHE_DIR", str(tmp_path))
    assert drugfaq("herceptin", "-f", "json").code == 0
    (cache,) = tmp_path.glob("knowledge-*.sqlite")
    cache.write_bytes(b"this is not a database" * 100)
    r = drugfaq("herceptin", "-f", "json")
    assert r.code == 0 and json.loads(r.out)["id"] == "trastuzumab"


def test_two_processes_building_the_cache_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv("DRUGFAQ_CACHE_DIR", str(tmp_path))
    results: list[str] = []

    def build() -> None:
        results.append(Store.open().drug("trastuzumab").name)

    threads = [threading.Thread(target=build) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["trastuzumab"] * 4
    assert not list(tmp_path.glob(".knowledge-*"))  # no temporary file left behind
    assert len(list(tmp_path.glob("knowledge-*.sqlite"))) == 1


def test_batch_mode_refuses_a_terminal_on_stdin(cache_dir):
    """`drugfaq ask -` with a terminal as stdin would wait forever: it says how to use it instead."""
    import pty
    import subprocess

    leader, follower = pty.openpty()
    try:
        p = subprocess.run([sys.executable, "-m", "drugfaq", "ask", "-"], stdin=follower, capture_output=True,
                           timeout=30, env={**os.environ, "DRUGFAQ_CACHE_DIR": str(cache_dir)})
    finally:
        os.close(leader)
        os.close(follower)
    assert p.returncode == 2
    assert b"reads questions from standard input" in p.stderr and b"Traceback" not in p.stderr


def test_pager_is_used_on_a_terminal_only_when_asked(cache_dir, tmp_path):
    """Under a pseudo-terminal, --pager pipes the profile through $PAGER; without it, nothing is paged."""
    import pty
    import subprocess

    pager_out = tmp_path / "paged.txt"
    env = {**os.environ, "DRUGFAQ_CACHE_DIR": str(cache_dir), "PAGER": f"cat > {pager_out}", "TERM": "xterm"}
    for args, paged in ((["herceptin", "--pager", "-f", "plain"], True), (["herceptin", "-f", "plain"], False)):
        pager_out.unlink(missing_ok=True)
        leader, follower = pty.openpty()
        drain = threading.Thread(target=_drain, args=(leader,), daemon=True)
        drain.start()
        try:
            subprocess.run([sys.executable, "-m", "drugfaq", *args], stdin=subprocess.DEVNULL, stdout=follower,
                           stderr=subprocess.PIPE, timeout=30, env=env)
        finally:
            os.close(follower)
            drain.join(timeout=5)
            os.close(leader)
        assert pager_out.exists() == paged
        if paged:
            assert pager_out.read_text().startswith("Herceptin (trastuzumab)")


def _drain(fd: int) -> None:
    """Read a pseudo-terminal's output so that a long profile never blocks the child."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def test_two_real_processes_building_the_cache_at_once(tmp_path):
    import subprocess

    env = {**os.environ, "DRUGFAQ_CACHE_DIR": str(tmp_path)}
    procs = [subprocess.Popen([sys.executable, "-m", "drugfaq", "herceptin", "-f", "json"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e for _, e in outs]
    assert all(json.loads(out)["id"] == "trastuzumab" for out, _ in outs)
    assert not list(tmp_path.glob(".knowledge-*"))
