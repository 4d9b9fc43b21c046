"""Transliteration-aware name keys.

Names from Arabic (and other scripts) reach English, French and Portuguese copy spelled many
ways: Golani / Jolani / Jawlani, Hasan Abdelghani / Hassan Abdel Ghani, Hay'at / Hayat,
al-Sham / el-Sham. `name_key` folds such a name to one key so that spellings of the same name
collide while different names stay apart. The folding is general (articles, vowels, doubled
letters, g/j, ou/u, diacritics), never a list of particular names.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'\u2018\u2019\u02bc\u02bf\u02be`\u00b4"
_ARTICLES = {"al", "el", "ul", "as", "ad", "ar", "an", "at", "az", "ash", "ath", "ad-", "l"}
_SUN_ARTICLES = ("al", "el")
# Titles and ranks reporters put before a name: dropped from the key ("Lt Gen Ryder" -> "Ryder").
_TITLES = {"mr", "mrs", "ms", "dr", "gen", "general", "lt", "col", "colonel", "maj", "major", "capt",
           "captain", "sgt", "brig", "president", "pm", "minister", "sheikh", "shaikh", "cheikh", "emir",
           "king", "prince", "imam", "rev", "sir", "lord", "m", "mme", "sr", "sra", "presidente"}


def strip_diacritics(text: str) -> str:
    """`Observatoire syrien des droits de l'homme` keeps its letters; accents go."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(name: str) -> list[str]:
    """Lower-cased word pieces, split on spaces and hyphens, apostrophes dropped."""
    text = strip_diacritics(name).casefold()
    text = re.sub(f"[{_APOSTROPHES}]", "", text)
    return [t for t in re.split(r"[^0-9a-z]+", text) if t]


def _join_particles(tokens: list[str]) -> list[str]:
    """Drop Arabic articles (al-, el-) and glue `abd`/`abdel`/`abu` to the next piece.

    `Abdel Ghani`, `Abd al-Ghani` and `Abdelghani` all become `abdghani`; `Abu Mohammed` stays
    a separate `abu` piece, because it is a kunya that reporters drop or keep.
    """
    out: list[str] = []
    glue = ""
    while len(tokens) > 1 and tokens[0] in _TITLES:
        tokens = tokens[1:]
    for tok in tokens:
        if tok in _ARTICLES:
            continue
        if tok in ("abd", "abdel", "abdul", "abdal", "abdoul", "abdil"):
            glue = "abd"
            continue
        for art in _SUN_ARTICLES:  # `alsham` written as one word is rare; `abdelghani` is common
            if glue == "" and tok.startswith("abd" + art) and len(tok) > 6:
                tok = "abd" + tok[3 + len(art):]
        if tok.startswith("abdul") and len(tok) > 6:
            tok = "abd" + tok[5:]
        out.append(glue + tok)
        glue = ""
    if glue:
        out.append(glue)
    return out


_CONSONANT_FOLDS = (
    ("dj", "j"), ("dh", "d"), ("kh", "k"), ("gh", "g"), ("ph", "f"), ("th", "t"),
    ("sch", "sh"), ("tch", "ch"), ("ch", "sh"), ("q", "k"), ("c", "k"), ("w", "u"), ("y", "i"),
)


def _fold_piece(piece: str) -> str:
    """One word to its skeleton: consonant classes folded, vowels collapsed, doubles removed."""
    p = piece
    for src, dst in _CONSONANT_FOLDS:
        p = p.replace(src, dst)
    p = p.replace("ou", "u").replace("j", "g")
    p = p.replace("z", "s")
    p = re.sub(r"[aeiou]+", "a", p)
    p = re.sub(r"(.)\1+", r"\1", p)
    if len(p) > 4 and p.endswith("ah"):
        p = p[:-1]  # final -ah/-eh (ta marbuta): Hamah/Hama
    if len(p) > 2:
        p = p.rstrip("a") or p  # final vowel: Hama/Ham, Jawlani/Golani
    return p


def name_key(name: str) -> str:
    """A key that spellings of one transliterated name share.

    >>> name_key("Abu Mohammed al-Golani") == name_key("Abu Muhammad al-Jolani")
    True
    >>> name_key("Hasan Abdelghani") == name_key("Hassan Abdel Ghani")
    True
    """
    pieces = _join_particles(_tokens(name))
    return " ".join(_fold_piece(p) for p in pieces)


def loose_name_key(name: str) -> str:
    """`name_key` without the vowels inside words (Dagalo / Daglo), for full names only.

    Empty for a name of one piece or a short one: without vowels, short names collide too often.
    """
    pieces = name_key(name).split(" ")
    loose = [p[:1] + re.sub("a", "", p[1:]) for p in pieces]
    return " ".join(loose) if len(pieces) >= 2 and sum(map(len, loose)) >= 8 else ""


def surname_key(name: str) -> str:
    """The key of a person's last name piece: `Ahmed al-Sharaa` -> key of `Sharaa`."""
    key = name_key(name)
    return key.split(" ")[-1] if key else ""


def acronym(name: str) -> str:
    """Initials of the content words: `Syrian Observatory for Human Rights` -> `SOHR`."""
    stop = {"of", "for", "the", "and", "in", "de", "des", "du", "la", "le", "l", "d", "et", "al", "el"}
    words = re.split(f"[\\s\\-{_APOSTROPHES}]+", strip_diacritics(name))
    initials = [w[0] for w in words if w and w.casefold() not in stop and w[0].isalpha()]
    return "".join(initials).upper()
