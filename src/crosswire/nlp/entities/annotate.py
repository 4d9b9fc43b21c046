"""The `annotate` stage: sentences and named-entity mentions of one report.

Runs the shared spaCy pipeline (with the alias ruler and place rules from `ruler.py`) over
`Article.text`, fills `Article.sentences` and `Article.mentions`, and leaves the `Doc` at
the transient `article.doc` for later stages of the same run (the store never keeps it).

Each mention says where it came from (`model`, `ruler` for the alias table, `rule` for a place
cue) and, when the alias table knows the name, its canonical actor name and ACLED actor type.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...model import Article, Mention, Sentence
from ...names import CONTEXTUAL_PREFIX, Actor, AliasTable
from ...positions import SpanSet
from ..doc import doc_text, parse

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# Labels that name someone or somewhere; numbers and dates are left to the time and figure stages.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})


COUNTS_KEY = "crosswire.country_counts"  # a report's AliasTable.country_counts, kept on its Doc


def mention_source(span: Span, aliases: AliasTable | None) -> str:
    """`ruler` when an alias pattern matched, `rule` for a place cue, else `model`."""
    ent_id = span.ent_id_
    if ent_id.startswith("rule:"):
        return "rule"
    if ent_id and (aliases is None or ent_id.startswith(CONTEXTUAL_PREFIX) or ent_id in aliases.by_id):
        return "ruler"
    return "model"


def ruler_actor(span: Span, aliases: AliasTable) -> Actor | None:
    """The actor an alias pattern matched; a common-noun alias only in a report on its country."""
    ent_id = span.ent_id_
    if ent_id.startswith(CONTEXTUAL_PREFIX):
        counts = span.doc.user_data.get(COUNTS_KEY)
        if counts is None:  # once per report: doc.text is rebuilt from the tokens on every read
            counts = span.doc.user_data[COUNTS_KEY] = aliases.country_counts(doc_text(span.doc))
        return aliases.contextual_actor(ent_id[len(CONTEXTUAL_PREFIX):], "", counts)
    return aliases.by_id.get(ent_id)


def is_uncontextual(span: Span, aliases: AliasTable | None) -> bool:
    """A common-noun alias ("government forces") in a report that is not about its actor's country."""
    if not span.ent_id_.startswith(CONTEXTUAL_PREFIX):
        return False
    return aliases is None or ruler_actor(span, aliases) is None


def span_to_mention(span: Span, aliases: AliasTable | None) -> Mention:
    """One entity span to a `Mention`, with the curated actor when the table knows it."""
    source = mention_source(span, aliases)
    actor = None
    if aliases is not None:
        actor = ruler_actor(span, aliases) if source == "ruler" else None
        if actor is None and span.label_ in ("ORG", "PERSON", "NORP"):
            found = aliases.lookup(span.text, fuzzy=span.label_ == "PERSON")
            actor = found if found is not None and found.type in ("ORG", "PERSON", "NORP") else None
            if actor is not None and actor.type != span.label_ and span.label_ == "PERSON":
                actor = None  # a person's name that keys like an organisation's is not that organisation
    start, end = span.start_char, trimmed_end(span.text, span.start_char, span.end_char)
    return Mention(
        start=start, end=end, text=span.text[:end - start], label=span.label_, source=source,
        canonical=actor.canonical if actor else None, actor_type=actor.actor_type if actor else None,
    )


def trimmed_end(text: str, start: int, end: int) -> int:
    """End of a name without trailing spaces or a sentence's full stop (`Hama.` -> `Hama`; `U.S.` stays)."""
    stripped = text.rstrip()
    if stripped.endswith(".") and re.search(r"[^\W\d_]{3}\.$", stripped) and "." not in stripped[:-1].split()[-1]:
        stripped = stripped[:-1]
    return start + len(stripped) if stripped else end


def doc_sentences(doc: Doc) -> list[Sentence]:
    """Sentence spans, trimmed of surrounding whitespace; empty ones dropped."""
    out = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            out.append(Sentence(start, end))
    return out


def annotate_text(nlp: Language, text: str, aliases: AliasTable | None = None,
                  truecaser: Truecaser | None = None) -> tuple[list[Sentence], list[Mention], Doc]:
    """Sentences, name mentions and the spaCy `Doc` of one text.

    Lines written in capitals (headlines, datelines) are re-cased before the model sees them when
    a `truecaser` is given; the `Doc` then holds the re-cased text (same length, same offsets) and
    the mentions quote the original. Labels are made consistent across the text.
    """
    model_text = truecase_caps_lines(text, truecaser) if truecaser is not None else text
    doc = parse(nlp, model_text)
    mentions = [span_to_mention(ent, aliases) for ent in doc.ents
                if ent.label_ in NAME_LABELS and not is_uncontextual(ent, aliases)]
    if model_text is not text:
        for m in mentions:
            m.text = text[m.start:m.end]
    mentions = person_names_only(mentions, text, truecaser.words if truecaser is not None else frozenset())
    mentions = harmonise_labels([text], [mentions])[0]
    if aliases is not None:
        mentions = sorted(mentions + generic_actor_mentions(text, mentions, aliases),
                          key=lambda m: (m.start, m.end))
    return doc_sentences(doc), mentions, doc



