"""Quick structural check for drafting knowledge files (superseded by `drugfaq validate`).

Usage: python scripts/draft_check.py data/drugs/FILE.yaml [...]
"""
import glob
import sys
from pathlib import Path

import msgspec
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from drugfaq.model import KnowledgeFile  # noqa: E402

root = Path(__file__).resolve().parent.parent / "data"
class_ids = set()
for f in glob.glob(str(root / "classes" / "*.yaml")):
    for c in (yaml.safe_load(open(f)) or {}).get("classes", []):
        class_ids.add(c["id"])
all_ids, names = {}, {}
for f in glob.glob(str(root / "drugs" / "*.yaml")):
    for d in (yaml.safe_load(open(f)) or {}).get("drugs", []):
        all_ids.setdefault(d["id"], f)
        for n in [d["name"], *d.get("brands", []), *d.get("aliases", []),
                  *[b["name"] for b in d.get("biosimilars", [])], *[b["generic"] for b in d.get("biosimilars", [])]]:
            names.setdefault(n.lower(), set()).add(d["id"])
bad = 0
for f in sys.argv[1:]:
    try:
        kf = msgspec.convert(yaml.safe_load(open(f)), KnowledgeFile)
    except msgspec.ValidationError as e:
        print(f"{f}: {e}"); bad += 1; continue
    for d in kf.drugs:
        for c in d.classification.classes:
            if c not in class_ids:
                print(f"{f}: {d.id}: unknown class {c}"); bad += 1
        for i in d.indications:
            for w in i.with_drugs:
                if w not in all_ids:
                    print(f"{f}: {d.id}: with_drugs names {w}, not (yet) a drug id (fine if another file will add it)")
for n, ids in names.items():
    if len(ids) > 1:
        print(f"name {n!r} claimed by several drugs: {sorted(ids)}"); bad += 1
print("ok" if not bad else f"{bad} problem(s)")
sys.exit(1 if bad else 0)
