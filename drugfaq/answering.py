"""`ask` for one question or a stream: answer, then render as a Document or the JSON contract."""

from __future__ import annotations

from typing import Any, BinaryIO

from drugfaq.ask import Answer, ask
from drugfaq.document import Document, Section
from drugfaq.errors import Ambiguous, UsageError
from drugfaq.output import Output, error
from drugfaq.store import Store

MAX_LINE = 100_000  # longest stdin line read as one question


def answer_json(a: Answer, out: Output, explain: bool) -> dict[str, Any]:
    """The ask contract: question, drugs, intent, answered, verdict, answer, sources (+ added fields)."""
    data: dict[str, Any] = {
        "question": a.question, "drugs": a.drugs, "intent": a.intent, "answered": a.answered,
        "verdict": a.verdict, "answer": a.answer, "facts": a.facts,
        "sources": [{"title": s.title, "url": s.url, "date": s.date} for s in a.sources],
        "classes": a.classes, "topic": a.topic, "confidence": a.confidence, "suggestions": a.suggestions,
        "disclaimer": out.disclaimer_json(),
    }
    if explain:
        data["explain"] = a.explain
    return data


def answer_document(a: Answer, explain: bool) -> Document:
    sections = [Section("facts", "Supporting facts", [], a.facts)] if a.facts else []
    doc = Document(a.title, None, a.answer, sections, a.sources)
    if explain:
        e = a.explain
        found = ", ".join(f"{m['kind']} {m['id']} from {m['text']!r} ({m['how']}, {m['score']:.2f})"
                          for m in e["mentions"]) or "nothing"
        doc.sections.append(Section("explain", "Understood", [], [
            f"Found: {found}", f"Intent: {e['intent']} ({e['decided_by']})", f"Confidence: {e['confidence']:.2f}"]))
    return doc


def answer_one(store: Store, question: str, out: Output, explain: bool) -> bool:
    a = ask(store, question)
    if out.is_json:
        out.json(answer_json(a, out, explain))
    else:
        out.document(answer_document(a, explain))
    shared = [m["text"] for m in (a.explain or {}).get("mentions", []) if m["how"] == "ambiguous"]
    if shared:
        error(str(Ambiguous(shared[0], a.suggestions)))
    elif not a.drugs and a.suggestions:
        error(f"no drug found in the question; did you mean {' or '.join(a.suggestions)}?")
    return a.answered


def answer_stream(store: Store, lines: BinaryIO, out: Output, explain: bool) -> bool:
    """One answer per input line; JSON Lines with --format json. True when every question was answered.

    Lines are read as bytes and decoded leniently: one bad byte must not end a batch of thousands.
    """
    all_answered = True
    for raw in lines:
        question = raw[:MAX_LINE].decode("utf-8", errors="replace").rstrip("\r\n")
        if not question.strip():
            continue
        try:
            a = ask(store, question)
        except UsageError as e:
            all_answered = False
            if out.is_json:
                out.json({"question": question, "drugs": [], "intent": "other", "answered": False, "verdict": None,
                          "answer": str(e), "sources": []}, lines=True)
            continue
        all_answered &= a.answered
        if out.is_json:
            out.json(answer_json(a, out, explain), lines=True)
        else:
            out.document(answer_document(a, explain))
            out.lines([""])
    return all_answered