# Day and month words a tagger runs into a byline's name ("Jane Roe Thu, 12/05/2024").
CALENDAR_WORDS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday "
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august "
    "september october november december".split())


def person_names_only(mentions: list[Mention], text: str, words: frozenset[str]) -> list[Mention]:
    """Person mentions cut to the name: a trailing day or month word dropped ("Jane Roe Thu" -> "Jane Roe"),
    and a single common English word opening a line (a headline's "Calm in the north") dropped."""
    out = []
    for m in mentions:
        if m.label == "PERSON":
            parts = m.text.split()
            while len(parts) > 1 and parts[-1].strip(".,").casefold() in CALENDAR_WORDS:
                parts.pop()
            if len(parts) < len(m.text.split()):
                m.end = m.start + m.text.index(parts[-1]) + len(parts[-1])
                m.text = text[m.start:m.end]
            line_start = m.start == 0 or text[m.start - 1] == "\n"
            if len(parts) == 1 and line_start and parts[0].casefold() in words:
                continue
        out.append(m)
    return out


class AnnotateStage:
    """Per-report stage: sentences and mentions from the shared spaCy pipeline."""

    name = "annotate"
    requires = ("text",)
    assigns = ("sentences", "mentions")

    def __init__(self, resources: Any) -> None:
        self.resources = resources
        self.truecaser: Truecaser | None = None  # built from the model on first use

    def __call__(self, article: Article) -> Article:
        nlp = self.resources.annotating_nlp
        if self.truecaser is None:
            self.truecaser = Truecaser.from_nlp(nlp)
        sentences, mentions, doc = annotate_text(nlp, article.text, self.resources.aliases, self.truecaser)
        article.sentences = sentences
        article.mentions = mentions
        article.doc = doc
        return article


# --- headlines in capitals ------------------------------------------------------------------

def is_caps_line(text: str) -> bool:
    """A headline or dateline in capitals: at least 3 letters, 80% of them upper case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def case_votes(text: str) -> dict[str, str]:
    """How each word is written in the mixed-case parts of a text, not counting sentence starts."""
    counts: dict[str, dict[str, int]] = {}
    for line in text.splitlines():
        if is_caps_line(line):
            continue
        for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b[^\W\d_][\w'-]*", line):
            word = m.group()
            forms = counts.setdefault(word.casefold(), {})
            forms[word] = forms.get(word, 0) + 1
    return {k: max(sorted(v), key=v.__getitem__) for k, v in counts.items()}


FUNCTION_WORDS = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be been has have had "
    "it its this that these those into over after before vs v not no".split())


@dataclass(frozen=True)
class Truecaser:
    """Re-cases words written in capitals, using how the text itself writes them elsewhere.

    `words` is a list of lower-case English words (from the spaCy lemmatizer's tables): a short
    capitals word not in it is kept as an acronym (UN, HTS). With `lower_common`, an unseen common
    word goes to lower case (sentence case); otherwise every unseen word is Title-cased.
    """

    words: frozenset[str] = frozenset()
    lower_common: bool = False

    @classmethod
    def from_nlp(cls, nlp: Language, lower_common: bool = False) -> Truecaser:
        """A truecaser with the English word list of `nlp`'s lemmatizer (empty if it has none)."""
        from .ruler import english_words

        return cls(english_words(nlp), lower_common)

    def word(self, word: str, votes: dict[str, str]) -> str:
        """One capitals word re-cased; the length never changes."""
        folded = word.casefold()
        seen = votes.get(folded)
        if seen is not None and len(seen) == len(word):
            return seen
        if folded in FUNCTION_WORDS:
            return word.lower()
        if len(word) <= 4 and folded not in self.words:
            return word  # likely an acronym: UN, HTS, SDF
        if self.lower_common and folded in self.words:
            return word.lower()
        titled = word[:1].upper() + word[1:].lower()
        return titled if len(titled) == len(word) else word


def truecase_caps_lines(text: str, truecaser: Truecaser, votes: dict[str, str] | None = None) -> str:
    """The text with lines in capitals re-cased word by word; the length never changes."""
    if votes is None:
        votes = case_votes(text)
    lines = text.split("\n")
    out = []
    for line in lines:
        if is_caps_line(line):
            line = re.sub(r"[^\W\d_][\w'-]*", lambda m: truecaser.word(m.group(), votes), line)
        out.append(line)
    fixed = "\n".join(out)
    return fixed if len(fixed) == len(text) else text


# --- one label per name across a document ------------------------------------------------------

def _label_votes(mentions: list[list[Mention]]) -> dict[str, str]:
    """The label each mention string gets most often; a ruler or rule label outvotes the model."""
    votes: dict[str, dict[str, int]] = {}
    for group in mentions:
        for m in group:
            weight = 1 if m.source == "model" else 100
            labels = votes.setdefault(m.text, {})
            labels[m.label] = labels.get(m.label, 0) + weight
    return {text: max(sorted(c), key=c.__getitem__) for text, c in votes.items()}


def _person_short_forms(mentions: list[list[Mention]]) -> set[str]:
    """Last names of multi-word PERSON mentions: `Phil Simmons` makes `Simmons` a person."""
    out = set()
    for group in mentions:
        for m in group:
            parts = m.text.split()
            if m.label == "PERSON" and len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-1][:1].isupper():
                out.add(parts[-1])
    return out


