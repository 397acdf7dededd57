"""The knowledge model: typed, frozen records for drugs, classes and topics.

These structs are the single source of truth for the knowledge files: the
validator converts raw YAML into them, the compiled cache stores them as JSON,
and `schema/knowledge.schema.json` is generated from them (a test keeps it in
sync). Field order here is the order of sections in a profile.
"""

import datetime
from typing import Annotated, Literal

# No `from __future__ import annotations` here: msgspec would have to evaluate
# string annotations on first decode, which costs several ms on every run.

import msgspec

# Ids are slugs so that they are safe in file names, URLs and shell words.
Id = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=120)]
AtcCode = Annotated[str, msgspec.Meta(pattern=r"^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$")]


class Record(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """Base: immutable, rejects unknown keys (typos are errors, not silent)."""


class Biosimilar(Record):
    name: Name  # brand, e.g. Ogivri
    generic: Name  # suffixed proper name, e.g. trastuzumab-dkst


class Classification(Record):
    classes: list[Id]  # taxonomy node ids; ancestors are implied
    fda_epc: list[Name] = []  # FDA Established Pharmacologic Class(es)
    atc: list[AtcCode] = []  # current WHO ATC code(s)


class Mechanism(Record):
    summary: Text
    targets: list[Name] = []


class Indication(Record):
    condition: Name
    setting: Name | None = None  # adjuvant, metastatic, ...
    details: Text | None = None  # the label's qualifiers in plain words
    with_drugs: list[Id] = []  # regimen partners (drug ids)


class Administration(Record):
    route: Name
    setting: Name | None = None
    schedule: Text | None = None
    duration: Text | None = None


class Monitoring(Record):
    phase: Literal["before", "during", "after"]
    test: Name
    schedule: Text | None = None
    applies_to: Text | None = None  # qualifier: which patients / settings


class SideEffects(Record):
    common: list[Name] = []
    serious: list[Name] = []


class Pregnancy(Record):
    summary: Text
    contraception: Text | None = None
    breastfeeding: Text | None = None


class Dosage(Record):
    summary: Text  # the label's usual adult dosing, never personal advice
    strengths: list[Name] = []
    maximum: Text | None = None


class Interaction(Record):
    with_: Name = msgspec.field(name="with")  # a drug, a class, alcohol, a food
    effect: Text


class Faq(Record):
    q: Text
    a: Text


class Reference(Record):
    title: Name
    url: Annotated[str, msgspec.Meta(pattern=r"^https?://\S+$", max_length=500)]
    date: datetime.date | None = None  # label revision or page review date


class Drug(Record):
    id: Id
    name: Name  # generic name
    summary: Text  # what it is, in a sentence or two
    classification: Classification
    references: Annotated[list[Reference], msgspec.Meta(min_length=1)]
    reviewed: datetime.date
    brands: list[Name] = []
    biosimilars: list[Biosimilar] = []
    aliases: list[Name] = []  # other names people use: abbreviations, INN/BAN
    mechanism: Mechanism | None = None
    indications: list[Indication] = []
    administration: list[Administration] = []
    monitoring: list[Monitoring] = []
    boxed_warnings: list[Text] = []
    contraindications: list[Text] = []
    warnings: list[Text] = []
    side_effects: SideEffects | None = None
    pregnancy: Pregnancy | None = None
    dosage: Dosage | None = None
    usage: Text | None = None  # how to take it: food, time of day
    interactions: list[Interaction] = []
    onset: Text | None = None  # how soon it works, how long it lasts
    stopping: Text | None = None  # can it be stopped at once, tapering
    storage: Text | None = None
    missed_dose: Text | None = None
    overdose: Text | None = None
    faqs: list[Faq] = []
    ambiguous: list[Name] = []  # names shared with another drug, declared on purpose


class DrugClass(Record):
    id: Id
    name: Name
    description: Text | None = None
    parents: list[Id] = []
    aliases: list[Name] = []
    # Classes this one only partly belongs to, e.g. an antibody-drug conjugate
    # carries a chemotherapy payload: "is Kadcyla chemo?" -> "partly".
    partly: list[Id] = []
    partly_note: Text | None = None


class Topic(Record):
    id: Id
    title: Name
    summary: Text
    references: Annotated[list[Reference], msgspec.Meta(min_length=1)]
    reviewed: datetime.date
    keywords: list[Name] = []  # phrases that point a question at this topic
    body: list[Text] = []
    related: list[Id] = []  # drug ids


class KnowledgeFile(Record):
    """One YAML file: any mix of drugs, classes and topics."""

    drugs: list[Drug] = []
    classes: list[DrugClass] = []
    topics: list[Topic] = []
