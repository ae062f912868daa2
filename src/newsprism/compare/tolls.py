"""A toll -- how many were killed, hurt, held or are missing -- read where a report states it,
compared across reports.

A toll is stated in a few fixed shapes, the figure bound to its fate word: "Ten people were
killed", "50 were injured", "2 dead, 1 wounded", "killing 10 people and injuring 80", "the death
toll rose to 12". Two reports that give one happening's toll two figures disagree ("the same
attack, different death tolls"), whatever their sentences say around it, and the claims the
figures sit in are often cut apart or matched loosely ("killing 10 people and" / "injuring 80").
Only whole tolls are read: a part of one ("30 of the 80 wounded", "five seriously injured",
"including three children"), an increment ("two more bodies") or a toll of another happening
("the 2005 quake killed 612") is not. Pure logic: the comparison stage says which sentences tell
the same happening and turns the disputes into contradictions.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files

from newsprism.extract.quantities import WORD_NUMBERS, number_value

_WORDS = json.loads(files("newsprism").joinpath("data/compare_words.json").read_text("utf-8"))
#: Nouns a toll counts ("people", "officers", "miners"); a generic one counts anyone
_NOUNS: dict[str, str] = _WORDS["toll_nouns"]
#: Fate words, by the fate they tell
_FATE_WORDS: dict[str, list[str]] = _WORDS["toll_fates"]
_FATE_OF = {w: fate for fate, ws in _FATE_WORDS.items() for w in ws}


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in words.split())


_SMALL = [w for w, v in WORD_NUMBERS.items() if isinstance(v, int) and 1 <= v <= 19]
_TENS = [w for w, v in WORD_NUMBERS.items() if isinstance(v, int) and v in range(20, 100, 10)]
_WORD_NUMBER = rf"(?:(?:{'|'.join(_TENS)})(?:\s*-\s*(?:{'|'.join(_SMALL)}))?|{'|'.join(_SMALL)})"
#: a figure: digits (not a year) or a number word
_NUMBER = (
    rf"(?P<n>(?<![\d.,])(?<!\d,\s)\d{{1,3}}(?:,\s?\d{{3}})*(?!\d|[.,]\s?\d)|(?i:{_WORD_NUMBER})\b)"
)
_QUALIFIER = (
    r"(?P<q>(?i:at\s+least|more\s+than|over|nearly|almost|about|around|some|roughly|"
    r"approximately|an\s+estimated|up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|under)\s+)?"
)
_NOUN = rf"(?P<noun>(?i:{'|'.join(sorted(_NOUNS, key=len, reverse=True))}))"
_AUX = (
    r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|have|has|are|is|been|being|now|still|"
    r"reported|confirmed)\s+)"
)
_FATE = rf"(?P<fate>(?i:{'|'.join(_phrase(w) for w in sorted(_FATE_OF, key=len, reverse=True))}))"
#: the figure, then whom it counts, then the fate: "Ten people were killed", "50 injured"
_COUNTED_FIRST = re.compile(
    rf"{_QUALIFIER}{_NUMBER}\s+(?:(?:other|others)\s+)?(?:(?:[a-z]+\s+)?{_NOUN}\s+)?{_AUX}{{0,2}}"
    rf"{_FATE}\b"
)
#: what may follow a figure read after its act: whom it counts, then the clause going on
_COUNTED_AFTER = (
    rf"(?:\s+(?:(?:[a-z]+\s+)?{_NOUN}|others))?(?=\s*(?:[,.;:)]|$|(?i:and|in|on|at|when|during|"
    r"after|as|while|since|across|near|inside|outside|including|by|overnight|yesterday|today|"
    r"early|late|with|but|from)\b))"
)
#: the act, then the figure: "killing 10 people", "injuring 80", "wounding other 70"
_ACT_FIRST = re.compile(
    rf"\b(?P<act>(?i:killing|killed|kills|injuring|injured|injures|wounding|wounded|wounds|"
    rf"arresting|arrested|arrests|detaining|detained))\s+{_QUALIFIER}(?:other\s+)?{_NUMBER}"
    + _COUNTED_AFTER
)
#: "the death toll rose to 12", "a toll of 12"
_TOLL_OF = re.compile(
    rf"\b(?i:death\s+toll|toll)\s+(?:(?i:of)|(?:[\w']+\s+){{0,4}}?(?i:to|at|reached|hit))\s+"
    rf"{_QUALIFIER}{_NUMBER}" + _COUNTED_AFTER
)
#: the toll as lives or deaths: "claimed 14 lives", "20 deaths", "12 fatalities"
_LIVES = re.compile(
    rf"\b(?i:claimed|claiming|claims|cost|costing|took|taking)\s+(?:the\s+)?{_QUALIFIER}{_NUMBER}"
    r"\s+(?i:lives)\b"
)
_DEATHS = re.compile(rf"{_QUALIFIER}{_NUMBER}\s+(?i:deaths|fatalities)\b")
#: before a figure: a part of a toll told elsewhere, or an increment
_PART_BEFORE = re.compile(
    r"(?:\b(?:including|among\s+them|of\s+whom|of\s+them|of\s+those|another|a\s+further|an\s+"
    r"additional|plus|besides|from|from\s+the|had\s+stood\s+at)[,:]?\s+)$",
    re.IGNORECASE,
)
#: after a figure: "30 of the 80 wounded", "two more"
_PART_AFTER = re.compile(r"^\s*(?:of\b|more\b|additional\b|further\b|-)", re.IGNORECASE)
#: after a toll: the dead of one place or moment, a part of the whole ("Four people died at the
#: scene, and a man died in hospital later")
AT_ONE_PLACE = (
    r"(?:at\s+the\s+scene|on\s+the\s+spot|in\s+hospital|on\s+arrival|instantly|"
    r"on\s+(?:the|their)\s+way\s+to\s+hospital)\b"
)
_AT_ONE_PLACE = re.compile(rf"\s*{AT_ONE_PLACE}", re.IGNORECASE)
#: between a figure and its fate: a part of the toll ("five seriously injured")
_DEGREE = re.compile(
    r"\b(?:seriously|critically|badly|severely|slightly|gravely|fatally|mortally|lightly)\b",
    re.IGNORECASE,
)
#: a sentence telling of another happening than the story's (a past one), or of a toll since revised
_OTHER_TIME = re.compile(
    r"\b(?:earlier|previous|previously|last\s+(?:year|month)|years?\s+ago|months\s+ago|"
    r"anniversary|1[89]\d\d|20\d\d|"
    # told as another happening ("In a separate crash on the ring road, nine were killed")
    r"separate|unrelated|"
    # the toll's own history: a figure since revised ("Police had initially put the toll at
    # four dead and 15 wounded"; "first said 15 had been wounded; the figure fell to 14")
    r"initially|at\s+first|first\s+(?:said|put|gave|reported)|originally|revised|fell|dropped|"
    # a figure as it stood at an earlier moment ("Four people had been confirmed dead by
    # Saturday afternoon")
    r"had\b[^.;]*\bby\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|midday|noon|nightfall|"
    r"dawn|(?:that|the)\s+(?:morning|afternoon|evening|night)))\b",
    re.IGNORECASE,
)


#: a clause that revises the toll the sentence gives ("The death toll stood at 20, revising an
#: earlier total of 21"): the figure before it stands, the figure revised does not
_REVISING = re.compile(
    r"[,;]\s*(?:revising|revised\s+from|correcting|up\s+from|down\s+from|lowering|raising)\b",
    re.IGNORECASE,
)


#: a toll told as it rose
_RISING = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbs|increased|jumped|went\s+up)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Toll:
    """One toll one report states: how many of whom met one fate, and where it says so."""

    source: int
    fate: str  # "dead", "hurt", "held", "missing"
    counted: str  # whom it counts ("people" for anyone)
    value: float
    low: float
    high: float
    #: where the figure is, and the stretch read ("50 were injured")
    start: int
    end: int
    read_start: int
    read_end: int
    sentence_start: int
    #: the words that bound the figure, as written ("at least")
    qualifier: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.fate, self.counted

    @property
    def exact(self) -> bool:
        return self.low == self.high


#: every shape a toll is read in
_SHAPES = (_COUNTED_FIRST, _ACT_FIRST, _TOLL_OF, _LIVES, _DEATHS)


def tolls_in(source: int, text: str, sentences: Sequence[tuple[int, int]]) -> list[Toll]:
    """Every whole toll of the story's own happening the report states, sentence by sentence."""
    out: list[Toll] = []
    for s, e in sentences:
        sentence = text[s:e]
        revised = _REVISING.search(sentence)
        if revised is not None:
            sentence = sentence[: revised.start()]
        if _OTHER_TIME.search(sentence):
            continue  # a toll beside a past year or "earlier" may be another happening's
        seen: set[int] = set()
        # a sentence telling a toll rising gives its figures before and after, and what was
        # added: only the toll it rose to is whole ("risen to 231, from the 218 ..., after 13
        # people were detained")
        rising = _RISING.search(sentence) is not None
        for pattern in (_TOLL_OF,) if rising else _SHAPES:
            for m in pattern.finditer(sentence):
                toll = _toll(source, sentence, s, m)
                if toll is not None and toll.start not in seen:
                    seen.add(toll.start)
                    out.append(toll)
    return out


