"""Where an event happened: the place an event mention takes from the places stage.

Kept apart from the typing rules in `stage.py`: choosing among the resolved places of a sentence
(and of the report) is a geography question, measured by the ACLED task's `loc25_acc`. Besides how
specific a place is, the choice weighs whether it agrees with the rest of the report (its country, the
unit named as containing it) and where it stands in the sentence ("in X" over a bare name; "towards X"
is a destination, not the scene).
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from ...geo.distance import haversine_km
from ...geo.types import Candidate, GazetteerLike
from ...model import Article, Place

# Below this the resolver only found a doubtful typo match ("Kondengui" for "Kompienga"): a place it
# resolved outright in the same sentence, even a province, is the safer point.
DOUBTFUL_CONFIDENCE = 0.5


def place_rank(place: Place) -> int:
    """0 for towns and districts, 1 for provinces, 2 for doubtful typo matches, 3 for countries and the rest."""
    return 2 if place.confidence < DOUBTFUL_CONFIDENCE else kind_rank(place)


def kind_rank(place: Place) -> int:
    """0 for towns and districts, 1 for provinces, 3 for countries and the rest, however sure the match."""
    code = place.feature_code or ""
    if code.startswith("P") or code.endswith(("ADM2", "ADM3")):
        return 0
    return 1 if "ADM1" in code else 3


# "the Britain-based monitor", "a London-headquartered charity", "an NGO based in Britain": the place
# is where an organisation sits, said to describe it, never where the event of the sentence happened.
_HOME_AFTER = re.compile(r"\s*-\s*(?:based|headquartered)\b", re.IGNORECASE)
_ORGANISATION_NOUNS = ("NGO", "group", "monitor", "organi[sz]ation", "observatory", "charity", "agency",
                       "watchdog", "institute", "foundation", "company", "firm", "outlet", "newspaper",
                       "broadcaster", "network", "centre", "center", "body", "office")
_HOME_BEFORE = re.compile(r"\b(?:" + "|".join(_ORGANISATION_NOUNS) + r")s?,?\s+(?:(?:which|that) (?:is|are)\s+)?"
                          r"(?:based|headquartered)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


# "Kinshasa's army", "Moscow's forces": a place named as the owner of a force stands for its state, and is
# not where the force's act happened.
_OWNER_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:army|armies|forces|troops|military|soldiers|militias?"
                          r"|government|regime|police|allies|air force|navy|warplanes|jets)\b", re.IGNORECASE)


def is_organisation_home(text: str, place: Place) -> bool:
    """True when the place's name is the first half of an "X-based" / "X-headquartered" modifier, follows
    "based in" / "headquartered in" after an organisation noun ("an NGO based in X"), or owns a force
    ("X's army")."""
    return bool(_HOME_AFTER.match(text, place.end) or _OWNER_AFTER.match(text, place.end)
                or _HOME_BEFORE.search(text[max(0, place.start - 60):place.start]))


# "forced the truck back in the direction of X", "convoy bound for X": X is where someone was going, not
# where the event happened.
_DESTINATION_BEFORE = re.compile(r"\b(?:in the direction of|towards?|bound for|headed (?:to|for)|heading (?:to|for)"
                                 r"|en route to|on (?:its|their|his|her) way to)\s+(?:the\s+)?$", re.IGNORECASE)


def is_destination(text: str, place: Place) -> bool:
    """True when the place is named as where someone was heading ("in the direction of X", "towards X")."""
    return bool(_DESTINATION_BEFORE.search(text[max(0, place.start - 40):place.start]))


# "in X", "near the town of X", "outside X": the place is where something is said to be or happen. A bare
# name ("X cocktails", "X police said") is weaker evidence of the event's place than such an object.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|around|across|within)\s+(?:the\s+)?"
                              r"(?:(?:town|city|village|district|province|area|region|locality)\s+of\s+)?$",
                              re.IGNORECASE)


def is_locative_object(text: str, place: Place) -> bool:
    """True when a locative preposition governs the place's name ("in X", "near the village of X")."""
    return bool(_LOCATIVE_BEFORE.search(text[max(0, place.start - 40):place.start]))


