"""What kind of thing a name is, from the words around every mention of it.

The small spaCy model guesses a label from the name alone and often gets names it has never seen
wrong ("Valmora Hydro" a person, "Ostra" an organisation, "Marta Ilves" a place). The text usually
says what a name is: a role before it ("civil protection chief Marta Ilves"), a suffix inside it
("Valmora Hydro", "Brannock Dam"), a place construction ("the village of Kesk", "in Pellin",
"Pellin residents"), a verb of speaking after a first and last name ("Elena Brandt said"). Each
mention scores the types; all mentions of one name in an article add up, so a name has one type
per article. spaCy's own label is one weak vote. Sentence-initial common nouns ("Engineers",
"Farmers") are not names at all and are dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.gazetteer import Gazetteer, NameCues, fold
from newsprism.extract.quotes import SPEAKING_IN_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: prepositions before a place, with how much they say
_LOC_PREPS = {
    "in": 2.0, "near": 2.0, "outside": 2.0, "around": 2.0, "across": 2.0, "above": 2.0,
    "below": 2.0, "throughout": 2.0, "into": 2.0, "towards": 1.5, "toward": 1.5, "at": 1.0,
    "to": 1.0, "from": 1.5,
}  # fmt: skip
_MOTION = frozenset({
    "fly", "travel", "go", "come", "return", "move", "head", "arrive", "drive", "sail", "walk",
    "march", "flee", "evacuate", "relocate", "deploy", "send", "transfer", "airlift", "ship",
    "retreat", "withdraw", "escape", "commute",
})  # fmt: skip
_SPEAKING = (
    frozenset(
        {"say", "tell", "add", "explain", "insist", "warn", "argue", "write", "tweet", "recall"}
    )
    | SPEAKING_IN_PERSON
)
_TITLE_HEADS = frozenset({"minister", "secretary", "ministry", "spokesman", "spokeswoman", "chief"})
_LABEL_TYPE = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
#: a type needs this much evidence beyond spaCy's label to overrule it
_MARGIN = 0.5


@dataclass(frozen=True)
class Decision:
    #: person, org, place, or "" when the evidence leaves spaCy's label standing
    type: str
    #: drop the mention: a capitalised common noun, not a name
    drop: bool = False
    #: tokens to skip at the start of the span (a role word: "Striker Jonas Ekwueme")
    skip: int = 0


def name_key(words: list[str]) -> str:
    return fold(" ".join(words)).casefold()


def decide(
    doc: Doc,
    spans: list[tuple[int, int, str]],
    gaz: Gazetteer,
    nouns: frozenset[str],
) -> list[Decision]:
    """One Decision per (start, end, label) span; every span of one name gets the same type."""
    skips = [_role_prefix(doc, s, e, gaz) for s, e, _ in spans]
    names = [
        name_key([t.text for t in doc[s + k : e]])
        for (s, e, _), k in zip(spans, skips, strict=True)
    ]
    scores: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (s, e, label), k, name in zip(spans, skips, names, strict=True):
        for kind, w in _evidence(doc, s + k, e, label, gaz, bool(k)):
            scores[name][kind] += w
    _share_conjuncts(doc, spans, skips, names, scores)
    _share_surnames(names, scores)
    lower_words = {t.lower_ for t in doc if t.is_lower}
    out = []
    for (s, e, label), k, name in zip(spans, skips, names, strict=True):
        if _is_common_noun(doc, s, e, label, nouns, lower_words, scores[name]):
            out.append(Decision("", drop=True))
            continue
        out.append(Decision(_winner(scores[name], label), skip=k))
    return out


def type_scores(doc: Doc, start: int, end: int, label: str, gaz: Gazetteer) -> dict[str, float]:
    """The evidence of one mention alone (for tests and for explaining a decision)."""
    k = _role_prefix(doc, start, end, gaz)
    out: dict[str, float] = defaultdict(float)
    for kind, w in _evidence(doc, start + k, end, label, gaz, bool(k)):
        out[kind] += w
    return dict(out)


def _winner(score: dict[str, float], label: str) -> str:
    if not score:
        return ""
    own = _LABEL_TYPE.get(label, "")
    best = max(score, key=lambda kd: (score[kd], kd == own))
    runner_up = max((v for kd, v in score.items() if kd != best), default=0.0)
    if best != own and score[best] - runner_up < _MARGIN:
        return ""
    return best


# --- evidence ----------------------------------------------------------------------------------


def _role_prefix(doc: Doc, s: int, e: int, gaz: Gazetteer) -> int:
    """How many leading role words a span has ("Striker Jonas Ekwueme" -> 1), keeping two."""
    k = 0
    while e - (s + k) > 2 and doc[s + k].lower_.rstrip(".") in gaz.roles and doc[s + k].is_title:
        k += 1
    return k


def _evidence(
    doc: Doc, s: int, e: int, label: str, gaz: Gazetteer, had_role: bool
) -> list[tuple[str, float]]:
    span = doc[s:e]
    words = [t.lower_ for t in span if not t.is_punct]
    if not words:
        return []
    out: list[tuple[str, float]] = []
    own = _LABEL_TYPE.get(label)
    if own:
        # spaCy is surer of a first-and-last name than of a single unknown word
        out.append((own, 1.5 if own == "person" and 2 <= len(words) <= 3 else 1.0))
    internal = _internal(words, gaz.cues)
    if internal:
        out.append((internal, 3.0))
    if had_role or _role_before(doc, s, gaz):
        out.append(("person", 3.0 if internal != "org" else 1.0))
    out += _context(doc, span, s, e, gaz, internal)
    return out


def _internal(words: list[str], cues: NameCues) -> str:
    if words[-1] in cues.org_suffixes or (len(words) > 1 and words[0] in ("bank", "university")):
        return "org"
    if len(words) > 1 and (words[-1] in cues.place_suffixes or words[0] in cues.place_prefixes):
        return "place"
    if any(w in ("ministry", "agency", "authority", "council", "commission") for w in words):
        return "org"  # "Ministry of Health", "Council of Europe"
    return ""


def _role_before(doc: Doc, s: int, gaz: Gazetteer) -> bool:
    """ "chief X", "Prime Minister X", "opposition leader X" (not "chief of X")."""
    if s == 0:
        return False
    prev = doc[s - 1]
    word = prev.lower_.rstrip(".")
    if word in gaz.roles or word in gaz.honorifics:
        return True
    return s >= 2 and gaz.title_kind(f"{doc[s - 2].lower_} {word}") is not None


def _context(
    doc: Doc, span: Span, s: int, e: int, gaz: Gazetteer, internal: str
) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    cues = gaz.cues
    prev = doc[s - 1] if s > 0 else None
    prev2 = doc[s - 2] if s > 1 else None
    nxt = doc[e] if e < len(doc) else None
    if (
        prev is not None
        and prev.lower_ == "of"
        and prev2 is not None
        and prev2.lower_ in cues.of_place
    ):
        out.append(("place", 4.0))
    if nxt is not None and nxt.lower_ in cues.place_followers:
        out.append(("place", 3.0))
    elif nxt is not None and e + 1 < len(doc) and f"{nxt.lower_} {doc[e + 1].lower_}" == "air base":
        out.append(("place", 3.0))  # "Cairnhollow air base": the base's place name
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in Hallowmere and Pike Crossing": the preposition governs both
    if root.dep_ == "pobj" and root.head.lower_ in _LOC_PREPS and root.head.dep_ != "agent":
        out.append(("place", _place_weight(doc, root.head, cues)))
    n_words = sum(1 for t in span if not t.is_punct)
    if root.dep_ == "appos" and root.head.lower_ in gaz.roles and root.head.i < s:
        # "Its manager, Ruben Ashdown, said": the name stands for the role said before it
        out.append(("person", 3.0))
    if _speaks(span.root):
        # people speak; so do organisations, whose names the suffix check already caught
        capitalised = all(t.is_title or not t.is_alpha for t in span)
        if capitalised and 2 <= n_words <= 3 and not internal:
            out.append(("person", 2.5))
        elif n_words == 1:
            out.append(("person", 0.5))
    out += _apposition(doc, e, gaz)
    return out


def _place_weight(doc: Doc, prep: Token, cues: NameCues) -> float:
    """How much a preposition before a name says it is a place."""
    if prep.lower_ in ("to", "from") and prep.head.lemma_ in _MOTION:
        return 2.0  # "flew to X", "returned from X"
    if prep.lower_ == "at" and prep.i > 0 and doc[prep.i - 1].lower_ in cues.sites_at:
        # "on the seafront at Tidewick": a site of a place (the parser often hangs "at" on the
        # verb, so the word before it is read)
        return 3.0
    return _LOC_PREPS[prep.lower_]


def _speaks(root: Token) -> bool:
    return (
        root.dep_ in ("nsubj", "dobj")  # "said X" is sometimes parsed with X as the object
        and root.head.lemma_ in _SPEAKING
        and (root.dep_ == "nsubj" or root.head.i < root.i)
    )


def _apposition(doc: Doc, e: int, gaz: Gazetteer) -> list[tuple[str, float]]:
    """ "X, a lawyer for the family," / "X, who ..." / "X, a town of 3,000"."""
    window = _appositive(doc, e)
    if not window:
        return []
    if len(window) == 1 and window[0].text.isdigit() and 0 < int(window[0].text) < _OLDEST:
        return [("person", 3.0)]  # "Ewart Oakrell, 31, from Scarrow Hill": an age
    first = window[0].lower_
    if first in _RELATIVE_PRONOUNS:
        return [_RELATIVE_PRONOUNS[first]]
    if first not in _APPOSITIVE_DETERMINERS:
        return []
    words = {t.lower_ for t in window[1:]}
    cues = gaz.cues
    for kind, cue in (("person", gaz.roles), ("place", cues.appos_place), ("org", cues.appos_org)):
        if words & cue:
            return [(kind, 3.0)]
    return []


#: no one is older: a bare figure set off after a name below it is the person's age
_OLDEST = 120
#: "X, who ...", "X, where ...": what the pronoun says X is, and how strongly
_RELATIVE_PRONOUNS = {"who": ("person", 2.0), "where": ("place", 3.0)}
_APPOSITIVE_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her"})


def _appositive(doc: Doc, e: int) -> list[Token]:
    """The words of a phrase set off by a comma after a name ending at ``e`` (at most five)."""
    if e >= len(doc) or doc[e].text != ",":
        return []
    window = []
    for t in doc[e + 1 : e + 6]:
        if t.text in (",", ".", ";", ":") or t.is_space:
            break
        window.append(t)
    return window


def _share_conjuncts(
    doc: Doc,
    spans: list[tuple[int, int, str]],
    skips: list[int],
    names: list[str],
    scores: dict[str, dict[str, float]],
) -> None:
    """ "the towns of Pellin and Ostra": a conjunct gets a share of its partner's evidence."""
    root_of = {}
    for (s, e, _), k, name in zip(spans, skips, names, strict=True):
        root_of[doc[s + k : e].root.i] = name
    extra: list[tuple[str, str, float]] = []
    for i, name in root_of.items():
        tok = doc[i]
        partner = root_of.get(tok.head.i) if tok.dep_ == "conj" else None
        if partner is None or partner == name:
            continue
        for a, b in ((name, partner), (partner, name)):
            sc = scores[b]
            if sc:
                best = max(sc, key=lambda kd: sc[kd])
                extra.append((a, best, min(sc[best], 3.0) / 2))
    for name, kind, w in extra:
        scores[name][kind] += w


