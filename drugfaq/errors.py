"""Exit codes and the project's own exceptions; the CLI maps them to messages in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    NOT_FOUND = 1  # drug not found, question not answerable, nothing matched
    USAGE = 2  # bad command line
    DATA = 3  # a knowledge file is invalid
    PIPE = 141  # stdout closed early (128 + SIGPIPE), as shell tools do


class DrugfaqError(Exception):
    """Base for expected failures: always one clear line, never a traceback."""

    exit_code: ExitCode = ExitCode.NOT_FOUND


class NotFound(DrugfaqError):
    """A name matched nothing well enough to use."""

    def __init__(self, name: str, suggestions: list[str] | None = None, what: str = "drug") -> None:
        self.name = name
        self.suggestions = suggestions or []
        self.what = what
        hint = f"; did you mean {_or_list(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no {what} named {name!r} in the knowledge base{hint}")


class Ambiguous(DrugfaqError):
    """A name is shared by several drugs on purpose; the user must choose."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name = name
        self.candidates = candidates
        super().__init__(f"{name!r} can mean {_or_list(candidates)}; please name one of them")


class UsageError(DrugfaqError):
    exit_code = ExitCode.USAGE


class KnowledgeError(DrugfaqError):
    """One or more knowledge files break the model; `problems` holds every one."""

    exit_code = ExitCode.DATA

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0].line() if problems else "invalid knowledge"
        more = f" (and {len(problems) - 1} more; run `drugfaq validate`)" if len(problems) > 1 else ""
        super().__init__(first + more)


class Problem:
    """One problem in a knowledge file, printed as `file:line: key.path: message`."""

    __slots__ = ("file", "lineno", "path", "message")

    def __init__(self, file: str, lineno: int | None, path: str, message: str) -> None:
        self.file, self.lineno, self.path, self.message = file, lineno, path, message

    def line(self) -> str:
        where = f"{self.file}:{self.lineno}" if self.lineno else self.file
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"

    def __repr__(self) -> str:
        return f"Problem({self.line()!r})"


def _or_list(items: list[str]) -> str:
    items = [repr(i) if " " in i else i for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
