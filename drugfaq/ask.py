"""Answering a question: find what it names and what it asks, answer that first, never guess."""

from __future__ import annotations

import re
import msgspec
from typing import Any

from drugfaq.document import Source
from drugfaq.errors import Ambiguous, UsageError
from drugfaq.intents import classify, correct_spelling, reads_like_information
from drugfaq.model import Drug, Faq
from drugfaq.names import normalize
from drugfaq.profile import PHASES, administration_line, article, display_name, indication_line, monitoring_line
from drugfaq.profile import sources_of, what_it_is
from drugfaq.resolve import COMMON, MAX_WORDS, STOP, Mention, find_mentions
from drugfaq.store import Store
from drugfaq.taxonomy import Taxonomy

MAX_QUESTION = 10_000  # characters read from one question; the rest is ignored
DAILYMED = "https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query="
_YES_NO = re.compile(r"^(?:is|are|was|does|do|can|could|would|will|should|isnt|arent|doesnt)\b")
_IS_IT = re.compile(r"^(?:is|are|was|isnt|arent)\b")  # "is X a Y", unlike "can i take vitamins with X"
_MASS = ("chemotherapy", "immunotherapy")


class Answer(msgspec.Struct):
    question: str
    drugs: list[str]
    intent: str
    answered: bool
    verdict: str | None
    answer: str
    facts: list[str] = msgspec.field(default_factory=list)
    sources: list[Source] = msgspec.field(default_factory=list)
    classes: list[str] = msgspec.field(default_factory=list)
    topic: str | None = None
    confidence: float = 1.0
    suggestions: list[str] = msgspec.field(default_factory=list)
    explain: dict[str, Any] = msgspec.field(default_factory=dict)
    title: str = ""


def ask(store: Store, question: str) -> Answer:
    q = question[:MAX_QUESTION].strip()
    if not q or not normalize(q):
        raise UsageError("the question is empty; try: drugfaq ask \"is herceptin chemo\"")
    mentions, suggestions = find_mentions(store, q)
    mentions = _class_where_asked(store, mentions, normalize(q).split())
    text = correct_spelling(" ".join(normalize(q).split()[:MAX_WORDS]))
    drugs = [m for m in mentions if m.kind == "drug"]
    classes = [m for m in mentions if m.kind == "class"]
    topics = [m for m in mentions if m.kind == "topic"]
    rule = classify(text, len(drugs))
    intent, why = (rule.intent, f"rule {rule.name}") if rule else ("other", "no rule matched")
    if not drugs and topics:
        intent, why = "topic", f"topic keyword {topics[0].text!r}"
    elif drugs and classes and (_IS_IT.match(text) and intent != "ingredients" or intent == "classification"):
        intent, why = "classification", f"class {classes[0].text!r} named with a drug"
    elif not drugs and classes and intent in ("other", "identity", "classification"):
        intent, why = "identity", f"class {classes[0].text!r} named"
    elif intent == "other" and reads_like_information(text):
        intent, why = "identity", "no rule matched; reads as a general question about the drug"

    tax = Taxonomy(store.classes())
    loaded = [d for d in (store.drug(m.id) for m in drugs) if d is not None]
    ctx = _Context(store, tax, q, text, drugs, loaded, classes)
    if topics and intent == "topic":
        ans = _topic(ctx, topics[0].id)
    elif not loaded and classes:
        ans = _class_answer(ctx, intent)
    elif not loaded:
        ans = Answer(q, [], intent, False, None, _not_found_text(suggestions), suggestions=suggestions)
    elif any(m.how == "ambiguous" for m in drugs):
        shared = next(m for m in drugs if m.how == "ambiguous")
        ans = Answer(q, [], intent, False, None, f"{Ambiguous(shared.text, suggestions)}.", suggestions=suggestions)
        loaded = []  # no drug is reported: the asker has not said which one
    else:
        ans = _ANSWERERS.get(intent, _unanswerable)(ctx, intent)
        faq = None if ans.verdict else _matching_faq(ctx, ans.answered)  # a reasoned yes/no stands
        if faq:
            why += f"; matches the FAQ {faq.q!r}"
            ans = ctx.answer(faq.a, ans.facts if ans.answered else [ctx.drug.summary])
    ans.question, ans.intent = q, intent
    ans.drugs = [d.id for d in loaded]
    ans.classes = [c.id for c in classes]
    ans.suggestions = ans.suggestions or ([] if loaded else suggestions)
    name_conf = min((m.score for m in drugs), default=1.0)
    ans.confidence = round(name_conf * (1.0 if rule or intent != "other" else 0.5), 3)
    ans.explain = {
        "mentions": [{"kind": m.kind, "id": m.id, "text": m.text, "how": m.how, "score": m.score} for m in mentions],
        "intent": intent, "decided_by": why, "confidence": ans.confidence,
    }
    if not ans.title:
        ans.title = q
    return ans