def _toll(source: int, sentence: str, base: int, m: re.Match[str]) -> Toll | None:
    figure = m.start("n") - len(m.group("q") or "")
    if _PART_BEFORE.search(sentence[max(figure - 24, 0) : figure]):
        return None
    if _PART_AFTER.match(sentence[m.end("n") :]) or _DEGREE.search(m.group()):
        return None
    if _AT_ONE_PLACE.match(sentence[m.end() :]):
        return None
    groups = m.groupdict()
    fate = (
        _FATE_OF[" ".join(groups["fate"].lower().split())]
        if groups.get("fate")
        else _act_fate(groups)
    )
    noun = (groups.get("noun") or "").lower()
    counted = _NOUNS.get(noun, "people") if noun else "people"
    written = m.group("n")
    value = number_value(re.sub(r"\s+", "" if written[0].isdigit() else " ", written))
    if value <= 0:
        return None
    low, high = _bounds(value, (groups.get("q") or "").lower().split())
    return Toll(
        source, fate, counted, value, low, high,
        base + m.start("n"), base + m.end("n"), base + m.start(), base + m.end(), base,
        " ".join((groups.get("q") or "").split()),
    )  # fmt: skip


def _act_fate(groups: dict[str, str | None]) -> str:
    act = (groups.get("act") or "").lower()
    if not act or act.startswith("kill"):
        return "dead"  # "the death toll rose to 12", "killing 10 people"
    return "held" if act.startswith(("arrest", "detain")) else "hurt"


