"""What a question asks: weighted, named rules over the normalised question text.

Rules describe kinds of question, never particular questions. Each rule that
matches votes for its intent with its weight (3: an explicit phrase such as
"side effects" or "used for"; 2: a good cue; 1: a weak hint such as a bare
"10 mg"); the highest total wins and ties go to the rule listed first. A
question no rule claims is taken as asking what the drug is, if it reads like
an information question, else as "other".
"""

from __future__ import annotations

import re
from typing import NamedTuple

INTENTS = ("identity", "classification", "mechanism", "indications", "side_effects", "interactions", "dosage",
           "usage", "duration", "onset", "stopping", "monitoring", "warnings", "pregnancy", "names", "comparison",
           "storage", "overdose", "appearance", "ingredients", "alternatives", "pronunciation", "topic", "other")


class Rule(NamedTuple):
    name: str
    intent: str
    weight: int
    pattern: str
    needs_two: bool  # only when two or more drugs are named
    # Text that every match must contain, one per alternative; None when some alternative has none.
    # Compiling all these patterns costs ~18 ms, more than the rest of a lookup, so a pattern is only
    # compiled (by re's cache) when the question could match it.
    literals: tuple[str, ...] | None


def _r(name: str, intent: str, weight: int, pattern: str, needs_two: bool = False) -> Rule:
    return Rule(name, intent, weight, pattern, needs_two, _required_literals(pattern))


def _required_literals(pattern: str) -> tuple[str, ...] | None:
    """The leading literal text of each top-level alternative, or None if one has none."""
    alternatives, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 1)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    alternatives.append(pattern[start:])
    out = []
    for alt in alternatives:
        alt = re.sub(r"^(?:\\b|\^)+", "", alt)
        run = re.match(r"[a-z' ]*", alt).group()  # type: ignore[union-attr]
        if alt[len(run):len(run) + 1] in ("?", "*", "{"):
            run = run[:-1]  # the last character is optional
        if len(run.strip()) < 2:
            return None
        out.append(run)
    return tuple(out)


W = r"(?:\w+ ){0,6}?"  # up to six words in between
YOU = r"(?:i|you|we|one|he|she|they|someone|a person|people|patients?)"

