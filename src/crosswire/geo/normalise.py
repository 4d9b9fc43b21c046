"""Name normalisation for gazetteer look-ups.

Place names reach us in many spellings: "Ḥamāh", "Hamah", "Hama"; "Al-Bab", "al Bab", "Bab";
"Deir ez-Zor", "Dayr az Zawr". Three keys serve the look-up:

- `full_key`: casefolded, diacritics and apostrophes dropped, every non-alphanumeric run removed
  ("Al-Bab" -> "albab"). Two names with the same full key are the same string for our purposes.
- `index_key`: the full key with Arabic/Romance/English articles ("al", "el", "ad", "the", ...)
  dropped as separate tokens ("Al-Bab" -> "bab", "Jabal Zayn al-Abidin" -> "jabalzaynabidin").
  The name index is keyed on it; an exact full-key match ranks above an index-key-only match.
- `skeleton`: the index key with vowels, "h", "w" and "y" removed and doubled letters collapsed
  ("Zeinedin" -> "zndn"), a transliteration-tolerant key for fuzzy matching.
"""

from __future__ import annotations

import re
import unicodedata

ARTICLES = frozenset({
    "al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "adh", "ath", "ed", "er", "es", "et", "ez",
    "en", "the", "le", "la", "les", "l", "d",
})
_APOSTROPHES = re.compile(r"[\u2018\u2019\u201b\u02bb\u02bc\u02bf\u02be\u0060\u00b4']")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SKELETON_DROP = re.compile(r"[aeiouyhw]")
_DOUBLE = re.compile(r"(.)\1+")
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "œ": "oe",
                          "þ": "th", "ð": "d"})


def tokens(name: str) -> list[str]:
    """The name as lowercase ASCII word tokens, diacritics and apostrophes dropped."""
    text = _APOSTROPHES.sub("", name.casefold().translate(_SPECIAL))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return [t for t in _NON_ALNUM.split(text) if t]


def full_key(name: str) -> str:
    """The name's tokens joined without spaces ("Al-Bab" -> "albab")."""
    return "".join(tokens(name))


def content_tokens(name: str) -> list[str]:
    """Tokens without articles; keeps them when the name is nothing but articles."""
    toks = tokens(name)
    kept = [t for t in toks if t not in ARTICLES]
    return kept or toks


def index_key(name: str) -> str:
    """The key the name index uses: tokens without articles, joined ("Al-Bab" -> "bab")."""
    return "".join(content_tokens(name))


# An Arabic article written into the word it assimilates to ("Ezzor" = ez-Zor, "Arraqqa" = ar-Raqqa):
# a vowel, a sun letter doubled, then the word.
_GLUED_ARTICLE = re.compile(r"^[ae]([dnrstz])\1(?=[a-z]{2})")


def unglued_key(name: str) -> str | None:
    """The index key with an Arabic article glued to a later word split off ("Deir Ezzor" -> "deirzor",
    the key of "Deir ez-Zor"), or None when no later word starts with one. A fallback key: a name is
    looked up with it only when its own key finds nothing."""
    toks = content_tokens(name)
    split = [toks[0], *(_GLUED_ARTICLE.sub(r"\1", t) for t in toks[1:])] if toks else []
    key = "".join(split)
    return key if key != "".join(toks) else None


def skeleton(key: str) -> str:
    """A transliteration-tolerant consonant skeleton of an index key ("zeinedin" -> "zndn")."""
    if len(key) <= 2:
        return key
    head, rest = key[0], _SKELETON_DROP.sub("", key[1:])
    return _DOUBLE.sub(r"\1", head + rest)


def is_latin_name(name: str) -> bool:
    """True when the name is written in Latin script (after dropping diacritics) and has letters."""
    key = full_key(name)
    if not key or key.isdigit():
        return False
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(
        ("LATIN" in unicodedata.name(ch, "")) for ch in letters)
