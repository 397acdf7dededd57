"""How names and questions are normalised, so that index and lookup agree."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_NON_WORD = re.compile(r"[^a-z0-9+/']+")
_POSSESSIVE = re.compile(r"'s\b|'")


def normalize(text: str) -> str:
    """Lower-case words separated by single spaces: "Herceptin's" -> "herceptin", "5-FU" -> "5 fu"."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    text = _POSSESSIVE.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def squash(key: str) -> str:
    """The key without spaces, so "t dm1", "tdm1" and "T-DM1" meet."""
    return key.replace(" ", "")


def singular(word: str) -> str:
    """A cautious singular for class words: statins -> statin, benzodiazepines -> benzodiazepine."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if 3 < len(word) <= 6 and word.endswith("is"):
        return word[:-1]  # abbreviations: ssris -> ssri, ppis -> ppi, tkis -> tki (long words: analysis, cannabis)
    return word


def keys_for(name: str) -> set[str]:
    """Every index key a name is found by."""
    key = normalize(name)
    if not key:
        return set()
    keys = {key, squash(key)}
    words = key.split()
    keys.add(" ".join(words[:-1] + [singular(words[-1])]))
    return keys