# "X, Y", "X (Y", "the X area of Y", "X forest in Y", "X town, Y": a place followed at once by the place it
# lies in.
# "X Zay ward, Y": up to two words saying what X is may stand before the comma, and the rest of a hyphened name
# ("X-e Zay district, Y" with only X resolved). "X village near Y town": Y names where X lies just as well.
_QUALIFIER_GAP = re.compile(r"(?:-\w+)?(?:\s+[\w-]+){0,2}\s*[,(]\s*\(?|[\s,(]*(?:(?:[\w-]+\s+){0,3}(?:of|in|near)\s+)?(?:the\s+)?",
                            re.IGNORECASE)
_QUALIFIER_REACH = 40  # characters between a place and the broader place qualifying it


def qualifier_of(places: list[Place], text: str, i: int) -> Place | None:
    """The resolved place that names where place i lies ("Lakeside, Northland"), if one follows it at once."""
    return ReportPlaces(places, text).qualifier(i)


def disagrees_with_qualifier(places: list[Place], text: str, i: int, country: str | None = None,
                             gazetteer: GazetteerLike | None = None) -> bool:
    """True when place i was resolved, less surely than the place said to contain it, outside that place's
    country or province: a homonym or typo match elsewhere ("Lakeside, Northland" resolved to a Lakeside in
    another province). When the container is the weaker match, it is the one more likely wrong, and so is a
    container that itself disagrees with the unit named after it ("El Baul, Girardot, Cojedes" with a
    Girardot found in another state) or outside the country the report agrees on (`country`). A container
    confirmed by the unit named after it ("Kerrow quarter of Lakeside, Northland") overrules a place lying
    more than `NEIGHBOUR_KM` away in another province even when it is no surer. With a
    `gazetteer`, a province named like the container that holds place i settles it ("Ivankiv, Kyiv": Kyiv the
    city and Kyiv the oblast)."""
    return ReportPlaces(places, text, gazetteer).disagrees(i, country)


# How much surer one resolution must be to overrule another: two matches a hundredth apart ("Lakeside,
# Kerrow de Morrow" with a town Kerrow found for the department) are equally sure, and so are two countries'
# votes of one place each.
OUTRANK_MARGIN = 0.05
# Places closer than this may lie on either side of a provincial border (or carry another source's province
# code): a container confirmed by its own unit but no surer overrules a place in another province beyond it.
NEIGHBOUR_KM = 50


def _outranks(outer: Place | None, here: Place, corroborated: bool = False) -> bool:
    """True when `outer`, named as containing `here`, is the surer match and lies in another country or
    province: surer by `OUTRANK_MARGIN`, or, when `corroborated` by the unit named after it, surer at all or
    more than `NEIGHBOUR_KM` away."""
    if outer is None or not here.country or not outer.country:
        return False
    surer = outer.confidence > here.confidence + OUTRANK_MARGIN
    if corroborated:
        surer = surer or outer.confidence > here.confidence or _km_apart(here, outer) > NEIGHBOUR_KM
    if not surer:
        return False
    if here.country != outer.country:
        return True
    return bool(here.admin1 and outer.admin1 and here.admin1 != outer.admin1)


def _km_apart(a: Place, b: Place) -> float:
    """Great-circle distance between two resolved places, in km (infinite when one has no point)."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return float("inf")
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def agrees_with_qualifier(places: list[Place], text: str, i: int) -> bool:
    """True when place i lies in the province of the place said to contain it ("Kerow (Kerrow
    district, Northland)"): a weak spelling match that its enclosing unit confirms is no longer doubtful."""
    return ReportPlaces(places, text).agrees(i)


# "Iran-backed militias", "a Russia-led coalition": the country is a party to the event, named to describe an
# actor. "fighters linked to Iran", "a truce brokered by Russia", "the army relied on Russia": the same, after.
_PARTY_AFTER = re.compile(r"\s*-\s*(?:backed|linked|led|allied|aligned|affiliated|supported|sponsored|funded"
                          r"|armed|trained)\b", re.IGNORECASE)
_PARTY_BEFORE = re.compile(r"\b(?:linked|tied|allied|aligned|affiliated|loyal|close)\s+(?:to|with)\s+(?:the\s+)?$"
                           r"|\b(?:backed|supported|led|brokered|mediated|sponsored|armed|funded|trained|helped)\s+by"
                           r"\s+(?:the\s+)?$|\brel(?:y|ies|ied|ying)\s+on\s+(?:the\s+)?$", re.IGNORECASE)