def _bounds(value: float, qualifier: list[str]) -> tuple[float, float]:
    """The range a figure as qualified allows ("at least 50": 50 and up)."""
    q = " ".join(qualifier)
    if q in ("at least", "more than", "over"):
        return value, float("inf")
    if q in ("nearly", "almost", "up to", "as many as", "fewer than", "less than", "under"):
        return 0.0, value
    if q:  # about, around, some, roughly, an estimated
        return value * 0.8, value * 1.2
    return value, value


@dataclass(frozen=True)
class TollDispute:
    """One happening's toll of one kind told as figures that cannot all be right: per source,
    the one toll it states."""

    fate: str
    counted: str
    tolls: tuple[Toll, ...]


def disputes(
    tolls: Sequence[Toll],
    alike: Callable[[Toll, Toll], bool],
    leads_alike: Callable[[Toll, Toll], bool] | None = None,
) -> list[TollDispute]:
    """Tolls of one kind (fate and whom it counts) that reports give as figures that cannot all
    be right, among tolls told alike (``alike``: their sentences tell one happening).

    Each report's lead toll of a kind -- the first it states, most often in its headline or
    opening -- is its story's own, so two reports' lead tolls are compared when
    ``leads_alike`` (a looser test: "the death toll stood at 20, revising ..." / "police shot
    dead a soldier who killed 26 people") holds. A report that gives two figures of one kind
    (two happenings, or a toll told as it rose) is read for its lead toll only, and not at all
    without ``leads_alike``; and never against a figure it gives too."""
    read = _Readings(tolls, alike, leads_alike)
    out: list[TollDispute] = []
    for (fate, counted), told in read.by_key().items():
        shown = _clashing(told, (read.clash, read.leads_clash))
        if shown:
            read.add_beside(shown, told)
            out.append(TollDispute(fate, counted, tuple(shown[i] for i in sorted(shown))))
    return out


