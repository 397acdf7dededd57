"""Rich terminal rendering. Imported only for the rich format: rich costs ~45 ms to import."""

from __future__ import annotations

from typing import IO

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
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
            parts.append(Padding(_bullets(s.items), (0, 0, 0, 2)))
    if doc.sources:
        parts += [Text(""), Text("Sources", style="bold magenta")]
        grid = _grid()
        for src in doc.sources:
            line = Text(clean(src.title), style=f"link {src.url}")
            line.append(f"  {src.url}", style="blue")
            if src.date:
                line.append(f" ({src.date})", style="dim")
            grid.add_row("•", line)
        parts.append(Padding(grid, (0, 0, 0, 2)))
    if doc.reviewed:
        parts += [Text(""), Text(f"Reviewed {doc.reviewed}", style="dim")]
    for note in doc.notes:
        parts.append(Text(clean(note), style="yellow"))
    if disclaimer and doc.disclaimer:
        parts += [Text(""), Text(DISCLAIMER, style="dim italic")]
    con.print(Group(*parts))


def _grid() -> Table:
    """Two columns, bullet and text, so wrapped lines hang under the text rather than the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def _bullets(items: list[str]) -> Table:
    grid = _grid()
    for item in items:
        label, sep, rest = clean(item).partition(": ")
        if sep and len(label) <= 40:
            line = Text(label + ": ", style="bold")
            line.append(rest)
        else:
            line = Text(clean(item))
        grid.add_row("•", line)
    return grid


def table(title: str, headers: list[str], rows: list[list[str]], con: Console, disclaimer: bool,
          sources: list) -> None:
    """Drugs side by side: one column per drug, one row per aspect."""
    t = Table(title=clean(title), show_lines=True, title_style="bold", header_style="bold magenta")
    t.add_column(clean(headers[0]), style="bold", no_wrap=True)
    for h in headers[1:]:
        t.add_column(clean(h), overflow="fold")
    for row in rows:
        t.add_row(*(Text(clean(c)) for c in row))
    parts: list = [t]
    if sources:
        parts += [Text("Sources", style="bold magenta")]
        grid = _grid()
        for src in sources:
            grid.add_row("•", Text(f"{clean(src.title)}  {src.url}"))
        parts.append(Padding(grid, (0, 0, 0, 2)))
    if disclaimer:
        parts += [Text(""), Text(DISCLAIMER, style="dim italic")]
    con.print(Group(*parts))
