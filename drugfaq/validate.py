"""Validate knowledge files into typed records, reporting every problem with file, line and key path."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Iterable

import msgspec

from drugfaq.errors import Problem
from drugfaq.model import Drug, DrugClass, KnowledgeFile, Topic
from drugfaq.names import keys_for
from drugfaq.sources import yaml_files
from drugfaq.yamlsafe import YamlProblem, dotted, read

_AT = re.compile(r" - at `\$(.*)`$")
_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


@dataclass
class Knowledge:
    """Validated knowledge: what the compiler stores. `origin` maps "kind:id" to file:line."""

    drugs: dict[str, Drug] = field(default_factory=dict)
    classes: dict[str, DrugClass] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    origin: dict[str, tuple[str, int | None]] = field(default_factory=dict)


def load_file(path: Path, display: str | None = None) -> tuple[KnowledgeFile | None, dict, list[Problem]]:
    """Read and type-check one file. Returns (records or None, line map, problems)."""
    name = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        return None, {}, [Problem(name, None, "", f"cannot read: {e.strerror or e}")]
    try:
        raw, lines = read(data, name)
    except YamlProblem as e:
        return None, {}, [e.problem]
    if not isinstance(raw, dict):
        return None, lines, [Problem(name, 1, "", "expected a mapping with drugs, classes or topics at the top")]
    try:
        return msgspec.convert(raw, KnowledgeFile), lines, []
    except msgspec.ValidationError as e:
        return None, lines, [_problem_from(e, name, lines)]


def _problem_from(e: msgspec.ValidationError, name: str, lines: dict) -> Problem:
    message = str(e)
    path: tuple[Any, ...] = ()
    m = _AT.search(message)
    if m:
        message = message[: m.start()]
        path = tuple(p if p else int(i) for p, i in _PART.findall(m.group(1)))
    unknown = re.match(r"Object contains unknown field `(.+)`", message)
    if unknown:
        path += (unknown.group(1),)
        message = "unknown key (see data/README.md for the keys a record may have)"
    missing = re.match(r"Object missing required field `(.+)`", message)
    if missing:
        message = f"missing required key `{missing.group(1)}`"
    line = None
    for cut in range(len(path), -1, -1):
        line = lines.get(path[:cut])
        if line:
            break
    return Problem(name, line, dotted(path), message[:1].lower() + message[1:])


def load(sources: Iterable[tuple[Path, str]]) -> tuple[Knowledge, list[Problem]]:
    """Load every (path, layer) in order. A later layer's entry with the same id replaces the earlier one."""
    k = Knowledge()
    problems: list[Problem] = []
    layer_of: dict[str, str] = {}
    for path, layer in sources:
        files = yaml_files(path)
        if path.is_dir() and not files:
            problems.append(Problem(str(path), None, "", "folder holds no .yaml files"))
        for f in files:
            records, lines, found = load_file(f)
            problems += found
            if records is None:
                continue
            for kind, items, store in (("drugs", records.drugs, k.drugs), ("classes", records.classes, k.classes),
                                       ("topics", records.topics, k.topics)):
                for i, rec in enumerate(items):
                    key = f"{kind}:{rec.id}"
                    where = (str(f), lines.get((kind, i)))
                    if key in layer_of and layer_of[key] == layer:
                        first = k.origin[key]
                        problems.append(Problem(where[0], where[1], f"{kind}[{i}].id",
                                                f"duplicate id {rec.id!r} (first at {first[0]}:{first[1]})"))
                        continue
                    store[rec.id] = rec  # type: ignore[index]
                    layer_of[key] = layer
                    k.origin[key] = where
    problems += cross_check(k)
    return k, problems


