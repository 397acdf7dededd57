"""Profiles: a drug, class or topic as a Document for people and as a dict for scripts."""

from __future__ import annotations

from typing import Any
from collections.abc import Callable

import msgspec

from drugfaq.document import Document, Section, Source
from drugfaq.model import Drug, DrugClass, Topic
from drugfaq.store import Store
from drugfaq.taxonomy import Taxonomy
from drugfaq.text import plain_title

PHASES = {"before": "Before treatment", "during": "During treatment", "after": "After treatment"}


def display_name(drug: Drug, typed: str | None = None) -> str:
    """"Herceptin (trastuzumab)" when the user typed a brand, else the generic name capitalised."""
    return plain_title(drug.name, [*drug.brands, *(b.name for b in drug.biosimilars)], typed)


def article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeio" and not phrase.lower().startswith("one") else "a ") + phrase


def class_path(drug: Drug, tax: Taxonomy) -> list[str]:
    known = [c for c in drug.classification.classes if c in tax.classes]
    return [tax.name(c) for c in tax.main_line(known[0])] if known else []


def what_it_is(drug: Drug, tax: Taxonomy) -> str:
    """"a targeted therapy: a HER2-directed monoclonal antibody" from the main line of its first class."""
    known = [c for c in drug.classification.classes if c in tax.classes]
    if not known:
        return "a medicine"
    line = tax.main_line(known[0])
    head = tax.name(line[1]) if len(line) > 2 else None
    leaf = tax.name(line[-1])
    return f"{article(head)}: {article(leaf)}" if head else article(leaf)


def indication_line(ind: Any, names: dict[str, str]) -> str:
    text = ind.condition + (f" ({ind.setting})" if ind.setting else "")
    if ind.details:
        text += f": {ind.details}"
    if ind.with_drugs and not ind.details:
        text += "; given with " + ", ".join(names.get(w, w) for w in ind.with_drugs)
    return text


def administration_line(a: Any) -> str:
    text = f"{a.setting}: {a.route}" if a.setting else a.route
    if a.schedule:
        text += f". {a.schedule}"
    if a.duration:
        text = text.rstrip(".") + f". How long: {a.duration}"
    return text[:1].upper() + text[1:]


def monitoring_line(m: Any) -> str:
    text = m.test[:1].upper() + m.test[1:] + (f": {m.schedule.rstrip('.')}" if m.schedule else "")
    return text + (f" (for: {m.applies_to.rstrip('.')})" if m.applies_to else "")


def drug_sections(drug: Drug, tax: Taxonomy, names: dict[str, str]) -> list[Section]:
    """Every section of a drug profile, in reading order; empty sections are left out."""
    d, out = drug, []

    def add(key: str, title: str, paragraphs: list[str | None] = [], items: list[str] = []) -> None:  # noqa: B006
        paras = [p for p in paragraphs if p]
        if paras or items:
            out.append(Section(key, title, paras, list(items)))

    names_items = []
    if d.brands:
        names_items.append("Brands: " + ", ".join(d.brands))
    if d.biosimilars:
        names_items.append("Biosimilars: " + ", ".join(f"{b.name} ({b.generic})" for b in d.biosimilars))
    if d.aliases:
        names_items.append("Also called: " + ", ".join(d.aliases))
    add("overview", "Overview", [d.summary], names_items)
    c = d.classification
    path = class_path(d, tax)
    others = [tax.name(x) for x in c.classes[1:] if x in tax.classes]
    add("classification", "Classification", [], [
        *(["Class: " + " > ".join(path)] if path else []),
        *(["Also: " + ", ".join(others)] if others else []),
        *(["FDA pharmacologic class: " + ", ".join(c.fda_epc)] if c.fda_epc else []),
        *(["WHO ATC: " + ", ".join(c.atc)] if c.atc else []),
    ])
    if d.mechanism:
        targets = ["Target: " + ", ".join(d.mechanism.targets)] if d.mechanism.targets else []
        add("mechanism", "How it works", [d.mechanism.summary], targets)
    add("indications", "Approved uses", [], [indication_line(i, names) for i in d.indications])
    add("administration", "How it is given and for how long", [], [administration_line(a) for a in d.administration])
    if d.dosage:
        add("dosage", "Usual dosing (label)", [d.dosage.summary], [
            *(["Strengths: " + ", ".join(d.dosage.strengths)] if d.dosage.strengths else []),
            *([f"Maximum: {d.dosage.maximum}"] if d.dosage.maximum else [])])
    add("usage", "How to take it", [d.usage])
    monitoring = [f"{PHASES[m.phase]}: {monitoring_line(m)}" for p in PHASES for m in d.monitoring if m.phase == p]
    add("monitoring", "Monitoring and follow-up", [], monitoring)
    add("boxed-warnings", "Boxed warnings", [], d.boxed_warnings)
    add("contraindications", "Who should not take it", [], d.contraindications)
    add("warnings", "Warnings", [], d.warnings)
    if d.side_effects:
        add("side-effects", "Side effects", [], [
            *(["Common: " + ", ".join(d.side_effects.common)] if d.side_effects.common else []),
            *(["Serious: " + ", ".join(d.side_effects.serious)] if d.side_effects.serious else [])])
    if d.pregnancy:
        p = d.pregnancy
        add("pregnancy", "Pregnancy and breastfeeding", [p.summary], [
            *([f"Contraception: {p.contraception}"] if p.contraception else []),
            *([f"Breastfeeding: {p.breastfeeding}"] if p.breastfeeding else [])])
    add("interactions", "Interactions", [], [f"{i.with_}: {i.effect}" for i in d.interactions])
    add("onset", "How soon it works", [d.onset])
    add("stopping", "Stopping", [d.stopping])
    add("missed-dose", "Missed dose", [d.missed_dose])
    add("overdose", "Overdose", [d.overdose])
    add("storage", "Storage", [d.storage])
    add("faqs", "Questions people ask", [], [f"{f.q} {f.a}" for f in d.faqs])
    return out


