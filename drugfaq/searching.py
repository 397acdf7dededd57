"""`search`: ranked full-text matches across names, classes, targets, uses and FAQs."""

from __future__ import annotations

from drugfaq.document import Document, Section
from drugfaq.names import normalize
from drugfaq.output import Output
from drugfaq.store import Store


def run_search(store: Store, text: str, limit: int, out: Output) -> bool:
    words = normalize(text).split()
    rows = store.search(" ".join(words), limit) if words else []
    names = store.drug_names([r[1] for r in rows if r[0] == "drug"])
    classes = store.classes()
    results = []
    for kind, id_, field, snippet in rows:
        label = names.get(id_) if kind == "drug" else classes[id_].name if kind == "class" else id_
        results.append({"kind": kind, "id": id_, "name": label, "field": field, "match": snippet})
    if out.is_json:
        out.json(results)
    elif out.fmt == "plain" and not out.tty:
        out.lines(f"{r['kind']}\t{r['id']}\t{r['field']}\t{r['match']}" for r in results)
    else:
        items = [f"{r['name']} ({r['kind']}, {r['field']}): {r['match']}" for r in results]
        title = f"{len(results)} match{'es' if len(results) != 1 else ''} for {text!r}"
        out.document(Document(title, None, None, [Section("results", "Results", [], items)] if items else []))
    return bool(results)