def cross_check(k: Knowledge) -> list[Problem]:
    """Checks that need the whole knowledge base: references between entries and unique names."""
    problems: list[Problem] = []

    def at(kind: str, id_: str, path: str, message: str) -> None:
        file, line = k.origin.get(f"{kind}:{id_}", ("?", None))
        problems.append(Problem(file, line, f"{kind}[{id_}].{path}", message))

    for c in k.classes.values():
        for p in c.parents + c.partly:
            if p not in k.classes:
                at("classes", c.id, "parents", f"unknown class {p!r}")
    problems += _cycles(k)
    for d in k.drugs.values():
        for c in d.classification.classes:
            if c not in k.classes:
                at("drugs", d.id, "classification.classes", f"unknown class {c!r}")
    for d in k.drugs.values():
        for path, item, before in _list_items(msgspec.to_builtins(d)):
            if item.count("(") != item.count(")") or before[-1:].isdigit() and re.match(r"\d{3}\b", item):
                at("drugs", d.id, path, f"list item {item!r} looks split: a comma inside a [flow, list] item "
                   "(in brackets or in a number like 100,000) splits it; use block style or quote the item")
    claimed: dict[str, str] = {}
    for d in k.drugs.values():
        allowed = {key for n in d.ambiguous for key in keys_for(n)}
        for n in drug_names(d):
            for key in keys_for(n):
                other = claimed.get(key)
                if other and other != d.id and key not in allowed and key not in _declared(k.drugs[other]):
                    at("drugs", d.id, "names", f"name {n!r} is also a name of {other!r}; "
                       "rename it or declare it under `ambiguous` in both entries")
                claimed.setdefault(key, d.id)
    return problems


def _list_items(value: Any, path: str = "") -> Iterable[tuple[str, str, str]]:
    """Every string held in a list, with its key path and the item before it."""
    if isinstance(value, dict):
        for key, v in value.items():
            yield from _list_items(v, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(v, str):
                before = value[i - 1] if i and isinstance(value[i - 1], str) else ""
                yield f"{path}[{i}]", v, before
            else:
                yield from _list_items(v, f"{path}[{i}]")


def dangling_references(k: Knowledge) -> list[Problem]:
    """Regimen partners and related drugs that name no drug in the knowledge.

    These do not stop drugfaq from loading (a clinic's file may name a partner drugfaq does not
    cover; it is then shown by its id), but `drugfaq validate` reports them and the bundled
    knowledge must have none.
    """
    problems: list[Problem] = []
    for kind, items in (("drugs", k.drugs.values()), ("topics", k.topics.values())):
        for rec in items:
            refs = [w for i in rec.indications for w in i.with_drugs] if kind == "drugs" else rec.related  # type: ignore[union-attr]
            for ref in refs:
                if ref not in k.drugs:
                    file, line = k.origin.get(f"{kind}:{rec.id}", ("?", None))
                    key = "indications.with_drugs" if kind == "drugs" else "related"
                    problems.append(Problem(file, line, f"{kind}[{rec.id}].{key}", f"unknown drug id {ref!r}"))
    return problems


def _declared(d: Drug) -> set[str]:
    return {key for n in d.ambiguous for key in keys_for(n)}


def drug_names(d: Drug) -> list[str]:
    """Every name a drug is found by: id, generic, brands, biosimilars, aliases."""
    names = [d.id, d.name, *d.brands, *d.aliases]
    for b in d.biosimilars:
        names += [b.name, b.generic]
    return names


def _cycles(k: Knowledge) -> list[Problem]:
    problems: list[Problem] = []
    state: dict[str, int] = {}  # 1 = visiting, 2 = done

    def visit(cid: str, trail: list[str]) -> None:
        if state.get(cid) == 2 or cid not in k.classes:
            return
        if state.get(cid) == 1:
            file, line = k.origin.get(f"classes:{cid}", ("?", None))
            problems.append(Problem(file, line, f"classes[{cid}].parents", "cycle: " + " -> ".join(trail + [cid])))
            return
        state[cid] = 1
        for p in k.classes[cid].parents:
            visit(p, trail + [cid])
        state[cid] = 2

    for cid in k.classes:
        visit(cid, [])
    return problems
