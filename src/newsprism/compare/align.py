"""Claim alignment: which claims of different sources state the same fact.

Each claim of the extract stage becomes a Unit. Two units of different sources are scored by the
cosine of their embeddings (claim and sentence), the overlap of their canonical entities and
whether their predicates mean the same; pairs above a threshold (or mutual best matches above a
lower one) are linked, and linked units form groups (connected components), so alignment is
many-to-many: a source that splits one sentence of another into two claims links both.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsprism.embed.base import Embedder
from newsprism.extract.entities import title_words
from newsprism.extract.types import Claim, Extraction, Quantity, Quote, TimeExpr

#: Linked without further question.
LINK_HIGH = 0.72
#: Linked when the pair is a mutual best match (or one side's best within MARGIN of it).
LINK_LOW = 0.6
MARGIN = 0.04
#: Two groups merge only when their cross-source pairs score this much on average.
GROUP_MEAN = 0.66
#: Score given to links that slot evidence forces (the same counted thing in matching sentences).
FORCED = 1.0

_WORD = re.compile(r"[\w'’-]+")
_REPORTING = frozenset(
    [
        "say",
        "said",
        "says",
        "tell",
        "told",
        "add",
        "added",
        "state",
        "stated",
        "report",
        "reported",
        "according",
    ]
)

#: Predicates that state the same relation (lemma -> class).
_ACTION_CLASSES = {
    **dict.fromkeys(("back", "support", "endorse", "fund", "arm", "ally", "sponsor"), "support"),
    **dict.fromkeys(("say", "tell", "state", "add", "announce", "declare", "report"), "say"),
    **dict.fromkeys(("speak", "talk", "call", "phone", "discuss", "meet", "hold"), "talk"),
    **dict.fromkeys(("kill", "slay", "shoot", "murder"), "kill"),
    **dict.fromkeys(("evacuate", "move", "flee", "leave", "relocate"), "evacuate"),
    **dict.fromkeys(("approve", "authorize", "authorise", "pass"), "approve"),
    **dict.fromkeys(("open", "release", "begin", "start"), "open"),
    **dict.fromkeys(("promise", "pledge", "announce", "commit"), "promise"),
    **dict.fromkeys(("send", "deploy", "dispatch"), "send"),
    **dict.fromkeys(("arrest", "detain", "apprehend"), "arrest"),
    **dict.fromkeys(("hit", "strike", "batter"), "hit"),
    **dict.fromkeys(("die", "perish"), "die"),
    **dict.fromkeys(("find", "discover", "locate", "uncover"), "find"),
    **dict.fromkeys(("injure", "hurt", "wound"), "injure"),
    **dict.fromkeys(("arrive", "land", "reach"), "arrive"),
    **dict.fromkeys(("unveil", "introduce", "launch", "present", "reveal"), "unveil"),
    **dict.fromkeys(("rescue", "save"), "rescue"),
    **dict.fromkeys(("charge", "indict", "accuse"), "charge"),
    **dict.fromkeys(("raise", "increase", "hike", "boost"), "raise"),
    **dict.fromkeys(("cut", "reduce", "lower", "slash"), "cut"),
    **dict.fromkeys(("close", "shut"), "close"),
    **dict.fromkeys(("win", "secure"), "win"),
    **dict.fromkeys(("resign", "quit", "step"), "resign"),
    # one act told in other words ("stole her gun" / "seized her weapon"): without a shared
    # class the claims neither align as one act nor get checked for who did it
    **dict.fromkeys(("steal", "seize", "grab", "snatch", "loot"), "seize"),
    **dict.fromkeys(("buy", "acquire", "purchase"), "buy"),
    **dict.fromkeys(("sell", "offload"), "sell"),
    **dict.fromkeys(("attack", "assault", "raid", "storm"), "attack"),
    **dict.fromkeys(("capture", "overrun"), "capture"),
    **dict.fromkeys(("defeat", "rout"), "defeat"),
    **dict.fromkeys(("appoint", "nominate", "hire"), "appoint"),
    **dict.fromkeys(("dismiss", "sack", "oust"), "dismiss"),
    **dict.fromkeys(("sign", "ink"), "sign"),
    **dict.fromkeys(("ban", "prohibit", "outlaw"), "ban"),
    **dict.fromkeys(("suspend", "halt"), "suspend"),
    **dict.fromkeys(("investigate", "probe"), "investigate"),
    **dict.fromkeys(("criticize", "criticise", "condemn", "denounce", "slam"), "condemn"),
    **dict.fromkeys(("destroy", "demolish", "raze", "flatten"), "destroy"),
    **dict.fromkeys(("build", "construct", "erect"), "build"),
    **dict.fromkeys(("jail", "imprison", "sentence"), "jail"),
    **dict.fromkeys(("escape", "abscond"), "escape"),
    **dict.fromkeys(("foil", "thwart", "repel", "repulse"), "foil"),
}


#: Predicates too light to tell facts apart.
#: Verbs too general to say two claims state one act ("had", "made", "took").
LIGHT_VERBS = frozenset({"be", "have", "do", "make", "take", "get", "come", "go"})


def action_class(action: str) -> str:
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

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


_NEG_CUES = frozenset(
    [
        "not",
        "n't",
        "never",
        "no",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "cannot",
    ]
)


def negation_cues(text: str) -> int:
    """How many negation words a stretch of text holds ("not", "never", "no" ...)."""
    # a capitalised cue inside a sentence belongs to a name ("Doctors Without Borders")
    words = [
        w.lower().replace("’", "'")
        for i, w in enumerate(_WORD.findall(text))
        if i == 0 or not w[:1].isupper()
    ]
    return sum(1 for w in words if w in _NEG_CUES or w.endswith("n't"))


def build_units(
    extractions: Sequence[Extraction], texts: Sequence[str], titles: Sequence[str]
) -> list[Unit]:
    units: list[Unit] = []
    for si, (ex, text, title) in enumerate(zip(extractions, texts, titles, strict=True)):
        title_end = len(title) if title else 0
        seen: set[str] = set()
        orphans = _orphan_quantities(ex)
        for ci, c in enumerate(ex.claims):
            clean = c.text.strip().strip("“”\"'’‘").strip()
            words = _WORD.findall(clean)
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
                    negated=c.negated or negation_cues(_unnamed(ex, c)) % 2 == 1,
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


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|across)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_KINDS = ("place", "country")
_ACTOR_KINDS = ("person", "org", "country", "group")


_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "has",
        "have",
        "had",
        "that",
        "this",
        "it",
        "its",
        "their",
        "his",
        "her",
        "he",
        "she",
        "they",
        "which",
        "who",
        "said",
        "says",
    ]
)


def _gist(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP)


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
    """Times written inside the claim's own span, when extract attached none to it."""
    end = _claim_end(c)
    return tuple(t for t in ex.times if c.start <= t.start and t.end <= end)


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
    r"\b(?:in|at|near|outside|inside|across|from|to|into)\s+(?:the\s+)?$", re.IGNORECASE
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
    out, pos = [], 0
    for m in [*CONJUNCT.finditer(c.subject_text), None]:
        end = m.start() if m else len(c.subject_text)
        if end > pos:
            out.append((at + pos, at + end, c.subject_text[pos:end]))
        pos = m.end() if m else pos
    return out


