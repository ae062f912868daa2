"""Who did one decisive act -- ordered, led, announced, signed, approved -- read where a report
names the doer beside the act, compared across reports.

Such acts are stated in a few fixed shapes, the doer's name bound to the verb and the verb to
the thing done: "Mayor Joran Wechsler ordered the evacuation", "The strike, ordered by President
Anselm Varokh", "an evacuation order signed by Sorrel's governor, Edda Falk", "It was the
defence minister, Lidia Brenvik, who ordered the strike". Two reports that give one act on one
thing (the same verb, the same head noun) two different doers of one kind -- two people, or two
bodies -- disagree whatever their sentences say around it, and the sentences seldom match: one
tells the act in passing, the other makes it its point. A report that itself names both doers
of the act is not read for it (two acts, or a shared one). Pure logic on the text and its
entity mentions: the comparison stage turns the disputes into contradictions.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files

from newsprism.compare.ages import people
from newsprism.extract.types import Extraction, Mention

_WORDS = json.loads(files("newsprism").joinpath("data/compare_words.json").read_text("utf-8"))
#: The past forms of the acts read, each to its lemma ("led": "lead")
VERBS: dict[str, str] = _WORDS["doer_verbs"]
_VERB = rf"(?P<verb>{'|'.join(sorted(VERBS, key=len, reverse=True))})"
#: Words that end the thing's noun phrase: its head is the word before them
_STOPS = frozenset(_WORDS["doer_thing_stops"])
#: words that name no thing of their own ("it was ordered by")
_NOT_A_THING = frozenset(_WORDS["function_words"]) | {"one", "ones", "all", "both", "others"}
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat)"
#: a word of the thing's noun phrase (no determiner: the phrase opens at the last one)
_NP_WORD = rf"(?!{_DETERMINER}\b)[\w'-]+"
#: "The strike, ordered by", "The bombardment was ordered by", "an evacuation order signed by"
#: (the thing, then the verb; the doer comes after "by")
_THING_BEFORE = re.compile(
    rf"\b{_DETERMINER}\s+(?P<np>(?:{_NP_WORD}\s+){{0,9}}?{_NP_WORD})\s*,?\s*"
    r"(?:(?:was|were|had\s+been|has\s+been|have\s+been|is|are|being|been)\s+)?"
    rf"(?:(?:personally|also|then|later|jointly)\s+)?{_VERB}\s+(?:[\w'-]+\s+){{0,4}}?by\s+"
    r"(?P<filler>[^.;:!?()]{0,60}?)$"
)
#: after the doer's name: "ordered the evacuation", ", who ordered the strike", "had ordered
#: the strike himself"
_ACT_AFTER = re.compile(
    r"^\s*,?\s*(?:who\s+|which\s+)?(?:(?:had|has|have|personally|also|then|later|herself|"
    rf"himself|itself|themselves)\s+){{0,2}}{_VERB}\s+(?!that\b){_DETERMINER}\s+"
    r"(?P<np>(?:[\w'-]+\s*){1,6})"
)
#: "The recall, which the FSVA ordered the same day": the thing, then "which" before the doer
_THING_WHICH = re.compile(
    rf"\b{_DETERMINER}\s+(?P<np>(?:{_NP_WORD}\s+){{0,5}}?{_NP_WORD})\s*,?\s*(?:which|that)\s+"
    r"(?:the\s+|its\s+)?$"
)
#: the act right after that doer: its thing is the one "which" stands for
_VERB_ALONE = re.compile(
    r"^\s*(?:(?:had|has|have|also|then|later|personally|itself|himself|herself|themselves)\s+)"
    rf"{{0,2}}{_VERB}\b"
)
#: "on the orders of", "at the order of", "on the instructions of" right before a name
_ON_ORDERS = re.compile(
    r"\b(?:on|at|under)\s+(?:the\s+)?(?:direct\s+|personal\s+)?(?:orders?|instructions?)\s+of\s+"
    r"(?:[A-Z][\w.'-]*\s+){0,3}$"
)
#: the thing a passive tells done ("The line was closed"), its doer named after it
_THING_DONE = re.compile(
    rf"\b{_DETERMINER}\s+(?P<np>(?:{_NP_WORD}\s+){{0,5}}?{_NP_WORD})\s+"
    r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
    r"(?P<state>\w+(?:ed|en|shut|cut))\b"
)
#: the apposition that may stand between a name and its act: "Edda Falk, Sorrel's governor,"
_APPOSITION = re.compile(r"^\s*,[^,.;:!?()\"]{1,60},")
_DENIED = re.compile(r"\b(?:not|never|no|n't)\b", re.IGNORECASE)
#: how far before a name the passive's verb and its thing may stand
BEFORE = 160


@dataclass(frozen=True)
class Doer:
    """One report naming who did one act on one thing: the act's lemma, the thing's head
    noun, the doer's entity key and name, and where the name is."""

    source: int
    verb: str
    thing: str
    key: str
    name: str
    start: int
    end: int
    #: the state an order put the thing into ("ordered the line closed": closed), or ""
    state: str = ""

    @property
    def kind(self) -> str:
        return self.key.split(":", 1)[0]


