"""Plain-text and Markdown rendering of Documents (no rich import on these paths)."""

from __future__ import annotations

import re
import textwrap

from drugfaq.document import Document
from drugfaq.text import DISCLAIMER, clean


def plain(doc: Document, width: int | None = None, disclaimer: bool = True) -> str:
    """Plain text; wrapped to `width` on a terminal, one line per paragraph when piped."""

    def wrap(text: str, indent: str, bullet: str = "") -> list[str]:
        text = clean(text)
        if not width:
            return [indent + bullet + text]
        return textwrap.wrap(text, width=max(width, 20), initial_indent=indent + bullet,
                             subsequent_indent=indent + " " * len(bullet), break_on_hyphens=False) or [indent]

    out: list[str] = []
    if doc.lead:
        out += wrap(doc.lead, "")
        out.append("")
    out += wrap(doc.title, "")
    if doc.subtitle:
        out += wrap(doc.subtitle, "")
    for s in doc.sections:
        out += ["", clean(s.title)]
        for p in s.paragraphs:
            out += wrap(p, "  ")
        for item in s.items:
            out += wrap(item, "  ", "- ")
    if doc.sources:
        out += ["", "Sources"]
        for src in doc.sources:
            out += wrap(f"{src.title}: {src.url}" + (f" ({src.date})" if src.date else ""), "  ", "- ")
    if doc.reviewed:
        out += ["", f"Reviewed {doc.reviewed}"]
    for note in doc.notes:
        out += wrap(note, "", "")
    if disclaimer and doc.disclaimer:
        out += ["", DISCLAIMER]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", clean(text))


def markdown(doc: Document, disclaimer: bool = True) -> str:
    out: list[str] = []
    if doc.lead:
        out += [f"**{_md(doc.lead)}**", ""]
    out.append(f"# {_md(doc.title)}")
    if doc.subtitle:
        out += ["", f"*{_md(doc.subtitle)}*"]
    for s in doc.sections:
        out += ["", f"## {_md(s.title)}", ""]
        out += [_md(p) + "\n" for p in s.paragraphs]
        out += [f"- {_md(i)}" for i in s.items]
        if out[-1] == "":
            out.pop()
    if doc.sources:
        out += ["", "## Sources", ""]
        out += [f"- [{_md(s.title)}]({s.url})" + (f" ({s.date})" if s.date else "") for s in doc.sources]
    if doc.reviewed:
        out += ["", f"_Reviewed {doc.reviewed}_"]
    for note in doc.notes:
        out += ["", _md(note)]
    if disclaimer and doc.disclaimer:
        out += ["", f"> {DISCLAIMER}"]
    return "\n".join(line.rstrip("\n") if line.endswith("\n") and line.strip() else line for line in out) + "\n"


def markdown_table(title: str, headers: list[str], rows: list[list[str]], sources: list, disclaimer: bool) -> str:
    def cell(text: str) -> str:
        return _md(text).replace("\n", " ")

    out = [f"# {_md(title)}", "", "| " + " | ".join(cell(h) for h in headers) + " |",
           "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    if sources:
        out += ["", "## Sources", ""] + [f"- [{_md(s.title)}]({s.url})" for s in sources]
    if disclaimer:
        out += ["", f"> {DISCLAIMER}"]
    return "\n".join(out) + "\n"
