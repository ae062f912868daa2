"""One named thing acted on, denied in one report and stated in another: "No tear gas was used"
/ "using tear gas and batons"; "contained no release clause" / "met the release clause"; "the
production line ... has not been stopped" / "it stopped the production line".

Alignment seldom pairs such claims (the denial says little else), so they are read apart, by
the thing the act was done to (the claim's patient), named by at least two words: a bare "no
arrests" or "no decision" ties too many claims that tell of different acts. "No" before the
thing denies any act on it; a negated verb denies the same act only. Pure logic on the units.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newsprism.compare.units import Unit, action_class

#: words of a patient that do not name the thing ("the", "its", "further", "two")
_NOT_THE_THING = frozenset(
    ["the", "a", "an", "no", "any", "its", "his", "her", "their", "our", "my", "your", "this",
     "that", "these", "those", "some", "every", "each", "other", "another", "further", "more",
     "new", "same", "such", "many", "few", "several", "last", "first", "next", "own", "single",
     "whole", "entire", "not"]
)  # fmt: skip
#: words in the sentence before a stated act that leave it undone or unsure ("stopped short of
#: ordering", "rather than present", "whether it used")
_UNDONE = re.compile(
    r"\b(?:rather than|instead of|whether|if|refused to|declined to|failed to|short of|stop|"
    r"stopped|prevent|prevented|plans? to|planned to|threatened to|vowed to|without|"
    # a purpose or an aim, not a deed ("40 million to help care homes buy generators")
    r"(?:to|will|would|could|can|may) help|in order to|so that|aim(?:s|ed)? to|"
    r"seek(?:s|ing)? to|hop(?:e|es|ed|ing) to|tr(?:y|ies|ying) to|wants? to)\s+"
    r"(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
#: a subject counted as next to none ("few homes", "hardly any firms")
_FEW = re.compile(r"\s*(?:very\s+)?(?:few|hardly\s+any|scarcely\s+any|almost\s+no)\b", re.I)
#: words that make a denial a state of things at one time ("had not been named while relatives
#: were told", "may not be restored till 31 December"), which a later act may end
_PENDING = re.compile(
    r"\b(?:yet|so far|while|until|till|as of|by the time|went to press|going to press|"
    r"time of writing)\b",
    re.IGNORECASE,
)
#: characters before a claim read for words that leave its act undone, and after a denied
#: thing for words that make the denial a passing state
BEFORE = 40
AFTER = 80
DENIED_NOTE = (
    "One report says an act was done to the thing, another that it was not (or that there was "
    "none): unless one of them tells of another time, they cannot both be right."
)
#: claims naming one thing above which it is too common to pair them by
THING_MAX = 40
#: words a thing must be named by (after its determiners), and at most
THING_WORDS = (2, 4)


@dataclass(frozen=True)
class Denied:
    """One thing some reports deny an act on and others state: the claims of each side."""

    thing: str
    denying: tuple[Unit, ...]
    stating: tuple[Unit, ...]
    #: the person whose own thing it is ("his case": person:anselm_tavish), or ""
    owner: str = ""


def thing(u: Unit) -> str:
    """The thing a claim's act is done to, by its naming words in lower case, the last without
    a plural "s" ("No tear gas" -> "tear gas", "the release clauses" -> "release clause"); ""
    when it is not named by two to four words."""
    words = [w for w in u.claim.patient.lower().split() if w not in _NOT_THE_THING]
    if not THING_WORDS[0] <= len(words) <= THING_WORDS[1]:
        return ""
    if not all(w.isalpha() for w in words):
        return ""  # "Rovers'", "2,000 fans", "Line 3": not a plain noun phrase
    last = words[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-1]
    if words[-1] in _PIECES and len(words) > THING_WORDS[0]:
        words.pop()  # "a single tear gas canister" is tear gas, by the piece
    return " ".join(words)


#: nouns that count a thing by its pieces: "tear gas canisters", "rubber bullet rounds"
_PIECES = frozenset(["canister", "round", "shell", "cartridge", "grenade"])


#: a thing counted as none: "no tear gas", "none of the", "not a single water cannon", "not
#: one officer"
_NONE = re.compile(r"(?:no\s|none\s|not\s+(?:a\s+single|one|any|a)\s)", re.IGNORECASE)


def denial(u: Unit) -> str:
    """How a claim denies the act on its thing: "no" ("No tear gas was used", "not a single
    water cannon was deployed": no act on it at all), "not" (its verb negated: that act only),
    or "" (it states it)."""
    if _NONE.match(u.claim.patient):
        return "no"
    return "not" if u.claim.negated else ""


def _stated(u: Unit) -> bool:
    """The claim states its act as done: no modal ("will lodge"), and nothing before it that
    leaves it undone ("stopped short of ordering")."""
    if u.claim.modality or u.claim.patient.lower().startswith("any "):
        return False
    if _FEW.match(u.claim.subject_text):
        return False  # "few homes carried landslide cover": most did not, no act stated
    if u.claim.action in _ABSENT:
        return False  # "over the missing doping sample": the thing's absence, told as an act
    at = u.start - u.sentence_start
    before = u.sentence_text[max(at - BEFORE, 0) : at]
    return _UNDONE.search(before) is None


#: acts that tell a thing's absence, as "no" would ("the missing sample", "it lacked a permit")
_ABSENT = frozenset(["miss", "lack"])


def _denies(u: Unit) -> bool:
    """The claim denies the act outright, not as a state that may change: no modal, and no
    "yet", "while", "until" ... in the words after the thing ("The fifth victim had not been
    named while relatives were told"; "which ran until June" before it says nothing)."""
    if u.claim.modality:
        return False
    at = u.sentence_text.lower().find(u.claim.patient.lower(), max(u.start - u.sentence_start, 0))
    end = at + len(u.claim.patient) if at >= 0 else 0
    if u.claim.predicate:
        # a passive's thing stands before its verb: read on from the verb ("The two passengers
        # who died, ..., had not been named when this edition went to press")
        end = max(end, u.claim.predicate[1] - u.sentence_start)
    return _PENDING.search(u.sentence_text[end : end + AFTER]) is None


def disputes(units: Sequence[Unit], one_voice: Callable[[Unit, Unit], bool]) -> list[Denied]:
    """Each thing one report denies an act on and another states it, in one voice (both the
    outlets' own, or one speaker's: ``one_voice``)."""
    by_thing: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        name = thing(u) or _owned(u)
        if name:
            by_thing[name].append(u)
    _under_shorter_names(by_thing)
    out: list[Denied] = []
    for key, told in by_thing.items():
        owner, _, name = key.rpartition("|")
        if len(told) > THING_MAX:
            continue  # a thing so common in the story ties nothing (and would cost its square)
        denying = [u for u in told if denial(u) and _denies(u)]
        stating = [u for u in told if not denial(u) and _stated(u)]
        pairs = [(d, s) for d in denying for s in stating if _one_act(d, s) and one_voice(d, s)]
        if not pairs:
            continue
        denied = _one_per_source(d for d, _ in pairs)
        out.append(Denied(name, denied, _one_per_source(s for _, s in pairs), owner))
    return out


def _under_shorter_names(by_thing: dict[str, list[Unit]]) -> None:
    """A thing named with a word more before another report's name of it ("the crooked bus
    contract" / "the bus contract") is that thing: its claims join the shorter name's."""
    for name in sorted(by_thing, key=len, reverse=True):
        words = name.split()
        if "|" in name or len(words) <= THING_WORDS[0]:
            continue
        shorter = " ".join(words[1:])
        if shorter in by_thing:
            by_thing[shorter] += by_thing.pop(name)


def _owned(u: Unit) -> str:
    """One person's own thing, named by one word after "his", "her" or "their" ("Tavish never
    got the chance to put his case" / "Tavish put his case to the 11 members"), keyed by the
    person: "person:anselm_tavish|his case"; "" for any other claim."""
    words = u.claim.patient.lower().split()
    # one doer, a person (a place beside it, "Tavish, who lives in Gullhaven", is no doer)
    doers = [k for k in u.claim.actors if k.startswith(("person:", "org:", "group:"))]
    if len(doers) != 1 or not doers[0].startswith("person:"):
        return ""
    if len(words) != 2 or words[0] not in _OWNERS:
        return ""
    if not words[1].isalpha() or words[1] in _NOT_THE_THING:
        return ""
    return f"{doers[0]}|{' '.join(words)}"


_OWNERS = frozenset(["his", "her", "their"])


def _one_act(denied: Unit, stated: Unit) -> bool:
    """Reports apart, and the act denied the one stated ("no" denies any act on the thing)."""
    if denied.source == stated.source:
        return False
    if denial(denied) == "no":
        return True
    return action_class(denied.claim.action) == action_class(stated.claim.action)


def _one_per_source(units: Iterable[Unit]) -> tuple[Unit, ...]:
    seen: dict[int, Unit] = {}
    for u in units:
        seen.setdefault(u.source, u)
    return tuple(seen[s] for s in sorted(seen))
