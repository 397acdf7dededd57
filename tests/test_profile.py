"""`drugfaq NAME` / `drugfaq show NAME`: the profile, its sections, formats and the JSON contract."""

import json
import re


def test_brand_name_shows_the_generic_profile_with_class_uses_and_follow_up(drugfaq):
    r = drugfaq("herceptin", "--format", "plain")
    assert r.code == 0, r.err
    assert r.out.startswith("Herceptin (trastuzumab)\n")
    assert "targeted therapy" in r.out and "HER2" in r.out
    assert "HER2-overexpressing breast cancer (adjuvant" in r.out
    assert "gastric" in r.out
    assert "Every 6 months for at least 2 years" in r.out
    assert "7 months after the last dose" in r.out
    assert re.search(r"^Reviewed \d{4}-\d\d-\d\d$", r.out, re.M)
    assert "https://" in r.out.split("Sources", 1)[1]


def test_sections_follow_the_reading_order_and_sources_come_last(drugfaq):
    out = drugfaq("trastuzumab", "--format", "plain", "--no-disclaimer").out
    order = ["Overview", "Classification", "How it works", "Approved uses", "How it is given and for how long",
             "Monitoring and follow-up", "Boxed warnings", "Side effects", "Pregnancy and breastfeeding", "Sources"]
    positions = [out.index(f"\n{title}\n") for title in order]
    assert positions == sorted(positions)
    assert out.rstrip().splitlines()[-1].startswith("Reviewed ")


def test_show_is_the_same_as_the_bare_name(drugfaq):
    assert drugfaq("show", "herceptin", "-f", "plain").out == drugfaq("herceptin", "-f", "plain").out


def test_section_option_prints_only_those_sections(drugfaq):
    r = drugfaq("herceptin", "--section", "monitoring", "--section", "pregnancy", "-f", "plain", "--no-disclaimer")
    assert r.code == 0
    headings = [line for line in r.out.splitlines()[2:] if line and not line.startswith(" ")]
    assert headings[:2] == ["Monitoring and follow-up", "Pregnancy and breastfeeding"]
    assert "Approved uses" not in r.out and "Sources" not in r.out


def test_unknown_section_is_a_usage_error(drugfaq):
    r = drugfaq("herceptin", "--section", "colour")
    assert r.code == 2
    assert "unknown section 'colour'" in r.err


def test_disclaimer_is_short_last_and_can_be_switched_off(drugfaq, monkeypatch):
    out = drugfaq("herceptin", "-f", "plain").out
    assert out.rstrip().splitlines()[-1].startswith("Not medical advice")
    assert "Not medical advice" not in drugfaq("herceptin", "-f", "plain", "--no-disclaimer").out
    monkeypatch.setenv("DRUGFAQ_NO_DISCLAIMER", "1")
    assert "Not medical advice" not in drugfaq("herceptin", "-f", "plain").out


