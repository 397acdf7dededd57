"""`compare` (drugs side by side) and `classes` (the taxonomy as a tree, or one class)."""

from __future__ import annotations

from typing import Any

from drugfaq.document import Document, Section
from drugfaq.errors import NotFound
from drugfaq.names import normalize
from drugfaq.output import Output
from drugfaq.profile import administration_line, class_document, class_json, class_path, display_name
from drugfaq.profile import drug_json, monitoring_line, sources_of
from drugfaq.resolve import resolve_drug
from drugfaq.store import Store
from drugfaq.taxonomy import Taxonomy


def run_compare(store: Store, names: list[str], out: Output) -> None:
    drugs, typed = [], []
    for n in names:
        m = resolve_drug(store, n)
        if m.kind != "drug":
            raise NotFound(n)
        drugs.append(store.drug(m.id))
        typed.append(n)
    if out.is_json:
        out.json({"drugs": [drug_json(store, d) for d in drugs], "disclaimer": out.disclaimer_json()})
        return
    tax = Taxonomy(store.classes())
    labels = [display_name(d, t) for d, t in zip(drugs, typed)]
    rows: list[tuple[str, str, Any]] = [
        ("classification", "Class", lambda d: " > ".join(class_path(d, tax))),
        ("mechanism", "How it works", lambda d: d.mechanism.summary if d.mechanism else "not in drugfaq"),
        ("indications", "Approved uses", lambda d: "; ".join(dict.fromkeys(i.condition for i in d.indications))),
        ("administration", "How it is given", lambda d: " | ".join(administration_line(a) for a in d.administration)),
        ("monitoring", "Monitoring", lambda d: " | ".join(f"{m.phase}: {monitoring_line(m)}" for m in d.monitoring)),
        ("boxed-warnings", "Key warnings", lambda d: " | ".join(d.boxed_warnings or d.warnings[:2])),
    ]
    cells = [[title, *(get(d) or "not in drugfaq" for d in drugs)] for _, title, get in rows]
    sections = [Section(key, title, [], [f"{label}: {value}" for label, value in zip(labels, cell[1:], strict=True)])
                for (key, title, _), cell in zip(rows, cells, strict=True)]
    sources = [s for d in drugs for s in sources_of(d.references[:2])]
    title = " vs ".join(labels)
    out.table(title, ["", *labels], cells, Document(title, "side by side", None, sections, sources))


def run_classes(store: Store, name: str | None, out: Output) -> None:
    tax = Taxonomy(store.classes())
    if name:
        hits = [h for h in store.lookup([normalize(name), normalize(name).rstrip("s")]) if h.kind == "class"]
        if not hits:
            raise NotFound(name, what="class")
        cls = tax.classes[hits[0].id]
        if out.is_json:
            out.json(class_json(store, cls))
        else:
            out.document(class_document(store, cls))
        return
    if out.is_json:
        def node(cid: str) -> dict[str, Any]:
            return {"id": cid, "name": tax.name(cid), "children": [node(c) for c in tax.children(cid)]}
        out.json([node(r) for r in tax.children(None)])
        return
    lines: list[str] = []

    def walk(cid: str, depth: int) -> None:
        lines.append("  " * depth + tax.name(cid))
        for c in tax.children(cid):
            walk(c, depth + 1)

    for root in tax.children(None):
        walk(root, 0)
    if out.fmt == "markdown":
        out.lines(["# Drug classes", ""] + [f"{'  ' * (len(l) - len(l.lstrip()))}- {l.strip()}" for l in lines])
    else:
        out.lines(lines)