RULES: tuple[Rule, ...] = (
    _r("pronounce", "pronunciation", 3, r"\bpronoun|\bhow (?:do (?:you|i) |to )(?:say|spell)\b"),
    _r("looks", "appearance", 3, r"\bcolou?r\b|\bimprint|\bshape\b|\bmarkings?\b|\bengraved\b|\bstamped\b"
       r"|\bwhat (?:does|do) " + W + r"(?:pill|tablet|capsule)s? look|\bwhat (?:does|do) \w+ look like\b"),
    _r("looks-weak", "appearance", 2, r"\blooks? like\b"),
    _r("missed-or-too-much", "overdose", 3, r"\boverdos|\btoo (?:much|many)\b|\bdouble\b|\btwo doses\b"
       r"|\bextra (?:dose|pill|tablet)|\bmiss(?:ed)? (?:a |my |the |one )?(?:dose|pill|tablet|shot|injection)"
       r"|\bforg[eo]t (?:to take|a dose|my)|\btook (?:2|two|twice|an extra)|\baccidentally took|\bpoison"
       r"|\breverses? the effect|\bantidote|\bkill (?:you|me|a person|someone)\b|\blethal\b|\bfatal dose\b"),
    _r("storage", "storage", 3, r"\bstor(?:e|ed|age|ing)\b|\brefrigerat|\bfridge\b|\broom temperature\b|\bexpir"
       r"|\bdispos(?:e|al)\b|\bshelf life\b|\bfreez|\bget rid of\b|\bkeep (?:it |them )?(?:cold|cool)"),
    _r("pregnancy", "pregnancy", 3, r"\bpregnan|\bbreast ?feed|\bnursing mother|\bwhile nursing\b|\bconceiv"
       r"|\bcontracep|\bbirth control\b|\bfertil|\bunborn\b|\btrying for a baby\b|\blactat"),
    _r("ingredients", "ingredients", 3, r"\bingredient|\bcontains?\b|\bmade (?:of|from|with)\b|\bgluten\b"
       r"|\blactose\b|\bwhat(?: i|)s in\b|\binactive\b|\bdye\b|\bderived from\b|\bexcipient|\bhow ?much \w+ (?:is )?in\b"),
    _r("is-there-x-in", "ingredients", 2, r"^(?:is|are) (?:there )?\w+ in (?:the |a |my )?(?:pill|tablet|capsule|it)\b"),
    _r("instead", "alternatives", 3, r"\binstead of\b|\balternatives?\b|\bsubstitut|\bin place of\b|\breplac(?:e|es|ing)\b"
       r"|\btake the place\b|\bsomething (?:else|other) than\b|\bswitch (?:from|to)\b|\bclose to the\b|\bbesides\b"
       r"|\bsimilar to\b|\bother than\b"),
    _r("compare-words", "comparison", 3, r"\bvs\b|\bversus\b|\bcompar|\bdifference\b|\bdifferent\b|\bsame as\b"),
    _r("forms-on-offer", "dosage", 3, r"\b(?:different|other|which|what) (?:strengths?|doses|dosages|sizes)\b"),
    _r("compare-better", "comparison", 2, r"\bbetter\b|\bsafer\b|\bstronger\b|\bor\b", needs_two=True),
    _r("alcohol-food", "interactions", 3, r"(?<!non )\balcohol|\bdrink(?:ing|s)? (?:beer|wine|liquor)|\bbeer\b|\bwine\b"
       r"|\bliquor\b|\bcocktail|\bgrapefruit|\bcaffeine\b|\bcoffee\b|\binteract|\bmix(?:ing)? \w* ?with\b"
       r"|\bcombin|\bdrug (?:and|&)? ?food\b|\bfoods?\b.*\b(?:avoid|eat|should|not)\b|\b(?:avoid|eat)\b.*\bfoods?\b"
       r"|\b(?:medications?|medicines?|drugs?|pills?) (?:not )?to (?:take|avoid) with\b|\bnot to take with\b"
       r"|\bcompatible\b|\binterfer"),
    _r("food", "interactions", 2, r"\bfoods?\b|\bdiet\b"),
    _r("take-with", "interactions", 2, rf"\b(?:take|use|taking|using) {W}(?:with|while (?:on|taking)|when taking)\b"
       r"|\bwhile (?:on|taking|using)\b|\bwhen (?:taking|talking|on|using)\b|\bbefore starting\b"),
    _r("two-drugs-together", "interactions", 2, r"\bwith\b|\band\b|\btogether\b|\bsame time\b|\bafter taking\b"
       r"|\bbefore taking\b|\bplus\b", needs_two=True),
    _r("stopping", "stopping", 3, r"\bstop(?:ping|ped)?\b|\bquit(?:ting)?\b|\bdiscontinu|\btaper|\bwean|\bween\b"
       r"|\bwithdraw|\bcom(?:e|ing) off\b|\bget(?:ting)? off\b|\bcold turkey\b"),
    _r("is-it-a-class", "classification", 3, r"\bwhat (?:kind|type|class|sort|category|group) (?:of|is)\b|\bclassif"
       r"|\bclassed as\b|\bconsidered (?:a|an)\b|\bdrug class\b|\bwhat class\b|\bis (?:it|this) a\b|\bgroup of\b"
       r"|\baddict|\bhabit[- ]forming\b|\bcontrolled substance\b|\bschedule (?:drug|ii|iii|iv|2|3|4)\b"
       r"|\bwhat schedule\b|\bnarcotic\b|\bis \w+ an? \w+\s*$"),
    _r("follow-up", "monitoring", 3, r"\bmonitor|\bblood (?:test|work)s?\b|\blab tests?\b|\bfollow ?up\b"
       r"|\bafter (?:\w+ )?(?:treatment|therapy)|\bwhat happens after\b"
       r"|\bafter (?:finishing|completing|stopping) (?:\w+ )?(?:treatment|therapy)"),
    _r("checks", "monitoring", 2, r"\bcheck(?:ed|s|ups?)?\b|\bscans?\b|\bechocardiogram|\becho\b"),
    _r("wears-off", "onset", 3, r"\bstay(?:s)? (?:in|on) (?:your|the|my|a|his|her|their) (?:system|body|blood|urine)"
       r"|\bremains? in (?:the |your |my )?(?:body|system)|\bin (?:your|my|the) system\b|\bkick(?:s)? in\b"
       r"|\btakes? effect\b|\bstart(?:s)? (?:to )?work|\btakes? (?:\w+ )?to work\b|\bhow long (?:does|do|will) "
       r"(?:\w+ ){0,3}takes? (?:for|to|before)\b|\bwear(?:s)? off\b|\bhow long (?:does|do|will) (?:\w+ ){0,3}last\b"
       r"|\bhow (?:soon|fast|quickly)\b|\bout of (?:your|my|the) system\b|\bdetect|\bdrug (?:screen|test)|\btoxicology"
       r"|\bleave (?:your|my|the) (?:body|system)|\bclear (?:a|the|your) (?:drug|system)|\bstay in (?:the )?(?:urine|blood)"),
    _r("how-long-on", "duration", 3, r"\bhow long (?:can|should|do|must|will|to|is|are) (?:\w+ ){0,3}"
       r"(?:stay|be|keep|remain|continue|given|treated|on)\b|\bhow long (?:can|should|must) (?:\w+ ){0,3}(?:take|use)\b"
       r"|\bfor how long\b|\bhow many (?:weeks|months|years|cycles|rounds|days)\b|\bduration\b|\blength of\b"
       r"|\bhow long is (?:the )?(?:treatment|course)\b|\bcourse of\b|\bhow long on\b|\bhow long \w+ (?:take|use)\b"),
    _r("improves", "onset", 3, r"\b(?:begin|start)s? to (?:show|work|help|see)\b|\bshow (?:some |any )?improvement"
       r"|\bsee (?:any |the )?(?:results|improvement|a difference)\b|\bnotice (?:a |any )?(?:difference|change)\b"),
    _r("long-term-use", "duration", 3, r"\blong[- ]term use\b|\buse (?:it |them )?long[- ]term\b|\bindefinitely\b"
       r"|\bfor (?:the rest of (?:my|your) )?life\b"),
    _r("how-long", "onset", 1, r"\bhow long\b|\bwhen (?:does|will) (?:it|\w+) (?:work|help)\b"),
    _r("side-effects", "side_effects", 3, r"\bside ?(?:effects?|affects?)\b|\badverse\b|\bmake (?:your|my|his|her) \w+ "
       r"(?:look|feel|turn)|\bhair loss\b|\bweight gain\b|\bharmful\b|\bdamage\b|\bhow will (?:i|you) feel\b"),
    _r("causes", "side_effects", 2, r"\bcaus(?:e|es|ed|ing)\b|\b(?:i|he|she) (?:am|m|is|have been) experienc|\breactions?\b|\bmake (?:you|me|him|her|people)\b"
       r"|\beffects? (?:on|my|your|the)\b|\baffects? (?:my|your|the)\b|\blong term\b|\bactivate\b|\bappears? after\b"
       r"|\bstart on\b|\bcontribute to\b|\binduce\b|\bexacerbat|\bworsen|\bmake \w+ worse\b"),
    _r("symptoms", "side_effects", 1, r"\binsomnia\b|\bdizz|\bnause|\brash\b|\bitch|\bswell|\bsymptoms?\b|\bblurr"
       r"|\bbruis|\bredness\b|\bheadache|\bsleepy\b|\btired\b"),
    _r("dose", "dosage", 3, r"\bdos(?:e|es|age|ing)\b|\bhow much\b|\bhow many (?:mg|milligrams|tablets|pills|units"
       r"|capsules|puffs|grams)\b|\bstren\w*|\bmaximum\b|\bmax\b|\bmilligram|\bdaily amount\b|\ba ?day\b.*\bhow many\b"
       r"|\bhow many\b.*\b(?:a ?day|per day|daily)\b|\bhow many \w+ (?:a ?day|per day)|\blowest\b|\bhighest\b"
       r"|\bcome in\b|\bmill?[ai]grams?\b|\bmgs\b|\b(?:mg|strengths?) (?:are )?available\b|\brate of\b"),
    _r("dose-number", "dosage", 1, r"\b\d+(?:\.\d+)? ?(?:mg|mcg|ml|units?|grams?)\b|\bmg\b"),
    _r("wait-to-take", "usage", 4, r"\bhow long (?:should|do|must|to|can) (?:i |you |we )?wait (?:to|before) "
       r"(?:take|taking|use|using|give|giving)\b"),
    _r("with-meals", "usage", 4, r"\bwith (?:or without )?(?:food|meals?)\b|\bwithout food\b|\bempty stomach\b"
       r"|\b(?:before|after) (?:or (?:before|after) )?(?:food|meals?|eating)\b"),
    _r("how-to-take", "usage", 3, rf"\bhow (?:do|should|to|can|would|does|is|are) (?:{YOU} )?(?:\w+ )?(?:take|use|used"
       r"|apply|inject|administer|give|given|prep|prepare|insert|inhale)\b|\bwhen (?:should|to|do|can|is) (?:i |you )?"
       r"(?:take|use|safe to take)\b|\bwith (?:or without )?food\b|\bempty stomach\b|\btime of day\b|\bcrush|\bchew"
       r"|\bsplit|\bcut (?:in half|the)|\bbefore or after\b|\badminist|\binstructions\b|\bwhat time\b"
       r"|\bcan it be taken\b|\bshould it be taken\b|\bhow often\b|\binfusion time\b|\bdoes ?n?t stick\b"
       r"|\bhow (?:is|are) (?:\w+ ){0,3}(?:used|given|admini\w*|prescribed|taken|injected)\b|\bhow prescribed\b|\bhow (?:to|do (?:you|i)) prescribe\b"
       r"|\bhow (?:should|can|must|do) (?:\w+ ){0,3}be (?:taken|used|given|applied|injected)\b"
       r"|\bdilut|^when to (?:start|take|use|give)\b|\bbed time\b|\bafter (?:dinner|breakfast|lunch|meals?)\b"),
    _r("usage-weak", "usage", 2, r"\bmorning\b|\bnight\b|\bbedtime\b|\bcan (?:i|you) (?:eat|take|use)\b|\bafter eating\b"),
    _r("who-should-not", "warnings", 3, r"\bwho (?:should|can) ?not\b|\bshould(?:nt| not) (?:take|use|have|get)\b"
       r"|\bcontra ?indicat|\bprecaution|\bwarnings?\b|\bboxed\b|\bnot allowed\b|\bhow long (?:after|before)\b.*\bwait"
       r"|\bwait (?:before|after)\b"),
    _r("allergic-to", "warnings", 3, r"\ballergic to\b|\ballergy to\b"),
    _r("if-i-have", "warnings", 2, r"\b(?:if|when|since|as) (?:i|you|he|she) (?:have|has|had|suffer)\b"
       r"|\bwith (?:my |a )?history of\b"),
    _r("safety", "warnings", 1, r"\bsafe\b|\bdangerous\b|\brisks?\b|\bavoid\b|\ballerg"),
    _r("names", "names", 3, r"\bgeneric\b|\bbrand\b|\balso called\b|\bother names?\b|\banother name\b"
       r"|\bnames? (?:of|for)\b|\btrade name\b|\bbiosimilar"),
    _r("how-it-works", "mechanism", 3, r"\bhow (?:does|do) (?:\w+ ){1,4}work\b|\bhow \w+ works\b|\bmechanism"
       r"|\bwhat (?:does|do) (?:\w+ ){1,3}do\b|\bmode of action\b|\bhow (?:does|do) (?:\w+ ){1,4}affect"
       r"|\bworks? in the body\b|\bhow \w+ (?:reduce|lower|affects?|help)|\bhow does it\b|\bwhat effect\b"
       r"|\baction of\b|\bhow (?:do|does) (?:\w+ ){1,3}(?:kill|lower|reduce|fight|stop)\b|\bmetaboli[sz]"
       r"|\bexcreted\b|\beliminated\b"),
    _r("acts-on", "mechanism", 1, r"\bact(?:s)? on\b|\bblock(?:s)?\b|\binhibit|\btarget(?:s)?\b|\bprocess of\b"
       r"|\bstill occur\b|\bwhat happens when"),
    _r("used-for", "indications", 3, r"\bused? (?:for|to|in)\b|\bwhat(?: is| are|s) (?:\w+ ){1,4}(?:for|use)\b"
       r"|\bfor what\b|\bwhat purpose\b|\bpurpose\b|\btreat(?:s|ed|ing)?\b|\btreatment (?:for|of)\b|\bprescribed\b|\bindicat|\bwhy (?:would|do|is|to|did)\b"
       r"|\bwhat conditions?\b|\bapproved for\b|\bcure|\bprevent|\bwhat (?:is|are) \w+ good for\b"),
    _r("is-there-a-drug-for", "indications", 3, r"^(?:are|is) there (?:\w+ ){1,3}for\b|\bwhat (?:can|should) (?:i|you) "
       r"(?:take|use) for\b"),
    _r("helps", "indications", 2, r"\bgood for\b|^(?:does|do|can|will|would) (?:\w+ ){1,3}help\b|\bhelp(?:s)? (?:with|for)\b|\bwork for\b|\bfor (?:my |the )?\w+ pain\b"
       r"|\b(?:lower|reduce|decrease|control)s? (?:my |the |your )?(?:blood pressure|cholesterol|"
       r"blood sugar|sugar|pain|fever)\b"),
    # raising a level is what a side effect does ("does prednisone raise blood sugar"), lowering it what a use does
    _r("raises", "side_effects", 3, r"\b(?:raise|increase|elevate|spike)s? (?:my |the |your )?(?:blood pressure|"
       r"cholesterol|blood sugar|sugar|glucose|potassium|heart rate|pulse|liver enzymes)\b"),
    _r("is-x-a-y", "classification", 2, r"^(?:is|are|it is) \w+(?: \w+)? (?:a|an)\b|\b(?:is|are) (?:\w+ ){1,3}(?:a|an) "
       r"(?:\w+ ){0,2}(?:drug|medicine|medication)\b"),
    _r("what-is", "identity", 2, r"^(?:what|whats|who) (?:exactly )?(?:is|are)\b|^whats\b|^tell me about\b"
       r"|^(?:info|information)\b|\bwhat is (?:the )?(?:drug|medicine|medication)\b|^define\b|^explain\b"
       r"|\bwhere is \w+ (?:from|originated)|\boriginat|\bwhat exactly\b|\bwhere (?:does|do) (?:\w+ ){1,3}come from\b"),
)

