"""A YAML reader that builds plain data only, and remembers where each key was.

It works from the parser's events rather than a constructor, so no tag can
construct an object, no alias can expand (anchors and aliases are refused:
knowledge files do not need them, and refusing them rules out alias bombs),
duplicate keys are errors, and nesting and size are bounded.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from drugfaq.errors import Problem

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 50

Path = tuple[str | int, ...]
_INT = re.compile(r"[-+]?[0-9]+\Z")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}

try:  # libyaml's parser is many times faster; fall back to the pure-Python one
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.line())


def _scalar(event: Any) -> Any:
    if event.style is not None:  # quoted or block scalars are always text
        return event.value
    value = event.value
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.match(value):
        return int(value)
    return value


def read(data: bytes, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse one YAML document into dicts, lists and scalars, with the line of every path."""

    def fail(line: int | None, path: Path, message: str) -> YamlProblem:
        return YamlProblem(Problem(filename, line, dotted(path), message))

    if len(data) > MAX_BYTES:
        raise fail(None, (), f"file is {len(data) // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise fail(line, (), f"not UTF-8 text (byte 0x{data[e.start]:02x})") from None
    if "\x00" in text:
        raise fail(text[: text.index("\x00")].count("\n") + 1, (), "file contains NUL bytes")

    lines: dict[Path, int] = {}
    stack: list[tuple[Any, Path, Any]] = []  # (container, its path, pending mapping key or marker)
    root: Any = _MISSING
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail(event.start_mark.line + 1, (), "only one YAML document per file")
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            line = event.start_mark.line + 1
            if kind is yaml.AliasEvent or getattr(event, "anchor", None):
                raise fail(line, _path_of(stack), "anchors and aliases (&, *) are not allowed in knowledge files")
            if getattr(event, "tag", None) not in (None, "!"):
                raise fail(line, _path_of(stack), f"YAML tags such as {event.tag!r} are not allowed")
            if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                value, path, _ = stack.pop()
                root = _attach(stack, value, path, lines, root, fail)
                continue
            if kind is yaml.ScalarEvent:
                value = _scalar(event)
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                    container, cpath, _ = stack[-1]
                    if not isinstance(value, str) or not value:
                        raise fail(line, cpath, f"mapping keys must be text, not {value!r}")
                    if value in container:
                        raise fail(line, cpath + (value,), "duplicate key")
                    stack[-1] = (container, cpath, value)
                    lines[cpath + (value,)] = line
                    continue
                path = _child_path(stack)
                lines.setdefault(path, line)
                root = _attach(stack, value, path, lines, root, fail)
                continue
            # a mapping or sequence starts
            path = _child_path(stack)
            if len(stack) >= MAX_DEPTH:
                raise fail(line, path, f"nested more than {MAX_DEPTH} levels deep")
            lines.setdefault(path, line)
            stack.append(({} if kind is yaml.MappingStartEvent else [], path, _NO_KEY))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise fail(mark.line + 1 if mark else None, (), f"not valid YAML: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise fail(None, (), f"not valid YAML: {e}") from None
    except RecursionError:
        raise fail(None, (), f"nested more than {MAX_DEPTH} levels deep") from None
    if root is _MISSING or root is None:
        raise fail(None, (), "empty file: expected a mapping with drugs, classes or topics")
    return root, lines


class _Marker:
    pass


_MISSING = _Marker()
_NO_KEY = _Marker()


def _child_path(stack: list[tuple[Any, Path, Any]]) -> Path:
    if not stack:
        return ()
    container, path, key = stack[-1]
    if isinstance(container, dict):
        return path + (key,)
    return path + (len(container),)


def _path_of(stack: list[tuple[Any, Path, Any]]) -> Path:
    return _child_path(stack) if stack and stack[-1][2] is not _NO_KEY else (stack[-1][1] if stack else ())


def _attach(stack, value, path, lines, root, fail):  # type: ignore[no-untyped-def]
    if not stack:
        return value
    container, cpath, key = stack[-1]
    if isinstance(container, dict):
        if key is _NO_KEY:
            raise fail(lines.get(path), cpath, "mapping keys must be text, not a list or mapping")
        container[key] = value
        stack[-1] = (container, cpath, _NO_KEY)
    else:
        container.append(value)
    return root


def dotted(path: Path) -> str:
    """("drugs", 0, "brands", 1) -> "drugs[0].brands[1]"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