def is_named_party(text: str, place: Place, report_country: str | None) -> bool:
    """True when a country is named as a party to the event, not as where it happened: as the first half
    of "X-backed" / "X-linked", after "linked to" / "backed by", or, in a report whose places agree on
    another country, anywhere but after a locative preposition ("relied on Russia", "Russia said")."""
    if not (place.feature_code or "").startswith("A.PCL"):
        return False
    if _PARTY_AFTER.match(text, place.end) or _PARTY_BEFORE.search(text[max(0, place.start - 40):place.start]):
        return True
    return bool(report_country and place.country and place.country != report_country
                and not is_locative_object(text, place))


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")


def named_parties(places: list[Place], text: str, report_country: str | None) -> set[int]:
    """Indices of the countries named as parties; a country listed right after one ("relied on Russia,
    Iran and ...") is one too."""
    parties: set[int] = set()
    order = sorted(range(len(places)), key=lambda i: places[i].start)
    for before, i in zip([None, *order], order, strict=False):
        if is_named_party(text, places[i], report_country):
            parties.add(i)
        elif before in parties and (places[i].feature_code or "").startswith("A.PCL") \
                and _LIST_GAP.fullmatch(text, places[before].end, places[i].start):
            parties.add(i)
    return parties


# Only sure resolutions vote on the report's country: a weak match (a word taken for a village abroad) is
# the kind of error the vote is there to catch.
SURE_CONFIDENCE = 0.8


# "..., Northland" / "... (Northland": a unit named after another name, where it says where that lies.
_AFTER_NAME = re.compile(r"\w[,(]\s*\(?$")


def report_country(places: list[Place], text: str) -> str | None:
    """The country the report's sure resolutions agree on: holding more than half of their summed confidence
    and vouched for by two of them, or by one that stands where a place is expected: a province or country,
    the object of "in" / "near", or the unit named after another place ("X, Northland"). A bare name
    ("X cocktails") alone is no consensus; without a clear majority (a report about two countries) None."""
    return ReportPlaces(places, text).country


def report_province(places: list[Place], country: str | None) -> str | None:
    """The province (admin1) of the report's country that two or more sure resolutions share and that
    holds more than half of their summed confidence; None without one. A weak match elsewhere ("Kerrow
    slums" matched to a Kerow in another state of a report about Lakeside, Northland) is likely a homonym."""
    votes: dict[str, float] = {}
    counts: dict[str, int] = {}
    for p in places:
        if p.lat is not None and country and p.country == country and p.admin1 and p.confidence >= SURE_CONFIDENCE:
            votes[p.admin1] = votes.get(p.admin1, 0.0) + p.confidence
            counts[p.admin1] = counts.get(p.admin1, 0) + 1
    if not votes:
        return None
    province, vote = max(votes.items(), key=lambda kv: kv[1])
    return province if counts[province] >= 2 and vote > sum(votes.values()) - vote else None


# "withdrew from the city", "shelled the town": a definite place noun naming no place points back at the
# settlement (or province) the text named last. Only a place named shortly before counts (`_ANAPHOR_REACH`
# characters, about two sentences); further back, the report's own place is the safer guess.
_ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:(?P<town>city|town|village|locality|neighbou?rhood|district)"
                      r"|(?P<province>province|governorate|region|state))\b(?!\s+of\b)", re.IGNORECASE)
_ANAPHOR_REACH = 400
# "fighters from X", "a campaign based out of X": where someone came from is no antecedent of "the town".
_ORIGIN_BEFORE = re.compile(r"\b(?:from|out of|based in)\s+(?:the\s+)?$", re.IGNORECASE)


def _fits_anaphor(place: Place, kind: str) -> bool:
    """True when the place is of the kind the definite noun names: a settlement or district for "the city",
    a first-level unit for "the province"."""
    rank = kind_rank(place)
    return rank == 0 if kind == "town" else rank == 1


def place_for(article: Article, start: int, end: int, gazetteer: GazetteerLike | None = None,
              report: ReportPlaces | None = None) -> int | None:
    """Index of the most specific resolved place in [start, end), else the report's main place.
    An organisation's home ("the Britain-based Observatory") is neither; a destination ("towards X") and a
    country named as a party ("Iran-backed", "linked to Iran") are not taken from the window. A place resolved
    outside the country the report agrees on, a weak match outside the province it agrees on, or a place outside
    the place named as containing it (any province of that name, when a `gazetteer` is given), ranks with
    doubtful matches: after any consistent town or province. `report` is the article's `ReportPlaces` when
    the caller chooses places for many events of one report (built here when not given)."""
    if report is None or not report.serves(article, gazetteer):
        report = ReportPlaces(article.places, article.text, gazetteer)
    return report.place_for(start, end)