def test_json_profile_contract(drugfaq):
    r = drugfaq("herceptin", "--format", "json")
    assert r.code == 0
    data = json.loads(r.out)
    assert data["id"] == "trastuzumab" and data["name"] == "trastuzumab"
    assert "Herceptin" in data["brands"]
    c = data["classification"]
    assert c["category"] == "anticancer drug"
    assert c["classes"][0] == "anticancer drug"  # most general first
    assert {"targeted therapy", "monoclonal antibody", "biologic"} <= set(c["classes"])
    assert c["atc"] == ["L01FD01"]
    assert "HER2" in data["mechanism"]["summary"]
    assert any("gastric" in i["condition"] for i in data["indications"])
    assert any(m["phase"] == "after" and "2 years" in m["schedule"] for m in data["monitoring"])
    assert all(ref["url"].startswith("https://") for ref in data["references"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["reviewed"])
    assert data["disclaimer"].startswith("Not medical advice")
    assert {b["name"] for b in data["biosimilars"]} >= {"Ogivri", "Kanjinti"}


def test_markdown_format(drugfaq):
    out = drugfaq("herceptin", "--format", "markdown").out
    assert out.startswith("# Herceptin (trastuzumab)\n")
    assert "\n## Approved uses\n" in out and "\n## Sources\n" in out
    assert re.search(r"^- \[.+\]\(https://", out, re.M)


def test_rich_format_can_be_forced_and_respects_no_color(drugfaq, monkeypatch):
    colored = drugfaq("herceptin", "--format", "rich", "--color", "always").out
    assert "\x1b[" in colored and "Herceptin (trastuzumab)" in colored
    plain_rich = drugfaq("herceptin", "--format", "rich", "--color", "never").out
    assert "\x1b[" not in plain_rich and "Approved uses" in plain_rich
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in drugfaq("herceptin", "--format", "rich").out


def test_piped_output_defaults_to_plain(drugfaq_process):
    p = drugfaq_process("herceptin")
    assert p.returncode == 0
    assert p.stdout.decode().startswith("Herceptin (trastuzumab)\n")
    assert b"\x1b[" not in p.stdout


def test_biosimilar_and_suffixed_names_find_trastuzumab(drugfaq):
    for name in ("Ogivri", "trastuzumab-dkst", "KANJINTI", "Herceptin's"):
        data = json.loads(drugfaq(name, "-f", "json").out)
        assert data["id"] == "trastuzumab", name


def test_unknown_drug_exits_1_with_a_suggestion_on_stderr(drugfaq):
    r = drugfaq("hercepxyz")
    assert r.code == 1
    assert r.out == ""
    assert "did you mean" in r.err and "Herceptin" in r.err
    assert len(r.err.strip().splitlines()) == 1


def test_misspelling_close_enough_is_shown_with_a_note(drugfaq):
    r = drugfaq("trastuzamab", "-f", "plain")
    assert r.code == 0
    assert r.out.startswith("Trastuzumab")
    assert "closest match" in r.err


def test_nonsense_gets_no_guess(drugfaq):
    r = drugfaq("qwertyuiop")
    assert r.code == 1
    assert "no drug named 'qwertyuiop'" in r.err


def test_a_command_name_is_never_shadowed_by_a_drug(drugfaq):
    assert drugfaq("list", "-f", "json").code == 0  # the command, not a drug called "list"
    r = drugfaq("show", "list")  # show looks up any name
    assert r.code == 1 and "no drug named 'list'" in r.err


def test_class_and_topic_names_show_their_pages(drugfaq):
    r = drugfaq("monoclonal antibody", "-f", "plain")
    assert r.code == 0 and "trastuzumab" in r.out and "Part of" in r.out
    data = json.loads(drugfaq("statins", "-f", "json").out)
    assert data["kind"] == "class" and data["id"] == "statin"


def test_version(drugfaq):
    from drugfaq import __version__

    r = drugfaq("--version")
    assert r.code == 0 and r.out == f"drugfaq {__version__}\n"


def test_no_arguments_prints_help_and_exits_2(drugfaq):
    r = drugfaq()
    assert r.code == 2
    assert "Usage" in r.out + r.err


def test_python_dash_m_works(drugfaq_process):
    p = drugfaq_process("trastuzumab", "--format", "json")
    assert p.returncode == 0 and json.loads(p.stdout)["id"] == "trastuzumab"


def test_compiled_plain_profiles_match_freshly_rendered_ones(drugfaq):
    """Piped plain profiles come pre-rendered from the cache; they must equal a fresh rendering."""
    from drugfaq.profile import SECTION_KEYS

    every_section = [arg for key in [*SECTION_KEYS, "sources"] for arg in ("--section", key)]
    ids = drugfaq("list", "-f", "plain").out.split()
    assert len(ids) >= 14
    for drug_id in ids:
        compiled = drugfaq(drug_id, "-f", "plain").out
        fresh = drugfaq(drug_id, "-f", "plain", *every_section).out
        assert compiled == fresh, drug_id