def _unlabelled_occurrences(text: str, name: str, taken: list[Mention] | SpanSet,
                            words: dict[str, list[int]] | None = None) -> list[tuple[int, int]]:
    """Whole-word occurrences of `name` in `text` that no mention overlaps. With `words` (the text's
    `word_starts`), only the places where the name's first word stands are looked at."""
    spans = []
    taken_set = taken if isinstance(taken, SpanSet) else SpanSet(taken)
    for start, end in _occurrences(text, name, words):
        if not taken_set.overlaps(start, end):
            spans.append((start, end))
    return spans


_WORD = re.compile(r"[\w-]+")


def word_starts(text: str) -> dict[str, list[int]]:
    """Where each word (a run of word characters and hyphens) starts in `text`, in order."""
    found: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        found.setdefault(m.group(), []).append(m.start())
    return found


def _occurrences(text: str, name: str, words: dict[str, list[int]] | None) -> list[tuple[int, int]]:
    """The spans `re.finditer` finds for `name` as a whole word (not inside a longer word or hyphened
    name), left to right without overlaps. A whole-word name that opens with a word character starts
    where a word starts and that word is the name's first one, so `words` leads straight to them
    instead of a scan of the whole text for each name."""
    first = _WORD.match(name)
    if words is None or first is None:
        return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    out: list[tuple[int, int]] = []
    for start in words.get(first.group(), ()):
        end = start + len(name)
        if out and start < out[-1][1] or not text.startswith(name, start) \
                or end < len(text) and _WORD.match(text[end]):
            continue
        out.append((start, end))
    return out


def harmonise_labels(texts: list[str], mentions: list[list[Mention]]) -> list[list[Mention]]:
    """Give each name one label across a document, and label its unlabelled repeats.

    `texts` are the document's parts (sentences, or one whole text) and `mentions` their mentions.
    A name labelled ORG four times and GPE once becomes ORG everywhere; a capitalised name the
    document labels somewhere is labelled where the model missed it; a person's last name alone
    is that person.
    """
    votes = _label_votes(mentions)
    persons = _person_short_forms(mentions)
    for name in persons:
        votes[name] = "PERSON"
    out: list[list[Mention]] = []
    for text, group in zip(texts, mentions, strict=True):
        fixed = [_relabelled(m, votes) for m in group]
        taken, words = SpanSet(fixed), word_starts(text)
        for name, label in sorted(votes.items()):
            if len(name) < 3 or not name[:1].isupper():
                continue
            for start, end in _unlabelled_occurrences(text, name, taken, words):
                fixed.append(Mention(start, end, name, label, source="rule"))
                taken.add(start, end)
        out.append(sorted(fixed, key=lambda m: (m.start, m.end)))
    return out


def _relabelled(m: Mention, votes: dict[str, str]) -> Mention:
    """The mention with the document's label for its text (model guesses only)."""
    label = votes.get(m.text, m.label)
    if m.source != "model" or label == m.label:
        return m
    return Mention(m.start, m.end, m.text, label, source=m.source, canonical=m.canonical,
                   actor_type=m.actor_type)


# --- generic actors: protesters, police, unidentified gunmen ----------------------------------

@dataclass(frozen=True)
class GenericActor:
    """A common-noun actor ACLED codes by the country: `name` has `{c}` for the country's name."""

    pattern: str
    label: str
    actor_type: str
    name: str