def _share_surnames(names: list[str], scores: dict[str, dict[str, float]]) -> None:
    """ "Ilves told reporters": a lone surname counts as the full name's (and adds to it)."""
    full = [n for n in set(names) if " " in n]
    for n in set(names):
        if " " in n:
            continue
        owners = [f for f in full if f.rsplit(" ", 1)[1] == n]
        if len(owners) == 1:
            sc = scores[owners[0]]
            for kind, w in list(scores[n].items()):
                sc[kind] += w / 2
            scores[n] = sc


def _is_common_noun(
    doc: Doc,
    s: int,
    e: int,
    label: str,
    nouns: frozenset[str],
    lower_words: set[str],
    score: dict[str, float],
) -> bool:
    """ "Engineers opened ...", "Farmers downstream said ...": a capitalised common noun."""
    if not any(t.is_title or t.is_upper for t in doc[s:e]):
        return True  # "the electoral commission": no capital, no name
    if e - s != 1:
        return False
    tok = doc[s]
    if e < len(doc) and doc[e].lower_ in _TITLE_HEADS and tok.lower_ in nouns:
        return True  # "Education Minister Tomas Varga": the portfolio, not an organisation
    if not tok.is_alpha or tok.is_upper or not tok.is_sent_start:
        return False
    if tok.lower_ in lower_words:
        return True  # written lower case elsewhere in the article
    return _common_at_sentence_start(tok, label, nouns, score)


