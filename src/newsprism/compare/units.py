"""Units of claim alignment: each claim of the extract stage, with what alignment needs of it.

The first phase of alignment (then compare/vectors.py embeds the units and compare/align.py scores,
links and groups them): build_units turns each source's claims into Units -- their sentence, the
canonical keys they name, their times, quantities, places, actors and speakers, and the wordings
that are embedded apart (without actors' names, without places, the speaker's whole statement).
The word lists live in data/compare_lexicon.json.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from importlib.resources import files
from typing import Any

from newsprism.extract.claims import PROMISE_VERBS
from newsprism.extract.entities import title_words
from newsprism.extract.types import Claim, Extraction, Quantity, Quote, TimeExpr

#: The word lists of alignment, read once (data/compare_lexicon.json).
LEXICON: dict[str, Any] = json.loads(
    files("newsprism").joinpath("data/compare_lexicon.json").read_text("utf-8")
)

#: a word, as claims and their segments are counted
WORD = re.compile(r"[\w'’-]+")
_REPORTING = frozenset(LEXICON["reporting_words"])

#: Predicates that state the same relation (lemma -> class).
_ACTION_CLASSES: dict[str, str] = {
    lemma: cls for cls, lemmas in LEXICON["action_classes"].items() for lemma in lemmas
}


#: Predicates too light to tell facts apart.
#: Verbs too general to say two claims state one act ("had", "made", "took").
LIGHT_VERBS = frozenset(LEXICON["light_verbs"])


def action_class(action: str) -> str:
    if action in _ACTION_CLASSES:
        return _ACTION_CLASSES[action]  # a verb with its particle ("throw out" an appeal)
    lemma = action.split()[0] if action else ""
    if lemma in _ACTION_CLASSES:
        return _ACTION_CLASSES[lemma]
    # the lemmatiser guesses unknown verbs: "deadlocked" -> "deadlocke", "did not deadlock" ->
    # "deadlock"; a final "e" after a consonant tells no two verbs apart that matter here
    consonant_e = len(lemma) > 4 and lemma.endswith("e") and lemma[-2] not in "aeiouy"
    if consonant_e and lemma not in LIGHT_VERBS:
        return lemma[:-1]
    return lemma


@dataclass(frozen=True)
class Unit:
    """One claim of one source, with what alignment and the slot checks need."""

    uid: int  # index into the list of all units
    source: int  # source index
    claim_index: int
    claim: Claim
    sentence: int
    start: int
    end: int
    text: str
    sentence_text: str
    sentence_start: int
    #: canonical keys named in the claim (its slots and the mentions inside its span)
    keys: frozenset[str]
    #: canonical keys named anywhere in its sentence
    sentence_keys: frozenset[str]
    times: tuple[TimeExpr, ...]
    quantities: tuple[Quantity, ...]
    negated: bool
    in_title: bool
    #: places, actors and sources of the claim: extract's slots, else what the claim's own words
    #: name (a place after "in", a named subject, the innermost "X said" around it)
    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    #: content words of the claim outside its names (what it says, whoever it says it of)
    gist: frozenset[str] = frozenset()
    #: the claim's text with its actors' names replaced by "someone" (empty when it names none)
    bare: str = ""
    #: every source the claim is attributed to, innermost first ("Garg added that X, according
    #: to the Coast Guard": Garg, then the Coast Guard)
    attribution: tuple[str, ...] = ()
    #: the claim's text without an attribution it runs on into ("X, according to Y" -> "X"):
    #: what it says, embedded apart from who says it; "" when the claim holds none
    core: str = ""
    #: the claim's text (without its attribution) with the places it names taken out ("the
    #: patients were stable in Oslo" -> "the patients were stable"); "" when it names none
    placeless: str = ""
    #: every quantity of the claim's sentence (its own and its neighbours' in the sentence)
    sentence_quantities: tuple[Quantity, ...] = ()
    #: all that its speaker said, when the claim is only a piece of it ("X said engineers
    #: inspected the wall and found no damage": "found no damage" is one claim of it); ""
    #: when the claim is the whole of it or no one is named saying it
    reported: str = ""

    @cached_property
    def words(self) -> int:
        """Words of the claim (counted once: alignment asks for every pair)."""
        return len(WORD.findall(self.text))


_NEG_CUES = frozenset(LEXICON["negation_cues"])


def negation_cues(text: str) -> int:
    """How many negation words a stretch of text holds ("not", "never", "no" ...)."""
    # a capitalised cue inside a sentence belongs to a name ("Doctors Without Borders")
    words = [
        w.lower().replace("’", "'")
        for i, w in enumerate(WORD.findall(text))
        if i == 0 or not w[:1].isupper()
    ]
    return sum(1 for w in words if w in _NEG_CUES or w.endswith("n't"))


#: nouns that name a happening, and the verb that tells it ("derailment": "derail")
_EVENT_NOUNS: dict[str, str] = LEXICON["event_nouns"]
#: verbs that only say that the happening their subject names took place
_EVENT_VERBS = frozenset(LEXICON["event_verbs"])
#: how far into a claim its subject's happening is looked for ("The fatal shooting ...")
_NOMINAL_REACH = 5


_TOOK_PLACE = re.compile(r"\b(?:take|takes|took|taken|taking)\s+place\b", re.IGNORECASE)


def nominal_act(c: Claim) -> Claim:
    """A claim that a happening took place, told by the noun that names it ("The derailment
    happened shortly before 9pm"), states the act of the verb ("derailed at 7:42 p.m."): the
    claim with that verb as its predicate, so its time and place are compared with the
    verb's."""
    lemma = c.action.partition(" ")[0]
    phrase = c.action.removesuffix(" not")
    took_place = lemma == "take" and _TOOK_PLACE.search(c.text) is not None
    if lemma not in _EVENT_VERBS and phrase not in _EVENT_VERBS and not took_place:
        return c
    for word in WORD.findall(c.text)[:_NOMINAL_REACH]:
        verb = _EVENT_NOUNS.get(word.lower())
        if verb is not None:
            negated = " not" if c.action.endswith(" not") else ""
            return replace(c, action=verb + negated)
    return c


#: a verb and the words after it that tell another act, by the act: "set" + "on fire" burns
_IDIOMS: tuple[tuple[str, str, str], ...] = tuple(
    (act, verb, rest) for act, forms in LEXICON["idioms"].items() for verb, rest in forms
)


def idiom_act(c: Claim, text: str) -> Claim:
    """A claim whose verb and the words after it tell another act ("A police car was set on
    fire", "The rise came into force on Monday", "The board signed off the plan") states that
    act: burned, took effect, approved -- so it is compared with claims that say so in one
    verb ("a police car was burning", "the increase took effect")."""
    if c.predicate is None:
        return c
    lemma = c.action.partition(" ")[0]
    end = c.predicate[1]
    after = " ".join(text[end : end + 24].lower().split())
    for act, verb, rest in _IDIOMS:
        if lemma == verb and (after.startswith(rest) or c.action == f"{verb} {rest}"):
            negated = " not" if c.action.endswith(" not") else ""
            return replace(c, action=act + negated)
    return c


_SUPPORT_VERBS = frozenset(LEXICON["support_verbs"])
_SUPPORT_NOUNS: dict[str, str] = LEXICON["support_nouns"]


def support_act(c: Claim) -> Claim:
    """A claim whose verb only carries the act its object names ("The agency issued its
    evacuation order on Saturday", "The evacuation order, issued on Sunday") states that act:
    it orders, as "The agency ordered the evacuation on Sunday" does."""
    words = c.patient.lower().split()
    if c.action.removesuffix(" not") not in _SUPPORT_VERBS or not words:
        return c
    verb = _SUPPORT_NOUNS.get(words[-1])
    if verb is None:
        return c
    return replace(c, action=verb + (" not" if c.action.endswith(" not") else ""))


def build_units(
    extractions: Sequence[Extraction], texts: Sequence[str], titles: Sequence[str]
) -> list[Unit]:
    units: list[Unit] = []
    for si, (ex, text, title) in enumerate(zip(extractions, texts, titles, strict=True)):
        title_end = len(title) if title else 0
        seen: set[str] = set()
        orphans = _orphan_quantities(ex)
        for ci, c in enumerate(ex.claims):
            c = support_act(idiom_act(nominal_act(c), text))
            clean = c.text.strip().strip("“”\"'’‘").strip()
            words = WORD.findall(clean)
            if len(words) < 3 or (
                all(w.lower() in _REPORTING for w in words[:2]) and len(words) < 4
            ):
                continue  # fragments ("said.") carry no fact of their own
            norm = " ".join(w.lower() for w in words)
            if norm in seen:
                continue  # a title repeated as the first sentence
            seen.add(norm)
            sent = ex.sentences[c.sentence]
            mention_keys = {
                m.entity_key for m in ex.mentions if c.start <= m.start and m.end <= c.end
            }
            sent_keys = {
                m.entity_key for m in ex.mentions if sent.start <= m.start and m.end <= sent.end
            }
            keys = frozenset(mention_keys | set(c.actors) | set(c.targets) | set(c.place))
            times = tuple(ex.times[i] for i in c.time) or _times_in(ex, c)
            actors = _actors(ex, c)
            speakers = c.attributed_to or _speakers_of(ex, c)
            places = c.place or _places_in(ex, c, text)
            units.append(
                Unit(
                    uid=len(units),
                    source=si,
                    claim_index=ci,
                    claim=c,
                    sentence=c.sentence,
                    start=c.start,
                    end=c.start + len(c.text.rstrip()),
                    text=c.text.strip(),
                    sentence_text=text[sent.start : sent.end].strip(),
                    sentence_start=sent.start,
                    keys=keys,
                    sentence_keys=frozenset(sent_keys | keys),
                    times=times,
                    quantities=tuple(ex.quantities[i] for i in c.quantities + orphans[ci]),
                    negated=c.negated or negation_cues(_own_clause(_unnamed(ex, c))) % 2 == 1,
                    in_title=c.start < title_end,
                    places=places,
                    actors=actors,
                    speakers=speakers,
                    gist=_gist(_unnamed(ex, c)),
                    bare=_bare(ex, c, actors),
                    attribution=_attribution_layers(ex, c, speakers),
                    core=_core(ex, c),
                    placeless=_placeless(ex, c, places),
                    sentence_quantities=tuple(
                        q for q in ex.quantities if sent.start <= q.start and q.end <= sent.end
                    ),
                    reported=_reported(ex, c, text) if speakers else "",
                )
            )
    return units


def _orphan_quantities(ex: Extraction) -> dict[int, tuple[int, ...]]:
    """Claim index -> counts of its sentence that no claim holds, given to the last claim that
    starts before them ("... crashed into a tree, with 65 officers at the scene": the trailing
    phrase has no predicate of its own, yet says how many came)."""
    held = {i for c in ex.claims for i in c.quantities}
    out: dict[int, list[int]] = {}
    for qi, q in enumerate(ex.quantities):
        if qi in held or not q.counts:
            continue
        before = [
            ci
            for ci, c in enumerate(ex.claims)
            if ex.sentences[c.sentence].start <= q.start < ex.sentences[c.sentence].end
            and c.start <= q.start
        ]
        if before:
            out.setdefault(max(before, key=lambda ci: ex.claims[ci].start), []).append(qi)
    return defaultdict(tuple, {ci: tuple(qs) for ci, qs in out.items()})


_LOCATIVE = re.compile(r"\b(?:in|at|on|near|outside|inside|across)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_KINDS = ("place", "country")
_ACTOR_KINDS = ("person", "org", "country", "group")


_STOP = frozenset(LEXICON["stop_words"])


def _gist(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(text) if w.lower() not in _STOP)


def _own_clause(text: str) -> str:
    """The claim without a relative clause set off by commas inside it ("the landlord, who has
    not been identified, sent his son upstairs") and without the "no" of what a promise holds:
    neither denies anything the claim states."""
    return _PROMISED_NONE.sub(r"\1", _SET_OFF_RELATIVE.sub(",", text))


#: "promised no branch closures", "expects no change": the "no" is in what is promised or
#: foreseen, and the promise stands
_PROMISED_NONE = re.compile(
    rf"\b((?:{'|'.join(v.removesuffix('e') for v in sorted(PROMISE_VERBS))})"
    r"(?:e|es|ed|en|ing|s|d)?)\s+no\b",
    re.IGNORECASE,
)


_SET_OFF_RELATIVE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;]*,", re.IGNORECASE)


def _unnamed(ex: Extraction, c: Claim) -> str:
    """The claim's text with its names blanked ("Doctors Without Borders" negates nothing)."""
    text = list(c.text)
    for m in ex.mentions:
        if c.start <= m.start and m.end <= c.start + len(c.text):
            text[m.start - c.start : m.end - c.start] = " " * (m.end - m.start)
    return "".join(text)


def _bare(ex: Extraction, c: Claim, actors: tuple[str, ...]) -> str:
    """The claim with its actors' names replaced ("Unicef found the bodies" -> "someone found
    the bodies"), so that two claims stating one act of different actors embed alike."""
    keys = set(actors)
    inside = sorted(
        (m.start - c.start, m.end - c.start)
        for m in ex.mentions
        if m.entity_key in keys and c.start <= m.start and m.end <= c.start + len(c.text)
    )
    if any(k.startswith("name:") for k in keys):
        inside += [(s0, s1) for s0, s1, text in _subject_conjuncts(c) if written_name(text)]
        inside.sort()
    if not inside:
        return ""
    # a date one report gives and the other leaves out tells nothing of who did it
    end = _claim_end(c)
    dropped = [
        (_with_preposition(c.text, t.start - c.start), t.end - c.start, "")
        for t in ex.times
        if c.start <= t.start and t.end <= end
    ]
    out, at = [], 0
    for s, e, put in sorted([*((s, e, "someone") for s, e in inside), *dropped]):
        if s >= at:
            out += [c.text[at:s], put]
            at = e
    words = "".join([*out, c.text[at:]]).split()
    # a title before the name ("President someone") is part of the name that was set aside
    titles = title_words()
    kept = [
        w
        for k, w in enumerate(words)
        if not (k + 1 < len(words) and words[k + 1] == "someone" and w.lower() in titles)
    ]
    # "someone Attorney General someone": a place and a title around one person's name
    joined = _TITLED.sub("someone", " ".join(kept))
    return joined.lstrip(",;: ")


_TITLED = re.compile(r"\bsomeone(?: [A-Z][\w.'-]*){1,3} someone\b")


_TIME_PREPOSITION = re.compile(r"\b(?:on|in|at|by|since|until|during|from)\s+$", re.IGNORECASE)


def _with_preposition(text: str, start: int) -> int:
    """Where a time phrase begins with the preposition that leads it ("on March 11")."""
    m = _TIME_PREPOSITION.search(text, 0, start)
    return m.start() if m else start


def _claim_end(c: Claim) -> int:
    return c.start + len(c.text.rstrip())


def _times_in(ex: Extraction, c: Claim) -> tuple[TimeExpr, ...]:
    """Times written inside the claim's own span, when extract attached none to it, but for
    those of the claims told inside its subject ("The car, a grey estate stolen in Vessing six
    days before the raid, was found": the days are the theft's)."""
    end = _claim_end(c)
    # (a light verb's claim is its subject's: "The final offer, tabled on Friday, was 7%")
    verb = c.predicate[0] if c.predicate and action_class(c.action) not in LIGHT_VERBS else c.start
    theirs = {
        i
        for other in ex.claims
        if other is not c and other.sentence == c.sentence
        and c.start <= other.start and other.start + len(other.text) <= verb
        for i in other.time
    }  # fmt: skip
    return tuple(
        t for i, t in enumerate(ex.times) if i not in theirs and c.start <= t.start and t.end <= end
    )


def _places_in(ex: Extraction, c: Claim, text: str) -> tuple[str, ...]:
    """Places the claim's words put it in ("... in Oslo"): a place or country named right after a
    locative preposition inside the claim."""
    end = _claim_end(c)
    out = [
        m.entity_key
        for m in ex.mentions
        if c.start <= m.start
        and m.end <= end
        and m.entity_key.split(":", 1)[0] in _PLACE_KINDS
        and m.label != "NORP"
        and _LOCATIVE.search(text[max(c.start, m.start - 16) : m.start])
    ]
    return tuple(dict.fromkeys(out))


_PLACE_LEAD = re.compile(
    r"\b(?:in|at|on|near|outside|inside|across|from|to|into)\s+(?:the\s+)?$", re.IGNORECASE
)


def _placeless(ex: Extraction, c: Claim, places: tuple[str, ...]) -> str:
    """The claim without the places it names, with the preposition that puts it there ("...
    stable in Oslo" -> "... stable"; "the Oslo flat" -> "the flat"), its attribution left out as
    in Unit.core: two reports that set one fact in different places embed alike."""
    keys = set(places)
    core = _core(ex, c) or c.text
    cut: list[tuple[int, int]] = []
    for m in ex.mentions:
        if m.entity_key not in keys or not (c.start <= m.start and m.end <= c.start + len(core)):
            continue
        s0, s1 = m.start - c.start, m.end - c.start
        lead = _PLACE_LEAD.search(core[:s0])
        after = core[s1:].lstrip()
        bare_name = lead is not None and not lead.group().lower().rstrip().endswith("the")
        if lead and (bare_name or not after or not after[0].isalnum()):
            s0 = lead.start()  # "in Oslo" as a whole, not "in the Oslo flat"
        cut.append((s0, s1))
    if not cut:
        return ""
    out, at = [], 0
    for s0, s1 in sorted(cut):
        if s0 >= at:
            out.append(core[at:s0])
            at = s1
    out.append(core[at:])
    words = " ".join("".join(out).split())
    return re.sub(r"\s+([,.;:])", r"\1", words)


def _actors(ex: Extraction, c: Claim) -> tuple[str, ...]:
    """Extract's actors, and the names of subject conjuncts the tagger missed; where extract
    found none, the names the written subject holds (see _subject_names)."""
    if not c.actors:
        return _subject_names(ex, c)
    extra = [
        "name:" + "_".join(name.lower().split())
        for s0, s1, text in _subject_conjuncts(c)
        if not any(c.start + s0 <= m.end and m.start <= c.start + s1 for m in ex.mentions)
        for name in [written_name(text)]
        if name
    ]
    return tuple(dict.fromkeys([*c.actors, *extra]))


def _subject_names(ex: Extraction, c: Claim) -> tuple[str, ...]:
    """Named actors inside the claim's written subject ("Apple and Oxfam" in "Apple and Oxfam
    unveiled ..."), when extract typed none: the tagged names of each conjunct, else the proper
    name the conjunct is written as ("Save the Children", untyped: "name:save_the_children")."""
    out: list[str] = []
    for s0, s1, text in _subject_conjuncts(c):
        inside = [m for m in ex.mentions if c.start + s0 <= m.start and m.end <= c.start + s1]
        if inside:
            out += [
                m.entity_key
                for m in inside
                if m.label != "NORP" and m.entity_key.split(":", 1)[0] in _ACTOR_KINDS
            ]
        elif name := written_name(text):
            out.append("name:" + "_".join(name.lower().split()))
    return tuple(dict.fromkeys(out))


#: The joints of a list of subjects: "A, B and C".
CONJUNCT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _subject_conjuncts(c: Claim) -> list[tuple[int, int, str]]:
    """(start, end, text) of each conjunct of the claim's subject, offsets in the claim's text."""
    at = c.text.find(c.subject_text) if c.subject_text else -1
    if at < 0:
        return []
    out: list[tuple[int, int, str]] = []
    pos = 0
    for m in [*CONJUNCT.finditer(c.subject_text), None]:
        end = m.start() if m else len(c.subject_text)
        if end > pos and not (out and _DESCRIBING.match(c.subject_text[pos:end])):
            out.append((at + pos, at + end, c.subject_text[pos:end]))
        pos = m.end() if m else pos
    return out


#: a stretch between commas after the subject that describes it, no other subject: "The
#: museum, founded in 1847 in Morrel's Old Town", "the men, who were arrested by police"
_DESCRIBING = re.compile(r"(?:who|which|whose|that|[a-z]+(?:ed|ing))\b")


_CONNECTORS = frozenset(LEXICON["name_connectors"])
_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")


def written_name(subject: str) -> str:
    """The proper name a subject is written as where the tagger found none ("Save the
    Children", "the new Doctors Without Borders" -> "Doctors Without Borders"): capitalised
    words joined by connectors, two capitalised words at least; "" for anything else."""
    words = subject.split()
    # the determiner and lowercase modifiers before the name ("the new ...")
    while words and (words[0].lower() == "the" or not words[0][:1].isupper()):
        words = words[1:]
    if not words or any(not _NAME_WORD.match(w) and w.lower() not in _CONNECTORS for w in words):
        return ""
    if words[-1].lower() in _CONNECTORS or sum(1 for w in words if w[:1].isupper()) < 2:
        return ""
    return " ".join(words)


def _speakers_of(ex: Extraction, c: Claim) -> tuple[str, ...]:
    """Who the innermost attribution around the claim names ("..., according to the Red Cross"):
    its canonical key, else its name as written when that is a proper name."""
    for q in _around(ex, c):
        if q.attributed_to:
            return q.attributed_to
        if written := _written_source(q):
            return (written,)
    return ()


def _around(ex: Extraction, c: Claim) -> list[Quote]:
    """Indirect or direct speech that holds the claim, innermost first (the claim may run on
    into its own attribution: "..., according to Mayor Ana Ruiz")."""
    end = _claim_end(c)
    around = [
        q
        for q in ex.quotes
        if q.start <= c.start + 2 and end - 2 <= max(q.end, (q.speaker_span or (0, 0))[1])
    ]
    return sorted(around, key=lambda q: q.end - q.start)


def _written_source(q: Quote) -> str:
    """ "said:red_cross" for a source the text names as a proper name ("the Red Cross", not
    "officials") that extract gave no canonical key; "" otherwise."""
    words = (q.speaker_name or "").split()
    if any(w[:1].isupper() for w in words[1:]):
        name = " ".join(words).lower().removeprefix("the ")
        return "said:" + "_".join(name.split())
    return ""


def _attribution_layers(ex: Extraction, c: Claim, inner: tuple[str, ...]) -> tuple[str, ...]:
    """Every named source around the claim, innermost first: a report that cites someone who
    cites someone else names two sources of one statement."""
    out = list(inner)
    for q in _around(ex, c):
        out += q.attributed_to or [k for k in [_written_source(q)] if k]
    return tuple(dict.fromkeys(out))


#: Longest reported statement (in words) that is compared whole: a long quote says many things.
REPORTED_MAX_WORDS = 30


def _reported(ex: Extraction, c: Claim, text: str) -> str:
    """The whole of what the claim's innermost speech says, when the claim is a piece of it
    (one verb of "engineers had inspected the wall and found no damage"); "" otherwise."""
    end = _claim_end(c)
    for q in _around(ex, c):
        if not (q.start <= c.start and end <= q.end):
            continue  # the claim runs on into its attribution: its core is what was said
        said = text[q.start : q.end].strip().strip("“”\"'’‘").strip()
        n = len(WORD.findall(said))
        if n > len(WORD.findall(c.text)) and n <= REPORTED_MAX_WORDS:
            return said
        return ""
    return ""


def _core(ex: Extraction, c: Claim) -> str:
    """The claim without the attribution it ends on (", according to X", ", X said"), when what
    is left still reads as a statement (three words or more)."""
    end = _claim_end(c)
    for q in _around(ex, c):
        span = q.speaker_span
        if q.direct or span is None or not (q.end <= span[0] < end) or q.end <= c.start:
            continue
        head = c.text[: q.end - c.start].rstrip(" ,;:—–-")
        if len(WORD.findall(head)) >= 3:
            return head
    return ""


def other_actors(a: Unit, b: Unit) -> bool:
    """Each claim names an actor the other does not: other actors ("Unicef" / "Oxfam"), or lists
    that differ by a member ("Unicef and Oxfam" / "Unicef and Interpol")."""
    xa, xb = slugs(a.actors), slugs(b.actors)
    return bool(xa - xb) and bool(xb - xa)


def slugs(keys: Sequence[str] | frozenset[str] | set[str]) -> set[str]:
    """Keys without their kind: one name typed differently by two reports is one name."""
    return {k.split(":", 1)[-1] for k in keys}