GENERIC_ACTORS = (
    GenericActor(r"protesters|protestors|demonstrators", "NORP", "Protesters", "Protesters ({c})"),
    GenericActor(r"rioters", "NORP", "Rioters", "Rioters ({c})"),
    GenericActor(r"civilians|villagers", "NORP", "Civilians", "Civilians ({c})"),
    GenericActor(r"(?:unidentified|unknown) (?:gunmen|assailants|attackers|armed men)|gunmen|armed men",
                 "ORG", "Political militia", "Unidentified Armed Group ({c})"),
    GenericActor(r"(?:riot )?police(?: forces| officers)?|policemen", "ORG", "State forces",
                 "Police Forces of {c}"),
    GenericActor(r"security forces|government (?:forces|troops)|the (?:army|military)|army|soldiers|troops",
                 "ORG", "State forces", "Military Forces of {c}"),
)


def report_country(text: str, aliases: AliasTable) -> str | None:
    """The country a report names most often (its name or adjective); None when none, or when
    another country is named nearly as often (a foreign backer must not become the home army)."""
    counts = stem_counts(text, {name: country_stem(name) for name in aliases.country_names.values() if len(name) >= 4})
    ranked = sorted(((n, name) for name, n in counts.items() if n), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] < 1.5 * ranked[1][0]):
        return None
    return ranked[0][1]


_WORD_START = re.compile(r"\b\w")


def stem_counts(text: str, stems: Mapping[str, str]) -> dict[str, int]:
    """How often each stem opens a word of `text` (`len(re.findall(rf"\\b{stem}", text))` per name), in one
    pass over the words instead of one pass over the text per country."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    counts = dict.fromkeys(stems, 0)
    for name, stem in stems.items():
        if stem[:1].isalnum():
            by_first.setdefault(stem[0], []).append((name, stem))
        else:  # a stem opening with no word character: \b means something else before it
            counts[name] = len(re.findall(rf"\b{re.escape(stem)}", text))
    next_free = dict.fromkeys(stems, 0)  # findall's matches never overlap
    for match in _WORD_START.finditer(text):
        at = match.start()
        for name, stem in by_first.get(text[at], ()):
            if at >= next_free[name] and text.startswith(stem, at):
                counts[name] += 1
                next_free[name] = at + len(stem)
    return counts


def country_stem(name: str) -> str:
    """`Syria` -> `Syri` (covers Syrian), `Turkey` -> `Turk` (Turkish), `Iraq` stays."""
    return re.sub(r"(?:ey|ia|a|y|e)$", "", name) if len(name) > 5 else name


def adjective_country(word: str, aliases: AliasTable) -> str | None:
    """The country a nationality adjective ("Syrian", "Turkish") names, if any."""
    stems = sorted(((country_stem(n), n) for n in aliases.country_names.values() if len(n) >= 4),
                   key=lambda p: -len(p[0]))
    return next((name for stem, name in stems if word.startswith(stem) and word != name), None)


def generic_actor_mentions(text: str, taken: list[Mention], aliases: AliasTable) -> list[Mention]:
    """Mentions of generic actors (source `rule`) that no other mention overlaps.

    The canonical ACLED-style name needs the country: from a nationality word just before
    ("Syrian police"), else the country the report names most; None when unknown.
    """
    home = report_country(text, aliases)
    counts = aliases.country_counts(text)
    out: list[Mention] = []
    occupied = SpanSet(taken)
    for actor in GENERIC_ACTORS:
        for m in re.finditer(rf"(?<![\w-])(?:{actor.pattern})(?![\w-])", text, re.IGNORECASE):
            start, end = m.span()
            if not text[start:end].islower() and not text[start:end].istitle():
                continue
            if occupied.overlaps(start, end):
                continue
            occupied.add(start, end)
            adjective = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 30):start])
            country = adjective_country(adjective.group(1), aliases) if adjective else home
            out.append(Mention(start, end, text[start:end], actor.label, source="rule",
                               canonical=generic_name(actor, country, counts, aliases),
                               actor_type=actor.actor_type))
    return out


def generic_name(actor: GenericActor, country: str | None, counts: Mapping[str, int],
                 aliases: AliasTable) -> str | None:
    """The ACLED-style name of a generic actor in `country`; the table's own name for that
    country's army when it has one ("Military Forces of Syria (2000-2024)")."""
    if country is None:
        return None
    name = actor.name.format(c=country)
    if name.startswith("Military Forces of "):
        army = aliases.contextual_actor("government forces", "", counts)
        if army is not None and aliases.country_names.get(army.country or "") == country:
            return army.canonical
    return name