_CONNECTORS = frozenset(["of", "the", "for", "and", "without", "de", "du", "van", "von", "&"])
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
        n = len(_WORD.findall(said))
        if n > len(_WORD.findall(c.text)) and n <= REPORTED_MAX_WORDS:
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
        if len(_WORD.findall(head)) >= 3:
            return head
    return ""


_SEGMENT_BREAK = re.compile(
    r"\s*[,;:()]\s*|\s+(?=(?:despite|including|amid|after|while|because|although|as well as)\s)",
    re.IGNORECASE,
)


def segments(text: str) -> list[str]:
    """Stretches of a long claim that may state a fact of their own ("... despite tensions over
    Ankara's purchase of Russian missile systems"), four words or more each."""
    parts = [p.strip() for p in _SEGMENT_BREAK.split(text) if p and p.strip()]
    out = [p for p in parts if len(_WORD.findall(p)) >= 4]
    return out if len(out) > 1 else []


#: Claims shorter than this are not split into segments.
SEGMENT_MIN_WORDS = 16
#: A claim this long relative to its sentence stands for the sentence.
SENTENCE_REUSE = 0.8


@dataclass(frozen=True)
class Vectors:
    claims: np.ndarray  # one row per unit
    sentences: np.ndarray  # the unit's sentence, one row per unit
    #: (unit index, vector) for every segment of every long claim
    segment_units: np.ndarray
    segments: np.ndarray
    #: unit index -> vector of its claim with its actors' names replaced (see Unit.bare), for
    #: claims that share their predicate with a claim of another source naming other actors
    bare: dict[int, np.ndarray] = field(default_factory=dict)
    #: unit index -> vector of Unit.placeless, for claims that may state one fact with a claim
    #: of another source set in another place
    placeless: dict[int, np.ndarray] = field(default_factory=dict)
    #: unit index -> vector of what its speaker said as a whole (Unit.reported, else its core or
    #: text), for claims of one speaker in two sources (see reported_pairs)
    reported: dict[int, np.ndarray] = field(default_factory=dict)