def _common_at_sentence_start(
    tok: Token, label: str, nouns: frozenset[str], score: dict[str, float]
) -> bool:
    """A capitalised word opening a sentence that is a known common noun, unless the evidence
    says it is a name."""
    low = tok.lower_
    lemma = tok.lemma_.casefold()
    if low not in nouns and lemma not in nouns:
        return False
    if tok.tag_ in ("NN", "NNS"):
        return True
    if label == "PERSON" and low == lemma and score.get("person", 0) <= 1.0:
        # "Turnout reached 61 per cent": nothing but spaCy's guess says it is someone
        return not _speaks(tok)
    # "Engineers" tagged as a proper plural: a plural of a common noun is still one
    return tok.tag_ == "NNPS" and low != lemma and label != "ORG" and score.get("org", 0) < 3


def unlabelled_names(
    doc: Doc, covered: list[bool], gaz: Gazetteer, labels: dict[int, str] | None = None
) -> list[tuple[int, int, str]]:
    """Names spaCy did not label but whose shape or place says what they are: "Harlow Vale FC"
    (a suffix), "spokeswoman Liesel Amundsen" (a role before two or three capitalised words), "the
    village of Harn", "Quellin and Dunmere" (a conjunct of a labelled name, given its label).
    ``labels`` maps the tokens of labelled names to their label."""
    labels = labels or {}
    out: list[tuple[int, int, str]] = []
    for tok in doc:
        if covered[tok.i] or not (tok.is_title or tok.is_upper):
            continue
        found = _unlabelled_at(doc, tok, covered, gaz, labels)
        if found is not None:
            s, e, _label = found
            out.append(found)
            for k in range(s, e):
                covered[k] = True
    return out