# Cue words of the rules above that people often misspell ("treament", "strenths", "symtoms"). A longer word
# of the question that is not one of them but very close to one is read as that word before the rules run.
CUE_WORDS = frozenset("""
addiction addictive administer affect alcohol allergic allergy alternative alternatives approved available
breastfeeding breastfeed caffeine capsule capsules cause causes compare comparison contain contains
contraception contraindication contraindications cure dangerous difference different discontinue disposal
dosage dosing duration effect effects effective eliminated excreted expiration expired generic grapefruit
habit harmful improvement indication indications ingredient ingredients inhaler inject injection instead
interact interaction interactions maximum mechanism medication milligrams monitor monitoring necessary
overdose pregnancy pregnant prevent pronounce purpose reaction reactions recommended refrigerate
refrigerated refrigerator relief schedule shelf stopping storage store strength strengths substitute
swelling symptom symptoms tablet tablets taper tapering treat treated treating treatment treats weaning
withdrawal withdrawals
""".split())
SPELLING_ACCEPT = 85.0  # rapidfuzz ratio from which a word is read as a misspelt cue word
_CUES_BY_START: dict[str, list[str]] = {}
for _cue in sorted(CUE_WORDS):
    _CUES_BY_START.setdefault(_cue[:2], []).append(_cue)