def _class_where_asked(store: Store, mentions: list[Mention], words: list[str]) -> list[Mention]:
    """"is doxycycline a tetracycline": a later name that is both a drug and a class, asked as "a Y", is the class."""
    drugs = [m for m in mentions if m.kind == "drug"]
    if len(drugs) < 2:
        return mentions
    out = []
    for m in mentions:
        before = " ".join(words[max(0, m.start - 2) : m.start])
        if m is not drugs[0] and m.kind == "drug" and re.search(r"(?:\ba|\ban|kind of|type of|class of)$", before):
            hit = next((h for h in store.lookup([m.text]) if h.kind == "class"), None)
            if hit:
                m = Mention("class", hit.id, m.text, hit.label, "class", 1.0, m.start)
        out.append(m)
    return out


class _Context(msgspec.Struct):
    store: Store
    tax: Taxonomy
    question: str
    text: str
    mentions: list[Mention]
    drugs: list[Drug]
    classes: list[Mention]

    @property
    def drug(self) -> Drug:
        return self.drugs[0]

    @property
    def name(self) -> str:
        return display_name(self.drug, self.mentions[0].label if self.mentions else None)

    def named(self, i: int) -> str:
        typed = self.mentions[i].label if i < len(self.mentions) else None
        return display_name(self.drugs[i], typed)

    def answer(self, text: str, facts: list[str] | None = None, verdict: str | None = None,
               answered: bool = True) -> Answer:
        sources = [s for d in self.drugs for s in sources_of(d.references)]
        return Answer(self.question, [], "", answered, verdict, text, [f for f in (facts or []) if f], sources,
                      title=" and ".join(self.named(i) for i in range(len(self.drugs))))

    def missing(self, what: str) -> Answer:
        """An honest "not held", with where to look."""
        d = self.drug
        url = next((r.url for r in d.references if "dailymed" in r.url), DAILYMED + d.name.replace(" ", "+"))
        return self.answer(
            f"drugfaq does not hold {what} for {self.name}. The official label on DailyMed ({url}) has it, "
            "and a pharmacist can answer it for you.", [d.summary], answered=False)


_FAQ_IGNORE = STOP | frozenset("take taking took use using get i'm im it's its can does do is are should".split())


def _content(text: str, own: set[str]) -> set[str]:
    """A question's content words, cut to five letters so "cough"/"coughing" and "refrigerate"/"refrigerated" meet."""
    return {w[:5] for w in normalize(text).split() if w not in _FAQ_IGNORE and w not in own and not w.isdigit()}


def _matching_faq(ctx: _Context, answered: bool) -> Faq | None:
    """The drug's FAQ asking what this question asks, if one clearly does.

    Most of the question's content words, and at least two, must be in the FAQ's question, and most of the
    FAQ's in the question; over an answer the knowledge already gives, the bar is higher.
    """
    d = ctx.drug
    if not d.faqs or len(ctx.drugs) > 1:
        return None
    own = set(normalize(" ".join([d.name, d.id, *d.brands, *d.aliases])).split())
    asked = _content(ctx.text, own)
    bar = 0.75 if answered else 0.6
    best: tuple[float, Faq] | None = None
    for faq in d.faqs:
        theirs = _content(faq.q, own)
        shared = len(asked & theirs)
        if shared < 2 or not asked or not theirs:
            continue
        score = min(shared / len(asked), shared / len(theirs))
        if score >= bar and (best is None or score > best[0]):
            best = (score, faq)
    return best[1] if best else None


def _class_phrase(name: str) -> str:
    return name if name.endswith(_MASS) else article(name)