_Named = tuple[int, int, str]  # start, end, label


def _unlabelled_at(
    doc: Doc, tok: Token, covered: list[bool], gaz: Gazetteer, labels: dict[int, str]
) -> _Named | None:
    """The unlabelled name at ``tok``, if its shape or place says what it is."""
    i, cues = tok.i, gaz.cues
    if (
        i >= 2
        and tok.is_alpha
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].lower_ in cues.of_place
        and tok.pos_ != "PROPN"
    ):
        return (i, i + 1, "GPE")  # "the hamlet of Tobberly", a name the tagger took for a word
    if tok.pos_ != "PROPN":
        return None
    low = tok.lower_
    if low in cues.org_suffixes or low in cues.place_suffixes:
        s = i
        while s > 0 and _name_word(doc[s - 1], covered):
            s -= 1
        return (s, i + 1, "ORG" if low in cues.org_suffixes else "FAC") if s < i else None
    named = _after_role(doc, i, covered, gaz) or _before_site(doc, tok, covered)
    if named is not None:
        return named
    if tok.dep_ in ("compound", "flat"):
        return None  # the name goes on: take it from its last word
    return _before_role(doc, tok, covered, gaz) or _ending_at(doc, tok, covered, cues, labels)


def _before_site(doc: Doc, tok: Token, covered: list[bool]) -> _Named | None:
    """ "landed at Wendlow airport": up to three capitalised words before a site word written
    in lower case name the site's place, though no tagger knew them."""
    i = tok.i
    after = " ".join(t.text for t in doc[i + 1 : i + 3])
    if not any(after == w or after.startswith(w + " ") for w in _SITES_AFTER):
        return None
    s = i
    while s > 0 and s > i - 3 and _name_word(doc[s - 1], covered):
        s -= 1
    return (s, i + 1, "GPE")


