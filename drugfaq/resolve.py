"""Finding drugs, classes and topics by name, in a name or inside a free-text question."""

from __future__ import annotations

import re

from typing import NamedTuple

from drugfaq.errors import Ambiguous, NotFound
from drugfaq.names import normalize, singular
from drugfaq.store import NameHit, Store

MAX_WORDS = 200  # a question longer than this is read only this far
MAX_NGRAM = 6
ACCEPT = 86.0  # fuzzy score from which a misspelling is taken as that name
SUGGEST = 60.0  # fuzzy score from which a name alone is offered as "did you mean"
SUGGEST_IN_QUESTION = 70.0  # stricter inside a sentence, where ordinary words abound

# Function words: never a name on their own.
STOP = frozenset("""
a an the and or but if of to in on at by for from with is are was were be am do does did can could will would
should may might must i me my we you your he she it its they them this that what which who how not no yes
""".split())

# Everyday words that must never be taken for a misspelt name, however close a name is.
COMMON = STOP | frozenset("""
a an the and or but if of to in on at by for from with without about after before into over under than then
is are was were be been being am do does did done have has had can could will would should may might must
i me my we our you your he she it its they them their this that these those what which who whom whose when
where why how not no yes any all some more most much many few less other same such only own so too very just
take taking taken took use used using uses get got stop stopping start started work works working help helps
day days week weeks month months year years time times long soon hour hours night morning daily twice once
dose doses dosage dosing pill pills tablet tablets capsule capsules mg mcg ml drug drugs medicine medicines
medication medications effect effects side cause causes pain safe okay ok good bad best better normal
pregnant pregnancy breastfeeding baby alcohol drink drinking food eat eating water blood pressure sugar heart
high low cancer treatment therapy chemo chemotherapy patient patients doctor nurse pharmacist shot shots
injection injections vaccine cream gel patch spray drops eye eyes skin hair weight sleep body system
what's whats dont don't cant can't should'nt isn't wont won't im i'm ive i've also still again same different
lactose glucose fructose sucrose gluten caffeine vitamin vitamins
""".split())


class Mention(NamedTuple):
    kind: str  # drug | class | topic
    id: str
    text: str  # the words of the question that named it
    label: str  # the name it matched, as the knowledge writes it
    how: str  # generic | brand | biosimilar | alias | id | class | topic | fuzzy | ambiguous
    score: float  # 1.0 for an exact name; the fuzzy ratio / 100 otherwise
    start: int  # word position in the normalised question


def resolve_drug(store: Store, name: str) -> Mention:
    """The one entry a name means (drug first, then class, then topic); raise NotFound or Ambiguous."""
    key = normalize(name)
    if not key:
        raise NotFound(name)
    hits = store.lookup(_variants(key))
    for kind in ("drug", "class", "topic"):
        ids = sorted({h.id for h in hits if h.kind == kind})
        if len(ids) > 1:
            raise Ambiguous(name, _choices(store, ids) if kind == "drug" else ids)
        if ids:
            hit = next(h for h in hits if h.id == ids[0])
            return Mention(kind, hit.id, name, hit.label, hit.how, 1.0, 0)
    best, suggestions = _fuzzy(store, key)
    if best:
        return best
    raise NotFound(name, suggestions)


