"""The command line: a thin Typer layer. Commands parse options, call the core, and hand results to Output.

A first argument that is not a command is a drug name: `drugfaq herceptin` runs
`drugfaq show herceptin`. Commands always win, so a drug can never shadow one;
`drugfaq show NAME` looks up any name, even one spelled like a command.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from drugfaq import __version__
from drugfaq.errors import DrugfaqError, ExitCode, NotFound, UsageError
from drugfaq.output import COLORS, FORMATS, Output, error, note


class DefaultToShow(TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["show", *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """At the command position, drug names complete too, since a bare name means `show`."""
        from typer._click.shell_completion import CompletionItem

        from drugfaq.completion import names

        items = super().shell_complete(ctx, incomplete)
        if not incomplete.startswith("-"):
            items += [CompletionItem(n) for n in names(incomplete)]
        return items



FormatOpt = Annotated[str | None, typer.Option(
    "--format", "-f", help=f"Output format: {', '.join(FORMATS)} (default: rich on a terminal, plain when piped).",
    metavar="FORMAT", autocompletion=lambda: list(FORMATS))]
ColorOpt = Annotated[str | None, typer.Option(
    "--color", help="Colour: auto (a terminal without NO_COLOR), always or never.", metavar="WHEN",
    autocompletion=lambda: list(COLORS))]
NoDisclaimerOpt = Annotated[bool, typer.Option(
    "--no-disclaimer", help="Leave out the not-medical-advice line (also DRUGFAQ_NO_DISCLAIMER=1).")]
DataOpt = Annotated[list[str] | None, typer.Option(
    "--data", help="Extra knowledge file or folder, on top of the bundled one (repeatable; also DRUGFAQ_DATA).",
    metavar="PATH")]


def _complete_names(incomplete: str) -> list[str]:
    from drugfaq.completion import names

    return names(incomplete)


def _complete_classes(incomplete: str) -> list[str]:
    from drugfaq.completion import class_names

    return class_names(incomplete)


def _store(data: list[str] | None) -> Any:
    from drugfaq.store import Store

    return Store.open(data or [])


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"drugfaq {__version__}\n")
        raise typer.Exit()


def _show_paths(value: bool) -> None:
    if value:
        from drugfaq.store import bundled_data_dir, cache_dir, user_data_paths

        rows = [f"bundled data: {bundled_data_dir()}", f"cache:        {cache_dir()}"]
        rows += [f"user data:    {p}" for p in user_data_paths()] or ["user data:    (none; set DRUGFAQ_DATA or --data)"]
        sys.stdout.write("\n".join(rows) + "\n")
        raise typer.Exit()


def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    show_paths: Annotated[bool, typer.Option("--show-paths", callback=_show_paths, is_eager=True,
                                             help="Print where bundled data, user data and the cache live.")] = False,
) -> None:
    """An offline, cited drug reference. `drugfaq NAME` shows a drug's profile.

    Example: drugfaq herceptin   |   drugfaq ask "is herceptin chemo"
    """


def show(
    name: Annotated[str, typer.Argument(help="A drug (generic, brand or biosimilar name), class or topic.",
                                        autocompletion=_complete_names)],
    section: Annotated[list[str] | None, typer.Option(
        "--section", "-s", help="Only this section (repeatable): overview, classification, mechanism, indications, "
        "administration, dosage, usage, monitoring, boxed-warnings, contraindications, warnings, side-effects, "
        "pregnancy, interactions, onset, stopping, missed-dose, overdose, storage, faqs, sources.")] = None,
    pager: Annotated[bool, typer.Option("--pager", help="Page long output on a terminal (also DRUGFAQ_PAGER=1; "
                                        "PAGER chooses the program).")] = False,
    fmt: FormatOpt = None, color: ColorOpt = None, no_disclaimer: NoDisclaimerOpt = False, data: DataOpt = None,
) -> None:
    """Show the profile of a drug, class or topic.

    Example: drugfaq show herceptin --section monitoring --section pregnancy
    """
    from drugfaq.resolve import resolve_drug

    out = Output(fmt, color, not no_disclaimer, pager)
    store = _store(data)
    found = resolve_drug(store, name)
    if found.how == "fuzzy":
        note(f"showing the closest match for {name!r}")
    if found.kind == "drug" and out.fmt == "plain" and not out.tty and not section:
        _show_compiled_plain(store, found, out)
        return
    from drugfaq import profile

    if found.kind == "drug":
        drug = store.drug(found.id)
        if out.is_json:
            out.json(profile.drug_json(store, drug) | {"disclaimer": out.disclaimer_json()})
            return
        doc = profile.drug_document(store, drug, name)
    elif found.kind == "class":
        cls = store.classes()[found.id]
        if out.is_json:
            out.json(profile.class_json(store, cls) | {"disclaimer": out.disclaimer_json()})
            return
        doc = profile.class_document(store, cls)
    else:
        topic = store.topic(found.id)
        if out.is_json:
            out.json(profile.topic_json(topic) | {"disclaimer": out.disclaimer_json()})
            return
        doc = profile.topic_document(topic, store.drug_names(topic.related))
    if section:
        doc = profile.pick_sections(doc, section, UsageError)
    out.document(doc)


def _show_compiled_plain(store: Any, found: Any, out: Output) -> None:
    """Piped plain profiles are rendered when the knowledge is compiled: print, do not rebuild."""
    from drugfaq.text import DISCLAIMER, clean, plain_title

    name, brands, body = store.plain_profile(found.id)
    typed = found.label if found.how in ("brand", "biosimilar") else None
    out.raw(clean(plain_title(name, brands, typed)) + "\n" + body
            + (f"\n{DISCLAIMER}\n" if out.disclaimer else ""))


def ask(
    question: Annotated[str, typer.Argument(help="The question, in plain words; - reads one question per line "
                                            "from standard input.")],
    explain: Annotated[bool, typer.Option("--explain", help="Show what was understood: drugs, intent, "
                                          "confidence and the rule that decided.")] = False,
    fmt: FormatOpt = None, color: ColorOpt = None, no_disclaimer: NoDisclaimerOpt = False, data: DataOpt = None,
) -> None:
    """Answer a question about a drug: the direct answer first, then the facts and sources.

    Example: drugfaq ask "is herceptin chemo"   |   drugfaq ask - --format json < questions.txt
    """
    from drugfaq.answering import answer_one, answer_stream

    out = Output(fmt, color, not no_disclaimer)
    store = _store(data)
    if question == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("`ask -` reads questions from standard input; pipe them in, one per line")
        ok = answer_stream(store, sys.stdin.buffer, out, explain)
    else:
        ok = answer_one(store, question, out, explain)
    if not ok:
        raise typer.Exit(ExitCode.NOT_FOUND)


def list_drugs(
    fmt: FormatOpt = None, color: ColorOpt = None, no_disclaimer: NoDisclaimerOpt = False, data: DataOpt = None,
) -> None:
    """List every drug: one per line when piped, with brands on a terminal.

    Example: drugfaq list --format json | jq -r '.[].id'
    """
    out = Output(fmt, color, not no_disclaimer)
    rows = list(_store(data).listing())
    if out.is_json:
        out.json(rows)
    elif out.fmt == "plain" and not out.tty:
        out.lines(r["id"] for r in rows)
    else:
        from drugfaq.document import Document, Section

        items = [r["name"] + (f" ({', '.join(r['brands'])})" if r["brands"] else "") for r in rows]
        out.document(Document(f"{len(rows)} drugs", None, None, [Section("drugs", "Drugs", [], items)]))


def search(
    text: Annotated[str, typer.Argument(help="Words to look for in names, classes, targets, uses and FAQs.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=500, help="At most this many results.")] = 20,
    fmt: FormatOpt = None, color: ColorOpt = None, no_disclaimer: NoDisclaimerOpt = False, data: DataOpt = None,
) -> None:
    """Find drugs, classes and topics by any word: a target, a condition, a class.

    Example: drugfaq search "breast cancer"
    """
    from drugfaq.searching import run_search

    out = Output(fmt, color, not no_disclaimer)
    if not run_search(_store(data), text, limit, out):
        raise typer.Exit(ExitCode.NOT_FOUND)


def compare(
    names: Annotated[list[str], typer.Argument(help="Two or more drugs.", autocompletion=_complete_names)],
    fmt: FormatOpt = None, color: ColorOpt = None, no_disclaimer: NoDisclaimerOpt = False, data: DataOpt = None,
) -> None:
    """Compare drugs side by side: class, mechanism, uses, administration, monitoring, warnings.

    Example: drugfaq compare herceptin perjeta kadcyla
    """
    from drugfaq.comparing import run_compare

    if len(names) < 2:
        raise UsageError("compare needs at least two drugs, e.g. drugfaq compare herceptin perjeta")
    run_compare(_store(data), names, Output(fmt, color, not no_disclaimer))


def classes(
    name: Annotated[str | None, typer.Argument(help="A class (e.g. \"targeted therapy\"); none for the whole tree.",
                                                  autocompletion=_complete_classes)] = None,
    fmt: FormatOpt = None, color: ColorOpt = None, no_disclaimer: NoDisclaimerOpt = False, data: DataOpt = None,
) -> None:
    """Show the class taxonomy as a tree, or one class with its parents and members.

    Example: drugfaq classes "targeted therapy"
    """
    from drugfaq.comparing import run_classes

    run_classes(_store(data), name, Output(fmt, color, not no_disclaimer))


def validate(
    paths: Annotated[list[Path], typer.Argument(help="Knowledge files or folders to check.")],
    fmt: FormatOpt = None,
) -> None:
    """Check knowledge files against the model; print every problem as file:line: key.path: message.

    Example: drugfaq validate my-formulary.yaml
    """
    from drugfaq.validate import dangling_references, load

    sources = [(p, "user") for p in paths]
    for p in paths:
        if not p.exists():
            raise NotFound(str(p), what="file or folder")
    from drugfaq.store import bundled_data_dir

    knowledge, problems = load([(bundled_data_dir(), "bundled"), *sources])
    problems += dangling_references(knowledge)
    mine = [pr for pr in problems if any(_under(pr.file, p) for p in paths)]
    out = Output(fmt or "plain", "never", False)
    if out.is_json:
        out.json({"ok": not mine, "problems": [{"file": p.file, "line": p.lineno, "path": p.path,
                                                 "message": p.message} for p in mine]})
    else:
        out.lines(p.line() for p in mine)
        if not mine:
            out.lines([f"ok: {', '.join(str(p) for p in paths)}"])
    if mine:
        raise typer.Exit(ExitCode.DATA)


def _under(file: str, path: Path) -> bool:
    try:
        return Path(file).resolve().is_relative_to(path.resolve())
    except (OSError, ValueError):
        return False


def completion(
    shell: Annotated[str, typer.Argument(help="bash, zsh or fish.", autocompletion=lambda: ["bash", "zsh", "fish"])],
) -> None:
    """Print a shell completion script (no shell detection needed).

    Example: drugfaq completion bash > ~/.local/share/bash-completion/completions/drugfaq
    """
    from drugfaq.completion import script

    sys.stdout.write(script(shell))


COMMANDS = {"show": show, "ask": ask, "list": list_drugs, "search": search, "compare": compare,
            "classes": classes, "validate": validate, "completion": completion}


def make_app(argv: list[str]) -> typer.Typer:
    """A Typer app holding only the command argv needs: building every command costs ~3 ms each."""
    app = typer.Typer(cls=DefaultToShow, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                      context_settings={"help_option_names": ["-h", "--help"]})
    app.callback()(main_options)
    first = next((a for a in argv if not a.startswith("-")), None)
    if first is None or os.environ.get("_DRUGFAQ_COMPLETE"):
        wanted = list(COMMANDS)
    else:
        wanted = [first if first in COMMANDS else "show"]
    for name in wanted:
        app.command(name)(COMMANDS[name])
    return app


def run(argv: list[str]) -> int:
    """Run drugfaq with these arguments; every expected failure becomes one line on stderr and an exit code."""
    if os.environ.get("_DRUGFAQ_COMPLETE"):
        from typer._completion_classes import completion_init

        completion_init()  # registers Typer's shell classes; add_completion=False skips it
    code: int = ExitCode.OK
    try:
        result = make_app(argv)(args=argv, prog_name="drugfaq", standalone_mode=False)
        code = result if isinstance(result, int) else ExitCode.OK
    except DrugfaqError as e:
        error(str(e))
        code = e.exit_code
    except typer.Exit as e:
        code = e.exit_code
    except typer.Abort:
        error("aborted")
        code = 130
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = _closed_pipe()
    except Exception as e:  # noqa: BLE001 - click's own exceptions, mapped below
        code = _click_error(e)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _closed_pipe()
    return code


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    sys.exit(run(sys.argv[1:]))


def _closed_pipe() -> int:
    """stdout was closed early (`drugfaq list | head -1`): stop quietly, as shell tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return ExitCode.PIPE


def _click_error(e: Exception) -> int:
    from typer._click import exceptions as click_exc

    if isinstance(e, click_exc.NoArgsIsHelpError):
        e.show()
        return ExitCode.USAGE
    if isinstance(e, click_exc.UsageError):
        hint = f" (see: drugfaq {e.ctx.info_name if e.ctx and e.ctx.parent else ''} --help)".replace("  ", " ")
        error(e.format_message() + hint)
        return ExitCode.USAGE
    if isinstance(e, click_exc.ClickException):
        error(e.format_message())
        return e.exit_code
    raise e