#: site words written after a place's name ("Wendlow airport", "Cairnhollow air base")
_SITES_AFTER = ("airport", "airfield", "air base", "airbase")


def _before_role(doc: Doc, tok: Token, covered: list[bool], gaz: Gazetteer) -> _Named | None:
    """ "Florian Marbury, the auditor-general who ...": two or three capitalised words set
    before a person's apposition."""
    s = tok.i
    while s > 0 and s > tok.i - 2 and _name_word(doc[s - 1], covered):
        s -= 1
    if s == tok.i or ("person", 3.0) not in _apposition(doc, tok.i + 1, gaz):
        return None
    return (s, tok.i + 1, "PERSON")


def first_name_as_group(doc: Doc, s: int, e: int, gaz: Gazetteer) -> _Named | None:
    """A first name the tagger took for a people ("Florian" in "Florian Marbury, the
    auditor-general who ..."): one word typed NORP, a capitalised name word after it that no
    label covers, and a person's apposition after the two: the whole name is a person."""
    if e - s != 1 or e >= len(doc) or doc[e].ent_type_:
        return None
    if not _name_word(doc[e], [False] * len(doc)):
        return None
    end = e + 1
    return (s, end, "PERSON") if ("person", 3.0) in _apposition(doc, end, gaz) else None


def _after_role(doc: Doc, i: int, covered: list[bool], gaz: Gazetteer) -> _Named | None:
    """ "spokeswoman Liesel Amundsen": a role before two or three capitalised words; or set
    after it by a comma, in apposition ("the association's chair, Marthe Quillan, said")."""
    role = i - 1
    apposed = i >= 2 and doc[i - 1].text == ","
    if apposed:
        role = i - 2
    if not (role >= 0 and doc[role].lower_ in gaz.roles and doc[role].is_lower):
        return None
    e = i
    while e < len(doc) and e - i < 3 and _name_word(doc[e], covered):
        e += 1
    if e - i < 2:
        return None
    if apposed and not (e < len(doc) and doc[e].text == ","):
        return None  # set off by commas both sides, as an apposition is (the parse varies)
    return (i, e, "PERSON")


def _ending_at(
    doc: Doc, tok: Token, covered: list[bool], cues: NameCues, labels: dict[int, str]
) -> _Named | None:
    """A name of up to three words ending at ``tok``: a conjunct of a labelled name (given its
    label), "the village of Harn", or a name set in a place."""
    i = tok.i
    s = i
    while s > 0 and s > i - 3 and _name_word(doc[s - 1], covered):
        s -= 1
    if tok.dep_ == "conj" and tok.head.i in labels:
        return (s, i + 1, labels[tok.head.i])
    if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in cues.of_place:
        return (s, i + 1, "GPE")
    if _set_in(doc, s, tok):
        return (s, i + 1, "GPE")  # "stable in Tarnwick": a name no tagger knew, set in a place
    return None


#: prepositions that set what comes after them in a place ("in", not "at Google", "to Mary")
_SETTING = frozenset({"in", "near", "outside", "around", "across", "throughout"})


def _set_in(doc: Doc, s: int, tok: Token) -> bool:
    """A proper name as the object of a locative preposition that spaCy typed as nothing that
    could be no place (a month, a language, a number are typed so, and never get here)."""
    return (
        s >= 1
        and doc[s - 1].lower_ in _SETTING
        and tok.dep_ == "pobj"
        and tok.head.i == s - 1
        and all(doc[k].ent_type_ in _UNSURE and doc[k].is_alpha for k in range(s, tok.i + 1))
    )


#: spaCy's guesses for an unknown capitalised word that leave it free to be a place
_UNSURE = frozenset({"", "PRODUCT", "WORK_OF_ART"})


def _name_word(tok: Token, covered: list[bool]) -> bool:
    return not covered[tok.i] and tok.pos_ == "PROPN" and tok.is_title