def embed_units(units: Sequence[Unit], embedder: Embedder) -> Vectors:
    """Claim, sentence and segment vectors; every distinct text is embedded once."""
    dim = int(getattr(embedder, "dim", 384))
    if not units:
        empty = np.zeros((0, dim), dtype=np.float32)
        return Vectors(empty, empty, np.zeros(0, dtype=int), empty)
    seg_owner: list[int] = []
    seg_texts: list[str] = []
    for u in units:
        if u.words < SEGMENT_MIN_WORDS:
            continue  # a short claim is matched whole
        for s in segments(u.core or u.text):
            if len(s) >= SENTENCE_REUSE * len(u.core or u.text):
                continue  # nearly the whole claim: its vector adds nothing
            seg_owner.append(u.uid)
            seg_texts.append(s)
    # a sentence that its claim nearly fills embeds like the claim: reuse the claim's vector
    sentence_of = {
        u.uid: u.text if len(u.text) >= SENTENCE_REUSE * len(u.sentence_text) else u.sentence_text
        for u in units
    }
    bare = _other_actor_candidates(units)
    placeless = sorted({i for pair in other_place_pairs(units) for i in pair})
    reported = sorted({i for pair in reported_pairs(units) for i in pair})
    texts = list(
        dict.fromkeys(
            [u.core or u.text for u in units]
            + list(sentence_of.values())
            + seg_texts
            + [units[i].bare for i in bare]
            + [units[i].placeless for i in placeless]
            + [_said(units[i]) for i in reported]
        )
    )
    index = {t: i for i, t in enumerate(texts)}
    vecs = np.asarray(embedder.encode(texts), dtype=np.float32)
    return Vectors(
        bare={i: vecs[index[units[i].bare]] for i in bare},
        placeless={i: vecs[index[units[i].placeless]] for i in placeless},
        reported={i: vecs[index[_said(units[i])]] for i in reported},
        claims=vecs[[index[u.core or u.text] for u in units]],
        sentences=vecs[[index[sentence_of[u.uid]] for u in units]],
        segment_units=np.array(seg_owner, dtype=int),
        segments=vecs[[index[t] for t in seg_texts]]
        if seg_texts
        else np.zeros((0, dim), np.float32),
    )


def _said(u: Unit) -> str:
    return u.reported or u.core or u.text


