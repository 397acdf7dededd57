"""The bundled knowledge holds together: every entry sourced and reviewed, classes exist, names unique."""

from pathlib import Path

import msgspec

from drugfaq.model import KnowledgeFile
from drugfaq.store import bundled_data_dir
from drugfaq.validate import dangling_references, load

ROOT = Path(__file__).resolve().parent.parent


def test_bundled_knowledge_has_no_problems():
    k, problems = load([(bundled_data_dir(), "bundled")])
    problems += dangling_references(k)
    assert not problems, "\n".join(p.line() for p in problems[:20])
    assert k.drugs and k.classes and k.topics


def test_every_entry_is_sourced_reviewed_and_classified():
    k, _ = load([(bundled_data_dir(), "bundled")])
    for d in k.drugs.values():
        assert d.references and d.reviewed, d.id
        assert d.classification.classes and all(c in k.classes for c in d.classification.classes), d.id
    for t in k.topics.values():
        assert t.references and t.reviewed, t.id


def test_the_first_release_drugs_are_present():
    k, _ = load([(bundled_data_dir(), "bundled")])
    first = {"trastuzumab", "trastuzumab-hyaluronidase", "pertuzumab", "pertuzumab-trastuzumab-hyaluronidase",
             "ado-trastuzumab-emtansine", "fam-trastuzumab-deruxtecan", "doxorubicin", "cyclophosphamide",
             "paclitaxel", "docetaxel", "carboplatin", "cisplatin", "capecitabine", "fluorouracil"}
    assert first <= set(k.drugs), sorted(first - set(k.drugs))
    assert {"her2-positive", "chemo-after-port-placement"} <= set(k.topics)


def test_json_schema_is_generated_from_the_model():
    published = (ROOT / "schema" / "knowledge.schema.json").read_bytes()
    from drugfaq.schema import knowledge_schema

    assert msgspec.json.decode(published) == knowledge_schema(), "run: python -m drugfaq.schema > schema/knowledge.schema.json"


def test_readme_counts_are_generated(drugfaq):
    from drugfaq.store import Store

    counts = Store.open().counts()
    readme = (ROOT / "README.md").read_text()
    line = f"{counts['drugs']} drugs, {counts['classes']} classes and {counts['topics']} topics"
    assert f"<!-- counts -->{line}<!-- /counts -->" in readme, f"README should say: {line} (run scripts/update_docs.py)"


def test_knowledge_file_model_rejects_unknown_keys():
    import pytest

    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"drugs": [], "extra": 1}, KnowledgeFile)


# A class a drug belongs to, through its ancestors, is a "yes" to "is X a Y?". For these classes that "yes"
# says what the drug is used for, so every member must have such a use among its indications.
USE_CLASSES = {
    "antihypertensive": r"hypertension|blood pressure",
    "antidiabetic": r"diabet|glyc|blood sugar",
    "anticonvulsant": r"seizure|epilep|convuls",
    "antiparkinson": r"parkinson|restless legs",
}


def test_a_use_class_is_only_given_to_drugs_approved_for_that_use():
    import re

    from drugfaq.taxonomy import Taxonomy

    k, _ = load([(bundled_data_dir(), "bundled")])
    tax = Taxonomy(k.classes)
    wrong = []
    for d in k.drugs.values():
        uses = " ".join(f"{i.condition} {i.setting or ''} {i.details or ''}" for i in d.indications).lower()
        for cls, pattern in USE_CLASSES.items():
            if cls in tax.ancestors(d.classification.classes) and not re.search(pattern, uses):
                wrong.append(f"{d.id} is a {cls} by its classes but has no such indication")
    assert not wrong, "\n".join(wrong)
