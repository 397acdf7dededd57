"""A neutral document that every human format renders: answers are built once, painted many ways."""

from __future__ import annotations

import msgspec

from drugfaq.text import DISCLAIMER  # noqa: F401  (re-exported)


class Section(msgspec.Struct):
    key: str  # stable name, used by --section
    title: str
    paragraphs: list[str] = msgspec.field(default_factory=list)
    items: list[str] = msgspec.field(default_factory=list)


class Source(msgspec.Struct):
    title: str
    url: str
    date: str | None = None


class Document(msgspec.Struct):
    title: str
    subtitle: str | None = None
    lead: str | None = None  # the direct answer, printed first
    sections: list[Section] = msgspec.field(default_factory=list)
    sources: list[Source] = msgspec.field(default_factory=list)
    reviewed: str | None = None
    notes: list[str] = msgspec.field(default_factory=list)  # what was understood, shown with --explain
    disclaimer: bool = True
