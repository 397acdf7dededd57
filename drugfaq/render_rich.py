"""Rich terminal rendering. Imported only for the rich format: rich costs ~45 ms to import."""

from __future__ import annotations

import textwrap
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
        if s.items:
            parts.append(Padding(_bullets(s.items, con.width - 2), (0, 0, 0, 2)))
    if doc.sources:
        parts += [Text(""), Text("Sources", style="bold magenta")]
        for src in doc.sources:
            line = _bullet(f"{src.title}  {src.url}" + (f" ({src.date})" if src.date else ""), con.width - 2, False)
            line.stylize(f"link {src.url}", 2, 2 + len(clean(src.title)))
            parts.append(Padding(line, (0, 0, 0, 2)))
    if doc.reviewed:
        parts += [Text(""), Text(f"Reviewed {doc.reviewed}", style="dim")]
    for note in doc.notes:
        parts.append(Text(clean(note), style="yellow"))
    if disclaimer and doc.disclaimer:
        parts += [Text(""), Text(DISCLAIMER, style="dim italic")]
    con.print(Group(*parts))


def _bullet(item: str, width: int, bold_label: bool = True) -> Text:
    """One bullet with a hanging indent, wrapped here: rich's tables would do it at several times the cost."""
    text = clean(item)
    label, sep, _ = text.partition(": ")
    lines = textwrap.wrap(text, width=max(width - 4, 16), break_on_hyphens=False) or [""]
    out = Text("• ", style="dim")
    out.append(lines[0])
    for line in lines[1:]:
        out.append("\n  " + line)
    if bold_label and sep and len(label) <= 40:
        out.stylize("bold", 2, 2 + len(label) + 1)
    return out


def _bullets(items: list[str], width: int) -> Group:
    return Group(*(_bullet(i, width) for i in items))


def table(title: str, headers: list[str], rows: list[list[str]], con: Console, disclaimer: bool,
          sources: list) -> None:
    """Drugs side by side: one column per drug, one row per aspect."""
    from rich.table import Table

    t = Table(title=clean(title), show_lines=True, title_style="bold", header_style="bold magenta")
    t.add_column(clean(headers[0]), style="bold", no_wrap=True)
    for h in headers[1:]:
        t.add_column(clean(h), overflow="fold")
    for row in rows:
        t.add_row(*(Text(clean(c)) for c in row))
    parts: list = [t]
    if sources:
        parts += [Text("Sources", style="bold magenta")]
        for src in sources:
            parts.append(Padding(_bullet(f"{src.title}  {src.url}", con.width - 2, False), (0, 0, 0, 2)))
    if disclaimer:
        parts += [Text(""), Text(DISCLAIMER, style="dim italic")]
    con.print(Group(*parts))
