"""Rich terminal rendering. Imported only for the rich format: rich costs ~45 ms to import."""

from __future__ import annotations

from typing import IO

from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from drugfaq.document import DISCLAIMER, Document
from drugfaq.render import clean


def console(file: IO[str], color: bool, force_terminal: bool | None) -> Console:
    return Console(file=file, no_color=not color, force_terminal=force_terminal, highlight=False,
                   emoji=False, markup=False, soft_wrap=False)


def render(doc: Document, con: Console, disclaimer: bool = True) -> None:
    """Data is always passed as Text, never as markup, so "[red]" in a question prints as typed."""
    parts: list = []
    if doc.lead:
        parts += [Text(clean(doc.lead), style="bold green"), Text("")]
    title = Text(clean(doc.title), style="bold")
    parts.append(title)
    if doc.subtitle:
        parts.append(Text(clean(doc.subtitle), style="cyan"))
    for s in doc.sections:
        parts += [Text(""), Text(clean(s.title), style="bold magenta")]
        for p in s.paragraphs:
            parts.append(Padding(Text(clean(p)), (0, 0, 0, 2)))
        for item in s.items:
            label, sep, rest = clean(item).partition(": ")
            line = Text("• ", style="dim")
            if sep and len(label) <= 40:
                line.append(label + ": ", style="bold")
                line.append(rest)
            else:
                line.append(clean(item))
            parts.append(Padding(line, (0, 0, 0, 2)))
    if doc.sources:
        parts += [Text(""), Text("Sources", style="bold magenta")]
        for src in doc.sources:
            line = Text("• ", style="dim")
            line.append(clean(src.title), style=f"link {src.url}")
            line.append(f"  {src.url}", style="blue")
            if src.date:
                line.append(f" ({src.date})", style="dim")
            parts.append(Padding(line, (0, 0, 0, 2)))
    if doc.reviewed:
        parts += [Text(""), Text(f"Reviewed {doc.reviewed}", style="dim")]
    for note in doc.notes:
        parts.append(Text(clean(note), style="yellow"))
    if disclaimer and doc.disclaimer:
        parts += [Text(""), Text(DISCLAIMER, style="dim italic")]
    con.print(Group(*parts))