def find_mentions(store: Store, question: str) -> tuple[list[Mention], list[str]]:
    """Every drug, class and topic named in a question, in order, plus suggestions for near misses."""
    words = normalize(question).split()[:MAX_WORDS]
    spans: dict[str, list[tuple[int, int]]] = {}
    for n in range(1, MAX_NGRAM + 1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if n == 1 and (gram[0] in STOP or len(gram[0]) < 3 and not gram[0].isdigit()):
                continue
            keys = {" ".join(gram), " ".join(gram[:-1] + [singular(gram[-1])])}
            if 1 < n <= 3 and any(len(w) <= 2 for w in gram):
                keys.add("".join(gram))  # "b-12" and "5 fu" meet the squashed keys of "B12" and "5-FU"
            for key in keys:
                spans.setdefault(key, []).append((i, n))
    hits = store.lookup(spans)
    order = {"drug": 0, "topic": 1, "class": 2}
    found: list[tuple[int, int, NameHit]] = sorted(
        ((i, n, h) for h in hits for (i, n) in spans[h.key]),
        key=lambda t: (-t[1], order[t[2].kind], t[0]))
    shared: dict[tuple[int, int], list[NameHit]] = {}  # a span naming several drugs: a declared ambiguity
    for i, n, h in found:
        if h.kind == "drug" and all(o.id != h.id for o in shared.get((i, n), [])):
            shared.setdefault((i, n), []).append(h)
    taken = [False] * len(words)
    mentions: list[Mention] = []
    suggestions: list[str] = []
    for i, n, h in found:
        if any(taken[i : i + n]) or any(m.kind == h.kind and m.id == h.id for m in mentions):
            continue
        taken[i : i + n] = [True] * n
        how = h.how
        if h.kind == "drug" and len(shared[(i, n)]) > 1:
            how = "ambiguous"  # the asker must choose: offer every drug the name means
            suggestions += [c for c in _choices(store, sorted(o.id for o in shared[(i, n)])) if c not in suggestions]
        mentions.append(Mention(h.kind, h.id, " ".join(words[i : i + n]), h.label, how, 1.0, i))
    if not any(m.kind == "drug" for m in mentions):
        understood = bool(mentions)  # a class or topic was named: suggest nothing uncertain
        for i, w in enumerate(words):
            if taken[i] or w in COMMON or len(w) < 5 or w.isdigit() or store.known_word(w):
                continue  # ordinary words ("prevent") must not become a name they resemble ("PreviDent")
            best, near = _fuzzy(store, w, drugs_only=True, suggest=SUGGEST_IN_QUESTION)
            near = [] if understood else near
            if best:
                mentions.append(Mention(best.kind, best.id, w, best.label, "fuzzy", best.score, i))
                taken[i] = True
            else:
                suggestions += [s for s in near if s not in suggestions]
    mentions.sort(key=lambda m: m.start)
    return mentions, suggestions[:3]


def _choices(store: Store, ids: list[str]) -> list[str]:
    """How to offer drugs that share a name: the generic name with its brands, which people recognise."""
    out = []
    for drug_id in ids:
        d = store.drug(drug_id)
        out.append(f"{d.name} ({', '.join(d.brands[:3])})" if d and d.brands else d.name if d else drug_id)
    return out


def _variants(key: str) -> list[str]:
    words = key.split()
    return [key, key.replace(" ", ""), " ".join(words[:-1] + [singular(words[-1])])]


# Name stems that mark a drug family (USAN and common endings). Two names that share one and differ before it
# by two edits or more are two drugs of one family, not a slip of the keyboard: "norfloxacin" is not a misspelt
# "ofloxacin", nor "dexlansoprazole" a misspelt "lansoprazole", nor Dysport's "abobotulinumtoxinA" Botox.
FAMILY_STEMS = tuple(sorted("""
prazole conazole azole olol alol ilol pril sartan vastatin statin mab tinib cillin mycin micin floxacin oxacin
cycline gliflozin gliptin glitazone azepam azolam zosin dipine tidine triptan ciclovir vir parin xaban gatran lukast
dronate afil terol sone olone caine setron oxetine pramine triptyline apine peridol botulinumtoxina platin rubicin
taxel barbital profen fenac coxib semide thiazide gesterone lutamide trozole mustine fosfamide citabine trexate
tropium fungin quine rsen navir tegravir buvir previr vudine ximab zumab umab relin plase kinra cept
""".split(), key=len, reverse=True))


def _same_family_other_drug(typed: str, name: str) -> bool:
    """Do these look like two drugs of one family rather than one name and its misspelling?"""
    from rapidfuzz.distance import DamerauLevenshtein

    parts_t, parts_n = re.split(r"[\s/-]+", typed), re.split(r"[\s/-]+", name)
    if len(parts_t) != len(parts_n):
        return False
    for t, n in zip(parts_t, parts_n):
        short, long_ = sorted((t, n), key=len)
        if len(long_) - len(short) >= 2 and short in long_:
            return True  # a prefix or suffix added: dexchlorpheniramine, pegfilgrastim's cousins, mephenytoin
        stem = next((s for s in FAMILY_STEMS if t.endswith(s) and n.endswith(s)), "")
        pt, pn = (t[: -len(stem)], n[: -len(stem)]) if stem else ("", "")
        # a different start before a shared stem; "metropolol" (metrop|olol for metopr|olol) keeps its letters
        if stem and DamerauLevenshtein.distance(pt, pn) >= 2 and (len(pt) != len(pn) or pt[:1] != pn[:1]):
            return True
    return False


def _fuzzy(store: Store, key: str, drugs_only: bool = False, suggest: float = SUGGEST) -> tuple[Mention | None, list[str]]:
    """Closest names by edit similarity: a confident match, or up to three suggestions."""
    from rapidfuzz import fuzz, process  # only needed when exact lookup failed

    if len(key) < 4:
        return None, []
    cutoff = ACCEPT if len(key) >= 6 else 90.0
    scored = process.extract(key, store.all_keys(), scorer=fuzz.ratio, limit=8, score_cutoff=suggest)
    if not scored:
        return None, []
    hits = store.lookup([s[0] for s in scored])
    by_key: dict[str, list[NameHit]] = {}
    for h in hits:
        if not drugs_only or h.kind == "drug":
            by_key.setdefault(h.key, []).append(h)
    ranked = [(s[0], s[1], by_key[s[0]]) for s in scored if s[0] in by_key]
    if not ranked:
        return None, []
    top_key, top_score, top_hits = ranked[0]
    top_ids = {h.id for h in top_hits}
    rivals = [s for k, s, hs in ranked[1:] if {h.id for h in hs} - top_ids]
    clear = not rivals or top_score - rivals[0] >= 3
    suggestions: list[str] = []
    offered: set[str] = set()  # one suggestion per entry: not both "amoxicillin" and its alias "amoxycillin"
    for _, _, hs in ranked:
        if hs[0].id in offered:
            continue
        offered.add(hs[0].id)
        suggestions.append(hs[0].label)
    if (top_score >= cutoff and clear and len(top_ids) == 1 and key not in COMMON
            and not _same_family_other_drug(key, top_key)):
        h = top_hits[0]
        return Mention(h.kind, h.id, key, h.label, "fuzzy", round(top_score / 100, 3), 0), []
    return None, suggestions[:3]