def reported_pairs(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Claim pairs of different sources that the same named speaker says, one of them a piece
    of a longer statement: the statements as wholes are worth comparing (few claims qualify)."""
    spoken = [u for u in units if u.speakers]
    out: list[tuple[int, int]] = []
    for x, a in enumerate(spoken):
        for b in spoken[x + 1 :]:
            if a.source == b.source or not (a.reported or b.reported):
                continue
            if _slugs(a.speakers) & _slugs(b.speakers):
                out.append((a.uid, b.uid))
    return out


def _other_actor_candidates(units: Sequence[Unit]) -> list[int]:
    """Units whose predicate (a telling one) another source states of other named actors: their
    actor-less wording is worth embedding (few claims, so the cost stays small)."""
    by_class: dict[str, list[Unit]] = {}
    for u in units:
        cls = action_class(u.claim.action)
        if u.bare and cls not in LIGHT_VERBS:
            by_class.setdefault(cls, []).append(u)
    out: set[int] = set()
    for us in by_class.values():
        for x in range(len(us)):
            for y in range(x + 1, len(us)):
                a, b = us[x], us[y]
                if a.source != b.source and _other_actors(a, b):
                    out |= {a.uid, b.uid}
    return sorted(out)


#: Share of the shorter claim's words (Unit.gist) that two claims with different predicates
#: have in common when they may state one fact.
OTHER_PLACE_GIST = 0.4


def other_place_pairs(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Claim pairs of different sources that set a like statement in different places: the same
    telling predicate, or many words in common. Their place-less wordings are worth embedding
    (few claims name a place, so the cost stays small)."""
    placed = [u for u in units if u.placeless and u.places]
    out: list[tuple[int, int]] = []
    for x, a in enumerate(placed):
        for b in placed[x + 1 :]:
            if a.source == b.source or _slugs(a.places) & _slugs(b.places):
                continue
            ca, cb = action_class(a.claim.action), action_class(b.claim.action)
            same = ca == cb and ca not in LIGHT_VERBS
            if same or _overlap(a.gist, b.gist) >= OTHER_PLACE_GIST:
                out.append((a.uid, b.uid))
    return out


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def pair_scores(units: Sequence[Unit], vectors: Vectors) -> np.ndarray:
    """Score of every unit pair (0 within a source): embeddings, entities and predicates."""
    n = len(units)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    cos_c = vectors.claims @ vectors.claims.T
    if len(vectors.segments):
        # a claim's segment may state the whole of another source's claim
        all_vecs = np.vstack([vectors.claims, vectors.segments])
        owner = np.concatenate([np.arange(n), vectors.segment_units])
        sims = all_vecs @ all_vecs.T
        best = np.full((n, n), -1.0, dtype=np.float32)
        np.maximum.at(
            best, (owner[:, None].repeat(len(owner), 1), owner[None, :].repeat(len(owner), 0)), sims
        )
        cos_c = np.maximum(cos_c, best - 0.04)
    cos_s = vectors.sentences @ vectors.sentences.T
    scores = 0.85 * cos_c + 0.15 * np.maximum(cos_s, cos_c)
    src = np.array([u.source for u in units])
    classes = [action_class(u.claim.action) for u in units]
    for i in range(n):
        for j in range(i + 1, n):
            if src[i] == src[j]:
                continue
            ui, uj = units[i], units[j]
            # who said it is no part of what is said: the speakers' names count apart
            bonus = 0.12 * _jaccard(ui.keys - set(ui.attribution), uj.keys - set(uj.attribution))
            if classes[i] == classes[j]:
                bonus += 0.05
            if ui.speakers and set(ui.speakers) & set(uj.speakers):
                bonus += 0.05  # the same source says both
            if ui.negated and uj.negated:
                bonus += 0.04  # two denials ("no damage", "not damaged") share their point
            elif classes[i] not in LIGHT_VERBS and classes[j] not in LIGHT_VERBS:
                bonus -= 0.03
            short = min(ui.words, uj.words)
            if short < 6:
                bonus -= 0.02 * (6 - short)  # fragments embed loosely
            scores[i, j] += bonus
            scores[j, i] += bonus
    _same_act_other_actor(units, scores, classes, vectors.bare)
    _same_fact_other_place(units, scores, classes, vectors.placeless)
    _same_statement(units, scores, cos_c, vectors.reported)
    _negation_twins(units, scores, classes)
    scores[src[:, None] == src[None, :]] = 0.0
    return np.clip(scores, 0.0, 1.0)


#: Score given to two claims that say the same thing of different named actors.
SAME_ACT = 0.7


#: Cosine of two claims' actor-less wordings (Unit.bare) that say they state one act.
BARE_MIN = 0.72


def _same_act_other_actor(
    units: Sequence[Unit],
    scores: np.ndarray,
    classes: list[str],
    bare: dict[int, np.ndarray] | None = None,
) -> None:
    """ "Greenlake opened the floodgates" / "Tavel Power opened the floodgates": new names move
    the embeddings apart, yet the claims state one act and dispute who did it. Claims with the
    same predicate, different named actors and the same words otherwise -- or the same meaning
    once the names are set aside, names the other report never mentions -- score SAME_ACT."""
    bare = bare or {}
    acts = acts_by_source(units, classes)
    for i, j in _bare_pairs(units, bare):
        ui, uj = units[i], units[j]
        if scores[i, j] >= SAME_ACT or float(bare[i] @ bare[j]) < BARE_MIN:
            continue
        if _both_act(ui, uj, classes[i], acts):
            continue
        scores[i, j] = scores[j, i] = SAME_ACT
    for i, ui in enumerate(units):
        if not ui.actors or len(ui.gist) < 3:
            continue
        light = classes[i] in LIGHT_VERBS
        for j in range(i + 1, len(units)):
            uj = units[j]
            if uj.source == ui.source or classes[j] != classes[i] or not uj.actors:
                continue
            if not _other_actors(ui, uj) or scores[i, j] >= SAME_ACT:
                continue
            overlap = len(ui.gist & uj.gist) / len(ui.gist | uj.gist)
            if _both_act(ui, uj, classes[i], acts):
                continue
            if not light and overlap >= 0.6:
                scores[i, j] = scores[j, i] = SAME_ACT
            elif overlap >= SAME_WORDS and len(ui.gist) >= 4:
                # a light predicate ("X had eight of the 11 assists") tells facts apart by its
                # words only: the very same words of another name state one fact
                scores[i, j] = scores[j, i] = SAME_WORDS_SCORE


#: Share of their words (Unit.gist) two claims with a light predicate and different actors have
#: in common when they state one fact; and the score they then get (enough for check_actors).
SAME_WORDS = 0.85
SAME_WORDS_SCORE = 0.8


def acts_by_source(units: Sequence[Unit], classes: list[str]) -> dict[int, set[tuple[str, str]]]:
    """Per source, every (actor, predicate class) it states: who does what in that report."""
    out: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for u, cls in zip(units, classes, strict=True):
        out[u.source].update((s, cls) for s in _slugs(u.actors))
    return out


def _both_act(ui: Unit, uj: Unit, cls: str, acts: dict[int, set[tuple[str, str]]]) -> bool:
    """Whether a report also states the act of the other report's actor: "Smith scored" /
    "Jones scored" where each report has both score are two acts of two actors, not one
    disputed. A report that names the other's actor doing something else (or nothing) still
    gives the act to someone else."""
    xi, xj = _slugs(ui.actors), _slugs(uj.actors)
    # an actor both claims name is no part of the dispute ("Unicef and Oxfam" / "Unicef and
    # Interpol": only Oxfam and Interpol are given the act by one report alone)
    return any((s, cls) in acts[uj.source] for s in xi - xj) or any(
        (s, cls) in acts[ui.source] for s in xj - xi
    )


#: Cosine of two claims' place-less wordings that says they state one fact: the same
#: predicate, or (a different or light one) a closer match.
PLACELESS_MIN = 0.7
PLACELESS_OTHER_MIN = 0.8


def _same_fact_other_place(
    units: Sequence[Unit],
    scores: np.ndarray,
    classes: list[str],
    placeless: dict[int, np.ndarray],
) -> None:
    """ "The patients were stable in Oslo" / "... stable in Bergen": the names move the
    embeddings apart, yet the claims state one fact and dispute where. Claims whose wordings
    without their places match score as if the places agreed (less a little)."""
    for i, j in other_place_pairs(units):
        if i not in placeless or j not in placeless:
            continue
        cos = float(placeless[i] @ placeless[j])
        same = classes[i] == classes[j] and classes[i] not in LIGHT_VERBS
        if cos < (PLACELESS_MIN if same else PLACELESS_OTHER_MIN):
            continue
        lifted = min(cos - 0.02, LINK_HIGH + 0.05)
        if lifted > scores[i, j]:
            scores[i, j] = scores[j, i] = lifted


#: Cosine of two claims' own wordings below which their speaker's whole statements are not
#: compared (claims that share nothing but their speaker).
REPORTED_CLAIM_MIN = 0.4
#: Score added to the cosine of two statements of one speaker (as the same speaker adds).
REPORTED_BONUS = 0.05


def _same_statement(
    units: Sequence[Unit],
    scores: np.ndarray,
    cos_c: np.ndarray,
    reported: dict[int, np.ndarray],
) -> None:
    """ "Valmora Hydro said engineers inspected the wall and found no damage" / "Valmora Hydro
    said the structure showed no damage": extract splits the first into two claims, and the
    piece "found no damage" is too short to embed close to the other, yet one speaker says one
    thing in both. Claims said by the same speaker score as their whole statements match
    (capped as a lifted pair is elsewhere) -- only the piece of each statement most like the
    other claim, so that a statement of two things does not link both of them."""
    pieces: dict[tuple[int, str], list[int]] = defaultdict(list)
    for u in units:
        if u.reported:
            pieces[(u.source, u.reported)].append(u.uid)

    def likest(i: int, j: int) -> bool:
        mates = pieces.get((units[i].source, units[i].reported), [i])
        return all(cos_c[i, j] >= cos_c[k, j] for k in mates)

    for i, j in reported_pairs(units):
        if i not in reported or j not in reported or cos_c[i, j] < REPORTED_CLAIM_MIN:
            continue
        if not (likest(i, j) and likest(j, i)):
            continue
        cos = float(reported[i] @ reported[j])
        lifted = min(cos + REPORTED_BONUS, LINK_HIGH + 0.05)
        if lifted <= scores[i, j]:
            continue
        scores[i, j] = scores[j, i] = lifted
        # the statement's other pieces ("engineers had inspected the wall") tell more of the
        # same statement: enough to join its group beside their sentence-mate (see attach)
        if lifted >= LINK_HIGH:
            for a, b in ((i, j), (j, i)):
                for k in pieces.get((units[a].source, units[a].reported), []):
                    if k != a and scores[k, b] < LINK_LOW:
                        scores[k, b] = scores[b, k] = LINK_LOW


def _bare_pairs(units: Sequence[Unit], bare: dict[int, np.ndarray]) -> list[tuple[int, int]]:
    ids = sorted(bare)
    return [
        (i, j)
        for x, i in enumerate(ids)
        for j in ids[x + 1 :]
        if units[i].source != units[j].source
        and action_class(units[i].claim.action) == action_class(units[j].claim.action)
        and _other_actors(units[i], units[j])
    ]


def _other_actors(a: Unit, b: Unit) -> bool:
    """Each claim names an actor the other does not: other actors ("Unicef" / "Oxfam"), or lists
    that differ by a member ("Unicef and Oxfam" / "Unicef and Interpol")."""
    xa, xb = _slugs(a.actors), _slugs(b.actors)
    return bool(xa - xb) and bool(xb - xa)


def _slugs(keys: Sequence[str] | frozenset[str] | set[str]) -> set[str]:
    """Keys without their kind: one name typed differently by two reports is one name."""
    return {k.split(":", 1)[-1] for k in keys}


#: Score given to two claims that say the same words, one of them negated.
TWINS = 0.72
_POLAR = frozenset(
    ["not", "n't", "never", "no", "do", "does", "did", "don't", "doesn't", "didn't", "longer"]
)


def _negation_twins(units: Sequence[Unit], scores: np.ndarray, classes: list[str]) -> None:
    """ "Schiller unveiled the MacBook" / "Schiller did not unveil the MacBook": the negation
    moves the embeddings apart, yet the claims state one fact and dispute whether it holds."""
    for i, ui in enumerate(units):
        if classes[i] in LIGHT_VERBS or len(ui.gist) < 3:
            continue
        gi = ui.gist - _POLAR
        for j in range(i + 1, len(units)):
            uj = units[j]
            if uj.source == ui.source or uj.negated == ui.negated or classes[j] != classes[i]:
                continue
            if scores[i, j] >= TWINS:
                continue
            gj = uj.gist - _POLAR
            if gi and gj and len(gi & gj) / len(gi | gj) >= 0.6:
                scores[i, j] = scores[j, i] = TWINS


def link(units: Sequence[Unit], scores: np.ndarray) -> list[tuple[int, int, float]]:
    """Linked unit pairs (i < j, score)."""
    n = len(units)
    src = np.array([u.source for u in units]) if n else np.zeros(0, dtype=int)
    edges: dict[tuple[int, int], float] = {}
    for i in range(n):
        for other in sorted(set(src.tolist()) - {src[i]}):
            cols = np.flatnonzero(src == other)
            row = scores[i, cols]
            best = float(row.max())
            for j, s in zip(cols.tolist(), row.tolist(), strict=True):
                if s >= LINK_HIGH or (s >= LINK_LOW and s >= best - MARGIN):
                    key = (min(i, j), max(i, j))
                    edges[key] = max(edges.get(key, 0.0), float(s))
    # a low link must be (near) the best for both ends, or it chains unrelated facts
    out: list[tuple[int, int, float]] = []
    for (i, j), s in sorted(edges.items()):
        if s < LINK_HIGH:
            best_j = _best(scores, src, j, src[i])
            best_i = _best(scores, src, i, src[j])
            if s < best_i - MARGIN or s < best_j - MARGIN:
                continue
        out.append((i, j, s))
    return out


def _best(scores: np.ndarray, src: np.ndarray, i: int, other: int) -> float:
    cols = np.flatnonzero(src == other)
    return float(scores[i, cols].max()) if len(cols) else 0.0


def groups(
    units: Sequence[Unit], scores: np.ndarray, edges: Sequence[tuple[int, int, float]]
) -> list[list[int]]:
    """Groups of linked units, merged strongest link first; two groups merge only when their
    units match on average (cross-source pairs), so one loose link cannot chain two facts."""
    n = len(units)
    member: list[int] = list(range(n))
    sets: dict[int, list[int]] = {i: [i] for i in range(n)}
    for i, j, _ in sorted(edges, key=lambda e: -e[2]):
        gi, gj = member[i], member[j]
        if gi == gj:
            continue
        forced = _ >= FORCED
        if not forced and not _fits(units, scores, sets[gi], sets[gj]):
            continue
        keep, drop = min(gi, gj), max(gi, gj)
        sets[keep].extend(sets.pop(drop))
        for x in sets[keep]:
            member[x] = keep
    return sorted((sorted(g) for g in sets.values()), key=lambda g: g[0])


#: ... and the larger group's claims match the smaller one this much on average (a sentence
#: split into several claims matches another source's claim with one of them only)
GROUP_OTHER_MEAN = 0.5


def _fits(units: Sequence[Unit], scores: np.ndarray, x: list[int], y: list[int]) -> bool:
    """Whether two groups state one fact: each claim's best match in the other group, averaged
    over the smaller group, reaches GROUP_MEAN (and GROUP_OTHER_MEAN over the larger)."""
    small, large = (x, y) if len(x) <= len(y) else (y, x)

    def mean_best(xs: list[int], ys: list[int]) -> float | None:
        bests = [
            max(float(scores[a, b]) for b in others)
            for a in xs
            for others in [[b for b in ys if units[b].source != units[a].source]]
            if others
        ]
        return sum(bests) / len(bests) if bests else None

    m_small, m_large = mean_best(small, large), mean_best(large, small)
    if m_small is None or m_large is None:
        return True
    return m_small >= GROUP_MEAN and m_large >= GROUP_OTHER_MEAN


def attach(units: Sequence[Unit], scores: np.ndarray, grouped: list[list[int]]) -> list[list[int]]:
    """A claim left alone whose best match (above LINK_LOW) sits in a group of other sources
    joins that group: it restates part of a shared fact that another claim already carries."""
    group_of = {u: gi for gi, g in enumerate(grouped) for u in g}
    moves: dict[int, int] = {}
    for _gi, g in enumerate(grouped):
        if len(g) != 1:
            continue
        i = g[0]
        row = scores[i]
        j = int(np.argmax(row)) if len(row) else -1
        if j < 0 or row[j] < LINK_LOW:
            continue
        target = group_of[j]
        mates = [x for x in grouped[target] if units[x].source == units[i].source]
        if len({units[x].source for x in grouped[target]}) > 1 and any(
            units[x].sentence == units[i].sentence for x in mates
        ):
            moves[i] = target  # only beside a sentence-mate: a split of the same statement
    out = [list(g) for g in grouped]
    for i, target in moves.items():
        out[group_of[i]].remove(i)
        out[target].append(i)
    return sorted((sorted(g) for g in out if g), key=lambda g: g[0])