def _doer_mention(m: Mention) -> bool:
    kind = m.entity_key.split(":", 1)[0]
    return kind in ("person", "org") and m.text[:1].isupper()


def _head(np: str) -> str:
    """The noun phrase's head: its last word before a stop word, without a plural "s"
    ("evacuation of Marl End": evacuation; "government task force on Danmoor": force)."""
    words: list[str] = []
    for w in re.findall(r"[\w'-]+", np):
        if w.lower() in _STOPS:
            break
        words.append(w.lower())
    if not words or not words[-1].isalpha() or words[-1] in _NOT_A_THING:
        return ""
    last = words[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us")):
        last = last[:-1]
    return last


def doers_in(source: int, text: str, ex: Extraction) -> list[Doer]:
    """Every doer the report names beside one of the acts read, once per mention."""
    out: list[Doer] = []
    mentions = sorted((m for m in ex.mentions if _doer_mention(m)), key=lambda m: m.start)
    for i, m in enumerate(mentions):
        sentence = next((s for s in ex.sentences if s.start <= m.start < s.end), None)
        if sentence is None:
            continue
        before = text[max(sentence.start, m.start - BEFORE) : m.start]
        passive = _THING_BEFORE.search(before)
        if passive and not _named_between(mentions[:i], m.start - len(passive.group("filler"))):
            if not _DENIED.search(passive.group(0)):
                who = _whole_name(m, mentions[i + 1 :], text)
                out += _reading(source, passive.group("np"), passive.group("verb"), who)
            continue
        orders = _ON_ORDERS.search(before)
        if orders and not _DENIED.search(text[sentence.start : m.start]):
            # "The line was closed on Thursday night on the orders of Hanno Greiff": he
            # ordered it closed
            told = _THING_DONE.search(before[: orders.start()])
            if told:
                thing = f"{told.group('np')} {told.group('state')}"
                out += _reading(source, thing, "ordered", _whole_name(m, mentions[i + 1 :], text))
            continue
        after = text[m.end : sentence.end]
        which, alone = _THING_WHICH.search(before), _VERB_ALONE.match(after)
        if which and alone:
            out += _reading(source, which.group("np"), alone.group("verb"), m)
            continue
        # the act right after the name (", who ordered"), else after its apposition
        appos = _APPOSITION.match(after)
        active = _ACT_AFTER.match(after) or (appos and _ACT_AFTER.match(after[appos.end() :]))
        if active and not _DENIED.search(active.group(0)):
            out += _reading(source, active.group("np"), active.group("verb"), m)
    return out


def _whole_name(m: Mention, later: Sequence[Mention], text: str) -> Mention:
    """The name a title leads to: "Kestrian President Anselm Varokh" read as "Kestrian" is
    Anselm Varokh, the next name in the same run of capitalised words."""
    if later and _TITLE_RUN.fullmatch(text[m.end : later[0].start]):
        return later[0]
    return m


#: capitalised words (a title) between two names: " President ", " Chief Inspector "
_TITLE_RUN = re.compile(r"(?:\s+[A-Z][\w.'-]*)*\s+")


def _named_between(earlier: Sequence[Mention], since: int) -> bool:
    """A doer is named after "by" before this one ("by the ministry's spokesman, Tom Hale":
    the ministry did it, Hale is its spokesman)."""
    return any(since <= m.start for m in earlier)


def _reading(source: int, np: str, past: str, who: Mention) -> list[Doer]:
    verb = VERBS[past]
    state = ""
    if verb == "order":
        np, state = _without_complement(np)
    thing = _head(np)
    if not thing:
        return []
    if thing == "order" and verb in _ORDER_GIVERS:
        # "an evacuation order signed by Edda Falk": she ordered the evacuation
        before = re.findall(r"[\w'-]+", np.lower())
        at = before.index("order") if "order" in before else 0
        if at:
            verb, thing = "order", before[at - 1]
    return [Doer(source, verb, thing, who.entity_key, who.text, who.start, who.end, state)]


def _without_complement(np: str) -> tuple[str, str]:
    """The thing ordered and the state it is ordered into ("the line closed until further
    notice", "the line SHUT"): ("the line", "closed"), or (np, "") for none."""
    words = re.findall(r"[\w'-]+", np)
    for n, w in enumerate(words[1:], 1):
        if w.lower() in _STOPS:
            break
        if w.lower() in _COMPLEMENTS or (w.lower().endswith("ed") and n == len(words) - 1):
            return " ".join(words[:n]), w.lower()
    return np, ""


#: states an order puts a thing into ("ordered the line shut")
_COMPLEMENTS = frozenset({"closed", "shut", "reopened", "evacuated", "sealed", "suspended",
                          "halted", "stopped", "grounded", "cleared", "demolished", "released",
                          "seized", "withdrawn", "taken", "arrested", "detained"})  # fmt: skip
#: acts that give an order named as a noun ("signed the evacuation order")
_ORDER_GIVERS = frozenset({"sign", "approve", "authorise"})


@dataclass(frozen=True)
class DoerDispute:
    """One act on one thing given different doers: per source, the one doer it names (and
    where), and whether one doer is backed by two reports or more against a single other."""

    verb: str
    thing: str
    doers: tuple[Doer, ...]
    #: per doer, the fullest name its reports give it ("Varokh" and "Anselm Varokh": the latter)
    names: tuple[str, ...]
    backed: bool

    @property
    def past(self) -> str:
        """The act's past form ("ordered")."""
        return next(form for form, lemma in VERBS.items() if lemma == self.verb)

    @property
    def act(self) -> str:
        """The act as a reader asks about it: "ordered the line closed", "ordered the strike"."""
        states = Counter(x.state for x in self.doers if x.state)
        state = f" {states.most_common(1)[0][0]}" if states else ""
        return f"{self.past} the {self.thing}{state}"


def disputes(found: Sequence[Doer], same_doer: Callable[[Doer, Doer], bool]) -> list[DoerDispute]:
    """Acts on one thing whose doers differ between reports: two doers of one kind, each report
    naming only one of them for the act (a report naming both tells of a shared act or two)."""
    by_act: dict[tuple[str, str], list[Doer]] = defaultdict(list)
    for x in found:
        by_act[(x.verb, x.thing)].append(x)
    out: list[DoerDispute] = []
    for (verb, thing), told in by_act.items():
        groups = people(told, same_doer)
        if len(groups) < 2:
            continue
        per_source: dict[int, set[int]] = defaultdict(set)
        for gi, g in enumerate(groups):
            for x in g:
                per_source[x.source].add(gi)
        clear = {s: next(iter(gs)) for s, gs in per_source.items() if len(gs) == 1}
        told_by = {gi: [s for s, g in clear.items() if g == gi] for gi in range(len(groups))}
        sides = [gi for gi, ss in told_by.items() if ss]
        if len(sides) < 2 or len({groups[gi][0].kind for gi in sides}) != 1:
            continue  # one doer only, or a person against a body (its head, its spokesman)
        one = [next(x for x in groups[clear[s]] if x.source == s) for s in sorted(clear)]
        names = tuple(max((y.name for y in groups[clear[x.source]]), key=len) for x in one)
        sizes = sorted((len(told_by[gi]) for gi in sides), reverse=True)
        backed = sizes[0] >= 2 and sizes[1] == 1
        out.append(DoerDispute(verb, thing, tuple(one), names, backed))
    return out
