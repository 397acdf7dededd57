"""Every ATC code, brand and FDA class in the knowledge agrees with public reference data.

The reference files live outside the repository (../shared/reference/); where
they are absent (a fresh clone) these tests are skipped, saying so. A
deliberate disagreement must be declared, with its reason, in data/exceptions/.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from drugfaq.store import bundled_data_dir
from drugfaq.validate import load

REF = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"
SALTS = re.compile(r"\b(hydrochloride|hcl|sodium|potassium|calcium|magnesium|mesylate|maleate|citrate|tartrate|"
                   r"succinate|besylate|fumarate|acetate|sulfate|phosphate|bromide|dihydrate|monohydrate|"
                   r"trihydrate|anhydrous|hyclate|disodium|dipropionate|propionate|furoate|xinafoate)\b")


def need(path: str) -> Path:
    p = REF / path
    if not p.exists():
        pytest.skip(f"reference data not found at {p}: check skipped, not passed")
    return p


@lru_cache(maxsize=1)
def knowledge():
    k, problems = load([(bundled_data_dir(), "bundled")])
    assert not problems, problems[0].line()
    return k


@lru_cache(maxsize=1)
def exceptions() -> set[tuple[str, str, str]]:
    out = set()
    for f in (bundled_data_dir() / "exceptions").glob("*.yaml"):
        for e in (yaml.safe_load(f.read_text()) or {}).get("exceptions") or []:
            assert e.get("reason"), f"{f}: exception without a reason: {e}"
            out.add((e["drug"], e["check"], str(e["value"]).lower()))
    return out


def base(name: str) -> str:
    name = SALTS.sub(" ", name.lower())
    name = re.sub(r"-[a-z]{4}\b", "", name)  # biologic suffix: trastuzumab-dkst
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", name).split())


def test_atc_codes_exist_and_name_the_drug():
    path = need("who-atc-ddd/who_atc_ddd_2026-04-25.csv")
    names: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names[row["atc_code"]] = row["atc_name"]
    bad = []
    for d in knowledge().drugs.values():
        # international names (paracetamol, leuprorelin) are what WHO lists; they are the drug's aliases
        own = {base(n) for n in [d.name, *d.aliases]} | {base(p) for p in d.name.replace("-", " and ").split(" and ")}
        for code in d.classification.atc:
            if (d.id, "atc", code.lower()) in exceptions():
                continue
            if code not in names:
                bad.append(f"{d.id}: {code} is not a current WHO ATC code")
            elif not (base(names[code]) in own or any(w in base(names[code]) for w in own if len(w) > 4)):
                bad.append(f"{d.id}: {code} is {names[code]!r} in the WHO index")
    assert not bad, "\n".join(bad)


@lru_cache(maxsize=1)
def fda_brands() -> dict[str, set[str]]:
    path = need("fda-unii-names/unii_names_brand_official_2025-06.tsv")
    out: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["name_type"] == "bn":
                out.setdefault(row["name"].upper(), set()).add(base(row["display_name"]))
    return out


def test_brands_belong_to_their_generic():
    brands = fda_brands()
    nci = need("nci-cancer-drugs/nci_drug_information_summaries.tsv")
    nci_brands: dict[str, set[str]] = {}
    with nci.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            for b in row["us_brand_names"].split("|"):
                if b:
                    nci_brands.setdefault(b.upper(), set()).add(base(row["title"]))
    bad, checked = [], 0
    for d in knowledge().drugs.values():
        generic = base(d.name)
        parts = {base(p) for p in re.split(r"-| and |/", d.name) if len(p) > 3} | {generic}
        for brand in [*d.brands, *(b.name for b in d.biosimilars)]:
            if (d.id, "brand", brand.lower()) in exceptions():
                continue
            found = brands.get(brand.upper(), set()) | nci_brands.get(brand.upper(), set())
            if not found:
                continue  # not listed: nothing to compare against
            checked += 1
            if not any(g == p or g.startswith(p) or p.startswith(g) or p in g for g in found for p in parts):
                bad.append(f"{d.id}: brand {brand} is listed for {sorted(found)}")
    assert checked > 0
    assert not bad, "\n".join(bad)


def test_fda_established_pharmacologic_class():
    path = need("drugcentral-2016/pharm_class.tsv")
    epc: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["TYPE"] == "EPC":
                epc.setdefault(base(row["DRUG_NAME"]), set()).add(row["CLASS"].lower())
    bad = []
    for d in knowledge().drugs.values():
        listed = epc.get(base(d.name))
        if not listed:
            continue  # DrugCentral 2016 does not list it: unknown, not a failure
        for cls in d.classification.fda_epc:
            if cls.lower() not in listed and (d.id, "fda_epc", cls.lower()) not in exceptions():
                bad.append(f"{d.id}: FDA class {cls!r}; DrugCentral lists {sorted(listed)}")
    assert not bad, "\n".join(bad)


def test_atc_codes_are_not_the_pre_2022_antibody_codes():
    for d in knowledge().drugs.values():
        for code in d.classification.atc:
            assert not code.startswith(("L01XC", "L01XE")), f"{d.id}: {code} is a retired ATC group"


def test_medlineplus_links_point_to_pages_the_reference_data_knows():
    path = need("drug-ner-dictionary/dner_canonical_drugs_v2.0.9.tsv")
    with path.open(encoding="utf-8") as f:
        known = {r["medline_plus_id"].strip() for r in csv.DictReader(f, delimiter="\t") if r.get("medline_plus_id")}
    bad = []
    for d in knowledge().drugs.values():
        for ref in d.references:
            m = re.search(r"medlineplus\.gov/druginfo/meds/(a\d+)\.html", ref.url)
            if m and m.group(1) not in known and (d.id, "medlineplus", m.group(1)) not in exceptions():
                bad.append(f"{d.id}: MedlinePlus page {m.group(1)} is not in the reference data")
    assert not bad, "\n".join(bad)
