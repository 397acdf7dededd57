"""Reasoning over the class graph: ancestors, the main line, and "is X a Y"."""

from __future__ import annotations

import msgspec
from typing import Literal

from drugfaq.model import DrugClass

Verdict = Literal["yes", "no", "partly"]


class IsA(msgspec.Struct, frozen=True):
    verdict: Verdict
    chain: list[str]  # class ids from the drug's own class up to the asked class (yes/partly)
    note: str | None = None  # why "partly"


class Taxonomy:
    def __init__(self, classes: dict[str, DrugClass]) -> None:
        self.classes = classes
        self._depth: dict[str, int] = {}

    def name(self, class_id: str) -> str:
        return self.classes[class_id].name

    def ancestors(self, start: list[str]) -> list[str]:
        """The classes and all their ancestors, most general first."""
        seen: set[str] = set()
        todo = [c for c in start if c in self.classes]
        while todo:
            c = todo.pop()
            if c not in seen:
                seen.add(c)
                todo.extend(self.classes[c].parents)
        return sorted(seen, key=lambda c: (self.depth(c), c))

    def depth(self, class_id: str) -> int:
        """Length of the longest path up to a root (roots are 0)."""
        if class_id not in self._depth:
            self._depth[class_id] = 0  # guards against cycles, which validation already rejects
            parents = [p for p in self.classes[class_id].parents if p in self.classes]
            self._depth[class_id] = 1 + max((self.depth(p) for p in parents), default=-1)
        return self._depth[class_id]

    def main_line(self, class_id: str) -> list[str]:
        """Follow first parents up to a root; returned most general first."""
        line = [class_id]
        while self.classes[line[-1]].parents and len(line) < 20:
            parent = self.classes[line[-1]].parents[0]
            if parent not in self.classes or parent in line:
                break
            line.append(parent)
        return line[::-1]

    def category(self, classes: list[str]) -> str | None:
        known = [c for c in classes if c in self.classes]
        return self.name(self.main_line(known[0])[0]) if known else None

    def is_a(self, classes: list[str], asked: str) -> IsA:
        """Is something in `classes` a member of `asked`? Yes, partly (via a `partly` link) or no."""
        for start in classes:
            chain = self._path(start, asked)
            if chain:
                return IsA("yes", chain)
        for start in classes:
            for c in self.ancestors([start]):
                for p in self.classes[c].partly:
                    tail = self._path(p, asked)
                    if tail:
                        return IsA("partly", self._path(start, c) + tail, self.classes[c].partly_note)
        return IsA("no", [])

    def descendants(self, class_id: str) -> list[str]:
        children: dict[str, list[str]] = {}
        for c in self.classes.values():
            for p in c.parents:
                children.setdefault(p, []).append(c.id)
        out, todo = [], [class_id]
        while todo:
            c = todo.pop()
            if c not in out:
                out.append(c)
                todo.extend(children.get(c, []))
        return out

    def children(self, class_id: str | None) -> list[str]:
        if class_id is None:
            return sorted((c.id for c in self.classes.values() if not c.parents), key=self.name)
        return sorted((c.id for c in self.classes.values() if class_id in c.parents), key=self.name)

    def _path(self, start: str, goal: str) -> list[str]:
        """Shortest upward path from start to goal (both included), or []."""
        if start not in self.classes:
            return []
        frontier, back = [start], {start: ""}
        while frontier:
            nxt = []
            for c in frontier:
                if c == goal:
                    path = [c]
                    while back[path[-1]]:
                        path.append(back[path[-1]])
                    return path[::-1]
                for p in self.classes[c].parents:
                    if p in self.classes and p not in back:
                        back[p] = c
                        nxt.append(p)
            frontier = nxt
        return []
