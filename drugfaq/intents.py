"""What a question asks: ordered, named rules over the normalised question text.

Rules are about the kind of question, never about particular questions: the
first rule that matches wins, so more specific kinds come first (a question
about pregnancy "after" a drug is about pregnancy, not about follow-up).
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
    pattern: re.Pattern[str]
    needs_two: bool = False  # only when two or more drugs are named


def _r(name: str, intent: str, pattern: str, needs_two: bool = False) -> Rule:
    return Rule(name, intent, re.compile(pattern), needs_two)


W = r"(?:\w+ ){0,6}?"  # up to six words in between

RULES: tuple[Rule, ...] = (
    _r("pronounce", "pronunciation", r"\bpronoun|\bhow (?:do (?:you|i) |to )(?:say|spell)\b"),
    _r("looks", "appearance", r"\blooks? like\b|\bcolou?r\b|\bimprint|\bshape\b|\bmarkings?\b|\bengraved\b"
       r"|\bstamped\b|\bwhat (?:does|do) " + W + r"(?:pill|tablet|capsule)s? look"),
    _r("missed-or-too-much", "overdose", r"\boverdos|\btoo (?:much|many)\b|\bdouble (?:dose|up)\b|\btwo doses\b"
       r"|\bextra (?:dose|pill|tablet)|\bmiss(?:ed)? (?:a |my |the |one )?(?:dose|pill|tablet|shot|injection)"
       r"|\bforg[eo]t (?:to take|a dose|my)|\btook (?:2|two|twice|an extra)|\baccidentally took|\bpoison"),
    _r("storage", "storage", r"\bstor(?:e|ed|age|ing)\b|\brefrigerat|\bfridge\b|\broom temperature\b|\bexpir"
       r"|\bdispos(?:e|al)\b|\bshelf life\b|\bfreez|\bget rid of\b|\bkeep (?:it |them )?(?:cold|cool)"),
    _r("pregnancy", "pregnancy", r"\bpregnan|\bbreast ?feed|\bnursing mother|\bwhile nursing\b|\bconceiv"
       r"|\bcontracep|\bbirth control\b|\bfertil|\bunborn\b|\btrying for a baby\b|\blactat"),
    _r("ingredients", "ingredients", r"\bingredient|\bcontains?\b|\bmade (?:of|from|with)\b|\bgluten\b|\blactose\b"
       r"|\bwhat(?: i|)s in\b|\bis there \w+ in\b|\binactive\b|\bdye\b|\bderived from\b|\bexcipient"),
    _r("instead", "alternatives", r"\binstead of\b|\balternatives?\b|\bsubstitut|\bin place of\b|\breplace"
       r"|\btake the place\b|\bsomething (?:else|other) than\b|\bswitch (?:from|to)\b"),
    _r("compare-words", "comparison", r"\bvs\b|\bversus\b|\bcompar|\bdifference between\b|\bdifferent from\b"
       r"|\bbetter than\b|\bstronger than\b|\bsame as\b|\bor\b.*\b(?:better|safer|stronger)\b"
       r"|\b(?:better|safer|stronger)\b.*\bor\b", needs_two=True),
    _r("alcohol-food", "interactions", r"\balcohol|\bdrink(?:ing|s)? (?:beer|wine|liquor)|\bbeer\b|\bwine\b"
       r"|\bliquor\b|\bcocktail|\bgrapefruit|\bcaffeine\b|\bcoffee\b|\binteract|\bmix(?:ing)? \w* ?with\b"
       r"|\bcombin|\bdrug food\b|\bfood interaction"),
    _r("two-drugs-together", "interactions", r"\bwith\b|\band\b|\btogether\b|\bwhile (?:on|taking)\b"
       r"|\bsame time\b|\bafter taking\b|\bbefore taking\b|\bplus\b", needs_two=True),
    _r("stopping", "stopping", r"\bstop(?:ping|ped)?\b|\bquit(?:ting)?\b|\bdiscontinu|\btaper|\bwean|\bwithdraw"
       r"|\bcom(?:e|ing) off\b|\bget(?:ting)? off\b|\bcold turkey\b"),
    _r("is-it-a-class", "classification", r"\bwhat (?:kind|type|class|sort|category|group) of\b|\bclassif"
       r"|\bclassed as\b|\bconsidered (?:a|an)\b|\bdrug class\b|\bwhat class\b|\bis (?:it|this) a\b"),
    _r("follow-up", "monitoring", r"\bmonitor|\bblood (?:test|work)|\blab tests?\b|\bcheck(?:ed|s|ups?)?\b"
       r"|\bfollow ?up\b|\bscans?\b|\bechocardiogram|\becho\b|\bafter (?:\w+ )?(?:treatment|therapy)"
       r"|\bwhat happens after\b|\bafter (?:finishing|completing|stopping) (?:\w+ )?(?:treatment|therapy)"),
    _r("wears-off", "onset", r"\bstay(?:s)? (?:in|on) (?:your|the|my|a|his|her|their) (?:system|body|blood|urine)"
       r"|\bremains? in (?:the |your |my )?(?:body|system)|\bin (?:your|my|the) system\b|\bkick(?:s)? in\b"
       r"|\btakes? effect\b|\bstart(?:s)? (?:to )?work|\btakes? (?:\w+ )?to work\b|\bhow long (?:does|do|will) "
       r"(?:\w+ ){0,3}takes? (?:for|to|before)\b|\bwear(?:s)? off\b|\bhow long (?:does|do|will) (?:\w+ ){0,3}last\b"
       r"|\bhow (?:soon|fast|quickly)\b|\bout of (?:your|my|the) system\b|\bdetect"),
    _r("how-long-on", "duration", r"\bhow long (?:can|should|do|does|must|will|is|are|to) (?:\w+ ){0,3}"
       r"(?:stay|take|be|use|keep|remain|continue|given|treated|on)\b|\bfor how long\b|\bhow many "
       r"(?:weeks|months|years|cycles|rounds|days)\b|\bduration\b|\blong[- ]term\b|\bhow long is (?:the )?"
       r"(?:treatment|course)\b|\bcourse of\b"),
    _r("how-long", "onset", r"\bhow long\b|\bwhen (?:does|will) (?:it|\w+) (?:work|help)\b"),
    _r("side-effects", "side_effects", r"\bside ?effects?\b|\badverse\b|\bcaus(?:e|es|ed|ing)\b|\breactions?\b"
       r"|\bmake (?:you|me|him|her|people)\b|\bmakes? (?:you|me) (?:feel|sleepy|tired|dizzy)|\bhair loss\b"
       r"|\bweight gain\b|\binsomnia\b|\bdizz|\bnause|\brash\b|\bitch|\bswell|\bsymptoms?\b|\bsafe\b.*\blong term\b"
       r"|\bharm(?:ful)?\b|\bdamage\b|\baffect (?:my|the|your) (?:kidney|liver|heart|eyes|teeth|memory)"),
    _r("dose", "dosage", r"\bdos(?:e|es|age|ing)\b|\bhow much\b|\bhow many (?:mg|milligrams|tablets|pills|units"
       r"|capsules|puffs)\b|\b\d+(?:\.\d+)? ?(?:mg|mcg|ml|units?)\b|\bmg\b|\bstrengths?\b|\bmaximum\b|\bmax\b"
       r"|\bmilligram|\bdaily amount\b|\bhow often\b"),
    _r("how-to-take", "usage", r"\bhow (?:do|should|to|can|would|does one) (?:i |you |we |one )?(?:take|use|apply"
       r"|inject|administer|give|prep|prepare|insert|inhale)\b|\bwhen (?:should|to|do|can) (?:i |you )?"
       r"(?:take|use)\b|\bwith food\b|\bempty stomach\b|\bmorning\b|\bnight\b|\bbedtime\b|\btime of day\b"
       r"|\bcrush|\bchew|\bsplit|\bcut (?:in half|the)|\bcan (?:i|you) (?:eat|take|use)\b|\bbefore or after\b"
       r"|\badminist|\binstructions\b|\bwhat time\b|\bcan it be taken\b|\bshould it be taken\b"),
    _r("who-should-not", "warnings", r"\bwho (?:should|can) ?not\b|\bshould(?:nt| not) (?:take|use|have|get)\b"
       r"|\bcontra ?indicat|\bsafe (?:for|to|if|with|in)\b|\bis it safe\b|\bprecaution|\bwarnings?\b|\bdangerous\b"
       r"|\brisks?\b|\bavoid\b|\ballerg|\bboxed\b|\bcan (?:a )?(?:\w+ )?(?:patient|person|people|someone) with\b"),
    _r("names", "names", r"\bgeneric\b|\bbrand\b|\balso called\b|\bother names?\b|\banother name\b"
       r"|\bnames? (?:of|for)\b|\btrade name\b|\bbiosimilar"),
    _r("how-it-works", "mechanism", r"\bhow (?:does|do) (?:\w+ ){1,4}work\b|\bhow \w+ works\b|\bmechanism"
       r"|\bwhat (?:does|do) (?:\w+ ){1,3}do\b|\bmode of action\b|\bhow (?:does|do) (?:\w+ ){1,4}affect"
       r"|\bworks? in the body\b|\bact(?:s)? on\b|\bblock(?:s)?\b|\binhibit|\btarget(?:s)?\b|\bwhat happens when"),
    _r("used-for", "indications", r"\bused? (?:for|to|in)\b|\bwhat(?: is| are|s) (?:\w+ ){1,4}for\b|\bfor what\b"
       r"|\btreat|\bgood for\b|\bhelp(?:s)? (?:with|for)\b|\bprescribed\b|\bindicat|\bpurpose\b|\bwhy (?:would|do|is)"
       r"|\bwork for\b|\bwhat conditions?\b|\bapproved for\b|\bcure"),
    _r("is-x-a-y", "classification", r"^(?:is|are) \w+(?: \w+)? (?:a|an)\b|\b(?:is|are) (?:\w+ ){1,3}(?:a|an) (?:\w+ ){0,2}"
       r"(?:drug|medicine|medication)\b"),
    _r("what-is", "identity", r"^(?:what|whats|who) (?:is|are)\b|^whats\b|^tell me about\b|^(?:info|information)\b"
       r"|\bwhat is (?:the )?(?:drug|medicine|medication)\b|\bwhat (?:is|are) \w+\s*$|^define\b|^explain\b"),
)


def classify(text: str, n_drugs: int) -> Rule | None:
    """The first rule matching the normalised question, or None."""
    for rule in RULES:
        if rule.needs_two and n_drugs < 2:
            continue
        if rule.pattern.search(text):
            return rule
    return None