class _Readings:
    """Every toll of a story, by report and kind, with the tests of which may clash."""

    def __init__(
        self,
        tolls: Sequence[Toll],
        alike: Callable[[Toll, Toll], bool],
        leads_alike: Callable[[Toll, Toll], bool] | None,
    ) -> None:
        self.alike, self.leads_alike = alike, leads_alike
        self.of: dict[tuple[int, tuple[str, str]], list[Toll]] = defaultdict(list)
        # a figure stated in a sentence is cited before the same figure in a headline
        for t in sorted(tolls, key=lambda t: (t.sentence_start == 0, t.start)):
            self.of[(t.source, t.key)].append(t)
        # the lead figure: the first stated, wherever the report states it
        first = {k: min(ts, key=lambda t: t.start).value for k, ts in self.of.items()}
        self.leads = {t for k, ts in self.of.items() for t in ts if t.value == first[k]}

    def by_key(self) -> dict[tuple[str, str], dict[int, list[Toll]]]:
        """Per kind, per report, the readings compared: all of one figure, or the lead's."""
        out: dict[tuple[str, str], dict[int, list[Toll]]] = defaultdict(dict)
        for (source, key), ts in sorted(self.of.items(), key=lambda kv: kv[0]):
            if len({t.value for t in ts}) == 1:
                out[key][source] = ts
            elif self.leads_alike is not None:
                out[key][source] = [t for t in ts if t in self.leads]
        return out

    def gives(self, t: Toll, figure: Toll) -> bool:
        """``t``'s report gives a figure ``figure`` can be right with, of ``t``'s kind."""
        return any(compatible(r, figure) for r in self.of[(t.source, t.key)])

    def told_alike(self, x: Toll, y: Toll) -> bool:
        if self.alike(x, y):
            return True
        return (
            self.leads_alike is not None and x in self.leads and y in self.leads
            and self.leads_alike(x, y)
        )  # fmt: skip

    def clash(self, x: Toll, y: Toll) -> bool:
        # not when either report gives the other's figure too: a toll told as it rose
        return not self.gives(x, y) and not self.gives(y, x) and self.alike(x, y)

    def leads_clash(self, x: Toll, y: Toll) -> bool:
        return not self.gives(x, y) and not self.gives(y, x) and self.told_alike(x, y)

    def add_beside(self, shown: dict[int, Toll], told: dict[int, list[Toll]]) -> None:
        """The reports that give one of the disputed figures, told alike, stand beside them
        (not one that gives another side's figure too)."""
        for i, ts in told.items():
            beside = next(
                (
                    x for x in ts for y in shown.values()
                    if _same_figure(x, y) and self.told_alike(x, y)
                    and not any(self.gives(x, z) for z in shown.values() if not compatible(z, y))
                ),
                None,
            )  # fmt: skip
            if i not in shown and beside is not None:
                shown[i] = beside


#: How many times apart two tolls of one kind are two happenings' ("killing 10 people and
#: injuring 80" / "It killed 612 people and injured more than 1,400", of a quake years before),
#: not one toll told two ways
TOLLS_APART = 3.0


def _far_apart(x: Toll, y: Toll) -> bool:
    low, high = sorted((x.value, y.value))
    return high > TOLLS_APART * low


def _same_figure(x: Toll, y: Toll) -> bool:
    return (x.value, x.low, x.high) == (y.value, y.low, y.high)


def _clashing(
    told: dict[int, list[Toll]], tests: Sequence[Callable[[Toll, Toll], bool]]
) -> dict[int, Toll]:
    """Per report, the reading of a figure that another report's, told alike, contradicts: the
    first of ``tests`` that finds such a pair of readings says which are cited."""
    shown: dict[int, Toll] = {}
    sources = sorted(told)
    for n, i in enumerate(sources):
        for j in sources[n + 1 :]:
            pair = next(
                (
                    (x, y) for test in tests for x in told[i] for y in told[j]
                    if not compatible(x, y) and not _far_apart(x, y) and test(x, y)
                ),
                None,
            )  # fmt: skip
            if pair is not None:
                shown.setdefault(i, pair[0])
                shown.setdefault(j, pair[1])
    return shown


_PLURAL = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "fisherman": "fishermen",
    "deputy": "deputies",
    "people": "people",
    "staff": "staff",
    "crew": "crew",
}


def counted_shown(counted: str, value: float = 2) -> str:
    """Whom a toll counts, as shown beside ``value`` ("officer": "officers"; one "person")."""
    if value == 1:
        return "person" if counted == "people" else counted
    return _PLURAL.get(counted, f"{counted}s")


def compatible(x: Toll, y: Toll) -> bool:
    """Two figures both can be right ("at least 50" / "80")."""
    return x.low <= y.high and y.low <= x.high