SECTION_KEYS = ["overview", "classification", "mechanism", "indications", "administration", "dosage", "usage",
                "monitoring", "boxed-warnings", "contraindications", "warnings", "side-effects", "pregnancy",
                "interactions", "onset", "stopping", "missed-dose", "overdose", "storage", "faqs"]
SECTION_ALIASES = {"names": "overview", "summary": "overview", "class": "classification", "uses": "indications",
                   "indication": "indications", "how-it-works": "mechanism", "duration": "administration",
                   "dose": "dosage", "how-to-take": "usage", "follow-up": "monitoring", "boxed": "boxed-warnings",
                   "side-effect": "side-effects", "interaction": "interactions", "faq": "faqs",
                   "references": "sources", "sources": "sources"}


def section_key(name: str) -> str | None:
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key in SECTION_KEYS or key == "sources":
        return key
    return SECTION_ALIASES.get(key)


def sources_of(refs: list[Any]) -> list[Source]:
    return [Source(r.title, r.url, r.date.isoformat() if r.date else None) for r in refs]


def drug_plain_body(drug: Drug, tax: Taxonomy, names: dict[str, str]) -> str:
    """The plain profile below its title line, for piped output; compiled into the cache in advance."""
    from drugfaq.render import plain

    doc = Document("", " > ".join(class_path(drug, tax)) or None, None, drug_sections(drug, tax, names),
                   sources_of(drug.references), drug.reviewed.isoformat())
    titles = "|".join([*drug.brands, *(b.name for b in drug.biosimilars)])
    return titles + "\n" + plain(doc, None, disclaimer=False).split("\n", 1)[1]


def drug_document(store: Store, drug: Drug, typed: str | None = None) -> Document:
    tax = Taxonomy(store.classes())
    partners = {w for i in drug.indications for w in i.with_drugs}
    names = store.drug_names(partners)
    title = display_name(drug, typed)
    subtitle = " > ".join(class_path(drug, tax)) or None
    return Document(title, subtitle, None, drug_sections(drug, tax, names), sources_of(drug.references),
                    drug.reviewed.isoformat())


def class_document(store: Store, cls: DrugClass) -> Document:
    tax = Taxonomy(store.classes())
    line = " > ".join(tax.name(c) for c in tax.main_line(cls.id))
    members = store.drug_names(store.members(tax.descendants(cls.id)))
    sections = [Section("overview", "Overview", [cls.description] if cls.description else [],
                        [f"Also called: {', '.join(cls.aliases)}"] if cls.aliases else [])]
    parents = [tax.name(p) for p in cls.parents]
    if parents:
        sections.append(Section("classification", "Part of", [], parents))
    kids = [tax.name(c) for c in tax.children(cls.id)]
    if kids:
        sections.append(Section("subclasses", "Kinds", [], kids))
    if cls.partly:
        sections.append(Section("partly", "Partly", [cls.partly_note or ""], [tax.name(p) for p in cls.partly]))
    sections.append(Section("members", f"Drugs in drugfaq ({len(members)})", [],
                            sorted(members.values(), key=str.lower) or ["none yet"]))
    return Document(cls.name[:1].upper() + cls.name[1:], f"class: {line}", None, sections)


def topic_document(topic: Topic, names: dict[str, str]) -> Document:
    sections = [Section("overview", "Answer", [topic.summary, *topic.body])]
    if topic.related:
        sections.append(Section("related", "Related drugs", [], [names.get(r, r) for r in topic.related]))
    return Document(topic.title, "topic", None, sections, sources_of(topic.references), topic.reviewed.isoformat())


def drug_json(store: Store, drug: Drug) -> dict[str, Any]:
    """The profile contract: every model field, with classification made explicit for scripts."""
    tax = Taxonomy(store.classes())
    data = msgspec.to_builtins(drug)
    ancestors = tax.ancestors(drug.classification.classes)
    data["classification"] = {
        "category": tax.category(drug.classification.classes),
        "classes": [tax.name(c) for c in ancestors],
        "class_ids": ancestors,
        "path": class_path(drug, tax),
        "fda_epc": drug.classification.fda_epc,
        "atc": drug.classification.atc,
    }
    data["brands"] = drug.brands
    data.setdefault("mechanism", None)
    for key in ("indications", "monitoring", "aliases", "biosimilars", "faqs", "interactions"):
        data.setdefault(key, [])
    data["kind"] = "drug"
    return data


def class_json(store: Store, cls: DrugClass) -> dict[str, Any]:
    tax = Taxonomy(store.classes())
    data = msgspec.to_builtins(cls)
    data["kind"] = "class"
    data["path"] = [tax.name(c) for c in tax.main_line(cls.id)]
    data["members"] = store.members(tax.descendants(cls.id))
    return data


def topic_json(topic: Topic) -> dict[str, Any]:
    return {"kind": "topic", **msgspec.to_builtins(topic)}


def pick_sections(doc: Document, wanted: list[str], fail: Callable[[str], Exception]) -> Document:
    keys = []
    for w in wanted:
        key = section_key(w)
        if key is None:
            raise fail(f"unknown section {w!r}; choose from: {', '.join(SECTION_KEYS + ['sources'])}")
        keys.append(key)
    doc.sections = [s for s in doc.sections if s.key in keys]
    if "sources" not in keys:
        doc.sources = []
    return doc