def _classification(ctx: _Context, intent: str) -> Answer:
    d, tax = ctx.drug, ctx.tax
    kind = f"{ctx.name} is {what_it_is(d, tax)}."
    facts = [f"Class: {' > '.join(tax.name(c) for c in tax.main_line(d.classification.classes[0]))}"
             if d.classification.classes and d.classification.classes[0] in tax.classes else ""]
    if d.classification.fda_epc:
        facts.append("FDA pharmacologic class: " + ", ".join(d.classification.fda_epc))
    if d.classification.atc:
        facts.append("WHO ATC: " + ", ".join(d.classification.atc))
    if not ctx.classes:
        return ctx.answer(kind, [d.summary, *facts])
    lines, verdicts = [], []
    for cm in ctx.classes:
        asked = tax.name(cm.id)
        said, named = normalize(cm.label).split(), normalize(asked).split()
        if not any(n.startswith(w) for w in said for n in named):
            said = cm.label.upper() if len(cm.label) <= 4 and " " not in cm.label else cm.label.lower()  # ARB, SSRI
            asked = f"{said} ({asked})"  # answer in the user's words: "a blood thinner (antithrombotic)"
        res = tax.is_a(d.classification.classes, cm.id)
        verdicts.append(res.verdict)
        if res.verdict == "yes":
            chain = " > ".join(tax.name(c) for c in res.chain)
            lines.append(f"{ctx.name} is {_class_phrase(asked)}" + (f": {chain}." if len(res.chain) > 1 else "."))
        elif res.verdict == "partly":
            lines.append(f"{ctx.name} is partly {asked}: {res.note or ''}".strip())
        else:
            lines.append(f"{ctx.name} is not {_class_phrase(asked)}; it is {what_it_is(d, tax)}."
                         + _same_word_class(d, tax, cm.id))
    if len(verdicts) == 1:
        word = {"yes": "Yes", "no": "No", "partly": "Partly"}[verdicts[0]]
        return ctx.answer(f"{word}. {lines[0]}", [d.summary, *facts], verdict=verdicts[0])
    return ctx.answer(" ".join(lines), [d.summary, *facts])


def _same_word_class(d: Drug, tax: Taxonomy, asked: str) -> str:
    """A class of the drug whose name holds the asked class's name ("antitumor antibiotic" for "antibiotic"),
    said outright so that a bare "no" does not read as a contradiction of the name."""
    word = tax.name(asked).lower()
    for c in tax.ancestors(d.classification.classes):
        name = tax.name(c)
        if name.lower() != word and re.search(rf"\b{re.escape(word)}\b", name.lower()):
            return f" It is {_class_phrase(name)}, a different kind of medicine that only shares the word."
    return ""