def _near_cues(word: str) -> list[str]:
    """Cue words that begin with the same two letters and are within two letters of its length."""
    return [c for c in _CUES_BY_START.get(word[:2], ()) if abs(len(c) - len(word)) <= 2]


QUESTION_WORDS = ("what", "when", "where", "which", "does", "should", "could", "would")
_FIRST_WORDS = frozenset("whats whom whose while wheat white whole shoul dose doses doing done".split())


def correct_spelling(text: str) -> str:
    """The normalised question with misspelt cue words replaced by the cue word ("treament" -> "treatment").

    Besides a misspelt question word at the start ("whate is"), only words of five letters or more, only
    towards a cue word of about the same length that begins with the
    same two letters (typos rarely hit the start), so ordinary words and drug names are left alone and most
    questions never load the fuzzy matcher.
    """
    words = text.split()
    first = words[0] if words else ""
    if 4 <= len(first) <= 6 and first not in QUESTION_WORDS and first not in _FIRST_WORDS:
        # "whate is ...": only the first word, where a question word is expected
        near = [q for q in QUESTION_WORDS if q[:2] == first[:2] and abs(len(q) - len(first)) <= 1]
        if near:
            from rapidfuzz import fuzz, process

            best = process.extractOne(first, near, scorer=fuzz.ratio, score_cutoff=SPELLING_ACCEPT)
            words[0] = best[0] if best else first
    candidates = [(i, w, near) for i, w in enumerate(words) if len(w) >= 5 and w not in CUE_WORDS and w.isalpha()
                  for near in [_near_cues(w)] if near]
    if not candidates:
        return " ".join(words)
    from rapidfuzz import fuzz, process  # only for questions with an unknown long word

    for i, w, near in candidates:
        best = process.extractOne(w, near, scorer=fuzz.ratio, score_cutoff=SPELLING_ACCEPT)
        if best:
            words[i] = best[0]
    return " ".join(words)


_INFORMATION = re.compile(r"^(?:what|whats|is|are|does|do|tell|info|explain|define)\b")


def classify(text: str, n_drugs: int, gated: bool = True) -> Rule | None:
    """The winning rule for the normalised question, or None when none matches.

    `gated=False` evaluates every pattern; tests use it to prove the literal gates change nothing.
    """
    scores: dict[str, int] = {}
    first: dict[str, Rule] = {}
    for rule in RULES:
        if rule.needs_two and n_drugs < 2:
            continue
        if gated and rule.literals is not None and not any(lit in text for lit in rule.literals):
            continue
        if re.search(rule.pattern, text):
            scores[rule.intent] = scores.get(rule.intent, 0) + rule.weight
            first.setdefault(rule.intent, rule)
    if not scores:
        return None
    order = {r.intent: i for i, r in reversed(list(enumerate(RULES)))}
    best = max(scores, key=lambda i: (scores[i], -order[i]))
    return first[best]


def reads_like_information(text: str) -> bool:
    """A question no rule claims but that asks about the drug in general ("mst drug?", "what is ...")."""
    return bool(_INFORMATION.match(text)) or len(text.split()) <= 3