class ReportPlaces:
    """One report's resolved places with what `place_for` weighs about them as a whole, worked out once.

    Choosing an event's place weighs the report's country and province, the places named as containing
    others, organisations' homes, destinations and named parties: properties of the whole report, the
    same for every event. Computed again for each event they made the events stage quadratic (cubic with
    the qualifier checks) in the report's length; here each is computed once, on first use, and places
    are found by position with a sorted index, so the choice is the same as the one-off functions give.
    """

    def __init__(self, places: list[Place], text: str, gazetteer: GazetteerLike | None = None) -> None:
        self.places, self.text, self.gazetteer = places, text, gazetteer
        self._position = {id(p): i for i, p in enumerate(places)}
        resolved = sorted((p.start, i) for i, p in enumerate(places) if p.lat is not None)
        self._resolved_starts, self._resolved = [s for s, _ in resolved], [i for _, i in resolved]
        self._qualifiers: dict[int, Place | None] = {}
        self._ranks: dict[int, tuple[int, bool, int]] = {}

    def serves(self, article: Article, gazetteer: GazetteerLike | None) -> bool:
        """True when these are the very places, text and gazetteer of `article`'s place choice."""
        return self.places is article.places and self.text is article.text and self.gazetteer is gazetteer

    def qualifier(self, i: int) -> Place | None:
        """`qualifier_of`: the resolved place starting first within `_QUALIFIER_REACH` after place i ends
        (the earliest in the list among those starting there), when only a qualifier's gap lies between."""
        if i not in self._qualifiers:
            here = self.places[i]
            at = bisect.bisect_left(self._resolved_starts, here.end)
            nearest = None
            if at < len(self._resolved) and self._resolved_starts[at] <= here.end + _QUALIFIER_REACH:
                nearest = self.places[self._resolved[at]]
            gap = nearest is not None and _QUALIFIER_GAP.fullmatch(self.text, here.end, nearest.start)
            self._qualifiers[i] = nearest if gap else None
        return self._qualifiers[i]

    def index_of(self, place: Place) -> int:
        """The position of one of these places (the very object, so equal copies never mix up)."""
        return self._position[id(place)]

    def agrees(self, i: int) -> bool:
        """`agrees_with_qualifier`."""
        outer, here = self.qualifier(i), self.places[i]
        return bool(outer is not None and here.country and here.admin1 and here.country == outer.country
                    and here.admin1 == outer.admin1)

    def disagrees(self, i: int, country: str | None = None) -> bool:
        """`disagrees_with_qualifier`, with this report's gazetteer."""
        outer, here = self.qualifier(i), self.places[i]
        if outer is None or country and outer.country != country:
            return False
        corroborated = self.agrees(self.index_of(outer))
        if not _outranks(outer, here, corroborated):
            return False
        if self.gazetteer is not None and any(c.code == "ADM1" and c.cc == here.country and c.admin1 == here.admin1
                                              for c in self.gazetteer.lookup(outer.text)):
            return False
        return not _outranks(self.qualifier(self.index_of(outer)), outer)

    @cached_property
    def country(self) -> str | None:
        """`report_country`: the country the report's sure resolutions agree on, else None."""
        places, text = self.places, self.text
        sure = [i for i, p in enumerate(places) if p.lat is not None and p.country and p.confidence >= SURE_CONFIDENCE]
        votes: dict[str, float] = {}
        counts: dict[str, int] = {}
        for i in sure:
            votes[places[i].country] = votes.get(places[i].country, 0.0) + places[i].confidence
            counts[places[i].country] = counts.get(places[i].country, 0) + 1
        qualifiers = {id(q) for j in range(len(places)) if (q := self.qualifier(j)) is not None}
        placed_well = {places[i].country for i in sure if (places[i].feature_code or "").startswith("A.")
                       or is_locative_object(text, places[i]) or id(places[i]) in qualifiers
                       or _AFTER_NAME.search(text[max(0, places[i].start - 4):places[i].start])}
        if not votes:
            return None
        country, vote = max(votes.items(), key=lambda kv: kv[1])
        vouched = counts[country] >= 2 or country in placed_well
        return country if vouched and vote > sum(votes.values()) - vote + OUTRANK_MARGIN else None

    @cached_property
    def province(self) -> str | None:
        return report_province(self.places, self.country)

    @cached_property
    def _origins(self) -> tuple[list[int], list[int]]:
        """Places an event may be put at: resolved, no organisation's home (`usable`), and of those the
        ones no destination (`origins`)."""
        usable = [i for i, p in enumerate(self.places) if p.lat is not None and not is_organisation_home(self.text, p)]
        return usable, [i for i in usable if not is_destination(self.text, self.places[i])]

    @cached_property
    def _candidates_by_start(self) -> tuple[list[int], list[int]]:
        """The origins that are no named party, sorted by where they start (starts, indices)."""
        parties = named_parties(self.places, self.text, self.country)
        ordered = sorted((self.places[i].start, i) for i in self._origins[1] if i not in parties)
        return [s for s, _ in ordered], [i for _, i in ordered]

    @cached_property
    def _fallback(self) -> int | None:
        usable, origins = self._origins
        fallback = origins or usable
        return min(fallback, key=self.rank) if fallback else None

    def rank(self, i: int) -> tuple[int, bool, int]:
        """How good place i is as an event's place (lower is better); see `place_for`."""
        if i not in self._ranks:
            places, text, country, province = self.places, self.text, self.country, self.province
            p = places[i]
            base = place_rank(p)
            if base == 2 and p.confidence > 0 and self.agrees(i):
                base = kind_rank(p)
            if base < 2 and (country and p.country and p.country != country
                             or province and p.confidence < SURE_CONFIDENCE and p.admin1 and p.admin1 != province
                             or self.disagrees(i, country)):
                base = 2
            self._ranks[i] = (base, not is_locative_object(text, p), p.start)
        return self._ranks[i]

    def place_for(self, start: int, end: int) -> int | None:
        """`place_for` over these places: the best place starting in [start, end), else the place a definite
        noun in the window points back to ("the city": `antecedent`), else the report's."""
        starts, indices = self._candidates_by_start
        inside = sorted(indices[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])
        if inside:
            return min(inside, key=self.rank)
        back = self.antecedent(start, end)
        return back if back is not None else self._fallback

    def antecedent(self, start: int, end: int) -> int | None:
        """The place a definite place noun in [start, end) ("the city", "the province") refers back to: the
        last candidate of that kind named within `_ANAPHOR_REACH` characters before the noun, when it is
        consistent with the report (ranks as a sure town or province, not a doubtful or foreign match) and
        not named as where someone came from."""
        noun = _ANAPHOR.search(self.text, start, end)
        if noun is None:
            return None
        kind = "town" if noun.group("town") else "province"
        starts, indices = self._candidates_by_start
        lo, hi = bisect.bisect_left(starts, noun.start() - _ANAPHOR_REACH), bisect.bisect_left(starts, noun.start())
        for i in sorted(indices[lo:hi], key=lambda i: self.places[i].start, reverse=True):
            here = self.places[i]
            if _fits_anaphor(here, kind) and not _ORIGIN_BEFORE.search(self.text, max(0, here.start - 20), here.start):
                return i if self.rank(i)[0] < 2 else None
        return None

    def any_resolved_in(self, start: int, end: int) -> bool:
        """True when a resolved place starts in [start, end)."""
        at = bisect.bisect_left(self._resolved_starts, start)
        return at < len(self._resolved_starts) and self._resolved_starts[at] < end


# ACLED's geo-precision scale by the kind of place an event is put at: the town itself, a district
# (or a point standing for a small area), a province or wider.
PRECISION_BY_CODE = {"ADM2": 2, "ADM3": 2, "ADM4": 2}


def event_point(place: Place, gazetteer: GazetteerLike) -> tuple[float | None, float | None, int]:
    """Where to map an event told at `place`, with its precision on ACLED's scale (1 town, 2 district,
    3 province or wider). A division is mapped at the town it is governed from when the gazetteer knows
    it (the conflict monitors' convention: "fighting in Farah province" is put at Farah city, precision 3),
    else at its own point."""
    code = (place.feature_code or "").split(".")[-1]
    if (place.feature_code or "").startswith("P"):
        return place.lat, place.lon, 1
    precision = PRECISION_BY_CODE.get(code, 3)
    division = gazetteer.get(place.geonameid) if place.geonameid else None
    if division is None and place.name and place.feature_code:
        division = Candidate(0, place.name, place.lat, place.lon, place.feature_code, place.country, place.admin1,
                             None, 0, "")
    seat = gazetteer.seat(division) if division is not None else None
    if seat is None:
        return place.lat, place.lon, precision
    return seat.lat, seat.lon, precision