def _identity(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    facts = []
    if d.brands:
        facts.append("Brands: " + ", ".join(d.brands))
    if d.indications:
        facts.append("Approved for: " + "; ".join(sorted({i.condition for i in d.indications})))
    return ctx.answer(d.summary, facts)


def _mechanism(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    if not d.mechanism:
        return ctx.missing("how it works")
    return ctx.answer(d.mechanism.summary, ["Target: " + ", ".join(d.mechanism.targets)] if d.mechanism.targets else [])


def _asked_words(text: str, d: Drug, after: str) -> set[str]:
    """Content words after a verb such as "treat" or "cause", minus the drug's own names."""
    return _words_after(text, [d.name, d.id, *d.brands, *d.aliases], after)


def _words_after(text: str, names: list[str], after: str, ignore: frozenset[str] = COMMON) -> set[str]:
    m = re.search(after, text)
    if not m:
        return set()
    own = set(normalize(" ".join(names)).split())
    return {w for w in text[m.end():].split() if w not in ignore and w not in own and len(w) > 2}


_CAUSE = r"\b(?:cause\w*|give \w+|make \w+|side effects?|lead to|result in|raises?|increases?|elevates?)\b"


_RAISED = r"(?:high|higher|raised?|raises|increased?|increases|elevated|rise|rises|rising)"
_RAISE_VERB = re.compile(r"\b(?:raises?|increases?|elevates?)\b")


def _lists_effect(d: Drug, words: set[str], raised: bool = False) -> bool:
    """Does the entry list every asked word among its side effects or warnings ("kidney stones", not "kidney")?
    For "does X raise Y", Y must be listed as high or raised: "low blood sugar" does not answer it."""
    se = d.side_effects
    hay = normalize(" ".join([*(se.common if se else []), *(se.serious if se else []), *d.boxed_warnings,
                              *d.warnings]))
    if not all(re.search(rf"\b{re.escape(w[:6])}", hay) for w in words):
        return False
    first = min(words, key=lambda w: hay.find(w[:6]))  # the asked phrase's first word as the entry writes it
    w = re.escape(first[:6])
    return not raised or bool(re.search(rf"\b{_RAISED} (?:\w+ ){{0,2}}{w}|\b{w}\w* (?:\w+ ){{0,3}}{_RAISED}\b", hay))


_FILLER = STOP | frozenset("""take taking use using used my your his her their someone people person patient patients
adult adults child children kids kid baby babies elderly women men woman man dog dogs cat cats also still really
symptoms symptom condition conditions problem problems disease diseases""".split())


_CANCER = r"cancer|carcinom|adenocarcinom|tumou?r|malignan|leuk|lymphom|myelom|sarcom|melanom|neoplas|blastom"
_REFLUX = r"heartburn|reflux|gerd|gastroesophageal"
_SUGAR = r"diabet|glucose|glyc|blood sugar"
_SAME_CONDITION = {"cancer": _CANCER, "cancers": _CANCER, "tumor": _CANCER, "tumour": _CANCER, "tumors": _CANCER,
                   "heartburn": _REFLUX, "reflux": _REFLUX, "gerd": _REFLUX, "acid": _REFLUX,
                   "sugar": _SUGAR, "glucose": _SUGAR, "cholesterol": r"cholesterol|lipid|ldl"}
# lay words that go with a level and are not in the label's name for it: "high blood sugar" is diabetes
_LEVEL_WORDS = {"sugar": {"blood", "high", "level", "levels"}, "glucose": {"blood", "high", "level", "levels"},
                "cholesterol": {"high", "level", "levels", "bad"}}


def _names_condition(word: str, text: str) -> bool:
    """Does the indication text name this word of the asked condition (or the same thing in the label's words)?"""
    return bool(re.search(rf"\b(?:{_SAME_CONDITION.get(word, re.escape(word[:6]))})", text))


def _condition_words(text: str, d: Drug, after: str) -> list[str]:
    """The words naming the condition in "does X treat/lower/prevent <condition>", minus the drug's names."""
    m = re.search(after, text)
    if not m:
        return []
    own = set(normalize(" ".join([d.name, d.id, *d.brands, *d.aliases])).split())
    words = [w for w in text[m.end():].split() if w not in _FILLER and w not in own and len(w) > 2]
    drop = set().union(*(_LEVEL_WORDS.get(w, set()) for w in words))
    return [w for w in words if w not in drop]


def _indications(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    if not d.indications:
        return ctx.missing("its approved uses")
    names = ctx.store.drug_names({w for i in d.indications for w in i.with_drugs})
    lines = [indication_line(i, names) for i in d.indications]
    uses = "; ".join(dict.fromkeys(i.condition + (f" ({i.setting})" if i.setting else "") for i in d.indications))
    after = r"\b(?:treat\w*|for|help\w*(?: with)?|cure\w*|work for|prevent\w*|lower\w*|reduc\w*|control\w*)\b"
    words = _condition_words(ctx.text, d, after)
    if words and _YES_NO.match(ctx.text):
        # Only the condition and setting decide a "yes" (details may mention other diseases); every word of the
        # asked condition must be there ("high cholesterol" is not "high blood pressure"), and "prevent" needs
        # a use that is prevention: treating type 2 diabetes is not preventing it.
        preventing = bool(re.search(r"\bprevent", ctx.text))
        matched = [i for i in d.indications
                   if all(_names_condition(w, normalize(f"{i.condition} {i.setting or ''}")) for w in words)
                   and (not preventing or re.search(r"prevent|prophyla|risk", normalize(f"{i.condition} {i.setting or ''}")))]
        if matched:
            these = "; ".join(dict.fromkeys(i.condition + (f" ({i.setting})" if i.setting else "") for i in matched))
            return ctx.answer(f"Yes. {ctx.name} is approved for {these}.", lines, verdict="yes")
        asked = ("prevention of " if preventing else "") + " ".join(words)
        return ctx.answer(f"drugfaq's entry does not list {asked} among {ctx.name}'s approved uses. It is approved "
                          f"for: {uses}.", lines)
    return ctx.answer(f"{ctx.name} is approved for: {uses}.", lines)


def _side_effects(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    se = d.side_effects
    if not se and not d.boxed_warnings:
        return ctx.missing("side effects")
    common = ", ".join(se.common) if se and se.common else ""
    serious = ", ".join(se.serious) if se and se.serious else ""
    facts = [f"Common: {common}" if common else "", f"Serious: {serious}" if serious else "",
             *(f"Boxed warning: {b}" for b in d.boxed_warnings)]
    # filler, not COMMON: "weight gain" and "hair loss" keep their first word
    words = _words_after(ctx.text, [d.name, d.id, *d.brands, *d.aliases], _CAUSE, _FILLER)
    if words and _YES_NO.match(ctx.text):
        asked, raised = _effect_asked(ctx.text, words)
        if _lists_effect(d, words, raised):
            return ctx.answer(f"Yes. {asked.capitalize()} is among the listed side effects or warnings "
                              f"of {ctx.name}.", facts, verdict="yes")
        return ctx.answer(f"drugfaq's entry for {ctx.name} does not list {asked}; the label may "
                          f"list more. Its common side effects are: {common or 'not listed'}.", facts)
    lead = f"Common side effects of {ctx.name}: {common}." if common else f"{ctx.name}: serious side effects: {serious}."
    return ctx.answer(lead, facts)


_THINGS = {"alcohol": r"alcohol|drink|beer|wine|liquor|cocktail", "grapefruit": r"grapefruit", "food": r"food|eat|meal",
           "caffeine": r"caffeine|coffee"}


def _matching(interactions: list[Any], names: list[str]) -> list[Any]:
    """Interaction entries that mention any of these names (drugs, classes, alcohol, food)."""
    patterns = [re.compile(rf"\b{re.escape(n)}") for n in (normalize(x) for x in names) if n]
    return [i for i in interactions if any(p.search(normalize(f"{i.with_} {i.effect}")) for p in patterns)]


def _interactions(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    listed = [f"{i.with_}: {i.effect}" for i in d.interactions]
    things = [thing for thing, pattern in _THINGS.items() if re.search(rf"\b(?:{pattern})", ctx.text)]
    things += [ctx.tax.name(c.id) for c in ctx.classes]  # "can i take vitamins with rasagiline"
    others = ctx.drugs[1:]
    if not things and not others:
        # something the knowledge lists by name, e.g. "why is synthroid interfered by calcium"
        words = _asked_words(ctx.text, d, r"^")
        named = [i for i in d.interactions if any(re.search(rf"\b{re.escape(w[:6])}", normalize(i.with_))
                                                  for w in words if len(w) > 3)]
        if named:
            first = named[0]
            return ctx.answer(f"{ctx.name} with {first.with_}: {first.effect}",
                              [f"{i.with_}: {i.effect}" for i in d.interactions if i is not first])
        if not listed:
            return ctx.missing("interactions")
        return ctx.answer(f"Major interactions of {ctx.name}: " + "; ".join(x.rstrip(".") for x in listed[:3]) + ".",
                          listed[3:])

    def names_of(drug: Drug) -> list[str]:
        return [drug.name, *drug.brands, *(ctx.tax.name(c) for c in ctx.tax.ancestors(drug.classification.classes))]

    hits = [f"{i.with_}: {i.effect}" for i in _matching(d.interactions, things + [n for o in others for n in names_of(o)])]
    # the interaction may be written on the other drug's entry
    hits += [f"{o.name} with {i.with_}: {i.effect}" for o in others for i in _matching(o.interactions, names_of(d))]
    what = " and ".join([*things, *(ctx.named(k) for k in range(1, len(ctx.drugs)))])  # as the asker named them
    together: list[str] = []  # approved regimens that combine them
    for o in others:
        for first, second in ((d, o), (o, d)):
            together += [f"{first.name} with {second.name}: {i.condition}" + (f" ({i.setting})" if i.setting else "")
                         for i in first.indications if second.id in i.with_drugs]
    if not hits and together:
        return ctx.answer(f"{ctx.name} and {what} are given together in approved regimens: " + "; ".join(together[:3])
                          + ". drugfaq holds no warning about taking them together; the care team plans the combination.",
                          together[3:] + listed)
    if not hits:
        return ctx.answer(f"drugfaq holds no interaction entry for {ctx.name} with {what}. That does not mean the "
                          "combination is safe: ask a pharmacist, or check the label on DailyMed.", listed,
                          answered=False)
    entry, _, effect = hits[0].partition(": ")
    entry = entry.split(" with ", 1)[-1]  # "lisinopril with NSAIDs" when written on the other drug's entry
    label = what if normalize(entry) == normalize(what) else f"{what} ({entry})"
    return ctx.answer(f"{ctx.name} with {label}: {effect}", hits[1:] + [x for x in listed if x not in hits])


def _field(attr: str, what: str):  # type: ignore[no-untyped-def]
    def answer(ctx: _Context, intent: str) -> Answer:
        value = getattr(ctx.drug, attr)
        return ctx.answer(value) if value else ctx.missing(what)

    return answer


def _given(ctx: _Context) -> Answer | None:
    """For clinic-given drugs the schedule is the dosing people can use: how and how often it is given."""
    lines = [administration_line(a) for a in ctx.drug.administration]
    if not lines:
        return None
    return ctx.answer(f"{ctx.name} is given by a healthcare professional. {lines[0]}", lines[1:])


def _dosage(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug.dosage
    if not d:
        return _given(ctx) or ctx.missing("dosing")
    facts = ["Strengths: " + ", ".join(d.strengths) if d.strengths else "", f"Maximum: {d.maximum}" if d.maximum else ""]
    lead = d.summary
    if re.search(r"\bmax|\bmaximum|\bmost\b|\bhighest\b", ctx.text) and d.maximum:
        lead, facts = f"Maximum: {d.maximum}", [d.summary, facts[0]]
    return ctx.answer(lead, facts)


def _usage(ctx: _Context, intent: str) -> Answer:
    if ctx.drug.usage:
        return ctx.answer(ctx.drug.usage)
    return _given(ctx) or ctx.missing("instructions on how to take it")


def _duration(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    lines = [administration_line(a) for a in d.administration if a.duration]
    if not lines:
        return ctx.missing("how long it is given")
    lead = "; ".join(f"{a.setting + ': ' if a.setting else ''}{a.duration.rstrip('.')}"
                     for a in d.administration if a.duration)
    return ctx.answer(f"How long {ctx.name} is given: {lead}.", lines)


def _monitoring(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    if not d.monitoring:
        return ctx.missing("monitoring and follow-up")
    after = re.search(r"\bafter\b|\bfinish|\bcomplet|\bends?\b", ctx.text)
    order = ["after", "during", "before"] if after else list(PHASES)
    lines = [f"{PHASES[p]}: {monitoring_line(m)}" for p in order for m in d.monitoring if m.phase == p]
    afterwards = [monitoring_line(m) for m in d.monitoring if m.phase == "after"]
    if after and afterwards:
        lead = f"After treatment with {ctx.name}: " + "; ".join(x.rstrip(".") for x in afterwards) + "."
        if d.pregnancy and d.pregnancy.contraception:
            lead += f" Contraception: {d.pregnancy.contraception}"
        return ctx.answer(lead, [x for x in lines if not x.startswith(PHASES["after"])])
    return ctx.answer(lines[0], lines[1:])


def _warnings(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    items = [*(f"Boxed warning: {b}" for b in d.boxed_warnings), *(f"Do not take if: {c}" for c in d.contraindications),
             *d.warnings]
    if not items:
        return ctx.missing("warnings")
    return ctx.answer(items[0], items[1:])


def _pregnancy(ctx: _Context, intent: str) -> Answer:
    p = ctx.drug.pregnancy
    if not p:
        return ctx.missing("pregnancy and breastfeeding information")
    facts = [f"Contraception: {p.contraception}" if p.contraception else "",
             f"Breastfeeding: {p.breastfeeding}" if p.breastfeeding else ""]
    if re.search(r"\bbreast|\bnursing|\blactat", ctx.text) and p.breastfeeding:
        return ctx.answer(p.breastfeeding, [p.summary, facts[0]])
    if re.search(r"\bafter\b|\bcontracep|\bbirth control|\bconceiv|\bget pregnant", ctx.text) and p.contraception:
        return ctx.answer(p.contraception, [p.summary, facts[1]])
    return ctx.answer(p.summary, facts)


def _names(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    facts = ["Brands: " + ", ".join(d.brands) if d.brands else "",
             "Biosimilars: " + ", ".join(f"{b.name} ({b.generic})" for b in d.biosimilars) if d.biosimilars else "",
             "Also called: " + ", ".join(d.aliases) if d.aliases else ""]
    brands = f"; brand names: {', '.join(d.brands)}" if d.brands else ""
    return ctx.answer(f"The generic name is {d.name}{brands}.", facts)


def _comparison(ctx: _Context, intent: str) -> Answer:
    if len(ctx.drugs) < 2:
        return _identity(ctx, intent)
    parts, facts = [], []
    for i, d in enumerate(ctx.drugs[:4]):
        parts.append(f"{ctx.named(i)} is {what_it_is(d, ctx.tax)}")
        if d.mechanism:
            facts.append(f"{ctx.named(i)}: {d.mechanism.summary}")
        if d.indications:
            facts.append(f"{ctx.named(i)} is approved for: " + "; ".join(dict.fromkeys(x.condition for x in d.indications)))
    return ctx.answer("; ".join(parts) + ". Which suits a person best is a decision for their prescriber.", facts)


def _overdose(ctx: _Context, intent: str) -> Answer:
    d = ctx.drug
    missed = re.search(r"\bmiss|\bforg[oe]t|\bskip", ctx.text)
    first, second = (d.missed_dose, d.overdose) if missed else (d.overdose, d.missed_dose)
    if not first:
        return ctx.missing("what to do about a missed dose" if missed else "overdose information")
    return ctx.answer(first, [second or ""])


_INACTIVE = re.compile(r"\binactive|\bgluten|\blactose|\bdyes?\b|\ballerg|\bexcipient|\bfree\b|\bgelatin|\bpork"
                       r"|\bsugar\b|\bsoy\b|\bpeanut|\bfiller|\bvegan|\bhalal|\bkosher|\bpenicillin|\bsulfa\b")


def _ingredients(ctx: _Context, intent: str) -> Answer:
    """The active ingredient(s) are the generic name; inactive ones and allergens are only on the label."""
    d = ctx.drug
    if ctx.tax.is_a(d.classification.classes, "vaccine").verdict == "yes" or _INACTIVE.search(ctx.text):
        return ctx.missing(_POINTERS["ingredients"])
    several = " and " in d.name or "," in d.name
    lead = (f"The active ingredient{'s' if several else ''} of {ctx.name}: {d.name.lower()}. drugfaq does not hold "
            "the inactive ingredients (fillers, dyes, possible allergens); the label on DailyMed lists them.")
    strengths = ["Strengths: " + ", ".join(d.dosage.strengths)] if d.dosage and d.dosage.strengths else []
    return ctx.answer(lead, [d.summary, *strengths])


_POINTERS = {
    "appearance": "what the tablets or capsules look like (imprint, colour, shape)",
    "ingredients": "the full list of ingredients, including inactive ones",
    "alternatives": "advice on alternatives, which depend on the person",
    "pronunciation": "pronunciations",
    "other": "an answer to this question",
}


def _unanswerable(ctx: _Context, intent: str) -> Answer:
    return ctx.missing(_POINTERS.get(intent, "an answer to this question"))


def _topic(ctx: _Context, topic_id: str) -> Answer:
    t = ctx.store.topic(topic_id)
    assert t is not None
    return Answer(ctx.question, [], "topic", True, None, t.summary, list(t.body), sources_of(t.references),
                  topic=t.id, title=t.title)


def _class_answer(ctx: _Context, intent: str) -> Answer:
    c = ctx.tax.classes[ctx.classes[0].id]
    members = ctx.store.drug_names(ctx.store.members(ctx.tax.descendants(c.id)))
    facts = [f"Examples in drugfaq: {', '.join(sorted(members.values())[:12])}"] if members else []
    if intent in ("identity", "classification", "mechanism") and c.description:
        return Answer(ctx.question, [], intent, True, None, f"{c.name[:1].upper() + c.name[1:]}: {c.description}",
                      facts, title=c.name)
    if intent == "side_effects" and _YES_NO.match(ctx.text):
        words = _words_after(ctx.text, [c.name, *c.aliases, c.id, ctx.classes[0].text], _CAUSE, _FILLER)
        loaded = [d for d in (ctx.store.drug(i) for i in ctx.store.members(ctx.tax.descendants(c.id))) if d]
        if words and loaded:
            return _class_effect(ctx, c.name, loaded, words)
    per_drug = _per_member(ctx, intent, c.id)
    if per_drug:
        shown = per_drug[:_MEMBERS_SHOWN]
        more = f" (and {len(per_drug) - len(shown)} more: ask about one by name)" if len(per_drug) > len(shown) else ""
        return Answer(ctx.question, [], intent, True, None,
                      f"drugfaq holds this for each {c.name} medicine separately{more}:",
                      shown, title=c.name)
    return Answer(ctx.question, [], intent, False, None,
                  f"drugfaq answers this kind of question for single drugs, not for a whole class such as "
                  f"{c.name}. Ask about one drug (e.g. {', '.join(sorted(members.values())[:3]) or 'by name'}), "
                  "or ask a pharmacist.", facts, title=c.name)


def _asked_phrase(text: str, words: set[str]) -> str:
    """The asker's words from the first asked word to the last: "swelling in the ankles"."""
    tokens = text.split()
    at = [i for i, w in enumerate(tokens) if w in words]
    return " ".join(tokens[at[0] : at[-1] + 1]) if at else " ".join(sorted(words))


def _effect_asked(text: str, words: set[str]) -> tuple[str, bool]:
    """The effect as the asker put it, and whether they asked about a level going up ("raised blood sugar")."""
    raised = bool(_RAISE_VERB.search(text))
    return ("raised " if raised else "") + _asked_phrase(text, words), raised


def _class_effect(ctx: _Context, class_name: str, members: list[Drug], words: set[str]) -> Answer:
    """"do statins cause muscle pain": counted over the class's members, each by its own entry."""
    asked, raised = _effect_asked(ctx.text, words)
    listing = [d for d in members if _lists_effect(d, words, raised)]
    names = [display_name(d, d.brands[0] if d.brands else None) for d in listing]
    n, total = len(listing), len(members)
    if n == total:
        lead = (f"Yes. {asked.capitalize()} is among the listed side effects or warnings of every {class_name} "
                f"medicine in drugfaq ({total}).")
    elif n:
        lead = (f"For {n} of the {total} {class_name} medicines in drugfaq, {asked} is among the listed side effects "
                "or warnings; ask about one by name for its details.")
    else:
        lead = (f"None of the {total} {class_name} medicines in drugfaq lists {asked} among its side effects or "
                "warnings; their labels may list more.")
    shown = names[:_MEMBERS_SHOWN]
    facts = [f"Listed for: {', '.join(shown)}" + (f" and {n - len(shown)} more" if n > len(shown) else "")] if n else []
    return Answer(ctx.question, [], "side_effects", True, "yes" if n == total else None, lead, facts,
                  title=class_name)


_MEMBERS_SHOWN = 8
_PER_MEMBER = {  # what a class question is answered with, drug by drug
    "storage": lambda d: d.storage, "onset": lambda d: d.onset, "stopping": lambda d: d.stopping,
    "usage": lambda d: d.usage, "overdose": lambda d: d.overdose,
    "mechanism": lambda d: d.mechanism.summary if d.mechanism else None,
    "side_effects": lambda d: ", ".join(d.side_effects.common) if d.side_effects and d.side_effects.common else None,
    "pregnancy": lambda d: d.pregnancy.summary if d.pregnancy else None,
    "indications": lambda d: "; ".join(dict.fromkeys(i.condition for i in d.indications)) or None,
}


def _per_member(ctx: _Context, intent: str, class_id: str) -> list[str]:
    """"Lantus (insulin glargine): ..." for each member of the class whose entry holds the answer."""
    field = _PER_MEMBER.get(intent)
    if not field:
        return []
    out = []
    for drug_id in ctx.store.members(ctx.tax.descendants(class_id)):
        d = ctx.store.drug(drug_id)
        value = field(d) if d else None
        if d and value:
            out.append(f"{display_name(d, d.brands[0] if d.brands else None)}: {value}")
    return out


def _not_found_text(suggestions: list[str]) -> str:
    hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
    return ("drugfaq could not find a drug it knows in this question." + hint +
            " For other medicines, MedlinePlus (https://medlineplus.gov/druginformation.html) and the label on "
            "DailyMed (https://dailymed.nlm.nih.gov) have answers, and so does a pharmacist.")


_ANSWERERS = {
    "identity": _identity, "classification": _classification, "mechanism": _mechanism,
    "indications": _indications, "side_effects": _side_effects, "interactions": _interactions,
    "dosage": _dosage, "usage": _usage, "duration": _duration,
    "onset": _field("onset", "how soon it works"), "stopping": _field("stopping", "advice on stopping it"),
    "monitoring": _monitoring, "warnings": _warnings, "pregnancy": _pregnancy, "names": _names,
    "comparison": _comparison, "storage": _field("storage", "storage instructions"), "overdose": _overdose,
    "ingredients": _ingredients,
}
