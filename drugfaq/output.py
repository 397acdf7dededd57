"""Where answers go: one switch for format and colour, data to stdout, diagnostics to stderr."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING, Any
from collections.abc import Iterable

from drugfaq.text import DISCLAIMER, clean

if TYPE_CHECKING:
    from drugfaq.document import Document

FORMATS = ("rich", "plain", "json", "markdown")
COLORS = ("auto", "always", "never")


class Output:
    def __init__(self, fmt: str | None = None, color: str | None = None, disclaimer: bool = True,
                 pager: bool = False) -> None:
        self.tty = sys.stdout.isatty()
        # A pager only on a terminal, and only when asked for (--pager or DRUGFAQ_PAGER=1).
        self.pager = self.tty and (pager or os.environ.get("DRUGFAQ_PAGER", "") not in ("", "0"))
        self.fmt = fmt or os.environ.get("DRUGFAQ_FORMAT") or ("rich" if self.tty else "plain")
        if self.fmt not in FORMATS:
            from drugfaq.errors import UsageError

            raise UsageError(f"unknown format {self.fmt!r}; choose from {', '.join(FORMATS)}")
        choice = color or os.environ.get("DRUGFAQ_COLOR") or "auto"
        if choice not in COLORS:
            from drugfaq.errors import UsageError

            raise UsageError(f"unknown color choice {choice!r}; choose from {', '.join(COLORS)}")
        dumb = os.environ.get("TERM") == "dumb"
        self.color = choice == "always" or (choice == "auto" and self.tty and "NO_COLOR" not in os.environ and not dumb)
        self.force_terminal = True if choice == "always" else None
        self.disclaimer = disclaimer and not os.environ.get("DRUGFAQ_NO_DISCLAIMER")
        self._console: Any = None

    @property
    def is_json(self) -> bool:
        return self.fmt == "json"

    def width(self) -> int | None:
        return max(20, shutil.get_terminal_size((80, 24)).columns) if self.tty else None

    def document(self, doc: Document) -> None:
        if self.pager:
            self._paged(doc)
            return
        if self.fmt == "rich":
            from drugfaq import render_rich

            if self._console is None:
                self._console = render_rich.console(sys.stdout, self.color, self.force_terminal)
            render_rich.render(doc, self._console, self.disclaimer)
        elif self.fmt == "markdown":
            from drugfaq.render import markdown

            sys.stdout.write(markdown(doc, self.disclaimer))
        else:
            from drugfaq.render import plain

            sys.stdout.write(plain(doc, self.width(), self.disclaimer))

    def _paged(self, doc: Document) -> None:
        import io
        import subprocess

        saved, buffer = sys.stdout, io.StringIO()
        self.pager, sys.stdout = False, buffer  # type: ignore[assignment]
        try:
            self.document(doc)
        finally:
            sys.stdout, self.pager = saved, True
        command = os.environ.get("PAGER") or "less -R"
        try:
            subprocess.run(command, shell=True, input=buffer.getvalue().encode(errors="replace"), check=False)
        except OSError:
            sys.stdout.write(buffer.getvalue())

    def table(self, title: str, headers: list[str], rows: list[list[str]], fallback: Document) -> None:
        """A side-by-side table on a terminal or in Markdown; plain text gets `fallback`, one fact per line."""
        if self.fmt == "rich" and not self.pager:
            from drugfaq import render_rich

            if self._console is None:
                self._console = render_rich.console(sys.stdout, self.color, self.force_terminal)
            render_rich.table(title, headers, rows, self._console, self.disclaimer, fallback.sources)
        elif self.fmt == "markdown":
            from drugfaq.render import markdown_table

            sys.stdout.write(markdown_table(title, headers, rows, fallback.sources, self.disclaimer))
        else:
            self.document(fallback)

    def json(self, data: Any, lines: bool = False) -> None:
        """Indented JSON for one result; one compact object per line for streams (JSON Lines)."""
        import msgspec

        raw = msgspec.json.encode(data)
        sys.stdout.write((raw if lines else msgspec.json.format(raw, indent=2)).decode() + "\n")

    def raw(self, text: str) -> None:
        sys.stdout.write(text)

    def lines(self, rows: Iterable[str]) -> None:
        sys.stdout.write("".join(clean(r) + "\n" for r in rows))

    def disclaimer_json(self) -> str | None:
        return DISCLAIMER if self.disclaimer else None


def error(message: str) -> None:
    sys.stderr.write(f"drugfaq: {clean(message)}\n")


def note(message: str) -> None:
    sys.stderr.write(f"drugfaq: {clean(message)}\n")
